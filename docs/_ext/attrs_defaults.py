"""Sphinx extension: show the real default values in the signatures of attrs classes.

``autodoc_preserve_defaults`` shows a default as it is written in the source of
``__init__``, which reads well for a hand-written ``__init__``. attrs writes the
``__init__`` of its classes itself, and its source says ``attr_dict['nudges'].default``
for every default. For those classes the signature is rebuilt here from the values:
``nudges=1``, ``condition=Condition.ALWAYS``, ``thank_you_delay=timedelta(hours=2)``, and
for a default made by a factory, what the factory makes (``checklist=()``).

After the build, any page that still shows an attrs source expression is a warning, which
``sphinx-build -W`` turns into an error.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re
from pathlib import Path
from typing import Any

import attrs

#: What attrs' generated source writes for a default, and so must not reach a page.
LEAK = "attr_dict["
#: A signature on a built page (prose, such as the changelog, may name the expression).
SIGNATURE = re.compile(r'<dt class="sig[ "].*?</dt>', re.DOTALL)


class Default:
    """A default value that shows as the text given (``inspect.Signature`` uses repr)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _timedelta(value: dt.timedelta) -> str:
    seconds = int(value.total_seconds())
    if value != dt.timedelta(seconds=seconds) or seconds < 0:
        return repr(value)
    units = []
    for name, size in (("days", 86_400), ("hours", 3_600), ("minutes", 60), ("seconds", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            units.append(f"{name}={count}")
    return f"timedelta({', '.join(units)})"


def show(value: object) -> str:
    """Return a default value as a reader would write it."""
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, dt.timedelta):
        return _timedelta(value)
    return repr(value).removeprefix("datetime.")  # time(9, 30), as the source writes it


def _field_default(field: attrs.Attribute[Any]) -> str:
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:  # type: ignore[attr-defined]
            return "<computed>"
        return show(default.factory())  # type: ignore[attr-defined]
    return show(default)


def generated_init(cls: type) -> bool:
    """Return whether *cls* is an attrs class whose ``__init__`` attrs wrote."""
    code = getattr(cls.__init__, "__code__", None)  # type: ignore[misc]
    return attrs.has(cls) and code is not None and code.co_filename.startswith("<attrs generated")


def signature(cls: type) -> str:
    """Return the constructor signature of an attrs class with its real default values."""
    fields = {field.alias: field for field in attrs.fields(cls)}
    parameters = []
    for parameter in inspect.signature(cls).parameters.values():
        change: dict[str, Any] = {"annotation": inspect.Parameter.empty}
        if parameter.default is not inspect.Parameter.empty:
            field = fields.get(parameter.name)
            text = _field_default(field) if field is not None else show(parameter.default)
            change["default"] = Default(text)
        parameters.append(parameter.replace(**change))
    return str(inspect.Signature(parameters))


def process_signature(  # noqa: PLR0913, PLR0917  (the arguments of the Sphinx event)
    app: Any,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    args: str | None,
    return_annotation: str | None,
) -> tuple[str, str | None] | None:
    """Replace the signature of an attrs class that has a generated ``__init__``."""
    if what not in {"class", "exception"} or not isinstance(obj, type):
        return None
    if not generated_init(obj):
        return None
    return signature(obj), return_annotation


def check_pages(app: Any, exception: BaseException | None) -> None:
    """Warn about every signature on a built page that shows attrs' source as a default."""
    if exception is not None or app.builder.format != "html":
        return
    from sphinx.util import logging  # noqa: PLC0415

    logger = logging.getLogger(__name__)
    for page in sorted(Path(app.outdir).rglob("*.html")):
        for signature in SIGNATURE.findall(page.read_text(encoding="utf-8")):
            if LEAK in signature:
                logger.warning("%s shows %r instead of a default value", page, LEAK)
                break


def setup(app: Any) -> dict[str, Any]:
    """Register the extension."""
    app.connect("autodoc-process-signature", process_signature)
    app.connect("build-finished", check_pages)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
