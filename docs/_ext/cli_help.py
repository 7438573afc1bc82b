"""Render ``followkit --help`` (and each command's) into the docs at build time.

Usage in a MyST page::

    ```{cli-help} check
    ```

The text comes from the real parser (:func:`followkit.cli.build_parser`), through
:func:`followkit.cli.main`, so the reference cannot drift from the command. The width is
fixed so that the build does not depend on the terminal it runs in.
"""

from __future__ import annotations

import contextlib
import io
import os
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive

WIDTH = "90"


def render_help(command: str | None) -> str:
    """Return the ``--help`` text of *command* (the top level when ``None``)."""
    from followkit.cli import main  # noqa: PLC0415  (loaded when the directive runs)

    argv = [command, "--help"] if command else ["--help"]
    buffer = io.StringIO()
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = WIDTH
    try:
        with contextlib.redirect_stdout(buffer):
            status = main(argv)
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous
    if status != 0:
        raise ValueError(f"followkit {' '.join(argv)} exited with {status}")
    return buffer.getvalue().rstrip() + "\n"


class CliHelp(Directive):
    """``cli-help [COMMAND]``: the help of the command, as a literal block."""

    optional_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        command = self.arguments[0] if self.arguments else None
        try:
            text = render_help(command)
        except ValueError as exc:
            raise self.error(str(exc)) from None
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("cli-help", CliHelp)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
