"""Throughput of the tone checker, side by side with a single merged regex (the ceiling).

The corpus (~1 MB) is generated deterministically from realistic follow-up sentences, most of
them courteous and some not. Three figures are measured in one run on the same machine:

* the full English check (phrase rules, context, strategies, message-level rules, score) in
  MB/s over the 1 MB corpus;
* milliseconds per 150-word follow-up, warm (the checker compiled, the text checked before),
  with the learned intent layer (the default) and with the phrase rules alone;
* a single regular expression that merges literal phrases of the same rule file by prefix
  and only finds matches in lower-cased text, what pure Python can do at best: once over an
  even sample of ~300 phrases (the issue's ceiling) and once over every phrase the rules
  expand to.

Targets: >= 10 MB/s, <= 0.1 ms per 150-word message with the rules alone and <= 0.4 ms with
the intent layer, >= 25 % of the ceiling.
"""

from __future__ import annotations

import random
import re
import time
from typing import TYPE_CHECKING

from followkit.tone import Checker, Config, load_rules
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


def rule_phrases() -> list[str]:
    """Every literal word sequence of the English rules, sorted (prefix words as stems)."""
    phrases = set()
    for rule in load_rules("en").rules:
        for pattern in rule.patterns:
            for sequence in expand(pattern)[0]:
                # A prefix word counts with its stem: the ceiling only finds literals.
                phrases.add(" ".join(word for kind, word in sequence if kind != "_"))
    return sorted(phrases)


def ceiling_regex(phrases: list[str] | None = None) -> re.Pattern[str]:
    """One regex of literal phrases (default: all of the English rules), merged by prefix."""
    trie: dict[str, dict] = {}
    for phrase in rule_phrases() if phrases is None else phrases:
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
    lowered = text.lower()
    phrases = rule_phrases()
    # The ceiling: ~300 phrases (an even sample of ours),
    # and the same construction over every phrase the rules expand to.
    sample = phrases[:: max(1, len(phrases) // 300)]
    small = ceiling_regex(sample)
    large = ceiling_regex(phrases)
    small_time = best_of(5, lambda: sum(1 for _ in small.finditer(lowered)))
    large_time = best_of(5, lambda: sum(1 for _ in large.finditer(lowered)))
    note = message()
    checker.check(note)
    runs = 2000
    per_message = best_of(5, lambda: [checker.check(note) for _ in range(runs)]) / runs
    rules = Checker("en", Config(disable=["intent"]))
    rules.check(note)
    rules_only = best_of(5, lambda: [rules.check(note) for _ in range(runs)]) / runs
    findings = len(checker.check(text).findings)
    print(f"corpus: {mb:.2f} MB, {len(text.split()):,} words, {findings:,} findings")
    print(f"message: {len(note.split())} words; rules expand to {len(phrases):,} phrases")
    print()
    print(f"{'measure':<52}{'value':>10}{'target':>10}")
    print(f"{'full English check, MB/s':<52}{mb / full:>10.1f}{'>= 10':>10}")
    label = f"ceiling: merged regex, {len(sample)} phrases, MB/s"
    print(f"{label:<52}{mb / small_time:>10.1f}")
    print(f"{'ratio full / that ceiling':<52}{small_time / full:>10.1%}{'>= 25 %':>10}")
    label = f"ceiling: merged regex, all {len(phrases):,} phrases, MB/s"
    print(f"{label:<52}{mb / large_time:>10.1f}")
    print(f"{'ratio full / that ceiling':<52}{large_time / full:>10.1%}")
    label = "150-word message, rules + intent model, ms (warm)"
    print(f"{label:<52}{per_message * 1000:>10.3f}{'<= 0.4':>10}")
    print(
        f"{'150-word message, rules alone, ms (warm)':<52}{rules_only * 1000:>10.3f}{'<= 0.1':>10}"
    )
    print(f"{'peak RSS, checking 1 MB (fresh process), MiB':<52}{peak_rss_mib():>10.1f}")


PEAK_RSS = """
import sys
sys.path.insert(0, sys.argv[1])
from bench_tone_speed import corpus
from followkit.tone import Checker
Checker("en").check(corpus(1_000_000))
# VmHWM is this process's own peak; ru_maxrss can include the parent that spawned it.
status = open("/proc/self/status", encoding="ascii").read()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""


def peak_rss_mib() -> float:
    """Return the peak resident memory of a fresh process that checks the corpus."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    here = str(Path(__file__).parent)
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, here], capture_output=True, text=True, check=True
    )
    return int(result.stdout.strip()) / 1024  # VmHWM is in KiB


if __name__ == "__main__":
    main()
