"""The committee brief: plain language, aggregated, public-safe by default.

By default no natural person appears: the names, e-mail addresses and phone numbers of every
person in the stakeholder register are replaced in all free text that is printed (titles,
summaries, the selection, journal highlights when included), persons are given only as counts
("4 volunteers"), and personal notes, contact details, staff names and pressure descriptions
are left out altogether. Journal text is printed only with `include_journal=True`. The user's
decisions on other name-like phrases (`replacements`, see `services.names`) are applied, and
known `organisations` are printed as they stand even when they contain a person's name.
`include_personal_data=True` prints the recorded names instead (the brief then says so).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from reportlab.platypus import KeepTogether, Spacer

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.anonymise import Anonymiser, Person
from coprod_desktop.domain.committee import (
    NEEDS_SHOWN,
    PUBLIC_PROMISES_SHOWN,
    CommitteeSummary,
    summary_of,
)
from coprod_desktop.domain.figures import MOBILISED, MUNICIPAL, UNCLASSIFIED
from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.domain.public_names import highlights
from coprod_desktop.domain.typology import PRESSURE_DEFINITIONS, TYPOLOGY
from coprod_desktop.reports import charts
from coprod_desktop.reports import text as tx
from coprod_desktop.reports.page_template import (
    CONTENT_WIDTH,
    Brief,
    BriefSettings,
    ProgressCallback,
)
from coprod_desktop.reports.portfolio_review_pdf import filter_description

SUMMARY_LIMIT = 700


def person_counts(counts: Counter[str], brief: Brief) -> str:
    """'4 volunteers, 2 citizens' from a count of persons by stakeholder kind."""
    parts = []
    for kind, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        key = f"count_{kind}" if kind in ("citizen", "volunteer") else "count_person"
        parts.append(brief.t(key + ("_one" if count == 1 else ""), count=brief.num(count)))
    return ", ".join(parts)


def build(
    initiatives: Sequence[InitiativeData],
    settings: BriefSettings,
    persons: Sequence[Person],
    *,
    include_personal_data: bool = False,
    include_journal: bool = False,
    organisations: Sequence[str] = (),
    replacements: Mapping[str, str] | None = None,
    flt: object = None,
    today: date | None = None,
    progress: ProgressCallback | None = None,
    summary: CommitteeSummary | None = None,
) -> bytes:
    """The brief of `initiatives`. With `summary` (counted by the database for a large
    selection, services/dashboard_figures.committee_summary) `initiatives` are only the
    first ones the brief describes one by one, and the rest is counted ("… and n more");
    without it everything is worked out from `initiatives`."""
    today = today or settings.generated_at.date()
    lang = settings.lang
    hide = Anonymiser(
        [] if include_personal_data else persons,
        lang,
        organisations=organisations,
        phrases=None if include_personal_data else replacements,
    )
    if summary is None:
        summary = summary_of(initiatives, today)
    figures = summary.figures
    if progress:
        progress(2, 4)
    place = settings.municipality_name or ""
    title = (
        brief_t("brief_committee_title_in", lang, place=place)
        if place
        else brief_t("brief_committee_title", lang)
    )
    brief = Brief(
        settings,
        "brief_committee",
        title,
        brief_t("brief_committee", lang),
        header_note=brief_t("brief_as_of", lang, date=tx.day(today, lang)),
    )
    t, s, n = brief.t, brief.s, brief.num

    def plain(value: str | None, limit: int | None = None) -> str:
        # anonymise first, then shorten: a cut must never leave half a name behind
        cleaned = hide.text(value)
        return tx.escape(tx.shorten(cleaned, limit) if limit else cleaned)

    brief.add(brief.para(tx.escape(brief.kind), s.kicker))
    brief.add(brief.para(tx.escape(title), s.title))
    selection = filter_description(flt, lang) if flt is not None else ""
    brief.add(
        brief.para(
            tx.escape(t("brief_as_of", date=brief.date(today)))
            + (" · " + plain(t("brief_selection", selection=selection)) if selection else ""),
            s.muted,
        )
    )
    if include_personal_data:
        brief.add(brief.para(tx.escape(t("brief_contains_personal_data")), s.warning))
    else:
        brief.add(brief.para(tx.escape(t("brief_public_safe")), s.muted))
    if include_journal:
        brief.add(brief.para(tx.escape(t("brief_journal_included")), s.muted))
    brief.add(Spacer(1, 4))
    active = figures.by_status.get("active", 0)
    persons_total = sum(figures.persons.values())
    brief.add(
        brief.para(
            tx.escape(
                t("committee_intro", count=n(figures.count), active=n(active))
                + " "
                + t("committee_what_is")
            )
        )
    )

    # ---- what co-production delivered
    brief.heading(t("committee_delivered"))
    money_x = figures.resource(MOBILISED, "DKK").total
    hours_x = figures.resource(MOBILISED, "hours").total
    money_m = figures.resource(MUNICIPAL, "DKK").total
    hours_m = figures.resource(MUNICIPAL, "hours").total
    people = t(
        "committee_participants",
        organisations=n(sum(figures.organisations.values())),
        persons=n(persons_total),
    )
    if persons_total:
        people += f" ({person_counts(figures.persons, brief)})"
    brief.bullets(
        [
            tx.escape(
                t(
                    "committee_mobilised",
                    money=tx.amount(money_x, "DKK", lang),
                    hours=tx.amount(hours_x, "hours", lang),
                )
            ),
            tx.escape(
                t(
                    "committee_municipal",
                    money=tx.amount(money_m, "DKK", lang),
                    hours=tx.amount(hours_m, "hours", lang),
                )
            ),
            tx.escape(people + "."),
        ]
    )
    brief.add(Spacer(1, 4))
    brief.add(KeepTogether([charts.resources_chart(figures, lang, CONTENT_WIDTH)]))

    brief.add(brief.para(tx.escape(t("committee_by_type")), s.h3))
    type_rows = []
    for kind in [*(x.value for x in v.InitiativeType), UNCLASSIFIED]:
        count = figures.by_type.get(kind, 0)
        if not count:
            continue
        if kind == UNCLASSIFIED:
            type_rows.append([t("unclassified"), n(count), "", ""])
            continue
        card = TYPOLOGY[v.InitiativeType.get(kind)]
        type_rows.append(
            [
                v.InitiativeType.get(kind).label(lang),
                n(count),
                card.role.get(lang),
                card.public_value.get(lang),
            ]
        )
    if type_rows:
        brief.add_table(
            [
                t("col_type"),
                t("committee_col_count"),
                t("committee_col_role"),
                t("committee_col_value"),
            ],
            type_rows,
            [None, None, 1, 1],
            right=(1,),
        )
    if figures.public_values:
        brief.add(brief.para(tx.escape(t("committee_values")), s.h3))
        brief.bullets(
            [
                tx.escape(
                    t(
                        "committee_value_line",
                        value=v.PublicValue.get(key).label(lang),
                        count=n(count),
                    )
                )
                for key, count in sorted(
                    figures.public_values.items(), key=lambda kv: (-kv[1], kv[0])
                )
            ]
        )
    # outcomes reached, public-safe (reports/outcomes_pdf.py)
    from coprod_desktop.reports import outcomes_pdf as outcome_sections

    outcome_sections.delivered_section(brief, summary.with_outcomes, hide.text)
    if progress:
        progress(3, 4)

    # ---- we asked, you said, we did: promises to citizens and associations (texts only,
    # anonymised; never the name of whom they were made to)
    promises = summary.promises
    if promises.kept or promises.still_open or promises.dropped:
        brief.heading(t("committee_we_did"))
        brief.add(
            brief.para(
                tx.escape(
                    t(
                        "committee_we_did_intro",
                        kept=n(promises.kept),
                        open=n(promises.still_open),
                        dropped=n(promises.dropped),
                    )
                )
            )
        )
        for key, count, shown in (
            ("committee_we_did_kept", promises.kept, promises.first_kept),
            ("committee_we_did_open", promises.still_open, promises.first_open),
        ):
            if not count:
                continue
            brief.add(brief.para(tx.escape(t(key)), s.h3))
            lines = [f"{plain(c.text, 200)} ({tx.escape(reference)})" for reference, c in shown]
            if count > PUBLIC_PROMISES_SHOWN:
                lines.append(
                    tx.escape(t("committee_and_more", count=n(count - PUBLIC_PROMISES_SHOWN)))
                )
            brief.bullets(lines)

    # ---- what the frontline co-producers need from the committee
    brief.heading(t("committee_needs"))
    brief.add(brief.para(tx.escape(t("committee_needs_intro"))))

    for need, key in (
        ("mandate", "committee_need_mandate"),
        ("anchoring", "committee_need_anchoring"),
        ("resources", "committee_need_resources"),
    ):
        count, items = summary.needs[need].count, summary.needs[need].first
        brief.add(brief.para(f"<b>{tx.escape(t(key, count=n(count)))}</b>", s.h3))
        if count:
            named = items[:NEEDS_SHOWN]
            brief.bullets([f"{tx.escape(i.reference or '')} {plain(i.title)}" for i in named])
            if count > NEEDS_SHOWN:
                brief.add(
                    brief.para(
                        tx.escape(t("committee_and_more", count=n(count - NEEDS_SHOWN))), s.muted
                    )
                )
    brief.add(brief.para(f"<b>{tx.escape(t('committee_pressures'))}</b>", s.h3))
    if figures.open_pressures:
        rows = []
        for category, counts in sorted(
            figures.open_pressures.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])
        ):
            member = v.PressureCategory.get(category)
            rows.append(
                [
                    member.label(lang),
                    n(sum(counts.values())),
                    n(counts.get(3, 0)),
                    PRESSURE_DEFINITIONS[member].get(lang),
                ]
            )
        brief.add_table(
            [
                t("brief_col_category"),
                t("committee_col_open"),
                t("committee_col_serious"),
                t("committee_col_meaning"),
            ],
            rows,
            [None, None, None, 1],
            right=(1, 2),
        )
    else:
        brief.add(brief.para(tx.escape(t("brief_no_open_pressures")), s.muted))

    # ---- the initiatives
    brief.heading(t("committee_initiatives"))
    for item in initiatives:
        kind = v.InitiativeType.get(item.type).label(lang) if item.type else t("unclassified")
        block = [
            brief.para(f"<b>{tx.escape(item.reference or '')} · {plain(item.title)}</b>", s.body),
            brief.para(
                tx.escape(
                    " · ".join(
                        [
                            kind,
                            v.Sector.get(item.sector).label(lang),
                            v.Status.get(item.status).label(lang),
                        ]
                    )
                ),
                s.muted,
            ),
        ]
        if item.summary:
            block.append(brief.para(plain(item.summary, SUMMARY_LIMIT), s.small))
        organisations = sorted(
            {
                hide.text(i.stakeholder_name)
                for i in item.involvements
                if not i.stakeholder_is_person
            }
        )
        people_here = [i for i in item.involvements if i.stakeholder_is_person]
        taking_part = ", ".join(organisations)
        if people_here:
            if include_personal_data:
                names = ", ".join(sorted({i.stakeholder_name for i in people_here}))
            else:
                names = person_counts(Counter(i.stakeholder_kind for i in people_here), brief)
            taking_part = f"{taking_part}; {names}" if taking_part else names
        if taking_part:
            block.append(
                brief.para(
                    f"<b>{tx.escape(t('committee_taking_part'))}</b> {tx.escape(taking_part)}",
                    s.small,
                )
            )
        for entry in highlights(item) if include_journal else []:
            block.append(
                brief.para(
                    f"<b>{tx.escape(brief.date(entry.date))}</b> {plain(entry.summary, 400)}",
                    s.small,
                )
            )
        block.append(Spacer(1, 6))
        brief.add(KeepTogether(block))
    if summary.total > len(initiatives):  # a large selection: the rest counted, not described
        brief.add(
            brief.para(
                tx.escape(t("committee_and_more", count=n(summary.total - len(initiatives)))),
                s.muted,
            )
        )
    return brief.render()


def brief_t(key: str, lang: str, **params: object) -> str:
    from coprod_desktop.domain.messages import message

    return message(key, lang, **params)
