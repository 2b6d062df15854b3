//! Parse, then refine: RON text → [`RawChecklist`] → validated [`Checklist`], or every
//! problem found, each placed at its file, line and column with the field's path.

use std::collections::HashMap;

use jiff::civil::Date;

use super::locate::Locations;
use super::raw::{RawChecklist, RawItem, RawKind};
use super::{Checklist, DueSpec, Item, Kind, KindTag, ReportText, Section};
use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::template::{Context, Template, TemplateErrorKind};
use crate::text;

/// Checklists larger than this are refused before parsing (a 10 000-item checklist is ~4 MiB).
pub const MAX_CHECKLIST_BYTES: usize = 32 * 1024 * 1024;

/// Nesting deeper than this is refused by the parser instead of exhausting the stack.
const RECURSION_LIMIT: usize = 64;

const DEFAULT_HEADING: &str =
    "三、{year}年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况";
const DEFAULT_OPENING: &str = "{year}年，{org}主要负责人认真落实《党政主要负责人履行推进法治建设第一责任人职责规定》，切实履行推进法治建设第一责任人职责，坚持重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。";
const DEFAULT_CLOSING: &str =
    "通过以上举措，法治建设各项任务有效落实，为推动各项工作提供了坚实的法治保障。";

/// Load a checklist from the bytes of `origin`. `default_year` is used when the file names
/// none (the caller passes the current year, or `--year`).
pub fn load(
    bytes: &[u8],
    origin: &str,
    default_year: i16,
    lang: Lang,
) -> Result<Checklist, Vec<Diagnostic>> {
    let l = |zh: &str, en: &str| lang.pick(zh, en).to_string();
    if bytes.len() > MAX_CHECKLIST_BYTES {
        return Err(vec![Diagnostic::at(
            lang,
            origin,
            "",
            0,
            0,
            None,
            match lang {
                Lang::Zh => format!(
                    "文件过大（{} 字节），清单文件最大 {} 字节",
                    bytes.len(),
                    MAX_CHECKLIST_BYTES
                ),
                Lang::En => format!(
                    "file too large ({} bytes); a checklist may be at most {} bytes",
                    bytes.len(),
                    MAX_CHECKLIST_BYTES
                ),
            },
        )]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let src = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
            return Err(vec![
                Diagnostic::at(
                    lang,
                    origin,
                    valid,
                    valid.len(),
                    0,
                    None,
                    l(
                        "文件不是有效的 UTF-8 文本",
                        "the file is not valid UTF-8 text",
                    ),
                )
                .with_help(l(
                    "请以 UTF-8 编码保存（不要用 GBK）",
                    "save the file as UTF-8 (not GBK)",
                )),
            ]);
        }
    };
    let raw = parse_raw(src, origin, lang)?;
    Validator {
        src,
        origin,
        lang,
        locations: None,
        errors: Vec::new(),
    }
    .refine(raw, default_year)
}

/// `implicit_some` lets optional fields be written plainly (`owner: "办公室"`), not `Some(…)`.
fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// serde's first error stops the parse; to report more than one, each item that the scanner
/// can delimit is then parsed on its own, so that typos in several items all show at once.
fn parse_raw(src: &str, origin: &str, lang: Lang) -> Result<RawChecklist, Vec<Diagnostic>> {
    let first = match parse_at::<RawChecklist>(src, 0, src, origin, lang, String::new()) {
        Ok(raw) => return Ok(raw),
        Err(d) => d,
    };
    let Some(first) = first else {
        // A syntax error: the parser cannot go on past it.
        return Err(vec![syntax_only(src, origin, lang)]);
    };
    let locations = Locations::scan(src);
    let mut errors = vec![first];
    'sections: for s in 0.. {
        for i in 0.. {
            let path = format!("sections[{s}].items[{i}]");
            let Some((start, end)) = locations.exact(&path) else {
                if i == 0 {
                    if locations.exact(&format!("sections[{s}]")).is_none() {
                        break 'sections;
                    }
                }
                break;
            };
            if let Err(Some(d)) =
                parse_at::<RawItem>(&src[start..end], start, src, origin, lang, path)
            {
                if !errors
                    .iter()
                    .any(|e| (e.line, e.column) == (d.line, d.column))
                {
                    errors.push(d);
                }
            }
        }
    }
    errors.sort_by_key(|d| (d.line, d.column));
    Err(errors)
}

/// Parse `part` (which starts at byte `offset` of `src`). `Err(None)` means a syntax error
/// that [`syntax_only`] reports for the whole file.
fn parse_at<T: serde::de::DeserializeOwned>(
    part: &str,
    offset: usize,
    src: &str,
    origin: &str,
    lang: Lang,
    prefix: String,
) -> Result<T, Option<Diagnostic>> {
    let mut de = ron::Deserializer::from_str_with_options(part, &ron_options())
        .map_err(|_| None::<Diagnostic>)?;
    let result = serde_path_to_error::deserialize::<_, T>(&mut de);
    let (path, code) = match result {
        Ok(v) => match de.end() {
            Ok(()) => return Ok(v),
            Err(code) => (String::new(), code),
        },
        Err(e) => {
            let path = e.path().to_string();
            (path, e.into_inner())
        }
    };
    if is_syntax(&code) {
        return Err(None);
    }
    let spanned = de.span_error(code.clone());
    let path = join_path(&prefix, &path);
    let (line, column) = absolute(src, offset, spanned.span.start.line, spanned.span.start.col);
    let message = ron_message(&code, lang);
    let mut d = Diagnostic::at_line_col(
        lang,
        origin,
        src,
        line,
        column,
        (!path.is_empty() && path != ".").then_some(path),
        message,
    );
    if let Some(help) = ron_help(&code, lang) {
        d = d.with_help(help);
    }
    Err(Some(d))
}

fn syntax_only(src: &str, origin: &str, lang: Lang) -> Diagnostic {
    let err = match ron_options().from_str::<ron::Value>(src) {
        Err(e) => e,
        Ok(_) => match ron_options().from_str::<RawChecklist>(src) {
            Err(e) => e,
            Ok(_) => {
                return Diagnostic::at(lang, origin, src, 0, 0, None, "?".into());
            }
        },
    };
    Diagnostic::at_line_col(
        lang,
        origin,
        src,
        err.span.start.line,
        err.span.start.col,
        None,
        ron_message(&err.code, lang),
    )
}

/// serde_path_to_error writes `?` for positions it cannot name and `.` for the root.
fn join_path(prefix: &str, path: &str) -> String {
    let path = path.trim_start_matches('.');
    let path = if path == "?" { "" } else { path };
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_string(),
        (false, true) => prefix.to_string(),
        (false, false) => format!("{prefix}.{path}"),
    }
}

/// A line/column inside `src[offset..]` as a line/column of `src`.
fn absolute(src: &str, offset: usize, line: usize, col: usize) -> (usize, usize) {
    let before = &src[..offset];
    let base_line = before.matches('\n').count();
    if line <= 1 {
        let base_col = before.rsplit('\n').next().unwrap_or("").chars().count();
        (base_line + 1, base_col + col)
    } else {
        (base_line + line, col)
    }
}

/// Errors in the text itself, as opposed to a well-formed value of the wrong shape.
fn is_syntax(code: &ron::Error) -> bool {
    use ron::Error as E;
    !matches!(
        code,
        E::Message(_)
            | E::InvalidValueForType { .. }
            | E::NoSuchEnumVariant { .. }
            | E::NoSuchStructField { .. }
            | E::MissingStructField { .. }
            | E::DuplicateStructField { .. }
            | E::ExpectedDifferentLength { .. }
            | E::IntegerOutOfBounds
            | E::ExpectedInteger
            | E::ExpectedFloat
            | E::ExpectedString
            | E::ExpectedArray
            | E::ExpectedStructLike
            | E::ExpectedNamedStructLike(_)
            | E::ExpectedDifferentStructName { .. }
            | E::ExpectedOption
            | E::ExpectedUnit
            | E::ExpectedBoolean
    )
}

fn ron_message(code: &ron::Error, lang: Lang) -> String {
    use ron::Error as E;
    let list = |v: &[&str]| {
        v.iter()
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (lang, code) {
        (
            Lang::Zh,
            E::NoSuchStructField {
                expected, found, ..
            },
        ) => {
            format!("未知字段 '{found}'，可用的字段：{}", list(expected))
        }
        (Lang::Zh, E::MissingStructField { field, .. }) => format!("缺少必填字段 '{field}'"),
        (Lang::Zh, E::DuplicateStructField { field, .. }) => format!("字段 '{field}' 重复出现"),
        (
            Lang::Zh,
            E::NoSuchEnumVariant {
                expected, found, ..
            },
        ) => {
            format!("未知的类型 '{found}'，应为 {} 之一", list(expected))
        }
        (Lang::Zh, E::InvalidValueForType { expected, found }) => {
            format!("值 {found} 不合要求，应为 {expected}")
        }
        (Lang::Zh, E::ExpectedString) => "此处应为带引号的字符串，如 \"文本\"".into(),
        (Lang::Zh, E::ExpectedInteger) => "此处应为整数".into(),
        (Lang::Zh, E::ExpectedFloat) => "此处应为数字".into(),
        (Lang::Zh, E::IntegerOutOfBounds) => "整数超出范围".into(),
        (Lang::Zh, E::ExpectedArray) => "此处应为列表 [ … ]".into(),
        (Lang::Zh, E::ExpectedStructLike | E::ExpectedNamedStructLike(_)) => {
            "此处应为 ( 字段: 值, … )".into()
        }
        (Lang::Zh, E::Eof) => "文件意外结束：可能缺少右括号".into(),
        (Lang::Zh, E::ExpectedComma) => "此处应为逗号".into(),
        (Lang::Zh, E::ExpectedStringEnd) => "字符串缺少结束的引号".into(),
        (Lang::Zh, E::ExpectedStructLikeEnd) => "此处应为 ) 或逗号".into(),
        (Lang::Zh, E::ExpectedArrayEnd) => "此处应为 ] 或逗号".into(),
        (Lang::Zh, E::ExpectedMapColon) => "字段名后应为冒号 :".into(),
        (Lang::Zh, E::TrailingCharacters) => "清单结束后还有多余内容".into(),
        (Lang::Zh, E::UnexpectedChar(c)) => {
            format!("意外的字符 '{}'", text::for_terminal(&c.to_string()))
        }
        (Lang::Zh, E::ExceededRecursionLimit) => "嵌套层数过深".into(),
        (Lang::Zh, E::UnclosedBlockComment) => "注释 /* 没有结束".into(),
        (Lang::Zh, other) => format!("格式错误：{other}"),
        (Lang::En, other) => other.to_string(),
    }
}

fn ron_help(code: &ron::Error, lang: Lang) -> Option<String> {
    use ron::Error as E;
    match code {
        E::NoSuchStructField {
            expected, found, ..
        } => {
            let best = expected
                .iter()
                .max_by(|a, b| {
                    strsim::jaro_winkler(found, a).total_cmp(&strsim::jaro_winkler(found, b))
                })
                .filter(|best| strsim::jaro_winkler(found, best) > 0.75)?;
            Some(match lang {
                Lang::Zh => format!("是否想写 '{best}'？"),
                Lang::En => format!("did you mean '{best}'?"),
            })
        }
        E::NoSuchEnumVariant { expected, .. } if expected.contains(&"Task") => Some(
            lang.pick(
                "写法：Task、Count(target: 4)、Rate(target: 100)、Hours(target: 20)",
                "write Task, Count(target: 4), Rate(target: 100) or Hours(target: 20)",
            )
            .to_string(),
        ),
        _ => None,
    }
}

struct Validator<'a> {
    src: &'a str,
    origin: &'a str,
    lang: Lang,
    locations: Option<Locations>,
    errors: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn error(&mut self, path: &str, message: String, help: Option<String>) {
        let locations = self
            .locations
            .get_or_insert_with(|| Locations::scan(self.src));
        let (start, end) = locations.find(path).unwrap_or((0, 0));
        let mut d = Diagnostic::at(
            self.lang,
            self.origin,
            self.src,
            start,
            end - start,
            Some(path.to_string()),
            message,
        );
        d.help = help;
        self.errors.push(d);
    }

    fn msg(&self, zh: String, en: String) -> String {
        match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    fn refine(
        mut self,
        raw: RawChecklist,
        default_year: i16,
    ) -> Result<Checklist, Vec<Diagnostic>> {
        self.slug("id", &raw.id);
        self.nonempty("title", &raw.title);
        self.nonempty("organization", &raw.organization);
        let year = match raw.year {
            None => default_year,
            Some(y) if (2000..=2100).contains(&y) => y as i16,
            Some(y) => {
                let m = self.msg(
                    format!("年份 '{y}' 不合理，应在 2000 到 2100 之间"),
                    format!("year '{y}' is out of range; expected 2000 to 2100"),
                );
                self.error("year", m, None);
                default_year
            }
        };
        let report = ReportText {
            heading: self.template(
                "report.heading",
                raw.report.heading.as_deref(),
                DEFAULT_HEADING,
                Context::Report,
            ),
            opening: self.template(
                "report.opening",
                raw.report.opening.as_deref(),
                DEFAULT_OPENING,
                Context::Report,
            ),
            closing: self.template(
                "report.closing",
                raw.report.closing.as_deref(),
                DEFAULT_CLOSING,
                Context::Report,
            ),
        };
        let mut section_ids: HashMap<String, usize> = HashMap::new();
        let mut item_ids: HashMap<String, String> = HashMap::new();
        let mut sections = Vec::with_capacity(raw.sections.len());
        for (si, s) in raw.sections.into_iter().enumerate() {
            let sp = format!("sections[{si}]");
            self.slug(&format!("{sp}.id"), &s.id);
            if let Some(first) = section_ids.insert(s.id.clone(), si) {
                let m = self.msg(
                    format!("栏目 id '{}' 重复，sections[{first}] 已使用", s.id),
                    format!(
                        "duplicate section id '{}', already used by sections[{first}]",
                        s.id
                    ),
                );
                self.error(&format!("{sp}.id"), m, None);
            }
            self.nonempty(&format!("{sp}.title"), &s.title);
            let mut items = Vec::with_capacity(s.items.len());
            for (ii, item) in s.items.into_iter().enumerate() {
                let ip = format!("{sp}.items[{ii}]");
                if let Some(first) = item_ids.get(&item.id) {
                    let m = self.msg(
                        format!("事项 id '{}' 重复，{first} 已使用", item.id),
                        format!("duplicate item id '{}', already used by {first}", item.id),
                    );
                    self.error(
                        &format!("{ip}.id"),
                        m,
                        Some(self.msg(
                            "每个事项的 id 在整个清单中必须唯一".into(),
                            "item ids must be unique in the whole checklist".into(),
                        )),
                    );
                } else {
                    item_ids.insert(item.id.clone(), ip.clone());
                }
                if let Some(item) = self.item(&ip, item, year) {
                    items.push(item);
                }
            }
            sections.push(Section {
                id: s.id,
                title: s.title,
                items,
            });
        }
        if item_ids.is_empty() && self.errors.is_empty() {
            let m = self.msg(
                "清单中没有任何事项".into(),
                "the checklist has no items".into(),
            );
            self.error("sections", m, None);
        }
        if !self.errors.is_empty() {
            self.errors.sort_by_key(|d| (d.line, d.column));
            return Err(self.errors);
        }
        Ok(Checklist::new(
            raw.id,
            raw.title,
            raw.organization,
            year,
            raw.year.is_some(),
            report,
            sections,
        ))
    }

    fn item(&mut self, ip: &str, raw: RawItem, year: i16) -> Option<Item> {
        let before = self.errors.len();
        self.slug(&format!("{ip}.id"), &raw.id);
        self.nonempty(&format!("{ip}.title"), &raw.title);
        for (field, value) in [
            ("description", raw.description.as_deref()),
            ("owner", raw.owner.as_deref()),
            ("evidence", raw.evidence.as_deref()),
        ] {
            if let Some(v) = value {
                self.clean(&format!("{ip}.{field}"), v);
            }
        }
        let kind = match raw.kind {
            RawKind::Task => Kind::Task,
            RawKind::Count { target } => {
                if (1..=100_000).contains(&target) {
                    Kind::Count {
                        target: target as u32,
                    }
                } else {
                    let m = self.msg(
                        format!("次数目标 '{target}' 无效，应为 1 到 100000 之间的整数"),
                        format!("count target '{target}' is invalid; expected a whole number from 1 to 100000"),
                    );
                    self.error(&format!("{ip}.kind.target"), m, None);
                    Kind::Count { target: 1 }
                }
            }
            RawKind::Rate { target } => {
                if target > 0.0 && target <= 100.0 {
                    Kind::Rate { target }
                } else {
                    let m = self.msg(
                        format!("比率目标 '{target}' 无效，应为大于 0 且不超过 100 的百分数"),
                        format!("rate target '{target}' is invalid; expected a percentage above 0 and at most 100"),
                    );
                    let help = (target > 1.0).then(|| {
                        self.msg(
                            "比率以百分数填写，如 100 表示 100%".into(),
                            "rates are percentages: 100 means 100%".into(),
                        )
                    });
                    self.error(&format!("{ip}.kind.target"), m, help);
                    Kind::Rate { target: 100.0 }
                }
            }
            RawKind::Hours { target } => {
                if target > 0.0 && target <= 10_000.0 {
                    Kind::Hours { target }
                } else {
                    let m = self.msg(
                        format!("学时目标 '{target}' 无效，应为大于 0 且不超过 10000 的数"),
                        format!("hours target '{target}' is invalid; expected a number above 0 and at most 10000"),
                    );
                    self.error(&format!("{ip}.kind.target"), m, None);
                    Kind::Hours { target: 1.0 }
                }
            }
        };
        let due = self.due(&format!("{ip}.due"), &raw.due, year);
        let start = raw
            .start
            .as_deref()
            .and_then(|s| self.due(&format!("{ip}.start"), s, year));
        if let (Some(start), Some(due)) = (start, due) {
            if start.resolve(year) > due.resolve(year) {
                let m = self.msg(
                    format!(
                        "开始日期 '{}' 晚于截止日期 '{}'",
                        start.to_source(),
                        due.to_source()
                    ),
                    format!(
                        "start '{}' is after due '{}'",
                        start.to_source(),
                        due.to_source()
                    ),
                );
                self.error(&format!("{ip}.start"), m, None);
            }
        }
        let default_report = match kind.tag() {
            KindTag::Task => "{title}",
            KindTag::Count => "{title}{count}次",
            KindTag::Rate => "{title}{rate}",
            KindTag::Hours => "{title}{hours}学时",
        };
        let report = self.template(
            &format!("{ip}.report"),
            raw.report.as_deref(),
            default_report,
            Context::Item(kind.tag()),
        );
        if let Some(from) = raw.carried_from {
            if !(2000..i64::from(year)).contains(&from) {
                let m = self.msg(
                    format!("carried_from '{from}' 应为早于 {year} 的年份"),
                    format!("carried_from '{from}' must be a year before {year}"),
                );
                self.error(&format!("{ip}.carried_from"), m, None);
            }
        }
        if self.errors.len() > before {
            return None;
        }
        Some(Item {
            id: raw.id,
            title: raw.title,
            description: raw.description.filter(|d| !d.trim().is_empty()),
            owner: raw.owner.unwrap_or_default(),
            kind,
            start,
            due: due?,
            evidence: raw.evidence.unwrap_or_default(),
            report,
            carried_from: raw.carried_from.map(|y| y as i16),
        })
    }

    fn slug(&mut self, path: &str, id: &str) {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !ok {
            let shown = text::for_terminal(id).into_owned();
            let m = self.msg(
                format!("id '{shown}' 无效，应为 1 到 64 个 ASCII 字母、数字、- 或 _，以字母或数字开头"),
                format!("id '{shown}' is invalid; expected 1 to 64 ASCII letters, digits, '-' or '_', starting with a letter or digit"),
            );
            let help = self.msg(
                "例如 \"annual-plan\"；中文名称请写在 title 中".into(),
                "e.g. \"annual-plan\"; put Chinese names in title".into(),
            );
            self.error(path, m, Some(help));
        }
    }

    fn nonempty(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            let m = self.msg("不能为空".into(), "must not be empty".into());
            self.error(path, m, None);
        } else {
            self.clean(path, value);
        }
    }

    fn clean(&mut self, path: &str, value: &str) {
        if let Err(bad) = text::check_input(value) {
            let m = self.msg(
                format!(
                    "含有控制字符 U+{:04X}（第 {} 个字符）",
                    bad.ch as u32,
                    bad.index + 1
                ),
                format!(
                    "contains control character U+{:04X} (character {})",
                    bad.ch as u32,
                    bad.index + 1
                ),
            );
            self.error(path, m, None);
        }
    }

    fn due(&mut self, path: &str, value: &str, year: i16) -> Option<DueSpec> {
        let shown = text::for_terminal(value).into_owned();
        let Some(spec) = parse_due(value) else {
            let m = self.msg(
                format!("日期 '{shown}' 无效，应为 \"MM-DD\"（本年度）、\"next-MM-DD\"（次年）或 \"YYYY-MM-DD\"，且须是真实存在的日期"),
                format!("date '{shown}' is invalid; expected \"MM-DD\" (this year), \"next-MM-DD\" (next year) or \"YYYY-MM-DD\", naming a day that exists"),
            );
            self.error(path, m, None);
            return None;
        };
        let (earliest, latest) = window(year);
        let date = spec.resolve(year);
        let in_window = match spec {
            DueSpec::On(d) => (earliest..=latest).contains(&d),
            DueSpec::NextYear { month, .. } => month <= 6,
            DueSpec::InYear { .. } => true,
        };
        if !in_window {
            let m = self.msg(
                format!(
                    "日期 '{shown}' 超出清单年度：应在 {} 至 {} 之间",
                    crate::date::iso(earliest),
                    crate::date::iso(latest)
                ),
                format!(
                    "date '{shown}' is outside the checklist year; expected {} to {}",
                    crate::date::iso(earliest),
                    crate::date::iso(latest)
                ),
            );
            self.error(path, m, None);
            return None;
        }
        debug_assert!(date >= earliest);
        Some(spec)
    }

    fn template(
        &mut self,
        path: &str,
        value: Option<&str>,
        default: &str,
        context: Context,
    ) -> Template {
        let source = value.unwrap_or(default);
        match Template::parse(source, context) {
            Ok(t) => {
                if value.is_some() {
                    self.clean(path, source);
                }
                t
            }
            Err(e) => {
                let allowed = crate::template::Placeholder::names_in(context)
                    .iter()
                    .map(|n| format!("{{{n}}}"))
                    .collect::<Vec<_>>()
                    .join(" ");
                let bad = text::for_terminal(&source[e.offset..e.offset + e.len]).into_owned();
                let m = match (&e.kind, self.lang) {
                    (TemplateErrorKind::Unknown(_), Lang::Zh) => {
                        format!("模板中的占位符 '{bad}' 不存在")
                    }
                    (TemplateErrorKind::NotHere(_), Lang::Zh) => {
                        format!("占位符 '{bad}' 在此处没有取值")
                    }
                    (TemplateErrorKind::Unclosed, Lang::Zh) => "模板中的 '{' 没有对应的 '}'".into(),
                    (TemplateErrorKind::StrayClose, Lang::Zh) => {
                        "模板中的 '}' 没有对应的 '{'".into()
                    }
                    (kind, Lang::En) => format!("template: {kind}"),
                };
                let help = match self.lang {
                    Lang::Zh => format!("此处可用：{allowed}；字面的花括号写作 {{{{ 和 }}}}"),
                    Lang::En => {
                        format!("available here: {allowed}; write {{{{ and }}}} for literal braces")
                    }
                };
                self.template_error(path, e.offset, e.len, m, help);
                Template::parse("", context)
                    .unwrap_or_else(|_| unreachable!("empty template is valid"))
            }
        }
    }

    /// Place a template error on the bad placeholder itself when the string has no escapes
    /// (so template offsets equal file offsets), else on the whole string.
    fn template_error(
        &mut self,
        path: &str,
        offset: usize,
        len: usize,
        message: String,
        help: String,
    ) {
        let locations = self
            .locations
            .get_or_insert_with(|| Locations::scan(self.src));
        let (start, end) = locations.find(path).unwrap_or((0, 0));
        let literal = &self.src[start..end];
        let (at, n) = if literal.starts_with('"') && !literal.contains('\\') {
            (start + 1 + offset, len)
        } else {
            (start, end - start)
        };
        let mut d = Diagnostic::at(
            self.lang,
            self.origin,
            self.src,
            at,
            n,
            Some(path.to_string()),
            message,
        );
        d.help = Some(help);
        self.errors.push(d);
    }
}

/// `MM-DD`, `next-MM-DD` or `YYYY-MM-DD` (also `2025年3月1日`).
pub(crate) fn parse_due(s: &str) -> Option<DueSpec> {
    let s = s.trim();
    let month_day = |s: &str| {
        let (m, d) = s.split_once('-')?;
        if m.len() > 2 || d.len() > 2 || !m.bytes().chain(d.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (month, day): (i8, i8) = (m.parse().ok()?, d.parse().ok()?);
        // 2000 is a leap year, so 02-29 is accepted (and clamped in other years).
        Date::new(2000, month, day).ok()?;
        Some((month, day))
    };
    if let Some(rest) = s.strip_prefix("next-") {
        let (month, day) = month_day(rest)?;
        return Some(DueSpec::NextYear { month, day });
    }
    if s.len() <= 5 && s.matches('-').count() == 1 {
        let (month, day) = month_day(s)?;
        return Some(DueSpec::InYear { month, day });
    }
    crate::date::parse_date(s).map(DueSpec::On)
}

/// Due dates must fall in the checklist year or the first half of the next (the report,
/// its publication and the leader's 述法 happen then).
pub(crate) fn window(year: i16) -> (Date, Date) {
    let first = Date::new(year, 1, 1).unwrap_or(Date::MIN);
    let last = Date::new(year.saturating_add(1), 6, 30).unwrap_or(Date::MAX);
    (first, last)
}
