"""The initiative brief: one initiative on one or two pages (longer only for long texts)."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.assessment import attention_signals, completeness, suggested_type
from coprod_desktop.domain.figures import MUNICIPAL, current_mandate, resource_lines
from coprod_desktop.domain.model import InitiativeData, JournalData
from coprod_desktop.domain.typology import TYPOLOGY
from coprod_desktop.reports import text as tx
from coprod_desktop.reports.page_template import Brief, BriefSettings

RECENT_JOURNAL = 5
SHORT_DESCRIPTION = 1200  # a description up to this long goes under the summary, else last
FACT_LABEL = 34 * mm


def _label(vocabulary: type[v.Vocabulary], key: str | None, lang: str) -> str:
    if not key:
        return ""
    try:
        return vocabulary.get(key).label(lang)
    except KeyError:
        return key


def build(data: InitiativeData, settings: BriefSettings, today: date | None = None) -> bytes:
    today = today or settings.generated_at.date()
    lang = settings.lang
    reference = data.reference or ""
    brief = Brief(
        settings,
        "brief_initiative",
        f"{reference} {data.title}".strip(),
        _label(v.Sector, data.sector, lang),
        header_note=f"{reference} {data.title}".strip(),
    )
    t, s = brief.t, brief.s
    short_description = len(data.description or "") <= SHORT_DESCRIPTION

    # ---- title block
    brief.add(brief.para(tx.escape(f"{brief.kind} · {reference}"), s.kicker))
    brief.add(brief.para(tx.escape(data.title), s.title))
    period = " – ".join(x for x in (brief.date(data.start_date), brief.date(data.end_date)) if x)
    brief.facts(
        [
            (t("col_status"), _label(v.Status, data.status, lang)),
            (t("col_sector"), _label(v.Sector, data.sector, lang)),
            (t("label_area"), data.area or ""),
            (t("col_owner"), data.owner or ""),
            (t("label_manager"), data.responsible_manager or ""),
            (t("label_period"), period),
            (t("col_next_review"), brief.date(data.next_review)),
            (t("label_completeness"), f"{completeness(data)} %"),
        ],
        label_width=FACT_LABEL,
        columns=2,
    )
    if data.summary:
        brief.add(Spacer(1, 4))
        brief.text(data.summary)
    if data.description and short_description:
        brief.text(data.description)

    # ---- classification
    brief.heading(t("brief_classification"))
    kind = data.type
    suggestion = suggested_type(data)
    facts = [
        (
            t("col_type"),
            _label(v.InitiativeType, kind, lang) if kind else t("unclassified"),
        ),
    ]
    if data.secondary_type:
        facts.append(
            (t("brief_secondary_type"), _label(v.InitiativeType, data.secondary_type, lang))
        )
    if suggestion and suggestion != kind:
        facts.append((t("label_suggested_type"), _label(v.InitiativeType, suggestion, lang)))
    facts += [
        (t("col_origin"), _label(v.Origin, data.origin, lang)),
        (t("label_participation"), _label(v.ParticipationLevel, data.participation_level, lang)),
    ]
    brief.facts(facts, label_width=FACT_LABEL, columns=2)
    facts = [
        (
            t("label_public_values"),
            "; ".join(_label(v.PublicValue, value, lang) for value in data.public_values),
        ),
    ]
    default_role = TYPOLOGY[v.InitiativeType.get(kind)].frontline_role if kind else None
    if data.frontline_role and data.frontline_role != default_role:
        facts.append(
            (t("label_frontline_role"), _label(v.FrontlineRole, data.frontline_role, lang))
        )
    brief.facts(facts, label_width=FACT_LABEL)
    if kind:
        card = TYPOLOGY[v.InitiativeType.get(kind)]
        brief.add(Spacer(1, 3))
        brief.add(
            brief.para(
                f"<b>{tx.escape(t('brief_typology_role'))}</b> {tx.escape(card.role.get(lang))} "
                f"<b>{tx.escape(t('brief_typology_value'))}</b> "
                f"{tx.escape(card.public_value.get(lang))}",
                s.small,
            )
        )
    if data.type_rationale:
        brief.add(Spacer(1, 3))
        brief.add(brief.para(f"<b>{tx.escape(t('brief_rationale'))}</b>", s.small))
        brief.text(data.type_rationale, s.small)

    # ---- attention
    signals = attention_signals(data, today)
    brief.heading(t("col_attention"))
    if signals:
        brief.bullets(
            [
                f"<b>{tx.escape(t('signal_' + sig.severity))}</b>: {tx.escape(sig.explanation.get(lang))}"
                for sig in signals
            ]
        )
    else:
        brief.add(brief.para(tx.escape(t("brief_no_signals")), s.muted))

    # ---- stakeholders
    brief.heading(t("label_stakeholders"))
    if data.involvements:
        rows = []
        for inv in data.involvements:
            levels = " / ".join(
                _label(v.Level3, value, lang) or "–"
                for value in (inv.influence, inv.interest, inv.trust)
            )
            since = brief.date(inv.joined_on)
            if inv.left_on:
                since = f"{since} – {brief.date(inv.left_on)}"
            rows.append(
                [
                    inv.stakeholder_name,
                    _label(v.StakeholderKind, inv.stakeholder_kind, lang),
                    _label(v.InvolvementRole, inv.role, lang),
                    levels,
                    since,
                ]
            )
        brief.add_table(
            [
                t("brief_col_name"),
                t("brief_col_kind"),
                t("brief_col_role"),
                t("brief_col_levels"),
                t("brief_col_since"),
            ],
            rows,
            [1, None, None, None, None],
        )
    else:
        brief.add(brief.para(tx.escape(t("brief_no_stakeholders")), s.muted))

    # ---- mandate
    brief.heading(t("brief_current_mandate"))
    mandate = current_mandate(data)
    if mandate is None:
        brief.add(brief.para(tx.escape(t("brief_no_mandate")), s.warning))
    else:
        anchored = {True: t("brief_yes"), False: t("brief_no"), None: ""}[
            mandate.political_anchoring
        ]
        brief.facts(
            [
                (t("brief_mandate_level"), _label(v.MandateLevel, mandate.level, lang)),
                (t("brief_mandate_clarity"), _label(v.Clarity, mandate.clarity, lang)),
                (t("label_anchored").capitalize(), anchored),
                (t("brief_granted_by"), mandate.granted_by or ""),
                (t("brief_mandate_committee"), mandate.committee or ""),
                (t("brief_case_reference"), mandate.reference or ""),
                (t("brief_decided_on"), brief.date(mandate.decided_on)),
                (t("brief_valid_until"), brief.date(mandate.valid_until)),
            ],
            label_width=FACT_LABEL,
            columns=2,
        )
        if mandate.scope:
            brief.facts([(t("brief_scope"), mandate.scope)], label_width=FACT_LABEL)
        if len(data.mandates) > 1:
            brief.add(
                brief.para(
                    tx.escape(t("brief_earlier_mandates", count=len(data.mandates) - 1)), s.muted
                )
            )

    # ---- resources
    brief.heading(t("label_resources"))
    lines = resource_lines(data.resources)
    if lines:
        rows = []
        for line in lines:
            unit = line.unit if line.unit in ("DKK", "hours") else ""
            unit_label = (
                t("chart_money" if unit == "DKK" else "chart_hours")
                if unit
                else _label(v.ResourceKind, line.unit, lang)
            )
            rows.append(
                [
                    t(
                        "label_municipal" if line.side == MUNICIPAL else "label_mobilised"
                    ).capitalize(),
                    unit_label,
                    tx.amount(line.planned, unit, lang) if unit else tx.number(line.planned, lang),
                    tx.amount(line.actual, unit, lang) if unit else tx.number(line.actual, lang),
                ]
            )
        brief.add_table(
            [
                t("brief_col_side"),
                t("brief_col_unit"),
                t("label_planned").capitalize(),
                t("label_actual").capitalize(),
            ],
            rows,
            [1.2, 1, 1, 1],
            right=(2, 3),
        )
    else:
        brief.add(brief.para(tx.escape(t("brief_no_resources")), s.muted))

    # ---- open cross-pressures
    brief.heading(t("brief_open_pressures"))
    open_pressures = sorted(
        (p for p in data.cross_pressures if p.status != "resolved"),
        key=lambda p: (-p.severity, p.raised_on or date.min),
    )
    if open_pressures:
        rows = []
        for p in open_pressures:
            description = p.description or ""
            rows.append(
                [
                    _label(v.PressureCategory, p.category, lang),
                    str(p.severity),
                    _label(v.PressureStatus, p.status, lang),
                    _label(v.CopingStrategy, p.coping_strategy, lang),
                    tx.shorten(description, 600),
                ]
            )
        brief.add_table(
            [
                t("brief_col_category"),
                t("brief_col_severity"),
                t("col_status"),
                t("brief_col_coping"),
                t("label_description"),
            ],
            rows,
            [1.2, None, None, None, 2.6],
            right=(1,),
        )
    else:
        brief.add(brief.para(tx.escape(t("brief_no_open_pressures")), s.muted))

    # ---- journal and follow-ups (a coming follow-up of a shown entry is in its row)
    brief.heading(t("brief_recent_journal"))
    journal = sorted(data.journal, key=lambda j: (j.date or date.min, j.id or 0), reverse=True)
    shown = journal[:RECENT_JOURNAL]

    def coming(entry: JournalData) -> bool:
        return entry.follow_up_on is not None and entry.follow_up_on >= today

    if shown:
        rows = [
            [
                brief.date(j.date),
                _label(v.JournalKind, j.kind, lang),
                tx.shorten(j.summary, 700),
                brief.date(j.follow_up_on) if coming(j) else "",
            ]
            for j in shown
        ]
        brief.add_table(
            [
                t("brief_col_date"),
                t("brief_col_kind"),
                t("label_summary"),
                t("brief_col_follow_up"),
            ],
            rows,
            [None, None, 1, None],
        )
        if len(journal) > RECENT_JOURNAL:
            brief.add(
                brief.para(
                    tx.escape(t("brief_more_journal", count=len(journal) - RECENT_JOURNAL)), s.muted
                )
            )
    else:
        brief.add(brief.para(tx.escape(t("brief_no_journal")), s.muted))
    others = sorted(
        (j for j in journal[RECENT_JOURNAL:] if coming(j)),
        key=lambda j: j.follow_up_on or date.max,
    )
    if others:
        brief.add(brief.para(f"<b>{tx.escape(t('brief_follow_ups'))}</b>", s.h3))
        brief.bullets(
            [
                f"<b>{tx.escape(brief.date(j.follow_up_on))}</b> "
                f"{tx.escape(tx.shorten(j.summary, 110))}"
                for j in others
            ]
        )
    elif not any(coming(j) for j in journal):
        brief.add(brief.para(tx.escape(t("brief_no_follow_ups")), s.muted))

    # ---- open commitments, the most urgent first (kept and dropped ones are history)
    promised = sorted(
        (c for c in data.commitments if c.status in ("open", "in_progress")),
        key=lambda c: (c.due_on or date.max, c.id or 0),
    )
    if promised:
        brief.heading(t("brief_open_commitments"))
        brief.add_table(
            [
                t("col_commitment"),
                t("col_counterpart"),
                t("col_owner"),
                t("col_due_on"),
                t("col_status"),
            ],
            [
                [
                    tx.shorten(c.text, 400),
                    c.counterpart_name,
                    c.owner or "",
                    (brief.date(c.due_on) + (f", {t('brief_overdue')}" if c.due_on < today else ""))
                    if c.due_on
                    else "",
                    _label(v.CommitmentStatus, c.status, lang),
                ]
                for c in promised
            ],
            [1, None, None, None, None],
        )
    # ---- outcomes and the co-production phases (reports/outcomes_pdf.py)
    from coprod_desktop.reports import outcomes_pdf as outcome_sections

    outcome_sections.initiative_section(brief, data)

    # ---- the latest review
    if data.reviews:
        review = max(data.reviews, key=lambda r: (r.date or date.min, r.id or 0))
        brief.heading(t("brief_latest_review"))
        brief.add(
            brief.para(
                tx.escape(
                    t(
                        "brief_review_line",
                        date=brief.date(review.date),
                        reviewer=review.reviewer,
                        next=brief.date(review.next_review) or "–",
                    )
                ),
                s.muted,
            )
        )
        brief.facts(
            [
                (t("brief_assessment"), tx.shorten(review.assessment, 1500)),
                (t("brief_decisions"), tx.shorten(review.decisions, 1500)),
            ],
            label_width=FACT_LABEL,
        )

    # ---- the description last: it may be long and flows over the following pages
    if data.description and not short_description:
        brief.heading(t("label_description"))
        brief.text(data.description)
    return brief.render()
