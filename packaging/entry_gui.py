"""PyInstaller entry point of the bundled GUI (`cchc-desktop`); same as `python -m cchc_desktop`."""

import sys

from cchc_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
