"""A refused stale save names the initiative, who changed it and when, in both languages."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from coprod_desktop.domain.errors import ConflictError
from coprod_desktop.services import initiatives
from coprod_desktop.store.migrate import open_database
from tests.core import factories


def test_a_stale_save_names_the_initiative_the_colleague_and_the_time(db_path: Path) -> None:
    me = open_database(str(db_path), user="bo")
    anna = open_database(str(db_path), user="anna")
    try:
        made = factories.initiative(me, "Havnen for alle")
        assert made.id is not None
        theirs = initiatives.get_initiative(anna, made.id)
        mine = initiatives.get_initiative(me, made.id)
        theirs.title = "Havnen for alle og enhver"
        before = datetime.now().replace(second=0, microsecond=0)
        initiatives.save_initiative(anna, theirs)
        mine.summary = "Mit resumé"
        with pytest.raises(ConflictError) as caught:
            initiatives.save_initiative(me, mine)
    finally:
        me.dispose()
        anna.dispose()
    english = caught.value.message("en")
    match = re.fullmatch(
        rf"{made.reference} was changed by anna at (\d\d:\d\d) since you opened it; "
        r"nothing was saved",
        english,
    )
    assert match, english
    assert datetime.strptime(match.group(1), "%H:%M").time() >= before.time() or (
        before.hour == 23  # the minute may have rolled over midnight
    )
    assert caught.value.message("da") == (
        f"{made.reference} er ændret af anna kl. {match.group(1)}, siden du åbnede den; "
        "intet blev gemt"
    )


def test_a_conflict_from_an_import_says_the_file_is_older() -> None:
    error = ConflictError(
        "initiative", "CP-2024-003", who="anna", at=datetime(2024, 3, 1, 14, 2), since="exported"
    )
    assert error.message("en") == (
        "CP-2024-003 was changed by anna at 2024-03-01 14:02 since the file was exported; "
        "nothing was saved"
    )
    assert "siden filen blev eksporteret" in error.message("da")
    unnamed = ConflictError("initiative", "CP-2024-003")
    assert unnamed.message("en") == (
        "initiative CP-2024-003 was changed by someone else since you opened it; nothing was saved"
    )
