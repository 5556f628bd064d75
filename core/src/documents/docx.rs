//! DOCX through docx-rs: one column, Word's built-in heading styles, real text in order.
//! Lists are Word numbering (a bullet level, a decimal level), links are hyperlinks.

use super::{Block, Document, Inline, SOURCES_HEADING};
use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, Docx, Footer, Hyperlink, HyperlinkData,
    HyperlinkType, IndentLevel, Level, LevelJc, LevelText, LineSpacing, NumPages, NumberFormat,
    Numbering, NumberingId, PageMargin, PageNum, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType, Start, Style,
    StyleType, Tab, TabValueType, VertAlignType,
};

/// A4 in twentieths of a point, with 2 cm margins all round.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
const MARGIN: i32 = 1134;
/// Where a level-2 heading's dates end: the right margin.
const RIGHT_EDGE: usize = (PAGE_WIDTH as usize) - 2 * (MARGIN as usize);

/// docx-rs reserves abstract numbering 1 and numbering 1 for its own default list.
const BULLETS: usize = 2;
const SOURCES: usize = 3;

const INK: &str = "1F2328";
const HEADING_COLOR: &str = "1F3A5F";
const MUTED: &str = "57606A";
const LINK_COLOR: &str = "1F5FAD";
const QUOTE_BAR: &str = "C8D0D8";
const RULE_COLOR: &str = "9AA5B1";
const FONT: &str = "Calibri";

/// Writes `document` as a Word document; the same document gives the same bytes.
pub fn docx(document: &Document) -> Vec<u8> {
    let mut writer = Writer::default();
    let mut out = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(567)
                .footer(567),
        )
        .default_fonts(fonts())
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(100).line(264))
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(list_level("bullet", "\u{2022}", 360, 240)),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .add_abstract_numbering(
            AbstractNumbering::new(SOURCES)
                .add_level(list_level("decimal", "%1.", 360, 360).size(18).color(MUTED)),
        )
        .add_numbering(Numbering::new(SOURCES, SOURCES))
        .footer(Footer::new().add_paragraph(writer.footer()));
    for style in styles() {
        out = out.add_style(style);
    }

    if !document.title.is_empty() {
        out = out.add_paragraph(
            writer.paragraph().style("Title").add_run(Run::new().add_text(&document.title)),
        );
    }
    for line in &document.subtitle {
        let paragraph = writer.paragraph().style("Subtitle");
        out = out.add_paragraph(writer.runs(paragraph, line));
    }
    for block in &document.blocks {
        for paragraph in writer.block(block) {
            out = out.add_paragraph(paragraph);
        }
    }
    if !document.sources.is_empty() {
        out = out.add_paragraph(
            writer.paragraph().style("Heading1").add_run(Run::new().add_text(SOURCES_HEADING)),
        );
        for source in &document.sources {
            out = out.add_paragraph(
                writer
                    .paragraph()
                    .style("Source")
                    .numbering(NumberingId::new(SOURCES), IndentLevel::new(0))
                    .add_run(Run::new().add_text(source.replace('\n', " "))),
            );
        }
    }

    let mut xml = out.build();
    xml.doc_props.core = core_properties(document);
    xml.document_rels = links_in_order(xml.document_rels);
    let mut bytes = std::io::Cursor::new(Vec::new());
    xml.pack(&mut bytes).expect("a DOCX is written to memory");
    bytes.into_inner()
}

/// Numbers paragraphs and hyperlinks itself: docx-rs's own counters are process-wide, so
/// two renders of one document would differ.
#[derive(Default)]
struct Writer {
    paragraphs: u32,
    links: usize,
}

impl Writer {
    fn paragraph(&mut self) -> Paragraph {
        self.paragraphs += 1;
        Paragraph::new().id(format!("{:08X}", self.paragraphs))
    }

    fn link(&mut self, url: &str) -> Hyperlink {
        self.links += 1;
        let mut link = Hyperlink::new(url, HyperlinkType::External);
        if let HyperlinkData::External { rid, .. } = &mut link.link {
            *rid = format!("rIdLink{}", self.links);
        }
        link
    }

    fn block(&mut self, block: &Block) -> Vec<Paragraph> {
        match block {
            Block::Heading { level, text, aside } => {
                let style = if *level <= 1 { "Heading1" } else { "Heading2" };
                let mut heading = self.paragraph().style(style).add_run(Run::new().add_text(text));
                if let Some(aside) = aside {
                    heading = heading
                        .add_tab(Tab::new().val(TabValueType::Right).pos(RIGHT_EDGE))
                        .add_run(
                            Run::new().add_tab().style("Dates").disable_bold().add_text(aside),
                        );
                }
                vec![heading]
            }
            Block::Label(text) => {
                vec![self.paragraph().style("Label").add_run(Run::new().add_text(text))]
            }
            Block::Paragraph(runs) => {
                let paragraph = self.paragraph();
                vec![self.runs(paragraph, runs)]
            }
            Block::Bullets(items) => items
                .iter()
                .map(|item| {
                    let paragraph = self
                        .paragraph()
                        .style("ListBullet")
                        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
                    self.runs(paragraph, item)
                })
                .collect(),
            Block::Quote { text, by, refs } => {
                let mut quote = self.paragraph().style("Quote");
                for (i, line) in text.lines().enumerate() {
                    let mut run = Run::new();
                    if i > 0 {
                        run = run.add_break(docx_rs::BreakType::TextWrapping);
                    }
                    quote = quote.add_run(run.add_text(line));
                }
                let mut attribution = self
                    .paragraph()
                    .style("QuoteBy")
                    .add_run(Run::new().add_text(format!("\u{2014} {by}")));
                for (i, &n) in refs.iter().enumerate() {
                    attribution = attribution.add_run(reference(n, i > 0));
                }
                vec![quote, attribution]
            }
        }
    }

    fn runs(&mut self, mut paragraph: Paragraph, runs: &[Inline]) -> Paragraph {
        let mut after_ref = false;
        for inline in runs {
            paragraph = match inline {
                Inline::Text(text) => paragraph.add_run(Run::new().add_text(flat(text))),
                Inline::Strong(text) => paragraph.add_run(Run::new().bold().add_text(flat(text))),
                Inline::Emphasis(text) => {
                    paragraph.add_run(Run::new().italic().add_text(flat(text)))
                }
                Inline::Link { text, url } => paragraph.add_hyperlink(
                    self.link(url).add_run(Run::new().style("Hyperlink").add_text(flat(text))),
                ),
                Inline::Ref(n) => paragraph.add_run(reference(*n, after_ref)),
            };
            after_ref = matches!(inline, Inline::Ref(_));
        }
        paragraph
    }

    fn footer(&mut self) -> Paragraph {
        self.paragraph()
            .style("Footer")
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text("Page "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" of "))
            .add_num_pages(NumPages::new())
    }
}

/// A superscript source number; a second one in a row is set off by a comma.
fn reference(n: u32, after_another: bool) -> Run {
    let text = if after_another { format!(",{n}") } else { n.to_string() };
    let mut run = Run::new().color(MUTED).add_text(text);
    run.run_property = run.run_property.vert_align(VertAlignType::SuperScript);
    run
}

fn flat(text: &str) -> String {
    text.replace('\n', " ")
}

fn fonts() -> RunFonts {
    RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT)
}

fn list_level(format: &str, text: &str, left: i32, hanging: i32) -> Level {
    Level::new(
        0,
        Start::new(1),
        NumberFormat::new(format),
        LevelText::new(text),
        LevelJc::new("left"),
    )
    .indent(Some(left), Some(SpecialIndentType::Hanging(hanging)), None, None)
}

/// Word's built-in style names, so Word, LibreOffice and hiring systems see real headings.
fn styles() -> Vec<Style> {
    let paragraph = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
    };
    let spacing = |before: u32, after: u32| LineSpacing::new().before(before).after(after);

    let mut title =
        paragraph("Title", "Title").size(48).bold().color(INK).line_spacing(spacing(0, 40));
    title.paragraph_property.keep_next = Some(true);
    let subtitle =
        paragraph("Subtitle", "Subtitle").size(20).color(MUTED).line_spacing(spacing(0, 40));

    let heading = |id: &str, name: &str, size: usize, color: &str, level: usize, before: u32| {
        let mut style = paragraph(id, name)
            .size(size)
            .bold()
            .color(color)
            .outline_lvl(level)
            .line_spacing(spacing(before, if level == 0 { 100 } else { 60 }));
        style.paragraph_property.keep_next = Some(true);
        style
    };
    let mut heading1 = heading("Heading1", "heading 1", 26, HEADING_COLOR, 0, 280);
    heading1.paragraph_property.borders =
        Some(border(ParagraphBorderPosition::Bottom, 4, 2, RULE_COLOR));
    let heading2 = heading("Heading2", "heading 2", 23, INK, 1, 180);

    let mut label = paragraph("Label", "Label").bold().line_spacing(spacing(140, 40));
    label.paragraph_property.keep_next = Some(true);

    let list = paragraph("ListBullet", "List Bullet").line_spacing(spacing(0, 50));
    let mut quote = paragraph("Quote", "Quote")
        .italic()
        .indent(Some(567), None, Some(567), None)
        .line_spacing(spacing(80, 20));
    let mut quote_by = paragraph("QuoteBy", "Quote Attribution")
        .size(20)
        .color(MUTED)
        .indent(Some(567), None, None, None)
        .line_spacing(spacing(0, 120));
    quote.paragraph_property.keep_next = Some(true);
    quote.paragraph_property.borders =
        Some(border(ParagraphBorderPosition::Left, 12, 8, QUOTE_BAR));
    quote_by.paragraph_property.borders =
        Some(border(ParagraphBorderPosition::Left, 12, 8, QUOTE_BAR));
    let footer = paragraph("Footer", "footer").size(16).color(MUTED);
    let source = paragraph("Source", "Source").size(18).color(MUTED).line_spacing(spacing(0, 30));

    let hyperlink = Style::new("Hyperlink", StyleType::Character)
        .name("Hyperlink")
        .color(LINK_COLOR)
        .underline("single");
    let dates = Style::new("Dates", StyleType::Character).name("Dates").size(20).color(MUTED);
    vec![
        title, subtitle, heading1, heading2, label, list, quote, quote_by, footer, source,
        hyperlink, dates,
    ]
}

/// A single line on one side of a paragraph: `size` in eighths of a point, `space` in points.
fn border(
    side: ParagraphBorderPosition,
    size: usize,
    space: usize,
    color: &str,
) -> ParagraphBorders {
    ParagraphBorders::with_empty().set(
        ParagraphBorder::new(side).val(BorderType::Single).size(size).space(space).color(color),
    )
}

/// docx-rs lists the hyperlink relationships (last in the part) in a hash map's order,
/// which changes from run to run: put them back in the order of the text.
fn links_in_order(rels: Vec<u8>) -> Vec<u8> {
    let xml = String::from_utf8(rels).expect("docx-rs writes UTF-8");
    let (Some(start), Some(end)) =
        (xml.find("<Relationship Id=\"rIdLink"), xml.rfind("</Relationships>"))
    else {
        return xml.into_bytes();
    };
    let mut links: Vec<&str> = xml[start..end].split_inclusive("/>").collect();
    links.sort_by_key(|link| {
        let digits = link.trim_start_matches("<Relationship Id=\"rIdLink");
        digits
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse::<usize>()
            .unwrap_or(0)
    });
    format!("{}{}{}", &xml[..start], links.concat(), &xml[end..]).into_bytes()
}

/// docProps/core.xml with the title and author and a fixed date: docx-rs offers no title
/// or author, and a date of now would make every export differ.
fn core_properties(document: &Document) -> Vec<u8> {
    let author = document.author.as_deref().map(escape).unwrap_or_default();
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    );
    if !document.title.is_empty() {
        xml.push_str(&format!("<dc:title>{}</dc:title>", escape(&document.title)));
    }
    xml.push_str(&format!(
        "<dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>"
    ));
    xml.push_str(
        r#"<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified><cp:revision>1</cp:revision></cp:coreProperties>"#,
    );
    xml.into_bytes()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
