//! PDF through krilla with Carlito embedded and subset: one column, text in reading order,
//! laid out here (lines broken by the font's advances, headings kept with what follows).

use super::{Block, Document, Inline, SOURCES_HEADING};
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use std::collections::HashMap;

static REGULAR: &[u8] = include_bytes!("../../fonts/Carlito-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../fonts/Carlito-Bold.ttf");
static ITALIC: &[u8] = include_bytes!("../../fonts/Carlito-Italic.ttf");

/// A4 in points, with 20 mm margins.
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 56.7;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// The body stops above the footer line.
const BODY_BOTTOM: f32 = PAGE_HEIGHT - MARGIN;
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 30.0;

type Color = (u8, u8, u8);
const INK: Color = (31, 35, 40);
const HEADING: Color = (31, 58, 95);
const MUTED: Color = (87, 96, 106);
const LINK: Color = (31, 95, 173);
const RULE: Color = (154, 165, 177);
const QUOTE_BAR: Color = (200, 208, 216);

const BODY: f32 = 10.5;
const BULLET_INDENT: f32 = 14.0;
const QUOTE_INDENT: f32 = 16.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Face {
    Regular,
    Bold,
    Italic,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Style {
    face: Face,
    size: f32,
    color: Color,
    /// How far above the baseline the text sits: superscript source numbers.
    rise: f32,
}

impl Style {
    const fn new(face: Face, size: f32, color: Color) -> Style {
        Style { face, size, color, rise: 0.0 }
    }
}

/// A word (or the part of one in a single style) and whether a space comes before it.
#[derive(Debug, Clone)]
struct Piece {
    text: String,
    style: Style,
    link: Option<String>,
    space_before: bool,
}

/// Something drawn, placed relative to the top left of its row.
#[derive(Debug, Clone)]
enum Mark {
    Text { x: f32, baseline: f32, style: Style, text: String },
    Bar { x: f32, y: f32, width: f32, height: f32, color: Color },
    Link { x: f32, y: f32, width: f32, height: f32, url: String },
}

/// One line of the page: the unit pagination moves.
#[derive(Debug, Clone, Default)]
struct Row {
    space_before: f32,
    height: f32,
    /// Not the last row on a page: headings, and the first line of a paragraph.
    keep_with_next: bool,
    marks: Vec<Mark>,
}

/// Text widths from the fonts' shaping, per font and string at 1 pt.
struct Measure {
    faces: [rustybuzz::Face<'static>; 3],
    widths: HashMap<(Face, String), f32>,
}

impl Measure {
    fn new() -> Measure {
        let face =
            |data: &'static [u8]| rustybuzz::Face::from_slice(data, 0).expect("Carlito parses");
        Measure { faces: [face(REGULAR), face(BOLD), face(ITALIC)], widths: HashMap::new() }
    }

    fn width(&mut self, style: Style, text: &str) -> f32 {
        let key = (style.face, text.to_string());
        if let Some(width) = self.widths.get(&key) {
            return width * style.size;
        }
        let face = &self.faces[style.face as usize];
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(face, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        let width = units as f32 / face.units_per_em() as f32;
        self.widths.insert(key, width);
        width * style.size
    }
}

/// Writes `document` as a PDF; the same document gives the same bytes.
pub fn pdf(document: &Document) -> Vec<u8> {
    let mut layout = Layout { measure: Measure::new(), rows: Vec::new() };
    layout.document(document);
    let pages = paginate(std::mem::take(&mut layout.rows));
    draw(document, &pages, &mut layout.measure)
}

struct Layout {
    measure: Measure,
    rows: Vec<Row>,
}

const TITLE: Style = Style::new(Face::Bold, 22.0, INK);
const SUBTITLE: Style = Style::new(Face::Regular, 10.0, MUTED);
const HEADING_1: Style = Style::new(Face::Bold, 12.5, HEADING);
const HEADING_2: Style = Style::new(Face::Bold, 11.0, INK);
const ASIDE: Style = Style::new(Face::Regular, 9.5, MUTED);
const TEXT: Style = Style::new(Face::Regular, BODY, INK);
const LABEL: Style = Style::new(Face::Bold, BODY, INK);
const QUOTE: Style = Style::new(Face::Italic, BODY, INK);
const QUOTE_BY: Style = Style::new(Face::Regular, 9.5, MUTED);
const SOURCE: Style = Style::new(Face::Regular, 8.5, MUTED);
const FOOTER: Style = Style::new(Face::Regular, 8.0, MUTED);

impl Layout {
    fn document(&mut self, document: &Document) {
        if !document.title.is_empty() {
            let title = words(&document.title, TITLE, None, false);
            self.paragraph(&title, 0.0, 0.0, TITLE.size * 1.2, true);
        }
        for (i, line) in document.subtitle.iter().enumerate() {
            let runs = pieces(line, SUBTITLE);
            self.paragraph(&runs, 0.0, if i == 0 { 4.0 } else { 1.0 }, 13.0, false);
        }
        let mut previous: Option<&Block> = None;
        for block in &document.blocks {
            self.block(block, previous);
            previous = Some(block);
        }
        if !document.sources.is_empty() {
            self.heading_1(SOURCES_HEADING, None);
            for (i, source) in document.sources.iter().enumerate() {
                let number = format!("{}.", i + 1);
                let text = words(source, SOURCE, None, false);
                self.item(&number, SOURCE, &text, 16.0, if i == 0 { 2.0 } else { 1.5 }, 11.0);
            }
        }
    }

    fn block(&mut self, block: &Block, previous: Option<&Block>) {
        // Text after a quote stands as far from it as the quote from what came before.
        let after_quote = matches!(previous, Some(Block::Quote { .. }));
        let space = if after_quote { 7.0 } else { 4.0 };
        match block {
            Block::Heading { level, text, aside } if *level <= 1 => {
                self.heading_1(text, aside.as_deref());
            }
            Block::Heading { text, aside, .. } => {
                let after_heading = matches!(previous, Some(Block::Heading { .. }));
                let space = if after_heading { 3.0 } else { 9.0 };
                self.heading(text, aside.as_deref(), HEADING_2, space);
            }
            Block::Label(text) => {
                let label = words(text, LABEL, None, false);
                self.paragraph(&label, 0.0, 8.0, BODY * 1.35, true);
            }
            Block::Paragraph(runs) => {
                let text = pieces(runs, TEXT);
                self.paragraph(&text, 0.0, space, BODY * 1.35, false);
            }
            Block::Bullets(items) => {
                for (i, item) in items.iter().enumerate() {
                    let text = pieces(item, TEXT);
                    let space = if i == 0 { space } else { 2.5 };
                    self.item("\u{2022}", TEXT, &text, BULLET_INDENT, space, BODY * 1.3);
                }
            }
            Block::Quote { text, by, refs } => {
                let start = self.rows.len();
                for (i, line) in text.lines().enumerate() {
                    let text = words(line, QUOTE, None, false);
                    self.paragraph(
                        &text,
                        QUOTE_INDENT,
                        if i == 0 { 7.0 } else { 0.0 },
                        BODY * 1.35,
                        false,
                    );
                }
                let mut by_runs = vec![Inline::text(format!("\u{2014} {by}"))];
                by_runs.extend(refs.iter().map(|&n| Inline::Ref(n)));
                let attribution = pieces(&by_runs, QUOTE_BY);
                self.paragraph(&attribution, QUOTE_INDENT, 2.0, 9.5 * 1.35, false);
                // A bar down the left of the quote and its attribution, row by row.
                let rows = self.rows.len() - start;
                for (i, row) in self.rows[start..].iter_mut().enumerate() {
                    let gap = if i == 0 { 0.0 } else { row.space_before };
                    row.marks.push(Mark::Bar {
                        x: 3.0,
                        y: -gap,
                        width: 2.0,
                        height: row.height + gap,
                        color: QUOTE_BAR,
                    });
                    row.keep_with_next = row.keep_with_next || i + 1 < rows;
                }
            }
        }
    }

    /// A section: bold, with a thin rule under it.
    fn heading_1(&mut self, text: &str, aside: Option<&str>) {
        let start = self.rows.len();
        self.heading(text, aside, HEADING_1, 16.0);
        if let Some(last) = self.rows[start..].last_mut() {
            last.height += 5.0;
            let y = last.height - 2.5;
            last.marks.push(Mark::Bar { x: 0.0, y, width: TEXT_WIDTH, height: 0.6, color: RULE });
        }
    }

    /// A heading, its aside (a position's dates) on the right of its first line.
    fn heading(&mut self, text: &str, aside: Option<&str>, style: Style, space_before: f32) {
        let aside_width = aside.map_or(0.0, |a| self.measure.width(ASIDE, a) + 12.0);
        let pieces = words(text, style, None, false);
        let lines = self.break_lines(&pieces, TEXT_WIDTH - aside_width);
        let height = style.size * 1.35;
        for (i, line) in lines.into_iter().enumerate() {
            let mut row = self.row(line, 0.0, height);
            row.space_before = if i == 0 { space_before } else { 0.0 };
            row.keep_with_next = true;
            if let (0, Some(aside)) = (i, aside) {
                let x = TEXT_WIDTH - self.measure.width(ASIDE, aside);
                row.marks.push(Mark::Text {
                    x,
                    baseline: baseline(height, style.size),
                    style: ASIDE,
                    text: aside.to_string(),
                });
            }
            self.rows.push(row);
        }
    }

    /// A list item: its marker in the gutter, its text with a hanging indent.
    fn item(
        &mut self,
        marker: &str,
        style: Style,
        pieces: &[Piece],
        indent: f32,
        space: f32,
        height: f32,
    ) {
        let start = self.rows.len();
        self.paragraph(pieces, indent, space, height, false);
        if let Some(first) = self.rows.get_mut(start) {
            let x = indent - 6.0 - self.measure.width(style, marker);
            let baseline = baseline(first.height, style.size);
            first
                .marks
                .insert(0, Mark::Text { x: x.max(2.0), baseline, style, text: marker.to_string() });
        }
    }

    /// Lines of `pieces` from `indent` to the right margin; the first and second-last lines
    /// stay with the line after them, so no paragraph leaves one line behind.
    fn paragraph(
        &mut self,
        pieces: &[Piece],
        indent: f32,
        space_before: f32,
        height: f32,
        keep: bool,
    ) {
        let lines = self.break_lines(pieces, TEXT_WIDTH - indent);
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let mut row = self.row(line, indent, height);
            row.space_before = if i == 0 { space_before } else { 0.0 };
            row.keep_with_next = keep || (count > 1 && (i == 0 || i + 2 == count));
            self.rows.push(row);
        }
    }

    fn row(&mut self, line: Vec<(f32, Piece)>, indent: f32, height: f32) -> Row {
        let mut marks = Vec::new();
        let base = line.iter().map(|(_, p)| p.style.size).fold(0.0, f32::max);
        let baseline = baseline(height, base);
        // Pieces in one style and link are drawn as one run, spaces included.
        let mut i = 0;
        while i < line.len() {
            let (x, first) = &line[i];
            let mut text = first.text.clone();
            let mut j = i + 1;
            while j < line.len() && line[j].1.style == first.style && line[j].1.link == first.link {
                if line[j].1.space_before {
                    text.push(' ');
                }
                text.push_str(&line[j].1.text);
                j += 1;
            }
            let width = self.measure.width(first.style, &text);
            let x = indent + x;
            if let Some(url) = &first.link {
                let size = first.style.size;
                marks.push(Mark::Bar {
                    x,
                    y: baseline + 1.2,
                    width,
                    height: 0.5,
                    color: first.style.color,
                });
                marks.push(Mark::Link {
                    x,
                    y: baseline - size * 0.85,
                    width,
                    height: size * 1.15,
                    url: url.clone(),
                });
            }
            marks.push(Mark::Text {
                x,
                baseline: baseline - first.style.rise,
                style: first.style,
                text,
            });
            i = j;
        }
        Row { space_before: 0.0, height, keep_with_next: false, marks }
    }

    /// Greedy line breaking over words; pieces with no space before them stay on the line
    /// of the piece they follow, and a word wider than the line is cut where it must be.
    fn break_lines(&mut self, pieces: &[Piece], width: f32) -> Vec<Vec<(f32, Piece)>> {
        let mut words: Vec<Vec<Piece>> = Vec::new();
        for piece in pieces {
            match words.last_mut() {
                Some(word) if !piece.space_before => word.push(piece.clone()),
                _ => words.push(vec![piece.clone()]),
            }
        }
        let mut lines: Vec<Vec<(f32, Piece)>> = vec![Vec::new()];
        let mut x = 0.0;
        for word in words {
            let word_width: f32 = word.iter().map(|p| self.measure.width(p.style, &p.text)).sum();
            let space = self.measure.width(word[0].style, " ");
            let line_empty = lines.last().is_none_or(Vec::is_empty);
            if !line_empty && x + space + word_width > width {
                lines.push(Vec::new());
                x = 0.0;
            }
            let line_empty = lines.last().is_none_or(Vec::is_empty);
            if !line_empty {
                x += space;
            }
            for mut piece in word {
                piece.space_before = !line_empty && piece.space_before;
                for part in self.cut(piece, width - x, width) {
                    let part_width = self.measure.width(part.style, &part.text);
                    if x > 0.0 && x + part_width > width + 0.01 {
                        lines.push(Vec::new());
                        x = 0.0;
                    }
                    let mut part = part;
                    if x == 0.0 {
                        part.space_before = false;
                    }
                    lines.last_mut().expect("a line").push((x, part));
                    x += part_width;
                }
            }
        }
        lines.retain(|line| !line.is_empty());
        lines
    }

    /// Splits a piece wider than the line into parts that fit: the first into `room`, the
    /// rest into `width` each.
    fn cut(&mut self, piece: Piece, room: f32, width: f32) -> Vec<Piece> {
        if self.measure.width(piece.style, &piece.text) <= room.max(0.0) + 0.01 {
            return vec![piece];
        }
        let mut parts = Vec::new();
        let mut current = String::new();
        let mut limit = if room > piece.style.size * 2.0 { room } else { width };
        for c in piece.text.chars() {
            let mut next = current.clone();
            next.push(c);
            if !current.is_empty() && self.measure.width(piece.style, &next) > limit {
                parts.push(std::mem::take(&mut current));
                limit = width;
                next = c.to_string();
            }
            current = next;
        }
        parts.push(current);
        let first_space = piece.space_before;
        parts
            .into_iter()
            .enumerate()
            .map(|(i, text)| Piece { text, space_before: i == 0 && first_space, ..piece.clone() })
            .collect()
    }
}

fn baseline(height: f32, size: f32) -> f32 {
    // Carlito's ascent is 0.75 em and its descent 0.25: centre that box in the row.
    (height - size) / 2.0 + size * 0.78
}

/// Words of `text` in one style; `space_before` says whether the text follows a space.
fn words(text: &str, style: Style, link: Option<&str>, space_before: bool) -> Vec<Piece> {
    let leading = text.starts_with(char::is_whitespace);
    text.split_whitespace()
        .enumerate()
        .map(|(i, word)| Piece {
            text: word.to_string(),
            style,
            link: link.map(str::to_string),
            space_before: if i == 0 { space_before || leading } else { true },
        })
        .collect()
}

/// The pieces of a run of inline text in the paragraph's style.
fn pieces(runs: &[Inline], style: Style) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut space = false;
    let mut after_ref = false;
    for inline in runs {
        let (text, run_style, link) = match inline {
            Inline::Text(t) => (t.as_str(), style, None),
            Inline::Strong(t) => (t.as_str(), Style { face: Face::Bold, ..style }, None),
            Inline::Emphasis(t) => (t.as_str(), Style { face: Face::Italic, ..style }, None),
            Inline::Link { text, url } => {
                (text.as_str(), Style { color: LINK, ..style }, Some(url.as_str()))
            }
            Inline::Ref(n) => {
                let text = if after_ref { format!(",{n}") } else { n.to_string() };
                let size = style.size * 0.68;
                let style = Style { size, color: MUTED, rise: style.size * 0.36, ..style };
                out.push(Piece { text, style, link: None, space_before: false });
                after_ref = true;
                space = false;
                continue;
            }
        };
        after_ref = false;
        out.extend(words(text, run_style, link, space));
        space = text.ends_with(char::is_whitespace);
    }
    out
}

/// Rows onto pages: a row that needs the next one moves with it to a new page.
fn paginate(rows: Vec<Row>) -> Vec<Vec<(f32, Row)>> {
    let mut pages: Vec<Vec<(f32, Row)>> = vec![Vec::new()];
    let mut y = MARGIN;
    for i in 0..rows.len() {
        let at_top = pages.last().is_none_or(Vec::is_empty);
        let mut space = if at_top { 0.0 } else { rows[i].space_before };
        let mut needed = space + rows[i].height;
        let mut j = i;
        while rows[j].keep_with_next && j + 1 < rows.len() {
            j += 1;
            needed += rows[j].space_before + rows[j].height;
        }
        // A run of rows taller than a page (a very long quote) cannot stay together: it
        // flows like a paragraph instead of starting a page for each of its lines.
        if needed > BODY_BOTTOM - MARGIN {
            needed = space + rows[i].height;
        }
        if !at_top && y + needed > BODY_BOTTOM {
            pages.push(Vec::new());
            y = MARGIN;
            space = 0.0;
        }
        y += space;
        pages.last_mut().expect("a page").push((y, rows[i].clone()));
        y += rows[i].height;
    }
    pages
}

fn draw(document: &Document, pages: &[Vec<(f32, Row)>], measure: &mut Measure) -> Vec<u8> {
    let font = |data: &'static [u8]| Font::new(data.into(), 0).expect("Carlito loads");
    let fonts = [font(REGULAR), font(BOLD), font(ITALIC)];
    let mut pdf = krilla::Document::new();
    let mut metadata = Metadata::new().creator("Career Log".into());
    if !document.title.is_empty() {
        metadata = metadata.title(document.title.clone());
    }
    if let Some(author) = &document.author {
        metadata = metadata.authors(vec![author.clone()]);
    }
    pdf.set_metadata(metadata);

    let total = pages.len();
    for (number, rows) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a page size");
        let mut page = pdf.start_page_with(settings);
        let mut links = Vec::new();
        {
            let mut surface = page.surface();
            for (top, row) in rows {
                for mark in &row.marks {
                    match mark {
                        Mark::Text { x, baseline, style, text } => {
                            let at = Point::from_xy(MARGIN + x, top + baseline);
                            text_at(&mut surface, &fonts, at, *style, text);
                        }
                        Mark::Bar { x, y, width, height, color } => {
                            let rect = Rect::from_xywh(MARGIN + x, top + y, *width, *height);
                            bar(&mut surface, rect, *color);
                        }
                        Mark::Link { x, y, width, height, url } => {
                            links.push((
                                Rect::from_xywh(MARGIN + x, top + y, *width, *height),
                                url.clone(),
                            ));
                        }
                    }
                }
            }
            let footer = format!("Page {} of {total}", number + 1);
            let x = (PAGE_WIDTH - measure.width(FOOTER, &footer)) / 2.0;
            text_at(&mut surface, &fonts, Point::from_xy(x, FOOTER_BASELINE), FOOTER, &footer);
            surface.finish();
        }
        for (rect, url) in links {
            if let Some(rect) = rect {
                let target = Target::Action(Action::Link(LinkAction::new(url)));
                page.add_annotation(Annotation::new_link(LinkAnnotation::new(rect, target), None));
            }
        }
        page.finish();
    }
    pdf.finish().expect("krilla writes the laid-out pages")
}

fn fill(color: Color) -> Fill {
    Fill { paint: rgb::Color::new(color.0, color.1, color.2).into(), ..Fill::default() }
}

fn text_at(surface: &mut Surface<'_>, fonts: &[Font; 3], at: Point, style: Style, text: &str) {
    surface.set_fill(Some(fill(style.color)));
    let font = fonts[style.face as usize].clone();
    surface.draw_text(at, font, style.size, text, false, TextDirection::Auto);
}

fn bar(surface: &mut Surface<'_>, rect: Option<Rect>, color: Color) {
    let Some(rect) = rect else { return };
    let mut path = PathBuilder::new();
    path.push_rect(rect);
    if let Some(path) = path.finish() {
        surface.set_fill(Some(fill(color)));
        surface.draw_path(&path);
    }
}
