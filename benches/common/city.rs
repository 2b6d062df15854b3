//! A generated city for `duty overview`: a 30-item template checklist and, per unit, a plan
//! of what state each item is in (done, overdue, behind pace, below target, open, with or
//! without evidence), a ledger made to match the plan, and the unit file `duty submit`
//! would write. The plan gives every figure the overview must show, worked out here from
//! the plan alone, so tests check the overview against it, not against its own code.
//!
//! Shared by `benches/overview.rs` and the integration tests (`#[path]`), deterministic for
//! a seed: the same city every run.

#![allow(dead_code)] // the tests and the benchmark each use a part

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::{Date, date};

use duty::checklist::{self, Checklist};
use duty::i18n::Lang;
use duty::ledger::{Done, Entry, ItemRecord, Ledger, RateRecord};
use duty::overview::UnitHeader;
use duty::store::unit_file;

/// The day the city is looked at.
pub const TODAY: Date = date(2025, 11, 20);
pub const YEAR: i16 = 2025;
pub const TEMPLATE_ID: &str = "city-2025";

/// One template item: id, title, kind as written, target, due (MM-DD, or `next-` …).
struct Spec {
    id: &'static str,
    title: &'static str,
    kind: Kind,
    due: &'static str,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Task,
    Count(u32),
    Rate,
    Hours(f64),
}

const fn s(id: &'static str, title: &'static str, kind: Kind, due: &'static str) -> Spec {
    Spec {
        id,
        title,
        kind,
        due,
    }
}

const SECTIONS: [(&str, &[Spec]); 6] = [
    (
        "第一责任人职责",
        &[
            s("t01", "将法治建设纳入年度工作要点", Kind::Task, "03-31"),
            s("t02", "审定上年度法治政府建设年度报告", Kind::Task, "02-28"),
            s("c01", "党组会专题研究法治建设", Kind::Count(2), "12-31"),
            s("c02", "主要负责人督办法治事项", Kind::Count(1), "12-31"),
            s("t03", "签订不干预司法“三个规定”承诺", Kind::Task, "06-30"),
            s(
                "t04",
                "履职情况列入年终述职（述法）",
                Kind::Task,
                "next-03-01",
            ),
        ],
    ),
    (
        "依法决策",
        &[
            s("c03", "聘请法律顾问或公职律师", Kind::Count(1), "06-30"),
            s("r01", "重大行政决策合法性审查率", Kind::Rate, "12-31"),
            s("r02", "行政规范性文件报备率", Kind::Rate, "10-31"),
            s("t05", "建立合法性审查工作机制", Kind::Task, "09-30"),
            s("t06", "公布年度重大行政决策事项目录", Kind::Task, "12-31"),
        ],
    ),
    (
        "依法行政",
        &[
            s("r03", "行政机关负责人出庭应诉率", Kind::Rate, "12-31"),
            s("c04", "开展行政执法案卷评查", Kind::Count(2), "12-31"),
            s("t07", "行政执法“三项制度”落实情况自查", Kind::Task, "08-31"),
            s("c05", "组织旁听庭审", Kind::Count(1), "12-31"),
        ],
    ),
    (
        "学法",
        &[
            s("t08", "制定年度学法计划", Kind::Task, "03-31"),
            s(
                "c06",
                "党组理论学习中心组法治专题学习",
                Kind::Count(4),
                "12-31",
            ),
            s("c07", "会前学法", Kind::Count(12), "12-31"),
            s(
                "h01",
                "领导干部个人年度学法学时",
                Kind::Hours(20.0),
                "12-31",
            ),
            s("h02", "中心组集体学法学时", Kind::Hours(40.0), "12-31"),
        ],
    ),
    (
        "培训",
        &[
            s("r04", "国家工作人员学法考试参考率", Kind::Rate, "12-31"),
            s("r05", "学法考试合格率", Kind::Rate, "12-31"),
            s("c08", "举办法治专题讲座或培训班", Kind::Count(2), "12-31"),
            s(
                "h03",
                "行政执法人员法治培训学时",
                Kind::Hours(40.0),
                "12-31",
            ),
            s("c09", "新任职领导干部法治培训", Kind::Count(1), "09-30"),
        ],
    ),
    (
        "普法",
        &[
            s("t09", "落实“谁执法谁普法”责任清单", Kind::Task, "12-31"),
            s("t10", "开展“12·4”国家宪法日宣传活动", Kind::Task, "12-10"),
            s("c10", "开展法律进机关活动", Kind::Count(4), "12-31"),
            s("h04", "普法志愿服务学时", Kind::Hours(10.0), "12-31"),
            s("h05", "网上学法学时", Kind::Hours(30.0), "12-31"),
        ],
    ),
];

/// The template checklist as RON. `rename` gives one item another title, `drop` leaves one
/// out and `add` adds one of the unit's own (for units that changed the template).
pub fn template_ron(
    organization: &str,
    id: &str,
    rename: Option<&str>,
    drop: Option<&str>,
    add: bool,
) -> String {
    let mut out = format!(
        "(\n    id: \"{id}\",\n    title: \"{YEAR}年度法治建设第一责任人职责清单\",\n    organization: \"{organization}\",\n    year: {YEAR},\n    sections: [\n"
    );
    for (k, (title, items)) in SECTIONS.iter().enumerate() {
        let _ = writeln!(out, "        (id: \"s{k}\", title: \"{title}\", items: [");
        for it in items.iter().filter(|it| Some(it.id) != drop) {
            let kind = match it.kind {
                Kind::Task => "Task".to_string(),
                Kind::Count(t) => format!("Count(target: {t})"),
                Kind::Rate => "Rate(target: 100)".to_string(),
                Kind::Hours(t) => format!("Hours(target: {t})"),
            };
            let title = if Some(it.id) == rename {
                format!("{}（本单位）", it.title)
            } else {
                it.title.to_string()
            };
            let _ = writeln!(
                out,
                "            (id: \"{}\", title: \"{title}\", owner: \"办公室\", kind: {kind}, due: \"{}\", evidence: \"会议纪要或文件\"),",
                it.id, it.due
            );
        }
        if add && k == 5 {
            out.push_str("            (id: \"own-1\", title: \"本单位自定事项\", kind: Task, due: \"12-31\"),\n");
        }
        out.push_str("        ]),\n");
    }
    out.push_str("    ],\n)\n");
    out
}

/// A small deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
}

/// The figures a unit's row must show, worked out from its plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Expect {
    pub items: u32,
    pub complete: u32,
    pub overdue: u32,
    pub behind: u32,
    pub below: u32,
    pub no_evidence: u32,
}

impl Expect {
    /// The score as the README defines it.
    pub fn score(&self) -> u32 {
        3 * self.overdue + 2 * self.behind + 2 * self.below + self.no_evidence
    }
}

/// One unit as planned.
pub struct Unit {
    pub name: String,
    pub checklist: Checklist,
    pub ledger: Ledger,
    pub header: UnitHeader,
    pub expect: Expect,
    /// Logged sessions in its ledger.
    pub sessions: usize,
}

/// The day `n` days after 1 January of the year.
fn day(n: i64) -> Date {
    date(YEAR, 1, 1)
        .checked_add(jiff::Span::new().days(n))
        .unwrap()
}

/// Share of 1 January – `due` elapsed by the end of [`TODAY`] (both ends count), as the
/// pacing rule documented in `review::pace` says.
fn share(due: Date) -> f64 {
    if TODAY >= due {
        return 1.0;
    }
    let from = date(YEAR, 1, 1);
    let total = (due - from).get_days() as f64 + 1.0;
    let done = (TODAY - from).get_days() as f64 + 1.0;
    done / total
}

fn due_of(due: &str) -> Date {
    match due.strip_prefix("next-") {
        Some(md) => format!("{}-{md}", YEAR + 1).parse().unwrap(),
        None => format!("{YEAR}-{due}").parse().unwrap(),
    }
}

/// Plan and build unit `n` of the city: its diligence (how much of its year is done) comes
/// from `rng`; `sessions` is about how many sessions it logs (more are added to complete
/// counted items, never changing a state).
pub fn unit(n: usize, name: &str, checklist_ron: &str, rng: &mut Rng, sessions: usize) -> Unit {
    let checklist = checklist::load(checklist_ron.as_bytes(), name, YEAR, Lang::Zh)
        .unwrap_or_else(|e| panic!("{}", e[0]));
    let diligence = 0.35 + 0.6 * (rng.below(1000) as f64 / 1000.0);
    let mut ledger = Ledger::new(&checklist.id, YEAR);
    let mut e = Expect {
        items: checklist.item_count() as u32,
        ..Expect::default()
    };
    let mut entry_no = 0usize;
    let mut logged = 0usize;
    let mut done_counts: Vec<String> = Vec::new();
    let mut entry = |item: &str, k: usize, hours: Option<f64>, evidence: bool| {
        entry_no += 1;
        Entry {
            id: format!("u{n}e{entry_no}").into(),
            date: day((k as i64 * 17 + entry_no as i64) % 300),
            topic: format!("{item} 第{k}次学习《中华人民共和国行政诉讼法》"),
            hours,
            evidence: if evidence {
                format!("纪要〔{YEAR}〕{entry_no}号").into()
            } else {
                Default::default()
            },
            by: "张三".into(),
            presided: String::new(),
            attended: String::new(),
            linked: Vec::new(),
        }
    };
    for (_, item) in checklist.items() {
        let due = item.due_date(YEAR);
        let past = due < TODAY;
        let evidence = rng.chance(0.85);
        let mut record = ItemRecord::default();
        let mut recorded = false;
        match item.kind {
            checklist::Kind::Task => {
                let done = rng.chance(if past { diligence } else { diligence * 0.5 });
                if done {
                    record.done = Some(Done {
                        date: day(rng.below(200) as i64),
                        evidence: if evidence {
                            "局党组〔2025〕3号".into()
                        } else {
                            String::new()
                        },
                        by: "张三".into(),
                    });
                    recorded = true;
                    e.complete += 1;
                } else if past {
                    e.overdue += 1;
                }
            }
            checklist::Kind::Count { target } => {
                let expected = (f64::from(target) * share(due) + 1e-9).floor() as u32;
                let (count, state) = if rng.chance(diligence) {
                    (target, 'd')
                } else if past {
                    (rng.below(u64::from(target)) as u32, 'o')
                } else if expected >= 1 && rng.chance(0.6) {
                    (rng.below(u64::from(expected)) as u32, 'b')
                } else {
                    // On pace: at least what pace asks, short of the target.
                    (
                        expected + rng.below(u64::from(target - expected)) as u32,
                        'p',
                    )
                };
                for k in 0..count {
                    let with = evidence || k > 0;
                    record.entries.push(entry(&item.id, k as usize, None, with));
                }
                logged += count as usize;
                recorded = count > 0;
                match state {
                    'd' => {
                        e.complete += 1;
                        done_counts.push(item.id.clone());
                    }
                    'o' => e.overdue += 1,
                    'b' => e.behind += 1,
                    _ => {}
                }
            }
            checklist::Kind::Hours { target } => {
                let expected = target * share(due);
                let (total, state) = if rng.chance(diligence) {
                    (target, 'd')
                } else if rng.chance(0.6) {
                    ((expected * 0.5).floor(), 'b')
                } else {
                    ((target * 0.95 * 2.0).floor() / 2.0, 'p')
                };
                let mut left = total;
                let mut k = 0;
                while left > 0.0 {
                    let h = left.min(4.0);
                    let with = evidence || k > 0;
                    record.entries.push(entry(&item.id, k, Some(h), with));
                    left -= h;
                    k += 1;
                    logged += 1;
                }
                recorded = k > 0;
                match state {
                    'd' => e.complete += 1,
                    'b' if total < expected - 0.05 => e.behind += 1,
                    _ => {}
                }
            }
            checklist::Kind::Rate { .. } => {
                let roll = rng.below(100) as f64 / 100.0;
                let den = 20 + rng.below(60);
                let (num, state) = if roll < diligence {
                    (den, 'd')
                } else if roll < diligence + (1.0 - diligence) * 0.6 {
                    (den - 1 - rng.below(den / 4), 'l')
                } else {
                    (0, 'u')
                };
                if state != 'u' {
                    record.rate = Some(RateRecord {
                        numerator: num,
                        denominator: den,
                        date: day(250),
                        evidence: if evidence {
                            "考试平台名单".into()
                        } else {
                            String::new()
                        },
                        by: "张三".into(),
                    });
                    recorded = true;
                }
                match state {
                    'd' => e.complete += 1,
                    'l' => {
                        e.below += 1;
                        e.overdue += u32::from(past);
                    }
                    _ => e.overdue += u32::from(past),
                }
            }
        }
        if recorded && !evidence {
            e.no_evidence += 1;
        }
        if recorded {
            ledger.items.insert(item.id.clone(), record);
        }
    }
    // More sessions on items already complete: the states stay as planned.
    let mut k = 0;
    while logged < sessions && !done_counts.is_empty() {
        let id = done_counts[k % done_counts.len()].clone();
        let extra = entry(&id, 100 + k, None, true);
        if let Some(r) = ledger.items.get_mut(&id) {
            r.entries.push(extra);
        }
        logged += 1;
        k += 1;
    }
    for r in ledger.items.values_mut() {
        r.entries.sort_by_key(|e| e.date);
    }
    ledger.seq = 10 + logged as u64;
    let header = UnitHeader {
        name: name.to_string(),
        checklist: checklist.id.clone(),
        year: YEAR,
        exported_at: stamp(n as i64 * 60),
        exported_by: "张三".into(),
        duty_version: "0.1.0".into(),
        last_change: Some(stamp(-(n as i64 % 40) * 86_400)),
        changes: ledger.seq,
    };
    Unit {
        name: name.to_string(),
        checklist,
        ledger,
        header,
        expect: e,
        sessions: logged,
    }
}

/// A moment `offset` seconds after 2025-11-19 10:00 in Beijing.
pub fn stamp(offset: i64) -> Timestamp {
    Timestamp::from_second(1_763_517_600 + offset).unwrap()
}

/// The unit file of `u`.
pub fn unit_text(u: &Unit) -> String {
    unit_file::serialize(&u.header, &u.checklist, &u.ledger)
}

/// A name for unit `n`: the city's bureaus, then numbered ones.
pub fn unit_name(n: usize) -> String {
    const NAMES: [&str; 12] = [
        "市司法局",
        "市发展和改革委员会",
        "市教育局",
        "市公安局",
        "市民政局",
        "市财政局",
        "市人力资源和社会保障局",
        "市自然资源局",
        "市生态环境局",
        "市住房和城乡建设局",
        "市交通运输局",
        "市水利局",
    ];
    match NAMES.get(n) {
        Some(name) => format!("宜昌{name}"),
        None => format!("宜昌市第{n}号直属单位"),
    }
}

/// A unit as written: what its row must show, and where its file is.
pub struct Planned {
    pub name: String,
    pub header: UnitHeader,
    pub expect: Expect,
    pub sessions: usize,
    pub path: PathBuf,
}

/// Write `units` plain unit files (one folder per 25, as offices file them) under `dir`,
/// each about `sessions` sessions; the units as planned.
pub fn write_city(dir: &Path, units: usize, sessions: usize, seed: u64) -> Vec<Planned> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(units);
    for n in 0..units {
        let name = unit_name(n);
        let ron = template_ron(&name, TEMPLATE_ID, None, None, false);
        let u = unit(n, &name, &ron, &mut rng, sessions);
        let folder = dir.join(format!("第{}批", n / 25 + 1));
        fs::create_dir_all(&folder).unwrap();
        let path = folder.join(format!("{name}-{YEAR}.duty.ron"));
        fs::write(&path, unit_text(&u)).unwrap();
        // The ledger and checklist are dropped here: a province of 5,000 is generated
        // without holding them all.
        out.push(Planned {
            name: u.name,
            header: u.header,
            expect: u.expect,
            sessions: u.sessions,
            path,
        });
    }
    out
}
