//! How a measured change is said in a bullet: the right arithmetic and the right words for
//! the unit and the direction. 800 -> 120 ms is "by 85%"; 4.0% -> 5.2% is "by 1.2 points, 30% higher";
//! 2 -> 10 deploys a week is "5x".

use crate::journal::{Direction, Metric};

/// What kind of quantity a unit names; it decides how numbers and changes are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A percentage: changes are in points, with the relative change beside them.
    Percent,
    /// Money: the symbol goes first and thousands are grouped.
    Currency(&'static str),
    /// A duration such as ms, s, min, h or days.
    Time,
    /// Anything counted: requests/s, incidents, deploys a week, or no unit at all.
    Count,
}

pub fn unit_kind(unit: Option<&str>) -> UnitKind {
    let Some(unit) = unit.map(str::trim) else {
        return UnitKind::Count;
    };
    match unit.to_ascii_lowercase().as_str() {
        "%" | "percent" | "pct" => UnitKind::Percent,
        "$" | "usd" => UnitKind::Currency("$"),
        "€" | "eur" => UnitKind::Currency("€"),
        "£" | "gbp" => UnitKind::Currency("£"),
        "ms" | "s" | "sec" | "secs" | "seconds" | "min" | "mins" | "minutes" | "h" | "hr"
        | "hrs" | "hours" | "d" | "days" | "weeks" => UnitKind::Time,
        _ => UnitKind::Count,
    }
}

/// A number as people write it: grouped thousands, no trailing zeros, at most 2 decimals.
pub fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let whole = abs.trunc() as u64;
    let mut digits = whole.to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(",{tail}{grouped}");
    }
    grouped = format!("{digits}{grouped}");
    let fraction = abs - whole as f64;
    if fraction > 1e-9 {
        let decimals = format!("{fraction:.2}");
        grouped.push_str(decimals.trim_start_matches('0').trim_end_matches('0'));
    }
    if negative {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A value with its unit, e.g. "120 ms", "5.2%", "$30,000", "1,200 requests/s".
pub fn with_unit(value: f64, unit: Option<&str>) -> String {
    match (unit_kind(unit), unit) {
        (UnitKind::Percent, _) => format!("{}%", number(value)),
        (UnitKind::Currency(symbol), _) => format!("{symbol}{}", number(value)),
        (_, Some(unit)) if !unit.trim().is_empty() => format!("{} {}", number(value), unit.trim()),
        _ => number(value),
    }
}

/// The verb and the size of a change, e.g. ("Cut", "by 85%"), ("Raised", "by 1.2 points
/// (30% higher)"), ("Grew", "5x"). `None` when the metric has no baseline to compare with.
pub fn change_phrase(metric: &Metric) -> Option<(String, String)> {
    let baseline = metric.baseline?;
    let result = metric.result;
    let kind = unit_kind(metric.unit.as_deref());
    let went_down = result < baseline;
    let improved = metric.improved;
    let verb = match (went_down, improved, metric.better) {
        (true, Some(true), _) | (true, None, Some(Direction::Lower)) => match kind {
            UnitKind::Currency(_) => "Cut",
            UnitKind::Time => "Cut",
            _ => "Reduced",
        },
        (false, Some(true), _) => {
            if baseline > 0.0 && result / baseline >= 2.0 {
                "Grew"
            } else {
                "Raised"
            }
        }
        (true, _, _) => "Lowered",
        (false, _, _) => "Increased",
    };
    let relative = metric.percent_change.map(|p| p.abs());
    let size = match kind {
        UnitKind::Percent => {
            let points = (result - baseline).abs();
            let points = format!(
                "{} point{}",
                number(points),
                if (points - 1.0).abs() < 1e-9 { "" } else { "s" }
            );
            match relative {
                Some(r) => format!(
                    "by {points}, {}% {}",
                    number(r.round()),
                    if went_down { "lower" } else { "higher" }
                ),
                None => format!("by {points}"),
            }
        }
        _ if !went_down && baseline > 0.0 && result / baseline >= 2.0 => {
            format!("{}x", number((result / baseline * 10.0).round() / 10.0))
        }
        _ => match relative {
            Some(r) => format!("by {}%", number(r.round())),
            None => format!(
                "by {}",
                with_unit((result - baseline).abs(), metric.unit.as_deref())
            ),
        },
    };
    Some((verb.to_string(), size))
}

/// "800 ms → 120 ms": the before and after, in the metric's unit.
pub fn before_after(metric: &Metric) -> Option<String> {
    let baseline = metric.baseline?;
    Some(format!(
        "{} → {}",
        with_unit(baseline, metric.unit.as_deref()),
        with_unit(metric.result, metric.unit.as_deref())
    ))
}

/// A metric's bullet: action, measured outcome, and the project it came from.
pub fn metric_bullet(metric: &Metric, project_title: &str) -> Option<String> {
    let (verb, size) = change_phrase(metric)?;
    let before_after = before_after(metric)?;
    Some(format!(
        "{verb} {} {size} ({before_after}) in {project_title}",
        lower_first(&metric.name)
    ))
}

/// Lowercases a leading capital unless the word is an acronym ("P99" stays, "Checkout" goes).
pub(crate) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => first
            .to_lowercase()
            .chain(std::iter::once(second))
            .chain(chars)
            .collect(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{EntryHead, MetricInput};

    fn metric(
        name: &str,
        unit: Option<&str>,
        baseline: f64,
        result: f64,
        better: Direction,
    ) -> Metric {
        Metric::derived(
            EntryHead {
                id: 1,
                ..Default::default()
            },
            MetricInput {
                project_id: 1,
                name: name.into(),
                unit: unit.map(Into::into),
                baseline: Some(baseline),
                result,
                better: Some(better),
                ..Default::default()
            },
        )
    }

    #[test]
    fn numbers_read_like_people_write_them() {
        let cases = [
            (0.0, "0"),
            (120.0, "120"),
            (5.2, "5.2"),
            (1234567.0, "1,234,567"),
            (0.125, "0.13"),
            (-42.5, "-42.5"),
            (1000.5, "1,000.5"),
        ];
        for (value, text) in cases {
            assert_eq!(number(value), text);
        }
        assert_eq!(with_unit(30000.0, Some("$")), "$30,000");
        assert_eq!(with_unit(5.2, Some("%")), "5.2%");
        assert_eq!(with_unit(120.0, Some("ms")), "120 ms");
        assert_eq!(with_unit(3.0, None), "3");
    }

    #[test]
    fn the_unit_and_direction_decide_the_wording() {
        use Direction::*;
        let cases = [
            // decrease, time
            (metric("p99 checkout latency", Some("ms"), 800.0, 120.0, Lower),
             "Cut p99 checkout latency by 85% (800 ms → 120 ms) in Checkout"),
            // percentage points
            (metric("Search CTR", Some("%"), 4.0, 5.2, Higher),
             "Raised search CTR by 1.2 points, 30% higher (4% → 5.2%) in Checkout"),
            // currency
            (metric("Monthly cloud cost", Some("$"), 50000.0, 30000.0, Lower),
             "Cut monthly cloud cost by 40% ($50,000 → $30,000) in Checkout"),
            // counts, a multiple
            (metric("deploys per week", None, 2.0, 10.0, Higher),
             "Grew deploys per week 5x (2 → 10) in Checkout"),
            // counts, a decrease
            (metric("Sev-2 incidents per quarter", Some("incidents"), 12.0, 3.0, Lower),
             "Reduced sev-2 incidents per quarter by 75% (12 incidents → 3 incidents) in Checkout"),
            // time, an increase that is good (uptime hours)
            (metric("Mean time between failures", Some("h"), 100.0, 150.0, Higher),
             "Raised mean time between failures by 50% (100 h → 150 h) in Checkout"),
            // a regression is said plainly
            (metric("Error rate", Some("%"), 1.0, 1.5, Lower),
             "Increased error rate by 0.5 points, 50% higher (1% → 1.5%) in Checkout"),
        ];
        for (m, expected) in cases {
            assert_eq!(metric_bullet(&m, "Checkout").unwrap(), expected);
        }
    }

    #[test]
    fn without_a_baseline_there_is_no_change_to_state() {
        let mut m = metric("p99", Some("ms"), 800.0, 120.0, Direction::Lower);
        m.input.baseline = None;
        assert!(metric_bullet(&m, "X").is_none());
    }
}
