"""`python -m cchc_desktop.cli ...` runs the `cchc` command."""

from __future__ import annotations

import sys

from . import main

if __name__ == "__main__":
    sys.exit(main())
