"""How often the tone checker's ``locale="auto"`` picks the language a message is written in.

Every message of the tone corpus (``corpus/<locale>/*.jsonl``, all writers: the guess's word
lists were written by hand, nothing was learned from the corpus) is guessed with
:func:`followkit.tone.guess_language` and resolved as ``Checker(locale="auto")`` resolves it:
the guessed language when the guess is confident, else the fallback (English). The script
prints, per locale, the share resolved right for messages of 20 words or more (the target is
99 %) and for shorter ones, how many guesses were confident, and every confident wrong guess
(which would also be a wrong mismatch warning). The lists owe nothing to the corpus; the
confidence thresholds (``MIN_MARGIN`` 3, ``MIN_RATIO`` 1.5) were set with these figures in
view, more cautious than the margin of 2 that would score best here. Run with ``make bench`` or
``python benchmarks/bench_language.py``; it exits 1 when a locale misses the target.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from followkit.tone import guess_language

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FALLBACK = "en"
LONG = 20
TARGET = 0.99


def main() -> int:
    """Measure and print; return 1 if a locale is under the target for long messages."""
    rows: dict[str, dict[str, list[int]]] = {}
    confident_wrong: list[str] = []
    for path in sorted(CORPUS.glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            message = json.loads(line)
            locale, text = message["locale"], message["text"]
            guess = guess_language(text)
            resolved = guess.language if guess.confident else FALLBACK
            size = "long" if len(text.split()) >= LONG else "short"
            counts = rows.setdefault(locale, {}).setdefault(size, [0, 0, 0])
            counts[0] += 1
            counts[1] += resolved == locale
            counts[2] += guess.confident
            if guess.confident and guess.language != locale:
                confident_wrong.append(f"{message['id']}: {guess.language} {guess.evidence}")
    failed = False
    print(f"{'locale':<8}{'words':<8}{'messages':>9}{'right':>9}{'share':>9}{'confident':>11}")
    for locale in ("en", "de", "fr", "es", "all"):
        for size in ("long", "short"):
            if locale == "all":
                counts = [sum(rows[loc].get(size, [0, 0, 0])[i] for loc in rows) for i in range(3)]
            else:
                counts = rows.get(locale, {}).get(size, [0, 0, 0])
            total, right, sure = counts
            share = right / total if total else 1.0
            label = f">= {LONG}" if size == "long" else f"< {LONG}"
            print(f"{locale:<8}{label:<8}{total:>9}{right:>9}{share:>9.2%}{sure:>11}")
            failed |= size == "long" and share < TARGET
    print(f"confident and wrong: {len(confident_wrong)}")
    for item in confident_wrong:
        print(f"  {item}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
