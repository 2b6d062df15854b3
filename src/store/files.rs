//! Plain file operations every part of the store shares: what stands at a path, reading
//! with a size cap, replacing a file atomically, writing a new file without ever replacing
//! one, and the name of the person at the keyboard.

use std::fs::{self, File, Metadata};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::error::{IoOp, NotFile, StoreError};

/// What stands at `path`: nothing (`None`), a regular file (following a symbolic link), or
/// an error naming what stands there instead. A FIFO or a device is refused here, before it
/// is opened, because reading one can block for ever.
pub fn regular(path: &Path) -> Result<Option<Metadata>, StoreError> {
    let not = |kind| StoreError::NotAFile {
        path: path.to_path_buf(),
        kind,
    };
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(Some(meta)),
        Ok(meta) if meta.is_dir() => Err(not(NotFile::Directory)),
        Ok(_) => Err(not(NotFile::Special)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => match fs::symlink_metadata(path) {
            Ok(_) => Err(not(NotFile::DanglingLink)),
            Err(_) => Ok(None),
        },
        Err(e) => Err(StoreError::io(IoOp::Read, path)(e)),
    }
}

/// The bytes of the regular file at `path` (`None` if there is none), or `Err(len)` when it
/// is larger than `cap`: its real size, for the message.
pub fn read_capped(path: &Path, cap: u64) -> Result<Option<Result<Vec<u8>, u64>>, StoreError> {
    let Some(meta) = regular(path)? else {
        return Ok(None);
    };
    if meta.len() > cap {
        return Ok(Some(Err(meta.len())));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    File::open(path)
        .and_then(|f| f.take(cap + 1).read_to_end(&mut bytes))
        .map_err(StoreError::io(IoOp::Read, path))?;
    if bytes.len() as u64 > cap {
        return Ok(Some(Err(bytes.len() as u64)));
    }
    Ok(Some(Ok(bytes)))
}

/// Whether the file is durable once `replace` returns, or only once the next sync is made
/// (the journal already holds what a snapshot says).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    Synced,
    Unsynced,
}

/// Replace `path` with `contents` atomically: written beside it under a temporary name,
/// then renamed over it, so a reader sees the old file or the new one, never a mix.
///
/// A symbolic link is written through (its target is replaced and the link stays), and the
/// new file keeps the old one's permissions, never wider; a new file gets the usual ones
/// (what the umask leaves of read-write for everyone).
pub fn replace(path: &Path, contents: &[u8], durability: Durability) -> Result<(), StoreError> {
    let target = link_target(path)?;
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let write = StoreError::io(IoOp::Write, &target);
    let mut temp = temp_file(&target, dir).map_err(StoreError::io(IoOp::Write, dir))?;
    temp.write_all(contents).map_err(write)?;
    if durability == Durability::Synced {
        temp.as_file()
            .sync_all()
            .map_err(StoreError::io(IoOp::Sync, &target))?;
    }
    persist(temp, &target)?;
    if durability == Durability::Synced {
        sync_dir(dir)?;
    }
    Ok(())
}

/// Where writing `path` must go: the path itself, or the target of the link standing there.
fn link_target(path: &Path) -> Result<PathBuf, StoreError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(|_| StoreError::NotAFile {
                path: path.to_path_buf(),
                kind: NotFile::DanglingLink,
            })
        }
        _ => Ok(path.to_path_buf()),
    }
}

/// A temporary file in `dir` named after `target` (`.NAME.XXXXXX.tmp`, swept by [`sweep`])
/// with the permissions `target` has, or the usual ones for a new file.
fn temp_file(target: &Path, dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(target).map_or(0o666, |m| m.permissions().mode() & 0o777);
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    builder.tempfile_in(dir)
}

/// Rename the temporary file over `target`. Windows refuses to replace a file another
/// process has open for a moment (a reader, a virus scanner), so it is tried a few times.
fn persist(temp: tempfile::NamedTempFile, target: &Path) -> Result<(), StoreError> {
    let mut temp = temp;
    let mut tries = 0;
    loop {
        match temp.persist(target) {
            Ok(_) => return Ok(()),
            Err(e)
                if cfg!(windows)
                    && tries < 20
                    && e.error.kind() == io::ErrorKind::PermissionDenied =>
            {
                tries += 1;
                temp = e.file;
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            Err(e) => return Err(StoreError::io(IoOp::Rename, target)(e.error)),
        }
    }
}

/// Make a new or renamed name in `dir` durable. Windows has no such call (it cannot open a
/// directory as a file) and keeps names durable through its journaling file system.
pub fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(StoreError::io(IoOp::Sync, dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Remove temporary files a process killed mid-write left beside `path`. Best effort: a
/// leftover that cannot be removed harms nothing but tidiness.
pub fn sweep(path: &Path) {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(file) = file.to_str() else { continue };
        if file
            .strip_prefix(&prefix)
            .is_some_and(|rest| rest.ends_with(".tmp"))
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Create `path` with `contents`, refusing to replace an existing file unless `force`.
///
/// Without `force` the file is written and synced beside its name, then linked in only if
/// the name is still free, so a file another process made meanwhile is never lost.
pub fn write_new(path: &Path, contents: &[u8], force: bool) -> Result<(), StoreError> {
    let exists = || StoreError::Io {
        op: IoOp::Write,
        path: path.to_path_buf(),
        source: io::Error::new(io::ErrorKind::AlreadyExists, "file exists"),
    };
    match regular(path) {
        Ok(Some(_)) if !force => return Err(exists()),
        Err(StoreError::NotAFile {
            kind: NotFile::DanglingLink,
            ..
        }) if !force => {
            return Err(exists());
        }
        Err(e @ StoreError::NotAFile { .. }) => return Err(e),
        Err(e) => return Err(e),
        _ => {}
    }
    // A mistyped directory is reported, not created.
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(StoreError::Io {
            op: IoOp::Write,
            path: path.to_path_buf(),
            source: io::Error::new(io::ErrorKind::NotFound, "no such directory"),
        });
    }
    // What a process killed mid-write left beside this name goes first.
    sweep(path);
    if force {
        return replace(path, contents, Durability::Synced);
    }
    let mut temp = temp_file(path, dir).map_err(StoreError::io(IoOp::Write, dir))?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(StoreError::io(IoOp::Write, path))?;
    match temp.persist_noclobber(path) {
        Ok(_) => sync_dir(dir),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(exists()),
        Err(e) => Err(StoreError::io(IoOp::Write, path)(e.error)),
    }
}

/// Create `dir` (and its parents) if it does not exist yet.
pub fn ensure_dir(dir: &Path) -> Result<(), StoreError> {
    fs::create_dir_all(dir).map_err(StoreError::io(IoOp::Create, dir))
}

/// Read a checklist file; one over `cap` is read just past the cap, so that the loader can
/// report its size with the usual diagnostic.
pub fn read_checklist(path: &Path, cap: u64) -> Result<(Vec<u8>, u64), StoreError> {
    let meta = regular(path)?.ok_or_else(|| StoreError::Io {
        op: IoOp::Read,
        path: path.to_path_buf(),
        source: io::Error::from(io::ErrorKind::NotFound),
    })?;
    // Sized once: grown by doubling, a 5 MB checklist was copied and faulted in four times.
    let mut bytes = Vec::with_capacity(meta.len().min(cap) as usize + 1);
    File::open(path)
        .and_then(|f| f.take(cap + 1).read_to_end(&mut bytes))
        .map_err(StoreError::io(IoOp::Read, path))?;
    Ok((bytes, meta.len()))
}

/// Who is making changes when the settings name no one: the login name from the
/// environment, else (on Unix) the password-file name of the process's user, else "unknown".
pub fn os_user(vars: &dyn Fn(&str) -> Option<String>) -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| vars(k).filter(|v| !v.trim().is_empty()))
        .or_else(passwd_user)
        .map(|u| crate::text::strip_unsafe(&u))
        .unwrap_or_else(|| "unknown".to_string())
}

/// The user owning this process, from `/proc/self` (owned by the process's effective user
/// on Linux) and `/etc/passwd`; std offers no `getuid`, and this avoids a libc binding.
#[cfg(unix)]
fn passwd_user() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = fs::metadata("/proc/self").ok()?.uid();
    let passwd = fs::read_to_string("/etc/passwd").unwrap_or_default();
    let named = passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let _password = fields.next()?;
        (fields.next()?.parse::<u32>().ok()? == uid && !name.is_empty()).then(|| name.to_string())
    });
    Some(named.unwrap_or_else(|| format!("uid {uid}")))
}

#[cfg(not(unix))]
fn passwd_user() -> Option<String> {
    None
}
