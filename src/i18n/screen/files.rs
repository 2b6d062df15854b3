//! The screen's words for evidence files: the count beside an item, the list in the details
//! pane, the attach form and what it will record, the picker, opening and taking a file off.
//! (What can go wrong with a file is said by `evidence_error`, as on the command line.)

use jiff::civil::Date;

use crate::i18n::Words;

impl Words {
    /// The files column of the items list: `附3` / `@3`; nothing without files. At most
    /// four cells up to 99 files, so the column keeps its width.
    pub fn files_marker(self, n: usize) -> String {
        match (n, self.zh()) {
            (0, _) => String::new(),
            (n, true) => format!("附{n}"),
            (n, false) => format!("@{n}"),
        }
    }

    /// The heading of the details pane's file list: `附件（3 个）:` / `Files (3):`.
    pub fn screen_files_heading(self, n: usize) -> String {
        if self.zh() {
            format!("附件（{n} 个）:")
        } else {
            format!("Files ({n}):")
        }
    }

    /// The status line when there is no file to open or take off.
    pub fn no_files_to_use(self, title: &str) -> String {
        if self.zh() {
            format!("“{title}”还没有附上文件；按 A 附上")
        } else {
            format!("'{title}' keeps no files yet; A attaches some")
        }
    }

    pub fn form_attach(self) -> &'static str {
        self.pick("附上佐证文件", "Attach evidence files")
    }

    pub fn f_files(self) -> &'static str {
        self.pick("文件", "Files")
    }

    pub fn f_attach_entry(self) -> &'static str {
        self.pick("附到登记", "To entry")
    }

    pub fn f_attach_date(self) -> &'static str {
        self.pick("证明日期", "Evidences")
    }

    /// What the files field asks for, shown until a path is typed.
    pub fn e_no_files(self) -> &'static str {
        self.pick(
            "请写文件路径；多个用空格分开，含空格的加引号（可从文件管理器拖入）",
            "give the file's path; several separated by spaces, quoted if they hold one (or drag them in)",
        )
    }

    pub fn e_attach_entry(self) -> &'static str {
        self.pick(
            "没有这条登记：写详情栏中 # 后的编号，留空则附到事项本身",
            "no such entry: give the id after # in the details pane, or leave it empty for the item",
        )
    }

    /// The question before attaching.
    pub fn confirm_attach(self, n: usize) -> String {
        if self.zh() {
            format!("附上这 {n} 个文件？")
        } else if n == 1 {
            "Attach this file?".into()
        } else {
            format!("Attach these {n} files?")
        }
    }

    /// What the files will evidence: the item, or one logged entry; and the day, if given.
    pub fn attach_target(
        self,
        title: &str,
        entry: Option<(&str, Date, &str)>,
        date: Option<Date>,
    ) -> String {
        let to = match (entry, self.zh()) {
            (None, true) => format!("附到：“{title}”事项本身"),
            (None, false) => format!("To: '{title}' as a whole"),
            (Some((id, day, topic)), true) => {
                format!("附到：“{title}”的登记 {} {topic} #{id}", self.date(day))
            }
            (Some((id, day, topic)), false) => {
                format!("To: '{title}', entry {} {topic} #{id}", self.date(day))
            }
        };
        match (date, self.zh()) {
            (None, _) => to,
            (Some(d), true) => format!("{to}；证明日期 {}", self.date(d)),
            (Some(d), false) => format!("{to}; evidencing {}", self.date(d)),
        }
    }

    /// The status line after several files were attached at once (one is said as
    /// `duty attach` says it).
    pub fn attached_several(self, title: &str, names: &[&str]) -> String {
        if self.zh() {
            format!(
                "已附上 {} 个文件到“{title}”：{}（u 可撤销）",
                names.len(),
                names.join("、")
            )
        } else {
            format!(
                "Attached {} files to '{title}': {} (u undoes it)",
                names.len(),
                names.join(", ")
            )
        }
    }

    /// The picker's title.
    pub fn pick_file(self, open: bool) -> &'static str {
        if open {
            self.pick("打开哪个文件？", "Open which file?")
        } else {
            self.pick("取下哪个文件？", "Take off which file?")
        }
    }

    pub fn pick_keys(self) -> &'static str {
        self.pick(
            "1-9 或 j/k 选择  Enter 确定  Esc 取消",
            "1-9 or j/k choose  Enter ok  Esc cancel",
        )
    }

    /// The question before taking a file off.
    pub fn confirm_detach(self) -> &'static str {
        self.pick(
            "取下这个文件？（修改历史中保留，u 可撤销）",
            "Take this file off? (the history keeps it; u undoes it)",
        )
    }

    pub fn detached_here(self, name: &str) -> String {
        if self.zh() {
            format!("已取下“{name}”（u 可撤销；库中的文件保留）")
        } else {
            format!("Took '{name}' off (u undoes it; the stored file stays)")
        }
    }

    /// Said while the viewer starts (it may take a moment, and the screen goes on).
    pub fn opening(self, name: &str) -> String {
        if self.zh() {
            format!("正在用系统程序打开“{name}”…")
        } else {
            format!("opening '{name}' with the system's viewer…")
        }
    }
}
