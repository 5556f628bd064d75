#!/usr/bin/env python3
"""Writes N journal entries in jrnl's own plain-text format, the same for the same seed:
what bench/run imports into jrnl (whose JSON export then goes into careerlog)."""

import random
import sys
from datetime import datetime, timedelta

WORDS = (
    "shipped reviewed migrated the billing service checkout latency on-call incident "
    "design review mentoring pairing deploy pipeline flaky tests rollout feature flag "
    "postmortem roadmap estimate cost database index cache queue retry timeout budget "
    "customer support hiring interview onboarding refactor api schema dashboard alert "
    "runbook capacity planning quarter goals retro demo stakeholder decision tradeoff"
).split()
TAGS = ["@work", "@oncall", "@mentoring", "@design", "@incident", "@hiring", "@release"]


def main() -> None:
    count, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(seed)
    start = datetime(2016, 1, 4, 9, 0)
    step = timedelta(days=3650) / count
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            when = start + step * i + timedelta(minutes=rng.randrange(0, 600))
            title = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(4, 9)))
            title = title[0].upper() + title[1:] + "."
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(20, 80)))
            tags = " ".join(rng.sample(TAGS, rng.randrange(0, 3)))
            star = " *" if rng.random() < 0.05 else ""
            f.write(f"[{when:%Y-%m-%d %H:%M}] {title}{star}\n{body} {tags}\n\n")


if __name__ == "__main__":
    main()
