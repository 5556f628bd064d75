//! The guides as a working tool: checklists with progress in cycles, due dates and their
//! calendar export, and the readiness map that measures the engineer's record against the
//! progression framework.

mod checklist;
mod ics;
pub(crate) mod readiness;
mod text;

pub use checklist::{build_checklist, Checklist, ChecklistEntry, DueItem};
pub use ics::{to_ics, ReviewEvent};
pub use readiness::{EvidenceEntry, ProofStatus, Readiness, StageReadiness};
pub use text::readable_text;

#[cfg(test)]
mod tests;
