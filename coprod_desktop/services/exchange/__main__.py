"""`python -m coprod_desktop.services.exchange` prints the whole interchange JSON Schema (the
committed skeleton with every declared field's rules, as the import checks against it), for
those who validate files with other tools."""

from __future__ import annotations

import json
import sys

from coprod_desktop.services.exchange.check import schema


def main() -> int:
    sys.stdout.write(json.dumps(schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
