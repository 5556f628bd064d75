#!/usr/bin/env python3
"""Turns bench/run's results.json into docs/benchmarks.md: every figure with the command
that produced it, the machine, the ratio to its anchor and whether its budget is met.
The hand-written analysis in bench/findings.md is appended as it is."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ms(ns):
    return ns / 1e6


def verdict(ok):
    return "**met**" if ok else "**not met**"


# The window's responsiveness budget (issue 13): keystroke to results drawn, median of 20.
RESPONSIVE_BUDGET_MS = 50


def responsiveness_rows(results):
    """Budget rows for the palette while typing and the Journal list's next page, at 1M."""
    r = results.get("responsiveness")
    if not r:
        return []
    entries = r.get("journal", {}).get("entries", 0)
    search, page = r["search"], r["list_page"]
    return [
        (f"search palette: keystroke to results drawn, {entries:,} entries, under "
         f"{RESPONSIVE_BUDGET_MS} ms",
         f"{search['median_ms']:.1f} ms (median of {search['keystrokes']})",
         f"{RESPONSIVE_BUDGET_MS} ms", f"{search['median_ms'] / RESPONSIVE_BUDGET_MS:.2f} of budget",
         verdict(search["median_ms"] < RESPONSIVE_BUDGET_MS)),
        (f"Journal list: \"Load more\" to the next page drawn, {entries:,} entries, under "
         f"{RESPONSIVE_BUDGET_MS} ms (the palette's budget)",
         f"{page['median_ms']:.1f} ms (median of {page['pages']})",
         f"{RESPONSIVE_BUDGET_MS} ms", f"{page['median_ms'] / RESPONSIVE_BUDGET_MS:.2f} of budget",
         verdict(page["median_ms"] < RESPONSIVE_BUDGET_MS)),
    ]


def responsiveness_section(results):
    r = results.get("responsiveness")
    if not r:
        return []
    journal = r.get("journal", {})
    search, page, scroll = r["search"], r["list_page"], r["scroll"]
    env = ", ".join(f"`{k}={v}`" for k, v in r.get("env", {}).items()) or "none"
    typed = " ".join(f"`{t}`" if t else "(empty)" for t in search["typed"])
    fmt = lambda xs: ", ".join(f"{x:.0f}" for x in xs)  # noqa: E731
    return [
        "",
        "## Responsiveness",
        "",
        f"Journal: `careerlog demo --projects {journal.get('projects', '?')}` "
        f"({journal.get('entries', 0):,} entries), kept in `target/bench/` between runs. Command:",
        "`python3 bench/responsiveness.py target/bench/results.json target/release/careerlog "
        "<journal> <demo json>`",
        "(from `bench/run`): the release window under the same private Xvfb, driven through",
        "tauri-driver. The times come from the page's own probe (`ui/src/lib/probe.ts`): from the",
        "keydown's `timeStamp` to the paint after the results are in the DOM (a frame, then a",
        "message after it). Each keystroke waits for its answer, then "
        "a pause of 120 ms, as a person types;",
        "one search is made before the timed ones. The list: 10 times, scrolled to its end, then",
        "\"Load more\" clicked; timed from the click's `timeStamp` to the paint after the new rows.",
        f"WebKit variables: {env}. Load average (1 min) when the runs began: {r.get('load_before', 0):.2f}.",
        "",
        "| | median | 90th percentile | max | runs (ms) |",
        "|---|---|---|---|---|",
        f"| keystroke to results drawn | {search['median_ms']:.1f} ms | {search['p90_ms']:.1f} ms | "
        f"{search['max_ms']:.1f} ms | {fmt(search['samples_ms'])} |",
        f"| \"Load more\" to the next page drawn | {page['median_ms']:.1f} ms | {page['p90_ms']:.1f} ms | "
        f"{page['max_ms']:.1f} ms | {fmt(page['samples_ms'])} |",
        f"| scroll to the list's end, to the paint | {scroll['median_ms']:.1f} ms | "
        f"{scroll['p90_ms']:.1f} ms | {scroll['max_ms']:.1f} ms | {fmt(scroll['samples_ms'])} |",
        "",
        f"Typed, one keystroke each: {typed}. The list held {page['rows_at_end']:,} rows at the end.",
    ] + ([
        "",
        f"The word `{r['search_burst']['typed']}` sent in one go, as fast as the driver types: its "
        f"last key waited {r['search_burst']['last_key_ms']:.0f} ms for the results "
        f"(its first {r['search_burst']['first_key_ms']:.0f} ms).",
    ] if "search_burst" in r else [])


def main():
    results = json.loads(Path(sys.argv[1]).read_text())
    out_path = Path(sys.argv[2])
    m = results.get("machine", {})
    lines = [
        "# Benchmarks",
        "",
        "Written by `bench/run` (see the README, \"Benchmarks\"); every figure below comes from",
        "one run on one machine, so the ratios compare like with like. Re-run `bench/run` to",
        "refresh it.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        f"| CPU | {m.get('cpu', '?')} |",
        f"| cores | {m.get('cores', '?')} |",
        f"| RAM | {m.get('ram_gib', '?')} GiB |",
        f"| OS | {m.get('os', '?')} |",
        f"| WebKitGTK | {m.get('webkitgtk', '?')} |",
        f"| Rust | {m.get('rustc', '?')} |",
        f"| run | {m.get('date', '?')} |",
        "",
        "## Budgets",
        "",
        "| budget | figure | anchor | ratio | verdict |",
        "|---|---|---|---|---|",
    ]
    rows = []
    s = results.get("startup")
    if s:
        rows.append((
            "start-up to first paint within 1.25x of an empty Tauri window",
            f"{s['app_median_ms']:.0f} ms (median)",
            f"{s['base_median_ms']:.0f} ms",
            f"{s['ratio_median']:.2f}x (median of {s['runs']} pair ratios)",
            verdict(s["ratio_median"] <= 1.25),
        ))
    mem = results.get("memory")
    if mem:
        rows.append((
            "memory (PSS, whole process tree) within 1.2x of an empty Tauri window",
            f"{mem['app_median_kb'] / 1024:.1f} MiB",
            f"{mem['base_median_kb'] / 1024:.1f} MiB",
            f"{mem['ratio']:.2f}x",
            verdict(mem["ratio"] <= 1.2),
        ))
    crit = results.get("criterion", {})
    budgets_5ms = [k for k in crit if k.startswith("journal_100k/") and k != "journal_100k/home_overview"]
    for key in budgets_5ms:
        v = ms(crit[key]["median_ns"])
        rows.append((f"`{key}` under 5 ms", f"{v:.3f} ms", "5 ms", f"{v / 5:.2f} of budget", verdict(v < 5)))
    for key in [k for k in crit if k.startswith("export_10k_bullets/")]:
        v = ms(crit[key]["median_ns"])
        rows.append((f"`{key}` under 100 ms", f"{v:.1f} ms", "100 ms", f"{v / 100:.2f} of budget", verdict(v < 100)))
    cmd = results.get("commands", {})
    if all(k in cmd for k in ("jrnl_search", "careerlog_search", "jrnl_export", "careerlog_export")):
        js, cs = cmd["jrnl_search"]["median_ms"], cmd["careerlog_search"]["median_ms"]
        je, ce = cmd["jrnl_export"]["median_ms"], cmd["careerlog_export"]["median_ms"]
        rows.append(("text search at least 50x faster than jrnl", f"{cs:.1f} ms", f"jrnl {js:.0f} ms",
                     f"{js / cs:.0f}x faster", verdict(js / cs >= 50)))
        rows.append(("full export at least 50x faster than jrnl", f"{ce:.1f} ms", f"jrnl {je:.0f} ms",
                     f"{je / ce:.0f}x faster", verdict(je / ce >= 50)))
        rows.append(("search plus export at least 50x faster than jrnl", f"{cs + ce:.1f} ms",
                     f"jrnl {js + je:.0f} ms", f"{(js + je) / (cs + ce):.0f}x faster",
                     verdict((js + je) / (cs + ce) >= 50)))
    rows += responsiveness_rows(results)
    for row in rows:
        lines.append("| " + " | ".join(row) + " |")

    size = results.get("size", {})
    if size:
        lines += [
            "",
            "## Release binary",
            "",
            "Built by `make build` (profile: `lto = true`, `codegen-units = 1`, `strip = true`,",
            "`panic = \"abort\"`, `opt-level = 3`); the UI is embedded in it.",
            "",
            "| binary | size |",
            "|---|---|",
            f"| `target/release/careerlog` | {size['careerlog_bytes'] / 1024 / 1024:.1f} MiB ({size['careerlog_bytes']:,} bytes) |",
            f"| `bench/empty-window/target/release/empty-window` | {size['empty_window_bytes'] / 1024 / 1024:.1f} MiB ({size['empty_window_bytes']:,} bytes) |",
            f"| `ui/dist` (embedded, before compression) | {size['ui_dist_bytes'] / 1024:.0f} KiB |",
        ]

    if s:
        journal = results.get("startup_journal", {})
        lines += [
            "",
            "## Start-up",
            "",
            f"Journal: `careerlog demo --projects 2000` ({journal.get('entries', '?')} entries). Command:",
            "`CAREERLOG_EXIT_AFTER_PAINT=1 target/release/careerlog --db target/bench/startup-2000.sqlite3`",
            "against `CAREERLOG_EXIT_AFTER_PAINT=1 bench/empty-window/target/release/empty-window`,",
            f"alternating (which one goes first swaps every pair), {s['runs']} pairs after two warm-up",
            "runs of each, under a private Xvfb; wall time from spawn to the exit of the app's own",
            "process, which comes right after the first paint (two animation frames, then an IPC",
            "call); the WebKit child processes finish exiting outside the timing, before the next",
            "run. Both windows are 1200x780.",
            "",
            "| | median | runs (ms) |",
            "|---|---|---|",
            f"| careerlog | {s['app_median_ms']:.0f} ms | {', '.join(f'{x:.0f}' for x in s['app_ms'])} |",
            f"| empty window | {s['base_median_ms']:.0f} ms | {', '.join(f'{x:.0f}' for x in s['base_ms'])} |",
            "",
            "Phases inside careerlog (medians, from the start-up probe on stderr):",
            "",
            "| phase | ms after process start |",
            "|---|---|",
        ]
        for name, value in s.get("phases_median_ms", {}).items():
            lines.append(f"| {name} | {value:.1f} |")
        if s.get("base_painted_median_ms"):
            lines += ["", f"The empty window's own probe (same clock: from its first line of Rust) "
                      f"puts its first paint at {s['base_painted_median_ms']:.1f} ms (median)."]
        lines.append("")
        lines.append(f"Load average (1 min) on the machine when the runs began: {s.get('load_before', 0):.2f}.")
        v = results.get("startup_no_compositing")
        if v:
            lines += [
                "",
                "Diagnostic, same binaries, both with `WEBKIT_DISABLE_COMPOSITING_MODE=1` "
                f"({v['runs']} pairs; not the budget figure):",
                "",
                "| | careerlog | empty window | ratio (median of pairs) |",
                "|---|---|---|---|",
                f"| start-up | {v['app_median_ms']:.0f} ms | {v['base_median_ms']:.0f} ms | {v['ratio_median']:.2f}x |",
            ]
    if mem:
        lines += [
            "",
            "## Memory",
            "",
            "Same binaries and journal, started with `CAREERLOG_STARTUP_LOG=1` (logs the first paint",
            f"and keeps running); {mem['settle_seconds']:.0f} s after the first paint, the `Pss` of",
            "`/proc/<pid>/smaps_rollup` summed over the process and all its descendants (the",
            f"WebKit web and network processes). Median of {mem['runs']} runs each.",
            "",
            "| process | careerlog | empty window |",
            "|---|---|---|",
        ]
        names = sorted(set(mem["app_by_process_kb"]) | set(mem["base_by_process_kb"]))
        for name in names:
            a = mem["app_by_process_kb"].get(name)
            b = mem["base_by_process_kb"].get(name)
            fa = f"{a / 1024:.1f} MiB" if a is not None else "-"
            fb = f"{b / 1024:.1f} MiB" if b is not None else "-"
            lines.append(f"| {name} | {fa} | {fb} |")
        lines.append(
            f"| **total** (median run) | {mem['app_median_kb'] / 1024:.1f} MiB | {mem['base_median_kb'] / 1024:.1f} MiB |")
        v = results.get("memory_no_compositing")
        if v:
            lines += [
                "",
                "Diagnostic, both with `WEBKIT_DISABLE_COMPOSITING_MODE=1` (not the budget figure):",
                "",
                "| process | careerlog | empty window |",
                "|---|---|---|",
            ]
            for name in sorted(set(v["app_by_process_kb"]) | set(v["base_by_process_kb"])):
                a = v["app_by_process_kb"].get(name)
                b = v["base_by_process_kb"].get(name)
                lines.append(f"| {name} | {'-' if a is None else f'{a / 1024:.1f} MiB'} | "
                             f"{'-' if b is None else f'{b / 1024:.1f} MiB'} |")
            lines.append(f"| **total** (median run) | {v['app_median_kb'] / 1024:.1f} MiB | "
                         f"{v['base_median_kb'] / 1024:.1f} MiB ({v['ratio']:.2f}x) |")
    lines += responsiveness_section(results)
    if crit:
        lines += [
            "",
            "## Core operations",
            "",
            "`cargo bench -p careerlog-core --bench core` (criterion; `core/benches/core.rs`), on demo",
            "journals made with `Journal::fill_demo` (seed 2016): about 100,000 entries for",
            "`journal_100k`, a journal with 10,000 bullets picked for export for",
            "`export_10k_bullets`, and 10,000 entries to import (jrnl's JSON, and a whole-journal",
            "document) into a new journal for `import_10k`. Median of criterion's samples, with its",
            "confidence interval.",
            "",
            "| benchmark | median | 95% interval |",
            "|---|---|---|",
        ]
        for key, v in crit.items():
            lines.append(f"| `{key}` | {ms(v['median_ns']):.3f} ms | "
                         f"{ms(v['low_ns']):.3f} - {ms(v['high_ns']):.3f} ms |")
    if cmd:
        j = results.get("jrnl", {})
        lines += [
            "",
            "## Side by side with jrnl",
            "",
            f"jrnl {j.get('version', '?')} from PyPI in a venv (`target/bench/jrnl-venv`), on the same",
            f"{j.get('entries', '?')} entries: `bench/jrnl_entries.py` writes them in jrnl's text format,",
            "jrnl imports them, and jrnl's own JSON export of them is what `careerlog import jrnl`",
            "reads. Whole commands, process start to exit, output to /dev/null; median of the runs",
            "after one warm-up (imports: into an empty journal each run).",
            "",
            "| operation | jrnl | careerlog | careerlog is |",
            "|---|---|---|---|",
        ]
        for op in ("search", "export", "import"):
            jk, ck = f"jrnl_{op}", f"careerlog_{op}"
            if jk in cmd and ck in cmd:
                jv, cv = cmd[jk]["median_ms"], cmd[ck]["median_ms"]
                lines.append(f"| {op} | {jv:.0f} ms | {cv:.1f} ms | {jv / cv:.0f}x faster |")
        if "careerlog_version" in cmd:
            lines.append(f"| (`careerlog --version`: process start and exit alone) | | "
                         f"{cmd['careerlog_version']['median_ms']:.1f} ms | |")
        lines += ["", "Commands:", ""]
        for key, v in cmd.items():
            command = v["command"].replace(str(ROOT) + "/", "")
            lines.append(f"- {key}: `{command}`")

    findings = ROOT / "bench" / "findings.md"
    if findings.exists():
        lines += ["", findings.read_text().strip()]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
