//! When the weekly review falls: pure functions of a clock (an instant and a time zone), so
//! tests move the clock anywhere, across time zones and daylight-saving changes.

use chrono::{Datelike, NaiveDate};
use jiff::civil;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan, ZonedDateTime as Zoned};
use serde::Serialize;
use ts_rs::TS;

use crate::macros::text_enum;

text_enum!(
    /// The day of the week the review falls on.
    ReviewDay {
        Monday = "monday",
        Tuesday = "tuesday",
        Wednesday = "wednesday",
        Thursday = "thursday",
        Friday = "friday",
        Saturday = "saturday",
        Sunday = "sunday",
    }
);

impl ReviewDay {
    /// Days after Monday: 0 for Monday, 6 for Sunday.
    fn days_after_monday(self) -> i64 {
        ReviewDay::ALL.iter().position(|d| *d == self).unwrap_or(0) as i64
    }

    /// The two letters iCalendar names the day by (RFC 5545 3.3.10): `FR`.
    pub fn ical(self) -> &'static str {
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][self.days_after_monday() as usize]
    }

    /// "Friday".
    pub fn title(self) -> String {
        let name = self.as_str();
        name[..1].to_uppercase() + &name[1..]
    }
}

/// The review's weekly slot: a day and a local time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct ReviewAt {
    pub day: ReviewDay,
    pub hour: u8,
    pub minute: u8,
}

pub const DEFAULT_REVIEW_DAY: ReviewDay = ReviewDay::Friday;
pub const DEFAULT_REVIEW_TIME: &str = "16:00";

impl ReviewAt {
    /// The slot from a day and an `HH:MM` time (24-hour); why not, when the time is wrong.
    pub fn new(day: ReviewDay, time: &str) -> Result<ReviewAt, String> {
        let (hour, minute) = parse_time(time)?;
        Ok(ReviewAt { day, hour, minute })
    }

    /// "Friday at 16:00".
    pub fn describe(&self) -> String {
        format!("{} at {:02}:{:02}", self.day.title(), self.hour, self.minute)
    }

    /// The review of the week that starts on `monday`, in `tz`. A time that the clocks skip
    /// that day (a spring-forward gap) is the first moment after the gap; a time the clocks
    /// pass twice (a fall-back fold) is the first of the two.
    pub fn in_week(&self, monday: NaiveDate, tz: &TimeZone) -> Zoned {
        let day = civil_date(monday).saturating_add(self.day.days_after_monday().days());
        let at = day.at(self.hour as i8, self.minute as i8, 0, 0);
        tz.to_ambiguous_zoned_datetime(at).compatible().unwrap_or_else(|_| {
            TimeZone::UTC.to_zoned_datetime(at).expect("a UTC time always exists")
        })
    }

    /// The first review strictly after the clock's instant.
    pub fn next_after(&self, clock: &Clock) -> Zoned {
        let monday = week_start(clock.today());
        let this_week = self.in_week(monday, &clock.tz);
        if this_week.timestamp() > clock.now {
            this_week
        } else {
            self.in_week(monday + chrono::Days::new(7), &clock.tz)
        }
    }

    /// The latest review at or before the clock's instant.
    pub fn last_at_or_before(&self, clock: &Clock) -> Zoned {
        let monday = week_start(clock.today());
        let this_week = self.in_week(monday, &clock.tz);
        if this_week.timestamp() <= clock.now {
            this_week
        } else {
            self.in_week(monday - chrono::Days::new(7), &clock.tz)
        }
    }
}

/// How long after the review time a reminder is still worth showing (an app opened on
/// Friday evening still reminds of Friday afternoon's review).
pub const REMIND_WITHIN_HOURS: i64 = 12;

impl ReviewAt {
    /// The review a reminder should be shown for now, if any: the latest review time has
    /// come, less than `REMIND_WITHIN_HOURS` ago, this week's review is not `written`, and
    /// no reminder was shown for it (`reminded` is the review time last reminded of).
    pub fn reminder_due(
        &self,
        clock: &Clock,
        written: bool,
        reminded: Option<Timestamp>,
    ) -> Option<Timestamp> {
        let last = self.last_at_or_before(clock).timestamp();
        let since = clock.now.as_second() - last.as_second();
        (!written && reminded != Some(last) && since < REMIND_WITHIN_HOURS * 3600).then_some(last)
    }

    /// How long to wait before looking again: until the next review, at most a minute (the
    /// settings may change and the machine may sleep), at least a second.
    pub fn wait(&self, clock: &Clock) -> std::time::Duration {
        let next = self.next_after(clock).timestamp().as_second() - clock.now.as_second();
        std::time::Duration::from_secs(next.clamp(1, 60) as u64)
    }
}

/// `HH:MM` (or `H:MM`), 24-hour, as hour and minute.
pub fn parse_time(text: &str) -> Result<(u8, u8), String> {
    let wrong = || format!("should be a time of day as HH:MM, e.g. 16:00 (it is \"{text}\")");
    let (h, m) = text.trim().split_once(':').ok_or_else(wrong)?;
    let hour: u8 = h.parse().map_err(|_| wrong())?;
    let minute: u8 = m.parse().map_err(|_| wrong())?;
    if hour > 23 || minute > 59 || m.len() != 2 || h.is_empty() || h.len() > 2 {
        return Err(wrong());
    }
    Ok((hour, minute))
}

/// An instant and the time zone it is read in: the journal's idea of "now". The app and the
/// CLI use the system's; tests make their own.
#[derive(Debug, Clone)]
pub struct Clock {
    pub now: Timestamp,
    pub tz: TimeZone,
}

impl Clock {
    /// The system's clock and time zone (UTC when the zone cannot be read).
    pub fn system() -> Clock {
        Clock { now: Timestamp::now(), tz: TimeZone::try_system().unwrap_or(TimeZone::UTC) }
    }

    /// A fixed instant (RFC 3339, e.g. `2026-03-08T06:30:00Z`) in a POSIX time zone (e.g.
    /// `EST5EDT,M3.2.0,M11.1.0`), for tests and scripts.
    pub fn at(instant: &str, posix_tz: &str) -> Result<Clock, String> {
        let now: Timestamp = instant.parse().map_err(|e| format!("{instant}: {e}"))?;
        let tz = TimeZone::posix(posix_tz).map_err(|e| format!("{posix_tz}: {e}"))?;
        Ok(Clock { now, tz })
    }

    /// Noon of `day` in the system's time zone: "now" for a command asked about that day.
    pub fn noon_of(day: NaiveDate) -> Clock {
        let tz = TimeZone::try_system().unwrap_or(TimeZone::UTC);
        let now = tz
            .to_ambiguous_zoned_datetime(civil_date(day).at(12, 0, 0, 0))
            .compatible()
            .map(|z| z.timestamp())
            .unwrap_or_else(|_| Timestamp::now());
        Clock { now, tz }
    }

    pub fn local(&self) -> Zoned {
        self.now.to_zoned_datetime(self.tz.clone())
    }

    /// The local calendar day.
    pub fn today(&self) -> NaiveDate {
        naive_date(self.local().date())
    }

    /// The instant a local day starts, as the journal's UTC timestamps are written
    /// (`2026-12-01T05:00:00.000Z`), so they compare as text.
    pub fn utc_start_of(&self, day: NaiveDate) -> String {
        let start = self
            .tz
            .to_ambiguous_zoned_datetime(civil_date(day).at(0, 0, 0, 0))
            .compatible()
            .map(|z| z.timestamp())
            .unwrap_or(Timestamp::UNIX_EPOCH);
        start.strftime("%Y-%m-%dT%H:%M:%S.000Z").to_string()
    }
}

/// The Monday of the week `day` is in (weeks run Monday to Sunday, as ISO 8601 has them).
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - chrono::Days::new(day.weekday().num_days_from_monday() as u64)
}

fn civil_date(day: NaiveDate) -> civil::Date {
    civil::date(day.year() as i16, day.month() as i8, day.day() as i8)
}

pub(crate) fn naive_date(day: civil::Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(day.year() as i32, day.month() as u32, day.day() as u32)
        .unwrap_or_default()
}

/// The local time of a review as shown and stored: RFC 3339 with its offset.
pub fn rfc3339(at: &Zoned) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEW_YORK: &str = "EST5EDT,M3.2.0,M11.1.0";
    const BERLIN: &str = "CET-1CEST,M3.5.0,M10.5.0/3";
    const SYDNEY: &str = "AEST-10AEDT,M10.1.0,M4.1.0/3";
    const KOLKATA: &str = "IST-5:30";

    fn friday_four() -> ReviewAt {
        ReviewAt::new(ReviewDay::Friday, "16:00").unwrap()
    }

    fn next(at: ReviewAt, instant: &str, tz: &str) -> String {
        rfc3339(&at.next_after(&Clock::at(instant, tz).unwrap()))
    }

    #[test]
    fn the_next_review_is_this_weeks_until_it_passes() {
        let cases = [
            // Tuesday morning in New York: this Friday.
            ("2026-12-01T14:00:00Z", NEW_YORK, "2026-12-04T16:00:00-05:00"),
            // Friday 15:59 local: still today.
            ("2026-12-04T20:59:00Z", NEW_YORK, "2026-12-04T16:00:00-05:00"),
            // Friday 16:00 exactly: that one is now, the next is a week on.
            ("2026-12-04T21:00:00Z", NEW_YORK, "2026-12-11T16:00:00-05:00"),
            // Saturday: next Friday.
            ("2026-12-05T12:00:00Z", NEW_YORK, "2026-12-11T16:00:00-05:00"),
            // The same instant is already Saturday in Sydney.
            ("2026-12-04T14:00:00Z", SYDNEY, "2026-12-11T16:00:00+11:00"),
            // Half-hour offsets.
            ("2026-12-04T10:00:00Z", KOLKATA, "2026-12-04T16:00:00+05:30"),
            ("2026-12-04T10:31:00Z", KOLKATA, "2026-12-11T16:00:00+05:30"),
            // Sunday late evening UTC is Monday in Berlin: a new week.
            ("2026-12-06T23:30:00Z", BERLIN, "2026-12-11T16:00:00+01:00"),
        ];
        for (instant, tz, expected) in cases {
            assert_eq!(next(friday_four(), instant, tz), expected, "{instant} in {tz}");
        }
    }

    #[test]
    fn the_review_keeps_its_local_time_across_daylight_saving_changes() {
        // New York springs forward on Sunday 2027-03-14; Friday 16:00 stays 16:00 local.
        assert_eq!(
            next(friday_four(), "2027-03-06T12:00:00Z", NEW_YORK),
            "2027-03-12T16:00:00-05:00"
        );
        assert_eq!(
            next(friday_four(), "2027-03-13T12:00:00Z", NEW_YORK),
            "2027-03-19T16:00:00-04:00"
        );
        // Berlin falls back on Sunday 2026-10-25.
        assert_eq!(
            next(friday_four(), "2026-10-24T12:00:00Z", BERLIN),
            "2026-10-30T16:00:00+01:00"
        );
        // Sydney's summer starts on 2026-10-04 (southern hemisphere).
        assert_eq!(
            next(friday_four(), "2026-10-03T00:00:00Z", SYDNEY),
            "2026-10-09T16:00:00+11:00"
        );
        // The week between two reviews is 167 or 169 hours when the clocks change in it.
        let clock = Clock::at("2027-03-12T21:00:01Z", NEW_YORK).unwrap();
        let before = friday_four().last_at_or_before(&clock);
        let after = friday_four().next_after(&clock);
        assert_eq!((after.timestamp().as_second() - before.timestamp().as_second()) / 3600, 167);
    }

    #[test]
    fn a_time_the_clocks_skip_or_repeat_is_still_one_moment() {
        // 02:30 on the spring-forward Sunday does not exist in New York: it is 03:30 EDT.
        let sunday = ReviewAt::new(ReviewDay::Sunday, "02:30").unwrap();
        assert_eq!(next(sunday, "2027-03-13T12:00:00Z", NEW_YORK), "2027-03-14T03:30:00-04:00");
        // 01:30 on the fall-back Sunday happens twice: the first (EDT) is the review.
        let early = ReviewAt::new(ReviewDay::Sunday, "01:30").unwrap();
        assert_eq!(next(early, "2026-10-31T12:00:00Z", NEW_YORK), "2026-11-01T01:30:00-04:00");
        // Once it has passed (at 01:40 EDT), the next is a week later, not the repeat.
        assert_eq!(next(early, "2026-11-01T05:40:00Z", NEW_YORK), "2026-11-08T01:30:00-05:00");
    }

    #[test]
    fn the_last_review_is_at_or_before_now() {
        let clock = Clock::at("2026-12-01T14:00:00Z", NEW_YORK).unwrap();
        assert_eq!(rfc3339(&friday_four().last_at_or_before(&clock)), "2026-11-27T16:00:00-05:00");
        let clock = Clock::at("2026-12-04T21:00:00Z", NEW_YORK).unwrap();
        assert_eq!(rfc3339(&friday_four().last_at_or_before(&clock)), "2026-12-04T16:00:00-05:00");
    }

    #[test]
    fn local_days_start_at_local_midnight() {
        let clock = Clock::at("2026-12-01T03:00:00Z", NEW_YORK).unwrap();
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert_eq!(clock.utc_start_of(clock.today()), "2026-11-30T05:00:00.000Z");
        assert_eq!(week_start(clock.today()), NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert_eq!(
            week_start(NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
    }

    #[test]
    fn a_reminder_comes_once_at_the_review_time_and_not_after_the_review() {
        let at = friday_four();
        let clock = |instant: &str| Clock::at(instant, NEW_YORK).unwrap();
        // Friday 15:59 local: not yet.
        assert_eq!(at.reminder_due(&clock("2026-12-04T20:59:00Z"), false, None), None);
        assert_eq!(at.wait(&clock("2026-12-04T20:59:00Z")).as_secs(), 60);
        assert_eq!(at.wait(&clock("2026-12-04T20:59:30Z")).as_secs(), 30);
        // 16:00: due, once.
        let due = at.reminder_due(&clock("2026-12-04T21:00:00Z"), false, None).unwrap();
        assert_eq!(due.to_string(), "2026-12-04T21:00:00Z");
        assert_eq!(at.reminder_due(&clock("2026-12-04T21:01:00Z"), false, Some(due)), None);
        // Already written this week: no reminder.
        assert_eq!(at.reminder_due(&clock("2026-12-04T21:00:00Z"), true, None), None);
        // Opened Friday evening: still reminded; opened Saturday afternoon: too late.
        assert!(at.reminder_due(&clock("2026-12-05T02:00:00Z"), false, None).is_some());
        assert_eq!(at.reminder_due(&clock("2026-12-05T18:00:00Z"), false, None), None);
        // Across the spring-forward week, the reminder keeps the local hour.
        let due = at.reminder_due(&clock("2027-03-19T20:00:30Z"), false, None).unwrap();
        assert_eq!(due.to_string(), "2027-03-19T20:00:00Z");
    }

    #[test]
    fn times_are_read_strictly() {
        assert_eq!(parse_time("16:00"), Ok((16, 0)));
        assert_eq!(parse_time(" 9:05 "), Ok((9, 5)));
        for bad in ["", "16", "24:00", "12:60", "4pm", "16:0", "-1:00", "123:00", "16:00:00"] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }
}
