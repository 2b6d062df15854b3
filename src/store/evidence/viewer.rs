//! Opening a kept file with the system's viewer: a checked copy under its original name in
//! a fresh temporary folder (so the viewer shows a proper name and extension, and whatever it
//! does cannot touch the store), handed to `xdg-open` (Linux) or `explorer` (Windows) as one
//! argument — never through a shell, since a file name can hold anything. The copies are
//! private to the user (a shared `/tmp` is read by everyone) and removed a day later, when
//! the next copy is made.

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

/// Copy the stored file (checked against its hash) to `TEMP/duty-open/XXXX/NAME`, read-only
/// and private to this user: the folders are `0700` and the copy `0400` on Unix (on Windows
/// the temporary folder is the user's own, under the profile). Copies this user made more
/// than a day ago are removed first. `name` must already be a safe file name for this system
/// (see `pack::names`).
pub fn viewer_copy(
    store: &Evidence,
    sha256: &str,
    size: u64,
    name: &str,
) -> Result<PathBuf, EvidenceError> {
    let base = private_base(&std::env::temp_dir())?;
    remove_old(&base, SystemTime::now());
    let dir = tempfile::Builder::new()
        .prefix("")
        .tempdir_in(&base)
        .map_err(EvidenceError::io(IoOp::Create, &base))?
        .keep();
    set_mode(&dir, 0o700);
    let to = dir.join(name);
    let mut reader = store.open_checked(sha256, size, name)?;
    let copied = create_private(&to).and_then(|f| {
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
    set_mode(&to, 0o400);
    Ok(to)
}

/// The folder copies for viewers go in: `TEMP/duty-open`, made private to this user. On a
/// shared temporary folder (`/tmp`) someone else may have made it first, or put a link
/// there: then `TEMP/duty-open-UID`, and if that is not ours either, a refusal — a copy is
/// never put in a folder another user controls.
fn private_base(temp: &Path) -> Result<PathBuf, EvidenceError> {
    let mut names = vec!["duty-open".to_string()];
    if let Some(uid) = my_uid() {
        names.push(format!("duty-open-{uid}"));
    }
    let mut last = None;
    for name in names {
        let base = temp.join(name);
        match make_private_dir(&base) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(EvidenceError::io(IoOp::Create, &base)(e)),
        }
        if ours(&base) {
            set_mode(&base, 0o700);
            return Ok(base);
        }
        last = Some(base);
    }
    Err(EvidenceError::NotOurFolder {
        path: last.unwrap_or_else(|| temp.join("duty-open")),
    })
}

fn make_private_dir(dir: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    // Elsewhere the folder is in the user's own temporary directory, already private.
    #[cfg(not(unix))]
    let _ = &mut b;
    b.create(dir)
}

/// A new file only this user can read or write (until it is made read-only).
fn create_private(path: &Path) -> io::Result<File> {
    let mut o = fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path)
}

/// A real folder (not a link) this user owns.
fn ours(path: &Path) -> bool {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.file_type().is_dir() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        my_uid() == Some(meta.uid())
    }
    #[cfg(not(unix))]
    true
}

/// This process's user, as the owner of a file it makes (no `libc` call needed): the
/// anonymous temporary file is gone as soon as it is closed.
#[cfg(unix)]
fn my_uid() -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    tempfile::tempfile()
        .and_then(|f| f.metadata())
        .ok()
        .map(|m| m.uid())
}

#[cfg(not(unix))]
fn my_uid() -> Option<u32> {
    None
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    let _ = fs::set_permissions(path, fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) {}

/// Remove this user's copies made for viewers more than a day before `now` (best effort).
/// Only real folders directly in `base` are looked at — a link is never followed — and in
/// them only what they hold directly; anything not ours is left alone.
fn remove_old(base: &Path, now: SystemTime) {
    let Ok(entries) = fs::read_dir(base) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        // `symlink_metadata`: the entry itself, never what a link points to.
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > KEEP_COPIES);
        if !old || !ours(&path) {
            continue;
        }
        if let Ok(files) = fs::read_dir(&path) {
            for f in files.flatten() {
                let p = f.path();
                // A read-only file cannot be removed on Windows; a link is removed as such.
                if fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_file()) {
                    super::make_writable(&p);
                }
            }
        }
        // Does not follow links inside the folder (removes the links themselves).
        let _ = fs::remove_dir_all(&path);
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
