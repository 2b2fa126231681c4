"""The outcome sections of the briefs (issue 21): an initiative's outcomes, the portfolio
review's public value account, and the committee brief's "what co-production delivered".

The numbers come from `domain.outcomes`; these functions only lay them out on a `Brief`.
The committee section prints indicators through the brief's anonymiser and never evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.domain.outcomes import (
    UNCLASSIFIED,
    ValueLine,
    delivered,
    outcome_reached,
    phase_crosstab,
    value_account,
)
from coprod_desktop.reports import text as tx

MAX_DELIVERED = 25  # rows of "what co-production delivered" before "… and n more"
MAX_WITHOUT = 40  # initiatives listed under "value hard to measure"


def _value(value: float | None, brief: Any) -> str:
    if value is None:
        return ""
    decimals = 0 if value % 1 == 0 else (1 if (value * 10) % 1 == 0 else 2)
    return tx.number(value, brief.lang, decimals)


def _yes_no(value: bool | None, brief: Any) -> str:
    if value is None:
        return ""
    return str(brief.t("brief_yes" if value else "brief_no"))


def phases_text(data: InitiativeData, lang: str) -> str:
    return ", ".join(v.CoPhase.get(p).label(lang) for p in data.co_phases if v.CoPhase.is_key(p))


def initiative_section(brief: Any, data: InitiativeData) -> None:
    """The initiative brief: its phases and its outcomes, one row each."""
    t, lang = brief.t, brief.lang
    brief.heading(t("brief_outcomes"))
    phases = phases_text(data, lang)
    if phases:
        brief.facts([(t("brief_co_phases"), phases)], label_width=brief_label_width())
    if not data.outcomes:
        brief.add(brief.para(tx.escape(t("brief_no_outcomes")), brief.s.muted))
        return
    rows = [
        [
            tx.shorten(o.indicator, 300) + (f" ({o.unit})" if o.unit else ""),
            _value(o.baseline, brief),
            _value(o.target, brief),
            _value(o.achieved, brief),
            brief.date(o.measured_on),
            _yes_no(outcome_reached(o), brief),
            _yes_no(o.co_assessed, brief),
        ]
        for o in data.outcomes
    ]
    brief.add_table(
        [
            t("brief_col_indicator"),
            t("brief_col_baseline"),
            t("brief_col_target"),
            t("brief_col_achieved"),
            t("brief_col_measured"),
            t("brief_col_reached"),
            t("brief_col_co_assessed"),
        ],
        rows,
        [1, None, None, None, None, None, None],
        right=(1, 2, 3),
    )


def brief_label_width() -> float:
    return 40 * 72 / 25.4  # 40 mm in points, as the initiative brief's facts


def _share(part: int, whole: int, lang: str) -> str:
    if not whole:
        return "–"
    return f"{tx.number(part, lang)}/{tx.number(whole, lang)} ({round(100 * part / whole)} %)"


def _resources(dkk: float, hours: float, lang: str) -> str:
    parts = [tx.amount(dkk, "DKK", lang)] if dkk else []
    if hours:
        parts.append(tx.amount(hours, "hours", lang))
    return "; ".join(parts) or "–"


def _account_rows(lines: Sequence[ValueLine], label: Callable[[str], str], lang: str) -> list[Any]:
    return [
        [
            label(line.group),
            tx.number(line.initiatives, lang),
            _share(line.with_outcomes, line.initiatives, lang),
            _share(line.reached, line.measured, lang),
            _share(line.co_assessed, line.outcomes, lang),
            _resources(line.municipal_dkk, line.staff_hours, lang),
            _resources(line.mobilised_dkk, line.volunteer_hours, lang),
        ]
        for line in lines
    ]


def value_account_section(brief: Any, initiatives: Sequence[InitiativeData]) -> None:
    """The portfolio review: the public value account per type and sector, then "value hard
    to measure" beside the initiatives without outcomes."""
    t, lang = brief.t, brief.lang
    account = value_account(initiatives)
    brief.heading(t("brief_value_account"))
    brief.add(brief.para(tx.escape(t("brief_value_account_note")), brief.s.muted))
    header = [
        t("brief_col_initiatives"),
        t("brief_col_with_outcomes"),
        t("brief_col_reached_of"),
        t("brief_col_co_assessed_share"),
        t("brief_col_municipal_input"),
        t("brief_col_mobilised"),
    ]

    def type_label(key: str) -> str:
        if key == UNCLASSIFIED:
            return str(t("unclassified"))
        if key == "total":
            return str(t("brief_total"))
        return v.InitiativeType.get(key).label(lang)

    def sector_label(key: str) -> str:
        if key == "total":
            return str(t("brief_total"))
        return v.Sector.get(key).label(lang) if v.Sector.is_key(key) else key

    widths = [1.1, None, None, None, None, 1, 1]
    brief.add_table(
        [t("brief_col_type"), *header],
        _account_rows([*account.by_type, account.total], type_label, lang),
        widths,
        right=(1,),
    )
    brief.add_table(
        [t("brief_col_sector"), *header],
        _account_rows([*account.by_sector, account.total], sector_label, lang),
        widths,
        right=(1,),
    )
    brief.heading(t("brief_hard_to_measure"))
    without = account.total.without_outcomes
    if not without:
        brief.add(brief.para(tx.escape(t("brief_all_have_outcomes")), brief.s.muted))
        return
    brief.add(brief.para(tx.escape(t("brief_hard_to_measure_note")), brief.s.muted))
    brief.bullets(
        [
            f"<b>{tx.escape(i.reference or '')}</b> {tx.escape(tx.shorten(i.title, 110))}"
            for i in without[:MAX_WITHOUT]
        ]
    )
    if len(without) > MAX_WITHOUT:
        brief.add(brief.para(tx.escape(f"… +{len(without) - MAX_WITHOUT}"), brief.s.muted))


def phase_chart(initiatives: Sequence[InitiativeData], lang: str, width: float) -> Any:
    from coprod_desktop.reports.charts import type_by_phase_chart

    crosstab = {k: dict(c) for k, c in phase_crosstab(initiatives).items()}
    return type_by_phase_chart(crosstab, lang, width)


def delivered_section(
    brief: Any, initiatives: Sequence[InitiativeData], clean: Callable[[str | None], str]
) -> None:
    """The committee brief: what co-production delivered, public-safe (titles and indicators
    through `clean`, the brief's anonymiser; no evidence, no names of persons)."""
    t, lang = brief.t, brief.lang
    # a part of the brief's own "what co-production delivered": a sub-heading of it
    brief.add(brief.para(tx.escape(t("brief_outcomes")), brief.s.h3))
    rows = delivered(initiatives)
    if not rows:
        brief.add(brief.para(tx.escape(t("brief_delivered_none")), brief.s.muted))
        return
    outcomes = sum(len(i.outcomes) for i in initiatives)
    measured = [r for r in rows if r.reached is not None]
    intro = t(
        "brief_delivered_intro",
        reached=tx.number(sum(1 for r in measured if r.reached), lang),
        measured=tx.number(len(measured), lang),
        co=tx.number(sum(1 for i in initiatives for o in i.outcomes if o.co_assessed), lang),
        outcomes=tx.number(outcomes, lang),
    )
    brief.add(brief.para(tx.escape(intro), brief.s.body))
    table_rows = [
        [
            f"{r.reference} {tx.shorten(clean(r.title), 80)}",
            tx.shorten(clean(r.indicator), 160) + (f" ({r.unit})" if r.unit else ""),
            _value(r.baseline, brief),
            _value(r.target, brief),
            _value(r.achieved, brief),
            _yes_no(r.reached, brief),
            _yes_no(r.co_assessed, brief),
        ]
        for r in rows[:MAX_DELIVERED]
    ]
    brief.add_table(
        [
            t("col_title"),
            t("brief_col_indicator"),
            t("brief_col_baseline"),
            t("brief_col_target"),
            t("brief_col_achieved"),
            t("brief_col_reached"),
            t("brief_col_co_assessed"),
        ],
        table_rows,
        [1, 1.2, None, None, None, None, None],
        right=(2, 3, 4),
    )
    if len(rows) > MAX_DELIVERED:
        more = t("brief_more_delivered", count=len(rows) - MAX_DELIVERED)
        brief.add(brief.para(tx.escape(more), brief.s.muted))
