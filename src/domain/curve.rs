//! Piecewise-linear curves from an input value to a health between 0 (worst) and 1 (best).
//!
//! Every scorecard threshold is a breakpoint of such a curve in the policy file, so a credit
//! manager can read and move them, and the validator can prove each curve monotone.

use serde::{Deserialize, Serialize};

/// Which way a curve must run for the scorecard to stay monotone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// More is better (ratios, scores): health never falls as the input rises.
    HigherIsBetter,
    /// More is worse (days late, debts): health never rises as the input rises.
    LowerIsBetter,
}

/// Breakpoints `[input, health]`, inputs strictly increasing; flat beyond both ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Curve(pub Vec<[f64; 2]>);

impl Curve {
    /// The health at `x`, interpolated between breakpoints and clamped at the ends.
    pub fn health(&self, x: f64) -> f64 {
        let points = &self.0;
        let (Some(first), Some(last)) = (points.first(), points.last()) else {
            return 1.0;
        };
        if x <= first[0] {
            return first[1];
        }
        if x >= last[0] {
            return last[1];
        }
        let i = points.partition_point(|p| p[0] <= x);
        let ([x0, y0], [x1, y1]) = (points[i - 1], points[i]);
        y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    }

    /// The breakpoint a reason quotes: for a falling curve the last one at or below `x` where
    /// health has started to fall, for a rising curve the first one at or above `x` that would
    /// give more health. `None` when the value earns full health.
    pub fn threshold(&self, x: f64, direction: Direction) -> Option<f64> {
        self.threshold_at(x, self.health(x), direction)
    }

    /// `threshold`, given `health` = `self.health(x)` already worked out.
    pub fn threshold_at(&self, x: f64, health: f64, direction: Direction) -> Option<f64> {
        let best = self.0.iter().map(|p| p[1]).fold(0.0, f64::max);
        if health >= best {
            return None;
        }
        match direction {
            Direction::LowerIsBetter => {
                self.0.iter().rev().find(|p| p[0] <= x).or(self.0.first()).map(|p| p[0])
            }
            Direction::HigherIsBetter => self.0.iter().find(|p| p[0] > x).or(self.0.last()).map(|p| p[0]),
        }
    }

    /// Checks the breakpoints: at least one, inputs strictly increasing, health in 0–1 and
    /// running the required way. The error names the offending point.
    pub fn validate(&self, direction: Direction) -> Result<(), String> {
        if self.0.is_empty() {
            return Err("needs at least one point".into());
        }
        for (i, [x, y]) in self.0.iter().enumerate() {
            if !x.is_finite() || !(0.0..=1.0).contains(y) {
                return Err(format!("point {} has health {y}: must be between 0 and 1", i + 1));
            }
        }
        for (i, pair) in self.0.windows(2).enumerate() {
            let ([x0, y0], [x1, y1]) = (pair[0], pair[1]);
            if x1 <= x0 {
                return Err(format!("point {} ({x1}) must come after point {} ({x0})", i + 2, i + 1));
            }
            let wrong_way = match direction {
                Direction::HigherIsBetter => y1 < y0,
                Direction::LowerIsBetter => y1 > y0,
            };
            if wrong_way {
                let way = match direction {
                    Direction::HigherIsBetter => "rise",
                    Direction::LowerIsBetter => "fall",
                };
                return Err(format!(
                    "health must {way} with the input, but point {} goes from {y0} to {y1}",
                    i + 2
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dbt() -> Curve {
        Curve(vec![[0.0, 1.0], [30.0, 0.6], [60.0, 0.1]])
    }

    #[test]
    fn interpolates_and_clamps() {
        let c = dbt();
        assert_eq!(c.health(-5.0), 1.0);
        assert_eq!(c.health(0.0), 1.0);
        assert!((c.health(15.0) - 0.8).abs() < 1e-12);
        assert!((c.health(45.0) - 0.35).abs() < 1e-12);
        assert_eq!(c.health(500.0), 0.1);
    }

    #[test]
    fn quotes_the_breakpoint_passed() {
        let c = dbt();
        assert_eq!(c.threshold(0.0, Direction::LowerIsBetter), None);
        assert_eq!(c.threshold(42.0, Direction::LowerIsBetter), Some(30.0));
        assert_eq!(c.threshold(10.0, Direction::LowerIsBetter), Some(0.0));
        let ratio = Curve(vec![[0.5, 0.0], [1.0, 0.5], [2.0, 1.0]]);
        assert_eq!(ratio.threshold(0.8, Direction::HigherIsBetter), Some(1.0));
        assert_eq!(ratio.threshold(2.5, Direction::HigherIsBetter), None);
    }

    #[test]
    fn validation_names_the_point() {
        assert!(dbt().validate(Direction::LowerIsBetter).is_ok());
        let err = dbt().validate(Direction::HigherIsBetter).unwrap_err();
        assert!(err.contains("point 2"), "{err}");
        let unordered = Curve(vec![[0.0, 1.0], [0.0, 0.5]]);
        assert!(unordered.validate(Direction::LowerIsBetter).unwrap_err().contains("after"));
        let out_of_range = Curve(vec![[0.0, 1.5]]);
        assert!(out_of_range.validate(Direction::LowerIsBetter).is_err());
        assert!(Curve(vec![]).validate(Direction::LowerIsBetter).is_err());
    }
}
