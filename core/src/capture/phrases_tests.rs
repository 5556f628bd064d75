use super::*;
use proptest::prelude::*;

use Direction::{Higher, Lower};

/// (message, name, baseline, result, unit, better)
type Row = (&'static str, &'static str, f64, f64, Option<&'static str>, Direction);

const MATCHES: &[Row] = &[
    ("p99 from 800ms to 120ms", "p99", 800.0, 120.0, Some("ms"), Lower),
    ("build time 12m -> 4m", "build time", 12.0, 4.0, Some("min"), Lower),
    ("cut memory by 35%", "memory", 100.0, 65.0, Some("%"), Lower),
    ("reduce p95 latency from 1.2s to 300ms", "p95 latency", 1200.0, 300.0, Some("ms"), Lower),
    ("error rate 2.1% → 0.3%", "error rate", 2.1, 0.3, Some("%"), Lower),
    ("throughput 1.2k rps to 3.4k rps", "throughput", 1200.0, 3400.0, Some("rps"), Higher),
    ("from 1,200 to 3,400 requests/s", "throughput", 1200.0, 3400.0, Some("rps"), Higher),
    ("latency: 450ms => 90ms", "latency", 450.0, 90.0, Some("ms"), Lower),
    ("deploys went from 30 minutes down to 5 minutes", "deploys", 30.0, 5.0, Some("min"), Lower),
    ("improved test coverage from 62% to 81%", "test coverage", 62.0, 81.0, Some("%"), Higher),
    ("bundle size 2.4 MB -> 1.1 MB", "bundle size", 2.4, 1.1, Some("MB"), Lower),
    ("increase cache hit rate by 20%", "cache hit rate", 100.0, 120.0, Some("%"), Higher),
    ("flaky tests 40 -> 5", "flaky tests", 40.0, 5.0, None, Lower),
    ("p50 latency drops from 200 ms to 50 ms", "p50 latency", 200.0, 50.0, Some("ms"), Lower),
    ("cold start 3s → 900ms", "cold start", 3000.0, 900.0, Some("ms"), Lower),
    ("speeds up CI by 40%", "CI", 100.0, 60.0, Some("%"), Lower),
    // Capitalised, in a sentence, with surrounding prose.
    ("Reduce P99 latency from 800ms to 120ms.", "P99 latency", 800.0, 120.0, Some("ms"), Lower),
    ("This cuts the p99 from 800 ms to 120 ms", "p99", 800.0, 120.0, Some("ms"), Lower),
    ("Perf: p99 from 800ms to 120ms", "p99", 800.0, 120.0, Some("ms"), Lower),
    ("- memory usage 512MB -> 128MB", "memory usage", 512.0, 128.0, Some("MB"), Lower),
    ("* **build time** 10 min -> 3 min", "build time", 10.0, 3.0, Some("min"), Lower),
    (
        "Docker image size from 1.2GB to 300MB",
        "Docker image size",
        1228.8,
        300.0,
        Some("MB"),
        Lower,
    ),
    ("heap 2 GB → 512 MB", "heap", 2048.0, 512.0, Some("MB"), Lower),
    ("CI time from 20 minutes to 8 minutes", "CI time", 20.0, 8.0, Some("min"), Lower),
    ("test suite runtime 95s -> 41s", "test suite runtime", 95.0, 41.0, Some("s"), Lower),
    ("qps from 500 to 2k", "qps", 500.0, 2000.0, None, Higher),
    ("uptime 99.5% -> 99.95%", "uptime", 99.5, 99.95, Some("%"), Higher),
    ("availability from 99.9% to 99.99%", "availability", 99.9, 99.99, Some("%"), Higher),
    ("conversion from 2.1% to 3.4%", "conversion", 2.1, 3.4, Some("%"), Higher),
    ("lowered CPU usage from 80% to 35%", "CPU usage", 80.0, 35.0, Some("%"), Lower),
    ("drop lambda cost from 120 to 45", "lambda cost", 120.0, 45.0, None, Lower),
    (
        "boost throughput from 800 rps to 2,400 rps",
        "throughput",
        800.0,
        2400.0,
        Some("rps"),
        Higher,
    ),
    ("page load time 4.2s => 1.8s", "page load time", 4.2, 1.8, Some("s"), Lower),
    ("TTFB from 600 ms to 150 ms", "TTFB", 600.0, 150.0, Some("ms"), Lower),
    ("warnings from 120 to 3", "warnings", 120.0, 3.0, None, Lower),
    ("open incidents 12 -> 2", "open incidents", 12.0, 2.0, None, Lower),
    ("reduced memory by 50%", "memory", 100.0, 50.0, Some("%"), Lower),
    ("memory reduced by 30%", "memory", 100.0, 70.0, Some("%"), Lower),
    ("improve build time by 25%", "build time", 100.0, 75.0, Some("%"), Lower),
    ("bring down the error rate by 10%", "error rate", 100.0, 90.0, Some("%"), Lower),
    ("from 800ms to 120ms", "time", 800.0, 120.0, Some("ms"), Lower),
    ("from 3 GB to 1 GB", "size", 3.0, 1.0, Some("GB"), Lower),
    ("latency 1.5 seconds -> 200 milliseconds", "latency", 1500.0, 200.0, Some("ms"), Lower),
    ("job duration 2h -> 45min", "job duration", 120.0, 45.0, Some("min"), Lower),
    (
        "requests from 900 to 1,800 requests per second",
        "requests",
        900.0,
        1800.0,
        Some("rps"),
        Higher,
    ),
    ("p999 went from 2s to ~400ms", "p999", 2000.0, 400.0, Some("ms"), Lower),
    ("startup 850 µs -> 300 µs", "startup", 850.0, 300.0, Some("µs"), Lower),
    ("queue wait 30s->2s", "queue wait", 30.0, 2.0, Some("s"), Lower),
    ("score from 71 to 94", "score", 71.0, 94.0, None, Higher),
    ("slow queries from 340 down to 12", "slow queries", 340.0, 12.0, None, Lower),
    ("lint errors 1,024 → 0", "lint errors", 1024.0, 0.0, None, Lower),
    ("adoption from 10% up to 45%", "adoption", 10.0, 45.0, Some("%"), Higher),
    ("render p95 300ms -> 120ms", "render p95", 300.0, 120.0, Some("ms"), Lower),
    ("reduce the p99 from 800ms to 120ms", "p99", 800.0, 120.0, Some("ms"), Lower),
    ("increase our cache hit ratio from 0.6 to 0.9", "cache hit ratio", 0.6, 0.9, None, Higher),
    ("p99 (800ms -> 120ms)", "p99", 800.0, 120.0, Some("ms"), Lower),
    ("We measured p99 latency at 800ms -> 120ms", "p99 latency", 800.0, 120.0, Some("ms"), Lower),
    ("Allocations per request 1,200 → 300", "Allocations per request", 1200.0, 300.0, None, Lower),
    ("Reduced DB round trips from 12 to 1", "DB round trips", 12.0, 1.0, None, Lower),
    ("payload from 4.1MB down to 900KB", "payload", 4198.4, 900.0, Some("KB"), Lower),
    ("Halved flaky failures: from 40 to 20", "flaky failures", 40.0, 20.0, None, Lower),
];

const NON_MATCHES: &[&str] = &[
    "Bump lodash from 4.17.19 to 4.17.21", "Update dependency react from 17.0.2 to 18.2.0",
    "upgrade Python 3.8 to 3.11", "node 18 -> 20", "from v1 to v2",
    "change timeout from 30s to 60s", "raise retry limit from 3 to 5",
    "scale replicas from 3 to 5", "set max connections 100 -> 200", "default port 8080 -> 9090",
    "from 2019 to 2021", "from 9:00 to 17:00", "Jan 3 to Jan 5", "#12 to #15", "lines 10 to 20",
    "rename from foo to bar", "moved from page 2 to page 3", "PR 123 -> 124", "2x faster",
    "Refactor the retry loop and add tests", "", "from 40 to 5", "cut by 35%",
    "increase pool size from 10 to 20", "bump batch size 100 -> 500",
    "set the cache TTL from 60s to 300s", "p99 from 120ms to 120ms", "from -5 to 3 ms",
    "widen range 10-20 to 30-40", "Dates 2023-01-03 to 2023-01-05", "from 1/2 to 3/4",
    "latency 100ms vs 80ms", "reduce latency by 200ms", "memory from 2 GB to 300 ms",
    "go 1.21 -> 1.22", "migrate workers from 4 to 8", "cut memory by 135%",
    "from 10s to 30s timeout", "keep logs: retention from 7 days to 30 days",
    "Bump actions/checkout from 3 to 4", "Increase memory limit from 512MB to 1GB",
    "Tests: 120 passed -> 130 passed", "set polling interval 5m -> 10m", "version 1.2.0 -> 1.3.0",
    "v1.2 -> v1.3", "Merge pull request #123 from owner/branch", "Fixes #12, #13 and #14",
];

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn table_matches() {
    let mut failures = Vec::new();
    for (text, name, base, res, unit, better) in MATCHES {
        let found = find_metrics(text);
        let ok = found.len() == 1 && {
            let m = &found[0];
            m.name == *name
                && close(m.baseline, *base)
                && close(m.result, *res)
                && m.unit.as_deref() == *unit
                && m.better == *better
                && text.contains(m.phrase.as_str())
        };
        if !ok {
            failures.push(format!("{text:?} -> {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{} rows failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn table_non_matches() {
    let bad: Vec<String> = NON_MATCHES
        .iter()
        .filter_map(|t| {
            let f = find_metrics(t);
            (!f.is_empty()).then(|| format!("{t:?} -> {f:?}"))
        })
        .collect();
    assert!(bad.is_empty(), "{} rows matched:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn phrases_show_source() {
    let m = &find_metrics("We reduce p95 latency from 1.2s to 300ms today")[0];
    assert_eq!(m.phrase, "reduce p95 latency from 1.2s to 300ms");
    let m = &find_metrics("speeds up CI by 40%")[0];
    assert_eq!(m.phrase, "speeds up CI by 40%");
}

#[test]
fn several_metrics_in_one_message() {
    let msg = "Speed up the importer\n\n- p99 from 800ms to 120ms\n- memory 2GB -> 1GB\n\
               - bump lodash from 4.17.19 to 4.17.21\n- error rate 2% → 0.5%";
    let names: Vec<String> = find_metrics(msg).into_iter().map(|m| m.name).collect();
    assert_eq!(names, ["p99", "memory", "error rate"]);
}

#[test]
fn at_most_five() {
    let msg = "p99 from 9ms to 1ms. ".repeat(20);
    assert_eq!(find_metrics(&msg).len(), MAX_METRICS);
}

#[test]
fn blank_line_ends_a_name() {
    let found = find_metrics("memory\n\nfrom 800ms to 120ms");
    assert_eq!(found[0].name, "time");
    let found = find_metrics("reduce p95\nlatency from 1.2s to 300ms");
    assert_eq!(found[0].name, "p95 latency");
}

#[test]
fn huge_numbers_are_skipped() {
    let msg = format!("p99 from {} ms to 1 ms", "9".repeat(400));
    assert!(find_metrics(&msg).is_empty());
}

type ReqRow = (&'static str, Option<(u64, RequestKind, &'static str)>);

const REQUESTS: &[ReqRow] = &[
    (
        "Merge pull request #123 from owner/branch\n\nAdd the retry budget",
        Some((123, RequestKind::Pull, "Add the retry budget")),
    ),
    ("Merge pull request #9 from owner/fix-retry", Some((9, RequestKind::Pull, "fix-retry"))),
    ("Add the retry budget (#123)", Some((123, RequestKind::Pull, "Add the retry budget"))),
    (
        "Add the retry budget (#123)\n\n* squashed commit one\n* two",
        Some((123, RequestKind::Pull, "Add the retry budget")),
    ),
    (
        "Merge branch 'retry' into 'main'\n\nAdd the retry budget\n\nSee merge request group/sub/repo!45",
        Some((45, RequestKind::Merge, "Add the retry budget")),
    ),
    (
        "Merge branch 'retry' into 'main'\n\nSee merge request group/repo!46",
        Some((46, RequestKind::Merge, "retry")),
    ),
    (
        "Merged in feature/retry (pull request #7)\n\nAdd the retry budget",
        Some((7, RequestKind::Pull, "Add the retry budget")),
    ),
    ("Merged in feature/retry (pull request #7)", Some((7, RequestKind::Pull, "feature/retry"))),
    (
        "Merge pull request #88 in PROJ/repo from feature/x to master\n\n* commit 'abc'",
        Some((88, RequestKind::Pull, "* commit 'abc'")),
    ),
    ("Revert \"Add x (#12)\" (#15)", Some((15, RequestKind::Pull, "Revert \"Add x (#12)\""))),
    ("\n\n  Add a thing (#5)  \n", Some((5, RequestKind::Pull, "Add a thing"))),
    ("Fix #123", None),
    ("Closes #12", None),
    ("Revert \"Add x (#12)\"", None),
    ("Add a thing (#abc)", None),
    ("(#12)", None),
    ("Add a thing (#0)", None),
    ("Add a thing (#99999999999999999999999)", None),
    ("Merge branch 'retry' into 'main'", None),
    ("Merge pull request #x from a/b", None),
    ("Merge remote-tracking branch 'origin/main'", None),
    ("", None),
];

#[test]
fn table_requests() {
    for (msg, want) in REQUESTS {
        let got = request(msg);
        let want = want.as_ref().map(|(number, kind, title)| Request {
            number: *number,
            kind: kind.clone(),
            title: title.to_string(),
        });
        assert_eq!(got, want, "{msg:?}");
    }
}

#[test]
fn subjects() {
    assert_eq!(subject("\n\n  Fix the thing  \nbody"), "Fix the thing");
    assert_eq!(subject(""), "");
    let long = "é".repeat(300);
    let s = subject(&long);
    assert_eq!(s.chars().count(), 200);
    assert!(s.ends_with('…'));
    assert_eq!(subject(&"a".repeat(200)), "a".repeat(200));
}

fn names() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "p99", "p95 latency", "build time", "memory", "throughput", "error rate", "bundle size",
        "test coverage", "cold start", "flaky tests", "CPU usage", "uptime",
    ])
}

fn units() -> impl Strategy<Value = (&'static str, Option<&'static str>)> {
    prop::sample::select(vec![
        ("ms", Some("ms")),
        (" ms", Some("ms")),
        ("s", Some("s")),
        (" minutes", Some("min")),
        ("MB", Some("MB")),
        (" GB", Some("GB")),
        ("%", Some("%")),
        (" rps", Some("rps")),
        ("", None),
    ])
}

proptest! {
    #[test]
    fn never_panics(s in any::<String>()) {
        let _ = find_metrics(&s);
        let _ = request(&s);
        let _ = subject(&s);
    }

    #[test]
    fn never_panics_on_metricish_text(s in "[a-z0-9 .,:%#>→~()\n-]{0,200}") {
        let _ = find_metrics(&s);
        let _ = request(&s);
    }

    #[test]
    fn found_metrics_are_sane(s in "(p99|memory|cut|by|from|to|->|[0-9]{1,4}|ms|s|GB|%|,|\\.| ){0,40}") {
        let a = find_metrics(&s);
        prop_assert_eq!(&a, &find_metrics(&s));
        prop_assert!(a.len() <= MAX_METRICS);
        for m in &a {
            prop_assert!(m.baseline.is_finite() && m.result.is_finite());
            prop_assert!(m.baseline != m.result);
            prop_assert!(m.baseline >= 0.0 && m.result >= 0.0);
            prop_assert!(s.contains(m.phrase.as_str()));
        }
    }

    #[test]
    fn generated_sentence_is_found(
        name in names(),
        (unit, norm) in units(),
        x in 1u32..100_000,
        y in 1u32..100_000,
        tenths in any::<bool>(),
        prefix in prop::sample::select(vec!["", "Reduce ", "This PR: "]),
    ) {
        prop_assume!(x != y);
        let (xv, yv, xs, ys) = if tenths {
            (f64::from(x) / 10.0, f64::from(y) / 10.0, format!("{:.1}", f64::from(x) / 10.0),
             format!("{:.1}", f64::from(y) / 10.0))
        } else {
            (f64::from(x), f64::from(y), x.to_string(), y.to_string())
        };
        let text = format!("{prefix}{name} from {xs}{unit} to {ys}{unit}");
        let found = find_metrics(&text);
        prop_assert_eq!(found.len(), 1, "{:?} -> {:?}", text, found);
        prop_assert_eq!(found[0].name.as_str(), name);
        prop_assert!(close(found[0].baseline, xv) && close(found[0].result, yv));
        prop_assert_eq!(found[0].unit.as_deref(), norm);
    }

    #[test]
    fn long_inputs_are_capped(s in "[a-z0-9 %>-]{1,40}", n in 1usize..4000) {
        let big = s.repeat(n);
        let _ = find_metrics(&big);
        let _ = request(&big);
    }

    #[test]
    fn squash_subjects_round_trip(title in "[A-Za-z][A-Za-z0-9 ,.:'\"-]{0,80}[A-Za-z0-9]", n in 1u64..u64::MAX) {
        let r = request(&format!("{title} (#{n})"));
        prop_assert_eq!(r, Some(Request { number: n, kind: RequestKind::Pull, title: title.clone() }));
    }
}
