"""The printed briefs (ReportLab): initiative brief, portfolio review, committee brief.

Headless (no Qt): the CLI and the GUI call the same functions here. Each returns the PDF as
bytes; `write_pdf` puts it in place atomically. ReportLab is imported only when a brief is
made, so importing this package is cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coprod_desktop.reports.base import BriefSettings, ProgressCallback
    from coprod_desktop.services.portfolio import PortfolioFilter
    from coprod_desktop.store.db import Database


def initiative_brief(db: Database, ident: int | str, settings: BriefSettings) -> bytes:
    """The brief of one initiative (by id or reference)."""
    from coprod_desktop.reports import initiative
    from coprod_desktop.services.initiatives import get_initiative

    return initiative.build(get_initiative(db, ident), settings)


def portfolio_review(
    db: Database,
    flt: PortfolioFilter | None,
    settings: BriefSettings,
    progress: ProgressCallback | None = None,
) -> bytes:
    """The portfolio review of the initiatives the filter selects."""
    from coprod_desktop.reports import portfolio
    from coprod_desktop.reports.base import progress_part
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
        pdf = portfolio.build(data, settings, flt=flt, progress=progress_part(progress, 40, 100))
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
    from coprod_desktop.reports import committee
    from coprod_desktop.services import names, reporting

    if progress:
        progress(0, 4)
    data = reporting.load_portfolio(db, flt, light=True)
    if require_confirmed_names and not include_personal_data:
        from coprod_desktop.domain.errors import NamesUnconfirmedError

        unconfirmed = names.committee_check(
            db,
            flt,
            settings.lang,
            include_journal=include_journal,
            municipality=settings.municipality_name or "",
            initiatives=data,
        )
        if unconfirmed:
            raise NamesUnconfirmedError(count=len(unconfirmed))
    safe = names.public_text(db)
    if progress:
        progress(1, 4)
    pdf = committee.build(
        data,
        settings,
        safe.persons,
        include_personal_data=include_personal_data,
        include_journal=include_journal,
        organisations=safe.organisations,
        replacements=safe.replacements,
        flt=flt,
        progress=progress,
    )
    if progress:
        progress(4, 4)
    return pdf


def write_pdf(pdf: bytes, path: Path) -> Path:
    """Write `pdf` to `path` atomically (`services.safe_write`: never over the database, a
    backup or a device; a temporary file beside it, then a rename)."""
    from coprod_desktop.services import safe_write

    return safe_write.write_bytes(Path(path), pdf)
