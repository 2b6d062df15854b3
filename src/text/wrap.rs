//! Breaking text into lines of a given width by the Unicode line-breaking rules, for the
//! screen and for help printed on the command line.

/// Split `text` into lines of at most `width` cells, by the Unicode line-breaking rules
/// (UAX #14): Chinese breaks between characters, but no line starts with `》。，、` or ends
/// with `《“（`, and a run of ASCII (a command, an item id, a file name) is never cut while
/// it fits on a line of its own. Line breaks in `text` are kept; characters that must not
/// reach a terminal are dropped.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    // ratatui drops control characters but not bidi overrides, which a hand-edited ledger
    // could carry; neither belongs on screen.
    let clean: String = text
        .chars()
        .filter(|&c| c == '\n' || !super::is_unsafe(c))
        .collect();
    let options = textwrap::Options::new(width)
        .word_separator(textwrap::WordSeparator::UnicodeBreakProperties)
        .break_words(true)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    clean
        .split('\n')
        .flat_map(|para| {
            if para.is_empty() {
                vec![String::new()]
            } else {
                textwrap::wrap(para, &options)
                    .into_iter()
                    .map(|l| l.into_owned())
                    .collect()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width as cells;

    #[test]
    fn lines_break_by_chinese_rules() {
        let text = "组织学习《中华人民共和国行政复议法》，开展“谁执法谁普法”活动。";
        for width in 8..30 {
            for line in wrap(text, width) {
                assert!(cells(&line) <= width, "{line:?} at {width}");
                assert!(
                    !line.starts_with(['》', '。', '，', '、', '”']),
                    "{line:?} at {width}"
                );
                assert!(!line.ends_with(['《', '“', '（']), "{line:?} at {width}");
            }
        }
    }

    #[test]
    fn wrap_counts_cells_not_bytes() {
        assert_eq!(wrap("学法考试ab", 4), vec!["学法", "考试", "ab"]);
        assert_eq!(wrap("", 4), vec![""]);
        assert_eq!(wrap("学\u{202E}法\u{1b}", 4), vec!["学法"]);
    }

    #[test]
    fn wrapping_keeps_commands_and_ids_whole() {
        let text = "还差16学时：抓紧安排并用 duty log study-hours 登记，留存学时证明";
        for width in 8..40 {
            let lines = wrap(text, width);
            for line in &lines {
                assert!(cells(line) <= width, "{width}: {lines:?}");
            }
            // Nothing lost but the spaces at the breaks.
            let joined: String = lines.concat();
            assert_eq!(joined.replace(' ', ""), text.replace(' ', ""), "{width}");
            if width >= 11 {
                assert!(
                    lines.iter().any(|l| l.contains("study-hours")),
                    "{width}: {lines:?}"
                );
            }
        }
        // A word longer than the line still breaks, by width.
        assert_eq!(wrap("abcdefgh", 4), ["abcd", "efgh"]);
        assert_eq!(wrap("学法考试", 4), ["学法", "考试"]);
    }

    #[test]
    fn ascii_runs_are_kept_whole_and_line_breaks_kept() {
        assert_eq!(
            wrap("duty log item-3\n下一行", 10),
            ["duty log", "item-3", "下一行"]
        );
    }
}
