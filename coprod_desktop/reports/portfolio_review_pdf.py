"""The portfolio review for middle managers: key figures, charts, attention list, all rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.assessment import SIGNAL_KEYS, Signal
from coprod_desktop.domain.figures import (
    MOBILISED,
    MUNICIPAL,
    SIGNAL_RANK,
    PortfolioFigures,
    portfolio_figures,
)
from coprod_desktop.domain.messages import message
from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.reports import charts
from coprod_desktop.reports import text as tx
from coprod_desktop.reports.page_template import (
    CONTENT_WIDTH,
    WIDE_CONTENT_WIDTH,
    Brief,
    BriefSettings,
    ProgressCallback,
    progress_part,
)


def filter_description(flt: object, lang: str) -> str:
    """The portfolio filter in words ('' for the whole portfolio)."""
    parts: list[str] = []
    checks: Sequence[tuple[str, type[v.Vocabulary] | None, str]] = (
        ("types", v.InitiativeType, "col_type"),
        ("sectors", v.Sector, "col_sector"),
        ("statuses", v.Status, "col_status"),
        ("origins", v.Origin, "col_origin"),
        ("pressures", v.PressureCategory, "label_pressures"),
    )
    for attr, vocabulary, key in checks:
        values = getattr(flt, attr, ()) or ()
        if not values:
            continue
        labels = []
        for value in values:
            if value == "unclassified":
                labels.append(message("unclassified", lang))
            elif vocabulary is not None:
                try:
                    labels.append(vocabulary.get(value).label(lang))
                except KeyError:
                    labels.append(value)
        parts.append(f"{message(key, lang)}: {', '.join(labels)}")
    search = getattr(flt, "search", "") or ""
    if search.strip():
        parts.append(f"{message('brief_search', lang)}: “{search.strip()}”")
    owner = getattr(flt, "owner", None)
    if owner:
        parts.append(f"{message('col_owner', lang)}: {owner}")
    return "; ".join(parts)


def key_figures(brief: Brief, figures: PortfolioFigures) -> list[tuple[str, str]]:
    t, n = brief.t, brief.num
    lang = brief.lang
    active = figures.by_status.get("active", 0)
    money_m = figures.resource(MUNICIPAL, "DKK").total
    money_x = figures.resource(MOBILISED, "DKK").total
    hours_m = figures.resource(MUNICIPAL, "hours").total
    hours_x = figures.resource(MOBILISED, "hours").total
    return [
        (t("kf_initiatives"), t("kf_initiatives_value", count=n(figures.count), active=n(active))),
        (
            t("kf_open_pressures"),
            t(
                "kf_open_pressures_value",
                count=n(figures.open_pressure_total),
                high=n(figures.high_severity_open),
            ),
        ),
        (
            t("kf_mandates"),
            t(
                "kf_mandates_value",
                none=n(len(figures.no_mandate)),
                unclear=n(len(figures.unclear_mandate)),
            ),
        ),
        (t("kf_review_overdue"), n(figures.signal_counts.get("review_overdue", 0))),
        (
            t("label_commitments"),
            t(
                "brief_commitments_kept",
                kept=n(figures.commitments["kept"]),
                on_time=n(figures.commitments["kept_on_time"]),
                overdue=n(figures.commitments["overdue"]),
                dropped=n(figures.commitments["dropped"]),
                open=n(figures.commitments["open"]),
            ),
        ),
        (t("kf_attention"), n(len(figures.attention))),
        (
            t("label_municipal").capitalize(),
            f"{tx.amount(money_m, 'DKK', lang)} · {tx.amount(hours_m, 'hours', lang)}",
        ),
        (
            t("label_mobilised").capitalize(),
            f"{tx.amount(money_x, 'DKK', lang)} · {tx.amount(hours_x, 'hours', lang)}",
        ),
        (
            t("kf_participants"),
            t(
                "kf_participants_value",
                organisations=n(sum(figures.organisations.values())),
                persons=n(sum(figures.persons.values())),
            ),
        ),
    ]


def build(
    initiatives: Sequence[InitiativeData],
    settings: BriefSettings,
    flt: object = None,
    today: date | None = None,
    progress: ProgressCallback | None = None,
) -> bytes:
    today = today or settings.generated_at.date()
    lang = settings.lang
    figures = portfolio_figures(initiatives, today)
    if progress:  # (done, total) in hundredths: the figures, then the pages of the table
        progress(10, 100)
    title = brief_title(lang)
    if settings.municipality_name:
        title = f"{title} – {settings.municipality_name}"
    selection = filter_description(flt, lang) if flt is not None else ""
    brief = Brief(
        settings,
        "brief_portfolio",
        title,
        brief_title(lang),
        header_note=message("brief_as_of", lang, date=tx.day(today, lang)),
    )
    t, s = brief.t, brief.s
    if brief.kind != t("brief_portfolio_title"):
        brief.add(brief.para(tx.escape(brief.kind), s.kicker))
    brief.add(brief.para(tx.escape(t("brief_portfolio_title")), s.title))
    brief.add(
        brief.para(
            tx.escape(
                t("brief_selection", selection=selection)
                if selection
                else t("brief_whole_portfolio")
            )
            + " · "
            + tx.escape(t("brief_as_of", date=brief.date(today))),
            s.muted,
        )
    )

    brief.heading(t("brief_key_figures"))
    brief.facts(key_figures(brief, figures), label_width=37 * mm, columns=2)

    brief.heading(t("brief_charts"), keep=200)
    for make in (
        charts.type_by_sector_chart,
        charts.pressures_chart,
        charts.resources_chart,
        charts.origins_chart,
    ):
        brief.add(KeepTogether([make(figures, lang, CONTENT_WIDTH), Spacer(1, 10)]))
    # the four Co's beside the typology, and the public value account (reports/outcomes_pdf.py)
    from coprod_desktop.reports import outcomes_pdf as outcome_sections

    phases = outcome_sections.phase_chart(initiatives, lang, CONTENT_WIDTH)
    brief.add(KeepTogether([phases, Spacer(1, 10)]))
    outcome_sections.value_account_section(brief, initiatives)

    if progress:
        progress(15, 100)
    brief.on_rows = progress_part(progress, 15, 100)
    if initiatives:
        brief.landscape_pages()
    brief.heading(t("brief_all_initiatives"))
    if initiatives:
        initiative_table(brief, initiatives, figures)
    else:
        brief.add(brief.para(tx.escape(t("cli_no_initiatives")), s.muted))
    return brief.render()


def signal_markers(signals: Sequence[Signal], lang: str) -> str:
    """The signals as short codes, the most serious first; a high one carries `!`."""
    ordered = sorted(signals, key=lambda x: (SIGNAL_RANK.get(x.severity, 3), x.key))
    return " ".join(
        message("sigcode_" + sig.key, lang) + ("!" if sig.severity == "high" else "")
        for sig in ordered
    )


def signal_legend(lang: str) -> str:
    """What each marker stands for."""
    legend = ", ".join(
        f"{message('sigcode_' + key, lang)} = {message('sig_' + key, lang)}" for key in SIGNAL_KEYS
    )
    return message("brief_signal_legend", lang, legend=legend)


def initiative_table(
    brief: Brief, initiatives: Sequence[InitiativeData], figures: PortfolioFigures
) -> None:
    """One line per initiative on landscape pages, those needing most attention first (the
    attention list's order), then the rest in the selection's order."""
    t, lang = brief.t, brief.lang
    signals_of = {id(a.initiative): a.signals for a in figures.attention}
    ordered = [a.initiative for a in figures.attention]
    ordered += [item for item in initiatives if id(item) not in signals_of]
    brief.add(
        brief.para(tx.escape(t("brief_attention_note") + " " + signal_legend(lang)), brief.s.muted)
    )
    rows = [
        [
            item.reference or "",
            item.title,
            v.InitiativeType.get(item.type).label(lang) if item.type else t("unclassified"),
            v.Sector.get(item.sector).label(lang),
            v.Status.get(item.status).label(lang),
            item.owner or "",
            brief.num(sum(1 for p in item.cross_pressures if p.status != "resolved")),
            brief.date(item.next_review),
            signal_markers(signals_of.get(id(item), []), lang),
        ]
        for item in ordered
    ]
    brief.add_table(
        [
            t("col_reference"),
            t("col_title"),
            t("col_type"),
            t("col_sector"),
            t("col_status"),
            t("col_owner"),
            t("brief_col_pressures_short"),
            t("col_next_review"),
            t("brief_col_signals_short"),
        ],
        rows,
        [None, 1, None, None, None, None, None, None, None],
        right=(6,),
        total=WIDE_CONTENT_WIDTH,
        compact=True,
    )


def brief_title(lang: str) -> str:
    return message("brief_portfolio_title", lang)
