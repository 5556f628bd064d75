//! The DOCX and PDF renderers read back: the PDF's text through poppler's `pdftotext`, the
//! DOCX's paragraphs through docx-rs's reader; both byte-deterministic.

use super::*;
use docx_rs::{DocumentChild, ParagraphChild, RunChild};
use std::process::Command;

const BULLETS: [&str; 4] = [
    "Cut checkout p99 latency from 800 ms → 120 ms by moving pricing to a read-through cache",
    "Raised test coverage of the billing service to 85% and made “flaky” a release blocker",
    "Led the 2023–2024 migration of 14 services to the shared deployment pipeline",
    "Mentored three engineers; two were promoted within a year",
];

/// A resume's shape: name, contact line with a link, one position with dates, skills.
fn resume() -> Document {
    Document {
        title: "Avery Quinn".into(),
        subtitle: vec![vec![
            Inline::text("Staff Engineer · "),
            Inline::Link {
                text: "avery@example.com".into(),
                url: "mailto:avery@example.com".into(),
            },
        ]],
        author: Some("Avery Quinn".into()),
        blocks: vec![
            Block::Heading { level: 1, text: "Experience".into(), aside: None },
            Block::Heading {
                level: 2,
                text: "Senior Engineer, Lumen Freight".into(),
                aside: Some("Mar 2022 – Jun 2025".into()),
            },
            Block::Bullets(BULLETS.iter().map(|b| vec![Inline::text(*b)]).collect()),
            Block::Heading { level: 1, text: "Skills".into(), aside: None },
            Block::Paragraph(vec![Inline::text("Rust · PostgreSQL · Incident review")]),
        ],
        sources: Vec::new(),
    }
}

/// A packet's shape: labels, bold runs, references, a quote and the sources.
fn packet() -> Document {
    Document {
        title: "Review packet".into(),
        subtitle: vec![vec![Inline::text("1 July 2024 to 30 June 2025")]],
        author: Some("Avery Quinn".into()),
        blocks: vec![
            Block::Heading { level: 1, text: "Impact".into(), aside: None },
            Block::Label("Checkout".into()),
            Block::Paragraph(cited("Cut p99 latency by 85%.", &[1, 2])),
            Block::Bullets(vec![vec![
                Inline::Strong("Queue".into()),
                Inline::text(": chose a log"),
            ]]),
            Block::Quote {
                text: "Calm under pressure.".into(),
                by: "Jordan Ellis, 2025-03-02".into(),
                refs: vec![2],
            },
        ],
        sources: vec![
            "Metric \"p99 latency\", 2025-01-10".into(),
            "Feedback from Jordan Ellis".into(),
        ],
    }
}

fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).expect("the PDF is written");
    let out = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} did not run ({e}): install poppler-utils (make deps-test)")
        });
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("poppler writes UTF-8")
}

/// The PDF's text with every run of white space made one space.
fn pdf_text(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-enc", "UTF-8"], pdf).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of every top-level paragraph of a DOCX, hyperlinks included.
fn docx_paragraphs(bytes: &[u8]) -> Vec<String> {
    let docx = docx_rs::read_docx(bytes).expect("the DOCX reads back");
    let run_text = |children: &[RunChild], out: &mut String| {
        for child in children {
            match child {
                RunChild::Text(t) => out.push_str(&t.text),
                RunChild::Tab(_) => out.push('\t'),
                _ => {}
            }
        }
    };
    docx.document
        .children
        .iter()
        .filter_map(|child| match child {
            DocumentChild::Paragraph(p) => Some(p),
            _ => None,
        })
        .map(|p| {
            let mut text = String::new();
            for child in &p.children {
                match child {
                    ParagraphChild::Run(run) => run_text(&run.children, &mut text),
                    ParagraphChild::Hyperlink(link) => {
                        for inner in &link.children {
                            if let ParagraphChild::Run(run) = inner {
                                run_text(&run.children, &mut text);
                            }
                        }
                    }
                    _ => {}
                }
            }
            text
        })
        .collect()
}

fn assert_in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} is not after byte {from} of {text:?}"));
        from += at + part.len();
    }
}

#[test]
fn pdf_text_is_the_resume_in_reading_order_with_numbers_and_symbols_intact() {
    let text = pdf_text(&pdf(&resume()));
    let mut expected =
        vec!["Avery Quinn", "avery@example.com", "Experience", "Senior Engineer, Lumen Freight"];
    expected.push("Mar 2022 – Jun 2025");
    expected.extend(BULLETS);
    expected.extend(["Skills", "Rust · PostgreSQL · Incident review", "Page 1 of 1"]);
    assert_in_order(&text, &expected);
    assert!(text.contains("85%") && text.contains("800 ms → 120 ms") && text.contains("“flaky”"));
}

#[test]
fn pdf_embeds_its_fonts_and_links_and_names_title_and_author_without_a_date() {
    let bytes = pdf(&resume());
    let fonts = poppler("pdffonts", &[], &bytes);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed: {fonts}");
    for row in rows {
        assert!(row.contains("Carlito"), "a font other than Carlito: {row}");
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(
            &columns[columns.len() - 5..columns.len() - 2],
            ["yes", "yes", "yes"],
            "emb sub uni: {row}"
        );
    }
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/URI") && raw.contains("mailto:avery@example.com"), "no link annotation");
    assert!(
        !raw.contains("CreationDate") && !raw.contains("ModDate") && !raw.contains("CreateDate")
    );
    let info = poppler("pdfinfo", &[], &bytes);
    assert!(info.lines().any(|l| l.starts_with("Title:") && l.ends_with("Avery Quinn")), "{info}");
    assert!(info.lines().any(|l| l.starts_with("Author:") && l.ends_with("Avery Quinn")), "{info}");
}

#[test]
fn pdf_shows_references_quotes_and_the_sources_list() {
    let text = pdf_text(&pdf(&packet()));
    assert_in_order(
        &text,
        &[
            "Review packet", "Impact", "Checkout", "Cut p99 latency by 85%.", "1,2",
            "Queue: chose a log", "Calm under pressure.", "— Jordan Ellis, 2025-03-02", "Sources",
            "1. Metric \"p99 latency\", 2025-01-10", "2. Feedback from Jordan Ellis",
        ],
    );
}

#[test]
fn docx_paragraphs_read_back_in_order_with_styles_lists_and_a_hyperlink() {
    let bytes = docx(&resume());
    let mut expected = vec![
        "Avery Quinn".to_string(),
        "Staff Engineer · avery@example.com".into(),
        "Experience".into(),
        "Senior Engineer, Lumen Freight\tMar 2022 – Jun 2025".into(),
    ];
    expected.extend(BULLETS.iter().map(|b| b.to_string()));
    expected.extend(["Skills".into(), "Rust · PostgreSQL · Incident review".into()]);
    assert_eq!(docx_paragraphs(&bytes), expected);

    let docx = docx_rs::read_docx(&bytes).expect("the DOCX reads back");
    let styles: Vec<Option<String>> = docx
        .document
        .children
        .iter()
        .filter_map(|c| match c {
            DocumentChild::Paragraph(p) => Some(p.property.style.as_ref().map(|s| s.val.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(styles[0].as_deref(), Some("Title"));
    assert_eq!(styles[2].as_deref(), Some("Heading1"));
    assert_eq!(styles[3].as_deref(), Some("Heading2"));
    assert_eq!(styles[4].as_deref(), Some("ListBullet"));
    let bulleted = docx
        .document
        .children
        .iter()
        .filter(
            |c| matches!(c, DocumentChild::Paragraph(p) if p.property.numbering_property.is_some()),
        )
        .count();
    assert_eq!(bulleted, BULLETS.len(), "every bullet is a numbered-list paragraph");

    // docx-rs stores the parts uncompressed, so the package's XML can be searched as is.
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains(
        "relationships/hyperlink\" Target=\"mailto:avery@example.com\" TargetMode=\"External\""
    ));
    assert!(raw.contains("w:numFmt w:val=\"bullet\""));
    assert!(
        raw.contains("<dc:title>Avery Quinn</dc:title>")
            && raw.contains("<dc:creator>Avery Quinn</dc:creator>")
    );
}

#[test]
fn docx_writes_the_sources_as_a_numbered_list_after_the_blocks() {
    let paragraphs = docx_paragraphs(&docx(&packet()));
    let expected = [
        "Review packet", "1 July 2024 to 30 June 2025", "Impact", "Checkout",
        "Cut p99 latency by 85%.1,2", "Queue: chose a log", "Calm under pressure.",
        // The attribution and its superscript reference are one paragraph.
        "— Jordan Ellis, 2025-03-022", "Sources", "Metric \"p99 latency\", 2025-01-10",
        "Feedback from Jordan Ellis",
    ];
    assert_eq!(paragraphs, expected);
}

/// Every entry of the zip written with the DOS epoch, 1980-01-01 00:00, not the time of export.
fn zip_entry_times(bytes: &[u8]) -> Vec<(u16, u16)> {
    let mut times = Vec::new();
    let mut i = 0;
    while i + 30 <= bytes.len() {
        if bytes[i..i + 4] == [0x50, 0x4b, 0x03, 0x04] {
            let word = |at: usize| u16::from_le_bytes([bytes[i + at], bytes[i + at + 1]]);
            times.push((word(10), word(12)));
        }
        i += 1;
    }
    times
}

/// Links enough that a hash map's order would show.
fn links() -> Document {
    let links = (1..=12)
        .map(|n| {
            vec![Inline::Link {
                text: format!("RFC {n}"),
                url: format!("https://docs.example.com/rfc-{n}"),
            }]
        })
        .collect();
    Document { title: "Links".into(), blocks: vec![Block::Bullets(links)], ..Document::default() }
}

#[test]
fn docx_lists_its_hyperlinks_in_the_order_of_the_text() {
    let bytes = docx(&links());
    let raw = String::from_utf8_lossy(&bytes);
    let mut from = 0;
    for n in 1..=12 {
        let rel = format!("Id=\"rIdLink{n}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://docs.example.com/rfc-{n}\"");
        from += raw[from..]
            .find(&rel)
            .unwrap_or_else(|| panic!("rIdLink{n} is not after the one before"));
    }
    assert_eq!(
        docx_paragraphs(&bytes)[1..],
        (1..=12).map(|n| format!("RFC {n}")).collect::<Vec<_>>()
    );
}

#[test]
fn both_formats_are_byte_deterministic() {
    for document in [resume(), packet(), links()] {
        assert_eq!(pdf(&document), pdf(&document));
        let first = docx(&document);
        // Something else written in between must not shift docx-rs's counters into ours.
        let _ = docx(&long_document(3));
        assert_eq!(first, docx(&document));
        let times = zip_entry_times(&first);
        assert!(times.len() >= 10, "zip entries: {times:?}");
        assert!(times.iter().all(|&t| t == (0, 0x21)), "entry times: {times:?}");
    }
}

fn long_document(roles: usize) -> Document {
    let mut blocks = vec![Block::Heading { level: 1, text: "Experience".into(), aside: None }];
    for role in 1..=roles {
        blocks.push(Block::Heading {
            level: 2,
            text: format!("Role {role}, Example Org"),
            aside: Some(format!("20{:02} – 20{:02}", role % 90, role % 90 + 1)),
        });
        blocks.push(Block::Bullets(
            (1..=6)
                .map(|b| {
                    let n = (role - 1) * 6 + b;
                    vec![Inline::text(format!(
                        "Item {n} reduced the nightly batch from {} min to {} min, saving {}% of compute \
                         across the reporting fleet in every region we ran",
                        n + 40,
                        n + 4,
                        n % 90 + 5
                    ))]
                })
                .collect(),
        ));
    }
    Document { title: "Avery Quinn".into(), blocks, ..Document::default() }
}

#[test]
fn a_long_pdf_paginates_with_every_bullet_once_and_no_heading_left_at_a_page_foot() {
    let document = long_document(20);
    let bytes = pdf(&document);
    let text = pdf_text(&bytes);
    let pages: usize = text
        .split("Page 1 of ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a Page 1 of N footer");
    assert!(pages >= 3, "120 bullets on {pages} pages");
    for n in 1..=120 {
        let item =
            format!("Item {n} reduced the nightly batch from {} min to {} min", n + 40, n + 4);
        assert_eq!(text.matches(&item).count(), 1, "{item}");
    }
    for page in 1..=pages {
        let number = page.to_string();
        let one = poppler("pdftotext", &["-enc", "UTF-8", "-f", &number, "-l", &number], &bytes);
        let lines: Vec<&str> = one.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.last(), Some(&format!("Page {page} of {pages}").as_str()));
        if lines.len() >= 2 {
            let before_footer = lines[lines.len() - 2];
            assert!(
                !before_footer.starts_with("Role ") && before_footer != "Experience",
                "page {page} ends on a heading"
            );
        }
    }
}

#[test]
fn a_long_docx_keeps_every_bullet_once() {
    let paragraphs = docx_paragraphs(&docx(&long_document(20)));
    let items: Vec<&String> = paragraphs.iter().filter(|p| p.starts_with("Item ")).collect();
    assert_eq!(items.len(), 120);
    for (i, item) in items.iter().enumerate() {
        assert!(item.starts_with(&format!("Item {} reduced", i + 1)), "{item}");
    }
}

#[test]
fn a_word_longer_than_the_line_is_cut_not_lost() {
    let long = "x".repeat(400);
    let document = Document {
        title: "Long".into(),
        blocks: vec![Block::Paragraph(vec![Inline::text(format!("before {long} after"))])],
        ..Document::default()
    };
    let text = pdf_text(&pdf(&document));
    assert_eq!(text.matches('x').count(), 400, "{text}");
    assert_in_order(&text, &["before", "xxxx", "after"]);
}

#[test]
fn a_quote_longer_than_a_page_flows_over_pages_without_empty_ones() {
    let text =
        (1..=90).map(|n| format!("Line {n} of the feedback.")).collect::<Vec<_>>().join("\n");
    let document = Document {
        title: "Feedback".into(),
        blocks: vec![
            Block::Paragraph(vec![Inline::text("Before the quote.")]),
            Block::Quote { text, by: "Jordan Ellis, 2025-03-02".into(), refs: vec![] },
        ],
        ..Document::default()
    };
    let bytes = pdf(&document);
    let pages: usize = poppler("pdfinfo", &[], &bytes)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    // 90 lines of about 14 pt are two pages of body text, not ninety.
    assert!((2..=3).contains(&pages), "{pages} pages");
    let text = pdf_text(&bytes);
    assert_in_order(
        &text,
        &["Before the quote.", "Line 1 of", "Line 45 of", "Line 90 of", "— Jordan Ellis"],
    );
}
