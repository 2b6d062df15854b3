//! The checklists compiled into the binary, so that `duty` works with no file at all.

/// The default checklist (`checklists/default.ron`).
pub const BUILTIN_DEFAULT: &str = include_str!("../../checklists/default.ron");

/// How the built-in checklist is named in messages.
pub const BUILTIN_ORIGIN: &str = "<内置清单 built-in>";
