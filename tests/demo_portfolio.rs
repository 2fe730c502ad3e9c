//! Guards the built-in demo portfolio (`assets/demo.json`, SPEC §7): it parses as a store, its
//! companies are internally consistent, it covers every risk band and volume segment, and the
//! article's pair lands where the article puts it: X (big, late payer, liquidity stress) on
//! adapted terms rather than refused, Y (small, pays on time) in the partner channel.
//!
//! Set `DEMO_PORTFOLIO_TABLE=1` and run with `--nocapture` to print every prospect's evaluation.

use std::collections::BTreeSet;
use strum::VariantArray;

use dealdesk::domain::date::Date;
use dealdesk::domain::evaluate::{Evaluation, evaluate};
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::register_entry::RegisterEntry;
use dealdesk::domain::registration::{canonical_registration, parse_country};
use dealdesk::domain::vocabulary::{Band, Channel, Delivery, Insolvency, Segment, Status};
use serde::Deserialize;

const DEMO_JSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.json"));

/// The day the demo is evaluated on: its accounts dates and observations are set around it.
fn today() -> Date {
    Date::new(2026, 11, 28).expect("a valid date")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Store {
    schema: u32,
    prospects: Vec<Prospect>,
}

fn load() -> Store {
    serde_json::from_str(DEMO_JSON).unwrap_or_else(|e| panic!("assets/demo.json: {e}"))
}

fn evaluated() -> Vec<(Prospect, Evaluation)> {
    let policy = Policy::default_policy();
    load()
        .prospects
        .into_iter()
        .map(|p| {
            let e = evaluate(&p, &policy, today());
            (p, e)
        })
        .collect()
}

/// A register entry's amount, when it is one.
fn amount_owed(entry: RegisterEntry) -> Option<Money> {
    match entry {
        RegisterEntry::Amount(a) => Some(a),
        RegisterEntry::Listed(_) => None,
    }
}

fn find<'a>(all: &'a [(Prospect, Evaluation)], name: &str) -> &'a (Prospect, Evaluation) {
    all.iter().find(|(p, _)| p.name == name).unwrap_or_else(|| panic!("{name} is not in the demo"))
}

#[test]
fn the_demo_is_a_store_of_at_least_forty_prospects_with_ids_one_to_n() {
    let store = load();
    assert_eq!(store.schema, 1);
    assert!(store.prospects.len() >= 40, "{}", store.prospects.len());
    let ids: Vec<u64> = store.prospects.iter().map(|p| p.id).collect();
    let unique: BTreeSet<u64> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    let expected: Vec<u64> = (1..=ids.len() as u64).collect();
    assert_eq!(ids, expected, "ids should run 1, 2, 3 …");
    let names: BTreeSet<&str> = store.prospects.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.len(), ids.len(), "duplicate names");
}

#[test]
fn registrations_are_canonical_for_their_benelux_country() {
    for p in load().prospects {
        let country = p.country.as_deref().unwrap_or_else(|| panic!("{}: no country", p.name));
        assert_eq!(parse_country(country).as_deref(), Ok(country), "{}", p.name);
        assert!(["BE", "NL", "LU"].contains(&country), "{}: {country}", p.name);
        let Some(reg) = p.registration.as_deref() else {
            assert_ne!(country, "BE", "{}: Belgian without enterprise number", p.name);
            continue;
        };
        assert_eq!(canonical_registration(reg, Some(country)).as_deref(), Ok(reg), "{}", p.name);
        match country {
            "BE" => assert!(reg.len() == 12 && reg.starts_with(['0', '1']), "{reg}"),
            "NL" => assert!(reg.len() == 8, "{reg}"),
            _ => {}
        }
    }
}

#[test]
fn the_financials_add_up() {
    let nonneg = |name: &str, label: &str, v: Option<Money>| {
        if let Some(v) = v {
            assert!(!v.is_negative(), "{name}: {label} {v} is negative");
        }
    };
    for p in load().prospects {
        let n = p.name.as_str();
        if let (Some(ta), Some(eq), Some(tl)) = (p.total_assets, p.equity, p.total_liabilities) {
            assert_eq!(ta, eq + tl, "{n}: total assets ≠ equity + total liabilities");
        }
        if let Some(ca) = p.current_assets {
            let parts = p.inventory.unwrap_or(Money::ZERO) + p.cash.unwrap_or(Money::ZERO);
            assert!(ca >= parts, "{n}: current assets < inventory + cash");
        }
        if let (Some(ca), Some(ta)) = (p.current_assets, p.total_assets) {
            assert!(ca <= ta, "{n}: current assets > total assets");
        }
        if let (Some(cl), Some(tl)) = (p.current_liabilities, p.total_liabilities) {
            assert!(cl <= tl, "{n}: current liabilities > total liabilities");
        }
        for (label, v) in [
            ("revenue", p.revenue),
            ("total assets", p.total_assets),
            ("current assets", p.current_assets),
            ("inventory", p.inventory),
            ("cash", p.cash),
            ("current liabilities", p.current_liabilities),
            ("total liabilities", p.total_liabilities),
            ("tax debt", p.tax_debt.and_then(amount_owed)),
            ("social debt", p.social_debt.and_then(amount_owed)),
            ("annual volume", p.annual_volume),
        ] {
            nonneg(n, label, v);
        }
        if let Some(date) = p.accounts_date {
            assert!(date < today(), "{n}: accounts dated in the future");
        }
        if let Some(date) = p.dbt_observed {
            assert!(date <= today(), "{n}: payment behaviour observed in the future");
        }
        if let Some(year) = p.founded {
            assert!((1850..=2026).contains(&year), "{n}: founded {year}");
        }
    }
}

#[test]
fn every_band_segment_and_status_occurs_with_the_cases_the_demo_promises() {
    let all = evaluated();
    let bands: BTreeSet<Band> = all.iter().map(|(_, e)| e.assessment.band).collect();
    assert_eq!(bands.len(), Band::VARIANTS.len(), "bands present: {bands:?}");
    let segments: BTreeSet<Segment> = all.iter().filter_map(|(_, e)| e.segment).collect();
    assert_eq!(segments.len(), Segment::VARIANTS.len(), "segments: {segments:?}");
    let statuses: BTreeSet<Status> = all.iter().map(|(p, _)| p.status).collect();
    assert_eq!(statuses.len(), 7, "statuses present: {statuses:?}");

    let cells: BTreeSet<(Band, Segment)> =
        all.iter().filter_map(|(_, e)| e.segment.map(|s| (e.assessment.band, s))).collect();
    assert!(cells.len() >= 20, "only {} band × segment cells", cells.len());
    let count = |band: Band| all.iter().filter(|(_, e)| e.assessment.band == band).count();
    assert!(
        count(Band::B) + count(Band::C) > 2 * count(Band::E),
        "a realistic portfolio has more B and C than E"
    );

    let sparse = all.iter().filter(|(_, e)| e.assessment.insufficient_data).count();
    assert!(sparse >= 2, "{sparse} prospects with insufficient data");
    let proceeding = |kind: Insolvency| all.iter().any(|(p, _)| p.insolvency == Some(kind));
    assert!(proceeding(Insolvency::Reorganisation));
    assert!(proceeding(Insolvency::Bankruptcy));
    assert!(all.iter().any(|(p, _)| p.equity.is_some_and(Money::is_negative)));
    assert!(all.iter().any(|(p, _)| p.founded == Some(2025)));
}

#[test]
fn x_is_strategic_and_risky_and_gets_adapted_terms_rather_than_a_refusal() {
    let all = evaluated();
    let (x, e) = find(&all, "Xantra Logistics NV");
    assert_eq!(e.segment, Some(Segment::Strategic));
    assert!(matches!(e.assessment.band, Band::D | Band::E), "X is band {}", e.assessment.band);
    assert!(!e.assessment.insufficient_data);
    assert!(x.current_assets.unwrap() < x.current_liabilities.unwrap());
    let t = &e.suggestion.terms;
    assert!(t.advance_pct > Pct::ZERO || t.payment_days < 30, "X's terms are not adapted: {t:?}");
    assert!(t.advance_pct < Pct::HUNDRED, "X is refused: {t:?}");
    assert_ne!(t.delivery, Delivery::AfterPayment);
    let x_profit = e.economics.as_ref().expect("X has economics").risk_adjusted_profit;

    let (_, y) = find(&all, "Ysendyck Delicatessen BV");
    let y_profit = y.economics.as_ref().expect("Y has economics").risk_adjusted_profit;
    assert!(x_profit > y_profit, "on adapted terms X ({x_profit}) is worth more than Y ({y_profit})");
}

#[test]
fn the_bankrupt_brewery_is_in_default_with_the_curator_advice() {
    let all = evaluated();
    let (_, e) = find(&all, "Brouwerij De Oude Sluis BV");
    let a = &e.assessment;
    assert!(a.in_default);
    assert_eq!((a.band, a.pd), (Band::E, rust_decimal::Decimal::ONE));
    assert_eq!(a.caps[0].rule.key(), "default_bankruptcy");
    let t = &e.suggestion.terms;
    assert_eq!(
        (t.advance_pct, t.credit_limit, t.delivery),
        (Pct::HUNDRED, Money::ZERO, Delivery::AfterPayment)
    );
    let advice = "In default: contract only with the curator, cash before delivery";
    assert!(e.suggestion.why.iter().any(|w| w == advice), "{:#?}", e.suggestion.why);
}

#[test]
fn the_demo_figures_agree_with_each_other() {
    // Its accounts add up and no date lies ahead: no plausibility warnings anywhere.
    for (p, e) in evaluated() {
        assert!(e.assessment.warnings.is_empty(), "{}: {:?}", p.name, e.assessment.warnings);
    }
}

#[test]
fn y_is_small_on_time_and_goes_to_the_partner_channel() {
    let all = evaluated();
    let (y, e) = find(&all, "Ysendyck Delicatessen BV");
    assert_eq!(e.segment, Some(Segment::Small));
    assert_eq!(e.suggestion.terms.channel, Channel::Partner);
    assert!(matches!(e.assessment.band, Band::A | Band::B), "Y is band {}", e.assessment.band);
    assert!(y.dbt_days.is_some_and(|d| d <= 3));
    assert_eq!(e.suggestion.terms.advance_pct, Pct::ZERO);
}

/// Prints the portfolio as the model sees it, to tune the data: only with
/// `DEMO_PORTFOLIO_TABLE=1 cargo test --test demo_portfolio -- --nocapture`; the reasons and
/// terms of X and Y follow, or of the comma-separated names in `DEMO_PORTFOLIO_DETAIL`.
#[test]
fn print_the_evaluated_portfolio_on_request() {
    if std::env::var_os("DEMO_PORTFOLIO_TABLE").is_none() {
        return;
    }
    let all = evaluated();
    println!(
        "{:>3} {:<36} {:>5} B {:>4} {:<9} {:>4} {:>4} {:<17} {:>10}",
        "id", "name", "score", "cov", "segment", "days", "adv", "security", "profit"
    );
    for (p, e) in &all {
        let a = &e.assessment;
        let t = &e.suggestion.terms;
        println!(
            "{:>3} {:<36} {:>5} {} {:>3.0}% {:<9} {:>4} {:>3}% {:<17} {:>10}",
            p.id,
            p.name,
            a.score.map_or("-".into(), |s| format!("{s:.1}")),
            a.band,
            a.coverage * 100.0,
            e.segment.map_or("-", Segment::label),
            t.payment_days,
            t.advance_pct,
            format!("{:?}", t.security),
            e.economics.as_ref().map_or("-".into(), |x| x.risk_adjusted_profit.grouped()),
        );
    }
    println!();
    print!("{:<10}", "");
    for s in Segment::VARIANTS.iter().copied() {
        print!("{:>10}", s.label());
    }
    println!("{:>10}", "total");
    for b in Band::VARIANTS.iter().copied() {
        print!("{:<10}", format!("band {b}"));
        let mut total = 0;
        for s in Segment::VARIANTS.iter().copied() {
            let n = all.iter().filter(|(_, e)| e.assessment.band == b && e.segment == Some(s)).count();
            total += n;
            print!("{n:>10}");
        }
        println!("{total:>10}");
    }
    let detail = std::env::var("DEMO_PORTFOLIO_DETAIL")
        .unwrap_or_else(|_| "Xantra Logistics NV,Ysendyck Delicatessen BV".into());
    for name in detail.split(',') {
        let (_, e) = find(&all, name.trim());
        println!("\n{name}: score {:?} band {}", e.assessment.score, e.assessment.band);
        for r in &e.assessment.reasons {
            println!("  {}", r.text());
        }
        for w in &e.suggestion.why {
            println!("  why: {w}");
        }
        println!("  terms: {:?}", e.suggestion.terms);
        println!("  economics: {:?}", e.economics);
    }
}
