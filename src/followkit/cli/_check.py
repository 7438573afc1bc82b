"""``followkit check`` and ``followkit rules`` (not public).

The text format follows compilers (``path:line:col: severity rule-id message``, then the
line and a caret mark), so that editors and terminals link each finding to its place;
``--format sarif`` writes SARIF 2.1.0, which code-review and CI tools display.
"""

from __future__ import annotations

import bisect
import gc
import re
import sys
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from followkit._io import decode as _decode
from followkit.cli._io import (
    STDIO,
    UsageError,
    atomic_write,
    read_bytes,
    refuse_overwriting_inputs,
    source_name,
    write_output,
)
from followkit.errors import InputFileError, InvalidInputError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from followkit.tone import Checker, Finding, Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://followkit.readthedocs.io/"
_RANK = {"error": 0, "warning": 1, "info": 2}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_LINE_BREAK = re.compile(r"\r\n?|\n")
_BOM = "\ufeff"
_T = TypeVar("_T")


@attrs.frozen(kw_only=True)
class RuleInfo:
    """What ``rules`` lists and SARIF describes about one rule."""

    id: str
    category: str
    severity: str
    message: str
    suggestion: str | None
    fixable: bool
    origin: str

    def as_dict(self) -> dict[str, Any]:
        """Return the rule as JSON-ready data."""
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class Checked:
    """One checked input: its name, its text, the report, and the fixed text."""

    path: str
    text: str
    report: Report
    fixed: str | None = None
    bom: bool = False  # the file starts with a UTF-8 byte-order mark (not part of *text*)


class Lines:
    """Offsets of line starts, to turn a character offset into a line and column."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of *offset*."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def line(self, number: int) -> str:
        """Return line *number* (1-based) without its line break."""
        start = self.starts[number - 1]
        end = self.starts[number] if number < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def _config(path: str | None) -> Any:
    from followkit.tone import Config  # noqa: PLC0415

    return Config() if path is None else Config.from_toml(path)


def _checker(
    locale: str, config_path: str | None, *, fallback: str = "en", own_process: bool = False
) -> Checker:
    """Build the checker; in the command's own process, keep the collector off its data."""
    from followkit.tone import Checker, resolve_locale  # noqa: PLC0415

    # The locales come from the command line: say which option is wrong.
    for option, value in (("--locale", locale), ("--fallback-locale", fallback)):
        if value != "auto" or option != "--locale":
            try:
                resolve_locale(value)
            except InvalidInputError as exc:
                raise UsageError(f"{option}: {exc.reason}") from None
    config = _config(config_path)
    return _frozen(lambda: Checker(locale, config, fallback=fallback), own_process=own_process)


def _frozen(build: Callable[[], _T], *, own_process: bool) -> _T:
    """Return ``build()``; in the command's own process, keep the collector off its result.

    The compiled rules are tens of thousands of small containers that live until the
    process ends. The cyclic garbage collector would walk all of them at every full
    collection (and twice while they are read), which is a fifth of a short check's
    start-up; the command's own process moves them out of its sight with
    :func:`gc.freeze`. With ``--locale auto`` the rules of a language compile during the
    first check of a text in it, so each check goes through here too. Called in-process by
    another program, nothing changes.
    """
    if not own_process:
        return build()
    enabled = gc.isenabled()
    gc.disable()
    try:
        return build()
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def rule_catalog(checker: Checker) -> dict[str, RuleInfo]:
    """Return every active rule of *checker*, by id, with severities as configured."""
    from followkit.tone import load_rules  # noqa: PLC0415
    from followkit.tone._code import CODE_RULES  # noqa: PLC0415  (the code rules' metadata)

    config = checker.config
    active = set(checker.rule_ids)
    catalog: dict[str, RuleInfo] = {}
    for rule_file in (load_rules(checker.locale), *config.extra_rules):
        for rule in rule_file.rules:
            if rule.id in active:
                catalog[rule.id] = RuleInfo(
                    id=rule.id,
                    category=rule.category,
                    severity=config.severity_of(rule.id, rule.severity),
                    message=_general(rule.message),
                    suggestion=rule.suggestion,
                    fixable=rule.fix,
                    origin=rule_file.origin,
                )
    for code_rule in CODE_RULES:
        if code_rule.id in active:
            catalog[code_rule.id] = RuleInfo(
                id=code_rule.id,
                category=code_rule.category,
                severity=config.severity_of(code_rule.id, code_rule.severity),
                message=code_rule.message,
                suggestion=code_rule.suggestion,
                fixable=False,
                origin="followkit.tone (code)",
            )
    return dict(sorted(catalog.items()))


def _general(message: str) -> str:
    """Return a rule's message for a listing: ``{match}`` stands for any matched text."""
    return message.replace("{match}", "…")


def _read(path: str) -> tuple[str, bool]:
    """Return the text of *path* and whether it started with a byte-order mark."""
    data = read_bytes(path)
    return _decode(data, source_name(path)), data.startswith(_BOM.encode("utf-8"))


def run_check(args: argparse.Namespace) -> int:
    """Check files (or stdin) and report; fix or diff on request."""
    paths: list[str] = args.files or [STDIO]
    if paths.count(STDIO) > 1:
        raise UsageError("standard input ('-') can be read only once")
    if args.fix and STDIO in paths and len(paths) > 1:
        raise UsageError("--fix rewrites files in place; check stdin on its own")
    if args.fix and STDIO in paths and args.format != "text":
        raise UsageError("--fix on stdin prints the fixed text; --format does not apply")
    refuse_overwriting_inputs(args.output, paths)
    checker = _checker(
        args.locale, args.config, fallback=args.fallback_locale, own_process=args.own_process
    )
    results: list[Checked] = []
    rewrites: list[tuple[str, str]] = []
    # Read and check everything first, so that a bad file named late on the command line
    # stops the run before any file is rewritten.
    for path in paths:
        text, bom = _read(path)
        if not text.strip():
            raise InputFileError("is empty; there is no text to check", source=source_name(path))
        report = _check(checker, text, path, own_process=args.own_process)
        fixed = report.fixed() if (args.fix or args.diff) else None
        if args.fix and fixed is not None and fixed != text:
            report = _check(checker, fixed, path)
            if path != STDIO:
                rewrites.append((path, (_BOM if bom else "") + fixed))
        results.append(
            Checked(path=source_name(path), text=text, report=report, fixed=fixed, bom=bom)
        )
    for path, content in rewrites:
        atomic_write(path, content)
    _notes(results, fix=args.fix, stdin_alone=paths == [STDIO])
    if args.diff:
        diff = "".join(_diff(item) for item in results)
        write_output(args.output, diff)
        return 1 if diff else 0
    if args.fix and paths == [STDIO]:
        write_output(args.output, results[0].fixed or "")
    else:
        write_output(args.output, _render(args.format, results, checker))
    threshold = _RANK[args.fail_on]
    failing = any(
        _RANK[finding.severity] <= threshold for item in results for finding in item.report.findings
    )
    return 1 if failing else 0


def _notes(results: list[Checked], *, fix: bool, stdin_alone: bool) -> None:
    """Tell on standard error what the report cannot show: language doubts, what --fix left.

    Standard output holds the report, or the fixed text when ``--fix`` reads stdin.
    """
    lines = [
        f"{item.path}: note: {warning}" for item in results for warning in item.report.warnings
    ]
    if lines:
        lines.append("(check with --locale auto to use the rules of the text's own language)")
    for item in results:
        left = item.report.findings
        if not (fix and left):
            continue
        if stdin_alone:  # the findings are nowhere else: the fixed text is the output
            lines.extend(
                f"{item.path}:{f.line}:{f.column}: {f.severity} {f.rule_id} {f.message}"
                for f in left
            )
        them = "it" if len(left) == 1 else "them"
        lines.append(
            f"{item.path}: --fix could not rewrite {_plural(len(left), 'finding')}; "
            f"reword {them} yourself"
        )
    if lines:
        sys.stderr.write("".join(f"{line}\n" for line in lines))
        sys.stderr.flush()


def _check(checker: Checker, text: str, path: str, *, own_process: bool = False) -> Report:
    try:
        return _frozen(lambda: checker.check(text), own_process=own_process)
    except InvalidInputError as exc:  # such as a text over the checker's size limit
        raise InputFileError(exc.reason, source=source_name(path)) from None


def _diff(item: Checked) -> str:
    import difflib  # noqa: PLC0415

    if item.fixed is None or item.fixed == item.text:
        return ""
    # The diff is of the file's bytes as patch(1) and git apply read them: with its byte-order
    # mark, and marking a last line that has no line feed.
    mark = _BOM if item.bom else ""
    lines = difflib.unified_diff(
        (mark + item.text).splitlines(keepends=True),
        (mark + item.fixed).splitlines(keepends=True),
        fromfile=f"a/{item.path}",
        tofile=f"b/{item.path}",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _render(kind: str, results: list[Checked], checker: Checker) -> str:
    if kind == "json":
        import json  # noqa: PLC0415

        document = {
            "files": [{"path": item.path, **item.report.as_dict()} for item in results],
            "summary": _counts(results),
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if kind == "sarif":
        import json  # noqa: PLC0415

        return json.dumps(sarif(results, checker), indent=2, ensure_ascii=False) + "\n"
    return _text(results)


def _counts(results: list[Checked]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0, "files": len(results)}
    for item in results:
        for finding in item.report.findings:
            counts[finding.severity] += 1
    return counts


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _text(results: list[Checked]) -> str:
    blocks: list[str] = []
    for item in results:
        if item.fixed is not None and item.fixed != item.text:
            blocks.append(f"{item.path}: applied the safe rewrites; what remains is below\n")
        lines = Lines(item.report.text)
        blocks.extend(_finding_block(item.path, lines, finding) for finding in item.report.findings)
    counts = _counts(results)
    scores = ", ".join(f"{item.path} {item.report.score}/100" for item in results)
    blocks.append(
        f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
        f"{_plural(counts['info'], 'note')} in {_plural(counts['files'], 'file')} "
        f"(courtesy score: {scores})\n"
    )
    locales = ", ".join(
        f"{item.path} {item.report.locale} ({_HOW[item.report.locale_source]})" for item in results
    )
    return "\n".join(blocks) + f"locale: {locales}\n"


# How the report's locale was chosen, for people.
_HOW = {
    "given": "--locale",
    "detected": "read from the text",
    "fallback": "--fallback-locale: the language was unclear",
    "message": "the message's",
    "default": "the default",
}


def _finding_block(path: str, lines: Lines, finding: Finding) -> str:
    from followkit.tone._report import carets  # noqa: PLC0415  (the report's own markers)

    text = lines.line(finding.line)
    start = finding.column - 1
    head = f"{path}:{finding.line}:{finding.column}: {finding.severity} {finding.rule_id}"
    block = [
        f"{head} {finding.message}",
        f"    {text}",
        f"    {carets(text, start, start + finding.end - finding.start)}",
    ]
    if finding.suggestion:
        block.append(f"    suggestion: {finding.suggestion}")
    return "\n".join(block) + "\n"


def _uri(path: str) -> str:
    from pathlib import Path, PurePath  # noqa: PLC0415
    from urllib.parse import quote  # noqa: PLC0415

    if path == source_name(STDIO):
        return "stdin"
    if PurePath(path).is_absolute():
        return Path(path).as_uri()
    return quote(PurePath(path).as_posix())


def _replacement(report: Report, finding: Finding) -> str | None:
    """Return the text ``--fix`` puts in place of *finding*, or ``None`` if none."""
    if not (finding.fixable and finding.suggestion and finding.end > finding.start):
        return None
    # Fixing with this one finding alone gives exactly its replacement, with the
    # capitalisation the checker chose.
    original = (report.subject or "") if finding.part == "subject" else report.text
    fixed = attrs.evolve(report, findings=(finding,)).fixed(finding.part)
    grown = len(fixed) - len(original)
    return fixed[finding.start : finding.end + grown]


def sarif(results: list[Checked], checker: Checker) -> dict[str, Any]:
    """Return the findings as a SARIF 2.1.0 log (one run, one result per finding)."""
    from followkit.cli import _version  # noqa: PLC0415

    catalog: dict[str, RuleInfo] = {}
    for locale in sorted({item.report.locale for item in results}, reverse=True):
        catalog.update(rule_catalog(checker.for_locale(locale)))
    used = sorted({f.rule_id for item in results for f in item.report.findings})
    index = {rule_id: position for position, rule_id in enumerate(used)}
    rules = []
    for rule_id in used:
        info = catalog.get(rule_id)
        rule: dict[str, Any] = {"id": rule_id, "name": rule_id}
        if info is not None:
            rule["shortDescription"] = {"text": info.message}
            rule["defaultConfiguration"] = {"level": _SARIF_LEVEL[info.severity]}
            rule["properties"] = {"category": info.category, "tags": [info.category]}
            if info.suggestion:
                rule["help"] = {"text": info.suggestion}
        rules.append(rule)
    run_results = []
    for item in results:
        lines = Lines(item.report.text)
        for finding in item.report.findings:
            end_line, end_column = lines.position(finding.end)
            region: dict[str, Any] = {
                "startLine": finding.line,
                "startColumn": finding.column,
                "endLine": end_line,
                "endColumn": end_column,
                "charOffset": finding.start,
                "charLength": finding.end - finding.start,
            }
            if finding.text:
                region["snippet"] = {"text": finding.text}
            message = finding.message
            if finding.suggestion:
                message = f"{message} Suggestion: {finding.suggestion}"
            result: dict[str, Any] = {
                "ruleId": finding.rule_id,
                "ruleIndex": index[finding.rule_id],
                "level": _SARIF_LEVEL[finding.severity],
                "message": {"text": message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(item.path)},
                            "region": region,
                        }
                    }
                ],
            }
            replacement = _replacement(item.report, finding)
            if replacement is not None:
                result["fixes"] = [
                    {
                        "description": {"text": f"Replace with '{replacement}'"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": _uri(item.path)},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "charOffset": finding.start,
                                            "charLength": finding.end - finding.start,
                                        },
                                        "insertedContent": {"text": replacement},
                                    }
                                ],
                            }
                        ],
                    }
                ]
            run_results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "followkit",
                        "version": _version(),
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": run_results,
            }
        ],
    }


def run_rules(args: argparse.Namespace) -> int:
    """List the active rules of a locale (and configuration)."""
    if args.locale == "auto":
        raise UsageError("--locale: rules lists the rules of one locale; name it (en, de, fr, es)")
    checker = _checker(args.locale, args.config)
    catalog = rule_catalog(checker)
    if args.format == "json":
        import json  # noqa: PLC0415

        document = {
            "locale": checker.locale,
            "rules": [info.as_dict() for info in catalog.values()],
        }
        write_output(None, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return 0
    out: list[str] = []
    category = None
    for info in catalog.values():
        if info.category != category:
            category = info.category
            out.append(f"\n{category}\n")
        fix = " (fixable)" if info.fixable else ""
        out.append(f"  {info.id:<36} {info.severity:<8}{info.message}{fix}\n")
        if info.suggestion:
            out.append(f"  {'':<36} {'':<8}suggestion: {info.suggestion}\n")
    out.append(f"\n{_plural(len(catalog), 'rule')} for locale {checker.locale}\n")
    write_output(None, "".join(out).lstrip("\n"))
    return 0
