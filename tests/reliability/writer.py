"""A writer process for the SIGKILL test: saves, updates and imports in a loop, forever.

It prints one JSON line *after* each commit (and a `plan` line before each import), so the
test knows what must be in the database after the kill. Every initiative keeps an invariant
that a half-done save would break: title `REF vN` and exactly N + 2 journal entries.

usage: python writer.py DB TAG SEED WORKDIR
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date
from pathlib import Path

from coprod_desktop.domain import model as d
from coprod_desktop.services import exchange, initiatives, spreadsheet
from coprod_desktop.store.migrate import open_database


def say(**record: object) -> None:
    print(json.dumps(record), flush=True)


def new_initiative(ref: str) -> d.InitiativeData:
    return d.InitiativeData(
        reference=ref,
        title=f"{ref} v1",
        sector="harbours",
        status="active",
        description="Beskrivelse " * 200,
        journal=[
            d.JournalData(date=date(2025, 1, n), kind="meeting", summary=f"{ref} møde {n}")
            for n in (1, 2, 3)
        ],
        cross_pressures=[d.PressureData(category="silo_structure", severity=2, status="open")],
    )


def document(refs: list[str]) -> dict[str, object]:
    return {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": [],
        "initiatives": [
            {
                "key": ref,
                "reference": ref,
                "title": f"{ref} v1",
                "sector": "employment",
                "status": "idea",
                "description": "Importeret " * 300,
                "journal": [
                    {"date": f"2025-02-0{n}", "kind": "note", "summary": f"{ref} {n}"}
                    for n in (1, 2, 3)
                ],
            }
            for ref in refs
        ],
    }


def write_csv(path: Path, refs: list[str]) -> None:
    lines = ["reference,title,sector,status,description"]
    lines += [f'{ref},{ref} v1,eldercare,preparing,"{"Ark " * 200}"' for ref in refs]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def main() -> None:
    db_path, tag, seed, workdir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rnd = random.Random(seed)
    db = open_database(db_path, user="writer", auto_backup=True)
    say(op="ready")
    mine: list[int] = []
    count = 0

    def ref() -> str:
        nonlocal count
        count += 1
        return f"K{tag:04d}-{count:04d}"

    while True:
        op = rnd.choice(("save", "save", "update", "update", "json", "csv"))
        if op == "save" or (op == "update" and not mine):
            saved = initiatives.save_initiative(db, new_initiative(ref()))
            assert saved.id is not None
            mine.append(saved.id)
            say(op="save", ref=saved.reference, version=saved.version, title=saved.title)
        elif op == "update":
            edit = initiatives.get_initiative(db, rnd.choice(mine))
            updates = len(edit.journal) - 2
            edit.title = f"{edit.reference} v{updates + 1}"
            edit.description = f"Opdateret {updates + 1} " * 300
            edit.journal.append(
                d.JournalData(date=date(2025, 3, 1), kind="note", summary=f"opdatering {updates}")
            )
            saved = initiatives.save_initiative(db, edit)
            say(op="update", ref=saved.reference, version=saved.version, title=saved.title)
        else:
            refs = [ref() for _ in range(rnd.randint(2, 8))]
            say(op="plan", refs=refs)
            if op == "json":
                exchange.import_document(db, document(refs))
            else:
                path = Path(workdir) / f"batch-{tag}-{count}.csv"
                write_csv(path, refs)
                spreadsheet.import_sheet(db, path)
            say(op="import", kind=op, refs=refs)


if __name__ == "__main__":
    main()
