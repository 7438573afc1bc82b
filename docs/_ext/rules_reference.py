"""Sphinx extension: generate the tone rules reference from the rule files at build time.

``reference/rules.md`` includes the generated Markdown, which lists every rule of every
locale (and the rules written in code) with its severity, message, suggestion and examples,
so the reference cannot drift from the data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: Where the generated Markdown goes; ``reference/rules.md`` includes it.
GENERATED = Path("_build") / "generated" / "rules.md"

NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish"}


def _code(text: str) -> str:
    """Inline code that survives any backticks inside the text."""
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if "`" in text else f"{fence}{text}{fence}"


def _text(text: str) -> str:
    """Plain text safe for MyST: escape the characters that start markup."""
    for char in "\\`*_[]<>{}|#":
        text = text.replace(char, "\\" + char)
    return text


def render() -> str:
    """Return the Markdown of the reference page."""
    from followkit.tone import load_rules, supported_locales  # noqa: PLC0415
    from followkit.tone._code import CODE_RULES  # noqa: PLC0415

    lines = [
        "## Rules written in code",
        "",
        "These apply in every locale; a configuration can switch them off or change their",
        "severity like any other rule.",
        "",
    ]
    for code_rule in CODE_RULES:
        lines += [
            f"### {_code(code_rule.id)}",
            "",
            f"- **Severity:** {code_rule.severity}",
            f"- **Message:** {_text(code_rule.message)}",
            f"- **Suggestion:** {_text(code_rule.suggestion or '')}",
            "",
        ]
    for locale in supported_locales():
        rules = load_rules(locale).rules
        name = NAMES.get(locale, locale)
        lines += [f"## {name} ({_code(locale)}): {len(rules)} rules", ""]
        for rule in rules:
            lines += [
                f"### {_code(rule.id)}",
                "",
                f"- **Severity:** {rule.severity}"
                + (" (the suggestion is applied by `Report.fixed()`)" if rule.fix else ""),
                f"- **Message:** {_text(rule.message)}",
            ]
            if rule.suggestion:
                lines.append(f"- **Suggestion:** {_text(rule.suggestion)}")
            lines.append("- **Patterns:** " + ", ".join(_code(p) for p in rule.patterns))
            if rule.unless:
                lines.append(
                    "- **Not when the sentence has:** " + ", ".join(map(_code, rule.unless))
                )
            if rule.context:
                lines.append("- **Only in context:** " + ", ".join(rule.context))
            if not rule.negatable:
                lines.append("- **Negations do not silence it.**")
            if rule.source:
                lines.append(f"- **Source:** {_text(rule.source)}")
            lines.append("- **Flagged:** " + "; ".join(_code(e) for e in rule.flag))
            lines.append("- **Not flagged:** " + "; ".join(_code(e) for e in rule.passes))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write_generated(app: Any, generated: Path, text: str) -> None:
    """Write generated Markdown under the docs' sources, only if it changed."""
    path = Path(app.srcdir) / generated
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def write(app: Any) -> None:
    """Write the Markdown before Sphinx reads the sources."""
    write_generated(app, GENERATED, render())


def setup(app: Any) -> dict[str, Any]:
    """Register the extension."""
    app.connect("builder-inited", write)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
