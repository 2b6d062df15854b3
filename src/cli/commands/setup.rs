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

#[derive(Debug, Args)]
pub struct SettingsArgs {
    /// 记录人的姓名（写入修改历史和导出文件；"" 改回电脑账户名）/ your name for the history and exports ("" for the account name)
    #[arg(long)]
    pub name: Option<String>,
    /// 默认界面语言 zh|en / default UI language
    #[arg(long, value_parser = crate::cli::parse::lang)]
    pub language: Option<Lang>,
    /// 默认用 ASCII 字符画边框 on|off / draw borders with ASCII by default
    #[arg(long, value_name = "on|off", value_parser = on_off)]
    pub ascii_borders: Option<bool>,
}

fn on_off(s: &str) -> Result<bool, crate::cli::parse::BadValue> {
    match s.trim().to_lowercase().as_str() {
        "on" | "yes" | "true" | "1" | "开" | "是" => Ok(true),
        "off" | "no" | "false" | "0" | "关" | "否" => Ok(false),
        _ => Err(crate::cli::parse::BadValue::OnOff),
    }
}

/// `duty settings [--name 张三] [--language en] [--ascii-borders on]`: show or change what
/// duty remembers.
pub fn settings(s: &Session, a: &SettingsArgs, out: &mut Out) -> CmdResult {
    let w = s.words();
    let mut settings = s.settings.clone();
    let changes = a.name.is_some() || a.language.is_some() || a.ascii_borders.is_some();
    if let Some(name) = &a.name {
        if let Err(bad) = crate::text::check_input(name) {
            return Err(crate::ledger::ChangeError::UnsafeText {
                field: crate::ledger::Field::Note,
                ch: bad.ch,
            }
            .into());
        }
        let name = name.trim();
        settings.name = (!name.is_empty()).then(|| name.to_string());
    }
    if let Some(lang) = a.language {
        settings.lang = Some(lang);
    }
    if let Some(ascii) = a.ascii_borders {
        settings.ascii_borders = Some(ascii);
    }
    if changes {
        store::settings::write(&s.settings_path, &settings)?;
        writeln!(
            out,
            "{}",
            w.settings_saved(&s.settings_path.display().to_string())
        )?;
    }
    // Cleared now, the name is the account's again (not the one this session opened with).
    let name = settings.name.clone().unwrap_or_else(|| s.account.clone());
    writeln!(
        out,
        "{}",
        w.settings_shown(
            &name,
            settings.name.is_some(),
            settings.lang.unwrap_or_default(),
            settings.ascii_borders.unwrap_or(false)
        )
    )?;
    Ok(())
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
