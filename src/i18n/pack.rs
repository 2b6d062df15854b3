//! Words for the inspector's package index (its .docx and .xlsx): the files' names, the
//! title and lines under it, and each table's name and column headings.

use jiff::civil::Date;

use super::Words;
use crate::pack::index::size_text;

impl Words {
    /// The index files' names in the package, and the checksum list's.
    pub(crate) fn index_names(self) -> [&'static str; 3] {
        if self.zh() {
            ["00 索引.docx", "00 索引.xlsx", "SHA256SUMS.txt"]
        } else {
            ["00 index.docx", "00 index.xlsx", "SHA256SUMS.txt"]
        }
    }

    pub(crate) fn index_title(self, organization: &str, year: i16) -> String {
        if self.zh() {
            format!("{organization}{year}年度佐证材料索引")
        } else {
            format!("{organization} {year}: index of evidence")
        }
    }

    /// The line under the title: the checklist, how much the package holds, and when it
    /// was made.
    pub(crate) fn index_summary(
        self,
        checklist: &str,
        items: usize,
        files: usize,
        bytes: u64,
        today: Date,
    ) -> String {
        if self.zh() {
            format!(
                "{checklist}；共 {items} 项事项、{files} 个文件（{}）；生成日期 {}。",
                size_text(bytes),
                self.date(today)
            )
        } else {
            format!(
                "{checklist}; {items} items, {files} files ({}); made {}.",
                size_text(bytes),
                self.date(today)
            )
        }
    }

    /// The part packed, when not all of it was.
    pub(crate) fn index_part(self, part: &str) -> String {
        format!("{}{part}", self.pick("范围：", "Part: "))
    }

    pub(crate) fn index_checksums(self) -> &'static str {
        self.pick(
            "每个文件的 SHA-256 校验值见“文件”表和 SHA256SUMS.txt，可用 sha256sum -c SHA256SUMS.txt 或 certutil -hashfile 文件 SHA256 核对。",
            "Each file's SHA-256 is in the Files table and SHA256SUMS.txt; check them with sha256sum -c SHA256SUMS.txt or certutil -hashfile FILE SHA256.",
        )
    }

    /// An item's folder cell when it has no files.
    pub(crate) fn index_no_files(self) -> &'static str {
        self.pick("（无附件）", "(no files)")
    }

    /// What a file attached to the item itself (not to a session) is for.
    pub(crate) fn index_for_item(self) -> &'static str {
        self.pick("事项", "the item")
    }

    /// A table's title: the index's, and which table.
    pub(crate) fn index_table_title(self, title: &str, table: &str) -> String {
        if self.zh() {
            format!("{title}（{table}）")
        } else {
            format!("{title}: {table}")
        }
    }

    /// Each table's name (a sheet's, a heading's) and, in its title, what it lists.
    pub(crate) fn index_tables(self) -> [(&'static str, &'static str); 3] {
        [
            (self.pick("事项", "Items"), self.pick("事项", "items")),
            (
                self.pick("活动登记", "Sessions"),
                self.pick("活动登记", "sessions"),
            ),
            (self.pick("文件", "Files"), self.pick("文件", "files")),
        ]
    }

    pub(crate) fn index_item_columns(self) -> [&'static str; 9] {
        [
            self.pick("序号", "No."),
            self.pick("类别", "Category"),
            self.pick("工作任务", "Task"),
            self.pick("责任科室", "Owner"),
            self.pick("目标", "Target"),
            self.pick("完成情况", "Result"),
            self.pick("文号/佐证材料", "Document no. / evidence"),
            self.pick("文件数", "Files"),
            self.pick("文件夹", "Folder"),
        ]
    }

    pub(crate) fn index_session_columns(self) -> [&'static str; 9] {
        [
            self.pick("序号", "No."),
            self.pick("事项序号", "Item"),
            self.pick("工作任务", "Task"),
            self.pick("日期", "Date"),
            self.pick("主题", "Topic"),
            self.pick("学时", "Hours"),
            self.pick("主持人", "Presided"),
            self.pick("文号/佐证材料", "Document no. / evidence"),
            self.pick("文件", "Files"),
        ]
    }

    pub(crate) fn index_file_columns(self) -> [&'static str; 8] {
        [
            self.pick("序号", "No."),
            self.pick("事项序号", "Item"),
            self.pick("包内位置", "In the package"),
            self.pick("原文件名", "Original name"),
            self.pick("证明日期", "Date"),
            self.pick("所属", "For"),
            self.pick("大小（字节）", "Size (bytes)"),
            "SHA-256",
        ]
    }

    /// The .docx index's heading for table `i` (0-based): `一、事项` / `1. Items`.
    pub(crate) fn index_table_heading(self, i: usize, name: &str) -> String {
        if self.zh() {
            let number = ["一、", "二、", "三、", "四、"]
                .get(i)
                .copied()
                .unwrap_or("");
            format!("{number}{name}")
        } else {
            format!("{}. {name}", i + 1)
        }
    }
}
