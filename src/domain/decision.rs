//! A decision on a prospect and the record it leaves: who decided what and when, on which
//! terms, against which assessment. The record is a plain serde struct, one row of an
//! append-only table: the history of a prospect is never rewritten, only extended.

use chrono::{DateTime, Datelike, FixedOffset};
use serde::{Deserialize, Serialize};

use super::date::Date;
use super::economics::channel;
use super::evaluate::{Evaluation, evaluate};
use super::money::Money;
use super::policy::Policy;
use super::prospect::{Prospect, Terms};
use super::terms::deviations::{Deviation, deviations};
use super::vocabulary::{Band, Status};

/// One recorded decision, with the terms and the assessment as they stood that day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionRecord {
    /// The local date of the decision; the review date counts from it.
    pub date: Date,
    /// The local date and time with its offset from UTC. Records of store schema 1 kept the
    /// date only: they have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<DateTime<FixedOffset>>,
    /// Who decided: the OS user with the file store. Records of schema 1 have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    pub status: Status,
    /// The terms the decision agreed to (or those in force, for one that agrees none).
    pub terms: Terms,
    /// How the agreed terms are easier than the policy's cell on the day (none for a decision
    /// that agrees no terms). `None`: not known, the record is from before decisions kept them
    /// (store schema 4 and older).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deviations: Option<Vec<Deviation>>,
    /// The decision's own note (the prospect's note is the prospect's).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub band: Band,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_adjusted_profit: Option<Money>,
}

impl DecisionRecord {
    /// When the prospect is due for review: the decision's date plus its review interval (an
    /// interval of 0, "before every order", is due at once).
    pub fn review_date(&self) -> Date {
        self.date.plus_months(self.terms.review_months)
    }
}

/// When the prospect is due for its next review: the review date of its latest decision. A
/// declined prospect, or one never decided, has no review to come.
pub fn review_due(p: &Prospect) -> Option<Date> {
    p.history.last().filter(|d| d.status != Status::Declined).map(DecisionRecord::review_date)
}

/// Who decides and when: read by the runner or the command line (the domain has no clock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// Local date and time.
    pub at: DateTime<FixedOffset>,
    pub by: String,
}

impl Stamp {
    /// The local date of the stamp (`fallback` for a year the calendar here does not hold).
    pub fn date(&self, fallback: Date) -> Date {
        let (month, day) = (u8::try_from(self.at.month()).ok(), u8::try_from(self.at.day()).ok());
        month.zip(day).and_then(|(m, d)| Date::new(self.at.year(), m, d)).unwrap_or(fallback)
    }
}

/// What was decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub status: Status,
    /// The terms agreed; `None` keeps those agreed before, else the suggestion.
    pub terms: Option<Terms>,
    pub note: String,
}

/// Whether a status agrees terms with the prospect (it will be served on them).
pub fn agrees_terms(status: Status) -> bool {
    matches!(status, Status::Approved | Status::ApprovedWithConditions | Status::RoutedToPartner)
}

/// The terms a decision on `p` stands on when it names none: those agreed before (a routed
/// prospect's back on its segment's channel), else the suggestion of `evaluation`.
pub fn standing_terms(p: &Prospect, evaluation: &Evaluation) -> Terms {
    let suggested = &evaluation.suggestion.terms;
    match &p.agreed_terms {
        Some(t) if p.status == Status::RoutedToPartner => Terms { channel: suggested.channel, ..t.clone() },
        Some(t) => t.clone(),
        None => suggested.clone(),
    }
}

/// The terms a decision on `p` records and how they deviate from the suggestion of
/// `evaluation`: those given, else `standing_terms`; the review interval is the band's on the
/// day, and a routing serves them through a partner (`channel::routed`). A decision that
/// agrees no terms deviates in none.
pub fn decided_terms(
    p: &Prospect,
    status: Status,
    given: Option<Terms>,
    evaluation: &Evaluation,
) -> (Terms, Vec<Deviation>) {
    let mut terms = given.unwrap_or_else(|| standing_terms(p, evaluation));
    // The review interval is the band's (policy bands.*.review_months), not a negotiated term:
    // terms agreed before, or typed in the what-if, do not carry an older interval forward.
    terms.review_months = evaluation.assessment.review_months;
    if status == Status::RoutedToPartner {
        terms.channel = channel::routed(terms.channel);
    }
    let deviations =
        if agrees_terms(status) { deviations(&terms, &evaluation.suggestion) } else { Vec::new() };
    (terms, deviations)
}

/// The prospect after a decision: its status, its agreed terms when the decision agrees some,
/// and the decision appended to its history with the assessment of `today` and its terms'
/// deviations from policy (`decided_terms`). The prospect's own note is kept.
pub fn record(p: &Prospect, decision: Decision, stamp: &Stamp, policy: &Policy, today: Date) -> Prospect {
    let mut after = p.clone();
    record_on(&mut after, decision, stamp, policy, today, &evaluate(p, policy, today));
    after
}

/// `record` in place, on the evaluation of `p` as it is before the decision (`evaluate(p,
/// policy, today)`), which a caller that has it already need not work out again.
pub fn record_on(
    p: &mut Prospect,
    decision: Decision,
    stamp: &Stamp,
    policy: &Policy,
    today: Date,
    evaluation: &Evaluation,
) {
    let (terms, deviations) = decided_terms(p, decision.status, decision.terms, evaluation);
    let record = DecisionRecord {
        date: stamp.date(today),
        decided_at: Some(stamp.at),
        decided_by: Some(stamp.by.clone()),
        status: decision.status,
        risk_adjusted_profit: evaluation.economics_on(&terms, policy).map(|x| x.risk_adjusted_profit),
        terms: terms.clone(),
        deviations: Some(deviations),
        note: decision.note,
        band: evaluation.assessment.band,
        score: evaluation.assessment.score,
    };
    p.status = decision.status;
    if agrees_terms(decision.status) {
        p.agreed_terms = Some(terms);
    }
    p.history.push(record);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> Stamp {
        let at = DateTime::parse_from_rfc3339("2026-11-28T09:14:00+01:00").unwrap();
        Stamp { at, by: "ann".into() }
    }

    #[test]
    fn a_decision_keeps_the_prospects_note_and_records_its_own() {
        let policy = Policy::default_policy();
        let today = Date::new(2026, 11, 28).unwrap();
        let p = Prospect { note: Some("met at the fair".into()), ..Prospect::named("A") };
        let decision = Decision { status: Status::Declined, terms: None, note: "too risky".into() };
        let after = record(&p, decision, &stamp(), &policy, today);
        assert_eq!(after.note.as_deref(), Some("met at the fair"));
        assert_eq!(after.status, Status::Declined);
        assert_eq!(after.agreed_terms, None, "a declined prospect agrees no terms");
        let d = &after.history[0];
        assert_eq!((d.note.as_str(), d.decided_by.as_deref()), ("too risky", Some("ann")));
        assert_eq!(d.decided_at.map(|t| t.to_rfc3339()), Some("2026-11-28T09:14:00+01:00".into()));
        assert_eq!(d.date, today);
    }

    #[test]
    fn the_review_interval_is_the_bands_on_the_day_even_for_terms_agreed_before() {
        let today = Date::new(2026, 11, 28).unwrap();
        let p = Prospect::named("A");
        let mut policy = Policy::default_policy();
        let band = evaluate(&p, &policy, today).assessment.band;
        policy.bands.get_mut(band).review_months = 5;
        let old = Terms { review_months: 24, ..evaluate(&p, &policy, today).suggestion.terms };
        let p = Prospect { agreed_terms: Some(old), ..p };
        let keep = Decision { status: Status::Approved, terms: None, note: String::new() };
        let after = record(&p, keep, &stamp(), &policy, today);
        let d = &after.history[0];
        // 28 November 2026 plus the band's 5 months (not the 24 agreed before): 28 April 2027.
        assert_eq!((d.terms.review_months, d.review_date()), (5, Date::new(2027, 4, 28).unwrap()));
    }

    #[test]
    fn a_routing_serves_through_the_partner_and_an_approval_after_it_serves_direct_again() {
        use crate::domain::money::Money;
        use crate::domain::vocabulary::Channel;
        let policy = Policy::default_policy();
        let today = Date::new(2026, 11, 28).unwrap();
        // 120 000 a year is the Core segment, served by inside sales (policy segments.core).
        let p = Prospect { annual_volume: Some(Money::units(120_000)), ..Prospect::named("A") };
        let decide = |p: &Prospect, status| {
            let decision = Decision { status, terms: None, note: String::new() };
            record(p, decision, &stamp(), &policy, today)
        };
        let routed = decide(&p, Status::RoutedToPartner);
        assert_eq!(routed.agreed_terms.as_ref().map(|t| t.channel), Some(Channel::Partner));
        let approved = decide(&routed, Status::Approved);
        assert_eq!(approved.agreed_terms.as_ref().map(|t| t.channel), Some(Channel::InsideSales));
    }

    #[test]
    fn a_stamp_just_after_midnight_is_dated_by_its_local_day() {
        // 00:30 in Brussels is still the day before in UTC: the decision is of the local day.
        let at = DateTime::parse_from_rfc3339("2026-12-01T00:30:00+01:00").unwrap();
        let s = Stamp { at, by: "ann".into() };
        assert_eq!(s.date(Date::EPOCH), Date::new(2026, 12, 1).unwrap());
    }

    #[test]
    fn the_review_date_is_the_interval_after_the_decision() {
        let policy = Policy::default_policy();
        let today = Date::new(2026, 11, 28).unwrap();
        let p = Prospect::named("A");
        let mut after = record(
            &p,
            Decision { status: Status::Reviewing, terms: None, note: String::new() },
            &stamp(),
            &policy,
            today,
        );
        let d = after.history.pop().unwrap();
        let with = |months| DecisionRecord {
            terms: Terms { review_months: months, ..d.terms.clone() },
            ..d.clone()
        };
        // 28 November plus 3 months is 28 February; plus 15 months, 28 February of the year after.
        assert_eq!(with(3).review_date(), Date::new(2027, 2, 28).unwrap());
        assert_eq!(with(15).review_date(), Date::new(2028, 2, 28).unwrap());
        assert_eq!(with(0).review_date(), today, "before every order: due at once");
    }
}
