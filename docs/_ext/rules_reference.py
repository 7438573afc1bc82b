"""Sphinx extension: generate the tone rules reference from the rule files at build time.

The reference is one page per locale, each listing that locale's rules with severity,
message, suggestion, patterns and examples, so the reference cannot drift from the data.
``reference/rules.md``, the index, includes the generated table of locales and the rules
written in code; ``reference/rules/<locale>.md`` includes the generated list of the
locale's rules. A supported locale without a page is a warning (an error under ``-W``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: Where the generated Markdown goes: ``rules-index.md`` for the index page and
#: ``rules-<locale>.md`` for each locale's page.
GENERATED = Path("_build") / "generated"
#: The page of a locale's rules, relative to the docs' sources.
PAGE = "reference/rules/{locale}.md"

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


def _code_rules() -> list[str]:
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
    return lines


def render_index() -> str:
    """Return the Markdown of the index: a table of the locales' pages, then the code rules."""
    from followkit.tone import load_rules, supported_locales  # noqa: PLC0415

    lines = ["| Language | Locale | Phrase rules |", "| --- | --- | --: |"]
    # The first four locales in the order the docs name them everywhere, then the others
    # (a stable sort keeps those in supported_locales() order).
    order = list(NAMES)
    for locale in sorted(supported_locales(), key=lambda code: [*order, code].index(code)):
        name = NAMES.get(locale, locale)
        count = len(load_rules(locale).rules)
        lines.append(f"| {{doc}}`{name} <rules/{locale}>` | {_code(locale)} | {count} |")
    return "\n".join([*lines, "", *_code_rules()]).rstrip() + "\n"


def render(locale: str) -> str:
    """Return the Markdown of one locale's rules."""
    from followkit.tone import load_rules  # noqa: PLC0415

    rules = load_rules(locale).rules
    intro = (
        f"{len(rules)} phrase rules for {_code(locale)}, in the order of the rule file "
        f"`src/followkit/tone/rules/{locale}.toml`. The rules written in code apply as well; "
        "they are listed on {doc}`the index <../rules>`."
    )
    lines = [intro, ""]
    for rule in rules:
        lines += [
            f"## {_code(rule.id)}",
            "",
            f"- **Severity:** {rule.severity}"
            + (" (the suggestion is applied by `Report.fixed()`)" if rule.fix else ""),
            f"- **Message:** {_text(rule.message)}",
        ]
        if rule.suggestion:
            lines.append(f"- **Suggestion:** {_text(rule.suggestion)}")
        lines.append("- **Patterns:** " + ", ".join(_code(p) for p in rule.patterns))
        if rule.unless:
            lines.append("- **Not when the sentence has:** " + ", ".join(map(_code, rule.unless)))
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
    """Write the Markdown before Sphinx reads the sources; warn about a missing page."""
    from sphinx.util import logging  # noqa: PLC0415

    from followkit.tone import supported_locales  # noqa: PLC0415

    write_generated(app, GENERATED / "rules-index.md", render_index())
    for locale in supported_locales():
        write_generated(app, GENERATED / f"rules-{locale}.md", render(locale))
        page = PAGE.format(locale=locale)
        if not (Path(app.srcdir) / page).exists():
            logging.getLogger(__name__).warning(
                "the %s tone rules have no page; add %s that includes %s",
                locale,
                page,
                f"../../_build/generated/rules-{locale}.md",
            )


def setup(app: Any) -> dict[str, Any]:
    """Register the extension."""
    app.connect("builder-inited", write)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
