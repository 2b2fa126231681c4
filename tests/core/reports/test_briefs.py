"""The three briefs as PDFs: their text, their metadata, long text and any script."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from coprod_desktop.domain.figures import portfolio_figures
from coprod_desktop.reports import committee_pdf, initiative_pdf
from coprod_desktop.reports import portfolio_review_pdf as review
from coprod_desktop.services import briefs, exchange, reporting
from coprod_desktop.services.initiatives import get_initiative
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database

from .conftest import GENERATED, flat, ink_per_page, page_count, pdf_text, settings

SCRIPTS = "Zażółć gęślą jaźń · İstanbul ığüşöç · Ελληνικά · Кириллица · Ærø Å"
ARABIC = "العربية"


def person_document() -> dict[str, Any]:
    """An initiative that names a recorded person in its title, summary and journal."""
    return {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": [
            {
                "key": "p1",
                "name": "Zofia Wójcik",
                "kind": "volunteer",
                "is_person": True,
                "email": "zofia.wojcik@example.org",
                "phone": "+45 11 22 33 44",
                "notes": "Private: moved here in 2024.",
                "lawful_basis": "consent",
                "consent_date": "2025-01-10",
            },
            {"key": "o1", "name": "Ελληνική Ένωση", "kind": "association", "is_person": False},
        ],
        "initiatives": [
            {
                "key": "i1",
                "reference": "CP-2026-900",
                "title": "Zofia Wójcik's café for newcomers",
                "summary": "Started by Zofia Wójcik (zofia.wojcik@example.org).",
                "sector": "integration",
                "status": "active",
                "type": "coordination",
                "stakeholders": [
                    {"stakeholder": "p1", "role": "partner", "note": "Zofia Wójcik, note"},
                    {"stakeholder": "o1", "role": "contributor"},
                ],
                "journal": [
                    {
                        "date": "2026-02-01",
                        "kind": "milestone",
                        "summary": "Zofia Wójcik opened the café; call +45 11 22 33 44.",
                        "participants": ["p1"],
                    }
                ],
            }
        ],
    }


# ---------------------------------------------------------------- initiative brief


def test_initiative_brief_in_danish(demo_da: Database) -> None:
    pdf = briefs.initiative_brief(demo_da, "CP-2024-001", settings("da"))
    text = flat(pdf_text(pdf))
    for expected in (
        "CP-2024-001",
        "Strandholm Havn – fra protest til fælles havneplan",
        "Sønderby Kommune",
        "Initiativnotat",
        "Klassifikation",
        "Samstyring",
        "At facilitere samarbejde på tværs af organisationer",  # the typology's role
        "Aktører",
        "Strandholm Havneforening",
        "Gældende mandat",
        "Ressourcer",
        "Åbne krydspres",
        "Seneste journalnotater",
        "Side 1 af",
        "Dannet 2.3.2026 af Test Author",
    ):
        assert expected in text, expected
    # a full initiative (with its commitments and outcomes) fits on three pages
    assert page_count(pdf) <= 3


def test_initiative_brief_in_english_and_no_mandate(demo_en: Database) -> None:
    data = get_initiative(demo_en, "CP-2024-001")
    data.mandates = []
    text = flat(pdf_text(initiative_pdf.build(data, settings("en"))))
    assert "Initiative brief" in text and "Co-management" in text
    assert "No mandate recorded." in text
    assert "Page 1 of" in text


def test_metadata_is_set(demo_da: Database) -> None:
    pdf = briefs.initiative_brief(demo_da, "CP-2024-001", settings("da"))
    reader = PdfReader(io.BytesIO(pdf))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "CP-2024-001 Strandholm Havn – fra protest til fælles havneplan"
    assert meta.author == "Test Author"
    assert meta.subject == "Havne"
    assert reader.trailer["/Root"]["/Lang"] == "da-DK"


def test_long_description_flows_over_pages_and_odd_text_is_safe(demo_en: Database) -> None:
    data = get_initiative(demo_en, "CP-2024-001")
    paragraph = (
        "The harbour plan <draft> & its \x07annexes\x00 are discussed again; "
        "nothing here is markup </para> <b>. " * 12
    )
    description = "\n\n".join(f"{paragraph} Section {n}." for n in range(220))
    data.description = description + "\n\nThe very last sentence."
    assert len(data.description) > 200_000
    data.title = f"{SCRIPTS} {ARABIC}"
    pdf = initiative_pdf.build(data, settings("en"))
    assert page_count(pdf) >= 20
    text = flat(pdf_text(pdf))
    assert "The very last sentence." in text
    assert "<draft> & its annexes" in text
    for word in SCRIPTS.split(" · "):
        assert word in text, word


def test_all_scripts_have_glyphs_in_the_embedded_font() -> None:
    from reportlab.pdfbase import pdfmetrics

    from coprod_desktop.reports.fonts import SANS, SANS_BOLD, register_fonts

    register_fonts()
    for name in (SANS, SANS_BOLD):
        glyphs = pdfmetrics.getFont(name).face.charToGlyph
        missing = [c for c in SCRIPTS + ARABIC if not c.isspace() and ord(c) not in glyphs]
        assert missing == [], name


def test_brief_for_unknown_initiative(demo_en: Database) -> None:
    from coprod_desktop.domain.errors import NotFoundError

    with pytest.raises(NotFoundError):
        briefs.initiative_brief(demo_en, "CP-1999-999", settings())


# ---------------------------------------------------------------- portfolio review


def test_portfolio_review_lists_every_initiative_and_its_figures(demo_da: Database) -> None:
    pdf = briefs.portfolio_review(demo_da, PortfolioFilter(), settings("da"))
    text = flat(pdf_text(pdf))
    data = reporting.load_portfolio(demo_da)
    for item in data:
        assert item.reference and item.reference in text
    figures = portfolio_figures(data, date(2026, 3, 2))
    for expected in (
        "Porteføljegennemgang",
        "Nøgletal",
        "Initiativer fordelt på sektor og type",
        "Åbne krydspres fordelt på kategori og alvor",
        "Ressourcer: kommunal indsats og ressourcer mobiliseret udefra",
        "Sådan startede initiativerne",
        "Alle initiativer i udvalget",
        "IM = intet mandat",  # the legend of the compact signal markers
        f"{figures.count}, heraf {figures.by_status['active']} aktive",
        "Hele porteføljen",
    ):
        assert expected in text, expected
    # the charts' numbers: the municipal money total, printed at the end of its bar
    municipal = figures.resources[0]
    assert municipal.side == "municipal" and municipal.unit == "DKK"
    assert f"{municipal.total:,.0f} kr.".replace(",", ".") in text


def test_portfolio_review_of_500_initiatives_is_one_line_each_in_at_most_15_pages(
    tmp_path: Path,
) -> None:
    from coprod_desktop.domain.assessment import attention_signals
    from coprod_desktop.domain.messages import message
    from coprod_desktop.store.migrate import open_database
    from tests.benchmarks import generate

    path = tmp_path / "p500.sqlite"
    generate.build(path, 500, quiet=True)
    db = open_database(str(path), user="tester")
    try:
        data = reporting.load_portfolio(db)
        pdf = briefs.portfolio_review(db, PortfolioFilter(), settings("da"))
    finally:
        db.dispose()
    reader = PdfReader(io.BytesIO(pdf))
    assert len(data) == 500 and len(reader.pages) <= 15
    assert float(reader.pages[0].mediabox.width) < float(reader.pages[0].mediabox.height)
    assert float(reader.pages[-1].mediabox.width) > float(reader.pages[-1].mediabox.height)
    wide = [p for p in reader.pages if float(p.mediabox.width) > float(p.mediabox.height)]
    text = flat("\n".join(page.extract_text() or "" for page in wide))  # the one-line table
    starts = sorted((text.index(item.reference or "?"), item) for item in data)
    for (start, item), (end, _next) in zip(starts, [*starts[1:], (len(text), None)], strict=True):
        row = text[start:end].split()  # the row's cells, up to the next initiative
        assert item.title.split()[-1] in row
        for signal in attention_signals(item, GENERATED.date()):
            marker = message("sigcode_" + signal.key, "da")
            assert marker + ("!" if signal.severity == "high" else "") in row
    assert "intet mandat; " not in pdf_text(pdf)  # no sentences repeated row after row


def test_portfolio_review_follows_the_filter(demo_en: Database) -> None:
    flt = PortfolioFilter(sectors=("harbours", "eldercare"))
    selected = reporting.load_portfolio(demo_en, flt)
    text = flat(pdf_text(briefs.portfolio_review(demo_en, flt, settings("en"))))
    assert "Selection: Sector: Harbours, Eldercare" in text
    others = [i.reference for i in reporting.load_portfolio(demo_en) if i not in selected]
    assert all(r and r not in text for r in others)
    assert all(i.reference and i.reference in text for i in selected)


def test_portfolio_review_of_nothing(demo_en: Database) -> None:
    pdf = review.build([], settings("en"))
    assert "no initiatives match" in flat(pdf_text(pdf))


# ---------------------------------------------------------------- committee brief


def _persons_in(db: Database) -> list[tuple[str, str, str]]:
    from sqlalchemy import select

    from coprod_desktop.store import models as m

    with db.session() as session:
        rows = session.execute(
            select(m.Stakeholder.name, m.Stakeholder.email, m.Stakeholder.phone).where(
                m.Stakeholder.is_person.is_(True)
            )
        ).all()
    return [(r.name, r.email or "", r.phone or "") for r in rows]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_committee_brief_is_public_safe(lang: str, demo_da: Database, demo_en: Database) -> None:
    db = demo_da if lang == "da" else demo_en
    exchange.import_document(db, person_document())
    persons = _persons_in(db)
    assert len(persons) == 11
    # with the journal highlights: every free text the brief can print is anonymised
    pdf = briefs.committee_brief(db, PortfolioFilter(), settings(lang), include_journal=True)
    text = pdf_text(pdf)
    single = flat(text)
    squashed = "".join(text.split())
    for name, email, phone in persons:
        assert name not in single, name
        assert "".join(name.split()) not in squashed, name
        assert not email or email not in squashed, email
        assert not phone or "".join(phone.split()) not in squashed, phone
    assert "Private: moved here" not in single
    # the initiative is still there, with the person as a neutral word and a count
    if lang == "en":
        assert "CP-2026-900 · A volunteer's café for newcomers" in single
        assert "A volunteer opened the café" in single
        assert "5 volunteers" in single and "6 citizens" in single
        assert "Public version: no personal data." in single
    else:
        assert "CP-2026-900 · En frivillig's café for newcomers" in single
        assert "5 frivillige" in single
    assert "Ελληνική Ένωση" in single  # organisations are named


def test_committee_brief_with_personal_data(demo_en: Database) -> None:
    exchange.import_document(demo_en, person_document())
    pdf = briefs.committee_brief(
        demo_en, PortfolioFilter(), settings("en"), include_personal_data=True
    )
    single = flat(pdf_text(pdf))
    assert "This version contains personal data" in single
    assert "Zofia Wójcik's café for newcomers" in single
    for name, _email, _phone in _persons_in(demo_en):
        assert name in single, name


def test_committee_brief_content(demo_da: Database) -> None:
    data = reporting.load_portfolio(demo_da)
    figures = portfolio_figures(data, date(2026, 3, 2))
    pdf = committee_pdf.build(data, settings("da"), [], today=date(2026, 3, 2))
    single = flat(pdf_text(pdf))
    for expected in (
        "Udvalgsnotat",
        "Samskabelse i Sønderby Kommune",
        "Hvad samskabelsen har givet",
        "Hvad medarbejderne har brug for fra udvalget",
        "Åbne krydspres i organisationen",
        "Initiativerne",
        f"Notatet samler op på {figures.count} samskabelsesinitiativer",
    ):
        assert expected in single, expected


# ---------------------------------------------------------------- rendering


def test_every_page_of_every_brief_renders(demo_da: Database, tmp_path: Path) -> None:
    pdfs = {
        "initiative": briefs.initiative_brief(demo_da, "CP-2024-001", settings("da")),
        "portfolio": briefs.portfolio_review(demo_da, PortfolioFilter(), settings("da")),
        "committee": briefs.committee_brief(demo_da, PortfolioFilter(), settings("da")),
    }
    for name, pdf in pdfs.items():
        ink = ink_per_page(pdf, tmp_path)
        assert len(ink) == page_count(pdf) >= 1
        assert all(count > 300 for count in ink), (name, ink)


def test_write_pdf_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "out" / "brief.pdf"
    briefs.write_pdf(b"%PDF-1.4 first", target)
    briefs.write_pdf(b"%PDF-1.4 second", target)
    assert target.read_bytes() == b"%PDF-1.4 second"
    assert [p.name for p in target.parent.iterdir()] == ["brief.pdf"]


def test_logo_is_drawn_and_a_bad_logo_is_ignored(demo_en: Database, tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (11, 85, 99)).save(logo)
    with_logo = briefs.initiative_brief(demo_en, "CP-2024-001", settings(logo_path=logo))
    assert b"/Subtype /Image" in with_logo
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    pdf = briefs.initiative_brief(demo_en, "CP-2024-001", settings(logo_path=broken))
    assert b"/Subtype /Image" not in pdf
