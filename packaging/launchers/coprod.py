"""PyInstaller entry point of the `coprod` command-line executable (see packaging/coprod-desktop.spec)."""

import sys

from coprod_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
