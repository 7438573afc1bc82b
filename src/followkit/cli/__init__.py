"""The ``followkit`` command: check, draft and plan follow-ups from the shell.

Run ``followkit --help`` (or ``python -m followkit --help``) for the commands, and
``followkit COMMAND --help`` for each command's options and examples.

Exit status: 0 when all went well, 1 when ``check`` found something at or above the
``--fail-on`` level, 2 for a usage or input error. Every error is one line on standard
error that names the file, row or field; no command ever writes an output file partially.

The module imports only :mod:`argparse` at start-up; each command loads what it needs when
it runs, so that ``followkit --version`` and ``followkit check`` start quickly.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import argparse
import os
import sys

# Not `from typing import ...`: typing would add measurably to every start-up.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any, NoReturn

__all__ = ["build_parser", "main"]

PROG = "followkit"

#: Message kinds ``followkit draft`` builds, named as on the command line (the builder is
#: the same name with underscores, in :mod:`followkit.messages`).
DRAFT_KINDS = (
    "thank-you",
    "feedback-request",
    "thank-you-and-feedback",
    "referral-request",
    "stay-connected",
    "feedback-acknowledgement",
    "nudge",
    "connection-note",
)

#: Feedback questions ``--question`` accepts: :class:`followkit.messages.Question` members,
#: named as on the command line (a test keeps the two in step).
QUESTIONS = (
    "areas-to-improve",
    "concerns-raised",
    "skills-or-experience",
    "impression",
    "resources",
    "better-fit",
)

_MAIN_EPILOG = """\
examples:
  followkit check draft.txt                 check the tone of a draft
  followkit draft thank-you-and-feedback --from app.json
  followkit plan --from tracker.csv --format ics -o followups.ics
  followkit feedback acme.txt globex.txt    what the feedback names, and what recurs
  followkit rules --locale de               list the German tone rules

exit status: 0 success, 1 check found problems, 2 usage or input error
"""

_CHECK_EPILOG = """\
examples:
  followkit check draft.txt                 the language is read from the text
  followkit check --locale de --fail-on info mail-de.txt notes.txt
  pbpaste | followkit check -               check what is on the clipboard
  followkit check --format sarif -o tone.sarif drafts/*.txt
  followkit check --diff draft.txt          show what --fix would change
  followkit check --fix draft.txt           apply the safe rewrites in place

Each text is checked with the rules of the language it is written in (en, de, fr or es),
read from the text itself; a text too short or too mixed to tell is checked in
--fallback-locale. With --locale, a text that clearly reads as another language gets a
note on standard error.

exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for errors
"""

_DRAFT_EPILOG = """\
examples:
  followkit draft thank-you-and-feedback --from app.json
  followkit draft thank-you --company "Acme Analytics" --position "Data Engineer" \\
      --name "Alex Kim" --email alex@example.com \\
      --contact-name "Jordan Lee" --contact-email jordan@acme.example
  followkit draft feedback-request --from app.toml --locale de --register warm
  followkit draft thank-you --from app.json --format eml -o reply.eml

Flags override the values read with --from. Without --decided the decision is taken to
be now; --timezone defaults to UTC (it matters for plans more than for drafts).
"""

_PLAN_EPILOG = """\
examples:
  followkit plan --from app.json
  followkit plan --from tracker.csv --format ics -o followups.ics
  followkit plan --from apps.json --format json --now 2026-11-20T16:00+01:00
  cat app.toml | followkit plan --from - --input-format toml

A CSV file has a header row and one application per row (company, position,
candidate_name, contact_name, decided_at, timezone, ...); see the file-format docs.
"""

_FEEDBACK_EPILOG = """\
examples:
  followkit feedback acme.txt               areas, strengths, constraints, question
  followkit feedback --date 2026-01-12 --date 2026-03-02 acme.txt globex.txt
  followkit feedback --format json feedback/*.txt
  pbpaste | followkit feedback --date 2026-09-02 -

Each file holds one piece of feedback, in any of en, de, fr, es (read from the text
unless --locale names it). Dates come from --date, one per file in the order of the
files, or else from each file's modification day (standard input has none). With
several files, the areas that recur are listed with the dates they came up.
"""

_RULES_EPILOG = """\
examples:
  followkit rules
  followkit rules --locale fr --format json
"""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, raised rather than printed."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: error: {message} (see '{self.prog} --help')")


class _UsageError(Exception):
    """A command-line usage error, already formatted as one line."""


class _VersionAction(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        sys.stdout.write(f"{PROG} {_version()}\n")
        parser.exit(0)


def _version() -> str:
    """Return the installed version from the distribution's metadata.

    :mod:`importlib.metadata` costs more to import than the rest of the command together,
    so the metadata file is located directly on ``sys.path`` first.
    """
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")  # noqa: PTH208  (cheaper than pathlib)
        except OSError:
            continue
        for name in names:
            if name.startswith("followkit-") and name.endswith(".dist-info"):
                path = os.path.join(entry or ".", name, "METADATA")  # noqa: PTH118
                try:
                    with open(path, encoding="utf-8") as handle:  # noqa: PTH123
                        for line in handle:
                            if line.startswith("Version:"):
                                return line.partition(":")[2].strip()
                            if not line.strip():
                                break
                except OSError:
                    continue
    from importlib.metadata import version  # noqa: PLC0415  (fallback: zip imports etc.)

    return version("followkit")


def _kind(value: str) -> str:
    name = value.strip().lower().replace("_", "-")
    if name not in DRAFT_KINDS:
        raise argparse.ArgumentTypeError(
            f"unknown kind {value!r} (choose from {', '.join(DRAFT_KINDS)})"
        )
    return name


def _variant(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be 0 or more")
    return number


def _add(parent: Any, name: str, *, summary: str, epilog: str, handler: str) -> Any:
    parser = parent.add_parser(
        name,
        help=summary,
        description=summary[:1].upper() + summary[1:] + ".",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=handler)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``followkit`` command.

    The documentation renders the ``--help`` of every command from this parser, so the
    reference cannot drift from the code.

    Returns:
        A new parser; its subcommands are ``check``, ``draft``, ``plan``, ``feedback`` and
        ``rules``.

    .. versionadded:: 0.1.0
    """
    parser = _Parser(
        prog=PROG,
        description="Draft, check and plan courteous follow-ups after a job rejection.",
        epilog=_MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    commands.required = True
    _check_parser(commands)
    _draft_parser(commands)
    _plan_parser(commands)
    _feedback_parser(commands)
    _rules_parser(commands)
    return parser


def _check_parser(commands: Any) -> None:
    check = _add(
        commands,
        "check",
        summary="check the tone of follow-up texts",
        epilog=_CHECK_EPILOG,
        handler="followkit.cli._check:run_check",
    )
    check.add_argument(
        "files", nargs="*", metavar="FILE", help="UTF-8 text files; none or '-' reads stdin"
    )
    check.add_argument(
        "--locale",
        default="auto",
        help="language of the texts: en, de, fr, es (or regional), or auto (the default): "
        "read from each text",
    )
    check.add_argument(
        "--fallback-locale",
        metavar="LOCALE",
        default="en",
        help="with --locale auto, the language of texts too short to tell (default: en)",
    )
    check.add_argument("--config", metavar="FILE", help="a tone-checker configuration (TOML)")
    check.add_argument(
        "--format",
        choices=("text", "json", "sarif"),
        default="text",
        help="text (compiler-like, the default), json, or sarif (SARIF 2.1.0 for CI)",
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="warning",
        help="lowest severity that makes the exit status 1 (default: warning)",
    )
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument(
        "--fix",
        action="store_true",
        help="apply the safe rewrites: files in place (atomically), stdin to stdout",
    )
    fixing.add_argument(
        "--diff", action="store_true", help="show what --fix would change, as a unified diff"
    )
    check.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout"
    )


def _draft_parser(commands: Any) -> None:
    draft = _add(
        commands,
        "draft",
        summary="draft a follow-up message",
        epilog=_DRAFT_EPILOG,
        handler="followkit.cli._draft:run_draft",
    )
    draft.add_argument("kind", type=_kind, metavar="KIND", help=", ".join(DRAFT_KINDS))
    draft.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        help="an application file (.json, .toml, or a one-row .csv); '-' reads stdin",
    )
    draft.add_argument(
        "--input-format",
        choices=("json", "toml", "csv"),
        help="format of --from (default: from the extension; json for stdin)",
    )
    _ignore_unknown_columns(draft)
    app = draft.add_argument_group("application (override or replace --from)")
    for flag, metavar, text in (
        ("--company", "TEXT", "the company that interviewed you"),
        ("--position", "TEXT", "the position you applied for"),
        ("--name", "TEXT", "your name, as you sign"),
        ("--email", "ADDRESS", "your e-mail address"),
        ("--profile-url", "URL", "your public profile, added under the signature"),
        ("--contact-name", "TEXT", "the person you write to"),
        ("--contact-email", "ADDRESS", "their e-mail address"),
        ("--contact-role", "TEXT", "their role, such as Recruiter"),
        ("--decided", "DATETIME", "when the decision reached you (ISO 8601; default: now)"),
        ("--interviewed", "DATE", "the date of your (last) interview (ISO 8601)"),
        ("--timezone", "ZONE", "the recipient's IANA time zone (default: UTC)"),
        ("--territory", "CODE", "the recipient's country (ISO 3166-1), for holidays"),
        ("--subdivision", "CODE", "the recipient's region (ISO 3166-2), such as DE-BY"),
        ("--highlight", "TEXT", "what you valued, to follow 'I especially enjoyed ...'"),
        ("--reply-subject", "TEXT", "the subject of the e-mail you reply to"),
        ("--locale", "LOCALE", "the language to write in: en, de, fr, es (or regional)"),
    ):
        app.add_argument(flag, metavar=metavar, help=text)
    style = draft.add_argument_group("message")
    style.add_argument("--register", choices=("formal", "warm"), help="tone of address")
    style.add_argument("--length", choices=("brief", "standard"), help="message length")
    style.add_argument(
        "--variant", type=_variant, metavar="N", help="pick among equivalent phrasings"
    )
    style.add_argument(
        "--channel",
        choices=("email", "linkedin_message"),
        help="where the message is sent (where the kind allows a choice)",
    )
    style.add_argument(
        "--in-reply-to",
        metavar="MESSAGE-ID",
        help="the Message-ID of the e-mail answered, such as <abc.123@mail.example>",
    )
    extra = draft.add_argument_group("what some kinds add")
    extra.add_argument(
        "--question",
        action="append",
        choices=QUESTIONS,
        metavar="QUESTION",
        help=f"feedback-request, thank-you-and-feedback: ask this (1-3 times; "
        f"{', '.join(QUESTIONS)})",
    )
    extra.add_argument("--update", metavar="TEXT", help="stay-connected: your news, in a sentence")
    extra.add_argument(
        "--feedback", metavar="TEXT", help="feedback-acknowledgement: what the feedback said"
    )
    extra.add_argument(
        "--action",
        metavar="TEXT",
        help="feedback-acknowledgement: what you are doing about it",
    )
    extra.add_argument(
        "--sent-on", metavar="DATE", help="nudge: when the unanswered message was sent"
    )
    draft.add_argument(
        "--format",
        choices=("text", "eml", "json", "mailto"),
        default="text",
        help="text (the default), eml (an e-mail file), json, or a mailto: link",
    )
    draft.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def _plan_parser(commands: Any) -> None:
    plan = _add(
        commands,
        "plan",
        summary="plan when to send each follow-up",
        epilog=_PLAN_EPILOG,
        handler="followkit.cli._plan:run_plan",
    )
    plan.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        required=True,
        help="applications: .json (one or a list), .toml, or .csv (bulk); '-' reads stdin",
    )
    plan.add_argument(
        "--input-format",
        choices=("json", "toml", "csv"),
        help="format of --from (default: from the extension; json for stdin)",
    )
    _ignore_unknown_columns(plan)
    plan.add_argument(
        "--now",
        metavar="DATETIME",
        help="plan as if it were this moment (ISO 8601 with offset; default: now)",
    )
    plan.add_argument(
        "--format",
        choices=("text", "json", "ics"),
        default="text",
        help="text (an agenda, the default), json, or ics (iCalendar)",
    )
    plan.add_argument("--locale", help="language of the text agenda (default: each application's)")
    plan.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def _feedback_parser(commands: Any) -> None:
    feedback = _add(
        commands,
        "feedback",
        summary="read recruiter feedback: what to improve, and what recurs",
        epilog=_FEEDBACK_EPILOG,
        handler="followkit.cli._feedback:run_feedback",
    )
    feedback.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="UTF-8 text files, one piece of feedback each; none or '-' reads stdin",
    )
    feedback.add_argument(
        "--locale",
        default="auto",
        help="language of the feedback: en, de, fr, es (or regional), or auto (the "
        "default): read from each text",
    )
    feedback.add_argument(
        "--date",
        action="append",
        metavar="DATE",
        help="when a file's feedback arrived (ISO 8601), once per file in order "
        "(default: each file's modification day)",
    )
    feedback.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (the default) or json"
    )
    feedback.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout"
    )


def _ignore_unknown_columns(parser: Any) -> None:
    parser.add_argument(
        "--ignore-unknown-columns",
        action="store_true",
        help="skip CSV columns followkit does not know (such as a tracker's own notes)",
    )


def _rules_parser(commands: Any) -> None:
    rules = _add(
        commands,
        "rules",
        summary="list the tone rules",
        epilog=_RULES_EPILOG,
        handler="followkit.cli._check:run_rules",
    )
    rules.add_argument("--locale", default="en", help="the rules of this locale (default: en)")
    rules.add_argument("--config", metavar="FILE", help="include a configuration's extra rules")
    rules.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (the default) or json"
    )


def _load_handler(spec: str) -> Callable[[argparse.Namespace], int]:
    import importlib  # noqa: PLC0415

    module, _, name = spec.partition(":")
    handler: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(module), name)
    return handler


def _fail(message: str) -> int:
    # One line, whatever the message holds: a traceback-free, grep-able error.
    # Arguments may hold lone surrogates (undecodable bytes in argv); show them escaped.
    line = " ".join(message.split()).encode("utf-8", "backslashreplace").decode("utf-8")
    sys.stderr.write(f"{line}\n")
    sys.stderr.flush()
    return 2


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911  (one exit per error kind)
    """Run the ``followkit`` command.

    Args:
        argv: The arguments, without the program name; by default ``sys.argv[1:]``.

    Returns:
        0 on success, 1 when ``check`` found something at or above the ``--fail-on``
        level, 2 for a usage or input error (reported on standard error as one line).

    .. versionadded:: 0.1.0
    """
    from followkit.errors import FollowkitError  # noqa: PLC0415

    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments == ["--version"]:
        # Building the whole parser costs more than the rest of this answer together.
        sys.stdout.write(f"{PROG} {_version()}\n")
        return 0
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
        # Run as the program (not called by another one): a command may tune the process.
        args.own_process = argv is None
        return _load_handler(args.handler)(args)
    except SystemExit as exc:  # --help and --version exit through argparse
        return exc.code if isinstance(exc.code, int) else 0
    except _UsageError as exc:
        return _fail(str(exc))
    except FollowkitError as exc:
        return _fail(f"{PROG}: error: {exc}")
    except BrokenPipeError:
        # The reader (such as `head`) went away: stop quietly, without a second error
        # when Python flushes stdout at exit.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):  # stdout is not a real file
            pass
        return _fail(f"{PROG}: error: output closed early (broken pipe)")
    except KeyboardInterrupt:
        return _fail(f"{PROG}: interrupted")
    except MemoryError:
        return _fail(f"{PROG}: error: out of memory (is the input far too large?)")
    except Exception as exc:  # the promise: never a traceback, even for a bug
        return _fail(
            f"{PROG}: internal error: {type(exc).__name__}: {exc} "
            "(please report this at the project's issue tracker)"
        )
