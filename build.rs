//! Fingerprints this build's sources for the parse cache (`src/store/cache.rs`): an entry
//! written by one build of `duty` is never decoded by another whose types may have changed
//! shape, even under the same version number.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

fn main() {
    let mut files = vec![PathBuf::from("Cargo.toml"), PathBuf::from("Cargo.lock")];
    collect(Path::new("src"), &mut files);
    files.sort();
    // SipHash with fixed keys: the same sources give the same fingerprint.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for file in &files {
        file.hash(&mut hasher);
        std::fs::read(file).unwrap_or_default().hash(&mut hasher);
        println!("cargo::rerun-if-changed={}", file.display());
    }
    // A directory makes cargo look at everything under it, so added files count too.
    println!("cargo::rerun-if-changed=src");
    println!(
        "cargo::rustc-env=DUTY_SOURCE_FINGERPRINT={:016x}",
        hasher.finish()
    );
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
