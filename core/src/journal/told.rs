//! How a metric's change is told, decided once: the window's rows, the command line, the
//! bullets, the brag document and the follow-up drill all read their words from here.
//!
//! One telling for every unit: a percentage moves in points, with the relative change in
//! parentheses ("0.5 points (24%)"); a count that at least doubled is a multiple ("5x");
//! anything else is a relative change ("85%"), or the change itself when the baseline is 0.

use serde::Serialize;
use ts_rs::TS;

use super::Direction;

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
        (UnitKind::Currency(symbol), _) if value < 0.0 => format!("-{symbol}{}", number(-value)),
        (UnitKind::Currency(symbol), _) => format!("{symbol}{}", number(value)),
        (_, Some(unit)) if !unit.trim().is_empty() => format!("{} {}", number(value), unit.trim()),
        _ => number(value),
    }
}

/// The typographic minus, so "−85%" does not read as a hyphenated word.
pub const MINUS: char = '\u{2212}';

/// Whether a change went the better way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Better,
    Worse,
    Unchanged,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Better => "better",
            Verdict::Worse => "worse",
            Verdict::Unchanged => "no change",
        }
    }
}

/// A metric's change in words, the same on every surface. Absent parts need a baseline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChangeTold {
    /// The baseline in its unit: "2.1%", "800 ms".
    pub from: Option<String>,
    /// The result in its unit: "2.6%", "120 ms".
    pub to: String,
    /// The change for a row, signed: "+0.5 points (+24%)", "−85%", "5x", "+12 ms".
    pub delta: Option<String>,
    /// Absent without a baseline, or when it moved and no direction says which way is better.
    pub verdict: Option<Verdict>,
    /// Everything on one line, for lists: "2.1% → 2.6% · +0.5 points (+24%) · better".
    pub short: String,
    /// The size of the change in a sentence: "0.5 points (24%)", "85%", "5x".
    pub amount: Option<String>,
    /// What a bullet says after the verb and the metric's name: "by 0.5 points (24%) to
    /// 2.6%", "by 85% (800 ms → 120 ms)", "5x (2 → 10)".
    pub phrase: Option<String>,
    /// How it moved, for a question about it: "rose 0.5 points (24%) to 2.6%", "fell 85%
    /// (800 ms → 120 ms)", "held at 99.9%".
    pub moved: Option<String>,
    /// The verb a bullet may open with: "Cut", "Reduced", "Raised", "Grew"; "Increased" or
    /// "Lowered" without a direction. Absent when it got worse or did not move: such a
    /// change is never claimed as a result.
    pub verb: Option<String>,
}

/// Which way the number went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Went {
    Up,
    Down,
    Same,
}

/// A size said two ways: plain in a sentence, signed in a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub plain: String,
    pub signed: String,
}

/// Everything there is to say about one change, before it is put into words for a surface.
#[derive(Debug, Clone, PartialEq)]
pub struct Telling {
    pub kind: UnitKind,
    pub from: Option<String>,
    pub to: String,
    pub went: Option<Went>,
    pub verdict: Option<Verdict>,
    /// The main size: points for a percentage, else the multiple, the relative change or
    /// the change itself.
    pub main: Option<Amount>,
    /// A percentage's relative change (or multiple), told after its points.
    pub aside: Option<Amount>,
    /// `main` is a multiple ("5x"), said without "by".
    pub multiple: bool,
    /// The relative change in percent, signed; absent with a zero baseline.
    pub relative: Option<f64>,
}

/// A multiple is told from twice the baseline up.
const MULTIPLE_FROM: f64 = 2.0;
/// A change this small (in percent of the baseline) is within noise: the metric held.
const HELD_WITHIN: f64 = 5.0;

fn signed(plain: &str, positive: bool) -> String {
    if positive {
        format!("+{plain}")
    } else {
        format!("{MINUS}{plain}")
    }
}

/// A relative change as people say it: whole percent from 10 up, one decimal below.
fn percent(value: f64) -> String {
    let magnitude = value.abs();
    let rounded = if magnitude >= 10.0 {
        magnitude.round()
    } else if magnitude >= 1.0 {
        (magnitude * 10.0).round() / 10.0
    } else {
        magnitude
    };
    format!("{}%", number(rounded))
}

impl Telling {
    /// The one place that decides how a change from `baseline` to `result` is told.
    pub fn of(
        baseline: Option<f64>,
        result: f64,
        unit: Option<&str>,
        better: Option<Direction>,
    ) -> Telling {
        let kind = unit_kind(unit);
        let to = with_unit(result, unit);
        let Some(baseline) = baseline else {
            return Telling {
                kind,
                from: None,
                to,
                went: None,
                verdict: None,
                main: None,
                aside: None,
                multiple: false,
                relative: None,
            };
        };
        let change = super::MetricChange::of(Some(baseline), result, better);
        let diff = change.change.unwrap_or(0.0);
        let went = if diff > 0.0 {
            Went::Up
        } else if diff < 0.0 {
            Went::Down
        } else {
            Went::Same
        };
        let verdict = match (went, change.improved) {
            (Went::Same, _) => Some(Verdict::Unchanged),
            (_, Some(true)) => Some(Verdict::Better),
            (_, Some(false)) => Some(Verdict::Worse),
            (_, None) => None,
        };
        let relative = change.percent_change;
        let up = went == Went::Up;
        let ratio = (went == Went::Up && baseline > 0.0 && result / baseline >= MULTIPLE_FROM)
            .then(|| (result / baseline * 10.0).round() / 10.0);
        let times = |r: f64| {
            let text = format!("{}x", number(r));
            Amount { plain: text.clone(), signed: text }
        };
        let relative_amount = |r: f64| {
            let plain = percent(r);
            Amount { signed: signed(&plain, r > 0.0), plain }
        };
        let (main, aside, multiple) = if went == Went::Same {
            (None, None, false)
        } else if kind == UnitKind::Percent {
            let points = diff.abs();
            let plain = format!(
                "{} point{}",
                number(points),
                if (points - 1.0).abs() < 1e-9 { "" } else { "s" }
            );
            let main = Amount { signed: signed(&plain, up), plain };
            let aside = match (ratio, relative) {
                (Some(r), _) => Some(times(r)),
                (None, Some(r)) => Some(relative_amount(r)),
                (None, None) => None,
            };
            (Some(main), aside, false)
        } else if let Some(r) = ratio {
            (Some(times(r)), None, true)
        } else if let Some(r) = relative {
            (Some(relative_amount(r)), None, false)
        } else {
            let plain = with_unit(diff.abs(), unit);
            (Some(Amount { signed: signed(&plain, up), plain }), None, false)
        };
        Telling {
            kind,
            from: Some(with_unit(baseline, unit)),
            to,
            went: Some(went),
            verdict,
            main,
            aside,
            multiple,
            relative,
        }
    }

    /// "800 ms → 120 ms".
    pub fn before_after(&self) -> Option<String> {
        self.from.as_ref().map(|from| format!("{from} → {}", self.to))
    }

    /// "0.5 points (24%)", "85%", "5x".
    pub fn amount(&self) -> Option<String> {
        let main = self.main.as_ref()?;
        Some(match &self.aside {
            Some(aside) => format!("{} ({})", main.plain, aside.plain),
            None => main.plain.clone(),
        })
    }

    /// "+0.5 points (+24%)", "−85%", "5x".
    pub fn delta(&self) -> Option<String> {
        let main = self.main.as_ref()?;
        Some(match &self.aside {
            Some(aside) => format!("{} ({})", main.signed, aside.signed),
            None => main.signed.clone(),
        })
    }

    /// "from 0 to 12 ms": a change from a zero baseline has no relative size to tell, and a
    /// unit said after a word is said once.
    fn range(&self) -> Option<String> {
        let from = self.from.as_deref()?;
        let unit = self.to.split_once(' ').map(|(_, unit)| format!(" {unit}"));
        let from = match &unit {
            Some(unit) => from.strip_suffix(unit.as_str()).unwrap_or(from),
            None => from,
        };
        Some(format!("from {from} to {}", self.to))
    }

    /// The size with the figures: "by 85% (800 ms → 120 ms)", "by 0.5 points (24%) to
    /// 2.6%", "5x (2 → 10)", "from 0 to 12 ms". A percentage with its relative change ends
    /// "to" the result, so parentheses never follow parentheses.
    pub fn phrase(&self) -> Option<String> {
        let amount = self.amount()?;
        let figures = self.before_after()?;
        Some(if self.multiple {
            format!("{amount} ({figures})")
        } else if self.relative.is_none() {
            self.range()?
        } else if self.aside.is_some() {
            format!("by {amount} to {}", self.to)
        } else {
            format!("by {amount} ({figures})")
        })
    }

    /// The size alone, as a clause says it: "by 85%", "5x", "by 0.5 points (24%)".
    pub fn by_amount(&self) -> Option<String> {
        let amount = self.amount()?;
        Some(if self.multiple { amount } else { format!("by {amount}") })
    }

    /// How it moved, intransitively: "fell 85% (800 ms → 120 ms)", "held at 99.9%".
    pub fn moved(&self) -> Option<String> {
        match self.went? {
            Went::Same => Some(format!("held at {}", self.to)),
            went => {
                let verb = match (went, self.multiple) {
                    (Went::Up, true) => "grew",
                    (Went::Up, false) => "rose",
                    _ => "fell",
                };
                let phrase = self.phrase()?;
                Some(format!("{verb} {}", phrase.strip_prefix("by ").unwrap_or(&phrase)))
            }
        }
    }

    /// The verb a bullet claims the change with; none for a change that is no result.
    pub fn verb(&self) -> Option<&'static str> {
        let went = self.went?;
        match (self.verdict, went) {
            (_, Went::Same) | (Some(Verdict::Worse | Verdict::Unchanged), _) => None,
            (Some(Verdict::Better), Went::Down) => Some(match self.kind {
                UnitKind::Time | UnitKind::Currency(_) => "Cut",
                _ => "Reduced",
            }),
            (Some(Verdict::Better), _) => Some(if self.multiple { "Grew" } else { "Raised" }),
            (None, Went::Down) => Some("Lowered"),
            (None, _) => Some("Increased"),
        }
    }

    /// Moved so little (or not at all) that "held" is the honest word for it.
    pub fn held(&self) -> bool {
        match self.went {
            Some(Went::Same) => true,
            Some(_) => self.relative.is_some_and(|r| r.abs() <= HELD_WITHIN),
            None => false,
        }
    }

    /// "800 ms → 120 ms · −85% · better"; the result alone without a baseline.
    pub fn short(&self) -> String {
        let Some(figures) = self.before_after() else {
            return self.to.clone();
        };
        let mut parts = vec![figures];
        parts.extend(self.delta());
        parts.extend(self.verdict.map(|v| v.as_str().to_string()));
        parts.join(" · ")
    }

    pub fn told(&self) -> ChangeTold {
        ChangeTold {
            from: self.from.clone(),
            to: self.to.clone(),
            delta: self.delta(),
            verdict: self.verdict,
            short: self.short(),
            amount: self.amount(),
            phrase: self.phrase(),
            moved: self.moved(),
            verb: self.verb().map(str::to_string),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(with_unit(-300.0, Some("USD")), "-$300");
        assert_eq!(with_unit(5.2, Some("%")), "5.2%");
        assert_eq!(with_unit(120.0, Some("ms")), "120 ms");
        assert_eq!(with_unit(3.0, None), "3");
    }

    /// Every unit kind, every direction, better, worse, unchanged, no baseline and a zero
    /// baseline: the short form, the bullet's verb and phrase, and the drill's words.
    #[test]
    fn one_telling_for_every_unit_and_direction() {
        use Direction::{Higher, Lower};
        type Case = (
            Option<f64>,
            f64,
            Option<&'static str>,
            Option<Direction>,
            &'static str,
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
        );
        let m = MINUS;
        let cases: &[Case] = &[
            // percent, better up
            (
                Some(2.1),
                2.6,
                Some("%"),
                Some(Higher),
                "2.1% → 2.6% · +0.5 points (+24%) · better",
                Some("Raised"),
                Some("by 0.5 points (24%) to 2.6%"),
                Some("rose 0.5 points (24%) to 2.6%"),
            ),
            // percent, better down
            (
                Some(2.97),
                1.16,
                Some("%"),
                Some(Lower),
                "2.97% → 1.16% · −1.81 points (−61%) · better",
                Some("Reduced"),
                Some("by 1.81 points (61%) to 1.16%"),
                Some("fell 1.81 points (61%) to 1.16%"),
            ),
            // percent, worse
            (
                Some(1.0),
                1.5,
                Some("%"),
                Some(Lower),
                "1% → 1.5% · +0.5 points (+50%) · worse",
                None,
                Some("by 0.5 points (50%) to 1.5%"),
                Some("rose 0.5 points (50%) to 1.5%"),
            ),
            (
                Some(39.0),
                34.0,
                Some("%"),
                Some(Higher),
                "39% → 34% · −5 points (−13%) · worse",
                None,
                Some("by 5 points (13%) to 34%"),
                Some("fell 5 points (13%) to 34%"),
            ),
            // percent, a multiple in points, one point, no direction
            (
                Some(1.0),
                3.0,
                Some("%"),
                Some(Higher),
                "1% → 3% · +2 points (3x) · better",
                Some("Raised"),
                Some("by 2 points (3x) to 3%"),
                Some("rose 2 points (3x) to 3%"),
            ),
            (
                Some(4.0),
                5.0,
                Some("percent"),
                None,
                "4% → 5% · +1 point (+25%)",
                Some("Increased"),
                Some("by 1 point (25%) to 5%"),
                Some("rose 1 point (25%) to 5%"),
            ),
            // percent from zero: points, no relative change
            (
                Some(0.0),
                5.0,
                Some("%"),
                Some(Higher),
                "0% → 5% · +5 points · better",
                Some("Raised"),
                Some("from 0% to 5%"),
                Some("rose from 0% to 5%"),
            ),
            // percent, unchanged, and no baseline
            (
                Some(99.9),
                99.9,
                Some("%"),
                Some(Higher),
                "99.9% → 99.9% · no change",
                None,
                None,
                Some("held at 99.9%"),
            ),
            (None, 99.9, Some("%"), Some(Higher), "99.9%", None, None, None),
            // currency
            (
                Some(50_000.0),
                30_000.0,
                Some("$"),
                Some(Lower),
                "$50,000 → $30,000 · −40% · better",
                Some("Cut"),
                Some("by 40% ($50,000 → $30,000)"),
                Some("fell 40% ($50,000 → $30,000)"),
            ),
            (
                Some(137_000.0),
                70_300.0,
                Some("USD"),
                Some(Lower),
                "$137,000 → $70,300 · −49% · better",
                Some("Cut"),
                Some("by 49% ($137,000 → $70,300)"),
                Some("fell 49% ($137,000 → $70,300)"),
            ),
            (
                Some(1_200.0),
                1_500.0,
                Some("€"),
                Some(Lower),
                "€1,200 → €1,500 · +25% · worse",
                None,
                Some("by 25% (€1,200 → €1,500)"),
                Some("rose 25% (€1,200 → €1,500)"),
            ),
            (
                Some(0.0),
                12_000.0,
                Some("£"),
                Some(Higher),
                "£0 → £12,000 · +£12,000 · better",
                Some("Raised"),
                Some("from £0 to £12,000"),
                Some("rose from £0 to £12,000"),
            ),
            (
                Some(20_000.0),
                60_000.0,
                Some("$"),
                Some(Higher),
                "$20,000 → $60,000 · 3x · better",
                Some("Grew"),
                Some("3x ($20,000 → $60,000)"),
                Some("grew 3x ($20,000 → $60,000)"),
            ),
            // time, better down, better up, worse, no direction
            (
                Some(800.0),
                120.0,
                Some("ms"),
                Some(Lower),
                "800 ms → 120 ms · −85% · better",
                Some("Cut"),
                Some("by 85% (800 ms → 120 ms)"),
                Some("fell 85% (800 ms → 120 ms)"),
            ),
            (
                Some(100.0),
                150.0,
                Some("h"),
                Some(Higher),
                "100 h → 150 h · +50% · better",
                Some("Raised"),
                Some("by 50% (100 h → 150 h)"),
                Some("rose 50% (100 h → 150 h)"),
            ),
            (
                Some(95.0),
                118.0,
                Some("min"),
                Some(Lower),
                "95 min → 118 min · +24% · worse",
                None,
                Some("by 24% (95 min → 118 min)"),
                Some("rose 24% (95 min → 118 min)"),
            ),
            (
                Some(100.0),
                300.0,
                Some("ms"),
                Some(Lower),
                "100 ms → 300 ms · 3x · worse",
                None,
                Some("3x (100 ms → 300 ms)"),
                Some("grew 3x (100 ms → 300 ms)"),
            ),
            (
                Some(40.0),
                36.0,
                Some("s"),
                None,
                "40 s → 36 s · −10%",
                Some("Lowered"),
                Some("by 10% (40 s → 36 s)"),
                Some("fell 10% (40 s → 36 s)"),
            ),
            (
                Some(0.0),
                12.0,
                Some("ms"),
                Some(Lower),
                "0 ms → 12 ms · +12 ms · worse",
                None,
                Some("from 0 to 12 ms"),
                Some("rose from 0 to 12 ms"),
            ),
            (
                Some(10.0),
                10.0,
                Some("ms"),
                Some(Lower),
                "10 ms → 10 ms · no change",
                None,
                None,
                Some("held at 10 ms"),
            ),
            // counts: a multiple, a decrease, worse, from zero, below double
            (
                Some(2.0),
                10.0,
                Some("deploys"),
                Some(Higher),
                "2 deploys → 10 deploys · 5x · better",
                Some("Grew"),
                Some("5x (2 deploys → 10 deploys)"),
                Some("grew 5x (2 deploys → 10 deploys)"),
            ),
            (
                Some(12.0),
                3.0,
                Some("incidents"),
                Some(Lower),
                "12 incidents → 3 incidents · −75% · better",
                Some("Reduced"),
                Some("by 75% (12 incidents → 3 incidents)"),
                Some("fell 75% (12 incidents → 3 incidents)"),
            ),
            (
                Some(12.0),
                10.0,
                Some("deploys"),
                Some(Higher),
                "12 deploys → 10 deploys · −17% · worse",
                None,
                Some("by 17% (12 deploys → 10 deploys)"),
                Some("fell 17% (12 deploys → 10 deploys)"),
            ),
            (
                Some(20.0),
                19.1,
                Some("deploys"),
                Some(Higher),
                "20 deploys → 19.1 deploys · −4.5% · worse",
                None,
                Some("by 4.5% (20 deploys → 19.1 deploys)"),
                Some("fell 4.5% (20 deploys → 19.1 deploys)"),
            ),
            (
                Some(0.0),
                12.0,
                Some("teams"),
                Some(Higher),
                "0 teams → 12 teams · +12 teams · better",
                Some("Raised"),
                Some("from 0 to 12 teams"),
                Some("rose from 0 to 12 teams"),
            ),
            (
                Some(800.0),
                1_200.0,
                Some("req/s"),
                Some(Higher),
                "800 req/s → 1,200 req/s · +50% · better",
                Some("Raised"),
                Some("by 50% (800 req/s → 1,200 req/s)"),
                Some("rose 50% (800 req/s → 1,200 req/s)"),
            ),
            (None, 42.0, Some("incidents"), Some(Lower), "42 incidents", None, None, None),
            // no unit at all: better, worse, unknown direction, unchanged
            (
                Some(3.0),
                6.0,
                None,
                None,
                "3 → 6 · 2x",
                Some("Increased"),
                Some("2x (3 → 6)"),
                Some("grew 2x (3 → 6)"),
            ),
            (
                Some(3.0),
                5.0,
                None,
                None,
                "3 → 5 · +67%",
                Some("Increased"),
                Some("by 67% (3 → 5)"),
                Some("rose 67% (3 → 5)"),
            ),
            (
                Some(3.0),
                9.0,
                None,
                Some(Higher),
                "3 → 9 · 3x · better",
                Some("Grew"),
                Some("3x (3 → 9)"),
                Some("grew 3x (3 → 9)"),
            ),
            (
                Some(9.0),
                6.0,
                None,
                Some(Higher),
                "9 → 6 · −33% · worse",
                None,
                Some("by 33% (9 → 6)"),
                Some("fell 33% (9 → 6)"),
            ),
            (
                Some(9.0),
                6.0,
                None,
                Some(Lower),
                "9 → 6 · −33% · better",
                Some("Reduced"),
                Some("by 33% (9 → 6)"),
                Some("fell 33% (9 → 6)"),
            ),
            (Some(5.0), 5.0, None, None, "5 → 5 · no change", None, None, Some("held at 5")),
            (None, 7.0, None, None, "7", None, None, None),
        ];
        for (baseline, result, unit, better, short, verb, phrase, moved) in cases {
            let told = Telling::of(*baseline, *result, *unit, *better).told();
            let label = format!("{baseline:?} -> {result} {unit:?} {better:?}");
            assert_eq!(told.short, short.replace('−', &m.to_string()), "{label}");
            assert_eq!(told.verb.as_deref(), *verb, "{label}");
            assert_eq!(told.phrase.as_deref(), *phrase, "{label}");
            assert_eq!(told.moved.as_deref(), *moved, "{label}");
            assert_eq!(told.from.is_some(), baseline.is_some(), "{label}");
        }
    }

    #[test]
    fn a_change_within_noise_held() {
        let small = Telling::of(Some(64.0), 62.0, Some("%"), Some(Direction::Higher));
        assert!(small.held() && small.verb().is_none());
        let large = Telling::of(Some(39.0), 34.0, Some("%"), Some(Direction::Higher));
        assert!(!large.held());
        assert!(Telling::of(Some(10.0), 10.0, Some("ms"), None).held());
        assert!(!Telling::of(Some(0.0), 1.0, Some("ms"), None).held());
        assert!(!Telling::of(None, 1.0, Some("ms"), None).held());
    }
}
