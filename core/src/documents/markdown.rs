//! Markdown: headings with `#`, lists with `-`, quotes with `>`, references as footnotes
//! (`[^1]`), the way GitHub and most editors show them.

use super::{Block, Document, Inline, SOURCES_HEADING};

fn inline(runs: &[Inline]) -> String {
    let mut out = String::new();
    for run in runs {
        match run {
            Inline::Text(t) => out.push_str(t),
            Inline::Strong(t) => out.push_str(&format!("**{t}**")),
            Inline::Emphasis(t) => out.push_str(&format!("*{t}*")),
            Inline::Link { text, url } => out.push_str(&format!("[{text}]({url})")),
            Inline::Ref(n) => out.push_str(&format!("[^{n}]")),
        }
    }
    out.replace('\n', " ")
}

fn refs(numbers: &[u32]) -> String {
    numbers.iter().map(|n| format!("[^{n}]")).collect()
}

pub fn markdown(document: &Document) -> String {
    let mut out = String::new();
    if !document.title.is_empty() {
        out.push_str(&format!("# {}\n\n", document.title));
    }
    for line in &document.subtitle {
        out.push_str(&format!("{}\n\n", inline(line)));
    }
    for block in &document.blocks {
        match block {
            Block::Heading { level, text, aside } => {
                let marks = "#".repeat(usize::from(*level).clamp(1, 5) + 1);
                out.push_str(&format!("{marks} {text}\n"));
                if let Some(aside) = aside {
                    out.push_str(&format!("*{aside}*\n"));
                }
                out.push('\n');
            }
            Block::Label(text) => out.push_str(&format!("**{text}**\n\n")),
            Block::Paragraph(runs) => out.push_str(&format!("{}\n\n", inline(runs))),
            Block::Bullets(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", inline(item)));
                }
                out.push('\n');
            }
            Block::Quote { text, by, refs: cited } => {
                for line in text.lines() {
                    out.push_str(&format!("> {line}\n"));
                }
                out.push_str(&format!(">\n> — {by}{}\n\n", refs(cited)));
            }
        }
    }
    if !document.sources.is_empty() {
        out.push_str(&format!("## {SOURCES_HEADING}\n\n"));
        for (i, source) in document.sources.iter().enumerate() {
            out.push_str(&format!("[^{}]: {}\n", i + 1, source.replace('\n', " ")));
        }
    }
    out.trim_end().to_string() + "\n"
}
