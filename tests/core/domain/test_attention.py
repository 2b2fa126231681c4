"""Attention signals: each fires when its condition holds and clears when it is mended."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from coprod_desktop.domain.assessment import (
    SIGNAL_KEYS,
    Thresholds,
    attention_signals,
    completeness,
)
from coprod_desktop.domain.model import (
    CommitmentData,
    InitiativeData,
    InvolvementData,
    JournalData,
    MandateData,
    OutcomeData,
    PressureData,
    ResourceData,
)

TODAY = date(2026, 11, 28)


def healthy() -> InitiativeData:
    """An active co-management initiative that raises no signal at all."""
    return InitiativeData(
        title="Havneplan",
        sector="harbours",
        status="active",
        type="co_management",
        next_review=TODAY + timedelta(days=30),
        mandates=[
            MandateData(
                level="political_committee",
                clarity="clear",
                political_anchoring=True,
                decided_on=date(2025, 1, 1),
                valid_until=date(2027, 12, 31),
            )
        ],
        resources=[ResourceData(kind="staff_hours", amount=100, unit="hours")],
        involvements=[
            InvolvementData(
                stakeholder_id=1, role="partner", trust="high", stakeholder_kind="municipal_unit"
            ),
            InvolvementData(
                stakeholder_id=2, role="partner", trust="medium", stakeholder_kind="municipal_unit"
            ),
            InvolvementData(
                stakeholder_id=3,
                role="partner",
                trust="high",
                stakeholder_kind="association",
                stakeholder_name="Havneforeningen",
            ),
        ],
        cross_pressures=[
            PressureData(
                category="silo_structure",
                severity=3,
                status="open",
                raised_on=TODAY - timedelta(days=10),
            )
        ],
        journal=[JournalData(date=TODAY - timedelta(days=5), kind="meeting", summary="Møde")],
    )


def keys(data: InitiativeData, thresholds: Thresholds | None = None) -> set[str]:
    return {s.key for s in attention_signals(data, TODAY, thresholds)}


def no_mandate(d: InitiativeData) -> None:
    d.mandates = []


def unclear(d: InitiativeData) -> None:
    d.mandates[0].clarity = "unclear"


def expired(d: InitiativeData) -> None:
    d.mandates[0].valid_until = TODAY - timedelta(days=1)


def unanchored(d: InitiativeData) -> None:
    d.mandates[0].political_anchoring = False


def no_staff(d: InitiativeData) -> None:
    d.resources = [ResourceData(kind="volunteer_hours", amount=10, unit="hours")]


def silo(d: InitiativeData) -> None:
    d.involvements = [i for i in d.involvements if i.stakeholder_id != 2]


def old_pressure(d: InitiativeData) -> None:
    d.cross_pressures[0].raised_on = TODAY - timedelta(days=31)


def quiet_journal(d: InitiativeData) -> None:
    d.journal[0].date = TODAY - timedelta(days=61)


def overdue(d: InitiativeData) -> None:
    d.next_review = TODAY - timedelta(days=1)


def low_trust(d: InitiativeData) -> None:
    d.involvements[2].trust = "low"


def partner_left(d: InitiativeData) -> None:
    d.involvements[2].left_on = TODAY - timedelta(days=3)


def commitment_late(d: InitiativeData) -> None:
    d.commitments = [
        CommitmentData(text="Ryd stenene", due_on=TODAY - timedelta(days=1)),
        CommitmentData(text="Kept", status="done", due_on=TODAY - timedelta(days=90)),
    ]


def long_without_outcomes(d: InitiativeData) -> None:
    d.start_date = TODAY - timedelta(days=400)
    d.outcomes = []


def outcomes_measured_long_ago(d: InitiativeData) -> None:
    d.outcomes = [OutcomeData(indicator="Både", measured_on=TODAY - timedelta(days=366))]


FIRING: list[tuple[str, Callable[[InitiativeData], None]]] = [
    ("no_mandate", no_mandate),
    ("mandate_unclear", unclear),
    ("mandate_expired", expired),
    ("no_political_anchoring", unanchored),
    ("no_staff_time", no_staff),
    ("silo", silo),
    ("stale_pressure", old_pressure),
    ("stale_journal", quiet_journal),
    ("review_overdue", overdue),
    ("partner_trust", low_trust),
    ("partner_trust", partner_left),
    ("commitment_overdue", commitment_late),
    ("no_outcomes", long_without_outcomes),
    ("outcomes_unmeasured", outcomes_measured_long_ago),
]


@pytest.mark.parametrize(
    ("days", "status", "severity"),
    [(1, "open", "low"), (14, "in_progress", "medium"), (60, "open", "high"), (400, "done", None)],
)
def test_an_overdue_commitment_is_more_severe_the_later_it_is(
    days: int, status: str, severity: str | None
) -> None:
    data = healthy()
    data.commitments = [
        CommitmentData(text="Svar", status=status, due_on=TODAY - timedelta(days=days)),
        CommitmentData(text="Ikke endnu", due_on=TODAY + timedelta(days=3)),
    ]
    found = {s.key: s.severity for s in attention_signals(data, TODAY)}
    assert found.get("commitment_overdue") == severity


def test_a_healthy_initiative_raises_nothing() -> None:
    assert keys(healthy()) == set()


@pytest.mark.parametrize(("key", "spoil"), FIRING, ids=[f"{k}-{f.__name__}" for k, f in FIRING])
def test_signal_fires_with_a_plain_explanation(
    key: str, spoil: Callable[[InitiativeData], None]
) -> None:
    data = healthy()
    spoil(data)
    signals = {s.key: s for s in attention_signals(data, TODAY)}
    assert key in signals
    assert signals[key].severity in ("low", "medium", "high")
    assert signals[key].explanation.en and signals[key].explanation.da
    assert signals[key].explanation.en != signals[key].explanation.da


@pytest.mark.parametrize(("key", "spoil"), FIRING, ids=[f"{k}-{f.__name__}" for k, f in FIRING])
def test_signal_clears_when_the_initiative_is_closed(
    key: str, spoil: Callable[[InitiativeData], None]
) -> None:
    data = healthy()
    spoil(data)
    data.status = "completed"
    assert key not in keys(data)


def test_every_signal_key_is_exercised() -> None:
    assert {k for k, _ in FIRING} == set(SIGNAL_KEYS)


def test_resolving_the_pressure_clears_stale_pressure() -> None:
    data = healthy()
    old_pressure(data)
    data.cross_pressures[0].status = "resolved"
    assert "stale_pressure" not in keys(data)


def test_a_new_clear_mandate_clears_the_unclear_one() -> None:
    data = healthy()
    unclear(data)
    data.mandates[0].decided_on = date(2024, 1, 1)
    data.mandates.append(
        MandateData(
            level="department_management",
            clarity="clear",
            political_anchoring=True,
            decided_on=date(2025, 6, 1),
        )
    )
    assert "mandate_unclear" not in keys(data)


def test_empowerment_needs_no_political_anchoring_or_second_unit() -> None:
    data = healthy()
    data.type = "empowerment"
    unanchored(data)
    silo(data)
    assert keys(data) == set()


def test_thresholds_are_configurable() -> None:
    data = healthy()
    data.journal[0].date = TODAY - timedelta(days=20)
    data.cross_pressures[0].raised_on = TODAY - timedelta(days=20)
    assert keys(data) == set()
    strict = Thresholds(stale_pressure_days=14, stale_journal_days=14)
    assert keys(data, strict) == {"stale_pressure", "stale_journal"}


def test_completeness_grows_as_fields_are_filled() -> None:
    bare = InitiativeData(title="Idé", sector="other", status="idea")
    full = healthy()
    full.summary = full.description = full.area = "x"
    full.origin, full.type_rationale, full.participation_level = "bottom_up", "x", "collaborate"
    full.public_values, full.frontline_role = ["better_results"], "facilitating_collaboration"
    full.owner, full.responsible_manager, full.start_date = "A", "B", date(2025, 1, 1)
    assert 0 < completeness(bare) < 30
    assert completeness(full) < 100  # no outcome recorded yet
    full.outcomes = [OutcomeData(indicator="Både i havnen")]
    assert completeness(full) == 100


def test_an_open_commitment_without_owner_or_due_date_makes_it_less_complete() -> None:
    data = healthy()
    data.commitments = [CommitmentData(text="Svar", owner="Mette", due_on=TODAY)]
    kept_well = completeness(data)
    data.commitments.append(CommitmentData(text="Uden frist", owner="Mette"))
    assert completeness(data) < kept_well
    data.commitments[1].status = "dropped"  # closed promises are history
    assert completeness(data) == kept_well


def test_outcome_signals_follow_their_thresholds_and_clear_when_measured() -> None:
    data = healthy()
    data.start_date = TODAY - timedelta(days=200)
    assert "no_outcomes" not in keys(data)  # still within the default year
    assert "no_outcomes" in keys(data, Thresholds(outcome_grace_days=180))
    data.outcomes = [OutcomeData(indicator="Både")]  # recorded, never measured
    assert keys(data, Thresholds(outcome_grace_days=180, outcome_stale_days=180)) == {
        "outcomes_unmeasured"
    }
    data.outcomes[0].measured_on = TODAY - timedelta(days=10)
    assert keys(data, Thresholds(outcome_grace_days=180, outcome_stale_days=180)) == set()
    data.status = "preparing"  # only active initiatives are expected to show outcomes
    data.outcomes = []
    assert keys(data, Thresholds(outcome_grace_days=1)) == set()
