//! Setting up: checklists validated (every malformed file in `fixtures/invalid/` refused
//! with the exact message, field path, line and column, through the library and, as whole
//! output in both languages, through `duty validate`), the valid ones and the shipped ones
//! loading, arbitrary input never panicking; `init`, `use`, `paths`, help and usage errors.
//!
//! One module per area; this one holds what they share.

mod arbitrary;
mod commands;
mod invalid;
mod loading;

use std::path::PathBuf;

use duty::checklist::{BUILTIN_DEFAULT, Checklist, KindTag, MAX_CHECKLIST_BYTES, load};
use duty::diagnostic::Diagnostic;
use duty::i18n::Lang;
use duty::text;
use proptest::prelude::*;

use crate::generate::{generate_checklist, generate_ledger};
use crate::harness::{Home, LANGS, fixture, names, repo};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = fixture(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}
