//! Which deal is worth more, and why: the article's X-against-Y question in one sentence.

use super::economics::Economics;
use super::money::Money;

/// One deal in a comparison.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub name: &'a str,
    /// `None` when the economics cannot be computed (volume unknown).
    pub economics: Option<&'a Economics>,
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

/// The verdict line: the deal with the highest risk-adjusted profit, by how much it beats the
/// next one, the part of the profit that decides it and the part that works against it.
pub fn verdict(sides: &[Side]) -> String {
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

    fn deal(gm: i64, el: i64, fin: i64, cts: i64) -> Economics {
        let m = Money::units;
        Economics {
            gross_margin: m(gm),
            discounts: Money::ZERO,
            average_receivable: m(fin * 10),
            exposure: m(fin * 10),
            expected_loss: m(el),
            financing_cost: m(fin),
            cost_to_serve: m(cts),
            security_cost: Money::ZERO,
            risk_adjusted_profit: m(gm - el - fin - cts),
            margin_pct: None,
            return_on_exposure_pct: None,
        }
    }

    #[test]
    fn names_the_better_deal_its_main_reason_and_what_works_against_it() {
        let x = deal(480_000, 13_000, 9_000, 30_000);
        let y = deal(5_000, 10, 40, 400);
        let text =
            verdict(&[Side { name: "Y", economics: Some(&y) }, Side { name: "X", economics: Some(&x) }]);
        assert!(text.starts_with("X is worth more"), "{text}");
        assert!(text.contains("mainly its gross margin (+475 000)"), "{text}");
        assert!(text.contains("despite its cost to serve (-29 600)"), "{text}");
    }

    #[test]
    fn unknown_volume_and_ties_are_said_plainly() {
        let x = deal(1_000, 0, 0, 0);
        assert!(
            verdict(&[Side { name: "X", economics: Some(&x) }, Side { name: "Z", economics: None }])
                .contains("unknown for Z")
        );
        assert!(
            verdict(&[Side { name: "A", economics: Some(&x) }, Side { name: "B", economics: Some(&x) }])
                .contains("worth the same")
        );
        assert!(verdict(&[Side { name: "A", economics: Some(&x) }]).contains("at least two"));
    }
}
