//! The review and promotion packet: for a period and a target stage (or skill), the case
//! the journal makes, in sections, every claim followed by the entries it rests on. The
//! store gathers the sentences (`Journal::packet`); this module holds their shape and
//! writes them as a [`Document`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Block, Document, Inline};
use crate::journal::EntryKind;
use crate::macros::text_enum;

text_enum!(
    /// The packet's sections, in the order they are read.
    PacketSectionId {
        Summary = "summary",
        Impact = "impact",
        Leadership = "leadership" ("technical leadership"),
        People = "people",
        Growth = "growth",
        Gaps = "gaps",
        Goals = "goals" ("goals for the next period"),
    }
);

impl PacketSectionId {
    /// The section's heading in the document.
    pub fn title(self) -> &'static str {
        match self {
            PacketSectionId::Summary => "Summary",
            PacketSectionId::Impact => "Impact",
            PacketSectionId::Leadership => "Technical leadership",
            PacketSectionId::People => "People",
            PacketSectionId::Growth => "Growth",
            PacketSectionId::Gaps => "Gaps",
            PacketSectionId::Goals => "Goals for the next period",
        }
    }
}

/// What a packet is asked for: a period, both ends included, and a target: a stage id of
/// the progression framework (`senior`, `staff`) or `skill:NAME`; absent, the stage the
/// readiness map says the engineer is working toward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PacketRequest {
    pub since: NaiveDate,
    pub until: NaiveDate,
    #[serde(default)]
    pub target: Option<String>,
}

text_enum!(
    PacketTargetKind {
        Stage = "stage",
        Skill = "skill",
    }
);

/// A target a packet can argue for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PacketTarget {
    /// What `PacketRequest::target` names it by: `staff`, `skill:Kafka`.
    pub id: String,
    pub kind: PacketTargetKind,
    /// "Staff engineer", "Kafka".
    pub name: String,
}

/// A journal entry a sentence rests on; its number is its place in `Packet::sources`, from 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PacketSource {
    pub number: u32,
    pub id: i64,
    pub kind: EntryKind,
    pub title: String,
    pub date: Option<NaiveDate>,
    /// The project to open for it (itself for a project), for the window's link.
    pub project_id: Option<i64>,
}

impl PacketSource {
    /// How the document lists it: `Metric “p99 latency”, 2026-08-03`.
    pub fn line(&self) -> String {
        let kind = match self.kind {
            EntryKind::OneOnOne => "1:1".to_string(),
            other => {
                let word = other.as_str();
                word[..1].to_uppercase() + &word[1..]
            }
        };
        let date = self.date.map(|d| format!(", {d}")).unwrap_or_default();
        format!("{kind} “{}”{date}", self.title)
    }
}

/// One sentence of the packet, in the journal's words or the engineer's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PacketSentence {
    /// Stable while what it says holds: `impact:metric:12`. Edits are kept by it.
    pub key: String,
    pub text: String,
    /// The wording the journal gives now; differs from `text` once edited.
    pub generated_text: String,
    pub edited: bool,
    /// Edited, and the journal's wording has changed since the edit was made.
    pub changed: bool,
    /// The heading it sits under inside its section: the project, for impact.
    pub group: Option<String>,
    /// Someone's words: who said them and when ("Priya Shah, 2026-09-01").
    pub quote_by: Option<String>,
    /// Where the thing it names lives (an RFC's address).
    pub link: Option<String>,
    /// Numbers into `Packet::sources`: the entries the claim rests on.
    pub sources: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PacketSection {
    pub id: PacketSectionId,
    pub title: String,
    pub sentences: Vec<PacketSentence>,
}

/// A packet as the window shows it and every format writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Packet {
    pub since: NaiveDate,
    pub until: NaiveDate,
    /// "1 July 2026 to 31 December 2026".
    pub label: String,
    pub target: Option<PacketTarget>,
    pub sections: Vec<PacketSection>,
    pub sources: Vec<PacketSource>,
    /// Private entries of the period left out.
    pub left_out: u32,
}

impl Packet {
    pub fn sentence(&self, key: &str) -> Option<&PacketSentence> {
        self.sections.iter().flat_map(|s| &s.sentences).find(|s| s.key == key)
    }

    pub fn sentence_count(&self) -> usize {
        self.sections.iter().map(|s| s.sentences.len()).sum()
    }
}

/// What the CLI says of a written packet (`--json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PacketWritten {
    pub path: String,
    pub target: Option<String>,
    pub sections: usize,
    pub sentences: usize,
    pub sources: usize,
    pub left_out: u32,
}

/// A sentence key with the entry ids in it swapped by `swap` (ids for UUIDs on export, and
/// back on import): the part after an entry kind's name is an entry (`impact:metric:12`).
/// `None` when `swap` knows one of them not.
pub fn swap_key_ids(key: &str, swap: impl Fn(&str) -> Option<String>) -> Option<String> {
    let parts: Vec<&str> = key.split(':').collect();
    let mut out = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        let after_kind = i > 0 && EntryKind::parse(parts[i - 1]).is_some();
        out.push(if after_kind { swap(part)? } else { part.to_string() });
    }
    Some(out.join(":"))
}

fn runs(sentence: &PacketSentence) -> Vec<Inline> {
    let mut out = vec![Inline::Text(sentence.text.clone())];
    out.extend(sentence.sources.iter().map(|&n| Inline::Ref(n)));
    if let Some(url) = &sentence.link {
        out.push(Inline::text(" "));
        out.push(Inline::Link { text: url.clone(), url: url.clone() });
    }
    out
}

/// The packet as a document: a heading per section, a sub-heading per group, the summary
/// as paragraphs, the rest as lists, quotes as quotes, and the sources numbered at the end.
pub fn packet_document(packet: &Packet, author: Option<&str>) -> Document {
    let title = match author {
        Some(name) => format!("Review packet: {name}"),
        None => "Review packet".to_string(),
    };
    let mut subtitle = vec![vec![Inline::text(packet.label.clone())]];
    if let Some(target) = &packet.target {
        subtitle.push(vec![
            Inline::Strong("Target:".into()),
            Inline::text(format!(" {}", target.name)),
        ]);
    }
    let mut blocks = Vec::new();
    // A section with nothing to say is left out of the document (the window shows it empty).
    for section in packet.sections.iter().filter(|s| !s.sentences.is_empty()) {
        blocks.push(Block::Heading { level: 1, text: section.title.clone(), aside: None });
        let mut group: Option<&str> = None;
        let mut list: Vec<Vec<Inline>> = Vec::new();
        let flush = |list: &mut Vec<Vec<Inline>>, blocks: &mut Vec<Block>| {
            if !list.is_empty() {
                blocks.push(Block::Bullets(std::mem::take(list)));
            }
        };
        for sentence in &section.sentences {
            if sentence.group.as_deref() != group {
                flush(&mut list, &mut blocks);
                group = sentence.group.as_deref();
                if let Some(g) = group {
                    blocks.push(Block::Heading { level: 2, text: g.to_string(), aside: None });
                }
            }
            if let Some(by) = &sentence.quote_by {
                flush(&mut list, &mut blocks);
                blocks.push(Block::Quote {
                    text: sentence.text.clone(),
                    by: by.clone(),
                    refs: sentence.sources.clone(),
                });
            } else if section.id == PacketSectionId::Summary {
                blocks.push(Block::Paragraph(runs(sentence)));
            } else {
                list.push(runs(sentence));
            }
        }
        flush(&mut list, &mut blocks);
    }
    Document {
        title,
        subtitle,
        author: author.map(str::to_string),
        blocks,
        sources: packet.sources.iter().map(PacketSource::line).collect(),
    }
}
