//! The ratios the scorecard takes from the accounts, and the versions of a balance sheet that
//! does not add up: whichever total is wrong, one version is the sheet that balances, so the
//! worst of them never lets an inconsistent figure improve a ratio.

use super::money::Money;
use super::prospect::Prospect;

/// A balance sheet's three totals, as floats for ratios.
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    pub assets: Option<f64>,
    pub liabilities: Option<f64>,
    pub equity: Option<f64>,
}

impl Sheet {
    /// The sheet as filed and, when it does not balance, each total corrected from the other
    /// two: whichever figure is wrong, one of these is the sheet that does balance. When
    /// current assets or equity exceed total assets, the assets are at least those too.
    pub fn versions(self, unbalanced: bool, assets_at_least: Option<f64>) -> ([Sheet; 5], usize) {
        let mut all = [self; 5];
        let mut n = 1;
        if let (true, Some(ta), Some(tl), Some(e)) = (unbalanced, self.assets, self.liabilities, self.equity)
        {
            all[1] = Sheet { assets: Some(e + tl), ..self };
            all[2] = Sheet { liabilities: Some(ta - e), ..self };
            all[3] = Sheet { equity: Some(ta - tl), ..self };
            n = 4;
        }
        if let (Some(floor), Some(ta)) = (assets_at_least, self.assets)
            && floor > ta
        {
            all[n] = Sheet { assets: Some(floor), ..self };
            n += 1;
        }
        (all, n)
    }
}

/// `num / den`, or unknown when either is missing or the denominator is not positive.
pub fn ratio(num: Option<f64>, den: Option<f64>) -> Option<f64> {
    match (num, den) {
        (Some(n), Some(d)) if d > 0.0 => Some(n / d),
        _ => None,
    }
}

/// A liquidity ratio over current liabilities; none at all means no short-term stress.
pub fn liquidity_ratio(num: Option<f64>, current_liabilities: Option<f64>) -> Option<f64> {
    match (num, current_liabilities) {
        (Some(_), Some(0.0)) => Some(f64::INFINITY),
        _ => ratio(num, current_liabilities),
    }
}

/// Altman Z'' for private non-manufacturing firms on one version of the sheet:
/// 6.56·WC/TA + 3.26·RE/TA + 6.72·EBIT/TA + 1.05·equity/TL, infinite without liabilities.
pub fn z2_on(
    s: Sheet,
    working_capital: Option<f64>,
    retained: Option<f64>,
    ebit: Option<f64>,
) -> Option<f64> {
    let ta = s.assets.filter(|v| *v > 0.0)?;
    let (tl, equity) = (s.liabilities?, s.equity?);
    let leverage = match tl {
        _ if tl > 0.0 => equity / tl,
        _ if tl == 0.0 && equity > 0.0 => f64::INFINITY,
        _ => return None,
    };
    Some(6.56 * working_capital? / ta + 3.26 * retained? / ta + 6.72 * ebit? / ta + 1.05 * leverage)
}

/// Altman Z'' of the accounts as filed; `None` when a figure is missing or a denominator is
/// not positive (without any liabilities the ratio is unbounded and not reported).
pub fn altman_z2(p: &Prospect) -> Option<f64> {
    let f = |m: Option<Money>| m.map(Money::to_f64);
    let sheet = Sheet { assets: f(p.total_assets), liabilities: f(p.total_liabilities), equity: f(p.equity) };
    let wc = p.current_assets.zip(p.current_liabilities).map(|(ca, cl)| (ca - cl).to_f64());
    z2_on(sheet, wc, f(p.retained_earnings), f(p.ebit)).filter(|z| z.is_finite())
}
