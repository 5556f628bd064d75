//! Who the engineer is: experience band, primary role and the role they aim for. Guides
//! highlight their rows, readiness starts from their stage, exports use their name.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::macros::text_enum;

text_enum!(
    /// Years of professional experience, in the bands the guides are written for.
    ExperienceBand {
        Years0To2 = "0-2",
        Years3To5 = "3-5",
        Years5To8 = "5-8",
        Years8To12 = "8-12",
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

impl ExperienceBand {
    /// The label used in guides and on screen, e.g. "5-8 years".
    pub fn label(self) -> &'static str {
        match self {
            ExperienceBand::Years0To2 => "0-2 years",
            ExperienceBand::Years3To5 => "3-5 years",
            ExperienceBand::Years5To8 => "5-8 years",
            ExperienceBand::Years8To12 => "8-12 years",
            ExperienceBand::Years12Plus => "12+ years",
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
        assert_eq!(
            ExperienceBand::parse("12+"),
            Ok(ExperienceBand::Years12Plus)
        );
        assert_eq!(ExperienceBand::parse("5-8"), Ok(ExperienceBand::Years5To8));
        assert_eq!(PrimaryRole::parse("DevOps/SRE"), Ok(PrimaryRole::DevopsSre));
        assert_eq!(PrimaryRole::parse("staff+"), Ok(PrimaryRole::StaffPlus));
        assert_eq!(PrimaryRole::parse("AI ML"), Ok(PrimaryRole::AiMl));
        assert_eq!(TargetRole::parse("Tech Lead"), Ok(TargetRole::TechLead));
        assert!(ExperienceBand::parse("20")
            .unwrap_err()
            .contains("0-2, 3-5"));
    }
}
