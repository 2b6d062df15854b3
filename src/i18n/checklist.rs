//! Words for a checklist file that did not load: what the parser stopped at, a value of
//! the wrong shape, a file too large or not UTF-8, how to put each right, and the frame a
//! [`Diagnostic`](crate::diagnostic::Diagnostic) is printed in. What a checklist that
//! parsed says wrong is worded in [`invalid`].

mod invalid;
mod templates;

use super::Words;
use crate::checklist::{Expected, Shape, Syntax};

/// `'a', 'b', 'c'`: the names a field or kind could have had.
fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Words {
    /// Why the text is not RON; `found` is the quoted token the parser stopped at.
    pub(crate) fn syntax_problem(self, s: &Syntax, found: &str) -> String {
        let zh = self.zh();
        match s {
            Syntax::Empty => self
                .pick(
                    "文件为空，应为清单 ( id: …, title: …, organization: …, sections: [ … ] )",
                    "the file is empty; expected a checklist ( id: …, title: …, organization: …, sections: [ … ] )",
                )
                .into(),
            Syntax::Eof => self
                .pick(
                    "文件意外结束：缺少右括号 ) 或 ]",
                    "unexpected end of file; expected a closing ')' or ']'",
                )
                .into(),
            Syntax::Comma if zh => format!("此处应为逗号或右括号，实际是 {found}"),
            Syntax::Comma => format!("expected ',' or a closing bracket, found {found}"),
            Syntax::StringEnd => self
                .pick(
                    "字符串缺少结束的引号 \"",
                    "the string is never closed; expected '\"'",
                )
                .into(),
            Syntax::GroupEnd if zh => format!("此处应为 ) 或逗号，实际是 {found}"),
            Syntax::GroupEnd => format!("expected ')' or ',', found {found}"),
            Syntax::ListEnd if zh => format!("此处应为 ] 或逗号，实际是 {found}"),
            Syntax::ListEnd => format!("expected ']' or ',', found {found}"),
            Syntax::Colon if zh => format!("字段名后应为冒号 :，实际是 {found}"),
            Syntax::Colon => format!("expected ':' after the field name, found {found}"),
            Syntax::Trailing if zh => format!("清单结束后还有多余内容 {found}"),
            Syntax::Trailing => format!("unexpected {found} after the end of the checklist"),
            Syntax::Char if zh => format!("意外的字符 {found}"),
            Syntax::Char => format!("unexpected character {found}"),
            Syntax::TooDeep(limit) if zh => format!("嵌套超过 {limit} 层"),
            Syntax::TooDeep(limit) => format!("nesting is deeper than {limit} levels"),
            Syntax::BlockComment => self
                .pick(
                    "块注释 '/*' 没有结束的 '*/'",
                    "block comment '/*' is never closed with '*/'",
                )
                .into(),
            Syntax::Escape if zh => format!("字符串中的转义 {found} 无效"),
            Syntax::Escape => format!("invalid escape {found} in a string"),
            Syntax::FieldName if zh => format!("此处应为字段名，实际是 {found}"),
            Syntax::FieldName => format!("expected a field name, found {found}"),
            Syntax::Other(other) if zh => format!("格式错误：{found}（{other}）"),
            Syntax::Other(other) => format!("syntax error at {found}: {other}"),
        }
    }

    /// The likely cause, for the errors whose message alone does not show it.
    pub(crate) fn syntax_help(self, s: &Syntax) -> Option<&'static str> {
        match s {
            Syntax::Comma => Some(self.pick(
                "可能是上一个值后缺少逗号，或前面的字符串缺少结束的引号",
                "a ',' may be missing after the previous value, or a string before it is not closed",
            )),
            Syntax::Escape => Some(self.pick(
                "反斜杠本身写作 \\\\；引号写作 \\\"",
                "write \\\\ for a backslash and \\\" for a quote",
            )),
            _ => None,
        }
    }

    /// `文件结尾`: what the parser found when the text ran out.
    pub(crate) fn end_of_file(self) -> &'static str {
        self.pick("文件结尾", "end of file")
    }

    pub(crate) fn shape_problem(self, s: &Shape) -> String {
        let zh = self.zh();
        match s {
            Shape::UnknownField { found, expected } if zh => {
                format!("未知字段 '{found}'，可用的字段：{}", list(expected))
            }
            Shape::UnknownField { found, expected } => {
                format!(
                    "unknown field '{found}'; expected one of {}",
                    list(expected)
                )
            }
            Shape::MissingField(field) if zh => format!("缺少必填字段 '{field}'"),
            Shape::MissingField(field) => format!("missing field '{field}'"),
            Shape::DuplicateField(field) if zh => format!("字段 '{field}' 重复出现"),
            Shape::DuplicateField(field) => {
                format!("field '{field}' is given twice; expected it once")
            }
            Shape::IfShort { found, expected } if zh => {
                format!("if_short 的值 '{found}' 无效，应为 {} 之一", list(expected))
            }
            Shape::IfShort { found, expected } => {
                format!(
                    "if_short '{found}' is invalid; expected one of {}",
                    list(expected)
                )
            }
            Shape::UnknownKind { found, expected } if zh => {
                format!("未知的类型 '{found}'，应为 {} 之一", list(expected))
            }
            Shape::UnknownKind { found, expected } => {
                format!("unknown kind '{found}'; expected one of {}", list(expected))
            }
            Shape::OutOfRange { found, expected } if zh => {
                format!("数值 {found} 超出范围，应为{}", self.expected(*expected))
            }
            Shape::OutOfRange { found, expected } => format!(
                "number {found} is out of range; expected {}",
                self.expected(*expected)
            ),
            Shape::Value { found, expected } if zh => {
                format!("值 {found} 不合要求，应为{}", self.expected(*expected))
            }
            Shape::Value { found, expected } => format!(
                "{found} is not valid here; expected {}",
                self.expected(*expected)
            ),
        }
    }

    /// What a field holds, after "expected".
    fn expected(self, e: Expected) -> &'static str {
        match e {
            Expected::Checklist => self.pick(
                "清单 ( id: …, title: …, organization: …, sections: [ … ] )",
                "a checklist ( id: …, title: …, organization: …, sections: [ … ] )",
            ),
            Expected::Group => self.pick(
                "一组 ( id: …, title: …, … )",
                "a group ( id: …, title: …, … )",
            ),
            Expected::Id => self.pick(
                "带引号的 ASCII 标识，如 \"annual-plan\"",
                "a quoted ASCII id such as \"annual-plan\"",
            ),
            Expected::Year => self.pick("年份，如 2024", "a year such as 2024"),
            Expected::Bool => self.pick("true 或 false", "true or false"),
            Expected::Strings => self.pick(
                "字符串列表，如 [ \"……\", \"……\" ]",
                "a list of strings such as [ \"…\", \"…\" ]",
            ),
            Expected::ReportGroup => self.pick("一组 ( … )", "a group ( … )"),
            Expected::Kind => self.pick(
                "Task、Count(target: 次数)、Rate(target: 百分数) 或 Hours(target: 学时)",
                "Task, Count(target: N), Rate(target: P) or Hours(target: H)",
            ),
            Expected::List => self.pick("列表 [ ( … ), … ]", "a list [ ( … ), … ]"),
            Expected::Report => "( heading: …, opening: …, closing: … )",
            Expected::CountTarget => {
                self.pick("1 到 100000 之间的整数", "a whole number from 1 to 100000")
            }
            Expected::RateTarget => {
                self.pick("1 到 100 之间的百分数", "a percentage from 1 to 100")
            }
            Expected::Positive => self.pick("大于 0 的数", "a number above 0"),
            Expected::Text => self.pick(
                "带引号的字符串，如 \"文本\"",
                "a quoted string such as \"text\"",
            ),
        }
    }

    /// `是否想写 'title'？`
    pub(crate) fn did_you_mean(self, best: &str) -> String {
        if self.zh() {
            format!("是否想写 '{best}'？")
        } else {
            format!("did you mean '{best}'?")
        }
    }

    pub(crate) fn missing_field_help(self, field: &str) -> String {
        if self.zh() {
            format!("在这一组 ( … ) 的结尾之前加上 {field}: …")
        } else {
            format!("add {field}: … before the closing ')' of this group")
        }
    }

    pub(crate) fn if_short_help(self) -> &'static str {
        self.pick(
            "State：未达目标时仍按实际数字写入第三部分；Omit：未达目标时不写入第三部分（第五部分照常列出）",
            "State: an item short of its target is still stated with its real figures; Omit: it is left out of section three (section five still lists it)",
        )
    }

    /// How a kind is written, after an unknown one.
    pub(crate) fn kind_forms(self) -> &'static str {
        self.pick(
            "写法：Task、Count(target: 4)、Rate(target: 100)、Hours(target: 20)",
            "write Task, Count(target: 4), Rate(target: 100) or Hours(target: 20)",
        )
    }

    /// A checklist file over the size `duty` reads.
    pub(crate) fn checklist_too_large(self, size: u64, max_mb: usize) -> String {
        let mb = size as f64 / (1024.0 * 1024.0);
        if self.zh() {
            format!("文件过大（{mb:.1} MB，{size} 字节），清单文件最大 {max_mb} MB")
        } else {
            format!("file too large ({mb:.1} MB, {size} bytes); expected at most {max_mb} MB")
        }
    }

    /// Notepad's "Unicode", and how to save it as UTF-8 instead.
    pub(crate) fn checklist_utf16(self) -> (&'static str, &'static str) {
        (
            self.pick(
                "文件是 UTF-16 编码（记事本中叫“Unicode”），不是 UTF-8",
                "the file is UTF-16 (Notepad calls it \"Unicode\"), not UTF-8",
            ),
            self.pick(
                "用记事本“另存为”，编码选“UTF-8”后保存",
                "in Notepad, Save As with the encoding set to UTF-8",
            ),
        )
    }

    /// Bytes that are not UTF-8 (`bad` spells them `\xC4\xE3`), and what to do.
    pub(crate) fn checklist_not_utf8(self, bad: &str) -> (String, &'static str) {
        let message = if self.zh() {
            format!("文件不是有效的 UTF-8 文本：此处的字节 '{bad}' 不是 UTF-8 编码")
        } else {
            format!("the file is not valid UTF-8 text: bytes '{bad}' here are not UTF-8")
        };
        let help = self.pick(
            "请以 UTF-8 编码保存（不要用 GBK）；这也可能不是文本文件",
            "save the file as UTF-8 (not GBK); it may also not be a text file",
        );
        (message, help)
    }

    /// The note after the last of the errors listed, for those left out.
    pub(crate) fn more_errors(self, n: usize) -> String {
        if self.zh() {
            format!("另有 {n} 处错误未列出")
        } else {
            format!("{n} more errors not shown")
        }
    }

    /// A diagnostic's first line: `错误（sections[0].id）：…`, `warning: …`.
    pub(crate) fn diagnostic_headline(
        self,
        warning: bool,
        path: Option<&str>,
        message: &str,
    ) -> String {
        let kind = match (warning, self.zh()) {
            (false, true) => "错误",
            (true, true) => "警告",
            (false, false) => "error",
            (true, false) => "warning",
        };
        match (path, self.zh()) {
            (Some(path), true) => format!("{kind}（{path}）：{message}"),
            (Some(path), false) => format!("{kind}: {path}: {message}"),
            (None, true) => format!("{kind}：{message}"),
            (None, false) => format!("{kind}: {message}"),
        }
    }

    /// Before a diagnostic's hint.
    pub(crate) fn diagnostic_help(self) -> &'static str {
        self.pick("提示：", "help: ")
    }
}
