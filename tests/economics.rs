//! Deal economics (SPEC §5, issue 12), the goal seek on risk and the sensitivity series against
//! hand-computed figures from the default policy. The formulas one by one are tested beside
//! them (src/domain/economics/*.rs); here they are put together.

mod common;

use common::domain::*;
use dealdesk::domain::economics::{
    Deal, Economics, RiskGoal, Seek, economics, least_advance, profit_by_advance, profit_by_payment_days,
};
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::prospect::Terms;
use dealdesk::domain::vocabulary::Channel::{self, Direct, InsideSales, Wholesaler};
use dealdesk::domain::vocabulary::Security::{self, BankGuarantee, CreditInsurance, LetterOfCredit};
use dealdesk::domain::vocabulary::{Band, Delivery};

/// V 365 000 (so that V/365 = 1 000 a day), margin 20 %, band C (PD 3 %), DBT 10 on 30-day
/// terms, sold across a border (no VAT) unless `vat` says otherwise.
fn deal_c() -> Deal {
    deal_of(365_000, "20", Band::C, 10)
}

fn deal_of(volume: i64, margin: &str, band: Band, dbt: u32) -> Deal {
    Deal {
        volume: eur(volume),
        margin: pct(margin),
        pd: pd(band),
        in_default: false,
        expected_dbt_days: dbt,
        observed_terms_days: 30,
        orders_per_year: None,
        vat: Pct::ZERO,
    }
}

/// Standard delivery, no discount, review every 12 months.
fn terms(days: u32, advance: &str, limit: i64, security: (Security, i64), channel: Channel) -> Terms {
    Terms {
        payment_days: days,
        advance_pct: pct(advance),
        discount_pct: Pct::ZERO,
        discount_days: 0,
        credit_limit: eur(limit),
        delivery: Delivery::Standard,
        security: security.0,
        security_amount: eur(security.1),
        channel,
        review_months: 12,
    }
}

const NONE: (Security, i64) = (UNSECURED, 0);

/// Every part adds up to the profit, to the cent.
fn adds_up(x: &Economics) -> bool {
    x.gross_margin - x.discounts - x.expected_loss - x.financing_cost - x.cost_to_serve - x.security_cost
        == x.risk_adjusted_profit
        && x.prepayment_discount + x.early_payment_discount == x.discounts
}

#[test]
fn economics_by_hand() {
    // Domestic (VAT 21 %), 30 days, 10 % advance, "2/10 net 30", limit 50 000, credit
    // insurance of 40 000, inside sales (2 500).
    // Days: open account max(30, 30) + 10 = 40; half take the discount and pay at 10:
    // 0.5·10 + 0.5·40 = 25. Need 365 000·1.21·0.9·25/365 = 27 225 ≤ 50 000: all is sold.
    // Covered (27 225 − 1 000)·0.9 = 23 602.50; loss at default (0.95·3 622.50 +
    // 0.05·23 602.50)/1.21 = 3 819.42; EL 3 %·3 819.42 = 114.58.
    // Prepayment discount 365 000·0.1·0.02 = 730; early-payment 0.5·365 000·0.9·0.02 = 3 285;
    // financing 8 %·27 225 = 2 178; insurance premium 0.3 %·365 000·0.9 = 985.50.
    // Profit 73 000 − 730 − 3 285 − 114.58 − 2 178 − 2 500 − 985.50 = 63 206.92 = 17.32 %.
    // Months 3 819.42·12/63 206.92 = 0.7; capital K(3 %) 0.195290·3 819.42 = 745.89, RAROC
    // 63 206.92/745.89 = 8 474.0 %; sales to replace 3 819.42/0.2 = 19 097.10; the discount
    // costs 0.02/0.98·365/(40 − 10) = 24.8 % a year.
    let mut t = terms(30, "10", 50_000, (CreditInsurance, 40_000), InsideSales);
    (t.discount_pct, t.discount_days) = (pct("2"), 10);
    let deal = Deal { vat: pct("21"), ..deal_c() };
    let want = Economics {
        volume_sold: eur(365_000),
        gross_margin: eur(73_000),
        prepayment_discount: eur(730),
        early_payment_discount: eur(3_285),
        discounts: eur(4_015),
        credit_need: eur(27_225),
        exposure: eur(27_225),
        covered: amount("23602.50"),
        days_to_pay: dec("25"),
        loss_at_default: amount("3819.42"),
        expected_loss: amount("114.58"),
        financing_cost: eur(2_178),
        cost_to_serve: eur(2_500),
        security_cost: amount("985.50"),
        risk_adjusted_profit: amount("63206.92"),
        margin_pct: Some(dec("17.32")),
        loss_at_default_months: Some(dec("0.7")),
        sales_to_replace_loss: Some(amount("19097.10")),
        capital: amount("745.89"),
        raroc_pct: Some(dec("8474.0")),
        discount_cost_pct: Some(dec("24.8")),
        largest_order: None,
    };
    let got = economics(&deal, &t, &policy());
    assert_eq!(got, want);
    assert!(adds_up(&got));
}

#[test]
fn deliveries_stop_at_the_limit() {
    // No VAT, 30 days, no advance, no security, direct: need 365 000·40/365 = 40 000. A limit
    // of 20 000 carries half the volume: 182 500 sold, margin 36 500, exposure 20 000, loss at
    // default 19 000, EL 570, financing 1 600; profit 36 500 − 570 − 1 600 − 9 000 = 25 330.
    let t = terms(30, "0", 20_000, NONE, Direct);
    let x = economics(&deal_c(), &t, &policy());
    assert_eq!((x.volume_sold, x.gross_margin, x.exposure), (eur(182_500), eur(36_500), eur(20_000)));
    assert_eq!((x.expected_loss, x.financing_cost), (eur(570), eur(1_600)));
    assert_eq!((x.credit_need, x.risk_adjusted_profit), (eur(40_000), eur(25_330)));
    // The same deal of 182 500 without a binding limit gives the same figures.
    let carried = Deal { volume: eur(182_500), ..deal_c() };
    let free = economics(&carried, &terms(30, "0", 1_000_000, NONE, Direct), &policy());
    assert_eq!(
        (free.volume_sold, free.exposure, free.risk_adjusted_profit),
        (eur(182_500), eur(20_000), eur(25_330))
    );
    // A limit of 0 sells nothing on credit: only the cost to serve remains. Removing every
    // protection no longer "improves" a deal.
    let none = economics(&deal_c(), &terms(30, "0", 0, NONE, Direct), &policy());
    assert_eq!(
        (none.volume_sold, none.risk_adjusted_profit, none.margin_pct),
        (Money::ZERO, eur(-9_000), None)
    );
    // Full advance needs no limit: all is sold, nothing is exposed; the prepayment discount
    // 365 000·2 % = 7 300 is its price: 73 000 − 7 300 − 9 000 = 56 700.
    let prepaid = economics(&deal_c(), &terms(30, "100", 0, NONE, Direct), &policy());
    assert_eq!((prepaid.volume_sold, prepaid.exposure), (eur(365_000), Money::ZERO));
    assert_eq!((prepaid.risk_adjusted_profit, prepaid.raroc_pct), (eur(56_700), None));
    assert_eq!(prepaid.loss_at_default_months, Some(dec("0")), "nothing to lose");
}

#[test]
fn security_fees_on_the_guaranteed_amount() {
    // No VAT, 30 days, no advance, limit 40 000, exposure 40 000, direct.
    // A bank guarantee of 30 000: fee 1.5 %·30 000 = 450 (the buyer's fee, conceded in price);
    // loss at default 0.95·10 000 + 0.05·30 000 = 11 000, EL 330. A letter of credit pays in
    // 7 days: exposure 7 000, LC of 7 000 at 2 % = 140, loss 0.02·7 000 = 140, EL 4.20.
    let policy = policy();
    let bg = economics(&deal_c(), &terms(30, "0", 40_000, (BankGuarantee, 30_000), Direct), &policy);
    assert_eq!((bg.security_cost, bg.loss_at_default, bg.expected_loss), (eur(450), eur(11_000), eur(330)));
    let lc = economics(&deal_c(), &terms(30, "0", 40_000, (LetterOfCredit, 7_000), Direct), &policy);
    assert_eq!((lc.exposure, lc.security_cost, lc.expected_loss), (eur(7_000), eur(140), amount("4.20")));
    // Where the seller bears half the guarantee's fee: 225.
    let mut shared = policy.clone();
    shared.security.seller_share_pct.bank_guarantee = pct("50");
    let half = economics(&deal_c(), &terms(30, "0", 40_000, (BankGuarantee, 30_000), Direct), &shared);
    assert_eq!(half.security_cost, eur(225));
    assert!(adds_up(&bg) && adds_up(&lc) && adds_up(&half));
}

#[test]
fn through_a_wholesaler_the_wholesaler_is_the_debtor() {
    // Margin 30 %, the wholesaler keeps 12 % of the price and pays 321 200 on its own 30 days
    // + 5 DBT: exposure 321 200·35/365 = 30 800, loss at default 29 260 at its PD 1 %: 292.60.
    // Margin kept 365 000·0.18 = 65 700; financing 2 464; cost to serve 100:
    // profit 65 700 − 292.60 − 2 464 − 100 = 62 843.40. The buyer's own terms (limit 0 here)
    // and band do not enter.
    let deal = Deal { margin: pct("30"), ..deal_of(365_000, "30", Band::E, 40) };
    let x = economics(&deal, &terms(0, "0", 0, NONE, Wholesaler), &policy());
    assert_eq!((x.volume_sold, x.exposure, x.expected_loss), (eur(365_000), eur(30_800), amount("292.60")));
    assert_eq!((x.gross_margin, x.risk_adjusted_profit), (eur(65_700), amount("62843.40")));
}

/// V 365 000, margin 10 %, band D (PD 8 %), DBT 20, no VAT, inside sales 2 500, 30 days, no
/// security. Exposure 50 000·(1 − a); loss at default 47 500·(1 − a); profit 36 500 −
/// 0.08·47 500·(1 − a) − 0.08·50 000·(1 − a) − 2 500 − 7 300·a = 26 200 + 500·a.
fn seek_deal() -> (Deal, Terms) {
    (deal_of(365_000, "10", Band::D, 20), terms(30, "0", 1_000_000, NONE, InsideSales))
}

fn sought(seek: &Seek) -> &Terms {
    match seek {
        Seek::Found { terms } => terms,
        Seek::Unreachable { binding } => panic!("unreachable: {binding}"),
    }
}

#[test]
fn least_advance_on_risk() {
    let (deal, t) = seek_deal();
    // Cap 20 000: 50 000·(1 − a) ≤ 20 000 needs 60 %; a default then takes 19 000·12/26 500
    // = 8.6 months ≤ 12. At 59 % the exposure is 20 500.
    let g = least_advance(
        &deal,
        &t,
        RiskGoal { unsecured_cap: eur(20_000), months: 12, volume: eur(365_000) },
        &policy(),
    );
    assert_eq!(sought(&g.seek).advance_pct, pct("60"));
    assert_eq!(
        g.explanation,
        "Advance 0 % → 60 %: the least that meets the goal (unsecured exposure 20 000 within the cap \
         20 000, a default takes 8.6 months of profit); at 59 % the unsecured exposure 20 500 is above \
         the cap 20 000"
    );
    // Six months: 72 % (13 300·12/26 560 = 6.0); at 71 %, 13 775·12/26 555 = 6.2 months.
    let g = least_advance(
        &deal,
        &t,
        RiskGoal { unsecured_cap: eur(20_000), months: 6, volume: eur(365_000) },
        &policy(),
    );
    assert_eq!(sought(&g.seek).advance_pct, pct("72"));
    assert!(
        g.explanation.ends_with("at 71 % a default would take 6.2 months of profit (more than 6)"),
        "{}",
        g.explanation
    );
    // From more than is needed, the seek lowers the advance and says so.
    let from = Terms { advance_pct: pct("90"), ..t.clone() };
    let g = least_advance(
        &deal,
        &from,
        RiskGoal { unsecured_cap: eur(20_000), months: 12, volume: eur(365_000) },
        &policy(),
    );
    assert!(g.explanation.starts_with("Advance 90 % → 60 %"), "{}", g.explanation);
    // From full prepayment with delivery after payment (as the best terms leave it): the same
    // 60 %, on standard delivery, never "0 %" with the goods still waiting for the whole price.
    let prepaid = Terms { advance_pct: pct("100"), delivery: Delivery::AfterPayment, ..t.clone() };
    let g = least_advance(
        &deal,
        &prepaid,
        RiskGoal { unsecured_cap: eur(20_000), months: 12, volume: eur(365_000) },
        &policy(),
    );
    let found = sought(&g.seek);
    assert_eq!((found.advance_pct, found.delivery), (pct("60"), Delivery::Standard));
    assert!(g.explanation.starts_with("Advance 100 % → 60 %"), "{}", g.explanation);
    // Selling less is no way to meet the goal: with a limit of 20 000, 0 % advance keeps the
    // exposure at 20 000 only by stopping deliveries at 40 % of the volume; at 59 % the need
    // 20 500 carries 365 000·20 000/20 500 = 356 097.56.
    let limited = Terms { credit_limit: eur(20_000), ..t.clone() };
    let g = least_advance(
        &deal,
        &limited,
        RiskGoal { unsecured_cap: eur(20_000), months: 12, volume: eur(365_000) },
        &policy(),
    );
    assert_eq!(sought(&g.seek).advance_pct, pct("60"));
    assert!(
        g.explanation.ends_with("at 59 % deliveries stop at the limit (356 098 of 365 000 sold)"),
        "{}",
        g.explanation
    );
    // Through a wholesaler the advance changes nothing: the wholesaler's receivable stays
    // above a 1 000 cap, so the goal is out of reach and says why.
    let w = Terms { channel: Wholesaler, ..t };
    let g = least_advance(
        &deal,
        &w,
        RiskGoal { unsecured_cap: eur(1_000), months: 12, volume: eur(365_000) },
        &policy(),
    );
    let Seek::Unreachable { binding } = &g.seek else { panic!("{g:?}") };
    assert!(
        binding.starts_with("the unsecured exposure") && binding.ends_with("is above the cap 1 000"),
        "{binding}"
    );
    assert!(g.explanation.starts_with("Unreachable: even 100 % advance leaves the unsecured exposure"));
}

#[test]
fn sensitivity_series_stop_at_the_ceiling() {
    let (deal, t) = seek_deal();
    let policy = policy();
    let by_days = profit_by_payment_days(&deal, &t, 25, 60, &policy);
    let days: Vec<u32> = by_days.iter().map(|(d, _)| *d).collect();
    assert_eq!(days, [0, 25, 50, 60]);
    // Seen on 30-day terms, 0 and 25 days pay at 50 like 30 days: 26 200; 60 days: exposure
    // 80 000, loss 76 000: 36 500 − 6 080 − 6 400 − 2 500 = 21 520.
    assert_eq!((by_days[0].1, by_days[1].1, by_days[3].1), (eur(26_200), eur(26_200), eur(21_520)));
    let by_advance = profit_by_advance(&deal, &t, 30, &policy);
    let steps: Vec<u32> = by_advance.iter().map(|(a, _)| *a).collect();
    assert_eq!(steps, [0, 30, 60, 90, 100]);
    // 26 200 + 500·a: 30 % 26 350; 100 % 26 700.
    assert_eq!((by_advance[1].1, by_advance[4].1), (eur(26_350), eur(26_700)));
}
