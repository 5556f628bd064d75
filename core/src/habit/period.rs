//! Review periods: the week, and the quarter, half and year of a fiscal year that may start
//! in any month. Pure functions of a day.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::schedule::week_start;
use crate::journal::PeriodKind;

/// A stretch of days, both ends included, with the name it is known by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Period {
    pub kind: PeriodKind,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// "Q3 2026", "H2 2026", "2026", or with a fiscal year "FY2027 Q1"; a week is "Week of
    /// 30 November 2026".
    pub label: String,
}

/// A day as it is said in a sentence: "1 July 2026".
pub(crate) fn day_words(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

/// The months a fiscal year may start in.
pub const FISCAL_START_RANGE: std::ops::RangeInclusive<u32> = 1..=12;

impl Period {
    /// The period of `kind` that holds `day`, in a fiscal year starting on the first day of
    /// month `fiscal_start` (1 for the calendar year).
    pub fn containing(kind: PeriodKind, day: NaiveDate, fiscal_start: u32) -> Period {
        let fiscal_start = fiscal_start.clamp(1, 12);
        if kind == PeriodKind::Week {
            let starts_on = week_start(day);
            let ends_on = starts_on + chrono::Days::new(6);
            let label = format!("Week of {}", day_words(starts_on));
            return Period { kind, starts_on, ends_on, label };
        }
        let months = match kind {
            PeriodKind::Quarter => 3,
            PeriodKind::Half => 6,
            _ => 12,
        };
        // Months since the fiscal year began, then the start of the period within it.
        let since_fiscal = (day.month() + 12 - fiscal_start) % 12;
        let year_starts = first_of(day.year(), fiscal_start, day);
        let index = since_fiscal / months;
        let starts_on = year_starts + Months::new(index * months);
        let ends_on = starts_on + Months::new(months) - chrono::Days::new(1);
        // A fiscal year is named by the calendar year it ends in.
        let year_ends = year_starts + Months::new(12) - chrono::Days::new(1);
        let number = index + 1;
        let label = match (kind, fiscal_start) {
            (PeriodKind::Quarter, 1) => format!("Q{number} {}", day.year()),
            (PeriodKind::Half, 1) => format!("H{number} {}", day.year()),
            (_, 1) => format!("{}", day.year()),
            (PeriodKind::Quarter, _) => format!("FY{} Q{number}", year_ends.year()),
            (PeriodKind::Half, _) => format!("FY{} H{number}", year_ends.year()),
            _ => format!("FY{}", year_ends.year()),
        };
        Period { kind, starts_on, ends_on, label }
    }

    /// The period just before this one.
    pub fn previous(&self, fiscal_start: u32) -> Period {
        Period::containing(self.kind, self.starts_on - chrono::Days::new(1), fiscal_start)
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.starts_on <= day && day <= self.ends_on
    }
}

/// The first day of the fiscal year that holds `day`.
fn first_of(year: i32, fiscal_start: u32, day: NaiveDate) -> NaiveDate {
    let this_year = NaiveDate::from_ymd_opt(year, fiscal_start, 1).unwrap_or(day);
    if this_year <= day {
        this_year
    } else {
        NaiveDate::from_ymd_opt(year - 1, fiscal_start, 1).unwrap_or(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn periods_of_calendar_and_fiscal_years() {
        let cases = [
            (PeriodKind::Quarter, "2026-12-01", 1, "2026-10-01", "2026-12-31", "Q4 2026"),
            (PeriodKind::Quarter, "2026-01-01", 1, "2026-01-01", "2026-03-31", "Q1 2026"),
            (PeriodKind::Quarter, "2026-06-30", 1, "2026-04-01", "2026-06-30", "Q2 2026"),
            (PeriodKind::Half, "2026-07-01", 1, "2026-07-01", "2026-12-31", "H2 2026"),
            (PeriodKind::Half, "2026-02-28", 1, "2026-01-01", "2026-06-30", "H1 2026"),
            (PeriodKind::Year, "2024-02-29", 1, "2024-01-01", "2024-12-31", "2024"),
            // A fiscal year from October, named by the year it ends in.
            (PeriodKind::Quarter, "2026-12-01", 10, "2026-10-01", "2026-12-31", "FY2027 Q1"),
            (PeriodKind::Quarter, "2026-09-30", 10, "2026-07-01", "2026-09-30", "FY2026 Q4"),
            (PeriodKind::Half, "2027-03-31", 10, "2026-10-01", "2027-03-31", "FY2027 H1"),
            (PeriodKind::Year, "2027-01-15", 10, "2026-10-01", "2027-09-30", "FY2027"),
            // From February: a quarter ends on the last day of April.
            (PeriodKind::Quarter, "2026-03-10", 2, "2026-02-01", "2026-04-30", "FY2027 Q1"),
            (PeriodKind::Quarter, "2027-01-31", 2, "2026-11-01", "2027-01-31", "FY2027 Q4"),
            // From April (a common fiscal year), leap day inside.
            (PeriodKind::Year, "2028-02-29", 4, "2027-04-01", "2028-03-31", "FY2028"),
            (
                PeriodKind::Week,
                "2026-12-01",
                1,
                "2026-11-30",
                "2026-12-06",
                "Week of 30 November 2026",
            ),
            (
                PeriodKind::Week,
                "2027-01-02",
                4,
                "2026-12-28",
                "2027-01-03",
                "Week of 28 December 2026",
            ),
        ];
        for (kind, on, fiscal, start, end, label) in cases {
            let period = Period::containing(kind, day(on), fiscal);
            assert_eq!(
                (period.starts_on, period.ends_on, period.label.as_str()),
                (day(start), day(end), label),
                "{kind:?} holding {on} from month {fiscal}"
            );
            assert!(period.contains(day(on)));
        }
    }

    #[test]
    fn the_previous_period_ends_the_day_before() {
        for fiscal in 1..=12 {
            for kind in [PeriodKind::Week, PeriodKind::Quarter, PeriodKind::Half, PeriodKind::Year]
            {
                let mut period = Period::containing(kind, day("2026-12-01"), fiscal);
                for _ in 0..30 {
                    let previous = period.previous(fiscal);
                    assert_eq!(previous.ends_on + chrono::Days::new(1), period.starts_on);
                    assert!(previous.starts_on <= previous.ends_on);
                    period = previous;
                }
            }
        }
    }
}
