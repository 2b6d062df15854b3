//! The files `duty overview` is given: each folder walked (nested folders too, in name
//! order), each file read in turn and handed on, then dropped, so that only one file's bytes
//! are in memory at a time. Nothing is ever written, and no file stops the walk: a pipe, a
//! link to nothing, a folder link (not followed: it could lead in a circle), an unreadable
//! or oversized file are each handed on as what they are.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{Failed, MAX_UNIT_BYTES, parse};
use crate::i18n::Lang;
use crate::overview::{FileProblem, Submission};
use crate::store::error::{NotFile, StoreError};
use crate::store::files;

/// Folders nested deeper than this below an input are reported, not walked.
pub const MAX_DEPTH: usize = 32;

/// One input file as read.
pub struct Input {
    /// The path as found (the folder given, joined with the names below it).
    pub path: PathBuf,
    pub outcome: Result<Submission, Failed>,
}

/// Whether `path` names something (a file, a folder, even a broken link): a name given on
/// the command line that names nothing is a typing mistake, said before anything is read.
pub fn input_exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Read every file under `inputs` in order, handing each to `each` as soon as it is read.
pub fn for_each_input(inputs: &[PathBuf], lang: Lang, each: &mut dyn FnMut(Input)) {
    for input in inputs {
        match fs::metadata(input) {
            Ok(meta) if meta.is_dir() => walk(input, 0, lang, each),
            _ => each(read_one(input, lang)),
        }
    }
}

fn walk(dir: &Path, depth: usize, lang: Lang, each: &mut dyn FnMut(Input)) {
    if depth > MAX_DEPTH {
        return each(failed(dir, FileProblem::TooDeep { depth }));
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return each(failed(dir, unreadable(&e))),
    };
    let mut found: Vec<(PathBuf, Option<fs::FileType>)> = Vec::new();
    for e in entries {
        match e {
            Ok(e) => found.push((e.path(), e.file_type().ok())),
            // An entry the system could not list: said once for the folder, the rest read.
            Err(e) => each(failed(dir, unreadable(&e))),
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in found {
        match kind {
            Some(k) if k.is_dir() => walk(&path, depth + 1, lang, each),
            Some(k) if k.is_symlink() => match fs::metadata(&path) {
                Ok(m) if m.is_dir() => each(failed(&path, FileProblem::LinkToFolder)),
                _ => each(read_one(&path, lang)),
            },
            _ => each(read_one(&path, lang)),
        }
    }
}

fn failed(path: &Path, problem: FileProblem) -> Input {
    Input {
        path: path.to_path_buf(),
        outcome: Err((problem, None)),
    }
}

fn unreadable(e: &io::Error) -> FileProblem {
    FileProblem::Unreadable { kind: e.kind() }
}

/// Read and parse the one file at `path`.
pub fn read_one(path: &Path, lang: Lang) -> Input {
    let outcome = match files::read_capped(path, MAX_UNIT_BYTES) {
        Ok(Some(Ok(bytes))) if bytes.is_empty() => Err((FileProblem::Empty, None)),
        Ok(Some(Ok(bytes))) => parse(&bytes, &path.display().to_string(), lang),
        Ok(Some(Err(bytes))) => Err((
            FileProblem::TooLarge {
                bytes,
                cap: MAX_UNIT_BYTES,
            },
            None,
        )),
        Ok(None) => Err((
            FileProblem::Unreadable {
                kind: io::ErrorKind::NotFound,
            },
            None,
        )),
        Err(StoreError::NotAFile { kind, .. }) => Err((
            FileProblem::NotRegular {
                special: kind == NotFile::Special,
            },
            None,
        )),
        Err(StoreError::Io { source, .. }) => Err((unreadable(&source), None)),
        Err(_) => Err((
            FileProblem::Unreadable {
                kind: io::ErrorKind::Other,
            },
            None,
        )),
    };
    Input {
        path: path.to_path_buf(),
        outcome,
    }
}
