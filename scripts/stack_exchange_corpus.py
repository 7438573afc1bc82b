"""Add polite Stack Overflow requests to the corpus as courteous messages.

The intent model learns from follow-ups, and a model that has seen nothing else over-reads
other short requests: a plain technical question ("Can you explain why this fails?") is no
discourtesy. The Stanford Politeness Corpus (Danescu-Niculescu-Mizil et al. 2013, CC BY 4.0)
rates Stack Exchange requests; its Stack Overflow requests rated above the median are added
as courteous, under one writer id (``se-stackoverflow``). The other communities stay out of
the training data: the accuracy benchmark reports on them as requests the model never saw.

Usage: ``python scripts/stack_exchange_corpus.py [CSV]`` (default
``../shared/data/politeness/stack-exchange.annotated.csv``); writes
``corpus/en/se-stackoverflow.jsonl``.
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
import unicodedata
from pathlib import Path

from corpus import CORPUS, ROOT, STACK_EXCHANGE

#: The community whose requests are trained on.
COMMUNITY = "092011 Stack Overflow"
DEFAULT_CSV = ROOT.parent / "shared" / "data" / "politeness" / "stack-exchange.annotated.csv"


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CSV
    with source.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["Community"] == COMMUNITY]
    median = statistics.median(float(row["Normalized Score"]) for row in rows)
    chosen = sorted(
        (row for row in rows if float(row["Normalized Score"]) > median),
        key=lambda row: int(row["Id"]),
    )
    lines = [
        json.dumps(
            {
                "id": f"en-{STACK_EXCHANGE}-{row['Id']}",
                "writer": STACK_EXCHANGE,
                "locale": "en",
                "kind": "request",
                "label": "courteous",
                "categories": [],
                "devices": [],
                "offending": [],
                "text": unicodedata.normalize("NFC", row["Request"]),
            },
            ensure_ascii=False,
        )
        for row in chosen
    ]
    target = CORPUS / "en" / f"{STACK_EXCHANGE}.jsonl"
    target.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{target.relative_to(ROOT)}: {len(lines)} requests rated above the median {median:.3f}")


if __name__ == "__main__":
    main()
