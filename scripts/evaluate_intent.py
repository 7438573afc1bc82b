"""Report the tone checker on the corpus's frozen test split (writers never trained on).

Runs the checker as users get it (phrase rules and the shipped intent models) over every
test message and prints, per locale: recall on discourteous messages and false alarms on
courteous ones (a message counts as flagged when it has a warning or an error), the same
for the rules alone, the intent model's ROC AUC, the courtesy score's AUC, and recall per
device. Run it once per change of rules, lexicons or models, and report what it prints.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict

from corpus import LOCALES, digest, files, load

from followkit.tone import Checker, Config


def auc(positives: list[float], negatives: list[float]) -> float:
    """The probability that a random positive scores above a random negative (ties half)."""
    if not positives or not negatives:
        return float("nan")
    ranked = sorted([(v, 1) for v in positives] + [(v, 0) for v in negatives])
    total, rank, index = 0.0, 1, 0
    while index < len(ranked):
        same = index
        while same < len(ranked) and ranked[same][0] == ranked[index][0]:
            same += 1
        average = (rank + rank + same - index - 1) / 2
        total += average * sum(1 for k in range(index, same) if ranked[k][1])
        rank += same - index
        index = same
    n = len(positives)
    return (total - n * (n + 1) / 2) / (n * len(negatives))


def evaluate(locale: str, split: str) -> dict:
    # The intent findings raised to warnings, as a user who opts in gets them.
    full = Checker(locale, Config(severity={"intent": "warning"}))
    rules = Checker(locale, Config(disable=["intent"]))
    rows = load(locale, split)
    result: dict = {"messages": len(rows), "writers": sorted({r["writer"] for r in rows})}
    flagged, rule_flagged, probability, score = [], [], [], []
    devices: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        report = full.check(row["text"])
        flagged.append(not report.ok)
        rule_flagged.append(not rules.check(row["text"]).ok)
        probability.append(report.intent.get("discourteous", 0.0))
        score.append(report.score)
        for device in row["devices"]:
            devices[device].append(not report.ok)
    rude = [i for i, r in enumerate(rows) if r["label"] == "discourteous"]
    polite = [i for i, r in enumerate(rows) if r["label"] != "discourteous"]

    def share(values: list[bool], chosen: list[int]) -> float:
        return round(sum(values[i] for i in chosen) / max(1, len(chosen)), 4)

    result.update(
        discourteous=len(rude),
        recall=share(flagged, rude),
        false_alarms=share(flagged, polite),
        rules_only_recall=share(rule_flagged, rude),
        rules_only_false_alarms=share(rule_flagged, polite),
        model_auc=round(auc([probability[i] for i in rude], [probability[i] for i in polite]), 4),
        score_auc=round(
            auc([-float(score[i]) for i in rude], [-float(score[i]) for i in polite]), 4
        ),
        devices={name: f"{sum(values)}/{len(values)}" for name, values in sorted(devices.items())},
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("locales", nargs="*", default=list(LOCALES))
    parser.add_argument("--split", default="test", choices=["train", "dev", "test"])
    args = parser.parse_args()
    print(f"{args.split} split digest: {digest(files(args.split))}")
    for locale in args.locales:
        print(locale, json.dumps(evaluate(locale, args.split), ensure_ascii=False))


if __name__ == "__main__":
    main()
