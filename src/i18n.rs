//! The two UI languages and how one is chosen (`--lang`, `DUTY_LANG`, settings).
//!
//! Chinese is the default. User-facing strings live beside this module in `strings`.

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
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "cn" | "zh-cn" | "zh_cn" | "chinese" | "中文" => Ok(Lang::Zh),
            "en" | "en-us" | "en_us" | "english" => Ok(Lang::En),
            other => Err(format!("'{other}' (expected zh or en)")),
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
