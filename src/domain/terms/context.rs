//! What every band's proposal for one prospect shares, worked out once per prospect: the DBT
//! counted on, the payment health and its factor, the VAT, the legal ceiling, what bounds a
//! secured line, what the risk model allows in open credit, and the receivables already worked
//! out.

use std::cell::RefCell;

use rust_decimal::Decimal;

use super::capacity::{self, LineBounds, OpenCredit};
use super::ceiling::{Ceiling, term_ceiling};
use super::security::Fit;
use crate::domain::economics::exposure::{self, Payment};
use crate::domain::money::{Money, Pct};
use crate::domain::policy::Policy;
use crate::domain::prospect::{Prospect, Terms};
use crate::domain::risk::Assessment;
use crate::domain::vocabulary::{Band, Segment};

/// What every band's proposal for one prospect shares.
pub(super) struct Context<'a> {
    pub(super) p: &'a Prospect,
    pub(super) policy: &'a Policy,
    pub(super) segment: Option<Segment>,
    pub(super) column: Segment,
    pub(super) dbt: u32,
    pub(super) dbt_assumed: bool,
    /// The prospect's own band, whose DBT is assumed when unknown.
    pub(super) band: Band,
    pub(super) observed: u32,
    pub(super) health: f64,
    /// `health` as the factor of the unsecured cap.
    pub(super) health_weight: Decimal,
    /// The accounts are stale: open credit rests on their equity no further than on none.
    pub(super) stale: bool,
    /// Months between reviews, from the risk model.
    pub(super) review_months: u32,
    vat: Pct,
    pub(super) ceiling: Ceiling,
    /// What bounds a secured line.
    pub(super) line: LineBounds,
    pub(super) fit: Fit,
    pub(super) open_credit: OpenCredit,
    pub(super) insufficient_data: bool,
    /// Receivables already worked out for this prospect: the bands tried and the fit ask for
    /// the same ones again.
    needs: RefCell<Needs>,
}

/// The last few receivables, keyed by the decimals they are worked out from as stored (scale
/// included), so that a hit is the very amount the working out would give.
#[derive(Default)]
struct Needs {
    entries: [Option<(NeedKey, Money)>; 8],
    next: usize,
}

/// Volume, advance and days to pay, each as `Decimal::serialize` stores it.
type NeedKey = ([u8; 16], [u8; 16], [u8; 16]);

impl Needs {
    fn key(volume: Money, advance: Pct, days: Decimal) -> NeedKey {
        (volume.amount().serialize(), advance.percent().serialize(), days.serialize())
    }

    fn get(&self, key: &NeedKey) -> Option<Money> {
        self.entries.iter().flatten().find(|(k, _)| k == key).map(|(_, need)| *need)
    }

    fn put(&mut self, key: NeedKey, need: Money) {
        self.entries[self.next] = Some((key, need));
        self.next = (self.next + 1) % self.entries.len();
    }
}

impl<'a> Context<'a> {
    pub(super) fn new(p: &'a Prospect, a: &Assessment, segment: Option<Segment>, policy: &'a Policy) -> Self {
        // Unknown DBT: the larger of the band's assumption and the scorecard's cautious value.
        let cautious = policy.scorecard.payment.dbt_days.cautious.clamp(0.0, 3650.0).ceil() as u32;
        let (dbt, dbt_assumed) = match p.dbt_days {
            Some(d) => (d, false),
            None => (policy.terms.get(a.band).assumed_dbt_days.max(cautious), true),
        };
        let domestic = exposure::is_domestic(p.country.as_deref(), policy);
        let health = capacity::payment_health(a, policy);
        Context {
            p,
            policy,
            segment,
            column: segment.unwrap_or(Segment::Micro),
            dbt,
            dbt_assumed,
            band: a.band,
            observed: p.observed_terms_days.unwrap_or(policy.exposure.observed_terms_days),
            health,
            health_weight: capacity::health_weight(health),
            stale: a.stale_accounts,
            review_months: a.review_months,
            vat: exposure::vat_rate(p.country.as_deref(), policy),
            ceiling: term_ceiling(p, policy),
            line: LineBounds::new(p, policy),
            fit: Fit { domestic, goods_identifiable: policy.seller.goods_identifiable },
            open_credit: capacity::open_credit(a),
            insufficient_data: a.insufficient_data,
            needs: RefCell::default(),
        }
    }

    pub(super) fn payment(&self, t: &Terms) -> Payment {
        Payment {
            payment_days: t.payment_days,
            delivery: t.delivery,
            security: t.security,
            dbt_days: self.dbt,
            observed_terms_days: self.observed,
            discount_pct: t.discount_pct,
            discount_days: t.discount_days,
        }
    }

    /// The receivable `t` needs on the whole volume, in invoice amounts.
    pub(super) fn need(&self, volume: Money, t: &Terms) -> Money {
        let days = exposure::days_to_pay(&self.payment(t), self.policy);
        let key = Needs::key(volume, t.advance_pct, days);
        // Looked up and stored in two short borrows: none is held while the amount is worked out.
        if let Some(need) = self.needs.borrow().get(&key) {
            return need;
        }
        let need = exposure::receivable(volume, self.vat, t.advance_pct, days);
        self.needs.borrow_mut().put(key, need);
        need
    }
}
