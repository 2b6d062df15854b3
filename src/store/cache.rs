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
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

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
    /// The entry of the checklist named `origin` (its path as given).
    pub fn checklist(data_dir: &Path, origin: &str) -> Self {
        let name = format!("checklist-{:016x}.bin", xxh3_64(origin.as_bytes()));
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

    /// Write the entry beside its final name and rename it over, so that readers in other
    /// processes see the old entry or the new one, never half of one. No fsync: after a power
    /// cut a torn entry fails its checksum and is a miss.
    fn replace(&self, entry: &[u8]) -> std::io::Result<()> {
        static WRITES: AtomicU64 = AtomicU64::new(0);
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)?;
        let temp = dir.join(format!(
            ".{}.{}-{}.tmp",
            self.path.file_name().unwrap_or_default().to_string_lossy(),
            std::process::id(),
            WRITES.fetch_add(1, Ordering::Relaxed)
        ));
        let written = fs::File::create(&temp)
            .and_then(|mut f| f.write_all(entry))
            .and_then(|()| fs::rename(&temp, &self.path));
        if written.is_err() {
            let _ = fs::remove_file(&temp);
        }
        written
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
        hasher.update(build_identity().as_bytes());
        hasher.update(context);
        hasher.update(bytes);
        Digest {
            key: hasher.digest128(),
            len: bytes.len(),
        }
    }
}

/// What sets this build's entries apart: its version, and the size and modification time of
/// the running executable, so that a rebuilt `duty` (whose types may have changed shape
/// without a new version number) never decodes an older build's entries.
fn build_identity() -> &'static str {
    static IDENTITY: OnceLock<String> = OnceLock::new();
    IDENTITY.get_or_init(|| {
        let exe = std::env::current_exe()
            .and_then(fs::metadata)
            .map(|m| {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .unwrap_or_default();
                format!("{}:{}", m.len(), modified.as_nanos())
            })
            .unwrap_or_default();
        format!("duty {} {exe}", env!("CARGO_PKG_VERSION"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{
        Checklist, ParseCache, generate::generate_checklist, load, load_cached,
    };
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
        // An edit misses, and its entry replaces the earlier text's.
        let edited = text.replacen("法治", "依法", 1);
        let third = load_cached(edited.as_bytes(), "big.ron", 2024, Lang::Zh, &mut slot).unwrap();
        assert_ne!(third, plain);
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
