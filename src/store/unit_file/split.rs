//! The top level of a unit file, without parsing what is inside: the `name: value` fields of
//! its outer `( … )` with the byte span of each value, so that each part is parsed on its
//! own (the checklist by the checklist loader, placing its problems in this file) and the
//! checksum's line is found. One linear pass; strings, raw strings, characters and comments
//! (nested block comments too) are stepped over, so brackets inside them do not count.

/// One top-level field: its name, where the name starts, and the value's span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Field<'a> {
    pub key: &'a str,
    pub key_at: usize,
    pub value: (usize, usize),
}

/// The fields found, and where the text stops being what a unit file's top level is (the
/// byte offset), if it does: every field before that point is still returned.
pub(super) fn fields(text: &str) -> (Vec<Field<'_>>, Result<(), usize>) {
    let mut s = Scan {
        b: text.as_bytes(),
        pos: 0,
    };
    let mut out = Vec::new();
    let result = (|| {
        s.trivia()?;
        s.expect(b'(')?;
        loop {
            s.trivia()?;
            if s.peek() == Some(b')') {
                s.pos += 1;
                s.trivia()?;
                return if s.pos == s.b.len() {
                    Ok(())
                } else {
                    Err(s.pos)
                };
            }
            let key_at = s.pos;
            let key = s.ident().ok_or(s.pos)?;
            s.trivia()?;
            s.expect(b':')?;
            s.trivia()?;
            let start = s.pos;
            s.value()?;
            let end = s.pos;
            if end == start {
                return Err(start);
            }
            out.push(Field {
                key: &text[key_at..key_at + key.len()],
                key_at,
                value: (start, end),
            });
            s.trivia()?;
            match s.peek() {
                Some(b',') => s.pos += 1,
                Some(b')') => {}
                _ => return Err(s.pos),
            }
        }
    })();
    (out, result)
}

/// The fields of a unit file laid out exactly as `duty` writes it (each top-level field on a
/// line of its own, indented four spaces, the last one `sha256`), found by searching for
/// those lines instead of walking every byte; `None` when the file is not laid out so.
///
/// Sound even for a file made to fool it: a line like `    ledger: ` inside a string or a
/// block comment cuts the part before it inside that string or comment, so that part does
/// not parse, and the caller then reads the file with [`fields`].
pub(super) fn fast_fields<'a>(text: &'a str, keys: &[&'a str]) -> Option<Vec<Field<'a>>> {
    let b = text.as_bytes();
    let mut at = memchr::memmem::find(b, b"(\n    ")? + 6;
    let mut out: Vec<Field<'a>> = Vec::with_capacity(keys.len());
    for (k, key) in keys.iter().enumerate() {
        let line = format!("{key}: ");
        let key_at = if k == 0 {
            b[at..].starts_with(line.as_bytes()).then_some(at)?
        } else {
            let marker = format!(",\n    {line}");
            at + memchr::memmem::find(&b[at..], marker.as_bytes())? + 6
        };
        let start = key_at + line.len();
        if let Some(prev) = out.last_mut() {
            // The value before ends at the comma that precedes this line.
            prev.value.1 = key_at - 6;
        }
        out.push(Field {
            key,
            key_at,
            value: (start, start),
        });
        at = start;
    }
    // The last value ends at `,\n)` and nothing but blank space follows.
    let end = memchr::memmem::rfind(&b[at..], b",\n)")? + at;
    if !b[end + 3..].iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    out.last_mut()?.value.1 = end;
    Some(out)
}

/// The first identifier after the opening bracket (`duty_unit_file`, `format`, `id`), for
/// telling what kind of file this is.
pub(super) fn first_key(text: &str) -> Option<&str> {
    let mut s = Scan {
        b: text.as_bytes(),
        pos: 0,
    };
    s.trivia().ok()?;
    s.expect(b'(').ok()?;
    s.trivia().ok()?;
    let at = s.pos;
    s.ident().map(|k| &text[at..at + k.len()])
}

struct Scan<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Scan<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn expect(&mut self, c: u8) -> Result<(), usize> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.pos)
        }
    }

    fn ident(&mut self) -> Option<&'a [u8]> {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.pos += 1;
        }
        let id = &self.b[start..self.pos];
        (!id.is_empty() && !id[0].is_ascii_digit()).then_some(id)
    }

    /// Whitespace and comments; an unclosed block comment is an error at its start.
    fn trivia(&mut self) -> Result<(), usize> {
        loop {
            match (self.peek(), self.b.get(self.pos + 1)) {
                (Some(b' ' | b'\t' | b'\n' | b'\r'), _) => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    let rest = &self.b[self.pos..];
                    self.pos += memchr::memchr(b'\n', rest).unwrap_or(rest.len());
                }
                (Some(b'/'), Some(b'*')) => self.block_comment()?,
                _ => return Ok(()),
            }
        }
    }

    fn block_comment(&mut self) -> Result<(), usize> {
        let start = self.pos;
        let mut depth = 0usize;
        while self.pos < self.b.len() {
            match (self.b[self.pos], self.b.get(self.pos + 1)) {
                (b'/', Some(b'*')) => {
                    depth += 1;
                    self.pos += 2;
                }
                (b'*', Some(b'/')) => {
                    depth -= 1;
                    self.pos += 2;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                _ => self.pos += 1,
            }
        }
        Err(start)
    }

    /// One value, up to the `,` or `)` that ends it at depth 0 (not consumed).
    fn value(&mut self) -> Result<(), usize> {
        let mut stack: Vec<u8> = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return if stack.is_empty() {
                    Ok(())
                } else {
                    Err(self.pos)
                };
            };
            match c {
                b'(' | b'[' | b'{' => {
                    stack.push(c);
                    self.pos += 1;
                }
                b')' | b']' | b'}' => {
                    let open = match c {
                        b')' => b'(',
                        b']' => b'[',
                        _ => b'{',
                    };
                    match stack.pop() {
                        None if c == b')' => return Ok(()),
                        Some(o) if o == open => self.pos += 1,
                        _ => return Err(self.pos),
                    }
                }
                b',' if stack.is_empty() => return Ok(()),
                b'"' => self.string()?,
                b'\'' => self.char_literal()?,
                b'r' if matches!(self.b.get(self.pos + 1), Some(b'"' | b'#')) => {
                    self.raw_string()?
                }
                b'/' if matches!(self.b.get(self.pos + 1), Some(b'/' | b'*')) => self.trivia()?,
                _ => self.pos += 1,
            }
        }
    }

    fn string(&mut self) -> Result<(), usize> {
        let start = self.pos;
        self.pos += 1;
        while let Some(c) = self.peek() {
            match c {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => self.pos += 1,
            }
        }
        Err(start)
    }

    fn char_literal(&mut self) -> Result<(), usize> {
        let start = self.pos;
        self.pos += 1;
        while let Some(c) = self.peek() {
            match c {
                b'\\' => self.pos += 2,
                b'\'' => {
                    self.pos += 1;
                    return Ok(());
                }
                b'\n' => return Err(start),
                _ => self.pos += 1,
            }
        }
        Err(start)
    }

    fn raw_string(&mut self) -> Result<(), usize> {
        let start = self.pos;
        self.pos += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        if self.peek() != Some(b'"') {
            // `r#ident` (a raw identifier) or a plain `r…` word: not a string.
            self.pos = start + 1;
            return Ok(());
        }
        self.pos += 1;
        while self.pos < self.b.len() {
            if self.b[self.pos] == b'"'
                && self.b[self.pos + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&h| h == b'#')
                    .count()
                    == hashes
            {
                self.pos += 1 + hashes;
                return Ok(());
            }
            self.pos += 1;
        }
        Err(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> (Vec<(&str, &str)>, Result<(), usize>) {
        let (f, r) = fields(text);
        (
            f.iter()
                .map(|f| (f.key, &text[f.value.0..f.value.1]))
                .collect(),
            r,
        )
    }

    #[test]
    fn fields_and_their_values() {
        let text = "// c (\n( a: 1, b: (x: \"),\", y: [1, 2]), c: r#\"q\"(\"#, d: '(' /* ) */ , e: {\"k\": (1)},)\n";
        let (f, r) = keys(text);
        assert_eq!(r, Ok(()));
        assert_eq!(
            f,
            [
                ("a", "1"),
                ("b", "(x: \"),\", y: [1, 2])"),
                ("c", "r#\"q\"(\"#"),
                ("d", "'(' /* ) */ "),
                ("e", "{\"k\": (1)}"),
            ]
        );
        assert_eq!(first_key(text), Some("a"));
    }

    #[test]
    fn the_fast_way_finds_what_the_slow_way_finds() {
        let text =
            "// head\n(\n    a: 1,\n    b: (\n        x: \"),\",\n    ),\n    c: \"s\",\n)\n";
        let keys = ["a", "b", "c"];
        assert_eq!(fast_fields(text, &keys), Some(fields(text).0));
        // Not laid out as duty writes it: the slow way is needed.
        assert_eq!(fast_fields("(a: 1, b: 2, c: 3)", &keys), None);
        assert_eq!(
            fast_fields(&text.replace("    c: ", "    d: "), &keys),
            None
        );
        assert_eq!(fast_fields(&format!("{text}x"), &keys), None);
    }

    #[test]
    fn trouble_is_placed_and_what_came_before_kept() {
        let cut = "(a: 1, b: (x: \"abc";
        let (f, r) = keys(cut);
        assert_eq!(f, [("a", "1")]);
        assert_eq!(r, Err(14), "the unclosed string");
        assert_eq!(keys("(a: (1]").1, Err(6));
        assert_eq!(keys("(a: 1) x").1, Err(7));
        assert_eq!(keys("x").1, Err(0));
        assert_eq!(keys("(a 1)").1, Err(3));
        assert_eq!(keys("(a: /* open").1, Err(4));
        assert_eq!(keys("(a: ,)").1, Err(4));
        assert_eq!(first_key("  \n"), None);
    }
}
