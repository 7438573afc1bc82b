"""Sphinx extension: the feedback taxonomy table, generated from the package data.

``feedback.md`` includes the generated Markdown: every area with its id, kind, English name,
what feedback says about it and its next steps, and the constraints, read from
``followkit/feedback/areas.toml`` and the locale files at build time so the page cannot
drift from the data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rules_reference import write_generated

GENERATED = Path("_build") / "generated" / "feedback-taxonomy.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("*", "\\*")


def render() -> str:
    """The taxonomy as Markdown tables."""
    from followkit.feedback import areas, constraints  # noqa: PLC0415  (loaded at build time)

    lines = [
        "| Id | Kind | Name | What the feedback says about it | Next steps |",
        "|---|---|---|---|---|",
    ]
    listed = areas("en")
    for item in listed:
        kinds = ", ".join(dict.fromkeys(step.kind for step in item.next_steps))
        lines.append(
            f"| `{item.id}` | {item.kind} | {_cell(item.name)} | {_cell(item.description)} "
            f"| {kinds} |"
        )
    lines += ["", "| Constraint | Name | Meaning |", "|---|---|---|"]
    lines += [
        f"| `{item.id}` | {_cell(item.name)} | {_cell(item.description)} |"
        for item in constraints("en")
    ]
    lines += ["", "### Next steps (English)", ""]
    for item in listed:
        lines += [f"`{item.id}`"]
        lines += [f": *{step.kind}*: {_cell(step.text)}" for step in item.next_steps[:1]]
        lines += [f"  <br>*{step.kind}*: {_cell(step.text)}" for step in item.next_steps[1:]]
        lines.append("")
    return "\n".join(lines) + "\n"


def write(app: Any) -> None:
    """Write the Markdown before Sphinx reads the sources."""
    write_generated(app, GENERATED, render())


def setup(app: Any) -> dict[str, Any]:
    """Register the extension."""
    app.connect("builder-inited", write)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
