"""Sphinx configuration for the followkit documentation."""

from __future__ import annotations

import sys
from importlib.metadata import version as _version
from pathlib import Path

DOCS = Path(__file__).parent
sys.path.insert(0, str(DOCS))
sys.path.insert(0, str(DOCS / "_ext"))  # local extensions, such as cli_help

from _inventories import write_inventories

project = "followkit"
author = "The followkit authors"
copyright = "2026, The followkit authors"
release = _version("followkit")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "cli_help",  # renders `followkit --help` of every command at build time
    "rules_reference",  # generates the tone rules reference from the rule files
    "intent_reference",  # lists the intent models' strongest features from the model files
    "feedback_reference",  # generates the feedback taxonomy table from the package data
    "attrs_defaults",  # real default values in the signatures of attrs classes
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_preserve_defaults = True
# A signature longer than this lists one parameter per line, instead of wrapping in the
# middle of a default value such as time(18, 0).
python_maximum_signature_line_length = 88
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

# The build runs offline (CI has no network), so intersphinx reads inventories generated
# here from a table of the names these docs refer to; the links still point at the real
# documentation sites.
intersphinx_mapping = write_inventories(DOCS / "_build" / "inventories")

nitpicky = True
nitpick_ignore_regex = [
    # attrs-generated and private helpers that autodoc may mention in signatures.
    ("py:class", r"followkit\._.*"),
]

html_theme = "furo"
html_title = f"followkit {release}"
html_static_path = ["_static"]
html_css_files = ["followkit.css"]
