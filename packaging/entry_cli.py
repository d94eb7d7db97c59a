"""PyInstaller entry point of the bundled command line tool (`cchc`)."""

import sys

from cchc_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
