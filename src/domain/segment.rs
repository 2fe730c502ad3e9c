//! Which volume segment an annual volume falls in (SPEC §3).

use strum::VariantArray;

use super::money::Money;
use super::policy::Policy;
use super::vocabulary::Segment;

/// The segment of an annual volume: the largest whose minimum it reaches.
pub fn segment_for(volume: Money, policy: &Policy) -> Segment {
    Segment::VARIANTS
        .iter()
        .copied()
        .find(|s| volume >= policy.segments.get(*s).min_volume)
        .unwrap_or(Segment::Micro)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vocabulary::Channel;

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
