//! Help in one language: clap's command tree with each `中文 / English` doc comment cut to
//! the half asked for, Chinese headings, placeholders and notes, and lines broken by CJK
//! rules at the terminal's width. The same tree writes the completions and the manual.
//!
//! Parsing uses the plain derived tree; this one is built only when help or a usage error is
//! to be shown, so an ordinary command pays nothing for it.

use clap::builder::{Resettable, StyledStr};
use clap::{Arg, ArgAction, Command, CommandFactory};

use super::args::Cli;
use crate::i18n::{Lang, Words};
use crate::text;

/// The whole command tree, worded in `lang`. It is built first, so that clap's own help
/// and version flags, its help command and the global options copied into each command are
/// there to be worded too.
pub fn command(lang: Lang) -> Command {
    let mut plain = Cli::command();
    plain.build();
    localize(plain, lang.words(), true)
}

/// The text of a doc comment written `中文 / English` (paragraph by paragraph) in `lang`.
/// A paragraph without the separator is kept in the language it is written in.
pub fn pick(text: &str, lang: Lang) -> String {
    text.split("\n\n")
        .filter_map(|para| match halves(para) {
            Some((zh, en)) => Some(lang.pick(zh, en).trim().to_string()),
            None if has_chinese(para) == (lang == Lang::Zh) => Some(para.trim().to_string()),
            None => None,
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `中文 / English` (or `中文（注）/ English`) split at the last `/ ` with Chinese before it
/// and none after.
fn halves(para: &str) -> Option<(&str, &str)> {
    let mut end = para.len();
    while let Some(at) = para[..end].rfind("/ ") {
        let (zh, en) = (&para[..at], &para[at + 2..]);
        if has_chinese(zh) && !has_chinese(en) {
            return Some((zh, en));
        }
        end = at;
    }
    None
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    })
}

/// A text for clap, or none (clap takes `Option<&'static str>` but not an owned one).
fn maybe(text: Option<String>) -> Resettable<StyledStr> {
    text.map(StyledStr::from).into()
}

fn localize(cmd: Command, w: Words, root: bool) -> Command {
    let lang = w.lang();
    let about = match (root, cmd.get_name()) {
        (true, _) => Some(w.help_intro().to_string()),
        (false, "help") => Some(w.help_command().to_string()),
        _ => cmd.get_about().map(|s| pick(&s.to_string(), lang)),
    };
    let long_about = cmd.get_long_about().map(|s| pick(&s.to_string(), lang));
    let after = w.help_after(cmd.get_name()).map(str::to_string);
    let mut cmd = cmd
        .about(maybe(about))
        .long_about(maybe(long_about))
        .after_help(maybe(after))
        .help_template(format!(
            "{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
            w.help_usage()
        ))
        .subcommand_value_name(w.value_name("COMMAND").unwrap_or("COMMAND"));
    let ids: Vec<_> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |arg| localize_arg(arg, w));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |sub| localize(sub, w, false));
    }
    cmd
}

fn localize_arg(arg: Arg, w: Words) -> Arg {
    let lang = w.lang();
    // clap's own flags, listed last.
    match arg.get_action() {
        ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong => {
            return arg
                .help(w.help_flag())
                .long_help(maybe(None))
                .display_order(usize::MAX);
        }
        ArgAction::Version => return arg.help(w.version_flag()).display_order(usize::MAX),
        _ => {}
    }
    let help = arg.get_help().map(|s| pick(&s.to_string(), lang));
    let long_help = arg.get_long_help().map(|s| pick(&s.to_string(), lang));
    // An empty default says nothing but `[default: ""]`.
    let empty_default =
        arg.get_action().takes_values() && arg.get_default_values().iter().all(|v| v.is_empty());
    let names: Option<Vec<String>> = arg.get_value_names().map(|names| {
        names
            .iter()
            .map(|n| w.value_name(n).unwrap_or(n.as_str()).to_string())
            .collect()
    });
    let placeholder = match (names, arg.get_action().takes_values()) {
        (_, false) => None,
        (Some(names), true) => Some(names),
        // clap would derive `<TOPIC>` from the id; say it in the language instead.
        (None, true) => {
            let derived = arg.get_id().as_str().to_ascii_uppercase().replace('-', "_");
            Some(vec![w.value_name(&derived).unwrap_or(&derived).to_string()])
        }
    };
    let mut arg = arg
        .help(maybe(help))
        .long_help(maybe(long_help))
        .hide_default_value(empty_default);
    if let Some(names) = placeholder {
        arg = arg.value_names(names);
    }
    arg
}

/// Help or a usage message as clap rendered it, made to read well: clap's own English notes
/// in the language, and every line that is too wide broken by CJK rules under its column.
pub fn finish(rendered: &str, lang: Lang, width: Option<usize>) -> String {
    let mut text = rendered.to_string();
    let w = lang.words();
    for (from, to) in w.help_notes() {
        text = text.replace(from, to);
    }
    // clap writes these headings itself (a heading set on an argument would also change
    // the order it lists them in).
    for (from, to) in w.help_headings() {
        text = text.replace(&from, &to);
    }
    let Some(width) = width else {
        return text;
    };
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        if text::width(line) <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let column = description_column(line);
        let (head, body) = line.split_at(column);
        let body_width = width.saturating_sub(text::width(head));
        let (indent, body_width, first_on_own_line) = if body_width >= 20 {
            (" ".repeat(text::width(head)), body_width, false)
        } else {
            // No room beside the option: its description goes on the lines below.
            let indent = " ".repeat(10.min(width / 4));
            let w = width.saturating_sub(indent.len());
            (indent, w, !head.trim().is_empty())
        };
        if first_on_own_line {
            out.push_str(head.trim_end());
            out.push('\n');
        }
        for (n, piece) in text::wrap(body.trim_start(), body_width).iter().enumerate() {
            if n == 0 && !first_on_own_line {
                out.push_str(head);
            } else {
                out.push_str(&indent);
            }
            out.push_str(piece);
            out.push('\n');
        }
    }
    out
}

/// Where the description starts on a help line: after an option's names and the run of
/// spaces clap pads them with; 0 for a line of prose.
fn description_column(line: &str) -> usize {
    let trimmed = line.trim_start();
    if trimmed.len() == line.len() {
        return 0;
    }
    let lead = line.len() - trimmed.len();
    match trimmed.find("  ") {
        Some(gap) => {
            let after = &trimmed[gap..];
            lead + gap + (after.len() - after.trim_start().len())
        }
        None => lead,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_commands(cmd: &Command) -> Vec<&Command> {
        let mut out = vec![cmd];
        for sub in cmd.get_subcommands() {
            out.extend(all_commands(sub));
        }
        out
    }

    #[test]
    fn every_description_is_written_in_both_languages() {
        let cmd = Cli::command();
        for c in all_commands(&cmd) {
            if let Some(about) = c.get_about() {
                let about = about.to_string();
                assert!(halves(&about).is_some(), "{}: {about}", c.get_name());
            }
            for arg in c.get_arguments() {
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                assert!(
                    halves(&help).is_some(),
                    "{} {}: {help:?}",
                    c.get_name(),
                    arg.get_id()
                );
            }
        }
    }

    fn render(lang: Lang, args: &[&str]) -> String {
        let err = command(lang).try_get_matches_from(args).unwrap_err();
        finish(&err.render().to_string(), lang, Some(80))
    }

    #[test]
    fn chinese_help_has_no_english_and_english_no_chinese() {
        let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let cmd = Cli::command();
        let mut paths: Vec<Vec<&str>> = vec![vec!["duty", "--help"]];
        for sub in cmd.get_subcommands() {
            paths.push(vec!["duty", sub.get_name(), "--help"]);
        }
        for path in &paths {
            let zh = render(Lang::Zh, path);
            for word in [
                "Usage",
                "Options",
                "Arguments",
                "Commands",
                "Print",
                "default:",
            ] {
                assert!(!zh.contains(word), "{path:?} says {word}:\n{zh}");
            }
            let en = render(Lang::En, path);
            assert!(!has_cjk(&en), "{path:?}:\n{en}");
            assert!(en.contains("Usage:"), "{en}");
        }
    }

    #[test]
    fn every_placeholder_is_said_in_chinese() {
        let cmd = command(Lang::Zh);
        for c in all_commands(&cmd) {
            for arg in c.get_arguments().filter(|a| a.get_action().takes_values()) {
                for name in arg.get_value_names().unwrap_or_default() {
                    assert!(
                        !name.chars().any(|ch| ch.is_ascii_uppercase()),
                        "{} {}: <{name}>",
                        c.get_name(),
                        arg.get_id()
                    );
                }
            }
        }
    }

    #[test]
    fn lines_fit_the_width_and_keep_their_column() {
        let help = render(Lang::Zh, &["duty", "log", "--help"]);
        for line in help.lines() {
            assert!(text::width(line) <= 80, "{line}");
        }
        let narrow = finish(
            "  --also <事项>  同一次活动同时计入的其他事项（可重复），每项都算一次\n",
            Lang::Zh,
            Some(40),
        );
        let lines: Vec<&str> = narrow.lines().collect();
        assert!(lines.len() > 1, "{narrow}");
        let column = text::width(&lines[0][..description_column(lines[0])]);
        for l in &lines[1..] {
            assert_eq!(l.len() - l.trim_start().len(), column, "{narrow}");
        }
    }

    #[test]
    fn help_names_the_help_command_in_chinese() {
        let help = render(Lang::Zh, &["duty", "--help"]);
        assert!(help.contains("用法：duty [选项] [命令]"), "{help}");
        assert!(help.contains("显示帮助"), "{help}");
        assert!(!help.contains("Print this message"), "{help}");
        let sub = render(Lang::Zh, &["duty", "help", "log"]);
        assert!(sub.contains("登记一次活动"), "{sub}");
    }
}
