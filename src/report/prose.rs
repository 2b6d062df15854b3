//! The small rules of Chinese prose that keep a filled sentence clean: a phrase whose value
//! is missing leaves with it, punctuation is tidied, clauses are enumerated 一是……二是……,
//! and the leader's third person becomes 本人 in the 述法 report.

/// `，、；` and their ASCII forms: marks that join, never end, a sentence.
pub(crate) fn is_separator(c: char) -> bool {
    matches!(c, '，' | '、' | '；' | '：' | ',' | ';' | ':')
}

/// `。！？`: marks that end a sentence.
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// How strongly a mark separates, to pick one of a run like `、，`.
fn strength(c: char) -> u8 {
    match c {
        '。' | '！' | '？' => 5,
        '；' => 4,
        '：' => 3,
        '，' => 2,
        _ => 1,
    }
}

const OPENERS: [char; 5] = ['（', '《', '“', '【', '('];
const CLOSERS: [char; 5] = ['）', '》', '”', '】', ')'];

fn closer_of(open: char) -> Option<char> {
    OPENERS.iter().position(|&o| o == open).map(|i| CLOSERS[i])
}

/// A piece of a filled template: literal text, a value, or a value that is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    Literal(char),
    /// A character of the `n`-th `{…}`'s value.
    Value(char, usize),
    /// The `n`-th `{…}` of the template had no value.
    Missing(usize),
}

/// Where a phrase ends: a joining or ending mark written in the template.
fn boundary(t: Tok) -> bool {
    matches!(t, Tok::Literal(c) if matches!(c, '，' | '、' | '；' | '。' | ',' | ';'))
}

/// Drop the phrase around each missing value: the text between the nearest marks that join
/// clauses (`，、；`), with one of those marks, or the whole bracket group when the value
/// sits alone inside brackets (`（{evidence}）`). Returns the text and, for each `{…}`,
/// whether it survived.
pub(crate) fn drop_missing(toks: &[Tok], vars: usize) -> (String, Vec<bool>) {
    let mut kept = vec![false; vars];
    // Most sentences have every value: nothing to drop.
    if !toks.iter().any(|t| matches!(t, Tok::Missing(_))) {
        let mut out = String::with_capacity(toks.len() * 3);
        for t in toks {
            match *t {
                Tok::Literal(c) => out.push(c),
                Tok::Value(c, var) => {
                    out.push(c);
                    if let Some(k) = kept.get_mut(var) {
                        *k = true;
                    }
                }
                Tok::Missing(_) => {}
            }
        }
        return (out, kept);
    }
    let mut gone = vec![false; toks.len()];
    for (p, t) in toks.iter().enumerate() {
        if !matches!(t, Tok::Missing(_)) {
            continue;
        }
        let (start, end) = phrase_around(toks, p);
        let inside_brackets = start > 0
            && end < toks.len()
            && matches!((toks[start - 1], toks[end]), (Tok::Literal(o), Tok::Literal(c)) if closer_of(o) == Some(c));
        let (mut from, mut to) = (start, end);
        if inside_brackets {
            from -= 1;
            to += 1;
        } else if from > 0 && boundary(toks[from - 1]) {
            from -= 1;
        } else if to < toks.len() && boundary(toks[to]) {
            to += 1;
        }
        for g in &mut gone[from..to] {
            *g = true;
        }
    }
    let mut out = String::with_capacity(toks.len() * 3);
    for (t, g) in toks.iter().zip(&gone) {
        match (t, g) {
            (Tok::Literal(c), false) => out.push(*c),
            (Tok::Value(c, var), false) => {
                out.push(*c);
                if let Some(k) = kept.get_mut(*var) {
                    *k = true;
                }
            }
            _ => {}
        }
    }
    (out, kept)
}

/// The span `[start, end)` of the phrase holding `toks[p]`: out to the nearest boundary or
/// unmatched bracket on each side, brackets nested inside the phrase kept whole.
fn phrase_around(toks: &[Tok], p: usize) -> (usize, usize) {
    let mut start = p;
    let mut depth = 0usize;
    while start > 0 {
        let t = toks[start - 1];
        if let Tok::Literal(c) = t {
            if CLOSERS.contains(&c) {
                depth += 1;
            } else if OPENERS.contains(&c) {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if depth == 0 && boundary(t) {
                break;
            }
        }
        start -= 1;
    }
    let mut end = p + 1;
    depth = 0;
    while end < toks.len() {
        let t = toks[end];
        if let Tok::Literal(c) = t {
            if OPENERS.contains(&c) {
                depth += 1;
            } else if CLOSERS.contains(&c) {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if depth == 0 && boundary(t) {
                break;
            }
        }
        end += 1;
    }
    (start, end)
}

/// ASCII punctuation next to Chinese text becomes its full-width form (`召开会议,研究` →
/// `召开会议，研究`); punctuation between ASCII characters (`12.5`, `a,b`) is left alone.
fn full_width(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains([',', ';', ':', '(', ')', '!', '?']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let wide = |i: Option<&char>| i.is_some_and(|c| !c.is_ascii());
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let near_chinese =
            wide(i.checked_sub(1).and_then(|j| chars.get(j))) || wide(chars.get(i + 1));
        let mapped = match c {
            ',' if near_chinese => '，',
            ';' if near_chinese => '；',
            ':' if near_chinese => '：',
            '(' if near_chinese => '（',
            ')' if near_chinese => '）',
            '!' if near_chinese => '！',
            '?' if near_chinese => '？',
            c => c,
        };
        out.push(mapped);
    }
    out.into()
}

/// The opening bracket a closing one pairs with.
fn opener_of(close: char) -> Option<char> {
    CLOSERS.iter().position(|&c| c == close).map(|i| OPENERS[i])
}

/// A filled clause made tidy, in one pass: Chinese punctuation; doubled marks a filled
/// template can produce (`《《宪法》》`, `%%`, `等等`) written once; brackets left empty by an
/// empty value removed; no run of marks (`、，` keeps the stronger `，`), no mark just inside a
/// bracket, and no mark at either end (the caller adds the right one when joining clauses).
pub(crate) fn tidy(s: &str) -> String {
    let cleaned = super::fill::cleaned(s);
    let s = full_width(&cleaned);
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let doubled =
            prev == Some(c) && matches!(c, '《' | '》' | '“' | '”' | '（' | '）' | '%' | '等');
        prev = Some(c);
        if doubled {
            continue;
        }
        let last = out.chars().next_back();
        if is_separator(c) || is_terminal(c) {
            match last {
                // Nothing yet, or just after an opening bracket: the mark has nothing to join.
                None | Some('（' | '《' | '“' | '【' | '(') => continue,
                Some(p) if is_separator(p) || is_terminal(p) => {
                    if strength(c) > strength(p) {
                        out.pop();
                        out.push(c);
                    }
                    continue;
                }
                _ => {}
            }
        }
        if let Some(open) = opener_of(c) {
            while out.ends_with(is_separator) {
                out.pop();
            }
            // A pair left empty by an empty value goes altogether.
            if out.ends_with(open) {
                out.pop();
                continue;
            }
        }
        out.push(c);
    }
    while out.ends_with(is_separator) {
        out.pop();
    }
    if out.contains("方面方面") {
        out = out.replace("方面方面", "方面");
    }
    for unit in ["学时", "人次"] {
        if out.matches(unit).count() > 1 {
            out = unit_once(&out, unit);
        }
    }
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

/// `学时12.5学时` → `12.5学时`: a unit written before a number as well as after it (a title
/// ending in 学时 before `{hours}学时`) is written once, after.
fn unit_once(s: &str, unit: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find(unit) {
        let after = &rest[at + unit.len()..];
        let digits = after
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
            .map_or(after.len(), |(i, _)| i);
        let repeated = digits > 0 && after[digits..].starts_with(unit);
        out.push_str(&rest[..at]);
        if !repeated {
            out.push_str(unit);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A sentence that ends properly: a trailing `，、；：` becomes `。`, a missing end mark is added.
pub(crate) fn sentence(s: &str) -> String {
    let t = tidy(s);
    if t.is_empty() || t.ends_with(is_terminal) {
        t
    } else {
        format!("{t}。")
    }
}

/// Clauses enumerated as reports write them: `一是……；二是……。`, or the one clause plainly
/// (一是 promises a 二是), after `lead_in`. A clause the officer ended with `。` keeps it.
pub(crate) fn enumerate(lead_in: &str, clauses: &[&str]) -> String {
    let mut p = String::from(lead_in);
    let last = clauses.len().saturating_sub(1);
    let numbered = clauses.len() > 1;
    for (i, clause) in clauses.iter().enumerate() {
        if numbered {
            p.push_str(&chinese_numeral(i as u64 + 1));
            p.push('是');
        }
        p.push_str(clause);
        if !clause.ends_with(is_terminal) {
            p.push(if i == last { '。' } else { '；' });
        }
    }
    p
}

/// The leader's third person made first (`主要负责人定期听取` → `本人定期听取`, `以党组书记、
/// 局长为组长` → `以本人为组长`): each of `terms` where it opens a phrase or follows 以, 由,
/// 经 or 请 — never inside another name (`下属单位主要负责人` stays).
pub(crate) fn first_person(text: &str, terms: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while !rest.is_empty() {
        let opens = out.is_empty()
            || out.ends_with(|c: char| is_separator(c) || is_terminal(c))
            || out.ends_with(['以', '由', '经', '请', '（', '“']);
        if opens {
            for term in terms.iter().filter(|t| !t.is_empty()) {
                if let Some(after) = rest.strip_prefix(term) {
                    out.push_str("本人");
                    rest = after;
                    continue 'scan;
                }
            }
        }
        let c = rest.chars().next().unwrap_or_default();
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Chinese numerals as used in 一是、二是 and 第十一: 一, 十, 十一, 二十, 一百零一, 一万零一十.
pub(crate) fn chinese_numeral(n: u64) -> String {
    let mut s = numeral(n);
    // A leading ten is written 十, 十一, 十万 … not 一十一, 一十万.
    if s.starts_with("一十") {
        s.remove(0);
    }
    s
}

/// The same in the form sub-headings use: `（一）`, `（十二）`.
pub(crate) fn bracketed_numeral(n: u64) -> String {
    format!("（{}）", chinese_numeral(n))
}

fn numeral(n: u64) -> String {
    const BIG: [(u64, &str); 2] = [(100_000_000, "亿"), (10_000, "万")];
    for (unit, name) in BIG {
        if n >= unit {
            let (high, low) = (n / unit, n % unit);
            let mut s = numeral(high) + name;
            if low > 0 {
                if low < unit / 10 {
                    s.push('零');
                }
                s.push_str(&numeral(low));
            }
            return s;
        }
    }
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const UNITS: [(u64, &str); 4] = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    if n == 0 {
        return DIGITS[0].to_string();
    }
    let mut s = String::new();
    let mut zero_pending = false;
    for (unit, name) in UNITS {
        let d = (n / unit % 10) as usize;
        if d == 0 {
            zero_pending = !s.is_empty();
            continue;
        }
        if zero_pending {
            s.push('零');
            zero_pending = false;
        }
        s.push_str(DIGITS[d]);
        s.push_str(name);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        // `#` marks a missing value, `[x]` a value.
        let mut v = Vec::new();
        let mut n = 0;
        let mut in_value = false;
        for c in s.chars() {
            match c {
                '#' => {
                    v.push(Tok::Missing(n));
                    n += 1;
                }
                '[' => in_value = true,
                ']' => {
                    in_value = false;
                    n += 1;
                }
                c if in_value => v.push(Tok::Value(c, n)),
                c => v.push(Tok::Literal(c)),
            }
        }
        v
    }

    #[test]
    fn a_missing_value_takes_its_phrase_with_it() {
        let cases = [
            ("召开会议[3]次，学习了#", "召开会议3次", vec![true, false]),
            ("学习了#，召开会议[3]次", "召开会议3次", vec![false, true]),
            (
                "印发方案（#），组织学习[2]次",
                "印发方案，组织学习2次",
                vec![false, true],
            ),
            ("召开党组会[19]次和中心组#次", "", vec![false, false]),
            (
                "召开党组会[19]次，中心组学习#次，及时传达",
                "召开党组会19次，及时传达",
                vec![true, false],
            ),
            ("开展《#》宣传", "开展宣传", vec![false]),
        ];
        for (src, want, kept) in cases {
            let t = toks(src);
            let (out, k) = drop_missing(&t, kept.len());
            assert_eq!(out, want, "{src}");
            assert_eq!(k, kept, "{src}");
        }
    }

    #[test]
    fn numerals() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (10_000, "一万"),
            (10_010, "一万零一十"),
            (12_345, "一万二千三百四十五"),
            (100_000, "十万"),
            (150_000, "十五万"),
            (100_000_001, "一亿零一"),
        ];
        for (n, want) in cases {
            assert_eq!(chinese_numeral(n), want, "{n}");
        }
        assert_eq!(bracketed_numeral(12), "（十二）");
    }

    #[test]
    fn tidy_drops_dangling_and_doubled_marks() {
        assert_eq!(tidy("学习了、《宪法》、"), "学习了、《宪法》");
        assert_eq!(tidy("佐证：（）"), "佐证");
        assert_eq!(tidy("A、，B"), "A，B");
        assert_eq!(tidy("（，说明）"), "（说明）");
        assert_eq!(tidy("召开会议,研究;12.5学时"), "召开会议，研究；12.5学时");
        assert_eq!(tidy("，开头"), "开头");
        assert_eq!(tidy("专题学习《《宪法》》"), "专题学习《宪法》");
        assert_eq!(tidy("参考率98%%"), "参考率98%");
        assert_eq!(tidy("《宪法》等等"), "《宪法》等");
        assert_eq!(tidy("在学法方面方面"), "在学法方面");
        assert_eq!(tidy("个人年度学法学时7学时"), "个人年度学法7学时");
        assert_eq!(tidy("学时共7学时"), "学时共7学时");
    }

    #[test]
    fn sentences_end_once() {
        assert_eq!(sentence("已完成"), "已完成。");
        assert_eq!(sentence("已完成。"), "已完成。");
        assert_eq!(sentence("已完成；"), "已完成。");
        assert_eq!(sentence(""), "");
    }

    #[test]
    fn clauses_are_enumerated_when_there_are_several() {
        assert_eq!(
            enumerate("在学法方面，", &["甲", "乙"]),
            "在学法方面，一是甲；二是乙。"
        );
        assert_eq!(enumerate("", &["甲"]), "甲。");
        assert_eq!(enumerate("", &["甲。", "乙"]), "一是甲。二是乙。");
    }

    #[test]
    fn the_leader_speaks_for_himself() {
        let terms = ["局党组书记、局长", "主要负责人"];
        assert_eq!(
            first_person(
                "主要负责人定期听取汇报，组建以局党组书记、局长为组长的领导小组",
                &terms
            ),
            "本人定期听取汇报，组建以本人为组长的领导小组"
        );
        assert_eq!(
            first_person("督促下属单位主要负责人履职", &terms),
            "督促下属单位主要负责人履职"
        );
    }
}
