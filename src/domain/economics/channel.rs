//! Channels in money: each keeps a share of the price (a sister brand's margin, a wholesaler's
//! discount) and costs its own to serve; through a wholesaler the debtor is the wholesaler,
//! with its own default probability and terms.

use rust_decimal::Decimal;

use crate::domain::money::{Money, Pct};
use crate::domain::policy::Policy;
use crate::domain::vocabulary::Channel;

/// The channel a prospect routed to a partner is served through: one that is a partner already
/// (the sister brand, or a wholesaler, the smallest buyers' partner, which is then the debtor),
/// else the sister brand.
pub fn routed(channel: Channel) -> Channel {
    match channel {
        Channel::Partner | Channel::Wholesaler => channel,
        Channel::KeyAccount | Channel::Direct | Channel::InsideSales => Channel::Partner,
    }
}

/// The seller's gross margin rate through a channel: the margin less the channel's share of
/// the price (negative when the channel keeps more than the margin).
pub fn margin_rate(margin: Pct, channel: Channel, policy: &Policy) -> Decimal {
    margin.fraction() - policy.channels.get(channel).margin_haircut_pct.fraction()
}

/// What the seller keeps a year through a channel: volume × its margin rate − cost to serve.
pub fn contribution(volume: Money, margin: Pct, channel: Channel, policy: &Policy) -> Money {
    volume.times(margin_rate(margin, channel, policy)) - policy.channels.get(channel).cost_to_serve
}

/// The channel's case in money, for the suggestion's "why": what serving direct would cost
/// against the margin, and what the chosen channel keeps of it.
pub fn why_channel(volume: Money, margin: Pct, channel: Channel, policy: &Policy) -> String {
    let gross = volume.times(margin.fraction());
    let rule = policy.channels.get(channel);
    if rule.margin_haircut_pct.percent().is_zero() && rule.debtor.is_none() {
        return format!("{} to serve against a {} margin", rule.cost_to_serve.grouped(), gross.grouped());
    }
    let direct = policy.channels.direct.cost_to_serve;
    let mut text =
        format!("served direct: {} to serve against a {} margin", direct.grouped(), gross.grouped());
    {
        let kept = volume.times(margin_rate(margin, channel, policy));
        text.push_str(&format!(
            "; through the {}: {} to serve, {} % of the price to the channel, {} margin kept",
            channel.label(),
            rule.cost_to_serve.grouped(),
            rule.margin_haircut_pct,
            kept.grouped()
        ));
        if let Some(debtor) = &rule.debtor {
            text.push_str(&format!(
                ", and the {} is the debtor (PD {} %, {} days + {} DBT)",
                channel.label(),
                debtor.pd_pct,
                debtor.payment_days,
                debtor.dbt_days
            ));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::NumberStyle;

    #[test]
    fn channel_haircut_by_hand() {
        let policy = Policy::default_policy();
        let margin = Pct::parse("31", NumberStyle::Point).unwrap();
        let volume = Money::units(18_000);
        // The article's Y: 18 000 at 31 %: direct 5 580 − 9 000 = −3 420; through the partner
        // (8 % of the price to the sister brand) 18 000·0.23 − 400 = 3 740; through a
        // wholesaler (12 %) 18 000·0.19 − 100 = 3 320.
        assert_eq!(contribution(volume, margin, Channel::Direct, &policy), Money::units(-3_420));
        assert_eq!(contribution(volume, margin, Channel::Partner, &policy), Money::units(3_740));
        assert_eq!(contribution(volume, margin, Channel::Wholesaler, &policy), Money::units(3_320));
        let why = why_channel(volume, margin, Channel::Partner, &policy);
        assert!(why.starts_with("served direct: 9 000 to serve against a 5 580 margin"), "{why}");
        assert!(why.contains("400 to serve, 8 % of the price to the channel, 4 140 margin kept"), "{why}");
    }
}
