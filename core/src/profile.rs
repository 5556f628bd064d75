//! Who the engineer is: experience band, primary role and the role they aim for. Guides
//! highlight their rows, readiness starts from their stage, exports use their name.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::macros::text_enum;

text_enum!(
    /// Years of professional experience, in the bands the guides are written for. The
    /// bands partition the years: each starts where the reference guide's band starts
    /// (0, 3, 5, 8, 12) and ends before the next, so 5 years is one band, not two.
    ExperienceBand {
        Years0To2 = "0-2",
        Years3To4 = "3-4",
        Years5To7 = "5-7",
        Years8To11 = "8-11",
        Years12Plus = "12-plus",
    }
);

text_enum!(
    PrimaryRole {
        Backend = "backend",
        Frontend = "frontend",
        DevopsSre = "devops-sre",
        AiMl = "ai-ml",
        StaffPlus = "staff-plus",
        EngineeringManager = "engineering-manager",
    }
);

text_enum!(
    /// The role the engineer is growing toward.
    TargetRole {
        SeniorEngineer = "senior-engineer",
        TechLead = "tech-lead",
        StaffEngineer = "staff-engineer",
        PrincipalEngineer = "principal-engineer",
        EngineeringManager = "engineering-manager",
    }
);

/// The overlapping bands of earlier versions, as stored, and the band each now reads as:
/// the one that starts at the same year.
const EARLIER_BANDS: [(&str, ExperienceBand); 3] = [
    ("3-5", ExperienceBand::Years3To4),
    ("5-8", ExperienceBand::Years5To7),
    ("8-12", ExperienceBand::Years8To11),
];

impl ExperienceBand {
    /// The label used in guides and on screen, e.g. "5-7 years".
    pub fn label(self) -> &'static str {
        match self {
            ExperienceBand::Years0To2 => "0-2 years",
            ExperienceBand::Years3To4 => "3-4 years",
            ExperienceBand::Years5To7 => "5-7 years",
            ExperienceBand::Years8To11 => "8-11 years",
            ExperienceBand::Years12Plus => "12+ years",
        }
    }

    /// Parses a band as typed or stored, including the overlapping names of earlier
    /// versions ("5-8" reads as 5-7 years), so an old journal or habit still works.
    pub fn read(text: &str) -> std::result::Result<ExperienceBand, String> {
        ExperienceBand::parse(text).or_else(|error| {
            let wanted = text.trim().trim_end_matches("years").trim();
            EARLIER_BANDS.iter().find(|(old, _)| *old == wanted).map(|(_, band)| *band).ok_or(error)
        })
    }

    /// The band of someone with this many whole years of experience.
    pub fn of_years(years: u32) -> ExperienceBand {
        match years {
            0..=2 => ExperienceBand::Years0To2,
            3..=4 => ExperienceBand::Years3To4,
            5..=7 => ExperienceBand::Years5To7,
            8..=11 => ExperienceBand::Years8To11,
            _ => ExperienceBand::Years12Plus,
        }
    }
}

/// The engineer's profile; every field may be unset until the first-run questions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Profile {
    pub band: Option<ExperienceBand>,
    pub role: Option<PrimaryRole>,
    pub target_role: Option<TargetRole>,
    /// For exports (resume basics); never leaves the machine otherwise.
    pub name: Option<String>,
    pub headline: Option<String>,
    pub email: Option<String>,
    pub location: Option<String>,
    pub summary: Option<String>,
}

impl Profile {
    /// Whether the first-run questions were answered.
    pub fn is_set(&self) -> bool {
        self.band.is_some() && self.role.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_from_what_people_type() {
        assert_eq!(ExperienceBand::parse("12+"), Ok(ExperienceBand::Years12Plus));
        assert_eq!(ExperienceBand::parse("5-7"), Ok(ExperienceBand::Years5To7));
        assert_eq!(PrimaryRole::parse("DevOps/SRE"), Ok(PrimaryRole::DevopsSre));
        assert_eq!(PrimaryRole::parse("staff+"), Ok(PrimaryRole::StaffPlus));
        assert_eq!(PrimaryRole::parse("AI ML"), Ok(PrimaryRole::AiMl));
        assert_eq!(TargetRole::parse("Tech Lead"), Ok(TargetRole::TechLead));
        assert!(ExperienceBand::parse("20").unwrap_err().contains("0-2, 3-4, 5-7, 8-11, 12-plus"));
    }

    /// Every number of years falls in exactly one band, as the labels say them, and the
    /// guides' row labels are these labels.
    #[test]
    fn the_bands_partition_the_years() {
        let holds = |band: ExperienceBand, years: u32| {
            let label = band.label().trim_end_matches(" years");
            match label.split_once('-') {
                Some((from, to)) => (from.parse().unwrap()..=to.parse().unwrap()).contains(&years),
                None => years >= label.trim_end_matches('+').parse().unwrap(),
            }
        };
        for years in 0..60 {
            let containing: Vec<ExperienceBand> =
                ExperienceBand::ALL.iter().copied().filter(|b| holds(*b, years)).collect();
            assert_eq!(containing, vec![ExperienceBand::of_years(years)], "{years} years");
        }
        let labels: Vec<(&str, &str)> =
            ExperienceBand::ALL.iter().map(|b| (b.label(), b.as_str())).collect();
        assert_eq!(labels, crate::content::BANDS);
    }

    /// Names stored or typed before the bands were a partition read as the band that
    /// starts at the same year.
    #[test]
    fn earlier_band_names_still_read() {
        for (old, band) in [
            ("3-5", ExperienceBand::Years3To4),
            ("5-8", ExperienceBand::Years5To7),
            ("8-12", ExperienceBand::Years8To11),
            ("8-12 years", ExperienceBand::Years8To11),
            ("0-2", ExperienceBand::Years0To2),
            ("12+", ExperienceBand::Years12Plus),
        ] {
            assert_eq!(ExperienceBand::read(old), Ok(band), "{old}");
        }
        assert!(ExperienceBand::read("20").is_err());
    }
}
