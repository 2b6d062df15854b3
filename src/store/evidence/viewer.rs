//! Opening a kept file with the system's viewer: a checked copy under its original name in
//! a fresh temporary folder (so the viewer shows a proper name and extension, and whatever it
//! does cannot touch the store), handed to `xdg-open` (Linux) or `explorer` (Windows) as one
//! argument — never through a shell, since a file name can hold anything.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use super::error::EvidenceError;
use super::{Evidence, make_read_only};
use crate::store::IoOp;

/// Copies older than this are removed when the next one is made.
const KEEP_COPIES: Duration = Duration::from_secs(24 * 3600);

/// The program that opens a file on this system.
pub fn default_opener() -> &'static str {
    if cfg!(windows) {
        "explorer.exe"
    } else {
        "xdg-open"
    }
}

/// Copy the stored file (checked against its hash) to `TEMP/duty-open/XXXX/NAME`, read-only.
/// `name` must already be a safe file name for this system (see `pack::names`).
pub fn viewer_copy(
    store: &Evidence,
    sha256: &str,
    size: u64,
    name: &str,
) -> Result<PathBuf, EvidenceError> {
    let base = std::env::temp_dir().join("duty-open");
    crate::store::files::ensure_dir(&base)?;
    remove_old(&base);
    let dir = tempfile::Builder::new()
        .prefix("")
        .tempdir_in(&base)
        .map_err(EvidenceError::io(IoOp::Create, &base))?
        .keep();
    let to = dir.join(name);
    let mut reader = store.open_checked(sha256, size, name)?;
    let copied = File::create(&to).and_then(|f| {
        let mut w = BufWriter::new(f);
        io::copy(&mut reader, &mut w)?;
        w.into_inner().map_err(|e| e.into_error())?.sync_all()
    });
    if let Err(e) = copied {
        let _ = fs::remove_dir_all(&dir);
        return Err(if e.kind() == io::ErrorKind::InvalidData {
            EvidenceError::Damaged {
                sha256: sha256.to_string(),
                name: name.to_string(),
            }
        } else {
            EvidenceError::io(IoOp::Write, &to)(e)
        });
    }
    make_read_only(&to);
    Ok(to)
}

/// Remove copies made for viewers more than a day ago (best effort).
fn remove_old(base: &Path) {
    let Ok(entries) = fs::read_dir(base) else {
        return;
    };
    let now = SystemTime::now();
    for e in entries.flatten() {
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > KEEP_COPIES);
        if old {
            let path = e.path();
            if let Ok(files) = fs::read_dir(&path) {
                for f in files.flatten() {
                    super::make_writable(&f.path());
                }
            }
            let _ = fs::remove_dir_all(&path);
        }
    }
}

/// Open `path` with `opener` (the system's viewer when `None`), waiting at most `wait` for
/// the opener to say it failed: `xdg-open` exits at once with an error where there is no
/// desktop or no application for the file; an opener still running is taken as success.
/// Its exit is collected in the background, so a long-lived screen leaves no zombie.
pub fn launch(path: &Path, opener: Option<OsString>, wait: Duration) -> Result<(), EvidenceError> {
    let program = opener.unwrap_or_else(|| default_opener().into());
    let shown = program.to_string_lossy().into_owned();
    let mut cmd = Command::new(&program);
    add_path(&mut cmd, path);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = cmd.spawn().map_err(|source| EvidenceError::Viewer {
        program: shown.clone(),
        copy: path.to_path_buf(),
        source,
    })?;
    let start = Instant::now();
    loop {
        match child.try_wait() {
            // Explorer exits with 1 even when it opened the file.
            Ok(Some(status)) if status.success() || cfg!(windows) => return Ok(()),
            Ok(Some(status)) => {
                return Err(EvidenceError::ViewerFailed {
                    program: shown,
                    copy: path.to_path_buf(),
                    code: status.code(),
                });
            }
            Ok(None) if start.elapsed() < wait => std::thread::sleep(Duration::from_millis(20)),
            _ => break,
        }
    }
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}

/// The path as one argument. On Windows it is quoted by hand: explorer splits an unquoted
/// argument at commas, and Rust quotes only arguments with spaces. A Windows path cannot
/// hold `"`, so the quotes cannot be broken out of.
fn add_path(cmd: &mut Command, path: &Path) {
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        cmd.raw_arg(format!("\"{}\"", path.display()));
    }
    #[cfg(not(windows))]
    cmd.arg(path);
}
