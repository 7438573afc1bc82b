"""Planner throughput, first-plan cost and memory: figures for the timeline planner.

Measures, and prints as a table:

* plans per second for 10,000 applications across 20 territories (with and without
  drafted messages), in one process, after one warm-up plan per territory;
* the cost of the first plan in a fresh process (a subprocess that imports followkit,
  builds one application and plans it: holiday data, babel data and catalogs load then);
* the peak resident set size of a fresh process that plans the 10,000 applications
  (``resource.getrusage``), against a process that only builds them.

Run with ``make bench`` or ``python benchmarks/bench_planner.py [--count N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import time
from zoneinfo import ZoneInfo

import followkit

# (territory, subdivision, zone, locale): 20 territories, several with subdivisions.
TERRITORIES = [
    ("DE", "BY", "Europe/Berlin", "de"),
    ("DE", "BE", "Europe/Berlin", "de"),
    ("US", "CA", "America/Los_Angeles", "en"),
    ("US", "NY", "America/New_York", "en"),
    ("GB", "ENG", "Europe/London", "en"),
    ("FR", None, "Europe/Paris", "fr"),
    ("ES", "MD", "Europe/Madrid", "es"),
    ("IT", None, "Europe/Rome", "en"),
    ("NL", None, "Europe/Amsterdam", "en"),
    ("SA", None, "Asia/Riyadh", "en"),
    ("AE", None, "Asia/Dubai", "en"),
    ("IL", None, "Asia/Jerusalem", "en"),
    ("IN", None, "Asia/Kolkata", "en"),
    ("JP", None, "Asia/Tokyo", "en"),
    ("SG", None, "Asia/Singapore", "en"),
    ("AU", "NSW", "Australia/Sydney", "en"),
    ("BR", None, "America/Sao_Paulo", "es"),
    ("MX", None, "America/Mexico_City", "es"),
    ("CA", "ON", "America/Toronto", "fr"),
    ("ZA", None, "Africa/Johannesburg", "en"),
]

FIRST_PLAN = """
import datetime as dt, time
start = time.perf_counter()
import followkit
from zoneinfo import ZoneInfo
app = followkit.Application(
    company="Acme", position="Engineer", candidate=followkit.Person(name="Alex Kim"),
    contacts=[followkit.Contact(name="Jordan Lee", email="jordan@acme.example")],
    decided_at=dt.datetime(2026, 11, 20, 15, tzinfo=ZoneInfo("Europe/Berlin")),
    territory="DE", subdivision="BY")
followkit.plan(app, now=app.decided_at, drafts={drafts})
print(time.perf_counter() - start)
"""

MEMORY = """
import resource, sys
sys.path.insert(0, {path!r})
from bench_planner import applications
apps = applications({count})
if {plan}:
    import followkit
    # Keep every timeline, as a bulk job that stores the plans would.
    kept = [followkit.plan(app, now=app.decided_at, drafts=False) for app in apps]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def applications(count: int, seed: int = 2026) -> list[followkit.Application]:
    """Return *count* applications spread over the territories and a year of decisions."""
    rng = random.Random(seed)
    apps = []
    for index in range(count):
        territory, subdivision, zone, locale = TERRITORIES[index % len(TERRITORIES)]
        decided = dt.datetime(2026, 1, 1, 8, tzinfo=ZoneInfo(zone)) + dt.timedelta(
            minutes=rng.randrange(365 * 24 * 60)
        )
        apps.append(
            followkit.Application(
                company=f"Company {index}",
                position="Data Engineer",
                candidate=followkit.Person(name="Alex Kim", email="alex@example.com"),
                contacts=[followkit.Contact(name="Jordan Lee", email="jordan@acme.example")],
                decided_at=decided,
                locale=locale,
                territory=territory,
                subdivision=subdivision,
                timezone=zone,
            )
        )
    return apps


def _throughput(apps: list[followkit.Application], *, drafts: bool) -> float:
    start = time.perf_counter()
    for app in apps:
        followkit.plan(app, now=app.decided_at, drafts=drafts)
    return len(apps) / (time.perf_counter() - start)


def _first_plan(runs: int = 7) -> dict[bool, float]:
    """Median seconds to import and plan once, without and with drafts (interleaved)."""
    samples: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(runs):
        for drafts, values in samples.items():
            result = subprocess.run(
                [sys.executable, "-c", FIRST_PLAN.format(drafts=drafts)],
                capture_output=True,
                text=True,
                check=True,
            )
            values.append(float(result.stdout))
    return {drafts: statistics.median(values) for drafts, values in samples.items()}


def _peak_rss(count: int, *, plan: bool) -> int:
    from pathlib import Path  # noqa: PLC0415

    code = MEMORY.format(path=str(Path(__file__).parent), count=count, plan=plan)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return int(result.stdout)  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="applications to plan")
    count = parser.parse_args().count
    apps = applications(count)
    for app in apps[: len(TERRITORIES)]:  # one warm-up plan per territory
        followkit.plan(app, now=app.decided_at)
    first = _first_plan()
    rows = [
        (
            f"plans/s, {count:,} applications, 20 territories, no drafts",
            _throughput(apps, drafts=False),
            "plans/s",
        ),
        (
            f"plans/s, {count:,} applications, 20 territories, with drafts",
            _throughput(apps, drafts=True),
            "plans/s",
        ),
        (
            "first plan in a fresh process (import + plan), no drafts",
            first[False] * 1000,
            "ms",
        ),
        (
            "first plan in a fresh process (import + plan), with drafts",
            first[True] * 1000,
            "ms",
        ),
    ]
    built = _peak_rss(count, plan=False)
    planned = _peak_rss(count, plan=True)
    rows += [
        (f"peak RSS, building {count:,} applications", built / 1024, "MiB"),
        (f"peak RSS, building and planning {count:,} (plans kept)", planned / 1024, "MiB"),
        ("peak RSS added by planning", (planned - built) / 1024, "MiB"),
    ]
    width = max(len(name) for name, *_ in rows)
    print(f"{'measure':<{width}}  {'value':>10}  unit")
    print(f"{'-' * width}  {'-' * 10}  -------")
    for name, value, unit in rows:
        print(f"{name:<{width}}  {value:>10.1f}  {unit}")


if __name__ == "__main__":
    main()
