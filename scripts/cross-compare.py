#!/usr/bin/env python3
"""Run one sequence of duty commands with the native binary and with each cross build, and
report every difference in exit code, stdout, stderr and the files written.

    scripts/cross-compare.py [--native BIN] [--runner NAME]... [--keep] [--verbose]

Runners (default: all whose binary exists):
    static        the static x86-64 binary, run directly
    qemu-aarch64  the static aarch64 binary under qemu-user (scripts/duty-under)
    wine          duty.exe under Wine (scripts/duty-under), given Windows paths (Z:\\...)

Binaries: DUTY_NATIVE_BIN (default: $CARGO_TARGET_DIR/{dist,release,debug}/duty, the first
that exists), and for the cross builds $CARGO_TARGET_DIR/TRIPLE/$DUTY_PROFILE/duty[.exe]
(DUTY_PROFILE defaults to dist). Each runner gets its own copy of the inputs under a
directory named "法治 台账" (Chinese, with a space), the same DUTY_TODAY, USER and language.

Before comparing, both sides are normalised the same way: the runner's own directory becomes
<W> (for Wine its Windows form Z:\\...\\, with the backslashes after it turned into /), the
binary's name in clap's usage line (duty.exe) becomes duty, entry ids (derived from the real
clock) become <ID1>, <ID2>... in order of appearance, and the real clock's date and time
become <NOW>. Nothing else is touched.

Exit 0 when every difference is listed in scripts/cross-known-differences.txt, 1 when one is
not (each is printed with a diff), 2 on a usage error. A listed difference that no longer
occurs is reported, so the list can be shortened when the code is fixed.
"""

import argparse
import datetime
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FIXTURES = REPO / "tests" / "it" / "fixtures"
TODAY = "2024-06-01"

TRIPLES = {
    "static": ("x86_64-unknown-linux-gnu", "duty"),
    "qemu-aarch64": ("aarch64-unknown-linux-musl", "duty"),
    "wine": ("x86_64-pc-windows-gnu", "duty.exe"),
}

# (name, args) run in order in one data directory. "{ID:n}" is the n-th entry id the run has
# printed so far (from `log`); "{P:rel}" is the absolute path of rel inside the run's
# directory, in the runner's own form. Names are what cross-known-differences.txt refers to.
STEPS = [
    ("version", ["--version"]),
    ("help", ["--help"]),
    ("help-log", ["log", "--help"]),
    ("bad-option", ["--frobnicate"]),
    ("paths-empty", ["paths"]),
    ("validate-minimal", ["validate", "fixtures/valid/03-minimal.ron"]),
    ("validate-bom-crlf", ["validate", "fixtures/valid/01-bom-crlf.ron"]),
    ("validate-missing-comma", ["validate", "fixtures/invalid/04-missing-comma.ron"]),
    ("validate-gbk", ["validate", "fixtures/invalid/03-gbk-encoded.ron"]),
    ("validate-crlf-error", ["validate", "fixtures/invalid/53-crlf-error.ron"]),
    ("validate-many-errors", ["validate", "fixtures/invalid/47-many-semantic-errors.ron"]),
    ("validate-abs", ["validate", "{P:fixtures/valid/02-raw-strings-and-comments.ron}"]),
    ("validate-missing-file", ["validate", "没有这个文件.ron"]),
    ("status-empty", ["status"]),
    ("check", ["check", "annual-plan", "--date", "2024-02-20", "--evidence", "局党组〔2024〕3号"]),
    ("check-unknown", ["check", "anual-plan"]),
    ("check-bad-date", ["check", "leading-group", "--date", "2024-02-30"]),
    ("check-outside-year", ["check", "leading-group", "--date", "2023-12-31"]),
    ("log-center", ["log", "center-group", "--date", "2024年4月2日",
                    "--topic", "《中华人民共和国保守国家秘密法》", "--evidence", "签到表"]),
    ("log-hours", ["log", "study-hours", "--date", "2024-05-10", "--topic", "网络学法",
                   "--hours", "2.5"]),
    ("log-today", ["log", "party-meetings", "--topic", "专题研究法治建设 “三个规定”"]),
    ("log-wrong-kind", ["log", "annual-plan", "--topic", "x"]),
    ("rate", ["rate", "exam-participation", "46/50"]),
    ("rate-bad", ["rate", "exam-participation", "51/50"]),
    ("note", ["note", "party-meetings", "第二次会议待纪要印发"]),
    ("evidence", ["evidence", "annual-plan", "档案盒3"]),
    ("undo", ["undo"]),
    ("unlog", ["unlog", "center-group", "{ID:1}"]),
    ("undo-unlog", ["undo"]),
    ("history", ["history"]),
    ("history-item", ["history", "center-group"]),
    ("status", ["status"]),
    ("status-en", ["--lang", "en", "status"]),
    ("status-json", ["status", "--json"]),
    ("stdin-not-a-terminal", []),
    ("review", ["review"]),
    ("due", ["due", "--within", "2w"]),
    ("summary-text", ["summary"]),
    ("summary-en", ["--lang", "en", "summary"]),
    ("summary-md", ["summary", "-f", "md", "-o", "第三部分.md"]),
    ("summary-md-again", ["summary", "-f", "md", "-o", "第三部分.md"]),
    ("summary-md-force", ["summary", "-f", "md", "-o", "第三部分.md", "--force"]),
    ("summary-text-file", ["summary", "-o", "第三部分.txt"]),
    ("summary-csv", ["summary", "-f", "csv", "--bom", "-o", "第三部分.csv"]),
    ("summary-json", ["summary", "-f", "json", "-o", "第三部分.json"]),
    ("summary-docx", ["summary", "-f", "docx", "-o", "第三部分.docx"]),
    ("summary-docx-abs-force", ["summary", "-f", "docx", "-o", "{P:报告 终稿.docx}", "--force"]),
    ("summary-docx-no-output", ["summary", "-f", "docx"]),
    ("summary-into-dir", ["summary", "-o", "fixtures"]),
    ("ledger-csv", ["ledger", "-f", "csv"]),
    ("ledger-csv-entries-file", ["ledger", "-f", "csv", "--bom", "--entries", "-o", "台账.csv"]),
    ("ledger-md", ["ledger", "-f", "md"]),
    ("ledger-json", ["ledger", "-f", "json"]),
    ("ledger-docx-force", ["ledger", "-f", "docx", "-o", "台账.docx", "--force"]),
    ("export-ledger", ["export-ledger", "-o", "导出 台账.ron"]),
    ("export-ledger-force", ["export-ledger", "-o", "导出 台账.ron", "--force"]),
    ("import-ledger-other", ["--data-dir", "{P:另一台 电脑}", "import-ledger", "导出 台账.ron"]),
    ("import-ledger-again", ["--data-dir", "{P:另一台 电脑}", "import-ledger", "导出 台账.ron"]),
    ("status-other", ["--data-dir", "{P:另一台 电脑}", "status"]),
    ("rollup", ["status", "--checklist", "fixtures/review/example-2024.ron",
                "--ledger", "fixtures/review/rollup/a.ron", "--ledger", "fixtures/review/rollup/b.ron",
                "--ledger", "fixtures/review/rollup/c.ron"]),
    ("rollup-json-dir", ["status", "--json", "--checklist", "fixtures/review/example-2024.ron",
                         "--ledger", "fixtures/review/rollup"]),
    ("init", ["init", "-o", "我局 清单.ron"]),
    ("init-force", ["init", "-o", "我局 清单.ron", "--force"]),
    ("validate-init", ["validate", "我局 清单.ron"]),
    ("use", ["use", "我局 清单.ron"]),
    ("paths", ["paths"]),
    ("status-after-use", ["status"]),
    ("rollover", ["rollover", "--to", "2025", "--carry-over", "-o", "2025 清单.ron"]),
    ("rollover-force", ["rollover", "--to", "2025", "--carry-over", "-o", "2025 清单.ron", "--force"]),
    ("validate-rollover", ["validate", "2025 清单.ron"]),
    ("status-2025", ["--checklist", "2025 清单.ron", "status"]),
    ("close", ["close"]),
    ("check-closed", ["check", "leading-group", "--date", "2024-03-01"]),
    ("reopen", ["reopen"]),
    ("check-reopened", ["check", "leading-group", "--date", "2024-03-01"]),
    ("damage-ledger", "DAMAGE"),
    ("status-damaged", ["status"]),
    ("restore-backup", ["restore-backup"]),
    ("status-restored", ["status"]),
]


def dates_now():
    """Today's date here, in UTC and where the runs are (TZ=Asia/Shanghai, UTC+8 all year):
    after 16:00 UTC the runs' timestamps already carry tomorrow's date."""
    now = datetime.datetime.now(datetime.timezone.utc)
    china = datetime.timezone(datetime.timedelta(hours=8))
    return {datetime.datetime.now().date().isoformat(), now.date().isoformat(),
            now.astimezone(china).date().isoformat()}


def real_clock_patterns(dates):
    alts = "|".join(re.escape(d) for d in sorted(dates))
    # 2026-12-01 10:54, 2026-12-01T10:54:33.123456789+08:00[Asia/Shanghai], ...Z
    return re.compile(
        r"(?:%s)(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?:\[[^\]]+\])?)?"
        % alts
    )


ID_RE = re.compile(r"编号 ([a-z2-9]{6,})|\(id ([a-z2-9]{6,})\)")


class Run:
    def __init__(self, name, argv, root, windows):
        self.name = name
        self.argv = argv
        self.root = root  # Path of this run's directory
        self.windows = windows
        self.ids = []
        self.results = {}  # step -> (rc, stdout, stderr)

    def p(self, rel):
        path = self.root / rel if rel else self.root
        if self.windows:
            return "Z:" + str(path).replace("/", "\\")
        return str(path)

    def expand(self, arg):
        def sub(m):
            kind, val = m.group(1), m.group(2)
            if kind == "P":
                return self.p(val)
            n = int(val)
            return self.ids[n - 1] if n <= len(self.ids) else "no-such-id"

        return re.sub(r"\{(P|ID):([^}]*)\}", sub, arg)

    def env(self, step):
        env = dict(os.environ)
        for k in ("DUTY_LANG", "NO_COLOR", "DUTY_DATA_DIR", "DUTY_CONFIG_DIR"):
            env.pop(k, None)
        env.update(
            DUTY_DATA_DIR=self.p("data"),
            DUTY_CONFIG_DIR=self.p("config"),
            DUTY_TODAY=TODAY,
            USER="张三",
            USERNAME="张三",
            TZ="Asia/Shanghai",
        )
        if step.startswith("help"):
            # Help shows the variable's value, wrapped at a width that depends on the path.
            del env["DUTY_DATA_DIR"]
        return env

    def run_step(self, step, args):
        if args == "DAMAGE":
            # A torn write as a crash would leave it; the backup is the previous good one.
            led = next(self.root.glob("data/*/2024.ron"))
            led.write_bytes(led.read_bytes()[:40])
            self.results[step] = (0, b"", b"")
            return
        args = [self.expand(a) for a in args]
        proc = subprocess.run(
            self.argv + args,
            cwd=self.root,
            env=self.env(step),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=120,
        )
        out = proc.stdout.decode("utf-8", "replace")
        for m in ID_RE.finditer(out):
            i = m.group(1) or m.group(2)
            if i not in self.ids:
                self.ids.append(i)
        self.results[step] = (proc.returncode, proc.stdout, proc.stderr)

    def files(self):
        """rel path -> bytes of every file the run left (docx: one entry per member)."""
        out = {}
        for f in sorted(self.root.rglob("*")):
            rel = f.relative_to(self.root).as_posix()
            if not f.is_file() or rel.startswith("fixtures/") or rel.endswith(".lock"):
                continue
            if "/.cache/" in rel:
                continue
            if f.suffix == ".docx":
                try:
                    with zipfile.ZipFile(f) as z:
                        for info in z.infolist():
                            out[f"{rel}!{info.filename}"] = z.read(info)
                except zipfile.BadZipFile:
                    out[rel] = f.read_bytes()
            else:
                out[rel] = f.read_bytes()
        return out

    def normalise(self, data, clock):
        text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        roots = [str(self.root)]
        if self.windows:
            win = self.p("")
            roots = [win, win.replace("\\", "\\\\"), str(self.root)]
        for r in roots:
            # <W> and the rest of the path token, with its separators made /.
            pat = re.compile(re.escape(r) + r"([^\s\"'“”‘’（）(),，：:]*)")
            text = pat.sub(lambda m: "<W>" + re.sub(r"\\\\|\\", "/", m.group(1)), text)
        text = re.sub(r"\bduty\.exe\b", "duty", text)
        for n, i in enumerate(self.ids, 1):
            text = re.sub(r"\b%s\b" % re.escape(i), f"<ID{n}>", text)
        text = clock.sub("<NOW>", text)
        # A journal's id is random, and where it ends depends on how long each timestamp is.
        text = re.sub(r'^\{"journal":"[0-9a-f]+"', '{"journal":"<JOURNAL>"', text, flags=re.M)
        text = re.sub(r'(journal: Some\(\(\s+id: )"[0-9a-f]+",(\s+end: )\d+',
                      r'\1"<JOURNAL>",\2<END>', text)
        return text


def setup_dir(root):
    root.mkdir(parents=True)
    shutil.copytree(FIXTURES, root / "fixtures")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--native")
    ap.add_argument("--runner", action="append", choices=sorted(TRIPLES))
    ap.add_argument("--keep", action="store_true", help="keep the run directories")
    ap.add_argument("--verbose", action="store_true", help="print every difference in full")
    ap.add_argument("--known", default=str(HERE / "cross-known-differences.txt"))
    opts = ap.parse_args()

    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    profile = os.environ.get("DUTY_PROFILE", "dist")
    native = opts.native or os.environ.get("DUTY_NATIVE_BIN")
    if not native:
        for p in ("dist", "release", "debug"):
            if (target / p / "duty").is_file():
                native = str(target / p / "duty")
                break
    if not native or not Path(native).is_file():
        print("cross-compare: no native binary; build one or set DUTY_NATIVE_BIN", file=sys.stderr)
        return 2
    # The commands run in a scratch directory, so a relative path would point nowhere.
    native = str(Path(native).resolve())

    runners = []
    for name in opts.runner or sorted(TRIPLES):
        triple, exe = TRIPLES[name]
        binary = target / triple / profile / exe
        if not binary.is_file():
            if opts.runner:
                print(f"cross-compare: {binary} is missing (scripts/cross-build.sh)", file=sys.stderr)
                return 2
            print(f"cross-compare: skipping {name}: {binary} is missing")
            continue
        if name == "static":
            argv = [str(binary)]
        else:
            argv = [str(HERE / "duty-under"), name, str(binary)]
        runners.append((name, argv))

    known = set()
    if Path(opts.known).is_file():
        for line in Path(opts.known).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                known.add(tuple(line.split()[:3]))

    base = Path(tempfile.mkdtemp(prefix="duty-cross-"))
    clock_dates = dates_now()
    runs = [Run("native", [native], base / "法治 台账" / "native", False)]
    runs += [Run(n, a, base / "法治 台账" / n, n == "wine") for n, a in runners]
    print(f"cross-compare: native {native}")
    for r in runs[1:]:
        print(f"cross-compare: {r.name} {' '.join(r.argv)}")
    if any(n == "wine" for n, _ in runners):
        start = datetime.datetime.now()
        subprocess.run([str(HERE / "duty-under"), "wine-init"], check=True)
        print(f"cross-compare: Wine prefix ready in {(datetime.datetime.now() - start).total_seconds():.1f} s")
    for r in runs:
        setup_dir(r.root)
        start = datetime.datetime.now()
        for step, args in STEPS:
            r.run_step(step, args)
        secs = (datetime.datetime.now() - start).total_seconds()
        print(f"cross-compare: {r.name}: {len(STEPS)} steps in {secs:.1f} s")
    clock_dates |= dates_now()
    clock = real_clock_patterns(clock_dates)

    ref = runs[0]
    ref_files = {k: ref.normalise(v, clock) for k, v in ref.files().items()}
    seen = set()
    unexpected = 0

    def report(run, step, what, a, b):
        nonlocal unexpected
        key = (run.name, step, what)
        seen.add(key)
        tag = "known" if key in known else "DIFFERENT"
        if tag == "DIFFERENT":
            unexpected += 1
        print(f"\n[{tag}] {run.name} {step} {what}")
        if tag == "DIFFERENT" or opts.verbose:
            diff = list(difflib.unified_diff(a.splitlines(), b.splitlines(), "native", run.name, lineterm="", n=1))
            limit = None if opts.verbose else 40
            for line in diff[:limit]:
                print("    " + line)
            if limit and len(diff) > limit:
                print(f"    ... {len(diff) - limit} more lines")

    for run in runs[1:]:
        raw_same = 0
        for step, _ in STEPS:
            rc0, out0, err0 = ref.results[step]
            rc1, out1, err1 = run.results[step]
            if (rc0, out0, err0) == (rc1, out1, err1):
                raw_same += 1
            if rc0 != rc1:
                report(run, step, "exit", f"exit {rc0}", f"exit {rc1}")
            for what, a, b in (("stdout", out0, out1), ("stderr", err0, err1)):
                na, nb = ref.normalise(a, clock), run.normalise(b, clock)
                if na != nb:
                    report(run, step, what, na, nb)
        files = {k: run.normalise(v, clock) for k, v in run.files().items()}
        for name in sorted(set(ref_files) | set(files)):
            a, b = ref_files.get(name), files.get(name)
            if a == b:
                continue
            what = "file:" + name.replace(" ", "␠")
            if a is None or b is None:
                report(run, "files", what, "(present)" if a is not None else "(absent)",
                       "(present)" if b is not None else "(absent)")
            elif a == b.replace("\r\n", "\n"):
                report(run, "files", "crlf:" + name.replace(" ", "␠"), a, "(the same with CRLF line ends)")
            else:
                report(run, "files", what, a, b)
        print(f"\ncross-compare: {run.name}: {raw_same}/{len(STEPS)} steps byte-identical before normalising")

    gone = sorted(k for k in known if k[0] in {r.name for r in runs[1:]} and k not in seen)
    for k in gone:
        print(f"cross-compare: listed difference no longer seen (remove it from the list): {' '.join(k)}")
    if opts.keep:
        print(f"cross-compare: runs kept in {base}")
    else:
        shutil.rmtree(base, ignore_errors=True)
    total = sum(1 for k in seen)
    print(f"\ncross-compare: {len(runs) - 1} runners, {total} differences, {unexpected} not in {Path(opts.known).name}")
    failed_steps = {(k[0], k[1]) for k in seen if k not in known}
    checks = len(runs[1:]) * (len(STEPS) + 1)  # +1: the files left
    print(f"cross-compare: {checks - len(failed_steps)} passed, {len(failed_steps)} failed")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
