//! `duty man` and `duty completions`: the manual page (roff, one page with every command)
//! and shell completion scripts, both from the worded command tree, so they say what
//! `--help` says in the same language.

use std::io::Write;

use clap::{Arg, Command};

use super::help;
use crate::i18n::Lang;

/// The shells `duty completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

/// The completion script for `shell`.
pub fn completions(shell: Shell, lang: Lang, out: &mut dyn Write) {
    let mut cmd = help::command(lang);
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut cmd, "duty", out);
}

/// The manual page, in roff as `man` reads it.
pub fn manual(lang: Lang) -> String {
    let w = lang.words();
    let heads = w.manual_headings();
    let mut cmd = help::command(lang);
    let mut page = Page::default();
    page.line(&format!(
        ".TH DUTY 1 \"\" \"duty {}\" \"{}\"",
        env!("CARGO_PKG_VERSION"),
        heads.manual
    ));
    // Ragged right: justifying a line of Chinese stretches it unevenly.
    page.line(".ad l");
    page.heading(heads.name);
    let first_line = w.help_intro().lines().next().unwrap_or_default();
    let summary = first_line
        .split_once(['：', ':'])
        .map_or(first_line, |(_, s)| s);
    page.text(&format!("duty \\- {}", escape(summary.trim())));
    page.heading(heads.synopsis);
    page.usage(&usage(&mut cmd, lang));
    page.heading(heads.description);
    for para in w.help_intro().lines() {
        page.paragraph(para);
    }
    page.heading(heads.options);
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        page.option(arg, lang);
    }
    page.heading(heads.commands);
    let names: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let Some(sub) = cmd.find_subcommand_mut(&name) else {
            continue;
        };
        page.line(&format!(".SS {}", quoted(&format!("duty {name}"))));
        page.usage(&usage(sub, lang));
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            page.paragraph(&about.to_string());
        }
        // The global options are listed once, above.
        let own = sub
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !a.is_global_set() && !is_clap_flag(a));
        for arg in own {
            page.option(arg, lang);
        }
        if let Some(after) = sub.get_after_help() {
            for para in after.to_string().split("\n\n") {
                page.preformatted(para);
            }
        }
    }
    for (heading, rows) in [
        (heads.files, w.manual_files()),
        (heads.environment, w.manual_environment()),
        (heads.exit_status, w.manual_exit_codes()),
    ] {
        page.heading(heading);
        for (term, text) in rows {
            page.line(".TP");
            page.line(&format!("\\fB{}\\fR", escape_plain(term)));
            page.text(&escape(text));
        }
    }
    page.out
}

fn is_clap_flag(arg: &Arg) -> bool {
    matches!(
        arg.get_action(),
        clap::ArgAction::Help
            | clap::ArgAction::HelpShort
            | clap::ArgAction::HelpLong
            | clap::ArgAction::Version
    )
}

/// `duty log [选项] --topic <主题> <事项>`: clap's usage line without its heading, worded.
fn usage(cmd: &mut Command, lang: Lang) -> String {
    let rendered = cmd.render_usage().to_string();
    let line = rendered
        .split_once(':')
        .map_or(rendered.as_str(), |(_, rest)| rest)
        .trim();
    help::finish(line, lang, None).trim().to_string()
}

#[derive(Default)]
struct Page {
    out: String,
}

impl Page {
    fn line(&mut self, line: &str) {
        self.out.push_str(line);
        self.out.push('\n');
    }

    /// Text that may start with a control character of roff's own.
    fn text(&mut self, text: &str) {
        if text.starts_with(['.', '\'']) {
            self.out.push_str("\\&");
        }
        self.line(text);
    }

    fn heading(&mut self, heading: &str) {
        self.line(&format!(".SH {}", quoted(heading)));
    }

    fn paragraph(&mut self, text: &str) {
        self.line(".PP");
        for line in text.lines() {
            self.text(&escape(line));
        }
    }

    fn preformatted(&mut self, text: &str) {
        self.line(".PP");
        self.line(".nf");
        for line in text.lines() {
            self.text(&escape(line));
        }
        self.line(".fi");
    }

    fn usage(&mut self, usage: &str) {
        self.line(".PP");
        self.text(&format!("\\fB{}\\fR", escape(usage)));
    }

    fn option(&mut self, arg: &Arg, lang: Lang) {
        let mut names: Vec<String> = Vec::new();
        if let Some(short) = arg.get_short() {
            names.push(format!("-{short}"));
        }
        if let Some(long) = arg.get_long() {
            names.push(format!("--{long}"));
        }
        let value = arg
            .get_value_names()
            .filter(|_| arg.get_action().takes_values())
            .map(|v| {
                v.iter()
                    .map(|n| format!("<{n}>"))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
        let term = match (names.is_empty(), value) {
            (true, Some(v)) => format!("\\fI{}\\fR", escape_plain(&v)),
            (true, None) => format!("\\fI{}\\fR", escape_plain(arg.get_id().as_str())),
            (false, Some(v)) => format!(
                "\\fB{}\\fR \\fI{}\\fR",
                escape_plain(&names.join(", ")),
                escape_plain(&v)
            ),
            (false, None) => format!("\\fB{}\\fR", escape_plain(&names.join(", "))),
        };
        self.line(".TP");
        self.line(&term);
        let help = arg
            .get_long_help()
            .or(arg.get_help())
            .map(|h| h.to_string())
            .unwrap_or_default();
        let mut text = help;
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .filter(|v| !v.is_empty())
            .collect();
        if !defaults.is_empty()
            && arg.get_action().takes_values()
            && !arg.is_hide_default_value_set()
        {
            let note = help::finish(&format!("[default: {}]", defaults.join(", ")), lang, None);
            text = format!("{text} {}", note.trim());
        }
        for line in text.lines() {
            self.text(&escape(line));
        }
    }
}

/// Text safe in roff: backslashes doubled as `\e`, hyphens kept as ASCII (`\-`), and
/// between Chinese characters the places a line may break by the Unicode rules marked `\:`
/// (groff breaks only at spaces, and a line of Chinese has none).
fn escape(text: &str) -> String {
    use textwrap::WordSeparator;
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut words = WordSeparator::UnicodeBreakProperties
        .find_words(text)
        .peekable();
    while let Some(word) = words.next() {
        out.push_str(&escape_plain(word.word));
        out.push_str(word.whitespace);
        if word.whitespace.is_empty() && words.peek().is_some() {
            out.push_str("\\:");
        }
    }
    out
}

/// Text safe in roff that is never broken: a heading, an option's name, a path.
fn escape_plain(text: &str) -> String {
    text.replace('\\', "\\e").replace('-', "\\-")
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", escape_plain(text).replace('"', "\\(dq"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manual_lists_every_command_in_chinese() {
        let page = manual(Lang::Zh);
        assert!(page.starts_with(".TH DUTY 1"), "{page}");
        for heading in [
            "名称",
            "用法",
            "说明",
            "选项",
            "命令",
            "文件",
            "环境变量",
            "退出码",
        ] {
            assert!(page.contains(&format!(".SH \"{heading}\"")), "{heading}");
        }
        let cmd = help::command(Lang::Zh);
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = sub.get_name().replace('-', "\\-");
            assert!(page.contains(&format!(".SS \"duty {name}\"")), "{name}");
        }
        assert!(
            page.contains("\\fB\\-\\-topic\\fR \\fI<主题>\\fR"),
            "{page}"
        );
        assert!(!page.contains("Print help"), "{page}");
        // No line starts with a dot or quote that roff would take as a request.
        for line in page.lines() {
            if line.starts_with(['.', '\'']) {
                let request = line.split(' ').next().unwrap();
                assert!(
                    [".TH", ".SH", ".SS", ".PP", ".TP", ".nf", ".fi", ".ad"].contains(&request),
                    "{line}"
                );
            }
        }
    }

    #[test]
    fn the_manual_in_english_has_no_chinese() {
        let page = manual(Lang::En);
        assert!(page.contains(".SH \"EXIT STATUS\""), "{page}");
        assert!(
            !page.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{page}"
        );
    }

    #[test]
    fn completions_offer_the_commands() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Powershell] {
            let mut script = Vec::new();
            completions(shell, Lang::Zh, &mut script);
            let script = String::from_utf8(script).unwrap();
            for word in ["log", "summary", "review", "topic"] {
                assert!(script.contains(word), "{shell:?} lacks {word}");
            }
        }
        let mut fish = Vec::new();
        completions(Shell::Fish, Lang::Zh, &mut fish);
        assert!(String::from_utf8(fish).unwrap().contains("登记一次活动"));
    }
}
