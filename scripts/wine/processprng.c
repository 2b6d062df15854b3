/* Test-only stand-in for Windows' bcryptprimitives.dll, for Wine 8 (Debian 12), which lacks it.
 * Rust's std (1.78+) gets its random numbers (HashMap keys) from ProcessPrng; on Windows 10 and
 * later that is in C:\Windows\System32\bcryptprimitives.dll. Here it is built on advapi32's
 * RtlGenRandom (SystemFunction036), which Wine has. Never shipped: scripts/wine/build-shim.sh
 * puts it only into the private Wine prefix that the test wrapper uses. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE; /* the real one never fails; this makes a failure visible */
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
