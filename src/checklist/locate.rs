//! Where a field sits in a RON text: maps paths like `sections[1].items[3].due` to byte spans.
//!
//! serde reports *what* is wrong with a value it parsed, not *where* it was; semantic checks
//! (duplicate ids, impossible dates) need the position too. This scanner walks the token
//! stream once — strings, raw strings, comments, nesting — and records the span of every value
//! under its path. It is run only when there is an error to place, never on a good file.

use std::collections::HashMap;

/// Byte spans of every value in a RON text, keyed by path.
pub struct Locations {
    spans: HashMap<String, (usize, usize)>,
}

impl Locations {
    pub fn scan(src: &str) -> Self {
        let mut scanner = Scanner::new(src);
        scanner.skip_trivia();
        scanner.value(String::new());
        Locations {
            spans: scanner.spans,
        }
    }

    /// The checklist's top-level `id` and `year`, read without parsing the file: the scan
    /// stops at `sections`, so it costs microseconds even for a 10,000-item checklist. Used
    /// only as a guess (to start reading the ledger while the checklist is parsed); the
    /// caller checks it against the parsed checklist.
    pub fn identity(src: &str) -> (Option<String>, Option<i64>) {
        let mut scanner = Scanner::new(src);
        scanner.depth = 1;
        let (mut id, mut year) = (None, None);
        scanner.skip_trivia();
        if scanner.peek() != Some(b'(') {
            return (None, None);
        }
        scanner.pos += 1;
        loop {
            scanner.skip_trivia();
            if scanner.peek() == Some(b',') {
                scanner.pos += 1;
                continue;
            }
            let key = scanner.ident().to_string();
            scanner.skip_trivia();
            if key.is_empty() || key == "sections" || scanner.peek() != Some(b':') {
                return (id, year);
            }
            scanner.pos += 1;
            scanner.skip_trivia();
            let start = scanner.pos;
            scanner.value(String::new());
            let literal = std::str::from_utf8(&scanner.src[start..scanner.pos]).unwrap_or("");
            match key.as_str() {
                "id" => id = ron::from_str::<String>(literal).ok(),
                "year" => year = literal.trim().parse().ok(),
                _ => {}
            }
            if scanner.pos == start {
                return (id, year);
            }
        }
    }

    /// Whether `src` holds nothing but whitespace and comments.
    pub fn only_trivia(src: &str) -> bool {
        let mut scanner = Scanner::new(src);
        scanner.skip_trivia();
        scanner.pos >= src.len()
    }

    /// The innermost value that contains byte `offset`, for placing a syntax error in the
    /// structure (best effort: after a syntax error the scanner may have guessed).
    pub fn enclosing(&self, offset: usize) -> Option<&str> {
        self.spans
            .iter()
            .filter(|(path, (start, end))| {
                // `[0][1]` is a guess from unkeyed values, not a path in the format.
                !path.is_empty()
                    && !path.starts_with('[')
                    && !path.contains("][")
                    && *start <= offset
                    && offset < *end
            })
            .min_by_key(|(_, (start, end))| end - start)
            .map(|(path, _)| path.as_str())
    }

    /// The span of the value at exactly `path`.
    pub fn exact(&self, path: &str) -> Option<(usize, usize)> {
        self.spans.get(path).copied()
    }

    /// The span of the value at `path`, or of its nearest enclosing value that was found.
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut p = path;
        loop {
            if let Some(span) = self.spans.get(p) {
                return Some(*span);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

struct Scanner<'a> {
    src: &'a [u8],
    pos: usize,
    spans: HashMap<String, (usize, usize)>,
    depth: usize,
}

/// Nesting beyond this is not walked (ron itself refuses it); keeps the scanner's stack small.
const MAX_DEPTH: usize = 64;

impl<'a> Scanner<'a> {
    fn new(src: &'a str) -> Self {
        Scanner {
            src: src.as_bytes(),
            pos: 0,
            spans: HashMap::new(),
            depth: 0,
        }
    }

    fn boundary(&self, i: usize) -> bool {
        // UTF-8 continuation bytes are 0b10xx_xxxx.
        self.src.get(i).is_none_or(|&b| b & 0xC0 != 0x80)
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.src.get(self.pos + 1)) {
                (Some(b' ' | b'\t' | b'\r' | b'\n'), _) => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.pos += 2;
                    let mut nest = 1usize;
                    while nest > 0 && self.pos < self.src.len() {
                        if self.src[self.pos..].starts_with(b"/*") {
                            nest += 1;
                            self.pos += 2;
                        } else if self.src[self.pos..].starts_with(b"*/") {
                            nest -= 1;
                            self.pos += 2;
                        } else {
                            self.pos += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn ident(&mut self) -> &str {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'#' || b >= 0x80)
        {
            self.pos += 1;
        }
        std::str::from_utf8(&self.src[start..self.pos]).unwrap_or("")
    }

    /// Scan one value starting at the current position and record it under `path`.
    fn value(&mut self, path: String) {
        let start = self.pos;
        self.depth += 1;
        match self.peek() {
            Some(b'"') => self.string(),
            Some(b'\'') => self.char_literal(),
            Some(b'r') if matches!(self.src.get(self.pos + 1), Some(b'"' | b'#')) => {
                self.raw_string()
            }
            Some(b'(') if self.depth < MAX_DEPTH => self.group(&path, b')'),
            Some(b'[') if self.depth < MAX_DEPTH => self.list(&path),
            Some(b'{') if self.depth < MAX_DEPTH => self.group(&path, b'}'),
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => {
                self.ident();
                self.skip_trivia();
                if self.peek() == Some(b'(') && self.depth < MAX_DEPTH {
                    // An enum variant or named struct: its fields belong to this path.
                    self.group(&path, b')');
                }
            }
            Some(_) => {
                while self.peek().is_some_and(|b| {
                    !matches!(b, b',' | b')' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t')
                }) {
                    self.pos += 1;
                }
            }
            None => {}
        }
        self.depth -= 1;
        self.pos = self.pos.min(self.src.len());
        // Callers slice the text with these spans; a skip over an escape (`\学`) can stop
        // inside a character, and such a span is dropped rather than sliced.
        if self.pos > start && self.boundary(start) && self.boundary(self.pos) {
            self.spans.insert(path, (start, self.pos));
        }
    }

    fn string(&mut self) {
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'"' => return,
                _ => {}
            }
        }
        self.pos = self.pos.min(self.src.len());
    }

    fn char_literal(&mut self) {
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'\'' | b'\n' => return,
                _ => {}
            }
        }
        self.pos = self.pos.min(self.src.len());
    }

    fn raw_string(&mut self) {
        self.pos += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        if self.peek() != Some(b'"') {
            return;
        }
        self.pos += 1;
        while self.pos < self.src.len() {
            // `take_while` stops at the first non-`#`, so each run of hashes is read at most
            // once per quote before it: linear even for `r####"` with many quotes inside.
            if self.src[self.pos] == b'"'
                && self.src[self.pos + 1..]
                    .iter()
                    .take(hashes)
                    .take_while(|&&b| b == b'#')
                    .count()
                    == hashes
            {
                self.pos += 1 + hashes;
                return;
            }
            self.pos += 1;
        }
    }

    /// `( key: value, … )`, `{ key: value }` or a tuple `( value, … )`.
    fn group(&mut self, path: &str, close: u8) {
        self.pos += 1;
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(b) if b == close => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                Some(b')' | b']' | b'}') => return,
                _ => {}
            }
            let before = self.pos;
            let key = if self
                .peek()
                .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            {
                let save = self.pos;
                let name = self.ident().to_string();
                self.skip_trivia();
                if self.peek() == Some(b':') {
                    self.pos += 1;
                    self.skip_trivia();
                    Some(name)
                } else {
                    self.pos = save;
                    None
                }
            } else {
                None
            };
            let child = match key {
                Some(name) if path.is_empty() => name,
                Some(name) => format!("{path}.{name}"),
                None => format!("{path}[{index}]"),
            };
            self.value(child);
            index += 1;
            if self.pos == before {
                self.pos += 1;
            }
        }
    }

    fn list(&mut self, path: &str) {
        self.pos += 1;
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(b']') => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                Some(b')' | b'}') => return,
                _ => {}
            }
            let before = self.pos;
            self.value(format!("{path}[{index}]"));
            index += 1;
            if self.pos == before {
                self.pos += 1;
            }
        }
    }
}

/// The byte offset in a string literal as written (`"…"` with escapes, or `r#"…"#`) of the
/// byte `decoded` of its value, so that an error inside a string (a bad template placeholder)
/// is shown at its own column. `None` when the literal is not one of these forms.
pub fn literal_offset(literal: &str, decoded: usize) -> Option<usize> {
    let bytes = literal.as_bytes();
    if let Some(rest) = literal.strip_prefix('r') {
        let hashes = rest.bytes().take_while(|&b| b == b'#').count();
        let prefix = 1 + hashes + 1;
        return (bytes.get(prefix - 1) == Some(&b'"') && prefix + decoded <= literal.len())
            .then_some(prefix + decoded);
    }
    if bytes.first() != Some(&b'"') {
        return None;
    }
    let (mut at, mut value) = (1, 0);
    while value < decoded {
        let step = match *bytes.get(at)? {
            b'"' => return None,
            b'\\' => match *bytes.get(at + 1)? {
                // `\x41`: one byte of the value each (several may spell one character).
                b'x' => (4, 1),
                b'u' => {
                    let close = at + literal[at..].find('}')?;
                    let code = u32::from_str_radix(literal.get(at + 3..close)?, 16).ok()?;
                    (close + 1 - at, char::from_u32(code)?.len_utf8())
                }
                _ => (2, 1),
            },
            _ => {
                let c = literal[at..].chars().next()?;
                (c.len_utf8(), c.len_utf8())
            }
        };
        at += step.0;
        value += step.1;
    }
    (at <= literal.len()).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields() {
        let src = r#"(
    id: "x", // comment with "quote
    sections: [
        (id: "a", items: [ (id: "i1", kind: Count(target: 0), due: "02-30") ]),
    ],
)"#;
        let loc = Locations::scan(src);
        let (s, e) = loc.find("sections[0].items[0].due").unwrap();
        assert_eq!(&src[s..e], "\"02-30\"");
        let (s, e) = loc.find("sections[0].items[0].kind.target").unwrap();
        assert_eq!(&src[s..e], "0");
        let (s, e) = loc.find("id").unwrap();
        assert_eq!(&src[s..e], "\"x\"");
        // A missing field falls back to its parent.
        let (s, _) = loc.find("sections[0].items[0].title").unwrap();
        assert_eq!(&src[s..s + 1], "(");
    }

    #[test]
    fn survives_garbage() {
        for src in [
            "",
            "(",
            "[[[[",
            "r#\"",
            "\"\\",
            "(a: (b: [1, 2",
            "/* /* */",
            "'",
        ] {
            let _ = Locations::scan(src).find("a.b[0]");
        }
    }

    #[test]
    fn deep_nesting_and_long_runs_stay_cheap() {
        // Recursion stops at MAX_DEPTH, so this cannot overflow the stack.
        let deep = "(a: ".repeat(100_000) + &"[".repeat(100_000);
        assert!(Locations::scan(&deep).find("a.a.a").is_some());
        // Quadratic scanning of raw strings would take minutes here.
        let raw = format!("r{}\"{}", "#".repeat(200_000), "\"#".repeat(200_000));
        let _ = Locations::scan(&raw);
        let comments = "/*".repeat(200_000);
        assert!(Locations::only_trivia(&comments));
        assert!(!Locations::only_trivia("// x\n ("));
    }

    #[test]
    fn maps_string_values_back_to_the_literal() {
        let lit = r#""\"党\"\u{4f1a}\x41{cnt}""#;
        let at = literal_offset(lit, "\"党\"会A".len()).unwrap();
        assert_eq!(&lit[at..at + 5], "{cnt}");
        let raw = r###"r#"a"b{cnt}"#"###;
        let at = literal_offset(raw, 3).unwrap();
        assert_eq!(&raw[at..at + 5], "{cnt}");
        assert_eq!(literal_offset("\"ab\"", 2), Some(3));
        assert_eq!(literal_offset("\"ab\"", 3), None);
        assert_eq!(literal_offset("12", 0), None);
        assert_eq!(literal_offset("\"\\u{zz}\"", 1), None);
    }

    #[test]
    fn finds_the_innermost_value_around_an_offset() {
        let src = r#"(sections: [(id: "a", items: [(id: "b" due: "x")])])"#;
        let loc = Locations::scan(src);
        let at = src.find("due").unwrap();
        assert_eq!(loc.enclosing(at), Some("sections[0].items[0]"));
        assert_eq!(
            loc.enclosing(src.find("\"a\"").unwrap()),
            Some("sections[0].id")
        );
        assert_eq!(Locations::scan("[[[[").enclosing(2), None);
    }

    #[test]
    fn spans_are_char_boundaries() {
        for src in [
            "(a: \"\\学\", b: '\\学', c: x学)",
            "(a: \\学",
            "[\"\\",
            "(学: 1)",
        ] {
            let loc = Locations::scan(src);
            for (s, e) in loc.spans.values() {
                assert!(src.get(*s..*e).is_some(), "{src:?} {s}..{e}");
            }
        }
    }
}
