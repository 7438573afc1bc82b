"""Throughput of the tone checker, side by side with a single merged regex (the ceiling).

The corpus (~1 MB) is generated deterministically from realistic follow-up sentences, most of
them courteous and some not. Three figures are measured in one run on the same machine:

* the full English check (phrase rules, context, strategies, message-level rules, score) in
  MB/s over the 1 MB corpus;
* milliseconds per 150-word follow-up, warm (the checker compiled, the text checked before);
* a single regular expression that merges every literal phrase of the same rule file by
  prefix and only finds matches in lower-cased text: what pure Python can do at best.

Targets (issue 4): >= 10 MB/s, <= 0.1 ms per 150-word message, >= 25 % of the ceiling.
"""

from __future__ import annotations

import random
import re
import time
from typing import TYPE_CHECKING

from followkit.tone import Checker, load_rules
from followkit.tone._phrases import expand

if TYPE_CHECKING:
    from collections.abc import Callable

COURTEOUS = [
    "Thank you again for taking the time to speak with me about the data engineer role.",
    "I enjoyed learning about the team's approach to experimentation.",
    "I would be grateful for any feedback on areas where I could improve.",
    "Could you share which skills would have made me a stronger candidate?",
    "I remain very interested in future opportunities with your team.",
    "I understand how busy the hiring season is, so there is no rush at all.",
    "Please let me know if there is anything else I can send you.",
    "I have attached the case study we discussed in case it is useful.",
    "It was a pleasure to meet everyone during the final round.",
    "I hope the project launch goes well next month.",
    "If a short call would be easier for you, I would be glad to talk.",
    "I would welcome the chance to be considered for similar roles.",
    "Best regards, and thank you for your consideration.",
    "I am working on my system design skills based on our conversation.",
    "Would you be open to connecting on LinkedIn?",
]
RUDE = [
    "Per my last email, I am still waiting for your reply.",
    "I demand an explanation for this decision.",
    "Please respond ASAP.",
    "Why didn't you hire me?",
    "Thanks for nothing.",
    "I spent hours preparing for this interview.",
    "With all due respect, that's not true.",
    "I was clearly the best candidate.",
]


def corpus(size: int, seed: int = 4) -> str:
    """Return about *size* characters of follow-up text, the same for the same seed."""
    rng = random.Random(seed)
    paragraphs = []
    total = 0
    while total < size:
        sentences = [
            rng.choice(RUDE) if rng.random() < 0.08 else rng.choice(COURTEOUS)
            for _ in range(rng.randint(3, 6))
        ]
        paragraph = "Dear Ms. Lee,\n\n" + " ".join(sentences) + "\n\nBest regards,\nAlex\n\n"
        paragraphs.append(paragraph)
        total += len(paragraph)
    return "".join(paragraphs)[:size]


def message(words: int = 150, seed: int = 7) -> str:
    """Return a follow-up of about *words* words."""
    rng = random.Random(seed)
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words - 12:
        sentences.append(rng.choice(COURTEOUS))
    sentences.append(RUDE[0])
    return "Dear Ms. Lee,\n\n" + " ".join(sentences) + "\n\nBest regards,\nAlex"


def ceiling_regex() -> re.Pattern[str]:
    """One regex of every literal phrase of the English rules, merged by common prefix."""
    phrases = set()
    for rule in load_rules("en").rules:
        for pattern in rule.patterns:
            for sequence in expand(pattern)[0]:
                # A prefix word counts with its stem: the ceiling only finds literals.
                words = [word for kind, word in sequence if kind != "_"]
                phrases.add(" ".join(words))
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        parts = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if "" in node:
            return ""
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return re.compile(build(trie))


def best_of(repeat: int, func: Callable[[], object]) -> float:
    """Return the fastest of *repeat* runs of *func*, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    text = corpus(1_000_000)
    mb = len(text.encode("utf-8")) / 1_000_000
    checker = Checker("en")
    checker.check(text)
    full = best_of(5, lambda: checker.check(text))
    ceiling = ceiling_regex()
    lowered = text.lower()
    regex = best_of(5, lambda: sum(1 for _ in ceiling.finditer(lowered)))
    note = message()
    checker.check(note)
    runs = 2000
    per_message = best_of(5, lambda: [checker.check(note) for _ in range(runs)]) / runs
    findings = len(checker.check(text).findings)
    print(f"corpus: {mb:.2f} MB, {len(text.split()):,} words, {findings:,} findings")
    print(f"message: {len(note.split())} words")
    print()
    print(f"{'measure':<44}{'value':>12}{'target':>12}")
    print(f"{'full English check, MB/s':<44}{mb / full:>12.1f}{'>= 10':>12}")
    print(f"{'ceiling: one merged literal regex, MB/s':<44}{mb / regex:>12.1f}{'':>12}")
    print(f"{'ratio full / ceiling':<44}{regex / full:>12.1%}{'>= 25 %':>12}")
    print(f"{'150-word message, ms (warm)':<44}{per_message * 1000:>12.3f}{'<= 0.1':>12}")


if __name__ == "__main__":
    main()
