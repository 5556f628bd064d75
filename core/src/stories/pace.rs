//! Speaking time from text, and the pacing plan a rehearsal is timed against.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Framework, Section};

/// A calm interview pace; 120-160 words a minute is the comfortable band.
pub const DEFAULT_WORDS_PER_MINUTE: u32 = 140;

/// Words as a listener hears them: runs of letters or digits ("p99", "3.5x" count once).
pub fn words(text: &str) -> u32 {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count() as u32
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SectionEstimate {
    pub section: Section,
    pub words: u32,
    pub seconds: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Estimate {
    pub sections: Vec<SectionEstimate>,
    pub total_seconds: f64,
    pub words_per_minute: u32,
    pub target_seconds: u32,
    /// The text would take longer to say than the target allows.
    pub over_target: bool,
    /// How the length compares with the target: what the story list shows.
    pub pace: Pace,
    /// The verdict in words, e.g. "Short by 2:14" or "Fits the target".
    pub pace_text: String,
}

/// A story's spoken length against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Pace {
    /// No words yet: nothing to time.
    Empty,
    /// Under `SHORT_BELOW` of the target: too thin for the time the interviewer gives.
    Short,
    /// From `SHORT_BELOW` of the target up to the target itself.
    Fits,
    /// Over the target.
    Long,
}

/// Below this share of its target a story is short. An answer at three quarters of its
/// time still has room for the action and the result with a breath to spare; under it the
/// interviewer is left waiting, or asks for the detail the story should have told (a 0:46
/// story against 3:00 is a quarter of it). Over the target is long, as `over_target` says.
pub const SHORT_BELOW: f64 = 0.75;

impl Pace {
    pub fn of(total_seconds: f64, target_seconds: u32) -> Pace {
        let target = f64::from(target_seconds.max(1));
        if total_seconds <= 0.0 {
            Pace::Empty
        } else if total_seconds > target {
            Pace::Long
        } else if total_seconds < SHORT_BELOW * target {
            Pace::Short
        } else {
            Pace::Fits
        }
    }

    /// The verdict as the story list says it, with how far off the target it is.
    pub fn wording(self, total_seconds: f64, target_seconds: u32) -> String {
        let off = (total_seconds - f64::from(target_seconds)).abs();
        match self {
            Pace::Empty => "No text to time yet".to_string(),
            Pace::Short => format!("Short by {}", clock(off)),
            Pace::Fits => "Fits the target".to_string(),
            // Rounded up, so a story just over never reads "over by 0:00".
            Pace::Long => format!("Over the target by {}", clock(off.ceil())),
        }
    }
}

/// Seconds as a clock reads them: 134.4 -> "2:14".
pub fn clock(seconds: f64) -> String {
    let whole = seconds.max(0.0).round() as u64;
    format!("{}:{:02}", whole / 60, whole % 60)
}

/// How long the sections take to say at `words_per_minute`.
pub fn estimate(
    framework: Framework,
    texts: &[&str],
    words_per_minute: u32,
    target_seconds: u32,
) -> Estimate {
    let wpm = words_per_minute.max(1) as f64;
    let sections: Vec<SectionEstimate> = framework
        .sections()
        .iter()
        .enumerate()
        .map(|(i, section)| {
            let words = words(texts.get(i).copied().unwrap_or_default());
            SectionEstimate { section: *section, words, seconds: words as f64 * 60.0 / wpm }
        })
        .collect();
    let total_seconds = sections.iter().map(|s| s.seconds).sum::<f64>();
    let pace = Pace::of(total_seconds, target_seconds);
    Estimate {
        over_target: total_seconds > target_seconds as f64,
        pace,
        pace_text: pace.wording(total_seconds, target_seconds),
        sections,
        total_seconds,
        words_per_minute,
        target_seconds,
    }
}

/// Seconds per section to land on the target: in proportion to the text when there is
/// some, else the framework's usual split.
pub fn plan(framework: Framework, texts: &[&str], target_seconds: u32) -> Vec<f64> {
    let counts: Vec<f64> = (0..framework.sections().len())
        .map(|i| words(texts.get(i).copied().unwrap_or_default()) as f64)
        .collect();
    let total: f64 = counts.iter().sum();
    let target = target_seconds as f64;
    if total == 0.0 {
        return framework.default_split().iter().map(|share| share * target).collect();
    }
    counts.iter().map(|c| c / total * target).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_spoken() {
        let cases = [
            ("", 0),
            ("   ", 0),
            ("p99 fell 85%", 3),
            ("We cut it — fast.", 4),
            ("a\nb\tc", 3),
            ("800 → 120 ms", 3),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), expected, "{text:?}");
        }
    }

    #[test]
    fn the_estimate_follows_the_pace_and_flags_the_target() {
        let action = "word ".repeat(140);
        let e = estimate(Framework::Star, &["one two", "", &action, "done"], 140, 60);
        assert_eq!(e.sections.len(), 4);
        assert_eq!(e.sections[2].seconds, 60.0);
        assert!((e.total_seconds - 61.285_714).abs() < 1e-3);
        assert!(e.over_target);
        let slow = estimate(Framework::Star, &["", "", &action, ""], 120, 90);
        assert_eq!(slow.total_seconds, 70.0);
        assert!(!slow.over_target);
        let car = estimate(Framework::Car, &["a b c"], 140, 120);
        assert_eq!(car.sections.len(), 3);
    }

    /// The verdicts at their edges, on a 3:00 target: 0:46 is short, not a fit.
    #[test]
    fn the_pace_says_short_fits_or_long() {
        let cases = [
            (0.0, Pace::Empty, "No text to time yet"),
            (46.0, Pace::Short, "Short by 2:14"),
            (134.9, Pace::Short, "Short by 0:45"),
            (135.0, Pace::Fits, "Fits the target"),
            (180.0, Pace::Fits, "Fits the target"),
            (180.4, Pace::Long, "Over the target by 0:01"),
            (192.0, Pace::Long, "Over the target by 0:12"),
        ];
        for (seconds, pace, text) in cases {
            assert_eq!(Pace::of(seconds, 180), pace, "{seconds}");
            assert_eq!(pace.wording(seconds, 180), text, "{seconds}");
        }
        // 46 seconds of words at 140 a minute, against 3:00.
        let story = "word ".repeat(107);
        let e = estimate(Framework::Car, &["", &story, ""], 140, 180);
        assert_eq!((e.pace, e.pace_text.as_str()), (Pace::Short, "Short by 2:14"));
        assert!(!e.over_target);
        assert_eq!(clock(59.6), "1:00");
    }

    #[test]
    fn the_plan_follows_the_text_or_the_usual_split() {
        assert_eq!(plan(Framework::Star, &["", "", "", ""], 120), vec![18.0, 18.0, 72.0, 12.0]);
        assert_eq!(plan(Framework::Car, &[], 100), vec![30.0, 60.0, 10.0]);
        assert_eq!(
            plan(Framework::Star, &["a", "b", "c d e f", "g h"], 80),
            vec![10.0, 10.0, 40.0, 20.0]
        );
    }
}
