"""`coprod commitments` and `coprod calendar` as the README and `cli.py` describe them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from coprod_desktop.store.migrate import open_database

CliRunner = Any


@pytest.fixture
def demo(run_cli: CliRunner, tmp_path: Path) -> str:
    target = str(tmp_path / "demo.sqlite")
    assert run_cli("--db", target, "demo").code == 0
    return target


def test_commitments_json_has_the_documented_fields(run_cli: CliRunner, demo: str) -> None:
    result = run_cli("--db", demo, "commitments", "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert len(rows) == 7
    for row in rows:
        assert {
            "id",
            "reference",
            "text",
            "owner",
            "counterpart",
            "due_on",
            "status",
            "done_on",
        } <= (row.keys())
    quay = next(r for r in rows if r["text"].startswith("Clear the stones"))
    assert quay["counterpart"] == "Strandholm Harbour Association"
    assert (quay["status"], quay["done_on"], quay["reference"]) == (
        "done",
        "2024-04-26",
        "CP-2024-001",
    )
    # sorted by due date
    dues = [r["due_on"] for r in rows if r["due_on"]]
    assert dues == sorted(dues)


def test_commitments_filters(run_cli: CliRunner, demo: str) -> None:
    def texts(*args: str) -> list[str]:
        result = run_cli("--db", demo, "commitments", "--format", "json", *args)
        assert result.code == 0, result.err
        return [r["text"] for r in json.loads(result.out)]

    assert len(texts("--owner", "hanne vestergaard")) == 3
    assert texts("--owner", "Hanne Vestergaard", "--status", "open") == [
        "Send the quay plan to the harbour association before the committee meets"
    ]
    assert len(texts("--status", "open,in_progress")) == 5
    assert texts("--due-before", "2024-06-01") == [
        "Clear the stones from the slipway before the grass is sown in May"
    ]
    assert len(texts("--sector", "harbours")) == 3
    assert texts("--owner", "Nobody") == []


def test_commitments_table_in_danish(run_cli: CliRunner, demo: str) -> None:
    result = run_cli("--db", demo, "--lang", "da", "commitments", "--status", "dropped")
    assert result.code == 0, result.err
    assert "Frist" in result.out and "Opgivet" in result.out and "1 aftale" in result.out
    empty = run_cli("--db", demo, "commitments", "--owner", "Nobody")
    assert empty.out.strip() == "No commitments."


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("--status", "finished"), 3),
        (("--due-before", "05-12-2026"), 2),
        (("--sector", "space"), 3),
        (("--format", "xml"), 2),
    ],
)
def test_commitments_bad_input_exits_as_documented(
    run_cli: CliRunner, demo: str, args: tuple[str, ...], code: int
) -> None:
    result = run_cli("--db", demo, "commitments", *args)
    assert result.code == code
    assert "Traceback" not in result.err and result.err.strip()


def _unfold(text: str) -> list[str]:
    """RFC 5545 content lines by hand: CRLF endings, continuation lines start with a space."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines: list[str] = []
    for raw in text.split("\r\n")[:-1]:
        assert len(raw.encode("utf-8")) <= 75, raw
        if raw.startswith((" ", "\t")):
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    return lines


def _events_by_hand(text: str) -> dict[str, dict[str, str]]:
    events: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in _unfold(text):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events[current["UID"]] = current
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return events


def test_calendar_parses_with_icalendar_and_by_hand(
    run_cli: CliRunner, demo: str, tmp_path: Path
) -> None:
    from icalendar import Calendar

    target = tmp_path / "mine.ics"
    result = run_cli("--db", demo, "calendar", "-o", str(target))
    assert result.code == 0, result.err
    raw = target.read_bytes()
    calendar = Calendar.from_ical(raw)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    # open commitments with a due date and the review of every running initiative
    assert "commitment-1@coprod" not in events  # kept already
    quay_plan = events["commitment-2@coprod"]
    assert quay_plan.decoded("DTSTART") == date(2027, 1, 10)
    assert quay_plan.decoded("DTEND") == date(2027, 1, 11)
    assert "quay plan" in str(quay_plan["SUMMARY"])
    assert "Strandholm Harbour Association" in str(quay_plan["DESCRIPTION"])
    reviews = [uid for uid in events if uid.startswith("review-")]
    assert reviews and all(uid.endswith("@coprod") for uid in reviews)
    assert result.out.strip() == f"{len(events)} dates written to {target}"

    by_hand = _events_by_hand(raw.decode("utf-8"))
    assert by_hand.keys() == events.keys()
    assert by_hand["commitment-2@coprod"]["DTSTART;VALUE=DATE"] == "20270110"
    assert all("DTSTAMP" in event for event in by_hand.values())


def test_calendar_uids_stay_the_same_and_the_sequence_rises(
    run_cli: CliRunner, demo: str, tmp_path: Path
) -> None:
    from icalendar import Calendar

    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run_cli("--db", demo, "calendar", "-o", str(first)).code == 0
    db = open_database(demo)
    try:
        from coprod_desktop.services import initiatives

        data = initiatives.get_initiative(db, "CP-2024-001")
        data.commitments[1].due_on = date(2027, 1, 5)
        initiatives.save_initiative(db, data)
    finally:
        db.dispose()
    assert run_cli("--db", demo, "calendar", "-o", str(second)).code == 0

    def events(path: Path) -> dict[str, Any]:
        return {str(e["UID"]): e for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}

    before, after = events(first), events(second)
    assert before.keys() == after.keys()
    moved = after["commitment-2@coprod"]
    assert moved.decoded("DTSTART") == date(2027, 1, 5)
    assert int(moved["SEQUENCE"]) > int(before["commitment-2@coprod"]["SEQUENCE"])


def test_calendar_for_one_owner(run_cli: CliRunner, demo: str, tmp_path: Path) -> None:
    from icalendar import Calendar

    target = tmp_path / "line.ics"
    assert (
        run_cli("--db", demo, "calendar", "-o", str(target), "--owner", "line thygesen").code == 0
    )
    uids = {str(e["UID"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    assert uids == {"commitment-7@coprod", "review-5@coprod"}


def test_calendar_never_replaces_the_database_or_a_folder(
    run_cli: CliRunner, demo: str, tmp_path: Path
) -> None:
    before = Path(demo).read_bytes()
    refused = run_cli("--db", demo, "calendar", "-o", demo)
    assert refused.code == 3 and "Traceback" not in refused.err
    assert Path(demo).read_bytes() == before
    folder = tmp_path / "folder.ics"
    folder.mkdir()
    assert (
        run_cli("--db", demo, "calendar", "-o", str(folder)).code == 4
    )  # a file problem (unwritable target)
    assert folder.is_dir()


def test_an_overdue_commitment_is_an_attention_signal_in_list(
    run_cli: CliRunner, demo: str
) -> None:
    result = run_cli("--db", demo, "list", "--attention", "commitment_overdue", "--format", "json")
    assert result.code == 0, result.err
    expected = ["CP-2024-003"] if date.today() > date(2026, 11, 15) else []
    if date.today() > date(2026, 12, 20):
        expected.append("CP-2024-005")
    if date.today() > date(2027, 1, 10):
        expected.append("CP-2024-001")
    if date.today() > date(2027, 1, 31):
        expected.append("CP-2024-002")
    assert [r["reference"] for r in json.loads(result.out)] == sorted(expected)


def test_show_lists_the_commitments(run_cli: CliRunner, demo: str) -> None:
    result = run_cli("--db", demo, "--lang", "da", "show", "CP-2024-001")
    assert result.code == 0, result.err
    assert "Aftaler (3)" in result.out
    assert "Åben (Frist 10.1.2027): Send the quay plan" in result.out
