//! Markdown bodies to sanitized HTML: heading anchors and the table of contents, band and
//! role rows tagged for highlighting, internal links rewritten, raw HTML dropped.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::TocEntry;

/// Experience bands as a table row starts them, and the slug put on the row: the labels
/// and names of `ExperienceBand` (a test holds them equal).
pub const BANDS: &[(&str, &str)] = &[
    ("0-2 years", "0-2"),
    ("3-4 years", "3-4"),
    ("5-7 years", "5-7"),
    ("8-11 years", "8-11"),
    ("12+ years", "12-plus"),
];

/// Primary roles as a table row starts them, and the slug put on the row.
pub const ROLES: &[(&str, &str)] = &[
    ("Backend", "backend"),
    ("Frontend", "frontend"),
    ("DevOps/SRE", "devops-sre"),
    ("AI/ML", "ai-ml"),
    ("Staff+", "staff-plus"),
    ("Engineering manager", "engineering-manager"),
];

/// The band slug of a table cell that starts with a band label.
pub fn band_slug(cell: &str) -> Option<&'static str> {
    labelled(cell, BANDS)
}

/// The role slug of a table cell that starts with a role label.
pub fn role_slug(cell: &str) -> Option<&'static str> {
    labelled(cell, ROLES)
}

fn labelled(cell: &str, labels: &[(&str, &'static str)]) -> Option<&'static str> {
    let cell = cell.trim();
    labels.iter().find_map(|&(label, slug)| {
        let rest = cell.strip_prefix(label)?;
        // "Backend engineers" is a Backend row; "Backendish" is not.
        match rest.chars().next() {
            Some(c) if c.is_alphanumeric() => None,
            _ => Some(slug),
        }
    })
}

/// A rendered body and what validation needs to know about it.
#[derive(Debug, Clone, Default)]
pub(super) struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Link destinations as written in the Markdown.
    pub links: Vec<String>,
    pub band_rows: u32,
    pub role_rows: u32,
    /// Problems with the Markdown itself, found while rendering.
    pub problems: Vec<String>,
}

pub(super) fn render(markdown: &str) -> Rendered {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_HEADING_ATTRIBUTES;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let mut rendered = Rendered::default();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut row_is_tagged = false;
    let mut table = TableTally::default();

    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { level, id, .. }) => {
                let level = *level;
                let end = closing(&events, i);
                let inner = &events[i + 1..end];
                let text = plain_text(inner);
                let wanted = id.as_deref().map(slugify).unwrap_or_else(|| slugify(&text));
                let id = unique_id(wanted, &mut ids);
                if text.is_empty() {
                    rendered.problems.push("a heading has no text".into());
                }
                rendered.toc.push(TocEntry {
                    level: level as u8,
                    id: id.clone(),
                    text: text.clone(),
                });
                out.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
                for event in inner {
                    pass(event.clone(), &mut rendered, &mut out);
                }
                out.push(Event::End(TagEnd::Heading(level)));
                if section_is_empty(level, events.get(end + 1)) {
                    rendered.problems.push(format!("the section \"{text}\" is empty"));
                }
                i = end + 1;
                continue;
            }
            Event::Start(Tag::TableRow) => {
                let first_cell = first_cell_text(&events, i);
                let attribute = band_slug(&first_cell)
                    .map(|slug| ("data-band", slug))
                    .or_else(|| role_slug(&first_cell).map(|slug| ("data-role", slug)));
                match attribute {
                    Some((name, slug)) => {
                        if name == "data-band" {
                            rendered.band_rows += 1;
                        } else {
                            rendered.role_rows += 1;
                        }
                        table.labelled += 1;
                        row_is_tagged = true;
                        // The HTML writer has no row attributes; this is the only raw HTML let in.
                        out.push(Event::Html(format!("<tr {name}=\"{slug}\">").into()));
                    }
                    None => {
                        table.unlabelled.push(first_cell);
                        out.push(Event::Start(Tag::TableRow));
                    }
                }
            }
            Event::End(TagEnd::TableRow) if row_is_tagged => {
                row_is_tagged = false;
                out.push(Event::Html("</tr>\n".into()));
            }
            Event::End(TagEnd::Table) => {
                if table.labelled > 0 {
                    for cell in &table.unlabelled {
                        rendered.problems.push(format!(
                            "a table row starts with \"{cell}\", but the table's other rows start \
                             with band or role labels; start it with one too (labels: {})",
                            all_labels()
                        ));
                    }
                }
                table = TableTally::default();
                out.push(events[i].clone());
            }
            event => pass(event.clone(), &mut rendered, &mut out),
        }
        i += 1;
    }

    let mut html = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    rendered.html = sanitize(&html);
    rendered
}

#[derive(Default)]
struct TableTally {
    labelled: u32,
    unlabelled: Vec<String>,
}

/// Events other than headings and rows: drops raw HTML and images, rewrites links.
fn pass<'a>(event: Event<'a>, rendered: &mut Rendered, out: &mut Vec<Event<'a>>) {
    match event {
        Event::Html(raw) | Event::InlineHtml(raw) => {
            rendered
                .problems
                .push(format!("raw HTML is not allowed and was dropped: {}", raw.trim()));
        }
        Event::Start(Tag::Image { .. }) => {
            rendered.problems.push("images are not supported; describe it in words".into());
        }
        Event::End(TagEnd::Image) => {}
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            rendered.links.push(dest_url.to_string());
            out.push(Event::Start(Tag::Link {
                link_type,
                dest_url: internal_href(&dest_url).into(),
                title,
                id,
            }));
        }
        // Alignment would come out as inline styles, which the sanitizer strips anyway.
        Event::Start(Tag::Table(_)) => out.push(Event::Start(Tag::Table(Vec::new()))),
        other => out.push(other),
    }
}

/// `guide:slug`, `question:slug` and `skill:slug` become the reader's routes; `#id` stays.
pub(super) fn internal_href(dest: &str) -> String {
    for (scheme, route) in [("guide:", "guides"), ("question:", "questions"), ("skill:", "skills")]
    {
        if let Some(slug) = dest.strip_prefix(scheme) {
            return format!("#/{route}/{slug}");
        }
    }
    dest.to_string()
}

fn section_is_empty(level: HeadingLevel, next: Option<&Event>) -> bool {
    match next {
        None => true,
        Some(Event::Start(Tag::Heading { level: next, .. })) => *next <= level,
        Some(_) => false,
    }
}

/// The index of the event that closes the one opened at `start`.
fn closing(events: &[Event], start: usize) -> usize {
    let mut depth = 0usize;
    for (offset, event) in events[start..].iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return start + offset;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

fn first_cell_text(events: &[Event], row: usize) -> String {
    let Some(cell) = events[row..]
        .iter()
        .position(|e| matches!(e, Event::Start(Tag::TableCell)))
        .map(|offset| row + offset)
    else {
        return String::new();
    };
    let end = closing(events, cell);
    plain_text(&events[cell + 1..end])
}

fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

/// Lowercase words joined by dashes: "Milestones by years" -> "milestones-by-years".
pub(super) fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_' || c == '/')
            && !slug.is_empty()
            && !slug.ends_with('-')
        {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug.to_string()
    }
}

fn unique_id(wanted: String, ids: &mut HashMap<String, u32>) -> String {
    let seen = ids.entry(wanted.clone()).or_insert(0);
    *seen += 1;
    if *seen == 1 {
        return wanted;
    }
    let mut n = *seen;
    loop {
        let candidate = format!("{wanted}-{n}");
        if !ids.contains_key(&candidate) {
            ids.insert(candidate.clone(), 1);
            return candidate;
        }
        n += 1;
    }
}

fn all_labels() -> String {
    BANDS
        .iter()
        .chain(ROLES)
        .map(|(label, _)| format!("\"{label}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Keeps the structure a reading view needs and nothing that could run or load.
fn sanitize(html: &str) -> String {
    let tags: HashSet<&str> = [
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td", "pre", "code", "em", "strong", "del", "a",
    ]
    .into_iter()
    .collect();
    let mut attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
    for heading in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        attributes.insert(heading, HashSet::from(["id"]));
    }
    attributes.insert("a", HashSet::from(["href"]));
    attributes.insert("ol", HashSet::from(["start"]));
    attributes.insert("tr", HashSet::from(["data-band", "data-role"]));
    ammonia::Builder::default()
        .tags(tags)
        .tag_attributes(attributes)
        .generic_attributes(HashSet::new())
        // Only relative links (the reader's routes and in-page anchors) survive.
        .url_schemes(HashSet::new())
        .strip_comments(true)
        .clean(html)
        .to_string()
}
