//! Sanitized guide HTML as readable plain text, for the terminal: headings underlined,
//! list items bulleted, table cells separated by bars, entities decoded.

/// Turns the reader's HTML into text a person reads in a terminal.
pub fn readable_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut heading: Option<(usize, char)> = None;
    let mut cells_in_row = 0;
    while let Some(start) = rest.find('<') {
        out.push_str(&decode(&rest[..start]));
        let Some(end) = rest[start..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[start + 1..start + end];
        rest = &rest[start + end + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("h1" | "h2" | "h3" | "h4", false) => {
                out.push_str("\n\n");
                let underline = if name == "h1" || name == "h2" { '=' } else { '-' };
                heading = Some((out.len(), underline));
            }
            ("h1" | "h2" | "h3" | "h4", true) => {
                if let Some((from, underline)) = heading.take() {
                    let width = out[from..].chars().count();
                    out.push('\n');
                    out.extend(std::iter::repeat_n(underline, width));
                }
                out.push('\n');
            }
            ("p" | "ul" | "ol" | "table" | "pre" | "blockquote", false) => out.push('\n'),
            ("p" | "ul" | "ol" | "table" | "pre" | "blockquote", true) => out.push('\n'),
            ("li", false) => out.push_str("\n  - "),
            ("tr", false) => {
                out.push_str("\n  ");
                cells_in_row = 0;
            }
            ("td" | "th", false) => {
                if cells_in_row > 0 {
                    out.push_str(" | ");
                }
                cells_in_row += 1;
            }
            ("br", _) => out.push('\n'),
            _ => {}
        }
    }
    out.push_str(&decode(rest));
    // Collapse runs of blank lines and trailing spaces.
    let mut text = String::new();
    let mut blank = 0;
    for line in out.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        text.push_str(line);
        text.push('\n');
    }
    text.trim().to_string() + "\n"
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_reads_as_text() {
        let html = "<h2 id=\"a\">Who it is for</h2><p>Engineers &amp; leads &lt;3</p><ul><li>one</li><li>two</li></ul>\
                    <table><thead><tr><th>Band</th><th>Focus</th></tr></thead><tbody><tr data-band=\"0-2\"><td>0-2 years</td><td>Ship</td></tr></tbody></table>";
        let text = readable_text(html);
        assert!(text.starts_with("Who it is for\n============="), "{text}");
        assert!(text.contains("Engineers & leads <3"));
        assert!(text.contains("  - one\n  - two"));
        assert!(text.contains("  Band | Focus\n  0-2 years | Ship"), "{text}");
    }

    #[test]
    fn every_guide_reads_without_tags() {
        for guide in &crate::content::library().guides {
            let text = readable_text(&guide.html);
            assert!(!text.contains('<') || !text.contains("</"), "{}", guide.slug);
            assert!(text.len() > 500, "{}", guide.slug);
        }
    }
}
