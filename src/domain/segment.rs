//! Volume segments: like the voltage levels of a grid, annual volume decides how a customer is
//! served (SPEC §3).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::money::Money;
use super::policy::Policy;
use super::prospect::Channel;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Strategic,
    Key,
    Core,
    Small,
    Micro,
}

impl Segment {
    /// Largest first.
    pub const ALL: [Segment; 5] =
        [Segment::Strategic, Segment::Key, Segment::Core, Segment::Small, Segment::Micro];

    pub fn label(self) -> &'static str {
        match self {
            Segment::Strategic => "Strategic",
            Segment::Key => "Key",
            Segment::Core => "Core",
            Segment::Small => "Small",
            Segment::Micro => "Micro",
        }
    }

    /// At most 6 characters, for narrow tables.
    pub fn short(self) -> &'static str {
        match self {
            Segment::Strategic => "Strat.",
            other => other.label(),
        }
    }

    /// The lowercase name used in JSON, CSV and the command line.
    pub fn key(self) -> &'static str {
        super::table::PerSegment::<()>::key(self)
    }
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Channel {
    pub const ALL: [Channel; 5] =
        [Channel::KeyAccount, Channel::Direct, Channel::InsideSales, Channel::Partner, Channel::Wholesaler];

    pub fn label(self) -> &'static str {
        match self {
            Channel::KeyAccount => "direct key account",
            Channel::Direct => "direct",
            Channel::InsideSales => "inside sales",
            Channel::Partner => "partner / sister brand",
            Channel::Wholesaler => "wholesaler",
        }
    }

    pub fn key(self) -> &'static str {
        super::table::PerChannel::<()>::key(self)
    }
}

/// The segment of an annual volume: the largest whose minimum it reaches.
pub fn segment_for(volume: Money, policy: &Policy) -> Segment {
    Segment::ALL.into_iter().find(|s| volume >= policy.segments.get(*s).min_volume).unwrap_or(Segment::Micro)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_boundary_belongs_to_the_larger_segment() {
        let policy = Policy::default_policy();
        let cases = [
            (1_000_000, Segment::Strategic),
            (999_999, Segment::Key),
            (250_000, Segment::Key),
            (249_999, Segment::Core),
            (50_000, Segment::Core),
            (49_999, Segment::Small),
            (10_000, Segment::Small),
            (9_999, Segment::Micro),
            (0, Segment::Micro),
        ];
        for (volume, want) in cases {
            assert_eq!(segment_for(Money::units(volume), &policy), want, "{volume}");
        }
    }

    #[test]
    fn each_segment_names_its_channel() {
        let policy = Policy::default_policy();
        assert_eq!(policy.segments.strategic.channel, Channel::KeyAccount);
        assert_eq!(policy.segments.small.channel, Channel::Partner);
        assert_eq!(policy.segments.micro.channel, Channel::Wholesaler);
    }
}
