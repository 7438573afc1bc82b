"""Report the feedback reader on one split of the feedback corpus (corpus/feedback/).

For every message of the split's writers, :func:`followkit.feedback.read` runs in the
message's locale and its findings are compared with the annotation, per locale:

- areas by id: a predicted area id counts as right when the annotation lists that area for
  the message (precision over predicted ids, recall over annotated ids);
- areas by span: the same, and the predicted span overlaps the annotated quote;
- strengths and constraints by id, the same way;
- vague: accuracy of the ``vague`` flag.

Usage: ``python scripts/evaluate_feedback.py --split dev`` (``train``, ``dev`` or ``test``;
``--errors`` lists the misses and false alarms). The test split is for the final report
only: nothing is tuned on it.
"""

from __future__ import annotations

import argparse
import json
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from followkit.feedback import read

ROOT = Path(__file__).resolve().parent.parent / "corpus" / "feedback"
LOCALES = ("en", "de", "fr", "es")


def writers(split: str) -> dict[str, list[str]]:
    """The writers of *split*, per locale, from ``splits.toml``."""
    table = tomllib.loads((ROOT / "splits.toml").read_text("utf-8"))["writers"]
    chosen: dict[str, list[str]] = {locale: [] for locale in LOCALES}
    for writer, where in sorted(table.items()):
        if where == split:
            chosen[writer.split("-")[0]].append(writer)
    return chosen


def messages(locale: str, names: list[str]) -> list[dict[str, Any]]:
    """The annotated messages of the writers whose files exist."""
    rows = []
    for name in names:
        path = ROOT / locale / f"{name}.jsonl"
        if path.exists():
            rows.extend(json.loads(line) for line in path.read_text("utf-8").splitlines() if line)
    return rows


def _spans(text: str, items: list[dict[str, str]], key: str) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for item in items:
        start = text.find(item["quote"])
        span = (start, start + len(item["quote"])) if start >= 0 else (0, len(text))
        spans.setdefault(item[key], []).append(span)
    return spans


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def score(rows: list[dict[str, Any]], locale: str, errors: list[str]) -> Counter[str]:
    """Count true positives, predictions and annotations for each measure."""
    counts: Counter[str] = Counter()
    for row in rows:
        text = row["text"]
        feedback = read(text, locale=locale)
        for name, predicted, gold_items, key in (
            ("areas", feedback.areas, row["areas"], "area"),
            ("strengths", feedback.strengths, row["strengths"], "area"),
            ("constraints", feedback.constraints, row["constraints"], "constraint"),
        ):
            gold = _spans(text, gold_items, key)
            found: dict[str, list[tuple[int, int]]] = {}
            for mention in predicted:
                found.setdefault(getattr(mention, key), []).append(mention.span)
            counts[f"{name}.predicted"] += len(found)
            counts[f"{name}.gold"] += len(gold)
            for ident, spans in found.items():
                if ident in gold:
                    counts[f"{name}.id"] += 1
                    if any(_overlaps(span, gold[ident]) for span in spans):
                        counts[f"{name}.span"] += 1
                    else:
                        quoted = text[slice(*spans[0])]
                        errors.append(f"{row['id']}: elsewhere {name[:-1]} {ident}: {quoted!r}")
                else:
                    quoted = text[slice(*spans[0])]
                    errors.append(f"{row['id']}: extra {name[:-1]} {ident}: {quoted!r}")
            errors.extend(
                f"{row['id']}: missed {name[:-1]} {ident}: "
                f"{next(i['quote'] for i in gold_items if i[key] == ident)!r}"
                for ident in gold
                if ident not in found
            )
        counts["messages"] += 1
        counts["vague.right"] += feedback.vague == row["vague"]
    return counts


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "  - "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()
    print(f"split: {args.split}")
    header = (
        "locale  msgs  areas P/R (id)   areas P/R (span)  strengths P/R  constraints P/R  vague"
    )
    print(header)
    total: Counter[str] = Counter()
    for locale, names in writers(args.split).items():
        rows = messages(locale, names)
        if not rows:
            continue
        errors: list[str] = []
        counts = score(rows, locale, errors)
        total.update(counts)
        _line(locale, counts)
        if args.errors:
            print("\n".join(f"    {line}" for line in errors))
    _line("all", total)


def _line(name: str, c: Counter[str]) -> None:
    print(
        f"{name:<6}  {c['messages']:>4}  "
        f"{_ratio(c['areas.id'], c['areas.predicted'])}/{_ratio(c['areas.id'], c['areas.gold'])}"
        f"        {_ratio(c['areas.span'], c['areas.predicted'])}/"
        f"{_ratio(c['areas.span'], c['areas.gold'])}"
        f"         {_ratio(c['strengths.id'], c['strengths.predicted'])}/"
        f"{_ratio(c['strengths.id'], c['strengths.gold'])}"
        f"      {_ratio(c['constraints.id'], c['constraints.predicted'])}/"
        f"{_ratio(c['constraints.id'], c['constraints.gold'])}"
        f"        {_ratio(c['vague.right'], c['messages'])}"
    )


if __name__ == "__main__":
    main()
