"""Run the followkit command line: ``python -m followkit``."""

from __future__ import annotations

import sys

from followkit.cli import main

if __name__ == "__main__":
    sys.exit(main())
