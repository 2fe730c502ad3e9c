//! The block reader against what `encode` writes, other layouts, errors and truncation.

use super::*;
use crate::store::encode;

fn prospects(n: u64) -> Vec<Prospect> {
    (1..=n)
        .map(|id| Prospect { id, dbt_days: Some(id as u32 % 90), ..Prospect::named(&format!("P{id}")) })
        .collect()
}

fn read_all(path: &Path) -> Result<(Vec<Prospect>, usize), StoreError> {
    let mut all = Vec::new();
    let mut chunks = 0;
    read_in_chunks(path, &mut |c, progress| {
        if progress.started_over {
            all.clear();
        }
        all.extend(c);
        chunks += 1;
    })?;
    Ok((all, chunks))
}

#[test]
fn reads_back_what_encode_wrote_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    for n in [0, 1, 2, 3, 1000] {
        let want = prospects(n);
        std::fs::write(&path, encode(&want).unwrap()).unwrap();
        assert_eq!(read_all(&path).unwrap().0, want, "{n}");
    }
}

#[test]
fn a_file_with_our_header_but_another_layout_is_read_whole_after_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let mut text = String::from_utf8(encode(prospects(6)).unwrap()).unwrap();
    text = text.replacen("},\n{", "}, {", 2);
    std::fs::write(&path, &text).unwrap();
    assert_eq!(read_all(&path).unwrap().0, prospects(6));
}

#[test]
fn a_hand_written_layout_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    std::fs::write(&path, r#"{"prospects": [{"id": 1, "name": "A"}, {"id": 2, "name": "B"}], "schema": 1}"#)
        .unwrap();
    let (all, chunks) = read_all(&path).unwrap();
    assert_eq!((all.len(), chunks), (2, 1));
}

#[test]
fn errors_name_the_line_and_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let mut text = String::from_utf8(encode(prospects(5)).unwrap()).unwrap();
    text = text.replace("\"dbt_days\":3", "\"dbt_days\":\"many\"");
    std::fs::write(&path, &text).unwrap();
    match read_all(&path) {
        Err(StoreError::Corrupt { line, message, .. }) => {
            assert_eq!(line, 4);
            assert!(message.contains("prospects[2].dbt_days"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_last_prospect_with_history_is_not_taken_for_the_end() {
    use crate::domain::date::Date;
    use crate::domain::prospect::DecisionRecord;
    use crate::domain::vocabulary::{Band, Status};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let mut all = prospects(3);
    let terms = crate::domain::prospect::Terms {
        payment_days: 30,
        advance_pct: crate::domain::money::Pct::ZERO,
        discount_pct: crate::domain::money::Pct::ZERO,
        discount_days: 0,
        credit_limit: crate::domain::money::Money::ZERO,
        delivery: crate::domain::vocabulary::Delivery::Standard,
        security: crate::domain::vocabulary::Security::None,
        security_amount: crate::domain::money::Money::ZERO,
        channel: crate::domain::vocabulary::Channel::Direct,
        review_months: 12,
    };
    all[2].history.push(DecisionRecord {
        date: Date::EPOCH,
        decided_at: None,
        decided_by: None,
        status: Status::Approved,
        terms,
        deviations: Some(Vec::new()),
        note: String::new(),
        band: Band::A,
        score: None,
        risk_adjusted_profit: None,
    });
    let bytes = encode(&all).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(read_all(&path).unwrap().0, all);
    // Cut right after a whole line: still a truncated file.
    let cut = bytes.iter().rposition(|b| *b == b'\n').unwrap();
    let cut = bytes[..cut].iter().rposition(|b| *b == b'\n').unwrap() + 1;
    std::fs::write(&path, &bytes[..cut]).unwrap();
    assert!(matches!(read_all(&path), Err(StoreError::Corrupt { .. })));
}

#[test]
fn truncation_and_newer_schemas_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let whole = encode(prospects(50)).unwrap();
    std::fs::write(&path, &whole[..whole.len() - 40]).unwrap();
    assert!(matches!(read_all(&path), Err(StoreError::Corrupt { .. })));
    std::fs::write(&path, b"{\"schema\": 7, \"prospects\": [\n]}\n").unwrap();
    assert!(matches!(read_all(&path), Err(StoreError::NewerSchema { found: 7, .. })));
}
