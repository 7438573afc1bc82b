"""Sphinx extension: list the intent models' strongest features from the model files.

``reference/intent.md`` includes the generated Markdown: for each locale, how the model was
trained and evaluated (from the figures the trainer recorded in the file) and the features
that weigh most towards discourtesy and towards each category, so the page cannot drift
from the shipped models.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rules_reference import write_generated

GENERATED = Path("_build") / "generated" / "intent.md"
NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish"}
TOP = 12
KINDS = {"w": "word", "b": "word pair", "c": "construction", "s": "strategy"}


def _feature(name: str) -> str:
    kind, _colon, value = name.partition(":")
    shown = value.replace("!", "not·", 1) if kind == "w" else value
    for char in "\\`*_[]<>{}|#":
        shown = shown.replace(char, "\\" + char)
    return f"{KINDS.get(kind, kind)} “{shown}”"


def _strongest(weights: dict[str, float], *, count: int = TOP) -> str:
    ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:count]
    return "; ".join(f"{_feature(name)} ({weight:+.2f})" for name, weight in ranked)


def render() -> str:
    """Return the Markdown of the generated part of the page."""
    lines = []
    from followkit.tone._rules import read_data  # noqa: PLC0415

    for locale, name in NAMES.items():
        data = json.loads(read_data("intent", f"{locale}.model.json"))
        training = data["training"]
        cv = training["cross_validation_by_writer"]
        lines += [
            f"## {name} (`{locale}`)",
            "",
            (
                f"- **Trained on:** {training['messages']} messages "
                f"({training['discourteous']} discourteous) by {len(training['writers'])} writers"
            ),
            (
                f"- **Thresholds:** warning at {data['thresholds']['warning']:.3f}, error at "
                f"{data['thresholds']['error']:.3f}"
            ),
            (
                f"- **Cross-validation by writer** (people's messages): recall {cv['recall']:.2f} "
                f"with rules, false alarms {cv['false_alarms']:.3f}, model AUC "
                f"{cv.get('model_auc', float('nan')):.3f}"
            ),
            f"- **Features:** {len(data['weights'])} weighted",
            "",
            f"**Towards discourtesy:** {_strongest(data['weights'])}",
            "",
            f"**Towards courtesy:** {_strongest({k: -v for k, v in data['weights'].items()})}",
            "",
        ]
        for category, model in sorted(data["categories"].items()):
            lines += [f"- **{category}:** {_strongest(model['weights'], count=6)}"]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write(app: Any) -> None:
    """Write the Markdown before Sphinx reads the sources."""
    write_generated(app, GENERATED, render())


def setup(app: Any) -> dict[str, Any]:
    """Register the extension."""
    app.connect("builder-inited", write)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
