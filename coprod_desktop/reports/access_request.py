"""A readable PDF of an access request (everything held about one person), drawn from the
JSON document of `services.privacy.access_export`; `services/briefs.py` writes it to files."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from coprod_desktop import paths
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.dates import read_date, show_date
from coprod_desktop.domain.messages import CATALOGUE, message

_FONT, _BOLD = "CoprodAccessSans", "CoprodAccessSans-Bold"


def _fonts() -> tuple[str, str]:
    """DejaVu Sans from resources/fonts when shipped (any script), else Helvetica."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _FONT in pdfmetrics.getRegisteredFontNames():
        return _FONT, _BOLD
    try:
        regular = paths.resource_path("fonts", "DejaVuSans.ttf")
        bold = paths.resource_path("fonts", "DejaVuSans-Bold.ttf")
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont(_FONT, str(regular)))
            pdfmetrics.registerFont(TTFont(_BOLD, str(bold)))
            return _FONT, _BOLD
    except Exception:  # a missing or unreadable font: fall back to the built-in one
        pass
    return "Helvetica", "Helvetica-Bold"


def _label(vocabulary: type[v.Vocabulary], key: Any, lang: str) -> str:
    if not key:
        return ""
    try:
        return vocabulary.get(str(key)).label(lang)
    except KeyError:
        return str(key)


def access_pdf(document: dict[str, Any], lang: str = "en") -> bytes:
    """The access request as PDF bytes."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    font, bold = _fonts()
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
    small = ParagraphStyle("small", fontName=font, fontSize=8, leading=10)
    heading = ParagraphStyle("h2", fontName=bold, fontSize=12, leading=16, spaceBefore=8)
    title = ParagraphStyle("h1", fontName=bold, fontSize=16, leading=20, spaceAfter=6)

    def t(key: str, **params: Any) -> str:
        return message(key, lang, **params)

    def p(text: Any, style: ParagraphStyle = small) -> Paragraph:
        return Paragraph(escape("" if text is None else str(text)).replace("\n", "<br/>"), style)

    def table(headers: list[str], rows: list[list[Any]], widths: list[float]) -> Table:
        data = [[p(h, ParagraphStyle("th", parent=small, fontName=bold)) for h in headers]]
        data += [[p(cell) for cell in row] for row in rows]
        out = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        out.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE5F0")),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return out

    person = document["person"]

    def when(value: Any) -> str:
        """A timestamp as date and time on lines of their own: a narrow column must not
        break it inside a number."""
        text = str(value or "")
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return text
        return f"{show_date(moment.date(), lang)}\n{moment:%H:%M}"

    def day(value: Any) -> str:
        """An ISO date as the language writes it (1.3.2026 in Danish)."""
        parsed = read_date(str(value)) if value else None
        return show_date(parsed, lang) if parsed else str(value or "")

    def audit_record(entry: dict[str, Any]) -> str:
        """What happened to which record: "changed: involvement in CP-2024-003"."""
        action = str(entry.get("action") or "")
        entity = str(entry.get("entity") or "")
        action_text = t("history_" + action) if "history_" + action in CATALOGUE else action
        entity_text = t("entity_" + entity) if "entity_" + entity in CATALOGUE else entity
        if entity == "stakeholder":
            return t(
                "access_audit_person", action=action_text, entity=entity_text,
                name=person.get("name", ""),
            )  # fmt: skip
        reference = entry.get("initiative")
        if reference:
            return t(
                "access_audit_record", action=action_text, entity=entity_text, reference=reference
            )
        return f"{action_text}: {entity_text} {entry.get('entity_id') or ''}".strip()

    def change(entry: dict[str, Any]) -> str:
        old, new = entry.get("old_value") or "", entry.get("new_value") or ""
        if entry.get("action") == "import":  # old: the file; new: what of it concerns them
            return f"{t('history_imported_from', file=old or '?')}: {new}"
        return f"{old} → {new}"

    story: list[Any] = [
        p(t("access_title", name=person.get("name", "")), title),
        p(
            t(
                "access_intro",
                at=when(document.get("exported_at", "")).replace("\n", " "),
                who=document.get("exported_by", ""),
                purpose=document.get("purpose", ""),
            ),
            body,
        ),
        p(t("access_record"), heading),
    ]
    fields = [
        ("col_name", person.get("name")),
        ("col_kind", _label(v.StakeholderKind, person.get("kind"), lang)),
        ("label_organisation", person.get("organisation")),
        ("label_email", person.get("email")),
        ("label_phone", person.get("phone")),
        ("label_notes", person.get("notes")),
        ("col_lawful_basis", _label(v.LawfulBasis, person.get("lawful_basis"), lang)),
        ("label_consent_date", day(person.get("consent_date"))),
        ("col_retention_until", day(person.get("retention_until"))),
    ]
    story.append(table(["", ""], [[t(k), value or ""] for k, value in fields], [45, 125]))

    story.append(p(t("access_involvements"), heading))
    story.append(
        table(
            [t("col_reference"), t("col_title"), t("label_role"), t("label_period")],
            [
                [
                    x["reference"],
                    x["title"],
                    _label(v.InvolvementRole, x["role"], lang),
                    f"{day(x.get('joined_on'))} – {day(x.get('left_on'))}".strip(" –"),
                ]
                for x in document["involvements"]
            ],
            [28, 82, 30, 30],
        )
    )
    story.append(p(t("access_journal"), heading))
    story.append(
        table(
            [t("col_reference"), t("col_when"), t("col_kind"), t("label_summary")],
            [
                [
                    x["reference"],
                    day(x["date"]),
                    t("access_participant") if x["participant"] else t("access_mentioned"),
                    x["summary"],
                ]
                for x in document["journal"]
            ],
            [28, 22, 20, 100],
        )
    )
    story.append(p(t("access_resources"), heading))
    story.append(
        table(
            [t("col_reference"), t("col_kind"), t("label_amount"), t("col_when")],
            [
                [
                    x["reference"],
                    _label(v.ResourceKind, x["kind"], lang),
                    f"{x['amount']} {x['unit']}",
                    day(x.get("date")),
                ]
                for x in document["resources"]
            ],
            [28, 62, 50, 30],
        )
    )
    if document.get("commitments"):
        story.append(p(t("label_commitments"), heading))
        story.append(
            table(
                [t("col_reference"), t("col_commitment"), t("col_status"), t("col_due_on")],
                [
                    [
                        x["reference"],
                        x["text"],
                        _label(v.CommitmentStatus, x["status"], lang),
                        x.get("due_on") or "",
                    ]
                    for x in document["commitments"]
                ],
                [28, 92, 25, 25],
            )
        )
    if document.get("mentioned_in"):
        story.append(p(t("access_mentions"), heading))
        story.append(
            table(
                [t("col_reference"), t("label_field")],
                [[x["reference"], x["field"]] for x in document["mentioned_in"]],
                [40, 130],
            )
        )
    if document.get("documents"):  # the files themselves are written beside this brief
        story.append(p(t("access_documents"), heading))
        story.append(
            table(
                [t("col_reference"), t("col_file"), t("col_size"), t("col_kind")],
                [
                    [
                        x["reference"],
                        x["name"],
                        f"{x['size']:,} B",
                        t("access_mentioned")
                        if x["why"] == "mentions"
                        else t("access_participant"),
                    ]
                    for x in document["documents"]
                ],
                [28, 92, 25, 25],
            )
        )
    story.append(p(t("access_audit"), heading))
    story.append(
        table(
            [t("col_when"), t("col_who"), t("col_action"), t("label_field"), t("label_change")],
            [
                [
                    when(a["at"]),
                    a["who"],
                    audit_record(a),
                    a.get("field") or "",
                    change(a),
                ]
                for a in document["audit"]
            ],
            [24, 22, 40, 24, 60],
        )
    )
    story.append(p(t("access_log"), heading))
    story.append(
        table(
            [t("col_when"), t("col_who"), t("col_action"), t("col_purpose")],
            [
                [
                    when(a["at"]),
                    a["who"],
                    t("access_" + a["action"])
                    if "access_" + a["action"] in CATALOGUE
                    else a["action"],
                    a["purpose"],
                ]
                for a in document["access_log"]
            ],
            [24, 30, 32, 84],
        )
    )
    story.append(Spacer(1, 4 * mm))

    handle = io.BytesIO()
    _build(handle, story, t("access_title", name=person.get("name", "")))
    return handle.getvalue()


def _build(handle: Any, story: list[Any], title: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    pdf = SimpleDocTemplate(
        handle,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
    )
    pdf.build(story)
