//! Every word `duty` says, in one catalogue: [`Words`] has one method per message, with the
//! Chinese and the English side by side. The rest of the crate returns data (errors,
//! figures, outcomes) and picks its words here. Chinese is the default language.
//!
//! Messages do not escape what they quote: text reaches the terminal through one writer
//! (`cli::output`, the screen's view) that makes it safe there.

mod change;
mod checklist;
pub mod clap_zh;
mod evidence;
pub mod help;
mod ledger;
pub mod overview;
mod pack;
mod record;
mod report;
mod review;
pub mod screen;
mod status;
mod store;
mod usage;

pub use record::Total;
pub(crate) use report::Column;
pub use review::Surface;
pub use status::Kinds;

use std::fmt;
use std::str::FromStr;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Pick the Chinese or English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn words(self) -> Words {
        Words { lang: self }
    }
}

/// The message catalogue in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    lang: Lang,
}

impl Words {
    pub fn lang(self) -> Lang {
        self.lang
    }

    fn zh(self) -> bool {
        self.lang == Lang::Zh
    }

    /// Pick the Chinese or English text.
    fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(zh, en)
    }

    /// `错误：` / `error: `, before a message on stderr.
    pub fn error_prefix(self) -> &'static str {
        self.pick("错误：", "error: ")
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase();
        // Locale names as LANG spells them (`zh_CN.UTF-8`, `en_US.utf8`) count too.
        let language = s.split(['_', '-', '.']).next().unwrap_or("");
        match (s.as_str(), language) {
            ("chinese" | "中文" | "cn", _) | (_, "zh") => Ok(Lang::Zh),
            ("english", _) | (_, "en") => Ok(Lang::En),
            (other, _) => Err(format!("'{other}' (expected zh or en)")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_as_people_and_locales_write_them() {
        for zh in ["zh", "ZH", "zh_CN.UTF-8", "zh-TW", "cn", "中文", "chinese"] {
            assert_eq!(zh.parse::<Lang>(), Ok(Lang::Zh), "{zh}");
        }
        for en in ["en", "en_US.utf8", "English", "en-GB"] {
            assert_eq!(en.parse::<Lang>(), Ok(Lang::En), "{en}");
        }
        for bad in ["", "fr", "fr_FR.UTF-8", "zhx"] {
            assert!(bad.parse::<Lang>().is_err(), "{bad}");
        }
    }
}
