//! Deterministic, realistic portfolios for benchmarks, load tests and fuzzing seeds: Benelux
//! companies across every risk band and volume segment, with accounts that add up (assets =
//! equity + liabilities, current items within totals), registration numbers that pass the
//! registers' checks, some sparse prospects and some with a decision history.
//!
//! Prospect `i` of a seed depends only on the seed and `i`, so a smaller portfolio is a prefix
//! of a larger one with the same seed, and the same call gives the same bytes on every machine.
//! No IO, no clock, no external random number crate.

mod rng;
mod words;

use rng::Rng;
use rust_decimal::Decimal;
use words::*;

use crate::domain::date::Date;
use crate::domain::money::{Money, Pct};
use crate::domain::prospect::{DecisionRecord, Prospect, Terms};
use crate::domain::register_entry::RegisterEntry;
use crate::domain::vocabulary::{Band, Channel, Delivery, Insolvency, Security, Status, Trend};

/// `count` prospects with ids 1..=count.
pub fn portfolio(count: usize, seed: u64) -> Vec<Prospect> {
    (0..count).map(|i| prospect(i, seed)).collect()
}

/// The prospect at position `index` (id `index + 1`) of the portfolio of `seed`.
pub fn prospect(index: usize, seed: u64) -> Prospect {
    let mut r = Rng::new(seed, index as u64);
    let country = *r.pick_weighted(&[("BE", 55), ("NL", 33), ("LU", 8), ("DE", 2), ("FR", 2)]);
    let sector = r.pick(SECTORS);
    let mut p = Prospect { id: index as u64 + 1, name: name(&mut r, country, sector), ..Prospect::default() };
    let shape = r.unit();
    if shape < 0.04 {
        // Name only: a lead typed in from a trade fair.
        return p;
    }
    p.country = Some(country.to_string());
    p.city = Some(r.pick(cities(country)).to_string());
    p.sector = Some(sector.name.to_string());
    let segment = *r.pick_weighted(&SEGMENTS);
    let volume = round_to(r.log_range(segment.0, segment.1), 500.0);
    p.annual_volume = Some(Money::units(volume));
    if shape < 0.12 {
        // Sparse: the deal is known, the company barely.
        if r.chance(0.5) {
            p.registration = Some(registration(&mut r, country, index));
        }
        if r.chance(0.4) {
            p.dbt_days = Some(r.below(40) as u32);
        }
        return p;
    }
    p.registration = Some(registration(&mut r, country, index));
    p.contact = Some(contact(&mut r));
    p.founded = Some(founded(&mut r));
    p.margin_pct = Some(pct_tenths(r.range(5.0, 32.0)));
    p.orders_per_year = Some(segment.2 + r.below(u64::from(segment.2) * 3 + 4) as u32);
    p.requested_payment_days = Some(*r.pick(&[30, 30, 45, 60, 60, 90]));

    let health = health(&mut r);
    payment_behaviour(&mut r, &mut p, health);
    signals(&mut r, &mut p, health);
    if shape >= 0.18 {
        accounts(&mut r, &mut p, health, volume as f64);
    }
    if r.chance(0.18) {
        decisions(&mut r, &mut p, health, volume);
    } else {
        p.status = *r.pick_weighted(&[(Status::New, 70), (Status::Reviewing, 25), (Status::OnHold, 5)]);
    }
    if r.chance(0.1) {
        p.note = Some(r.pick(NOTES).to_string());
    }
    p
}

fn round_to(value: f64, step: f64) -> i64 {
    ((value / step).round() * step) as i64
}

fn pct_tenths(value: f64) -> Pct {
    Pct::new(Decimal::new((value * 10.0).round().clamp(0.0, 1000.0) as i64, 1))
}

/// How healthy the company is (0 worst, 1 best), drawn so that every band is well represented.
fn health(r: &mut Rng) -> f64 {
    let (lo, hi) = *r.pick_weighted(&[
        ((0.82, 1.0), 20),
        ((0.66, 0.84), 30),
        ((0.5, 0.68), 25),
        ((0.34, 0.52), 15),
        ((0.0, 0.36), 10),
    ]);
    r.range(lo, hi)
}

/// The health of one input: the company's health with some noise of its own.
fn jitter(r: &mut Rng, health: f64) -> f64 {
    (health + r.range(-0.15, 0.15)).clamp(0.0, 1.0)
}

/// The input value that earns `health` on a monotone curve of (value, health) points (the
/// default policy's curves, read backwards), so generated bands follow generated health.
fn value_for(curve: &[(f64, f64)], health: f64) -> f64 {
    for pair in curve.windows(2) {
        let ((v0, h0), (v1, h1)) = (pair[0], pair[1]);
        let (lo, hi) = if h0 < h1 { (h0, h1) } else { (h1, h0) };
        if (lo..=hi).contains(&health) && h0 != h1 {
            return v0 + (v1 - v0) * (health - h0) / (h1 - h0);
        }
    }
    let first = curve[0];
    let last = curve[curve.len() - 1];
    if (health - first.1).abs() < (health - last.1).abs() { first.0 } else { last.0 }
}

const DBT: &[(f64, f64)] =
    &[(0.0, 1.0), (7.0, 0.9), (15.0, 0.7), (30.0, 0.45), (45.0, 0.2), (60.0, 0.05), (90.0, 0.0)];
const LATE_SHARE: &[(f64, f64)] = &[(0.0, 1.0), (10.0, 0.9), (25.0, 0.6), (50.0, 0.2), (75.0, 0.0)];
const BUREAU: &[(f64, f64)] = &[(0.0, 0.0), (20.0, 0.1), (30.0, 0.3), (50.0, 0.6), (70.0, 0.9), (100.0, 1.0)];
const CURRENT_RATIO: &[(f64, f64)] = &[(0.5, 0.0), (1.0, 0.4), (1.5, 0.8), (2.4, 1.0)];
const QUICK_RATIO: &[(f64, f64)] = &[(0.3, 0.0), (0.7, 0.4), (1.0, 0.8), (1.4, 1.0)];
const CASH_RATIO: &[(f64, f64)] = &[(0.0, 0.0), (0.1, 0.4), (0.2, 0.7), (0.5, 1.0)];
const EQUITY_RATIO: &[(f64, f64)] = &[(-0.2, 0.0), (0.0, 0.1), (0.1, 0.45), (0.2, 0.75), (0.45, 1.0)];
const RETURN_ON_ASSETS: &[(f64, f64)] = &[(-0.1, 0.0), (0.0, 0.4), (0.03, 0.7), (0.09, 1.0)];
const SUMMONS: &[(f64, f64)] = &[(0.0, 1.0), (1.0, 0.5), (3.0, 0.15), (5.0, 0.0)];
const PUBLIC_DEBT: &[(f64, f64)] = &[(0.0, 1.0), (1000.0, 0.5), (25000.0, 0.2), (100000.0, 0.0)];

fn payment_behaviour(r: &mut Rng, p: &mut Prospect, health: f64) {
    if r.chance(0.85) {
        let h = jitter(r, health);
        p.dbt_days = Some(value_for(DBT, h).round() as u32);
        p.late_share_pct = Some(Pct::whole(value_for(LATE_SHARE, jitter(r, health)).round() as i64));
        p.dbt_trend = Some(match jitter(r, health) {
            h if h > 0.75 => Trend::Improving,
            h if h > 0.35 => Trend::Stable,
            _ => Trend::Worsening,
        });
        let source = if p.country.as_deref() == Some("NL") { "Graydon NL" } else { *r.pick(SOURCES) };
        p.dbt_source = Some(source.to_string());
        p.dbt_observed = Date::new(2026, 8 + r.below(4) as u8, 1 + r.below(28) as u8);
    }
    if r.chance(0.8) {
        p.bureau_score = Some(value_for(BUREAU, jitter(r, health)).round() as u8);
    }
}

fn signals(r: &mut Rng, p: &mut Prospect, health: f64) {
    if r.chance(0.1) {
        return;
    }
    let count =
        |r: &mut Rng| if health > 0.55 { 0 } else { value_for(SUMMONS, jitter(r, health)).round() as u32 };
    p.summons_12m = Some(count(r));
    let debt = |r: &mut Rng| {
        if health > 0.5 || r.chance(0.5) {
            Money::ZERO
        } else {
            Money::units(round_to(value_for(PUBLIC_DEBT, jitter(r, health)), 10.0))
        }
    };
    p.tax_debt = Some(RegisterEntry::Amount(debt(r)));
    p.social_debt = Some(RegisterEntry::Amount(debt(r)));
    p.late_filing = Some(health < 0.4 && r.chance(0.4));
    p.insolvency = Some(match r.unit() {
        x if health < 0.25 && x < 0.08 => Insolvency::Bankruptcy,
        x if health < 0.35 && x < 0.15 => Insolvency::Reorganisation,
        x if x < 0.002 => Insolvency::Unspecified,
        _ => Insolvency::None,
    });
}

/// Last filed accounts that add up: total assets = equity + total liabilities, current
/// liabilities within the total, inventory and cash within current assets.
fn accounts(r: &mut Rng, p: &mut Prospect, health: f64, volume: f64) {
    let revenue = (volume * r.log_range(4.0, 40.0)).max(150_000.0);
    let assets = revenue * r.range(0.35, 1.1);
    let equity_ratio = value_for(EQUITY_RATIO, jitter(r, health));
    let equity = assets * equity_ratio;
    let liabilities = assets - equity;
    let current_assets = assets * r.range(0.35, 0.8);
    let current_ratio = value_for(CURRENT_RATIO, jitter(r, health)) * r.range(1.0, 1.15);
    let current_liabilities = (current_assets / current_ratio).min(liabilities * r.range(0.85, 1.0));
    let quick = value_for(QUICK_RATIO, jitter(r, health));
    let inventory = (current_assets - quick * current_liabilities).clamp(0.0, current_assets * 0.6);
    let cash =
        (value_for(CASH_RATIO, jitter(r, health)) * current_liabilities).min(current_assets - inventory);
    let roa = value_for(RETURN_ON_ASSETS, jitter(r, health));
    let net = assets * roa;
    let ebit = if net > 0.0 { net * r.range(1.2, 1.5) + assets * 0.005 } else { net * r.range(0.6, 0.9) };
    let capital = match p.country.as_deref() {
        Some("BE") if r.chance(0.5) => 61_500.0_f64,
        Some("LU") => 12_000.0,
        _ => 18_600.0,
    }
    .min(equity.max(0.0));
    let units = |v: f64| Money::units(v.round() as i64);
    p.employees = Some(((revenue / r.range(120_000.0, 400_000.0)).round() as u32).max(1));
    let year = *r.pick_weighted(&[(2025, 80), (2024, 15), (2023, 5)]);
    let (month, day) = *r.pick_weighted(&[((12, 31), 80), ((6, 30), 12), ((3, 31), 8)]);
    p.accounts_date = Date::new(year, month, day);
    if year == 2023 {
        p.late_filing = Some(true);
    }
    p.revenue = Some(units(revenue));
    p.ebit = Some(units(ebit));
    p.net_result = Some(units(net));
    p.total_assets = Some(units(assets));
    p.equity = Some(units(equity));
    p.total_liabilities = Some(units(assets) - units(equity));
    p.current_assets = Some(units(current_assets));
    p.current_liabilities = Some(units(current_liabilities));
    p.inventory = Some(units(inventory));
    p.cash = Some(units(cash.max(0.0)));
    p.retained_earnings = Some(units(equity - capital));
}

/// One to three past decisions, oldest first; the prospect's status and agreed terms follow
/// the last one.
fn decisions(r: &mut Rng, p: &mut Prospect, health: f64, volume: i64) {
    let band = match health {
        h if h >= 0.8 => Band::A,
        h if h >= 0.65 => Band::B,
        h if h >= 0.5 => Band::C,
        h if h >= 0.35 => Band::D,
        _ => Band::E,
    };
    let channel = match volume {
        v if v >= 1_000_000 => Channel::KeyAccount,
        v if v >= 250_000 => Channel::Direct,
        v if v >= 50_000 => Channel::InsideSales,
        v if v >= 10_000 => Channel::Partner,
        _ => Channel::Wholesaler,
    };
    let mut day = Date::new(2023, 1, 1).map_or(0, Date::days_since_epoch) + r.below(500) as i64;
    for _ in 0..1 + r.below(3) {
        let status = match band {
            Band::A | Band::B => *r.pick_weighted(&[
                (Status::Approved, 80),
                (Status::ApprovedWithConditions, 15),
                (Status::Reviewing, 5),
            ]),
            Band::C => *r.pick_weighted(&[
                (Status::ApprovedWithConditions, 60),
                (Status::Approved, 20),
                (Status::OnHold, 20),
            ]),
            Band::D => *r.pick_weighted(&[
                (Status::ApprovedWithConditions, 40),
                (Status::RoutedToPartner, 35),
                (Status::Declined, 25),
            ]),
            Band::E => *r.pick_weighted(&[(Status::Declined, 60), (Status::RoutedToPartner, 40)]),
        };
        let payment_days = match band {
            Band::A => *r.pick(&[30, 45, 60]),
            Band::B => *r.pick(&[30, 45]),
            Band::C => *r.pick(&[14, 21, 30]),
            Band::D => *r.pick(&[0, 7, 14]),
            Band::E => 0,
        };
        let advance = match band {
            Band::A | Band::B => 0,
            Band::C => *r.pick(&[0, 10]),
            Band::D => *r.pick(&[25, 50]),
            Band::E => 100,
        };
        let mut terms = Terms {
            payment_days,
            advance_pct: Pct::whole(advance),
            discount_pct: if payment_days >= 30 && r.chance(0.2) { Pct::whole(2) } else { Pct::ZERO },
            discount_days: 10,
            credit_limit: Money::units(round_to(volume as f64 * f64::from(payment_days) / 365.0, 1000.0)),
            delivery: match band {
                Band::A | Band::B | Band::C => Delivery::Standard,
                Band::D => Delivery::Partial,
                Band::E => Delivery::AfterPayment,
            },
            security: match band {
                Band::A => Security::None,
                Band::B => Security::RetentionOfTitle,
                Band::C => *r.pick(&[Security::CreditInsurance, Security::RetentionOfTitle]),
                Band::D => *r.pick(&[Security::BankGuarantee, Security::CreditInsurance]),
                Band::E => Security::None,
            },
            security_amount: Money::ZERO,
            channel,
            review_months: if band <= Band::B { 12 } else { 6 },
        };
        if terms.security != Security::None {
            terms.security_amount = terms.credit_limit;
        }
        let score = (health * 1000.0).round() / 10.0;
        let profit = Money::units(round_to(volume as f64 * r.range(-0.01, 0.08), 10.0));
        let Some(date) = Date::from_days_since_epoch(day) else { break };
        p.history.push(DecisionRecord {
            date,
            decided_at: None,
            decided_by: None,
            status,
            terms: terms.clone(),
            deviations: None,
            note: if r.chance(0.5) { r.pick(DECISION_NOTES).to_string() } else { String::new() },
            band,
            score: Some(score),
            risk_adjusted_profit: Some(profit),
        });
        p.status = status;
        p.agreed_terms = matches!(status, Status::Approved | Status::ApprovedWithConditions).then_some(terms);
        day += 90 + r.below(300) as i64;
    }
}

/// A registration number in the country's canonical form; Belgian ones pass the mod-97 check.
/// The number comes from the prospect's position, scattered over the country's range by a
/// multiplication that is one-to-one there, so no two prospects of a portfolio share one (an
/// import matches on it, and `check` reports a shared one) up to the range's size: 18 million
/// Belgian, 90 million Dutch, 900 000 of the others.
fn registration(r: &mut Rng, country: &str, index: usize) -> String {
    // 7 368 787 shares no factor with 18·10^6, 90·10^6 or 9·10^5 (it is odd and not a multiple
    // of 3 or 5).
    let scatter = |size: u64| (index as u64 % size) * 7_368_787 % size;
    // The draws the numbers were once made of, still taken so that every other field of a
    // generated portfolio stays as it was.
    for _ in 0..if matches!(country, "BE" | "NL" | "LU" | "DE") { 1 } else { 3 } {
        r.next();
    }
    match country {
        "BE" => {
            let base = 2_000_000 + scatter(18_000_000);
            let number = base * 100 + (97 - base % 97);
            let digits = format!("{number:010}");
            format!("{}.{}.{}", &digits[..4], &digits[4..7], &digits[7..])
        }
        "NL" => format!("{}", 10_000_000 + scatter(90_000_000)),
        "LU" => format!("B{}", 100_000 + scatter(900_000)),
        "DE" => format!("HRB {}", 100_000 + scatter(900_000)),
        _ => {
            let n = 100_000_000 + scatter(900_000) * 1_000;
            format!("{} {} {}", n / 1_000_000, n / 1_000 % 1_000, n % 1_000)
        }
    }
}

fn founded(r: &mut Rng) -> u16 {
    match r.unit() {
        x if x < 0.06 => 2024 + r.below(3) as u16,
        x if x < 0.2 => 2015 + r.below(9) as u16,
        _ => 1920 + r.below(95) as u16,
    }
}

fn name(r: &mut Rng, country: &str, sector: &Sector) -> String {
    let mut name = String::with_capacity(40);
    if r.chance(0.15) {
        name.push_str(r.word(SURNAMES));
        name.push_str(if r.chance(0.5) { " & Zonen" } else { " Frères" });
    } else {
        name.push_str(r.word(HEADS));
        name.push_str(r.word(MIDDLES));
        if r.chance(0.4) {
            name.push_str(r.word(TAILS));
        }
    }
    name.push(' ');
    name.push_str(r.word(sector.trades));
    if r.chance(0.2) {
        name.push(' ');
        name.push_str(r.word(cities(country)));
    }
    name.push(' ');
    name.push_str(r.word(forms(country)));
    name
}

fn contact(r: &mut Rng) -> String {
    format!("{} {}, {}", r.pick(FIRST_NAMES), r.pick(SURNAMES), r.pick(ROLES))
}

/// Volume ranges per segment (log-uniform), their weights, and the base orders per year.
const SEGMENTS: [((f64, f64, u32), u32); 5] = [
    ((1_000_000.0, 9_000_000.0, 40), 3),
    ((250_000.0, 1_000_000.0, 24), 10),
    ((50_000.0, 250_000.0, 12), 32),
    ((10_000.0, 50_000.0, 6), 30),
    ((1_000.0, 10_000.0, 2), 25),
];

#[cfg(test)]
mod tests;
