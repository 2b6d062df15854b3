//! Where command output goes: stdout, or a buffer in tests. Writes are fallible so that a
//! closed pipe (`duty status | head -1`) ends the command cleanly instead of panicking.

use std::io::{self, Write};

pub struct Out {
    inner: Box<dyn Write>,
}

impl Out {
    pub fn stdout() -> Self {
        Out {
            inner: Box::new(io::BufWriter::new(io::stdout())),
        }
    }

    pub fn to(writer: impl Write + 'static) -> Self {
        Out {
            inner: Box::new(writer),
        }
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        // A failure here is a closed pipe at the very end; there is no one left to tell.
        let _ = self.inner.flush();
    }
}
