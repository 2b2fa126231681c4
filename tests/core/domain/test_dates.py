"""Dates as Danes and ISO type them, and the one form the GUI and the briefs show."""

from __future__ import annotations

import datetime as dt

import pytest

from coprod_desktop.domain.dates import read_date, show_date
from coprod_desktop.domain.sheetparse import parse_date_value
from coprod_desktop.reports.text import day


@pytest.mark.parametrize(
    "typed",
    ["15-01-2027", "15.1.2027", "15/1 2027", "15/1/2027", "2027-01-15", " 15. 1. 2027 "],
)
def test_danish_and_iso_forms_read_as_the_same_day(typed: str) -> None:
    assert read_date(typed) == dt.date(2027, 1, 15)
    assert parse_date_value(typed) == dt.date(2027, 1, 15)  # the spreadsheet import agrees


@pytest.mark.parametrize("typed", ["30.2.2027", "15-13-2027", "15/1", "2027", "1/15 2027x", ""])
def test_impossible_or_partial_dates_are_refused(typed: str) -> None:
    assert read_date(typed) is None


def test_the_gui_form_is_the_briefs_form() -> None:
    value = dt.date(2027, 1, 5)
    assert show_date(value, "da") == day(value, "da") == "5.1.2027"
    assert show_date(value, "en") == day(value, "en") == "2027-01-05"
    assert read_date(show_date(value, "da")) == value  # what is shown reads back
