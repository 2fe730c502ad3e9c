//! The import plan made on every core (`portfolio::import_plan::plan`) is the plan the domain
//! makes one row at a time (`domain::import_plan::plan`): the new prospects' decisions are
//! made in any order, so nothing else may depend on that order. The rows repeat themselves,
//! match the portfolio, lack a registration and bring statuses, so every branch of the plan
//! and the early decision of a repeated new prospect are on the way.

mod common;

use dealdesk::domain::date::Date;
use dealdesk::domain::fields::Field;
use dealdesk::domain::import_plan::{FieldSet, Incoming, Plan};
use dealdesk::domain::money::Money;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::terms::given::GivenTerms;
use dealdesk::domain::vocabulary::Status;
use dealdesk::synth;

/// Prospects the portfolio holds; the rows are prospects of the same seed, so the first this
/// many of them match it.
const STORED: usize = 300;

/// Rows of the file before its repeats: far more new prospects with a status than the
/// parallel plan keeps on one task (16).
const ROWS: usize = 1200;

const STATUSES: [Status; 7] = [
    Status::Approved,
    Status::Declined,
    Status::New,
    Status::ApprovedWithConditions,
    Status::OnHold,
    Status::RoutedToPartner,
    Status::Reviewing,
];

/// Prospect `i` of `seed` as a row brings it in, labelled `label`: every non-empty field is
/// updated, the status cell says `STATUSES[i % 7]`, and some rows give terms, lack their
/// registration, or bring accounts older than the portfolio's and may not replace them.
fn row(i: usize, seed: u64, label: String) -> Incoming {
    // As a CSV row: no id, no decision history, no agreed terms.
    let mut prospect =
        Prospect { id: 0, history: Vec::new(), agreed_terms: None, ..synth::prospect(i, seed) };
    prospect.status = STATUSES[i % STATUSES.len()];
    if i.is_multiple_of(5) {
        // No registration: matched by exact name and country, or new.
        prospect.registration = None;
    }
    if i.is_multiple_of(3) {
        prospect.city = Some(format!("Stad {i}"));
    }
    let keeps_newer_accounts = i.is_multiple_of(11);
    if keeps_newer_accounts && prospect.accounts_date.is_some() {
        // Older than the stored accounts: refused when it matches a stored prospect.
        prospect.accounts_date = Date::new(2015, 12, 31);
    }
    let fields: Vec<Field> = Field::ALL.iter().copied().filter(|f| !f.get(&prospect).is_empty()).collect();
    let terms = if i.is_multiple_of(4) {
        GivenTerms { payment_days: Some(30 + (i % 3) as u32 * 15), ..GivenTerms::default() }
    } else {
        GivenTerms::default()
    };
    Incoming {
        label,
        prospect,
        updates: FieldSet::of(&fields),
        keeps_newer_accounts,
        decided: Default::default(),
        terms,
    }
}

/// The portfolio and the file of `seed`: `STORED` prospects, two of which share a
/// registration, and `ROWS` rows, every seventh repeated later with another status and city.
fn import(seed: u64) -> (Vec<Prospect>, Vec<Incoming>) {
    let mut stored = synth::portfolio(STORED, seed);
    if let Some(registered) = stored.iter().rposition(|p| p.registration.is_some()) {
        // A duplicate in the store: a row with this registration is refused.
        stored[0].registration = stored[registered].registration.clone();
    }
    let mut rows: Vec<Incoming> = (0..ROWS).map(|i| row(i, seed, format!("row {}", i + 2))).collect();
    for i in (0..ROWS).step_by(7) {
        let mut again = row(i, seed, format!("row {}", rows.len() + 2));
        again.prospect.status = STATUSES[(i + 3) % STATUSES.len()];
        again.prospect.city = Some(format!("Elders {i}"));
        again.prospect.revenue = Some(Money::units(i as i64 * 1000));
        again.updates.insert(Field::City);
        again.updates.insert(Field::Revenue);
        rows.push(again);
    }
    (stored, rows)
}

#[test]
fn the_parallel_plan_is_the_sequential_plan() {
    let decider = common::domain::decider("rows.csv");
    for seed in [1, 7, 2024] {
        let (stored, rows) = import(seed);
        let existing: Vec<&Prospect> = stored.iter().collect();
        let sequential: Plan = dealdesk::domain::import_plan::plan(&existing, rows.clone(), &decider);
        let parallel: Plan = dealdesk::portfolio::import_plan::plan(&existing, rows, &decider);

        // Every branch is taken, so the equality below covers them.
        // A new prospect comes in as new: a status other than new is its row's decision.
        let decided = sequential.new.iter().filter(|(_, p)| p.status != Status::New).count();
        assert!(decided > 100, "seed {seed}: {decided} new prospects decided");
        assert!(!sequential.updated.is_empty(), "seed {seed}: no update");
        assert!(!sequential.repeats.is_empty(), "seed {seed}: no repeat");
        let older = sequential.refused.iter().filter(|(_, why)| why.contains("older period")).count();
        assert!(older > 0 && sequential.refused.len() > older, "seed {seed}: {:?}", sequential.refused);
        eprintln!(
            "seed {seed}: {}, {} repeats, {} refused",
            sequential.summary(),
            sequential.repeats.len(),
            sequential.refused.len()
        );

        assert_eq!(parallel.new.len(), sequential.new.len(), "seed {seed}");
        for (i, (p, s)) in parallel.new.iter().zip(&sequential.new).enumerate() {
            assert_eq!(p, s, "seed {seed}: new prospect {i}");
        }
        assert_eq!(parallel, sequential, "seed {seed}");
    }
}
