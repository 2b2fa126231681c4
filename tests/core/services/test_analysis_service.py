"""Attention in the portfolio: `coprod list --attention`, configured thresholds, JSON keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_desktop.services import portfolio_assessment, portfolio_query
from coprod_desktop.services.exchange import load_demo
from coprod_desktop.services.settings import CoreSettings, load_settings, save_settings
from coprod_desktop.store.db import Database


def test_list_filters_by_attention_signal(db: Database, db_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    load_demo(db, "en")
    everything = json.loads(run_cli("--db", str(db_path), "list", "--format", "json").out)
    flagged = {r["reference"] for r in everything if "no_mandate" in r["attention"]}
    assert flagged, "the demo portfolio has initiatives without a mandate"
    result = run_cli("--db", str(db_path), "list", "--attention", "no_mandate", "--format", "json")
    assert result.code == 0
    assert {r["reference"] for r in json.loads(result.out)} == flagged
    any_signal = json.loads(
        run_cli("--db", str(db_path), "list", "--attention", "any", "--format", "json").out
    )
    assert {r["reference"] for r in any_signal} == {
        r["reference"] for r in everything if r["attention"]
    }


def test_unknown_attention_key_is_invalid_input(db: Database, db_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--db", str(db_path), "list", "--attention", "nonsense")
    assert result.code == 3
    assert "nonsense" in result.err
    assert result.err.count("\n") == 1


def test_thresholds_from_settings_change_the_signals(db: Database) -> None:
    load_demo(db, "en")
    ids = portfolio_query.ids(db)
    before = sum("stale_journal" in a.keys for a in portfolio_assessment.assess(db, ids).values())
    save_settings(CoreSettings(stale_journal_days=100000))
    assert load_settings().stale_journal_days == 100000
    after = sum("stale_journal" in a.keys for a in portfolio_assessment.assess(db, ids).values())
    assert before > 0
    assert after == 0


def test_broken_settings_file_falls_back_to_defaults(isolated_data_dir: Path) -> None:
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / "settings.json").write_text("{not json", "utf-8")
    assert load_settings() == CoreSettings()


def test_the_list_assessment_without_suggestions_flags_the_same_as_the_full_one(
    db: Database,
) -> None:
    """The portfolio list reads less (no assistant, reviews or journal participants); what
    it flags and how complete it calls each initiative must not change."""
    load_demo(db, "da")
    ids = portfolio_query.ids(db)
    full = portfolio_assessment.assess(db, ids)
    listed = portfolio_assessment.assess(db, ids, suggest=False)
    assert {i: (a.keys, a.completeness) for i, a in listed.items()} == {
        i: (a.keys, a.completeness) for i, a in full.items()
    }
    assert any(a.keys for a in listed.values())
    assert {a.suggested_type for a in listed.values()} == {None}
    assert any(a.suggested_type for a in full.values())


def test_the_attention_filter_reports_progress_and_can_be_stopped(db: Database) -> None:
    load_demo(db, "en")
    seen: list[tuple[int, int]] = []
    found = portfolio_assessment.ids_with_attention(
        db, portfolio_query.PortfolioFilter(), ["any"], on_progress=lambda d, t: seen.append((d, t))
    )
    assert found and seen and seen[-1][0] == seen[-1][1]  # every open initiative assessed

    def stop(_done: int, _total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        portfolio_assessment.ids_with_attention(
            db, portfolio_query.PortfolioFilter(), ["any"], on_progress=stop
        )
