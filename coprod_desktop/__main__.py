"""`python -m coprod_desktop` and `coprod-desktop`: start the GUI."""

from __future__ import annotations

import sys


def main() -> int:
    from coprod_desktop.ui.app import run

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
