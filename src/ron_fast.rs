//! A fast reader for the plain RON that `duty` writes and that officers edit: structs,
//! maps, lists, options, enums, strings (escaped or raw), numbers, booleans and `//`
//! comments. It reads the same serde types as the `ron` crate and gives the same values,
//! three to four times faster, which is most of what `duty status` does on a real ledger.
//!
//! It never reports errors: anything it does not read (a block comment, an extension, a
//! hexadecimal number, a mistake) makes it give up, and the caller reads the text again
//! with `ron`, which either reads it or says exactly what is wrong and where.
//!
//! This module owns the reading of the text (blanks, comments, words, numbers, strings);
//! `deserialize` hands what it reads to serde.

mod deserialize;

use serde::de;

/// Read `text` as a `T`, or `None` if this reader does not read it (the caller then uses
/// `ron`). With `implicit_some`, an option's value may be written bare (`owner: "办公室"`),
/// as ron's `implicit_some` extension allows.
pub(crate) fn from_str<T: de::DeserializeOwned>(text: &str, implicit_some: bool) -> Option<T> {
    let mut de = Reader {
        src: text.as_bytes(),
        text,
        pos: 0,
        depth: 0,
        implicit_some,
    };
    let value = T::deserialize(&mut de).ok()?;
    de.skip_blank().ok()?;
    (de.pos == de.src.len()).then_some(value)
}

/// Nesting deeper than this is left to `ron` (which refuses it with a message).
const MAX_DEPTH: usize = 64;

struct Reader<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
    implicit_some: bool,
}

/// This reader gave up; `ron` will say why, if anything is wrong.
#[derive(Debug)]
struct GaveUp;

impl std::fmt::Display for GaveUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not read by the fast reader")
    }
}

impl std::error::Error for GaveUp {}

impl de::Error for GaveUp {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        GaveUp
    }
}

type Result<T> = std::result::Result<T, GaveUp>;

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    /// Skip whitespace and `//` comments.
    #[inline]
    fn skip_blank(&mut self) -> Result<()> {
        match self.peek() {
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'/') => self.skip_blank_run(),
            _ => Ok(()),
        }
    }

    /// The blanks [`Self::skip_blank`] found. Indentation is most of a pretty-printed file's
    /// bytes: the spaces after a line break go eight at a time.
    fn skip_blank_run(&mut self) -> Result<()> {
        const SPACES: u64 = u64::from_ne_bytes(*b"        ");
        loop {
            match self.peek() {
                Some(b'\n') => {
                    self.pos += 1;
                    while let Some(chunk) = self.src.get(self.pos..self.pos + 8)
                        && u64::from_ne_bytes(chunk.try_into().unwrap_or_default()) == SPACES
                    {
                        self.pos += 8;
                    }
                }
                Some(b' ' | b'\t' | b'\r') => self.pos += 1,
                Some(b'/') => match self.src.get(self.pos + 1) {
                    Some(b'/') => {
                        let rest = &self.src[self.pos..];
                        self.pos += memchr::memchr(b'\n', rest).unwrap_or(rest.len());
                    }
                    _ => return Err(GaveUp),
                },
                _ => return Ok(()),
            }
        }
    }

    /// The next significant byte, after blanks.
    fn next_byte(&mut self) -> Result<u8> {
        self.skip_blank()?;
        self.peek().ok_or(GaveUp)
    }

    fn expect(&mut self, b: u8) -> Result<()> {
        if self.next_byte()? == b {
            self.pos += 1;
            Ok(())
        } else {
            Err(GaveUp)
        }
    }

    /// After a value in a list: `,` (then maybe the closing byte) or the closing byte.
    /// True when the list goes on.
    fn more(&mut self, close: u8) -> Result<bool> {
        match self.next_byte()? {
            b',' => {
                self.pos += 1;
                if self.next_byte()? == close {
                    self.pos += 1;
                    Ok(false)
                } else {
                    Ok(true)
                }
            }
            b if b == close => {
                self.pos += 1;
                Ok(false)
            }
            _ => Err(GaveUp),
        }
    }

    /// Whether the list just opened is empty (and if so, close it).
    fn empty(&mut self, close: u8) -> Result<bool> {
        if self.next_byte()? == close {
            self.pos += 1;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn identifier(&mut self) -> Result<&'a str> {
        self.skip_blank()?;
        let start = self.pos;
        match self.peek() {
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => self.pos += 1,
            _ => return Err(GaveUp),
        }
        let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
        let rest = &self.src[self.pos..];
        self.pos += rest.iter().position(|b| !word(b)).unwrap_or(rest.len());
        // A raw identifier (`r#type`) is ron's to read.
        if self.peek() == Some(b'#') {
            return Err(GaveUp);
        }
        Ok(&self.text[start..self.pos])
    }

    /// Whether the identifier `word` comes next (then consumed).
    fn word(&mut self, word: &str) -> Result<bool> {
        self.skip_blank()?;
        let end = self.pos + word.len();
        let matches = self.src.get(self.pos..end) == Some(word.as_bytes())
            && !self
                .src
                .get(end)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        if matches {
            self.pos = end;
        }
        Ok(matches)
    }

    fn nest(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(GaveUp);
        }
        Ok(())
    }

    /// A number's text: sign, digits, and for floats a point and exponent. Anything ron
    /// spells otherwise (`0x1f`, `1_000`, `inf`, `.5`) is left to ron.
    fn number(&mut self) -> Result<&'a str> {
        self.skip_blank()?;
        let start = self.pos;
        if matches!(self.peek(), Some(b'-' | b'+')) {
            self.pos += 1;
        }
        let digits = self.pos;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        {
            self.pos += 1;
        }
        let text = &self.text[start..self.pos];
        let body = &self.text[digits..self.pos];
        if !body.starts_with(|c: char| c.is_ascii_digit())
            || self
                .peek()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return Err(GaveUp);
        }
        Ok(text)
    }

    fn integer<T: std::str::FromStr>(&mut self) -> Result<T> {
        let text = self.number()?;
        if text.starts_with('+') || text.contains(['.', 'e', 'E']) || text[1..].contains(['-', '+'])
        {
            return Err(GaveUp);
        }
        text.parse().map_err(|_| GaveUp)
    }

    fn float(&mut self) -> Result<f64> {
        self.number()?.parse().map_err(|_| GaveUp)
    }

    /// A string: `"…"` with the common escapes, or raw `r"…"` / `r#"…"#`. Borrowed when it
    /// holds no escape.
    fn string(&mut self) -> Result<std::borrow::Cow<'a, str>> {
        match self.next_byte()? {
            b'"' => {
                self.pos += 1;
                let start = self.pos;
                let rest = &self.src[start..];
                let end = memchr::memchr2(b'"', b'\\', rest).ok_or(GaveUp)?;
                if rest[end] == b'"' {
                    self.pos = start + end + 1;
                    return Ok(self.text[start..start + end].into());
                }
                self.escaped(start)
            }
            b'r' => {
                self.pos += 1;
                let mut hashes = 0;
                while self.peek() == Some(b'#') {
                    hashes += 1;
                    self.pos += 1;
                }
                if self.peek() != Some(b'"') {
                    return Err(GaveUp);
                }
                self.pos += 1;
                let start = self.pos;
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                let len = self.src[start..]
                    .windows(close.len())
                    .position(|w| w == close.as_slice())
                    .ok_or(GaveUp)?;
                self.pos = start + len + close.len();
                Ok(self.text[start..start + len].into())
            }
            _ => Err(GaveUp),
        }
    }

    /// The rest of a `"…"` string that holds an escape, from its first character.
    fn escaped(&mut self, start: usize) -> Result<std::borrow::Cow<'a, str>> {
        let mut out = String::new();
        let mut i = start;
        loop {
            let plain = memchr::memchr2(b'"', b'\\', &self.src[i..]).ok_or(GaveUp)?;
            out.push_str(&self.text[i..i + plain]);
            i += plain;
            if self.src[i] == b'"' {
                self.pos = i + 1;
                return Ok(out.into());
            }
            let ch = match self.src.get(i + 1) {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'n') => '\n',
                Some(b't') => '\t',
                Some(b'r') => '\r',
                Some(b'0') => '\0',
                Some(b'\'') => '\'',
                Some(b'u') if self.src.get(i + 2) == Some(&b'{') => {
                    let close = self.src[i + 3..]
                        .iter()
                        .position(|&b| b == b'}')
                        .ok_or(GaveUp)?;
                    let hex = &self.text[i + 3..i + 3 + close];
                    if hex.is_empty() || hex.len() > 6 {
                        return Err(GaveUp);
                    }
                    let code = u32::from_str_radix(hex, 16).map_err(|_| GaveUp)?;
                    out.push(char::from_u32(code).ok_or(GaveUp)?);
                    i += 3 + close + 1;
                    continue;
                }
                _ => return Err(GaveUp),
            };
            out.push(ch);
            i += 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::from_str;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct S {
        name: String,
        #[serde(default)]
        note: Option<String>,
        n: i64,
        x: f64,
        ok: bool,
        list: Vec<u32>,
        map: BTreeMap<String, K>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    enum K {
        Task,
        Count { target: i64 },
    }

    fn both(text: &str, implicit: bool) -> (Option<S>, Option<S>) {
        let mut options = ron::Options::default();
        if implicit {
            options = options.with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        }
        (from_str(text, implicit), options.from_str(text).ok())
    }

    #[test]
    fn reads_what_ron_reads_and_gives_up_on_the_rest() {
        let good = r##"// 注释
        (
            name: "《宪法》\"学习\"\\ \u{1F600} \n",
            note: Some(r#"原样 "引号""#),
            n: -12, x: 2.5e1, ok: true,
            list: [1, 2, 3,],
            map: { "a": Task, "b": Count(target: 4), },
        )"##;
        let (fast, ron) = both(good, false);
        assert_eq!(fast, ron);
        assert!(fast.is_some());
        let implicit = good.replace("Some(r#\"原样 \"引号\"\"#)", "\"裸写\"");
        let (fast, ron) = both(&implicit, true);
        assert_eq!(fast.unwrap().note.as_deref(), Some("裸写"));
        assert!(ron.is_some());
        // What it does not read, it leaves to ron, right or wrong.
        for other in [
            good.replace("n: -12", "n: 0x1f"),
            good.replace("n: -12", "n: 1_000"),
            good.replace("// 注释", "/* 注释 */"),
            good.replace("x: 2.5e1", "x: inf"),
            good.replace("ok: true", "ok: true, extra: 1"),
            good.replace("n: -12,", "n: -12, n: 3,"),
            good.replace("Task", "Task()"),
            format!("{good} trailing"),
            good.replace("list: [1, 2, 3,]", "list: [1,, 2]"),
            good.replace("\\n\"", "\\q\""),
            "#![enable(implicit_some)]\n".to_string() + good,
        ] {
            assert!(from_str::<S>(&other, false).is_none(), "{other}");
        }
    }

    proptest::proptest! {
        /// Whatever the fast reader accepts, ron reads to the same value.
        #[test]
        fn never_disagrees_with_ron(cut in 0usize..400, insert in "[ -~\u{4e00}-\u{4e10}]{0,3}") {
            let good = r#"(name: "学法", n: 3, x: 1.5, ok: false, list: [], map: {"k": Count(target: 2)})"#;
            let cut = cut.min(good.len());
            if good.is_char_boundary(cut) {
                let text = format!("{}{insert}{}", &good[..cut], &good[cut..]);
                let (fast, ron) = both(&text, false);
                if fast.is_some() {
                    proptest::prop_assert_eq!(fast, ron);
                }
            }
        }
    }
}
