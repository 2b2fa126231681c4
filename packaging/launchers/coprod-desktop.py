"""PyInstaller entry point of the GUI executable (see packaging/coprod-desktop.spec)."""

import sys

from coprod_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
