//! Command-line mistakes in Chinese: clap words its errors in English only, so the common
//! kinds are said again here from clap's structured context; anything else keeps clap's text
//! under a Chinese heading. (The text is made safe for the terminal by the writer.)

use std::error::Error as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::Lang;

/// The language to report a usage error in, read from the raw arguments and then `DUTY_LANG`
/// (`env_lang`), since the parse that would have settled it is what failed.
pub fn lang_of(args: &[std::ffi::OsString], env_lang: Option<String>) -> Lang {
    let mut given = None;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            given = args.next().map(|v| v.into_owned());
        } else if let Some(v) = arg.strip_prefix("--lang=") {
            given = Some(v.to_string());
        }
    }
    given
        .or(env_lang)
        .and_then(|v| v.parse().ok())
        .unwrap_or_default()
}

/// The usage error `e` in Chinese, ending with where to find help.
pub fn in_chinese(e: &clap::Error) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join("、")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let arg = || text(ContextKind::InvalidArg).unwrap_or_default();
    let value = || text(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            format!(
                "没有“{}”这个命令",
                text(ContextKind::InvalidSubcommand).unwrap_or_default()
            )
        }
        ErrorKind::UnknownArgument => format!("不认识的参数“{}”", arg()),
        ErrorKind::MissingRequiredArgument => format!("缺少必填参数：{}", arg()),
        ErrorKind::MissingSubcommand => "缺少命令".to_string(),
        ErrorKind::InvalidValue if value().is_empty() => format!("{} 需要一个值", arg()),
        ErrorKind::InvalidValue => match text(ContextKind::ValidValue) {
            Some(valid) => format!("{} 的值“{}”无效，可选：{valid}", arg(), value()),
            None => format!("{} 的值“{}”无效", arg(), value()),
        },
        ErrorKind::ValueValidation => {
            // Our parsers say why in both languages; clap's own (numbers) only in English.
            let why = e
                .source()
                .map(|s| match s.downcast_ref::<crate::cli::parse::BadValue>() {
                    Some(bad) => Lang::Zh.words().bad_value(*bad).to_string(),
                    None => s.to_string(),
                })
                .unwrap_or_default();
            format!("{} 的值“{}”无效：{why}", arg(), value())
        }
        ErrorKind::ArgumentConflict => match text(ContextKind::PriorArg) {
            Some(prior) if prior == arg() => format!("{} 只能给一次", arg()),
            Some(prior) => format!("{} 不能与 {prior} 同时使用", arg()),
            None => format!("{} 不能与其他参数同时使用", arg()),
        },
        ErrorKind::TooManyValues => format!("{} 多给了一个值“{}”", arg(), value()),
        ErrorKind::NoEquals => format!("{} 的值要用等号写在后面，如 {}=值", arg(), arg()),
        _ => format!("参数有误：\n{}", e.render().to_string().trim_end()),
    };
    for (kind, hint) in [
        (ContextKind::SuggestedSubcommand, "命令"),
        (ContextKind::SuggestedArg, "参数"),
        (ContextKind::SuggestedValue, "值"),
    ] {
        if let Some(suggested) = text(kind) {
            message.push_str(&format!("；是不是要用{hint}“{suggested}”？"));
        }
    }
    format!("错误：{message}\n运行 duty --help（或 duty 命令 --help）查看用法。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::Cli;
    use clap::Parser;

    fn error(args: &[&str]) -> String {
        let e = Cli::try_parse_from(args).expect_err("a usage error");
        in_chinese(&e)
    }

    #[test]
    fn common_mistakes_are_said_in_chinese() {
        let unknown = error(&["duty", "stauts"]);
        assert!(unknown.contains("没有“stauts”这个命令"), "{unknown}");
        assert!(
            unknown.contains("是不是要用命令“") && unknown.contains("status"),
            "{unknown}"
        );
        assert!(unknown.ends_with("查看用法。"), "{unknown}");
        let flag = error(&["duty", "status", "--jsn"]);
        assert!(flag.contains("不认识的参数“--jsn”"), "{flag}");
        assert!(flag.contains("--json"), "{flag}");
        let missing = error(&["duty", "log", "center-group"]);
        assert!(missing.contains("缺少必填参数"), "{missing}");
        assert!(missing.contains("--topic"), "{missing}");
        let bad_rate = error(&["duty", "rate", "x", "5/4"]);
        assert!(
            bad_rate.contains("“5/4”无效：分子不能大于分母"),
            "{bad_rate}"
        );
        let year = error(&["duty", "rollover", "--to", "1999"]);
        assert!(year.contains("应为 2000 到 2100 之间的年份"), "{year}");
        assert!(!bad_rate.contains("valid"), "Chinese only: {bad_rate}");
        let hours = error(&["duty", "log", "x", "--topic", "t", "--hours", "abc"]);
        assert!(hours.contains("应为学时数"), "{hours}");
        let lang = error(&["duty", "--lang", "fr", "status"]);
        assert!(lang.contains("应为 zh（中文）或 en（英文）"), "{lang}");
        let twice = error(&["duty", "log", "x", "--topic", "a", "--topic", "b"]);
        assert!(twice.contains("只能给一次"), "{twice}");
        let no_value = error(&["duty", "log", "x", "--topic"]);
        assert!(no_value.contains("--topic"), "{no_value}");
        assert!(!no_value.contains("error:"), "{no_value}");
    }

    #[test]
    fn the_language_comes_from_the_raw_arguments() {
        let os = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_of(&os(&["duty", "--lang", "en", "stauts"]), None),
            Lang::En
        );
        assert_eq!(
            lang_of(&os(&["duty", "stauts", "--lang=en"]), None),
            Lang::En
        );
        assert_eq!(
            lang_of(&os(&["duty", "note", "x", "--", "--lang", "en"]), None),
            Lang::Zh
        );
        assert_eq!(
            lang_of(&os(&["duty", "stauts"]), Some("en".into())),
            Lang::En
        );
        assert_eq!(
            lang_of(&os(&["duty", "--lang", "zh"]), Some("en".into())),
            Lang::Zh
        );
    }
}
