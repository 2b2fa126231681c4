"""Small builders for test data (plain domain dataclasses, saved through the services)."""

from __future__ import annotations

from datetime import date
from typing import Any

from coprod_desktop.domain import model as d
from coprod_desktop.services import initiatives, stakeholders
from coprod_desktop.store.db import Database


def stakeholder(db: Database, name: str, kind: str = "association", **extra: Any) -> int:
    made = stakeholders.create_stakeholder(db, d.StakeholderData(name=name, kind=kind, **extra))
    assert made.id is not None
    return made.id


def initiative(db: Database, title: str = "Havnen for alle", **extra: Any) -> d.InitiativeData:
    values: dict[str, Any] = {"sector": "harbours", "status": "active"}
    values.update(extra)
    return initiatives.create_initiative(db, d.InitiativeData(title=title, **values))


def full_initiative(db: Database, title: str = "Havneudvikling i Ørum") -> d.InitiativeData:
    """An initiative with every kind of child and every scalar filled in."""
    club = stakeholder(db, "Ørum Sejlklub", "association")
    anna = stakeholder(
        db,
        "Anna Ærø",
        "citizen",
        is_person=True,
        lawful_basis="consent",
        consent_date=date(2024, 1, 5),
    )
    data = d.InitiativeData(
        title=title,
        sector="harbours",
        status="active",
        summary="Lokale aktører udvikler havnen sammen med kommunen.",
        description="En længere beskrivelse af havnesamarbejdet.",
        area="Ørum Havn",
        origin="protest_response",
        type="co_management",
        secondary_type="coordination",
        type_rationale="Mange aktører samarbejder.",
        participation_level="collaborate",
        public_values=["mobilising_resources", "protest_to_collaboration"],
        frontline_role="facilitating_collaboration",
        owner="Mette Havnefoged",
        responsible_manager="Jens Leder",
        start_date=date(2024, 4, 1),
        end_date=date(2026, 12, 31),
        next_review=date(2025, 6, 1),
        kle_topic="01.05.10",
        co_phases=["co_design", "co_delivery"],
        latitude=56.4563,
        longitude=10.0372,
        involvements=[
            d.InvolvementData(
                stakeholder_id=club,
                role="partner",
                influence="high",
                interest="high",
                trust="medium",
                joined_on=date(2024, 4, 1),
                note="Bestyrelsen deltager",
            ),
            d.InvolvementData(stakeholder_id=anna, role="critic", trust="low"),
        ],
        mandates=[
            d.MandateData(
                level="department_management",
                clarity="partial",
                granted_by="Teknik og Miljø",
                scope="Indretning af havnearealet",
                political_anchoring=True,
                committee="Teknisk Udvalg",
                decided_on=date(2024, 3, 12),
                reference="TU-2024-17",
                valid_until=date(2026, 3, 12),
            )
        ],
        resources=[
            d.ResourceData(kind="municipal_budget", amount=250000, unit="DKK", planned=True),
            d.ResourceData(
                kind="volunteer_hours",
                amount=120.5,
                unit="hours",
                source_id=club,
                planned=False,
                date=date(2024, 6, 1),
                note="Arbejdsdag",
            ),
        ],
        cross_pressures=[
            d.PressureData(
                category="silo_structure",
                severity=3,
                status="open",
                level="organisational",
                description="Havn og plan taler ikke sammen",
                raised_on=date(2024, 5, 1),
                raised_by="Mette",
                coping_strategy="linking_actors",
            )
        ],
        journal=[
            d.JournalData(
                date=date(2024, 4, 10),
                kind="meeting",
                summary="Borgermøde om bådebroen",
                participant_ids=[club, anna],
                follow_up_on=date(2024, 5, 10),
                key="borgermoede",
            )
        ],
        commitments=[
            d.CommitmentData(
                text="Stenene ryddes før græsset sås i maj",
                status="done",
                owner="Mette",
                counterpart_id=club,
                due_on=date(2024, 5, 1),
                done_on=date(2024, 4, 28),
                journal="borgermoede",
                note="Aftalt på mødet",
            ),
            d.CommitmentData(text="Svar Anna om parkering", counterpart_id=anna),
        ],
        reviews=[
            d.ReviewData(
                date=date(2024, 9, 1),
                reviewer="Jens Leder",
                assessment="Godt i gang",
                decisions="Mere tid til koordinering",
                next_review=date(2025, 3, 1),
            )
        ],
        outcomes=[
            d.OutcomeData(
                indicator="Både i havnen om sommeren",
                unit="både",
                baseline=12,
                target=40,
                achieved=31.5,
                measured_on=date(2024, 8, 31),
                evidence="Optælling af havnefogeden",
                public_value="better_results",
                co_assessed=True,
            )
        ],
    )
    return initiatives.create_initiative(db, data)
