//! Documents the engineer hands to someone: the resume, the brag document and the review
//! packet. Each is built once as a [`Document`] (headings, paragraphs, lists, quotes and
//! numbered sources) and written out by one renderer per format: Markdown, DOCX and PDF.
//! Renderers are pure: the same document gives the same bytes.

mod docx;
mod markdown;
pub mod packet;
mod pdf;

use crate::macros::text_enum;

pub use docx::docx;
pub use markdown::markdown;
pub use pdf::pdf;

text_enum!(
    /// The formats a document is written in.
    DocumentFormat {
        Markdown = "markdown",
        Docx = "docx" ("DOCX"),
        Pdf = "pdf" ("PDF"),
    }
);

impl DocumentFormat {
    pub fn extension(self) -> &'static str {
        match self {
            DocumentFormat::Markdown => "md",
            DocumentFormat::Docx => "docx",
            DocumentFormat::Pdf => "pdf",
        }
    }

    /// What the native save dialog's filter calls the format.
    pub fn filter_name(self) -> &'static str {
        match self {
            DocumentFormat::Markdown => "Markdown",
            DocumentFormat::Docx => "Word document",
            DocumentFormat::Pdf => "PDF",
        }
    }

    /// Writes `document` in this format.
    pub fn render(self, document: &Document) -> Vec<u8> {
        match self {
            DocumentFormat::Markdown => markdown(document).into_bytes(),
            DocumentFormat::Docx => docx(document),
            DocumentFormat::Pdf => pdf(document),
        }
    }
}

/// A document in reading order: a title, lines under it, blocks, then the numbered
/// sources its sentences cite.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The first line: the engineer's name on a resume, the document's name otherwise.
    pub title: String,
    /// Lines under the title: contact details, the period.
    pub subtitle: Vec<Vec<Inline>>,
    /// Who wrote it (the PDF's and DOCX's author), when the profile has a name.
    pub author: Option<String>,
    pub blocks: Vec<Block>,
    /// What `Inline::Ref(n)` points at, numbered from 1 in order; rendered after the
    /// blocks under the heading "Sources" when not empty.
    pub sources: Vec<String>,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading: level 1 is a section ("Experience", "Impact"), level 2 a
    /// position or project under it. `aside` is what goes with it on the right or under
    /// it: a position's dates.
    Heading {
        level: u8,
        text: String,
        aside: Option<String>,
    },
    /// A bold run-in label over what follows ("Impact", "Decisions") in the brag document.
    Label(String),
    Paragraph(Vec<Inline>),
    /// A bulleted list; each item is a run of inline text.
    Bullets(Vec<Vec<Inline>>),
    /// Someone's words, and who said them and when ("Priya Shah, 2026-05-03").
    Quote {
        text: String,
        by: String,
        refs: Vec<u32>,
    },
}

/// A run of text inside a paragraph or list item.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Emphasis(String),
    /// Clickable in every format.
    Link {
        text: String,
        url: String,
    },
    /// A reference to `Document::sources[n - 1]`: a superscript number, `[^n]` in Markdown.
    Ref(u32),
}

impl Inline {
    pub fn text(text: impl Into<String>) -> Inline {
        Inline::Text(text.into())
    }
}

/// A run of text and the references after it.
pub fn cited(text: impl Into<String>, refs: &[u32]) -> Vec<Inline> {
    let mut out = vec![Inline::Text(text.into())];
    out.extend(refs.iter().map(|&n| Inline::Ref(n)));
    out
}

/// Text with every web address in it as a link (`https://…`), so a document's addresses
/// are clickable in every format; punctuation right after an address stays text.
pub fn linked(text: &str) -> Vec<Inline> {
    let mut runs = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(at) = ["https://", "http://"].iter().filter_map(|p| rest.find(p)).min() {
        let starts_word = rest[..at].chars().last().is_none_or(|c| c.is_whitespace() || c == '(');
        let end = rest[at..].find(char::is_whitespace).map_or(rest.len(), |e| at + e);
        let url = rest[at..end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        if !starts_word || url.len() <= "https://".len() {
            plain.push_str(&rest[..at + 1]);
            rest = &rest[at + 1..];
            continue;
        }
        plain.push_str(&rest[..at]);
        if !plain.is_empty() {
            runs.push(Inline::Text(std::mem::take(&mut plain)));
        }
        runs.push(Inline::Link { text: url.to_string(), url: url.to_string() });
        rest = &rest[at + url.len()..];
    }
    plain.push_str(rest);
    if !plain.is_empty() || runs.is_empty() {
        runs.push(Inline::Text(plain));
    }
    runs
}

/// The heading the sources are listed under, in every format.
pub const SOURCES_HEADING: &str = "Sources";

#[cfg(test)]
mod render_tests;
#[cfg(test)]
mod tests;
