//! The interactive screen with a 10,000-item checklist: one frame at 200×60, a movement key,
//! a filter change, a search keystroke, and the recompute after a change (issue 4; figures
//! in BENCHMARKS.md).

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use duty::checklist::Checklist;
use duty::i18n::Lang;
use duty::ledger::{Change, Ledger, Stamp, resolve};
use duty::tui::App;
use duty::tui::app::{Action, update};
use duty::tui::theme::Theme;
use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use tui_input::InputRequest;

/// 100 sections of 100 items, the four kinds in turn, Chinese titles.
fn checklist(sections: usize, per: usize) -> Checklist {
    let mut ron = String::from(
        "(id: \"bench\", title: \"基准清单\", organization: \"某局\", report: (heading: \"三、{year}年度\", opening: \"开头\", closing: \"结尾\"), sections: [",
    );
    for s in 0..sections {
        write!(ron, "(id: \"s{s}\", title: \"栏目{s}\", items: [").unwrap();
        for i in 0..per {
            let kind = match i % 4 {
                0 => "Task",
                1 => "Count(target: 4)",
                2 => "Rate(target: 100)",
                _ => "Hours(target: 20)",
            };
            let due = format!("{:02}-28", i % 12 + 1);
            write!(
                ron,
                "(id: \"s{s}-i{i}\", title: \"第{s}栏第{i}项 法治建设专题学习\", owner: \"法规科\", kind: {kind}, due: \"{due}\", evidence: \"纪要\", report: \"完成\"),"
            )
            .unwrap();
        }
        ron.push_str("]),");
    }
    ron.push_str("])");
    duty::checklist::load(ron.as_bytes(), "bench", 2024, Lang::Zh)
        .expect("generated checklist is valid")
}

/// Something recorded for a quarter of the items.
fn ledger(c: &Checklist) -> Ledger {
    let mut l = Ledger::new(&c.id, c.year);
    let stamp = Stamp {
        today: date(2024, 11, 27),
        at: jiff::Timestamp::UNIX_EPOCH,
        by: "bench".into(),
    };
    for (n, (_, item)) in c.items().enumerate().filter(|(n, _)| n % 4 < 2) {
        let change = match n % 4 {
            0 => Change::Check {
                item: item.id.clone(),
                date: date(2024, 3, 1),
                evidence: String::new(),
            },
            _ => Change::Log {
                item: item.id.clone(),
                date: date(2024, 5, 1),
                topic: format!("宪法学习{n}"),
                hours: None,
                evidence: String::new(),
                people: Default::default(),
                also: Vec::new(),
            },
        };
        let op = resolve(c, &l, &change, &stamp).unwrap();
        l.apply(&op).unwrap();
    }
    l
}

fn app() -> App {
    let c = checklist(100, 100);
    let l = ledger(&c);
    let theme = Theme {
        mono: false,
        ascii: false,
    };
    let mut app = App::new(Lang::Zh, date(2024, 11, 27), theme, c, Ok(l));
    update(
        &mut app,
        Action::Resize {
            width: 200,
            height: 60,
        },
    );
    // Somewhere in the middle, as after some scrolling.
    for _ in 0..5000 {
        update(&mut app, Action::Down);
    }
    app
}

fn bench(c: &mut Criterion) {
    let mut app = app();
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    c.bench_function("screen/render 200x60, 10k items", |b| {
        b.iter(|| {
            buf.reset();
            black_box(&app).render(area, &mut buf);
        })
    });
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("screen/draw 200x60 via Terminal, 10k items", |b| {
        b.iter(|| {
            term.draw(|f| duty::tui::view::draw(&app, f)).unwrap();
        })
    });
    let mut down = true;
    c.bench_function("screen/key move, 10k items", |b| {
        b.iter(|| {
            down = !down;
            update(&mut app, if down { Action::Down } else { Action::Up })
        })
    });
    c.bench_function("screen/filter change, 10k items", |b| {
        b.iter(|| update(&mut app, Action::CycleFilter))
    });
    // The work after every saved change (never per key): status of every item, rows, filter.
    c.bench_function("screen/recompute after a change, 10k items", |b| {
        b.iter(|| app.recompute())
    });
    update(&mut app, Action::Search);
    update(&mut app, Action::Edit(InputRequest::InsertChar('宪')));
    let mut typed = false;
    c.bench_function("screen/search keystroke, 10k items", |b| {
        b.iter(|| {
            typed = !typed;
            let req = if typed {
                InputRequest::InsertChar('法')
            } else {
                InputRequest::DeletePrevChar
            };
            update(&mut app, Action::Edit(req))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
