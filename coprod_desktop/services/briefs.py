"""The printed briefs and the access request's PDF: load the data, have `reports/` draw it,
write the file.

`reports/` takes plain data and returns PDF bytes; this module is what the CLI and the GUI
call. ReportLab is imported only when a brief is drawn, so importing this module is cheap.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coprod_desktop.reports.page_template import BriefSettings, ProgressCallback
    from coprod_desktop.services.portfolio_query import PortfolioFilter
    from coprod_desktop.store.db import Database


def settings_from_environment(lang: str = "en", author: str | None = None) -> BriefSettings:
    """Settings for the CLI: $COPROD_MUNICIPALITY, $COPROD_LOGO, the user as author."""
    from coprod_desktop.reports.page_template import BriefSettings
    from coprod_desktop.store.db import default_user

    logo = os.environ.get("COPROD_LOGO", "").strip()
    return BriefSettings(
        municipality_name=os.environ.get("COPROD_MUNICIPALITY", "").strip(),
        logo_path=Path(logo) if logo else None,
        author=author if author is not None else default_user(),
        lang=lang,
    )


def initiative_brief(db: Database, ident: int | str, settings: BriefSettings) -> bytes:
    """The brief of one initiative (by id or reference)."""
    from coprod_desktop.reports import initiative_pdf
    from coprod_desktop.services.initiatives import get_initiative

    return initiative_pdf.build(get_initiative(db, ident), settings)


def portfolio_review(
    db: Database,
    flt: PortfolioFilter | None,
    settings: BriefSettings,
    progress: ProgressCallback | None = None,
) -> bytes:
    """The portfolio review of the initiatives the filter selects."""
    from coprod_desktop.reports import portfolio_review_pdf
    from coprod_desktop.reports.page_template import progress_part
    from coprod_desktop.services import memory, reporting

    # in hundredths of the whole: reading 0-40, the figures and the layout 40-100 (each
    # call may raise to stop the brief, a Cancel)
    if progress:
        progress(0, 100)
    # thousands of initiatives with their records: the cyclic collector would walk them
    # again and again (a third of the time of a 10,000-initiative review)
    with memory.collector_paused():
        data = reporting.load_portfolio(
            db, flt, light=True, progress=progress_part(progress, 0, 40)
        )
        pdf = portfolio_review_pdf.build(
            data, settings, flt=flt, progress=progress_part(progress, 40, 100)
        )
    if progress:
        progress(100, 100)
    return pdf


def committee_brief(
    db: Database,
    flt: PortfolioFilter | None,
    settings: BriefSettings,
    *,
    include_personal_data: bool = False,
    include_journal: bool = False,
    require_confirmed_names: bool = False,
    progress: ProgressCallback | None = None,
) -> bytes:
    """The committee brief; public-safe unless `include_personal_data`: persons anonymised,
    the user's decisions on name-like phrases applied, journal text only with
    `include_journal`. With `require_confirmed_names`, a public brief that would print a
    name-like phrase nobody has decided on is refused (NamesUnconfirmedError)."""
    from coprod_desktop.reports import committee_pdf
    from coprod_desktop.services import dashboard_figures, names, portfolio_query, reporting

    if progress:
        progress(0, 4)
    # counted by the database; only the initiatives the brief describes or names are read
    today = settings.generated_at.date()
    summary = dashboard_figures.committee_summary(db, flt, today)
    listed = [
        row.id
        for row in portfolio_query.rows(
            db, flt or portfolio_query.PortfolioFilter(), limit=dashboard_figures.COMMITTEE_LISTED
        )
    ]
    data = reporting.load_initiatives(db, listed, light=True)
    if require_confirmed_names and not include_personal_data:
        from coprod_desktop.domain.errors import NamesUnconfirmedError

        # the texts of every initiative the brief prints something of, in the selection's order
        printed = {i.id: i for i in (*data, *summary.initiatives_named())}
        checked = sorted(printed.values(), key=lambda i: (i.reference or "", i.id or 0))
        unconfirmed = names.committee_check(
            db,
            flt,
            settings.lang,
            include_journal=include_journal,
            municipality=settings.municipality_name or "",
            initiatives=checked,
        )
        if unconfirmed:
            raise NamesUnconfirmedError(count=len(unconfirmed))
    safe = names.public_text(db)
    if progress:
        progress(1, 4)
    pdf = committee_pdf.build(
        data,
        settings,
        safe.persons,
        include_personal_data=include_personal_data,
        include_journal=include_journal,
        organisations=safe.organisations,
        replacements=safe.replacements,
        flt=flt,
        today=today,
        progress=progress,
        summary=summary,
    )
    if progress:
        progress(4, 4)
    return pdf


def write_pdf(pdf: bytes, path: Path) -> Path:
    """Write `pdf` to `path` atomically (`services/safe_write.py`: never over the database, a
    backup or a device; a temporary file beside it, then a rename)."""
    from coprod_desktop.services import safe_write

    return safe_write.write_bytes(Path(path), pdf)


# ---------------------------------------------------------------- the access request


def write_access_pdf(document: dict[str, Any], path: Path, lang: str = "en") -> Path:
    """The access request (`services.privacy.access_export`) as a readable PDF at `path`."""
    from coprod_desktop.reports.access_request import access_pdf

    return write_pdf(access_pdf(document, lang), path)


def access_paths(path: Path) -> tuple[Path, Path]:
    """The .json and .pdf an access request chosen as `path` (either, or neither suffix) is
    written to."""
    base = path.with_suffix("") if path.suffix.lower() in (".json", ".pdf") else path
    return base.with_name(base.name + ".json"), base.with_name(base.name + ".pdf")


def write_access_files(document: dict[str, Any], path: Path, lang: str = "en") -> list[Path]:
    """The access request as .json and .pdf beside it, both or neither: each target is
    checked before anything is written, and the JSON is removed if the PDF cannot be."""
    from coprod_desktop.services import privacy, safe_write

    json_path, pdf_path = access_paths(path)
    for target in (json_path, pdf_path):
        safe_write.check_target(target)
    written = [privacy.write_access_json(document, json_path)]
    try:
        written.append(write_access_pdf(document, pdf_path, lang))
    except BaseException:
        json_path.unlink(missing_ok=True)
        raise
    return written
