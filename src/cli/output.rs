//! Where command output goes, made safe for a terminal once, here: text is written line by
//! line with control characters and bidi overrides escaped (`\u{1b}`), JSON with them as
//! JSON escapes, and files' bytes as they are. Writes are fallible and checked: a full disk
//! behind `>` is an error; a closed pipe (`duty status | head -1`) ends the command quietly.

use std::io::{self, Write};

use crate::text;

/// How the bytes written are made safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Text,
    Json,
    Raw,
}

pub struct Out {
    inner: Box<dyn Write>,
    mode: Mode,
    /// How many bytes of whole lines may wait before they are checked and passed on: many
    /// for stdout, whose writer buffers anyway (checking ten thousand status lines at once
    /// costs a fraction of checking each), none for stderr, where a line is shown as soon as
    /// it is complete.
    hold: usize,
    /// Bytes of the line not yet complete: escaping works on whole lines, so that a
    /// character written in two pieces is never escaped as two halves.
    pending: Vec<u8>,
}

impl Out {
    pub fn stdout() -> Self {
        let mut out = Out::to(io::BufWriter::with_capacity(64 * 1024, io::stdout()));
        out.hold = 16 * 1024;
        out
    }

    pub fn stderr() -> Self {
        Out::to(io::stderr())
    }

    pub fn to(writer: impl Write + 'static) -> Self {
        Out {
            inner: Box::new(writer),
            mode: Mode::Text,
            hold: 0,
            pending: Vec::new(),
        }
    }

    /// Switch how what follows is made safe (after finishing the current line).
    pub fn set_mode(&mut self, mode: Mode) -> io::Result<()> {
        self.drain(true)?;
        self.mode = mode;
        Ok(())
    }

    /// Write out everything, and say whether it all arrived.
    pub fn finish(&mut self) -> io::Result<()> {
        self.drain(true)?;
        self.inner.flush()
    }

    fn drain(&mut self, all: bool) -> io::Result<()> {
        let upto = if all {
            self.pending.len()
        } else {
            match self.pending.iter().rposition(|&b| b == b'\n') {
                Some(i) => i + 1,
                None => return Ok(()),
            }
        };
        if upto == 0 {
            return Ok(());
        }
        // Most output has nothing to escape: a byte scan proves it, and the bytes go out as
        // they are.
        let chunk = &self.pending[..upto];
        if text::utf8(chunk).is_ok() && !text::lines_have_unsafe(chunk) {
            self.inner.write_all(&self.pending[..upto])?;
            self.pending.drain(..upto);
            return Ok(());
        }
        let chunk: Vec<u8> = self.pending.drain(..upto).collect();
        let s = String::from_utf8_lossy(&chunk);
        match self.mode {
            Mode::Text => {
                for piece in s.split_inclusive('\n') {
                    let (line, newline) = match piece.strip_suffix('\n') {
                        Some(line) => (line, "\n"),
                        None => (piece, ""),
                    };
                    self.inner.write_all(text::for_terminal(line).as_bytes())?;
                    self.inner.write_all(newline.as_bytes())?;
                }
                Ok(())
            }
            Mode::Json => self.inner.write_all(text::json_for_terminal(&s).as_bytes()),
            Mode::Raw => unreachable!("raw bytes are not kept back"),
        }
    }
}

/// Lines still held are passed on when the writer goes, as a `BufWriter` flushes when
/// dropped; a command that cares whether they arrived calls [`Out::finish`].
impl Drop for Out {
    fn drop(&mut self) {
        if self.mode != Mode::Raw {
            let _ = self.drain(true);
        }
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.mode == Mode::Raw {
            return self.inner.write(buf);
        }
        self.pending.extend_from_slice(buf);
        let held = self.pending.len();
        if held > self.hold && (held >= 16 * 1024 || buf.contains(&b'\n')) {
            self.drain(false)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain(true)?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);
    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn text_is_escaped_once_even_when_written_in_pieces() {
        let sink = Shared::default();
        let mut out = Out::to(sink.clone());
        let bidi = "\u{202E}".as_bytes();
        out.write_all(b"a\x1b[31m ").unwrap();
        out.write_all(&bidi[..1]).unwrap();
        out.write_all(&bidi[1..]).unwrap();
        writeln!(out, " 学法").unwrap();
        out.write_all(b"tail").unwrap();
        out.finish().unwrap();
        let got = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        assert_eq!(got, "a\\u{1b}[31m \\u{202e} 学法\ntail");
    }

    #[test]
    fn held_lines_go_out_when_dropped_and_stderr_lines_at_once() {
        let sink = Shared::default();
        let mut out = Out::to(sink.clone());
        out.hold = 16 * 1024;
        writeln!(out, "逾期62天").unwrap();
        assert!(sink.0.lock().unwrap().is_empty(), "held back");
        drop(out);
        assert_eq!(sink.0.lock().unwrap().as_slice(), "逾期62天\n".as_bytes());
        let sink = Shared::default();
        let mut err = Out::to(sink.clone());
        writeln!(err, "错误：…").unwrap();
        assert_eq!(sink.0.lock().unwrap().as_slice(), "错误：…\n".as_bytes());
    }

    #[test]
    fn json_keeps_its_meaning() {
        let sink = Shared::default();
        let mut out = Out::to(sink.clone());
        out.set_mode(Mode::Json).unwrap();
        writeln!(out, "{{\"t\": \"x\u{9b}y\"}}").unwrap();
        out.finish().unwrap();
        let got = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        assert_eq!(got, "{\"t\": \"x\\u009by\"}\n");
    }
}
