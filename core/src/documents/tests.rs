use super::*;

fn sample() -> Document {
    Document {
        title: "Review packet".into(),
        subtitle: vec![vec![Inline::text("1 July 2026 to 31 December 2026")]],
        author: Some("Robin Vale".into()),
        blocks: vec![
            Block::Heading { level: 1, text: "Impact".into(), aside: None },
            Block::Heading {
                level: 2,
                text: "Checkout rewrite".into(),
                aside: Some("2026".into()),
            },
            Block::Paragraph(cited("Cut p99 latency by 85%.", &[1, 2])),
            Block::Label("Decisions".into()),
            Block::Bullets(vec![
                vec![Inline::Strong("Queue".into()), Inline::text(": chose Kafka")],
                vec![Inline::Link {
                    text: "the RFC".into(),
                    url: "https://example.com/rfc".into(),
                }],
            ]),
            Block::Quote {
                text: "Clear and calm.".into(),
                by: "Priya Shah, 2026-09-01".into(),
                refs: vec![2],
            },
        ],
        sources: vec![
            "Metric \"p99 latency\", 2026-08-03".into(),
            "Feedback from Priya Shah".into(),
        ],
    }
}

#[test]
fn markdown_writes_every_block_and_the_sources_as_footnotes() {
    let md = markdown(&sample());
    assert_eq!(
        md,
        "# Review packet\n\n1 July 2026 to 31 December 2026\n\n## Impact\n\n### Checkout rewrite\n*2026*\n\n\
         Cut p99 latency by 85%.[^1][^2]\n\n**Decisions**\n\n- **Queue**: chose Kafka\n\
         - [the RFC](https://example.com/rfc)\n\n> Clear and calm.\n>\n> — Priya Shah, 2026-09-01[^2]\n\n\
         ## Sources\n\n[^1]: Metric \"p99 latency\", 2026-08-03\n[^2]: Feedback from Priya Shah\n"
    );
}

#[test]
fn a_sentence_key_swaps_only_the_entry_ids_in_it() {
    use super::packet::swap_key_ids;
    let uuid = |id: &str| (id == "12").then(|| "1b4e-uuid".to_string());
    assert_eq!(swap_key_ids("impact:metric:12", uuid).as_deref(), Some("impact:metric:1b4e-uuid"));
    assert_eq!(swap_key_ids("goals:review:12", uuid).as_deref(), Some("goals:review:1b4e-uuid"));
    // Days, stages, proofs and checklists are no entries.
    for key in [
        "summary:2026-07-01:2026-12-31", "gaps:leverage:grew-someone",
        "growth:checklist:tech-lead:12",
    ] {
        assert_eq!(swap_key_ids(key, uuid).as_deref(), Some(key));
    }
    assert_eq!(swap_key_ids("impact:metric:13", uuid), None, "an entry it does not know");
}

#[test]
fn addresses_in_text_become_links_and_their_punctuation_stays_text() {
    let link = |u: &str| Inline::Link { text: u.into(), url: u.into() };
    assert_eq!(
        linked("RFC (rfc): https://docs.example.com/rfc/42."),
        [Inline::text("RFC (rfc): "), link("https://docs.example.com/rfc/42"), Inline::text(".")]
    );
    assert_eq!(
        linked("see (http://a.example/x) and https://b.example"),
        [
            Inline::text("see ("),
            link("http://a.example/x"),
            Inline::text(") and "),
            link("https://b.example")
        ]
    );
    assert_eq!(linked("no address, nohttps://here"), [Inline::text("no address, nohttps://here")]);
    assert_eq!(linked(""), [Inline::text("")]);
}
