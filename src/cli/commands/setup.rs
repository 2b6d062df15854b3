//! Setting up: `validate` a checklist, `init` one from the built-in list, `use` one, and
//! `paths` (where everything lives).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::checklist::{BUILTIN_DEFAULT, BUILTIN_ORIGIN, KindTag};
use crate::cli::error::{CmdResult, Failure};
use crate::cli::output::Out;
use crate::clock::Clock;
use crate::i18n::{Kinds, Lang};
use crate::session::{self, Session};
use crate::store::{self, IoOp, StoreError};
use crate::text::{pad, width};

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// 清单文件 / checklist file
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// 输出文件 / where to write it
    #[arg(long, short, value_name = "FILE", default_value = "duty-checklist.ron")]
    pub output: PathBuf,
    /// 覆盖已有文件 / replace an existing file
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct UseArgs {
    /// 清单文件 / checklist file
    pub file: PathBuf,
}

/// `duty validate FILE`: "OK" with counts, or every error.
pub fn validate(
    a: &ValidateArgs,
    lang: Lang,
    year: Option<i16>,
    clock: &Clock,
    out: &mut Out,
) -> CmdResult {
    let checklist = session::load_checklist(
        Some(&a.file),
        year.unwrap_or_else(|| clock.today().year()),
        lang,
    )
    .map_err(|e| Failure::open(e, lang))?;
    let count = |tag: KindTag| {
        checklist
            .items()
            .filter(|(_, i)| i.kind.tag() == tag)
            .count()
    };
    let kinds = Kinds {
        sections: checklist.sections.len(),
        items: checklist.item_count(),
        tasks: count(KindTag::Task),
        counts: count(KindTag::Count),
        rates: count(KindTag::Rate),
        hours: count(KindTag::Hours),
    };
    let file = a.file.display().to_string();
    writeln!(
        out,
        "{}",
        lang.words().validated(&file, kinds, checklist.year)
    )?;
    // Texts that would read wrong in a report: warnings on stderr, the file stays valid.
    let (bytes, _) = store::read_checklist(&a.file, crate::checklist::MAX_CHECKLIST_BYTES as u64)?;
    let src = String::from_utf8_lossy(&bytes);
    let warnings = crate::checklist::lint::lint_file(&src, &file, &checklist, lang);
    if !warnings.is_empty() {
        let mut err = Out::stderr();
        for d in &warnings {
            writeln!(err, "{d}\n")?;
        }
        writeln!(err, "{}", lang.words().lint_count(warnings.len()))?;
        err.finish()?;
    }
    Ok(())
}

/// `duty init`: write the default checklist out for the officer to adapt.
pub fn init(s: &Session, a: &InitArgs, out: &mut Out) -> CmdResult {
    store::write_new(&a.output, BUILTIN_DEFAULT.as_bytes(), a.force)?;
    writeln!(
        out,
        "{}",
        s.words().init_written(&a.output.display().to_string())
    )?;
    Ok(())
}

/// `duty use FILE`: validate, then remember it as the active checklist.
pub fn use_checklist(s: &Session, a: &UseArgs, out: &mut Out) -> CmdResult {
    let checklist = session::load_checklist(Some(&a.file), s.clock.today().year(), s.lang)
        .map_err(|e| Failure::open(e, s.lang))?;
    let absolute = std::path::absolute(&a.file).map_err(|e| StoreError::Io {
        op: IoOp::Read,
        path: a.file.clone(),
        source: e,
    })?;
    let mut settings = s.settings.clone();
    settings.checklist = Some(absolute.clone());
    store::settings::write(&s.settings_path, &settings)?;
    let file = absolute.display().to_string();
    writeln!(
        out,
        "{}",
        s.words()
            .now_using(&file, &checklist.title, checklist.item_count())
    )?;
    Ok(())
}

/// `duty paths`: where everything lives.
pub fn paths(s: &Session, out: &mut Out) -> CmdResult {
    let p = s.book().paths;
    let checklist = s
        .checklist_path
        .as_ref()
        .map_or_else(|| BUILTIN_ORIGIN.to_string(), |p| p.display().to_string());
    let places = [
        s.settings_path.display().to_string(),
        checklist,
        s.data_dir.display().to_string(),
        p.ledger.display().to_string(),
        p.journal.display().to_string(),
        p.lock.display().to_string(),
    ];
    let labels = s.words().path_labels();
    let w = labels.iter().map(|k| width(k)).max().unwrap_or(0);
    for (k, v) in labels.iter().zip(places) {
        writeln!(out, "{}  {v}", pad(k, w))?;
    }
    Ok(())
}
