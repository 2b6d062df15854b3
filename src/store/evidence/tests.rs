//! The evidence store on real files: stored once by hash, the original untouched, every
//! bad input refused with nothing left behind, altered files noticed on every read.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::put::{CopyFault, copy_hashing};
use super::*;

fn store() -> (tempfile::TempDir, Evidence) {
    let dir = tempfile::tempdir().unwrap();
    let store = Evidence::new(&dir.path().join("data"));
    (dir, store)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

/// Everything in the store but its lock.
fn contents(store: &Evidence) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else if e.file_name() != ".lock" {
                out.push(p.strip_prefix(base).unwrap().display().to_string());
            }
        }
    }
    walk(&store.root, &store.root, &mut out);
    out.sort();
    out
}

const EMPTY_SHA: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const ABC_SHA: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

#[test]
fn a_file_is_stored_once_under_its_hash_and_the_original_is_untouched() {
    let (dir, store) = store();
    let src = write(dir.path(), "2025-03-28 党组会纪要.pdf", b"abc");
    let before = fs::metadata(&src).unwrap().modified().unwrap();
    let s = store.put(&src, DEFAULT_LIMIT).unwrap();
    assert_eq!(s.facts.sha256, ABC_SHA);
    assert_eq!(
        (s.facts.size, s.facts.name.as_str()),
        (3, "2025-03-28 党组会纪要.pdf")
    );
    assert!(s.new && !s.repaired && !s.lossy_name);
    let kept = store.path_of(ABC_SHA);
    assert_eq!(fs::read(&kept).unwrap(), b"abc");
    assert!(fs::metadata(&kept).unwrap().permissions().readonly());
    assert_eq!(fs::read(&src).unwrap(), b"abc");
    assert_eq!(fs::metadata(&src).unwrap().modified().unwrap(), before);
    // The same bytes under another name: kept once.
    let twin = write(dir.path(), "copy.pdf", b"abc");
    let again = store.put(&twin, DEFAULT_LIMIT).unwrap();
    assert!(!again.new && !again.repaired);
    assert_eq!(contents(&store), vec![format!("ba/{ABC_SHA}")]);
    let empty = write(dir.path(), "empty.txt", b"");
    assert_eq!(
        store.put(&empty, DEFAULT_LIMIT).unwrap().facts.sha256,
        EMPTY_SHA
    );
}

#[test]
fn bad_sources_are_refused_and_leave_nothing() {
    let (dir, store) = store();
    let missing = dir.path().join("nope.pdf");
    assert!(matches!(
        store.put(&missing, DEFAULT_LIMIT),
        Err(EvidenceError::SourceMissing { .. })
    ));
    assert!(matches!(
        store.put(dir.path(), DEFAULT_LIMIT),
        Err(EvidenceError::SourceNotFile {
            kind: crate::store::NotFile::Directory,
            ..
        })
    ));
    let big = write(dir.path(), "big.bin", &[7u8; 2048]);
    assert!(matches!(
        store.put(&big, 1024),
        Err(EvidenceError::TooLarge {
            size: 2048,
            limit: 1024,
            ..
        })
    ));
    assert!(matches!(
        store.put(Path::new("/"), DEFAULT_LIMIT),
        Err(EvidenceError::NoName { .. } | EvidenceError::SourceNotFile { .. })
    ));
    assert!(contents(&store).is_empty(), "{:?}", contents(&store));
}

#[cfg(unix)]
#[test]
fn names_that_are_not_unicode_are_stored_with_replacement_characters() {
    use std::os::unix::ffi::OsStrExt;
    let (dir, store) = store();
    let name = std::ffi::OsStr::from_bytes(b"\xd5\xc5\xc8\xfd.pdf"); // GBK bytes on a UTF-8 system
    let src = dir.path().join(name);
    fs::write(&src, b"gbk").unwrap();
    let s = store.put(&src, DEFAULT_LIMIT).unwrap();
    assert!(s.lossy_name);
    assert!(s.facts.name.contains('\u{FFFD}') && s.facts.name.ends_with(".pdf"));
}

#[test]
fn a_file_changed_while_it_is_copied_is_refused() {
    let (dir, store) = store();
    let src = write(dir.path(), "scan.pdf", b"first half");
    let grow = src.clone();
    let e = store
        .put_watched(&src, DEFAULT_LIMIT, &mut || {
            let mut f = fs::OpenOptions::new().append(true).open(&grow).unwrap();
            f.write_all(b" and the rest").unwrap();
        })
        .unwrap_err();
    assert!(
        matches!(e, EvidenceError::ChangedWhileCopying { .. }),
        "{e:?}"
    );
    assert!(
        contents(&store).is_empty(),
        "nothing half-stored: {:?}",
        contents(&store)
    );
}

/// A writer that fills up after `room` bytes, like a full disk.
struct Full {
    room: usize,
}

impl Write for Full {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(io::Error::from(io::ErrorKind::StorageFull));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_full_disk_mid_copy_is_a_write_fault() {
    let data = vec![1u8; 3 * super::put::CHUNK];
    let mut full = Full { room: 100_000 };
    match copy_hashing(&mut data.as_slice(), &mut full, u64::MAX) {
        Err(CopyFault::Write(e)) => assert_eq!(e.kind(), io::ErrorKind::StorageFull),
        _ => panic!("a full disk is a write fault"),
    }
    // A file that grows past the limit while read is caught as it is read.
    let mut sink = io::sink();
    assert!(matches!(
        copy_hashing(&mut data.as_slice(), &mut sink, 1000),
        Err(CopyFault::TooLarge(_))
    ));
}

#[test]
fn an_altered_stored_file_is_noticed_on_reading_and_mended_by_attaching_it_again() {
    let (dir, store) = store();
    let src = write(dir.path(), "a.pdf", b"the minutes");
    let s = store.put(&src, DEFAULT_LIMIT).unwrap();
    let kept = store.path_of(&s.facts.sha256);
    let read_all = |store: &Evidence| {
        let mut r = store.open_checked(&s.facts.sha256, s.facts.size, "a.pdf")?;
        let mut v = Vec::new();
        r.read_to_end(&mut v)
            .map_err(|e| EvidenceError::io(crate::store::IoOp::Read, Path::new("x"))(e))?;
        Ok::<_, EvidenceError>(v)
    };
    assert_eq!(read_all(&store).unwrap(), b"the minutes");
    // Same size, one byte different: only the hash tells.
    make_writable(&kept);
    fs::write(&kept, b"the minuteS").unwrap();
    assert!(read_all(&store).is_err());
    let scan = store.scan(true).unwrap();
    assert!(!scan.files[0].intact());
    // Another size: the cheap look tells too.
    fs::write(&kept, b"short").unwrap();
    assert_eq!(
        store.presence(&s.facts.sha256, s.facts.size),
        Presence::WrongSize(5)
    );
    assert!(matches!(
        store.open_checked(&s.facts.sha256, s.facts.size, "a.pdf"),
        Err(EvidenceError::Damaged { .. })
    ));
    let mended = store.put(&src, DEFAULT_LIMIT).unwrap();
    assert!(mended.repaired);
    assert_eq!(read_all(&store).unwrap(), b"the minutes");
    // Deleted by hand: said as missing.
    store.remove(&s.facts.sha256).unwrap();
    assert_eq!(
        store.presence(&s.facts.sha256, s.facts.size),
        Presence::Missing
    );
    assert!(matches!(
        store.open_checked(&s.facts.sha256, s.facts.size, "a.pdf"),
        Err(EvidenceError::Missing { .. })
    ));
}

#[test]
fn a_sweep_removes_only_temporaries_whose_writer_is_gone() {
    let (_dir, store) = store();
    fs::create_dir_all(&store.root).unwrap();
    let dead = write(&store.root, ".incoming-dead.tmp", b"half");
    let live_path = write(&store.root, ".incoming-live.tmp", b"half");
    let live = fs::OpenOptions::new().write(true).open(&live_path).unwrap();
    live.try_lock().unwrap();
    let stray = write(&store.root, "notes.txt", b"mine");
    let scan = store.scan(false).unwrap();
    assert_eq!(scan.temps.len(), 2);
    assert_eq!(scan.strays, vec![stray.clone()]);
    assert_eq!(store.sweep(), 1);
    assert!(!dead.exists() && live_path.exists() && stray.exists());
    drop(live);
    assert_eq!(store.sweep(), 1);
}

#[test]
fn packages_stream_from_the_store_and_refuse_an_altered_file() {
    let (dir, store) = store();
    let a = store
        .put(&write(dir.path(), "a.pdf", b"minutes"), DEFAULT_LIMIT)
        .unwrap();
    let entries = vec![
        PackEntry {
            path: "00 索引.txt".into(),
            content: PackContent::Bytes(b"index".to_vec()),
            date: None,
            compress: true,
        },
        PackEntry {
            path: "01 栏目/01 事项/2025-03-28 纪要.pdf".into(),
            content: PackContent::Stored {
                sha256: a.facts.sha256.clone(),
                size: a.facts.size,
                name: "a.pdf".into(),
            },
            date: Some(jiff::civil::date(2025, 3, 28)),
            compress: false,
        },
    ];
    let zip = dir.path().join("包.zip");
    let packed = store
        .write_package(&PackTarget::Zip(zip.clone()), &entries, false)
        .unwrap();
    assert_eq!(
        packed,
        Packed {
            files: 2,
            bytes: 12
        }
    );
    let mut z = zip::ZipArchive::new(fs::File::open(&zip).unwrap()).unwrap();
    let mut got = String::new();
    z.by_name("01 栏目/01 事项/2025-03-28 纪要.pdf")
        .unwrap()
        .read_to_string(&mut got)
        .unwrap();
    assert_eq!(got, "minutes");
    assert!(matches!(
        store.write_package(&PackTarget::Zip(zip.clone()), &entries, false),
        Err(EvidenceError::Exists { .. })
    ));
    let folder = dir.path().join("包");
    store
        .write_package(&PackTarget::Folder(folder.clone()), &entries, false)
        .unwrap();
    assert_eq!(
        fs::read(folder.join("01 栏目/01 事项/2025-03-28 纪要.pdf")).unwrap(),
        b"minutes"
    );
    // Altered in the store: no package at all, not one with the bad file in it.
    let kept = store.path_of(&a.facts.sha256);
    make_writable(&kept);
    fs::write(&kept, b"Minutes").unwrap();
    let other = dir.path().join("坏.zip");
    assert!(matches!(
        store.write_package(&PackTarget::Zip(other.clone()), &entries, false),
        Err(EvidenceError::Damaged { .. })
    ));
    let other_folder = dir.path().join("坏");
    assert!(
        store
            .write_package(&PackTarget::Folder(other_folder.clone()), &entries, false)
            .is_err()
    );
    assert!(!other.exists() && !other_folder.exists());
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
