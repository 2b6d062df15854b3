//! Fuzz target: `duty::checklist::load` on arbitrary bytes must return, never panic, and
//! every diagnostic must render without raw control characters.
//!
//! Run from `fuzz/`, seeded with the fixtures, time-boxed (it is not part of CI):
//! `mkdir -p corpus/load && cp ../tests/it/fixtures/*/*.ron corpus/load/`, then
//! `cargo +nightly fuzz run load corpus/load -- -max_total_time=180 -max_len=8192`.
#![no_main]

use duty::checklist::load;
use duty::i18n::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for lang in [Lang::Zh, Lang::En] {
        if let Err(diagnostics) = load(data, "fuzz.ron", 2024, lang) {
            assert!(!diagnostics.is_empty());
            for d in diagnostics {
                let shown = d.to_string();
                assert!(
                    !shown
                        .chars()
                        .any(|c| c != '\n' && duty::text::is_unsafe(c)),
                    "raw control character in {shown:?}"
                );
            }
        }
    }
});
