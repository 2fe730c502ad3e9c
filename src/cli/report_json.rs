//! How an eval record is written: its members in the contract's order (`report.rs`, README),
//! through `json_out`, with the bytes serde_json would give the same values.

use super::json_out::{Object, array, boolean, number, optional, serialized, string, whole};
use super::report::{
    Amount, CapRecord, EconomicsRecord, EvalRecord, ReasonRecord, TermsRecord, WarningRecord,
};

type Written = serde_json::Result<()>;

impl EvalRecord<'_> {
    /// The record in compact JSON, at the end of `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) -> Written {
        let mut o = Object::begin(out);
        string(o.key("name"), self.name)?;
        if let Some(registration) = self.registration {
            string(o.key("registration"), registration)?;
        }
        optional(o.key("score"), self.score, number)?;
        string(o.key("band"), &self.band)?;
        number(o.key("pd"), self.pd)?;
        boolean(o.key("in_default"), self.in_default)?;
        number(o.key("coverage"), self.coverage)?;
        boolean(o.key("insufficient_data"), self.insufficient_data)?;
        optional(o.key("altman_z2"), self.altman_z2, number)?;
        optional(o.key("altman_zone"), self.altman_zone, string)?;
        array(o.key("caps"), &self.caps, |out, c| c.write_json(out))?;
        array(o.key("warnings"), &self.warnings, |out, w| w.write_json(out))?;
        array(o.key("reasons"), &self.reasons, |out, r| r.write_json(out))?;
        optional(o.key("segment"), self.segment, |out, s| serialized(out, &s))?;
        serialized(o.key("channel"), &self.channel)?;
        self.terms.write_json(o.key("terms"))?;
        if let Some(suggested) = &self.suggested_terms {
            suggested.write_json(o.key("suggested_terms"))?;
        }
        self.credit_need.write_json(o.key("credit_need"))?;
        self.credit_cap.write_json(o.key("credit_cap"))?;
        self.line_ceiling.write_json(o.key("line_ceiling"))?;
        optional(o.key("economics"), self.economics.as_ref(), |out, x| x.write_json(out))?;
        array(o.key("deviations"), &self.deviations, serialized)?;
        array(o.key("assumptions"), self.assumptions, |out, a| string(out, a))?;
        o.end();
        Ok(())
    }
}

impl CapRecord {
    fn write_json(&self, out: &mut Vec<u8>) -> Written {
        let mut o = Object::begin(out);
        string(o.key("band"), &self.band)?;
        string(o.key("rule"), self.rule)?;
        string(o.key("why"), &self.why)?;
        o.end();
        Ok(())
    }
}

impl WarningRecord {
    fn write_json(&self, out: &mut Vec<u8>) -> Written {
        let mut o = Object::begin(out);
        array(o.key("fields"), &self.fields, |out, f| string(out, f))?;
        string(o.key("text"), &self.text)?;
        o.end();
        Ok(())
    }
}

impl ReasonRecord {
    fn write_json(&self, out: &mut Vec<u8>) -> Written {
        let mut o = Object::begin(out);
        string(o.key("factor"), self.factor)?;
        number(o.key("points"), self.points)?;
        string(o.key("text"), &self.text)?;
        o.end();
        Ok(())
    }
}

impl TermsRecord<'_> {
    fn write_json(&self, out: &mut Vec<u8>) -> Written {
        let mut o = Object::begin(out);
        whole(o.key("payment_days"), self.payment_days)?;
        number(o.key("advance_pct"), self.advance_pct)?;
        number(o.key("discount_pct"), self.discount_pct)?;
        whole(o.key("discount_days"), self.discount_days)?;
        self.credit_limit.write_json(o.key("credit_limit"))?;
        self.unsecured_limit.write_json(o.key("unsecured_limit"))?;
        serialized(o.key("delivery"), &self.delivery)?;
        serialized(o.key("security"), &self.security)?;
        self.security_amount.write_json(o.key("security_amount"))?;
        whole(o.key("review_months"), self.review_months)?;
        if let Some(why) = self.why {
            array(o.key("why"), why, |out, line| string(out, line))?;
        }
        if let Some(ask) = self.ask {
            string(o.key("ask"), ask)?;
        }
        o.end();
        Ok(())
    }
}

impl EconomicsRecord {
    fn write_json(&self, out: &mut Vec<u8>) -> Written {
        let mut o = Object::begin(out);
        let amount = |out: &mut Vec<u8>, a: Amount| a.write_json(out);
        amount(o.key("volume"), self.volume)?;
        amount(o.key("volume_sold"), self.volume_sold)?;
        amount(o.key("gross_margin"), self.gross_margin)?;
        amount(o.key("discounts"), self.discounts)?;
        amount(o.key("prepayment_discount"), self.prepayment_discount)?;
        amount(o.key("early_payment_discount"), self.early_payment_discount)?;
        optional(o.key("discount_cost_pct"), self.discount_cost_pct, number)?;
        amount(o.key("credit_need"), self.credit_need)?;
        number(o.key("days_to_pay"), self.days_to_pay)?;
        amount(o.key("average_receivable"), self.average_receivable)?;
        amount(o.key("exposure"), self.exposure)?;
        amount(o.key("covered_exposure"), self.covered_exposure)?;
        amount(o.key("uncovered_exposure"), self.uncovered_exposure)?;
        amount(o.key("loss_at_default"), self.loss_at_default)?;
        amount(o.key("expected_loss"), self.expected_loss)?;
        amount(o.key("financing_cost"), self.financing_cost)?;
        amount(o.key("cost_to_serve"), self.cost_to_serve)?;
        amount(o.key("security_cost"), self.security_cost)?;
        amount(o.key("risk_adjusted_profit"), self.risk_adjusted_profit)?;
        optional(o.key("risk_adjusted_margin_pct"), self.risk_adjusted_margin_pct, number)?;
        optional(o.key("loss_at_default_months"), self.loss_at_default_months, number)?;
        optional(o.key("sales_to_replace_loss"), self.sales_to_replace_loss, amount)?;
        amount(o.key("capital"), self.capital)?;
        optional(o.key("raroc_pct"), self.raroc_pct, number)?;
        o.end();
        Ok(())
    }
}

impl Amount {
    /// The amount as a string, as `Money` serializes it.
    pub fn write_json(self, out: &mut Vec<u8>) -> Written {
        let mut buffer = [0u8; 24];
        match self.0.plain_text(&mut buffer) {
            Some(text) => string(out, text),
            None => string(out, &self.0.to_string()),
        }
    }
}
