//! The linter's rules, over a text seen as characters and (in a template) placeholders.

use super::{is_han, is_law_name};
use crate::template::{Part, Placeholder, Slot, Spec, Template};

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// A mark written twice (`《《`, `，，`).
    Doubled,
    /// An opening mark never closed, or a closing one never opened: the mark expected.
    Unbalanced { expected: char },
    /// `%%`, or a `%` after `{rate}`, which has its own.
    PercentTwice,
    /// `等等`, or `等` after `{topics:N}`, which adds its own when it leaves topics out.
    DengTwice,
    /// ASCII punctuation inside Chinese text.
    Ascii,
    /// A unit word on both sides of a number (`学时12.3学时`).
    UnitTwice { unit: &'static str },
    /// People counted in 次 (`顾问1次`).
    PeopleInTimes,
    /// A law's name without 《》.
    LawName,
}

/// One problem: the byte span of the text it is about, and what to write there instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub offset: usize,
    pub len: usize,
    pub rule: Rule,
    /// The text as found.
    pub found: String,
    /// The text that fixes it (empty: delete it).
    pub fix: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Char(char),
    /// A placeholder: what it names and how it is formatted.
    Var(Option<Placeholder>, Spec),
}

/// A text as tokens, each with its byte span in the source.
struct Seen<'a> {
    src: &'a str,
    toks: Vec<(Tok, usize, usize)>,
}

impl Seen<'_> {
    fn char_at(&self, i: usize) -> Option<char> {
        match self.toks.get(i) {
            Some((Tok::Char(c), _, _)) => Some(*c),
            _ => None,
        }
    }

    /// Whether token `i` is Chinese text (or a placeholder, which fills with Chinese).
    fn chinese(&self, i: Option<usize>) -> bool {
        match i.and_then(|i| self.toks.get(i)) {
            Some((Tok::Char(c), _, _)) => is_han(*c) || "，。、；：“”《》（）".contains(*c),
            Some((Tok::Var(..), _, _)) => true,
            None => false,
        }
    }

    fn span(&self, from: usize, to: usize) -> (usize, usize) {
        let start = self.toks[from].1;
        let (_, s, l) = self.toks[to - 1];
        (start, s + l - start)
    }

    fn finding(&self, from: usize, to: usize, rule: Rule, fix: impl Into<String>) -> Finding {
        let (offset, len) = self.span(from, to);
        Finding {
            offset,
            len,
            rule,
            found: self.src[offset..offset + len].to_string(),
            fix: fix.into(),
        }
    }
}

/// Findings in recorded text (a topic, a title, evidence).
pub fn lint_text(text: &str) -> Vec<Finding> {
    let toks = text
        .char_indices()
        .map(|(i, c)| (Tok::Char(c), i, c.len_utf8()))
        .collect();
    lint(&Seen { src: text, toks })
}

/// Findings in a logged topic. A topic that is a law's name and nothing else (`宪法`) is no
/// finding: the report writes it as a title (`《宪法》`) wherever it lists it.
pub fn lint_topic(text: &str) -> Vec<Finding> {
    let whole = is_law_name(text.trim());
    lint_text(text)
        .into_iter()
        .filter(|f| !(whole && f.rule == Rule::LawName))
        .collect()
}

/// Findings in a template, placed in its source; a placeholder counts as a word of Chinese
/// text with the value it will have.
pub fn lint_template(t: &Template) -> Vec<Finding> {
    let src = t.source();
    let mut toks = Vec::with_capacity(src.len());
    // Literal text is found again in the source, past any `{{` written for a brace.
    let mut at = 0;
    for part in t.parts() {
        match part {
            Part::Text(span) => {
                for c in t.text(span).chars() {
                    let Some(found) = src[at..].find(c) else {
                        break;
                    };
                    let i = at + found;
                    toks.push((Tok::Char(c), i, c.len_utf8()));
                    at = i + c.len_utf8();
                }
            }
            Part::Var(v) => {
                let p = match v.slot {
                    Slot::Value(p) => Some(p),
                    Slot::Sentence => None,
                };
                toks.push((Tok::Var(p, v.spec), v.at.0, v.at.1));
                at = v.at.0 + v.at.1;
            }
        }
    }
    lint(&Seen { src, toks })
}

const PAIRS: [(char, char); 4] = [('《', '》'), ('“', '”'), ('（', '）'), ('【', '】')];
const MARKS: &str = "《》“”（）【】，。、；：！？";
const UNITS: [&str; 11] = [
    "学时", "人次", "次", "名", "期", "项", "个", "件", "场", "天", "分",
];

fn lint(s: &Seen<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    doubled(s, &mut out);
    balance(s, &mut out);
    ascii(s, &mut out);
    numbers(s, &mut out);
    law_names(s, &mut out);
    out.sort_by_key(|f| f.offset);
    out.dedup_by(|a, b| a.offset == b.offset && a.rule == b.rule);
    out
}

fn doubled(s: &Seen<'_>, out: &mut Vec<Finding>) {
    let n = s.toks.len();
    let mut i = 0;
    while i + 1 < n {
        let (a, b) = (s.char_at(i), s.char_at(i + 1));
        match (a, b) {
            (Some(a), Some(b)) if a == b && MARKS.contains(a) => {
                out.push(s.finding(i, i + 2, Rule::Doubled, a.to_string()));
                i += 2;
                continue;
            }
            (Some('%' | '％'), Some('%' | '％')) => {
                out.push(s.finding(i, i + 2, Rule::PercentTwice, "%"));
            }
            (Some('等'), Some('等')) => out.push(s.finding(i, i + 2, Rule::DengTwice, "等")),
            _ => {}
        }
        // A placeholder that brings its own mark, followed by that mark.
        if let (Tok::Var(Some(p), spec), _, _) = s.toks[i] {
            match (p, spec, b) {
                (Placeholder::Rate, _, Some('%' | '％')) => {
                    let var = &s.src[s.toks[i].1..s.toks[i].1 + s.toks[i].2];
                    out.push(s.finding(i, i + 2, Rule::PercentTwice, var));
                }
                (Placeholder::Topics, Spec::Cap(_), Some('等')) => {
                    let var = &s.src[s.toks[i].1..s.toks[i].1 + s.toks[i].2];
                    out.push(s.finding(i, i + 2, Rule::DengTwice, var));
                }
                _ => {}
            }
        }
        i += 1;
    }
}

fn balance(s: &Seen<'_>, out: &mut Vec<Finding>) {
    let mut open: Vec<(char, usize)> = Vec::new();
    for i in 0..s.toks.len() {
        let Some(c) = s.char_at(i) else { continue };
        if let Some(&(_, close)) = PAIRS.iter().find(|(o, _)| *o == c) {
            // A doubled opener was reported already; count it once.
            if !(i > 0 && s.char_at(i - 1) == Some(c)) {
                open.push((close, i));
            }
        } else if let Some(&(o, _)) = PAIRS.iter().find(|(_, cl)| *cl == c) {
            if i > 0 && s.char_at(i - 1) == Some(c) {
                continue;
            }
            match open.last() {
                Some(&(expected, _)) if expected == c => {
                    open.pop();
                }
                _ => out.push(s.finding(i, i + 1, Rule::Unbalanced { expected: o }, "")),
            }
        }
    }
    for (close, i) in open {
        out.push(s.finding(i, i + 1, Rule::Unbalanced { expected: close }, ""));
    }
}

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '!' => '！',
        '?' => '？',
        _ => return None,
    })
}

fn ascii(s: &Seen<'_>, out: &mut Vec<Finding>) {
    for i in 0..s.toks.len() {
        let Some(c) = s.char_at(i) else { continue };
        let near = s.chinese(i.checked_sub(1)) || s.chinese(Some(i + 1));
        if !near {
            continue;
        }
        if let Some(wide) = full_width(c) {
            out.push(s.finding(i, i + 1, Rule::Ascii, wide.to_string()));
        } else if c == '"' {
            // Which quote it should be: opening unless one is already open.
            let before = s.toks[..i]
                .iter()
                .filter(|(t, _, _)| *t == Tok::Char('"'))
                .count();
            let wide = if before % 2 == 0 { '“' } else { '”' };
            out.push(s.finding(i, i + 1, Rule::Ascii, wide.to_string()));
        }
    }
}

/// Whether token `i` is (part of) a number: a digit, or a placeholder that fills with one.
fn numeric(s: &Seen<'_>, i: usize) -> bool {
    match s.toks.get(i) {
        Some((Tok::Char(c), _, _)) => c.is_ascii_digit() || *c == '.',
        Some((Tok::Var(Some(p), _), _, _)) => matches!(
            p,
            Placeholder::Count
                | Placeholder::Hours
                | Placeholder::Numerator
                | Placeholder::Denominator
                | Placeholder::Target
                | Placeholder::Short
        ),
        _ => false,
    }
}

/// The unit word that ends just before token `i`. A one-character unit counts only where it
/// stands alone: in `事项289项` the first 项 belongs to 事项.
fn unit_before(s: &Seen<'_>, i: usize) -> Option<(&'static str, usize)> {
    UNITS.iter().find_map(|u| {
        let n = u.chars().count();
        let from = i.checked_sub(n)?;
        let word: Option<String> = (from..i).map(|k| s.char_at(k)).collect();
        let alone = n > 1 || from == 0 || !s.char_at(from - 1).is_some_and(is_han);
        (word.as_deref() == Some(u) && alone).then_some((*u, from))
    })
}

fn unit_after(s: &Seen<'_>, i: usize) -> Option<&'static str> {
    UNITS.iter().copied().find(|u| {
        let word: Option<String> = (i..i + u.chars().count()).map(|k| s.char_at(k)).collect();
        word.as_deref() == Some(u)
    })
}

fn numbers(s: &Seen<'_>, out: &mut Vec<Finding>) {
    let n = s.toks.len();
    let mut i = 0;
    while i < n {
        if !numeric(s, i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && numeric(s, i) {
            i += 1;
        }
        let end = i;
        let before = unit_before(s, start);
        let after = unit_after(s, end);
        if let (Some((u, from)), Some(a)) = (before, after)
            && u == a
        {
            // `学时12.3学时`: the unit goes after the number only.
            let (o, l) = s.span(start, end + u.chars().count());
            let fix = s.src[o..o + l].to_string();
            out.push(s.finding(
                from,
                end + u.chars().count(),
                Rule::UnitTwice { unit: u },
                fix,
            ));
        } else if let Some(u) = after {
            let k = end + u.chars().count();
            if unit_after(s, k) == Some(u) {
                out.push(s.finding(end, k + u.chars().count(), Rule::UnitTwice { unit: u }, u));
            }
        }
        // `顾问1次`: people are counted in 名.
        if after == Some("次") {
            let word: String = (start.saturating_sub(2)..start)
                .filter_map(|k| s.char_at(k))
                .collect();
            if ["顾问", "律师", "专家"].contains(&word.as_str()) {
                out.push(s.finding(end, end + 1, Rule::PeopleInTimes, "名"));
            }
        }
    }
}

fn law_names(s: &Seen<'_>, out: &mut Vec<Finding>) {
    let chars: Vec<Option<char>> = (0..s.toks.len()).map(|i| s.char_at(i)).collect();
    // Depth inside 《》 or “”: a name written there is already marked.
    let mut depth = vec![0i32; chars.len() + 1];
    for (i, c) in chars.iter().enumerate() {
        depth[i + 1] = depth[i]
            + match c {
                Some('《' | '“') => 1,
                Some('》' | '”') => -1,
                _ => 0,
            };
    }
    let han = |i: usize| chars.get(i).copied().flatten().is_some_and(is_han);
    let mut i = 0;
    while i < chars.len() {
        if !han(i) {
            i += 1;
            continue;
        }
        let start = i;
        while han(i) {
            i += 1;
        }
        // A run of Chinese characters outside marks: a member of a list, or a phrase.
        if depth[start] > 0 {
            continue;
        }
        let word: String = chars[start..i].iter().flatten().collect();
        let (from, name) = match word.find("中华人民共和国") {
            Some(at) => {
                let rest = &word[at..];
                let cut = rest
                    .char_indices()
                    .skip(8)
                    .find(|&(k, c)| {
                        c == '法'
                            && !rest[k + 3..].starts_with(['律', '规', '治', '院', '官', '制'])
                    })
                    .map(|(k, _)| {
                        if rest[k + 3..].starts_with('典') {
                            k + 6
                        } else {
                            k + 3
                        }
                    });
                match cut {
                    Some(cut) => (start + word[..at].chars().count(), rest[..cut].to_string()),
                    None => continue,
                }
            }
            None if is_law_name(&word) => (start, word),
            None => continue,
        };
        let to = from + name.chars().count();
        out.push(s.finding(from, to, Rule::LawName, format!("《{name}》")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::KindTag;
    use crate::template::Context;

    fn rules(text: &str) -> Vec<(Rule, String, String)> {
        lint_text(text)
            .into_iter()
            .map(|f| (f.rule, f.found, f.fix))
            .collect()
    }

    #[test]
    fn finds_what_the_issue_lists() {
        let r = rules("专题学习《《宪法》、民法典》");
        assert!(
            r.contains(&(Rule::Doubled, "《《".into(), "《".into())),
            "{r:?}"
        );
        let r = rules("参考率98%%");
        assert_eq!(r, [(Rule::PercentTwice, "%%".into(), "%".into())]);
        let r = rules("学习宪法、民法典等等");
        assert!(
            r.contains(&(Rule::DengTwice, "等等".into(), "等".into())),
            "{r:?}"
        );
        let r = rules("聘请法律顾问1次");
        assert_eq!(r, [(Rule::PeopleInTimes, "次".into(), "名".into())]);
        assert!(rules("下放乡镇事项289项").is_empty());
        let r = rules("学时12.3学时");
        assert_eq!(
            r,
            [(
                Rule::UnitTwice { unit: "学时" },
                "学时12.3学时".into(),
                "12.3学时".into()
            )]
        );
        let r = rules("召开会议,研究(部署)");
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(r.iter().all(|x| x.0 == Rule::Ascii));
        let r = rules("学习中华人民共和国行政复议法和《宪法》");
        assert_eq!(
            r,
            [(
                Rule::LawName,
                "中华人民共和国行政复议法".into(),
                "《中华人民共和国行政复议法》".into()
            )]
        );
        let r = rules("学习《宪法》、民法典");
        assert_eq!(r, [(Rule::LawName, "民法典".into(), "《民法典》".into())]);
        let r = rules("开展“宪法宣传周”（12月）活动");
        assert!(r.is_empty(), "{r:?}");
        let r = rules("（一）学法");
        assert!(r.is_empty(), "{r:?}");
        let r = rules("未闭合（说明");
        assert_eq!(
            r,
            [(
                Rule::Unbalanced { expected: '）' },
                "（".into(),
                String::new()
            )]
        );
    }

    #[test]
    fn a_topic_that_is_a_law_name_is_fine() {
        assert!(lint_topic("宪法").is_empty());
        assert_eq!(lint_topic("学习《宪法》、民法典").len(), 1);
    }

    #[test]
    fn clean_sentences_pass() {
        for ok in [
            "组织党组理论学习中心组学习12次，学习了习近平法治思想、《中华人民共和国保守国家秘密法》",
            "主要负责人全年学法30.5学时",
            "学法考试参考率100%",
            "学习宪法，开展“12·4”国家宪法日活动",
            "聘请法律顾问2名",
            "12:30 a,b (x)",
        ] {
            assert!(lint_text(ok).is_empty(), "{ok}: {:?}", lint_text(ok));
        }
    }

    #[test]
    fn templates_are_read_with_their_placeholders() {
        let t = |s: &str, k| Template::parse(s, Context::Item(k)).unwrap();
        let f = lint_template(&t("参考率{rate}%", KindTag::Rate));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, Rule::PercentTwice);
        assert_eq!(f[0].found, "{rate}%");
        let f = lint_template(&t("学时{hours}学时", KindTag::Hours));
        assert_eq!(f[0].rule, Rule::UnitTwice { unit: "学时" });
        assert_eq!(f[0].fix, "{hours}学时");
        let f = lint_template(&t("聘请法律顾问{count}次", KindTag::Count));
        assert_eq!(f[0].rule, Rule::PeopleInTimes);
        let f = lint_template(&t("学习了{topics:3}等", KindTag::Count));
        assert_eq!(f[0].rule, Rule::DengTwice);
        let f = lint_template(&t("召开会议{count}次,学习{{注}}", KindTag::Count));
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].offset, f[0].found.as_str()),
            ("召开会议{count}次".len(), ",")
        );
        assert!(lint_template(&t("主持召开党组会议{count}次", KindTag::Count)).is_empty());
    }
}
