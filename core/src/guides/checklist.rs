//! A guide's checklist in its open cycle: what is checked, what is due, and when.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::content::{library, Guide};
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
    /// The cycle's start plus the item's due offset.
    pub due: Option<NaiveDate>,
    /// Due before today and not checked.
    pub overdue: bool,
}

/// A guide's checklist in its open cycle, with the closed cycles as history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Checklist {
    pub guide: String,
    pub title: String,
    pub cycle: Cycle,
    pub items: Vec<ChecklistEntry>,
    pub done: u32,
    pub total: u32,
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

/// Puts a guide's items together with the checks of its open cycle.
pub fn build_checklist(
    guide: &Guide,
    cycle: Cycle,
    checks: &[Check],
    history: Vec<Cycle>,
    today: NaiveDate,
) -> Checklist {
    let items: Vec<ChecklistEntry> = guide
        .checklist
        .iter()
        .map(|item| {
            let check = checks.iter().find(|c| c.item == item.id);
            let due = item
                .due_days
                .and_then(|days| cycle.started_on.checked_add_days(Days::new(days.into())));
            ChecklistEntry {
                id: item.id.clone(),
                text: item.text.clone(),
                section: item.section.clone(),
                checked: check.is_some(),
                checked_at: check.map(|c| c.checked_at.clone()),
                overdue: check.is_none() && due.is_some_and(|d| d < today),
                due,
            }
        })
        .collect();
    Checklist {
        guide: guide.slug.clone(),
        title: guide.title.clone(),
        done: items.iter().filter(|i| i.checked).count() as u32,
        total: items.len() as u32,
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
                    cycle: self.cycle.number,
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
        .ok_or_else(|| Error::NotFound {
            what: format!("a checklist for the guide \"{slug}\""),
        })
}

impl Journal {
    /// A guide's checklist in its open cycle (the first cycle starts `today`).
    pub fn checklist(&mut self, slug: &str, today: NaiveDate) -> Result<Checklist> {
        let guide = guide(slug)?;
        let cycle = self.open_cycle(slug, today)?;
        let checks = self.checks(cycle.id)?;
        let history = self.cycles(slug)?;
        Ok(build_checklist(guide, cycle, &checks, history, today))
    }

    /// Checks or unchecks one item of a guide's checklist in its open cycle.
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
            self.uncheck_item(slug, item, today)?;
        }
        self.checklist(slug, today)
    }

    /// Closes the open cycle, keeping it in the history, and starts a fresh one `today`.
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
                due.extend(build_checklist(guide, cycle, &checks, Vec::new(), today).due_items());
            }
        }
        due.sort_by(|a, b| a.due.cmp(&b.due).then(a.guide.cmp(&b.guide)));
        Ok(due)
    }
}
