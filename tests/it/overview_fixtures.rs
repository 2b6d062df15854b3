//! The committed fixtures of `tests/it/fixtures/overview/` are what the generator makes: a small
//! city (`small/`) and every kind of bad input (`inputs/`). `DUTY_WRITE_FIXTURES=1` writes them.

use std::fs;

use super::{fixtures, planned};
use crate::city::{self, Rng, TEMPLATE_ID, YEAR};

/// Regenerate the committed fixtures (`DUTY_WRITE_FIXTURES=1 cargo test … overview::fixtures`).
#[test]
fn fixtures_are_what_the_generator_makes() {
    let mut small: Vec<(String, String)> = Vec::new();
    let mut rng = Rng::new(5);
    for (n, name) in [
        "宜昌市司法局",
        "宜昌市教育局",
        "宜昌市民政局",
        "宜昌市财政局",
        "宜昌市水利局",
    ]
    .iter()
    .enumerate()
    {
        let u = planned(n, name, &mut rng, TEMPLATE_ID, (None, None, false));
        small.push((format!("{name}-2025.duty.ron"), city::unit_text(&u)));
    }
    let renamed = planned(
        6,
        "宜昌市统计局",
        &mut rng,
        TEMPLATE_ID,
        (Some("c07"), Some("t10"), true),
    );
    small.push((
        "宜昌市统计局-2025.duty.ron".into(),
        city::unit_text(&renamed),
    ));
    let cut = city::unit_text(&planned(
        7,
        "宜昌市气象局",
        &mut rng,
        TEMPLATE_ID,
        (None, None, false),
    ));
    small.push((
        "宜昌市气象局-2025.duty.ron".into(),
        cut[..cut.len() * 2 / 3].to_string(),
    ));
    let base = city::unit_text(&planned(
        8,
        "宜昌市档案局",
        &mut rng,
        TEMPLATE_ID,
        (None, None, false),
    ));
    let inputs: Vec<(String, Vec<u8>)> = vec![
        (
            "正常/宜昌市档案局.duty.ron".into(),
            base.clone().into_bytes(),
        ),
        ("截断.duty.ron".into(), base.as_bytes()[..4000].to_vec()),
        (
            "改动过.duty.ron".into(),
            base.replace("宜昌市档案局", "宜昌市档案馆")
                .replacen("numerator: ", "numerator: 1", 1)
                .into_bytes(),
        ),
        (
            "GBK编码.ron".into(),
            b"(duty_unit_file: 1, unit: (name: \"\xd2\xcb\xb2\xfd\"))".to_vec(),
        ),
        ("记事本另存.ron".into(), [0xFF, 0xFE, b'(', 0].to_vec()),
        ("空文件.ron".into(), Vec::new()),
        (
            "台账.ron".into(),
            duty::store::exported(&duty::ledger::Ledger::new(TEMPLATE_ID, YEAR)).into_bytes(),
        ),
        (
            "新版本.duty.ron".into(),
            base.replacen(
                "duty_unit_file: 1,",
                "duty_unit_file: 9,\n    seal: \"x\",",
                1,
            )
            .into_bytes(),
        ),
        (
            "未知字段.duty.ron".into(),
            base.replacen("duty_unit_file: 1,", "duty_unit_file: 1,\n    extra: 1,", 1)
                .into_bytes(),
        ),
        (
            "清单有误.duty.ron".into(),
            base.replacen("due: \"03-31\"", "due: \"02-30\"", 1)
                .into_bytes(),
        ),
        (
            "年度不符.duty.ron".into(),
            base.replacen(
                "year: 2025,\n        closed:",
                "year: 2024,\n        closed:",
                1,
            )
            .into_bytes(),
        ),
        (
            "无名称.duty.ron".into(),
            base.replacen("name: \"宜昌市档案局\"", "name: \"\"", 1)
                .into_bytes(),
        ),
        (
            "名称\u{202e}倒置.ron".into(),
            b"\x1b[31m not a unit file".to_vec(),
        ),
        (
            "嵌套/一/二/三/说明.txt".into(),
            "附件说明".as_bytes().to_vec(),
        ),
    ];
    let write = std::env::var_os("DUTY_WRITE_FIXTURES").is_some();
    let mut stale = Vec::new();
    let mut check = |rel: String, bytes: &[u8]| {
        let path = fixtures().join(&rel);
        if write {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, bytes).unwrap();
        } else if !path.exists() {
            stale.push(format!("{rel} is missing"));
        } else if rel.ends_with(".duty.ron") && fs::read(&path).unwrap() != bytes {
            // Unit files are what this build writes; the other inputs stand for files made
            // elsewhere (a ledger of an earlier duty, a Notepad save) and stay as they are.
            stale.push(format!("{rel} differs"));
        }
    };
    for (rel, text) in small {
        check(format!("small/{rel}"), text.as_bytes());
    }
    for (rel, bytes) in inputs {
        check(format!("inputs/{rel}"), &bytes);
    }
    assert!(
        stale.is_empty(),
        "regenerate with DUTY_WRITE_FIXTURES=1: {stale:?}"
    );
}
