//! Which deal is worth more, and why, and what to do with each: the article's X-against-Y
//! question in a few sentences.

use super::economics::Economics;
use super::money::{Money, Pct};
use super::prospect::Terms;
use super::terms::security::first_demand;
use super::vocabulary::{Channel, Delivery};

/// One deal in a comparison.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub name: &'a str,
    /// `None` when the economics cannot be computed (volume unknown).
    pub economics: Option<&'a Economics>,
    /// The terms the deal is compared on.
    pub terms: &'a Terms,
    /// How many ways those terms deviate from policy.
    pub deviations: usize,
}

/// What to do with one deal, in a clause: the first of these that applies.
pub fn advice(side: &Side, max_months: u32) -> String {
    let t = side.terms;
    let Some(x) = side.economics else {
        return "enter its annual volume first".into();
    };
    if !x.risk_adjusted_profit.is_positive() {
        return format!(
            "not worth doing on these terms (risk-adjusted profit {}): prepayment, a cheaper channel or decline",
            x.risk_adjusted_profit.grouped()
        );
    }
    if side.deviations > 0 {
        return format!(
            "outside policy ({} deviation{}): approve with conditions or go back to the suggested terms",
            side.deviations,
            if side.deviations == 1 { "" } else { "s" }
        );
    }
    if t.advance_pct == Pct::HUNDRED || t.delivery == Delivery::AfterPayment {
        return "do it on prepayment only: delivery after payment".into();
    }
    if let Some(months) = x.loss_at_default_months.filter(|m| *m > rust_decimal::Decimal::from(max_months)) {
        return format!(
            "ask for more protection first: one default would take {months} months of its profit"
        );
    }
    let channel = match t.channel {
        Channel::Partner | Channel::Wholesaler => format!(" through the {}", t.channel.label()),
        _ => String::new(),
    };
    if first_demand(t.security) && t.security_amount.is_positive() {
        return format!(
            "do it{channel} once the {} of {} is in hand",
            t.security.label(),
            t.security_amount.grouped()
        );
    }
    format!("do it{channel} on these terms")
}

/// The parts of the risk-adjusted profit, signed as they add to it.
fn parts(x: &Economics) -> [(&'static str, Money); 6] {
    [
        ("gross margin", x.gross_margin),
        ("discounts", -x.discounts),
        ("expected loss", -x.expected_loss),
        ("financing cost", -x.financing_cost),
        ("cost to serve", -x.cost_to_serve),
        ("security cost", -x.security_cost),
    ]
}

/// The verdict: what to do with each deal, then the deal with the highest risk-adjusted
/// profit, by how much it beats the next one, the part of the profit that decides it and the
/// part that works against it.
pub fn verdict(sides: &[Side], max_months: u32) -> String {
    let ranking = ranking(sides);
    if sides.len() < 2 {
        return ranking;
    }
    format!("{}. {ranking}", todo(sides, max_months))
}

/// What to do with each deal: the verdict's first part, which a short screen keeps.
pub fn todo(sides: &[Side], max_months: u32) -> String {
    let todo: Vec<String> = sides.iter().map(|s| format!("{}: {}", s.name, advice(s, max_months))).collect();
    todo.join("; ")
}

fn ranking(sides: &[Side]) -> String {
    let unknown: Vec<&str> = sides.iter().filter(|s| s.economics.is_none()).map(|s| s.name).collect();
    if !unknown.is_empty() {
        return format!("Cannot compare: annual volume unknown for {}", unknown.join(", "));
    }
    let mut ranked: Vec<(&str, &Economics)> =
        sides.iter().filter_map(|s| Some((s.name, s.economics?))).collect();
    ranked.sort_by_key(|side| std::cmp::Reverse(side.1.risk_adjusted_profit));
    let [(best, bx), (next, nx), ..] = ranked.as_slice() else {
        return "Mark at least two prospects to compare".into();
    };
    let gap = bx.risk_adjusted_profit - nx.risk_adjusted_profit;
    if gap == Money::ZERO {
        return format!(
            "{best} and {next} are worth the same after risk ({})",
            bx.risk_adjusted_profit.grouped()
        );
    }
    let contributions: Vec<(&str, Money)> =
        parts(bx).iter().zip(parts(nx)).map(|((name, b), (_, n))| (*name, *b - n)).collect();
    let main = contributions.iter().max_by_key(|(_, d)| *d).copied();
    let against = contributions.iter().min_by_key(|(_, d)| *d).copied().filter(|(_, d)| d.is_negative());
    let mut text = format!(
        "{best} is worth more: risk-adjusted profit {} against {} for {next} (+{})",
        bx.risk_adjusted_profit.grouped(),
        nx.risk_adjusted_profit.grouped(),
        gap.grouped()
    );
    if let Some((name, diff)) = main {
        text.push_str(&format!(", mainly its {name} (+{})", diff.grouped()));
    }
    if let Some((name, diff)) = against {
        text.push_str(&format!(", despite its {name} ({})", diff.grouped()));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vocabulary::Security;

    fn deal(gm: i64, el: i64, fin: i64, cts: i64) -> Economics {
        let m = Money::units;
        let profit = m(gm - el - fin - cts);
        Economics {
            volume_sold: m(gm * 10),
            gross_margin: m(gm),
            prepayment_discount: Money::ZERO,
            early_payment_discount: Money::ZERO,
            discounts: Money::ZERO,
            credit_need: m(fin * 10),
            exposure: m(fin * 10),
            covered: Money::ZERO,
            days_to_pay: rust_decimal::Decimal::from(30),
            loss_at_default: m(el * 10),
            expected_loss: m(el),
            financing_cost: m(fin),
            cost_to_serve: m(cts),
            security_cost: Money::ZERO,
            risk_adjusted_profit: profit,
            margin_pct: None,
            loss_at_default_months: crate::domain::economics::capital::loss_months(m(el * 10), profit),
            sales_to_replace_loss: None,
            capital: Money::ZERO,
            raroc_pct: None,
            discount_cost_pct: None,
            largest_order: None,
        }
    }

    fn terms(security: Security, amount: i64, channel: Channel) -> Terms {
        Terms {
            payment_days: 30,
            advance_pct: Pct::ZERO,
            discount_pct: Pct::ZERO,
            discount_days: 0,
            credit_limit: Money::units(100_000),
            delivery: Delivery::Standard,
            security,
            security_amount: Money::units(amount),
            channel,
            review_months: 12,
        }
    }

    #[test]
    fn names_the_better_deal_its_main_reason_and_what_to_do_with_each() {
        let x = deal(480_000, 13_000, 9_000, 30_000);
        let y = deal(5_000, 10, 40, 400);
        let (tx, ty) = (
            terms(Security::BankGuarantee, 96_000, Channel::KeyAccount),
            terms(Security::None, 0, Channel::Partner),
        );
        let sides = [
            Side { name: "Y", economics: Some(&y), terms: &ty, deviations: 0 },
            Side { name: "X", economics: Some(&x), terms: &tx, deviations: 0 },
        ];
        let text = verdict(&sides, 12);
        assert!(
            text.starts_with("Y: do it through the partner / sister brand on these terms; X: do it"),
            "{text}"
        );
        assert!(text.contains(". X is worth more"), "{text}");
        assert!(text.contains("mainly its gross margin (+475 000)"), "{text}");
        assert!(text.contains("despite its cost to serve (-29 600)"), "{text}");
        assert!(text.contains("Y: do it through the partner / sister brand on these terms"), "{text}");
        assert!(text.contains("X: do it once the bank guarantee of 96 000 is in hand"), "{text}");
    }

    #[test]
    fn advice_for_a_loss_a_deviation_and_too_much_at_risk() {
        let t = terms(Security::None, 0, Channel::Direct);
        let losing = deal(1_000, 0, 0, 9_000);
        let side = |x, deviations| Side { name: "Z", economics: Some(x), terms: &t, deviations };
        assert!(
            advice(&side(&losing, 0), 12)
                .starts_with("not worth doing on these terms (risk-adjusted profit -8 000)")
        );
        let fine = deal(100_000, 1_000, 0, 0);
        assert!(advice(&side(&fine, 2), 12).starts_with("outside policy (2 deviations)"));
        // Loss at default 10 000 against 99 000 a year: 1.2 months; with a 1-month goal, too much.
        assert_eq!(
            advice(&side(&fine, 0), 1),
            "ask for more protection first: one default would take 1.2 months of its profit"
        );
        assert_eq!(advice(&side(&fine, 0), 12), "do it on these terms");
    }

    #[test]
    fn unknown_volume_and_ties_are_said_plainly() {
        let x = deal(1_000, 0, 0, 0);
        let t = terms(Security::None, 0, Channel::Direct);
        let side = |name, economics| Side { name, economics, terms: &t, deviations: 0 };
        assert!(verdict(&[side("X", Some(&x)), side("Z", None)], 12).contains("unknown for Z"));
        assert!(verdict(&[side("A", Some(&x)), side("B", Some(&x))], 12).contains("worth the same"));
        assert!(verdict(&[side("A", Some(&x))], 12).contains("at least two"));
    }
}
