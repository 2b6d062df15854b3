//! Arbitrary input never panics the checklist loader: random bytes, RON-like text, and valid
//! checklists with a few tokens replaced.

use super::*;

/// RON-like text from a token alphabet: brackets, strings with CJK and escapes, idents that
/// are (and nearly are) field names, numbers, punctuation and comments.
fn ron_like() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("(".to_string()),
        Just(")".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("// 注释 \"引号\n".to_string()),
        Just("/* 块 ( */".to_string()),
        Just("r#\"原始\"字符串\"#".to_string()),
        Just("\"\\u{1b}\\u{202e}\"".to_string()),
        Just("\"{count}{cnt}{{\"".to_string()),
        prop::sample::select(vec![
            "id",
            "title",
            "organization",
            "year",
            "report",
            "sections",
            "items",
            "kind",
            "due",
            "start",
            "owner",
            "evidence",
            "carried_from",
            "Task",
            "Count",
            "Rate",
            "Hours",
            "target",
            "titel",
            "NaN",
            "inf",
            "heading",
        ])
        .prop_map(str::to_string),
        "-?[0-9]{1,25}(\\.[0-9]{1,3})?",
        "\"[a-z0-9\\-{}一-龥 ]{0,12}\"",
        "\"(next-)?[0-9]{2}-[0-9]{2}\"",
    ];
    prop::collection::vec(token, 0..120).prop_map(|tokens| tokens.concat())
}

/// A valid checklist with a few tokens replaced: mostly shape and semantic errors.
fn mutated() -> impl Strategy<Value = String> {
    let base = std::fs::read_to_string(fixture("valid/02-raw-strings-and-comments.ron")).unwrap();
    (0..base.len(), "[(),:\\[\\]\"{}a-z0-9 ]{0,6}").prop_map(move |(at, insert)| {
        let mut at = at;
        while !base.is_char_boundary(at) {
            at -= 1;
        }
        format!("{}{insert}{}", &base[..at], &base[at..])
    })
}

fn check_never_panics(bytes: &[u8]) -> Result<(), TestCaseError> {
    for lang in [Lang::Zh, Lang::En] {
        if let Err(all) = load(bytes, "fuzz\u{1b}.ron", 2024, lang) {
            prop_assert!(!all.is_empty());
            for d in all {
                let shown = d.to_string();
                prop_assert!(
                    !shown.chars().any(|c| c != '\n' && text::is_unsafe(c)),
                    "raw control character in {:?}",
                    shown
                );
                prop_assert!(d.line >= 1 && d.column >= 1);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_never_panics(&bytes)?;
    }

    #[test]
    fn ron_like_text_never_panics(src in ron_like()) {
        check_never_panics(src.as_bytes())?;
    }

    #[test]
    fn mutated_checklists_never_panic(src in mutated()) {
        check_never_panics(src.as_bytes())?;
    }
}
