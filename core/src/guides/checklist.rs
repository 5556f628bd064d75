//! A guide's checklist in its open cycle: what is checked, what is due, and when.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::content::{library, Guide};
use crate::guides::EvidenceEntry;
use crate::store::{Check, Cycle};
use crate::{Error, Journal, Result};

/// A checklist item as the engineer works it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChecklistEntry {
    pub id: String,
    pub text: String,
    pub section: Option<String>,
    pub checked: bool,
    pub checked_at: Option<String>,
    /// The cycle's start plus the item's due offset; absent before a cycle starts.
    pub due: Option<NaiveDate>,
    /// Due within this many days of a cycle's start, as the guide says.
    pub due_days: Option<u32>,
    /// Due before today and not checked.
    pub overdue: bool,
    /// An unchecked item the journal already proves: the entry that shows it done, for
    /// the engineer to accept (a normal check) or ignore.
    pub suggested: Option<EvidenceEntry>,
}

/// A guide's checklist in its open cycle, with the closed cycles as history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Checklist {
    pub guide: String,
    pub title: String,
    /// The open cycle; absent until the first check or an explicit start, so reading a
    /// checklist never starts one.
    pub cycle: Option<Cycle>,
    pub items: Vec<ChecklistEntry>,
    pub done: u32,
    pub total: u32,
    /// How many unchecked items carry a suggestion.
    pub suggested: u32,
    /// Every cycle, the open one first.
    pub history: Vec<Cycle>,
}

/// An unchecked item with a due date, for Home and the calendar export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DueItem {
    pub guide: String,
    pub guide_title: String,
    pub cycle: u32,
    pub item: String,
    pub text: String,
    pub due: NaiveDate,
    pub overdue: bool,
}

/// Puts a guide's items together with the checks of its open cycle, if one is open.
pub fn build_checklist(
    guide: &Guide,
    cycle: Option<Cycle>,
    checks: &[Check],
    history: Vec<Cycle>,
    today: NaiveDate,
) -> Checklist {
    let items: Vec<ChecklistEntry> = guide
        .checklist
        .iter()
        .map(|item| {
            let check = checks.iter().find(|c| c.item == item.id);
            let started = cycle.as_ref().map(|c| c.started_on);
            let due = item
                .due_days
                .zip(started)
                .and_then(|(days, start)| start.checked_add_days(Days::new(days.into())));
            ChecklistEntry {
                id: item.id.clone(),
                text: item.text.clone(),
                section: item.section.clone(),
                checked: check.is_some(),
                checked_at: check.map(|c| c.checked_at.clone()),
                overdue: check.is_none() && due.is_some_and(|d| d < today),
                due,
                due_days: item.due_days,
                suggested: None,
            }
        })
        .collect();
    Checklist {
        guide: guide.slug.clone(),
        title: guide.title.clone(),
        done: items.iter().filter(|i| i.checked).count() as u32,
        total: items.len() as u32,
        suggested: 0,
        cycle,
        items,
        history,
    }
}

impl Checklist {
    /// The unchecked items with a due date, soonest first.
    pub fn due_items(&self) -> Vec<DueItem> {
        let mut due: Vec<DueItem> = self
            .items
            .iter()
            .filter(|i| !i.checked)
            .filter_map(|i| {
                Some(DueItem {
                    guide: self.guide.clone(),
                    guide_title: self.title.clone(),
                    cycle: self.cycle.as_ref()?.number,
                    item: i.id.clone(),
                    text: i.text.clone(),
                    due: i.due?,
                    overdue: i.overdue,
                })
            })
            .collect();
        due.sort_by(|a, b| a.due.cmp(&b.due).then(a.item.cmp(&b.item)));
        due
    }
}

fn guide(slug: &str) -> Result<&'static Guide> {
    library()
        .guide(slug)
        .filter(|g| !g.checklist.is_empty())
        .ok_or_else(|| Error::NotFound { what: format!("a checklist for the guide \"{slug}\"") })
}

impl Journal {
    /// A guide's checklist in its open cycle, read without writing: before the first
    /// check it has no cycle. Unchecked items the journal already proves carry the entry.
    pub fn checklist(&self, slug: &str, today: NaiveDate) -> Result<Checklist> {
        let guide = guide(slug)?;
        let cycle = self.current_cycle(slug)?;
        let checks = match &cycle {
            Some(cycle) => self.checks(cycle.id)?,
            None => Vec::new(),
        };
        // A later cycle asks for the work again: only what was done since it began counts.
        let since = cycle.as_ref().filter(|c| c.number > 1).map(|c| c.started_on);
        let history = self.cycles(slug)?;
        let mut list = build_checklist(guide, cycle, &checks, history, today);
        for entry in list.items.iter_mut().filter(|e| !e.checked) {
            let evidence = guide.checklist_item(&entry.id).and_then(|item| item.evidence.as_ref());
            if let Some(evidence) = evidence {
                entry.suggested = self.newest_evidence(evidence, since)?;
            }
        }
        list.suggested = list.items.iter().filter(|e| e.suggested.is_some()).count() as u32;
        Ok(list)
    }

    /// Checks or unchecks one item of a guide's checklist. Checking starts the first cycle
    /// when none is open; unchecking never starts one.
    pub fn set_checked(
        &mut self,
        slug: &str,
        item: &str,
        checked: bool,
        today: NaiveDate,
    ) -> Result<Checklist> {
        let guide = guide(slug)?;
        if guide.checklist_item(item).is_none() {
            return Err(Error::NotFound {
                what: format!("the item \"{item}\" in the checklist of {slug}"),
            });
        }
        if checked {
            self.check_item(slug, item, today)?;
        } else {
            self.uncheck_item(slug, item)?;
        }
        self.checklist(slug, today)
    }

    /// Closes the open cycle, keeping it in the history, and starts a fresh one `today`;
    /// with none open yet, starts the first.
    pub fn start_new_cycle(&mut self, slug: &str, today: NaiveDate) -> Result<Checklist> {
        guide(slug)?;
        self.new_cycle(slug, today)?;
        self.checklist(slug, today)
    }

    /// Unchecked items with due dates, across the checklists the engineer has started.
    pub fn due_items(&self, today: NaiveDate) -> Result<Vec<DueItem>> {
        let mut due = Vec::new();
        for guide in library().guides.iter().filter(|g| !g.checklist.is_empty()) {
            if let Some(cycle) = self.current_cycle(&guide.slug)? {
                let checks = self.checks(cycle.id)?;
                let list = build_checklist(guide, Some(cycle), &checks, Vec::new(), today);
                due.extend(list.due_items());
            }
        }
        due.sort_by(|a, b| a.due.cmp(&b.due).then(a.guide.cmp(&b.guide)));
        Ok(due)
    }
}
