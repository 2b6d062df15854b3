//! Parse caches: what a large checklist or ledger loaded into, kept under `DATA_DIR/.cache/`
//! in a compact binary form, so that the next run skips ron's parser (and, for a checklist,
//! its validation).
//!
//! ron reads a 10,000-item checklist (5 MB) in about 22 ms, and validating it takes another
//! 6; a ledger of 10,000 entries (2 MB) takes about 14 ms. The same values decode from
//! MessagePack in a few milliseconds. An entry is only ever a copy of what exact bytes loaded
//! into: it is found by a 128-bit hash of those bytes and of this build, so an edited,
//! replaced or restored file simply misses and is loaded afresh; only checklists that passed
//! validation are kept. Each entry also carries a checksum of its own payload, so a damaged
//! entry is a miss, never wrong data. The RON files stay the only record: deleting `.cache`
//! loses nothing, and failing to write an entry is never an error.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::Serialize;
use serde::de::DeserializeOwned;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// Files smaller than this parse in about a millisecond and are not cached.
pub const CACHE_MIN_BYTES: usize = 256 * 1024;

/// The directory under the data directory that holds the entries.
const CACHE_DIR: &str = ".cache";

/// Entry layout: magic, the 128-bit key of the source bytes, the 64-bit hash of the payload,
/// then the payload (MessagePack with field names, so a changed type fails to decode).
const MAGIC: &[u8; 8] = b"dutyc\0\0\x01";
const HEADER: usize = 8 + 16 + 8;

/// One cache entry, for one source file: each new version of the file replaces the entry of
/// the one before, so the cache holds at most one entry per checklist and per ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheSlot {
    path: PathBuf,
}

impl CacheSlot {
    /// The entry of the checklist file at `origin`: one per file however it is named
    /// (`a.ron`, `./a.ron` and its absolute path share one).
    pub fn checklist(data_dir: &Path, origin: &str) -> Self {
        let file = fs::canonicalize(origin)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| origin.to_string());
        let name = format!("checklist-{:016x}.bin", xxh3_64(file.as_bytes()));
        CacheSlot {
            path: data_dir.join(CACHE_DIR).join(name),
        }
    }

    /// The entry of the ledger of checklist `id` (an ASCII slug) for `year`.
    pub fn ledger(data_dir: &Path, id: &str, year: i16) -> Self {
        CacheSlot {
            path: data_dir
                .join(CACHE_DIR)
                .join(format!("ledger-{id}-{year}.bin")),
        }
    }

    /// What the bytes of `source` parsed into, if this slot holds exactly that.
    pub fn get<T: DeserializeOwned>(&self, source: Digest) -> Option<T> {
        if !source.cacheable() {
            return None;
        }
        let entry = fs::read(&self.path).ok()?;
        let (header, payload) = entry.split_at_checked(HEADER)?;
        let fits = header[..8] == MAGIC[..]
            && header[8..24] == source.key.to_le_bytes()
            && header[24..] == xxh3_64(payload).to_le_bytes();
        if !fits {
            return None;
        }
        rmp_serde::from_slice(payload).ok()
    }

    /// Keep `value` as what the bytes of `source` parse into. Call only with their parse (or
    /// a value they are the exact serialisation of).
    pub fn put<T: Serialize>(&self, source: Digest, value: &T) {
        if source.cacheable()
            && let Some(payload) = encode(value)
        {
            self.store(source, &payload);
        }
    }

    /// [`CacheSlot::put`] with the value already [`encode`]d, so that encoding can run while
    /// the source is still being written.
    pub fn store(&self, source: Digest, payload: &[u8]) {
        if !source.cacheable() {
            return;
        }
        let mut entry = Vec::with_capacity(HEADER + payload.len());
        entry.extend_from_slice(MAGIC);
        entry.extend_from_slice(&source.key.to_le_bytes());
        entry.extend_from_slice(&xxh3_64(payload).to_le_bytes());
        entry.extend_from_slice(payload);
        // Nothing depends on this write: a failure leaves the old entry (a miss) or none.
        let _ = self.replace(&entry);
    }

    /// Write the entry beside its final name (a fresh file, never one found there) and rename
    /// it over, so that readers in other processes see the old entry or the new one, never
    /// half of one. No fsync: after a power cut a torn entry fails its checksum and is a miss.
    fn replace(&self, entry: &[u8]) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)?;
        tidy(dir, &self.path);
        let mut temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(".tmp")
            .tempfile_in(dir)?;
        temp.write_all(entry)?;
        temp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Temporary entries are named `.entry-XXXXXX.tmp`.
const TEMP_PREFIX: &str = ".entry-";

/// A temporary entry this old was left by a process killed while writing it.
const STALE_TEMP: Duration = Duration::from_secs(10 * 60);

/// At most this many checklist entries are kept (one per checklist file); the least recently
/// written go first, so scripts that use throwaway checklists cannot fill the disk.
const MAX_CHECKLISTS: usize = 8;

/// Keep the cache directory small: remove temporary entries left by killed processes, entries
/// of the JSON cache of earlier builds, and the oldest checklist entries beyond
/// [`MAX_CHECKLISTS`] (never `keep`, the entry about to be written).
fn tidy(dir: &Path, keep: &Path) {
    let Ok(listing) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    let mut checklists = Vec::new();
    for entry in listing.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let modified = entry.metadata().and_then(|m| m.modified()).ok();
        let age = modified.and_then(|m| now.duration_since(m).ok());
        if name.starts_with(TEMP_PREFIX) && name.ends_with(".tmp") {
            if age.is_some_and(|age| age > STALE_TEMP) {
                let _ = fs::remove_file(&path);
            }
        } else if name.starts_with("checklist-") && name.ends_with(".json") {
            let _ = fs::remove_file(&path);
        } else if name.starts_with("checklist-") && name.ends_with(".bin") && path != keep {
            checklists.push((modified, path));
        }
    }
    if keep
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("checklist-"))
    {
        // Oldest first; room is made for the entry about to be written.
        checklists.sort();
        let excess = (checklists.len() + 1).saturating_sub(MAX_CHECKLISTS);
        for (_, path) in checklists.into_iter().take(excess) {
            let _ = fs::remove_file(path);
        }
    }
}

impl crate::checklist::ParseCache for CacheSlot {
    fn get(&mut self, bytes: &[u8], default_year: i16) -> Option<crate::checklist::Checklist> {
        CacheSlot::get(self, Digest::of_loaded(bytes, default_year))
    }

    fn put(&mut self, bytes: &[u8], default_year: i16, checklist: &crate::checklist::Checklist) {
        let source = Digest::of_loaded(bytes, default_year);
        // The validated model omits no fields, so it is written as arrays, without field
        // names: a quarter smaller and faster to decode. (Ledgers skip empty fields and keep
        // their names; a changed shape is kept out by the build identity in the key.)
        if source.cacheable()
            && let Ok(payload) = rmp_serde::to_vec(checklist)
        {
            self.store(source, &payload);
        }
    }
}

/// The payload of an entry holding `value`.
pub fn encode<T: Serialize>(value: &T) -> Option<Vec<u8>> {
    rmp_serde::to_vec_named(value).ok()
}

/// The identity of exact bytes (as read by this build): the key of their cache entry, and how
/// a change under the lock tells that the ledger file is still what was read before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digest {
    /// 128-bit xxh3 of this build's identity and the bytes (~0.1 ms for a 2 MB ledger).
    key: u128,
    len: usize,
}

impl Digest {
    /// Whether bytes of this size are worth caching at all.
    pub fn cacheable(&self) -> bool {
        self.len >= CACHE_MIN_BYTES
    }

    /// Whether the file at `path` holds exactly the bytes this digest was taken of. The size
    /// is compared first, so a changed file is usually told apart without reading it.
    pub fn matches_file(&self, path: &Path) -> bool {
        fs::metadata(path).is_ok_and(|m| m.len() == self.len as u64)
            && fs::read(path).is_ok_and(|bytes| Digest::of(&bytes) == *self)
    }

    pub fn of(bytes: &[u8]) -> Self {
        Self::of_parts(bytes, &[])
    }

    /// The digest of a checklist's bytes loaded with `default_year`, which decides the year
    /// of a checklist that names none.
    pub fn of_loaded(bytes: &[u8], default_year: i16) -> Self {
        Self::of_parts(bytes, &default_year.to_le_bytes())
    }

    fn of_parts(bytes: &[u8], context: &[u8]) -> Self {
        let mut hasher = Xxh3::new();
        hasher.update(BUILD_IDENTITY.as_bytes());
        hasher.update(context);
        hasher.update(bytes);
        Digest {
            key: hasher.digest128(),
            len: bytes.len(),
        }
    }
}

/// What sets this build's entries apart: its version and a fingerprint of its sources and
/// locked dependencies (computed by `build.rs`), so that a rebuilt `duty` whose types changed
/// shape never decodes an older build's entries, even where the running executable cannot
/// be found or its timestamps are fixed by a reproducible build.
const BUILD_IDENTITY: &str = concat!(
    "duty ",
    env!("CARGO_PKG_VERSION"),
    " ",
    env!("DUTY_SOURCE_FINGERPRINT")
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{Checklist, ParseCache, load, load_cached};
    use crate::generate::generate_checklist;
    use crate::i18n::Lang;

    fn entries(dir: &Path) -> usize {
        fs::read_dir(dir.join(CACHE_DIR)).map_or(0, Iterator::count)
    }

    fn holds(slot: &mut CacheSlot, text: &str, year: i16) -> Option<Checklist> {
        ParseCache::get(slot, text.as_bytes(), year)
    }

    #[test]
    fn a_large_checklist_is_loaded_once_and_edits_miss() {
        let dir = tempfile::tempdir().unwrap();
        let text = generate_checklist(1_000, 2024);
        assert!(text.len() > CACHE_MIN_BYTES);
        let plain = load(text.as_bytes(), "big.ron", 2024, Lang::Zh).unwrap();
        let mut slot = CacheSlot::checklist(dir.path(), "big.ron");
        let first = load_cached(text.as_bytes(), "big.ron", 2024, Lang::Zh, &mut slot).unwrap();
        assert_eq!(entries(dir.path()), 1);
        let kept = holds(&mut slot, &text, 2024).expect("kept after loading");
        assert_eq!(kept, plain);
        assert_eq!(
            kept.item("item-999").map(|i| &i.id),
            plain.item("item-999").map(|i| &i.id)
        );
        let second = load_cached(text.as_bytes(), "big.ron", 2024, Lang::Zh, &mut slot).unwrap();
        assert_eq!(first, plain);
        assert_eq!(second, plain);
        // What comes back is the entry: a (valid) checklist planted under the text's key.
        let mut planted = plain.clone();
        planted.title = "从缓存读出".into();
        ParseCache::put(&mut slot, text.as_bytes(), 2024, &planted);
        let third = load_cached(text.as_bytes(), "big.ron", 2024, Lang::Zh, &mut slot).unwrap();
        assert_eq!(third, planted);
        assert_eq!(
            third.item("item-999"),
            plain.item("item-999"),
            "the index is rebuilt"
        );
        // An edit misses, and its entry replaces the earlier text's.
        let edited = text.replacen("法治", "依法", 1);
        let fourth = load_cached(edited.as_bytes(), "big.ron", 2024, Lang::Zh, &mut slot).unwrap();
        assert_ne!(fourth, plain);
        assert_eq!(entries(dir.path()), 1);
        assert!(holds(&mut slot, &text, 2024).is_none());
        // The default year is part of the key: it decides the year of a file without one.
        assert!(holds(&mut slot, &edited, 2025).is_none());
    }

    #[test]
    fn a_checklist_with_errors_is_never_kept() {
        let dir = tempfile::tempdir().unwrap();
        let text = generate_checklist(1_000, 2024).replacen("\"12-31\"", "\"02-30\"", 1);
        let mut slot = CacheSlot::checklist(dir.path(), "big.ron");
        for _ in 0..2 {
            assert!(load_cached(text.as_bytes(), "big.ron", 2024, Lang::Zh, &mut slot).is_err());
        }
        assert_eq!(entries(dir.path()), 0);
    }

    #[test]
    fn a_damaged_entry_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let text = generate_checklist(1_000, 2024);
        let mut slot = CacheSlot::checklist(dir.path(), "big.ron");
        load_cached(text.as_bytes(), "big.ron", 2024, Lang::Zh, &mut slot).unwrap();
        let good = fs::read(&slot.path).unwrap();
        assert!(holds(&mut slot, &text, 2024).is_some());
        // One flipped byte in the payload, a torn tail, a garbage file: all misses.
        let mut flipped = good.clone();
        let last = flipped.len() - 10;
        flipped[last] ^= 0x20;
        for damaged in [
            flipped,
            good[..good.len() / 2].to_vec(),
            b"{garbage".to_vec(),
        ] {
            fs::write(&slot.path, &damaged).unwrap();
            assert!(holds(&mut slot, &text, 2024).is_none());
        }
    }

    #[test]
    fn one_entry_per_file_however_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ron");
        fs::write(&file, "x").unwrap();
        let roundabout = dir.path().join("sub").join("..").join("a.ron");
        fs::create_dir(dir.path().join("sub")).unwrap();
        let slot = |p: &Path| CacheSlot::checklist(dir.path(), &p.display().to_string());
        assert_eq!(slot(&file), slot(&roundabout));
        assert_ne!(slot(&file), slot(&dir.path().join("b.ron")));
    }

    #[test]
    fn the_cache_directory_is_kept_small() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join(CACHE_DIR);
        fs::create_dir_all(&cache).unwrap();
        let old = SystemTime::now() - Duration::from_secs(3600);
        let aged = |name: &str| {
            let path = cache.join(name);
            fs::write(&path, b"x").unwrap();
            fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(old)
                .unwrap();
            path
        };
        let stale = aged(".entry-abc123.tmp");
        let fresh = cache.join(".entry-def456.tmp");
        fs::write(&fresh, b"x").unwrap();
        let legacy = aged("checklist-0123456789abcdef-0123456789abcdef.json");
        let ledger = aged("ledger-x-2024.bin");
        let text = generate_checklist(1_000, 2024);
        let source = Digest::of_loaded(text.as_bytes(), 2024);
        // Twelve checklist files in turn: only the newest eight keep their entries.
        for i in 0..12 {
            let slot = CacheSlot::checklist(dir.path(), &format!("/nonexistent/{i}.ron"));
            slot.store(source, b"payload");
            std::thread::sleep(Duration::from_millis(5));
        }
        let names: Vec<String> = fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let checklists = names.iter().filter(|n| n.starts_with("checklist-")).count();
        assert_eq!(checklists, MAX_CHECKLISTS, "{names:?}");
        assert!(
            CacheSlot::checklist(dir.path(), "/nonexistent/11.ron")
                .path
                .exists()
        );
        assert!(
            !CacheSlot::checklist(dir.path(), "/nonexistent/0.ron")
                .path
                .exists()
        );
        assert!(!stale.exists() && !legacy.exists());
        assert!(
            fresh.exists(),
            "a temporary entry being written is left alone"
        );
        assert!(
            ledger.exists(),
            "ledger entries are one per ledger, never pruned"
        );
    }

    #[test]
    fn small_files_are_not_cached() {
        let dir = tempfile::tempdir().unwrap();
        let mut slot = CacheSlot::checklist(dir.path(), "<built-in>");
        load_cached(
            crate::checklist::BUILTIN_DEFAULT.as_bytes(),
            "x",
            2024,
            Lang::Zh,
            &mut slot,
        )
        .unwrap();
        assert!(!dir.path().join(CACHE_DIR).exists());
    }
}
