//! The forms validated as the officer types: each bad field said, dates as officers write
//! them, a rate as on the command line, who presided and attended, the items a session also
//! counts for, and long or dirty pastes.

use super::*;
use jiff::civil::date;

/// Validate against the built-in 2024 checklist on 30 June 2025 (every day of the
/// window has passed).
fn check(f: &mut Form, lang: Lang) -> Option<Submit> {
    let checklist = crate::checklist::load(
        crate::checklist::BUILTIN_DEFAULT.as_bytes(),
        "t",
        2024,
        Lang::Zh,
    )
    .unwrap();
    f.validate(lang, &checklist, date(2025, 6, 30))
}

#[test]
fn log_form_reports_each_bad_field() {
    let mut f = Form::new(
        FormKind::Log { hours: true },
        Lang::Zh,
        "h",
        "学时",
        &["2024-13-01"],
    );
    assert_eq!(check(&mut f, Lang::Zh), None);
    let s = crate::i18n::screen::of(Lang::Zh);
    assert_eq!(f.fields[0].error, Some(s.e_no_such_day), "month 13");
    // Empty fields not yet typed in are not scolded until a submit is tried.
    assert_eq!(f.fields[1].error, None);
    assert_eq!(f.fields[2].error, None);
    f.submitted = true;
    assert_eq!(check(&mut f, Lang::Zh), None);
    assert_eq!(f.fields[1].error, Some(s.e_topic));
    assert_eq!(f.fields[2].error, Some(s.e_hours));
    assert_eq!(f.fields[3].error, None);
    let mut date_of = |text: &str| {
        f.fields[0] = Field::new("", text);
        check(&mut f, Lang::Zh);
        f.fields[0].error
    };
    assert_eq!(date_of("2024年2月30日"), Some(s.e_no_such_day));
    assert_eq!(date_of("下周三"), Some(s.e_date));
    assert_eq!(date_of("2024年2月29日"), None);
}

#[test]
fn log_form_accepts_chinese_date_and_topic() {
    let mut f = Form::new(
        FormKind::Log { hours: true },
        Lang::Zh,
        "h",
        "学时",
        &["2024年3月28日", "  宪法  ", "2.5", "签到表"],
    );
    assert_eq!(
        check(&mut f, Lang::Zh),
        Some(change(Change::Log {
            item: "h".into(),
            date: date(2024, 3, 28),
            topic: "宪法".into(),
            hours: Some(2.5),
            evidence: "签到表".into(),
            people: Default::default(),
            also: Vec::new(),
        }))
    );
}

#[test]
fn a_session_keeps_who_presided_and_attended_and_the_items_it_also_counts_for() {
    // The count item's form: date, topic, evidence, presided, attended, also.
    let log = |also: &str| {
        let mut f = Form::new(
            FormKind::Log { hours: false },
            Lang::Zh,
            "center-group",
            "中心组",
            &["2024-03-28", "宪法", "纪要", " 张局长 ", "班子成员", also],
        );
        let submit = check(&mut f, Lang::Zh);
        (submit, f.fields[5].error)
    };
    let logged = |also: &[&str]| {
        Some(change(Change::Log {
            item: "center-group".into(),
            date: date(2024, 3, 28),
            topic: "宪法".into(),
            hours: None,
            evidence: "纪要".into(),
            people: People {
                presided: "张局长".into(),
                attended: "班子成员".into(),
            },
            also: also.iter().map(|s| s.to_string()).collect(),
        }))
    };
    assert_eq!(log(""), (logged(&[]), None));
    // Named as on the command line: id, title, a part of the title only one item has;
    // several between 、 or commas, but a whole title that holds a 、 is one item.
    assert_eq!(
        log("会前学法，lectures、旁听"),
        (
            logged(&["pre-meeting-study", "lectures", "court-hearing"]),
            None
        )
    );
    assert_eq!(
        log("党组会、局务会专题研究法治建设"),
        (logged(&["party-meetings"]), None)
    );
    let s = crate::i18n::screen::of(Lang::Zh);
    assert_eq!(log("没有这一项"), (None, Some(s.e_also_unknown)));
    assert_eq!(log("法治"), (None, Some(s.e_also_several)));
    assert_eq!(log("annual-plan"), (None, Some(s.e_also_kind)));
    let mut hours = Form::new(
        FormKind::Log { hours: true },
        Lang::Zh,
        "study-hours",
        "学时",
        &["2024-03-28", "宪法", "2", "", "", "", "中心组"],
    );
    assert!(matches!(
        check(&mut hours, Lang::Zh),
        Some(Submit::Change(c)) if matches!(&*c, Change::Log { also, hours: Some(_), .. } if also == &["center-group"])
    ));
}

#[test]
fn an_entry_is_corrected_with_who_presided_and_attended() {
    let mut f = Form::new(
        FormKind::Edit {
            hours: false,
            entry: "e1".into(),
        },
        Lang::En,
        "center-group",
        "t",
        &["2024-03-28", "Constitution", "", "Director Zhang", ""],
    );
    assert!(matches!(
        check(&mut f, Lang::En),
        Some(Submit::Change(c)) if matches!(&*c, Change::Edit { presided: Some(p), attended: Some(a), .. } if p == "Director Zhang" && a.is_empty())
    ));
}

#[test]
fn hours_above_a_long_course_and_dates_outside_the_year_are_refused() {
    let mut f = Form::new(
        FormKind::Log { hours: true },
        Lang::En,
        "h",
        "t",
        &["2023-12-31", "x", "200.5", ""],
    );
    assert_eq!(check(&mut f, Lang::En), None);
    assert_eq!(
        f.fields[0].error,
        Some(crate::i18n::screen::of(Lang::En).e_date_outside)
    );
    assert_eq!(
        f.fields[2].error,
        Some(crate::i18n::screen::of(Lang::En).e_hours)
    );
}

#[test]
fn rate_denominator_must_cover_numerator() {
    let mut f = Form::new(
        FormKind::Rate,
        Lang::Zh,
        "r",
        "t",
        &["47", "46", "2024-05-01"],
    );
    assert_eq!(check(&mut f, Lang::Zh), None);
    assert_eq!(
        f.fields[1].error,
        Some(crate::i18n::screen::of(Lang::Zh).e_denominator)
    );
}

#[test]
fn a_rate_may_be_typed_as_on_the_command_line() {
    let mut f = Form::new(
        FormKind::Rate,
        Lang::Zh,
        "r",
        "t",
        &["46/46", "", "2024-05-01"],
    );
    assert!(matches!(
        check(&mut f, Lang::Zh),
        Some(Submit::Change(c)) if matches!(*c, Change::Rate { numerator: 46, denominator: 46, .. })
    ));
    let mut none = Form::new(
        FormKind::Rate,
        Lang::Zh,
        "r",
        "t",
        &["无", "", "2024-05-01"],
    );
    assert!(matches!(
        check(&mut none, Lang::Zh),
        Some(Submit::Change(c)) if matches!(*c, Change::Rate { numerator: 0, denominator: 0, .. })
    ));
    let mut clash = Form::new(
        FormKind::Rate,
        Lang::Zh,
        "r",
        "t",
        &["46/46", "50", "2024-05-01"],
    );
    assert_eq!(check(&mut clash, Lang::Zh), None);
}

#[test]
fn dates_as_officers_write_them_and_a_year_to_say_when_unclear() {
    let mut f = Form::new(FormKind::Check, Lang::Zh, "c", "t", &["8月5日"]);
    assert!(matches!(
        check(&mut f, Lang::Zh),
        Some(Submit::Change(c)) if matches!(*c, Change::Check { date, .. } if date == jiff::civil::date(2024, 8, 5))
    ));
    let mut unclear = Form::new(FormKind::Check, Lang::Zh, "c", "t", &["1月10日"]);
    assert_eq!(check(&mut unclear, Lang::Zh), None);
    assert_eq!(
        unclear.fields[0].error,
        Some(crate::i18n::screen::of(Lang::Zh).e_which_year)
    );
}

#[test]
fn a_long_paste_is_one_edit_and_capped() {
    let mut field = Field::new("x", "前后");
    field.edit(InputRequest::GoToPrevChar);
    let big = "学".repeat(200_000);
    assert!(!field.paste(&big), "said to be cut");
    assert_eq!(field.value().chars().count(), MAX_FIELD_CHARS);
    assert!(field.value().starts_with("前学") && field.value().ends_with("学后"));
    let mut small = Field::new("x", "ab");
    assert!(small.paste("学"));
    assert_eq!((small.value(), small.input.cursor()), ("ab学", 3));
}

#[test]
fn paste_strips_control_characters() {
    let mut field = Field::new("x", "");
    field.paste("宪法\x1b[31m学习\n第二行\u{202E}");
    assert_eq!(field.value(), "宪法[31m学习 第二行");
    field.edit(InputRequest::InsertChar('\x07'));
    assert_eq!(field.value(), "宪法[31m学习 第二行");
}

/// A count item's log form, its 同时计入 field holding `also`.
fn count_form(also: &str) -> Form {
    Form::new(
        FormKind::Log { hours: false },
        Lang::Zh,
        "center-group",
        "中心组",
        &["2024-03-28", "宪法", "", "", "", also],
    )
}

#[test]
fn an_hours_item_named_under_also_brings_the_hours_field_as_duty_log_hours_does() {
    let s = crate::i18n::screen::of(Lang::Zh);
    let mut f = count_form("");
    f.focus = 5;
    assert!(check(&mut f, Lang::Zh).is_some());
    assert_eq!(f.fields.len(), 6, "no hours for a count item alone");
    // Naming the hours item (as `duty log center-group --also study-hours --hours 2`).
    f.fields[5] = Field::new(s.f_also, "study-hours");
    assert_eq!(check(&mut f, Lang::Zh), None, "the hours are wanted now");
    assert_eq!(f.kind, FormKind::Log { hours: true });
    assert_eq!(f.fields.len(), 7);
    assert_eq!(f.fields[2].label, s.f_hours);
    assert_eq!(f.focus, 6, "the cursor stays in the field being typed in");
    f.submitted = true;
    check(&mut f, Lang::Zh);
    assert_eq!(f.fields[2].error, Some(s.e_hours));
    f.fields[2] = Field::new(s.f_hours, "2");
    let logged = |hours: Option<f64>, also: &[&str]| {
        Some(change(Change::Log {
            item: "center-group".into(),
            date: date(2024, 3, 28),
            topic: "宪法".into(),
            hours,
            evidence: String::new(),
            people: People::default(),
            also: also.iter().map(|s| s.to_string()).collect(),
        }))
    };
    assert_eq!(check(&mut f, Lang::Zh), logged(Some(2.0), &["study-hours"]));
    // Half-typed names leave the form as it is, rather than flicker.
    f.fields[6] = Field::new(s.f_also, "法治");
    assert_eq!(check(&mut f, Lang::Zh), None);
    assert_eq!(f.fields.len(), 7);
    // Taken out again, the field goes (its hours kept), and comes back with them.
    f.fields[6] = Field::new(s.f_also, "会前学法");
    assert_eq!(
        check(&mut f, Lang::Zh),
        logged(None, &["pre-meeting-study"])
    );
    assert_eq!(f.fields.len(), 6);
    assert_eq!(f.focus, 5);
    f.fields[5] = Field::new(s.f_also, "会前学法、study-hours");
    assert_eq!(
        check(&mut f, Lang::Zh),
        logged(Some(2.0), &["pre-meeting-study", "study-hours"])
    );
}

#[test]
fn the_attach_form_names_files_an_entry_and_a_day() {
    let w = Lang::Zh.words();
    let attach = |files: &str, entry: &str, day: &str| {
        let mut f = Form::new(
            FormKind::Attach {
                entries: vec!["e1".into()],
            },
            Lang::Zh,
            "party-meetings",
            "党组会",
            &[files, entry, day],
        );
        f.submitted = true;
        let submit = check(&mut f, Lang::Zh);
        let errors: Vec<_> = f.fields.iter().map(|f| f.error).collect();
        (submit, errors)
    };
    let (submit, errors) = attach("'会议 纪要.pdf' 签到表.jpg", "#e1", "2024-03-28");
    assert_eq!(errors, [None, None, None]);
    assert_eq!(
        submit,
        Some(Submit::Attach(Box::new(AttachAsk {
            item: "party-meetings".into(),
            entry: Some("e1".into()),
            date: Some(date(2024, 3, 28)),
            whole: "'会议 纪要.pdf' 签到表.jpg".into(),
            split: vec!["会议 纪要.pdf".into(), "签到表.jpg".into()],
        })))
    );
    // Empty entry and day: the item itself, on the day the ledger gives it.
    let (submit, _) = attach("纪要.pdf", "", "");
    assert!(matches!(submit, Some(Submit::Attach(a)) if a.entry.is_none() && a.date.is_none()));
    let (submit, errors) = attach("", "e2", "2月30日");
    assert_eq!(submit, None);
    assert_eq!(
        errors,
        [
            Some(w.e_no_files()),
            Some(w.e_attach_entry()),
            Some(crate::i18n::screen::of(Lang::Zh).e_no_such_day)
        ]
    );
}
