"""`python -m cchc_desktop [WORKSPACE]` starts the GUI."""

from __future__ import annotations

import sys


def main() -> int:
    from .gui.app import main as gui_main

    return gui_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
