//! Words of the help, the completions and the manual: headings, placeholders and the few
//! texts clap writes itself. The commands' and options' own descriptions are their doc
//! comments, written `中文 / English`, and `cli::help` keeps the half asked for.

use super::Words;

/// The parts of a manual page, in the order they are printed.
pub struct ManualHeadings {
    pub name: &'static str,
    pub synopsis: &'static str,
    pub description: &'static str,
    pub options: &'static str,
    pub commands: &'static str,
    pub files: &'static str,
    pub environment: &'static str,
    pub exit_status: &'static str,
    /// The manual's title in the page header (`man` prints it top centre).
    pub manual: &'static str,
}

impl Words {
    /// What `duty --help` says first, under the usage line.
    pub fn help_intro(self) -> &'static str {
        self.pick(
            "duty：记录党政主要负责人履行推进法治建设第一责任人职责的年度台账，\
             并生成年度报告第三部分。\n不带命令运行时打开交互界面。",
            "duty: a year-long ledger of the principal leader's rule-of-law duties, \
             and the draft of section three of the annual report.\n\
             With no command, duty opens the interactive screen.",
        )
    }

    pub fn help_usage(self) -> &'static str {
        self.pick("用法：", "Usage: ")
    }

    pub fn help_commands(self) -> &'static str {
        self.pick("命令", "Commands")
    }

    pub fn help_arguments(self) -> &'static str {
        self.pick("参数", "Arguments")
    }

    pub fn help_options(self) -> &'static str {
        self.pick("选项", "Options")
    }

    pub fn help_flag(self) -> &'static str {
        self.pick("显示帮助", "Print help")
    }

    pub fn version_flag(self) -> &'static str {
        self.pick("显示版本", "Print version")
    }

    pub fn help_command(self) -> &'static str {
        self.pick(
            "显示帮助，或某个命令的帮助",
            "Print this message or the help of the given command",
        )
    }

    /// What a command's help says after its options.
    pub fn help_after(self, command: &str) -> Option<&'static str> {
        match command {
            "due" => Some(self.pick(
                "退出码：\n  \
                 0  没有到期事项（不输出任何内容）\n  \
                 1  有逾期或即将到期的事项（逐行列出）\n  \
                 2  参数有误\n  \
                 3  清单文件有误\n  \
                 4  台账无法读取\n\n\
                 例（crontab）：0 8 * * 1-5 duty due --within 2w || notify-send duty",
                "Exit status:\n  \
                 0  nothing due (prints nothing)\n  \
                 1  something is overdue or due within the window (one line each)\n  \
                 2  a mistake on the command line\n  \
                 3  the checklist is invalid\n  \
                 4  the ledger cannot be read\n\n\
                 Example (crontab): 0 8 * * 1-5 duty due --within 2w || notify-send duty",
            )),
            _ => None,
        }
    }

    /// The bracketed notes clap adds after an option's description, in this language:
    /// pairs of what clap writes and what is shown.
    /// clap's own section headings as it writes them (`\nCommands:\n`, and a command
    /// heading already worded but with an ASCII colon), each with this language's line.
    pub fn help_headings(self) -> Vec<(String, String)> {
        if !self.zh() {
            return Vec::new();
        }
        [
            ("Commands", self.help_commands()),
            ("Arguments", self.help_arguments()),
            ("Options", self.help_options()),
            (self.help_commands(), self.help_commands()),
        ]
        .into_iter()
        .map(|(heading, worded)| (format!("\n{heading}:\n"), format!("\n{worded}：\n")))
        .collect()
    }

    pub fn help_notes(self) -> &'static [(&'static str, &'static str)] {
        match self.zh() {
            true => &[
                ("[OPTIONS]", "[选项]"),
                ("[env: ", "[环境变量："),
                ("[default: ", "[默认："),
                ("[possible values: ", "[可选："),
                ("[aliases: ", "[别名："),
                ("[alias: ", "[别名："),
            ],
            false => &[],
        }
    }

    /// A placeholder for an option's value (`<FILE>`), in this language.
    pub fn value_name(self, name: &str) -> Option<&'static str> {
        if !self.zh() {
            return None;
        }
        Some(match name {
            "FILE" => "文件",
            "DIR" => "目录",
            "DIR|FILE" => "目录|文件",
            "PATH" => "路径",
            "YYYY" => "年份",
            "DATE" => "日期",
            "DAYS" => "天数",
            "ITEM" => "事项",
            "OFFICE" => "科室",
            "TOPIC" => "主题",
            "HOURS" => "学时",
            "EVIDENCE" => "佐证",
            "PRESIDED" => "主持人",
            "ATTENDED" => "参加人员",
            "ENTRY" => "登记编号",
            "TEXT" => "文字",
            "RATE" => "比率",
            "NAME" => "姓名",
            "UNIT" => "单位",
            "WHAT" => "条件",
            "LANG" | "LANGUAGE" => "语言",
            "FORMAT" => "格式",
            "SORT" => "排序",
            "PART" => "部分",
            "LEDGER" => "台账",
            "LEDGERS" => "台账",
            "OUTPUT" => "输出文件",
            "COMMAND" => "命令",
            "SHELL" => "shell",
            "N" => "条数",
            "FRACTION" => "分子/分母",
            "NUMBER" => "序号",
            "SECTION" => "栏目",
            "SHEET" => "工作表",
            "COLUMN=FIELD" => "列=字段",
            "ID" => "标识",
            "TITLE" => "标题",
            "ORG" => "单位",
            _ => return None,
        })
    }

    pub fn manual_headings(self) -> ManualHeadings {
        match self.zh() {
            true => ManualHeadings {
                name: "名称",
                synopsis: "用法",
                description: "说明",
                options: "选项",
                commands: "命令",
                files: "文件",
                environment: "环境变量",
                exit_status: "退出码",
                manual: "duty 使用手册",
            },
            false => ManualHeadings {
                name: "NAME",
                synopsis: "SYNOPSIS",
                description: "DESCRIPTION",
                options: "OPTIONS",
                commands: "COMMANDS",
                files: "FILES",
                environment: "ENVIRONMENT",
                exit_status: "EXIT STATUS",
                manual: "duty manual",
            },
        }
    }

    /// The manual's FILES section: where things are kept, as `duty paths` shows them.
    pub fn manual_files(self) -> &'static [(&'static str, &'static str)] {
        match self.zh() {
            true => &[
                (
                    "<数据目录>/<清单>/<年度>.ron",
                    "年度台账快照。duty paths 显示本机的实际位置。",
                ),
                (
                    "<数据目录>/<清单>/<年度>.journal",
                    "修改日志：每次修改先追加到这里并写入磁盘，再更新快照。",
                ),
                (
                    "<设置目录>/settings.ron",
                    "设置：记录人姓名、语言、边框、启用的清单。",
                ),
            ],
            false => &[
                (
                    "<data dir>/<checklist>/<year>.ron",
                    "The year's ledger snapshot. duty paths shows where it is on this machine.",
                ),
                (
                    "<data dir>/<checklist>/<year>.journal",
                    "The journal: every change is appended here and synced before the snapshot is updated.",
                ),
                (
                    "<config dir>/settings.ron",
                    "Settings: your name, language, borders, the checklist in use.",
                ),
            ],
        }
    }

    /// The manual's ENVIRONMENT section.
    pub fn manual_environment(self) -> &'static [(&'static str, &'static str)] {
        match self.zh() {
            true => &[
                ("DUTY_LANG", "界面语言（zh 或 en），同 --lang。"),
                ("DUTY_DATA_DIR", "台账数据目录，同 --data-dir。"),
                ("DUTY_CONFIG_DIR", "设置目录。"),
                (
                    "DUTY_TODAY",
                    "把“今天”定为某日（YYYY-MM-DD），用于演示和测试。",
                ),
                ("TERM", "为 dumb 时不打开交互界面，改为显示进度。"),
            ],
            false => &[
                ("DUTY_LANG", "The UI language (zh or en), as --lang."),
                ("DUTY_DATA_DIR", "Where ledgers live, as --data-dir."),
                ("DUTY_CONFIG_DIR", "Where the settings live."),
                (
                    "DUTY_TODAY",
                    "Take this day (YYYY-MM-DD) as today, for demonstrations and tests.",
                ),
                (
                    "TERM",
                    "When dumb, duty shows the status instead of opening the screen.",
                ),
            ],
        }
    }

    /// The manual's EXIT STATUS section.
    pub fn manual_exit_codes(self) -> &'static [(&'static str, &'static str)] {
        match self.zh() {
            true => &[
                ("0", "成功。"),
                ("1", "duty due：有即将到期或逾期的事项。"),
                ("2", "命令行有误（不认识的参数、无效的日期或数字）。"),
                ("3", "清单文件有误。"),
                (
                    "4",
                    "文件无法读取或写入，或台账无法读取；已记录的内容不受影响。",
                ),
                (
                    "5",
                    "修改被拒绝（找不到事项、类型不符、已关账……）或未获确认；什么也没有改。",
                ),
            ],
            false => &[
                ("0", "Success."),
                ("1", "duty due: something falls due soon or is overdue."),
                (
                    "2",
                    "A mistake on the command line (unknown option, bad date or number).",
                ),
                ("3", "The checklist file is invalid."),
                (
                    "4",
                    "A file could not be read or written, or the ledger is unreadable; what was recorded is unaffected.",
                ),
                (
                    "5",
                    "The change was refused (unknown item, wrong kind, closed year …) or not confirmed; nothing changed.",
                ),
            ],
        }
    }
}
