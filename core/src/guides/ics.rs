//! Due checklist items as an iCalendar file (RFC 5545) a calendar app imports:
//! one all-day event per item, with a UID stable across exports so re-imports update;
//! and the weekly review as a recurring event with an alarm, for when the app is closed.

use chrono::{Days, NaiveDate, NaiveDateTime};

use super::DueItem;
use crate::habit::ReviewAt;

/// The weekly review as a calendar event: its slot and the day of its first occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewEvent {
    pub at: ReviewAt,
    pub first: NaiveDate,
}

/// How long the review event lasts in the calendar.
const REVIEW_MINUTES: u32 = 15;

/// Escapes text values: backslash, semicolon, comma and newlines (RFC 5545 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            other => out.push(other),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let size = c.len_utf8();
        if width + size > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += size;
    }
    out.push_str("\r\n");
}

/// The calendar of `items` and the weekly review, stamped `now` (UTC). The review is in
/// floating local time, so it stays at the same hour when the clocks change.
pub fn to_ics(items: &[DueItem], review: Option<ReviewEvent>, now: NaiveDateTime) -> String {
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Career Log//Checklists//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "X-WR-CALNAME:Career Log checklists".to_string(),
    ];
    if let Some(r) = review {
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            "UID:weekly-review@careerlog.local".to_string(),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART:{}T{:02}{:02}00", r.first.format("%Y%m%d"), r.at.hour, r.at.minute),
            format!("DURATION:PT{REVIEW_MINUTES}M"),
            format!("RRULE:FREQ=WEEKLY;BYDAY={}", r.at.day.ical()),
            "SUMMARY:Career Log weekly review".to_string(),
            format!(
                "DESCRIPTION:{}",
                escape(
                    "Five minutes in Career Log: what shipped, what moved, a decision, feedback, \
                     one thing learned, then the inbox."
                )
            ),
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            "TRIGGER:PT0M".to_string(),
            "DESCRIPTION:Time for the Career Log weekly review".to_string(),
            "END:VALARM".to_string(),
            "END:VEVENT".to_string(),
        ]);
    }
    for item in items {
        let end = item.due.checked_add_days(Days::new(1)).unwrap_or(item.due);
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}-{}-cycle{}@careerlog.local", item.guide, item.item, item.cycle),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", item.due.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
            format!("SUMMARY:{}", escape(&item.text)),
            format!(
                "DESCRIPTION:{}",
                escape(&format!("From the checklist of {} in Career Log.", item.guide_title))
            ),
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for line in &lines {
        fold(line, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::habit::ReviewDay;

    #[test]
    fn the_weekly_review_recurs_with_an_alarm() {
        let at = ReviewAt::new(ReviewDay::Friday, "16:00").unwrap();
        let first = "2026-12-04".parse().unwrap();
        let ics = to_ics(
            &[item("Mentor one engineer", "2027-01-05")],
            Some(ReviewEvent { at, first }),
            now(),
        );
        let calendar = ical::IcalParser::new(ics.as_bytes()).next().unwrap().unwrap();
        assert_eq!(calendar.events.len(), 2);
        let review = &calendar.events[0];
        let value = |name: &str| {
            review.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap()
        };
        assert_eq!(value("UID"), "weekly-review@careerlog.local");
        assert_eq!(value("DTSTART"), "20261204T160000");
        assert_eq!(value("RRULE"), "FREQ=WEEKLY;BYDAY=FR");
        assert_eq!(value("DURATION"), "PT15M");
        assert_eq!(review.alarms.len(), 1);
        let alarm = &review.alarms[0];
        let prop = |name: &str| {
            alarm.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap()
        };
        assert_eq!(prop("ACTION"), "DISPLAY");
        assert_eq!(prop("TRIGGER"), "PT0M");
        // A Monday morning slot says so in its rule.
        let monday = ReviewAt::new(ReviewDay::Monday, "9:05").unwrap();
        let ics = to_ics(
            &[],
            Some(ReviewEvent { at: monday, first: "2026-12-07".parse().unwrap() }),
            now(),
        );
        assert!(
            ics.contains("RRULE:FREQ=WEEKLY;BYDAY=MO\r\n")
                && ics.contains("DTSTART:20261207T090500\r\n")
        );
    }

    fn item(text: &str, due: &str) -> DueItem {
        DueItem {
            guide: "technical-leader".into(),
            guide_title: "Technical leader".into(),
            cycle: 2,
            item: "write-an-rfc".into(),
            text: text.into(),
            due: due.parse().unwrap(),
            overdue: false,
        }
    }

    fn now() -> NaiveDateTime {
        "2026-11-25T10:00:00".parse().unwrap()
    }

    #[test]
    fn a_real_parser_reads_the_events_back() {
        let long =
            format!("Write an RFC; get it reviewed, merged — {} ✓", "and shipped ".repeat(10));
        let ics = to_ics(
            &[item(&long, "2026-12-09"), item("Mentor one engineer", "2027-01-05")],
            None,
            now(),
        );
        assert!(ics.lines().all(|l| l.len() <= 75), "lines are folded");
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
        let calendar = parser.next().expect("one calendar").expect("it parses");
        assert_eq!(calendar.events.len(), 2);
        let value = |event: &ical::parser::ical::component::IcalEvent, name: &str| {
            event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap()
        };
        let first = &calendar.events[0];
        assert_eq!(value(first, "DTSTART"), "20261209");
        assert_eq!(value(first, "DTEND"), "20261210");
        assert_eq!(value(first, "UID"), "technical-leader-write-an-rfc-cycle2@careerlog.local");
        let summary = value(first, "SUMMARY").replace("\\;", ";").replace("\\,", ",");
        assert_eq!(summary, long);
        assert!(parser.next().is_none());
    }

    #[test]
    fn an_empty_list_is_still_a_calendar() {
        let ics = to_ics(&[], None, now());
        let calendar = ical::IcalParser::new(ics.as_bytes()).next().unwrap().unwrap();
        assert!(calendar.events.is_empty());
    }
}
