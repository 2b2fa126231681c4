"""`coprod history`: a table with a header, fields by their labels, in the chosen language."""

from __future__ import annotations

from coprod_desktop.services import initiatives
from coprod_desktop.store.migrate import open_database


def test_history_has_a_header_and_field_labels(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    db = open_database(demo_db, user="anna")
    try:
        data = initiatives.get_initiative(db, "CP-2024-003")
        data.participation_level = "empower"
        initiatives.save_initiative(db, data)
    finally:
        db.dispose()
    result = run_cli("--db", demo_db, "history", "CP-2024-003")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["When", "Who", "Action", "What", "Field", "Change"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    changed = next(line for line in lines if "empower" in line)
    assert "anna" in changed and "changed" in changed and "Participation level" in changed
    assert "participation_level" not in result.out
    danish = run_cli("--db", demo_db, "--lang", "da", "history", "CP-2024-003")
    assert danish.out.splitlines()[0].split() == [
        "Hvornår",
        "Hvem",
        "Handling",
        "Hvad",
        "Felt",
        "Ændring",
    ]
    assert "Deltagelsesniveau" in danish.out
