//! Figures derived from what the engineer logged, computed on read and never stored,
//! so an edited baseline can never leave a stale percentage behind.

use super::Direction;

/// How a metric moved from its baseline to its result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MetricChange {
    pub change: Option<f64>,
    pub percent_change: Option<f64>,
    pub improved: Option<bool>,
}

impl MetricChange {
    pub fn of(baseline: Option<f64>, result: f64, better: Option<Direction>) -> MetricChange {
        let Some(baseline) = baseline else {
            return MetricChange { change: None, percent_change: None, improved: None };
        };
        let change = tidy(result - baseline);
        let percent_change = (baseline != 0.0).then(|| tidy(change / baseline.abs() * 100.0));
        let improved = better.map(|direction| match direction {
            Direction::Lower => change < 0.0,
            Direction::Higher => change > 0.0,
        });
        MetricChange { change: Some(change), percent_change, improved }
    }

    /// How strongly the metric argues for the project: the size of an improvement.
    pub fn strength(&self) -> f64 {
        match (self.improved, self.percent_change) {
            (Some(true), Some(p)) => p.abs(),
            (Some(true), None) => 0.5,
            (None, Some(p)) => p.abs() / 1000.0,
            _ => 0.0,
        }
    }
}

/// Rounds away floating-point noise (0.1 + 0.2) without hiding real precision.
fn tidy(value: f64) -> f64 {
    (value * 1e9).round() / 1e9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_follow_the_direction() {
        let cases = [
            // baseline, result, better, change, percent, improved
            (Some(800.0), 120.0, Some(Direction::Lower), Some(-680.0), Some(-85.0), Some(true)),
            (Some(4.0), 5.2, Some(Direction::Higher), Some(1.2), Some(30.0), Some(true)),
            (
                Some(99.9),
                99.5,
                Some(Direction::Higher),
                Some(-0.4),
                Some(-0.400400400),
                Some(false),
            ),
            (Some(10.0), 10.0, Some(Direction::Lower), Some(0.0), Some(0.0), Some(false)),
            (Some(0.0), 12.0, Some(Direction::Higher), Some(12.0), None, Some(true)),
            (Some(-20.0), -10.0, Some(Direction::Higher), Some(10.0), Some(50.0), Some(true)),
            (Some(3.0), 6.0, None, Some(3.0), Some(100.0), None),
            (None, 42.0, Some(Direction::Higher), None, None, None),
        ];
        for (baseline, result, better, change, percent, improved) in cases {
            let got = MetricChange::of(baseline, result, better);
            assert_eq!(got.change, change, "{baseline:?} -> {result}");
            match (got.percent_change, percent) {
                (Some(a), Some(b)) => assert!((a - b).abs() < 1e-6, "{a} vs {b}"),
                (a, b) => assert_eq!(a, b),
            }
            assert_eq!(got.improved, improved, "{baseline:?} -> {result}");
        }
    }

    #[test]
    fn an_improvement_outranks_a_regression() {
        let better = MetricChange::of(Some(800.0), 120.0, Some(Direction::Lower));
        let worse = MetricChange::of(Some(100.0), 300.0, Some(Direction::Lower));
        assert!(better.strength() > worse.strength());
    }
}
