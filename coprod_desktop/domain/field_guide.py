"""The field guide: every column the CSV and XLSX exports write (and the import reads), what it
means and its allowed values, in English and Danish. Made from `domain.columns` and the
vocabularies, so it cannot drift. The GUI's Help menu shows it made on the spot; no copy is
kept in the repository. `python -m coprod_desktop.domain.field_guide [--lang da]` prints it;
`python -m coprod_desktop.domain.field_guide FOLDER` writes field-guide.en.md and
field-guide.da.md into FOLDER (to hand out, or to ship beside a build).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coprod_desktop.domain import columns as cols

LANGS = ("en", "da")

_TEXT = {
    "title": ("coprod-desktop field guide", "coprod-desktop feltvejledning"),
    "intro": (
        "This guide explains every column of the spreadsheet exports (CSV and XLSX) and of the "
        "spreadsheet import. A CSV export holds the initiatives sheet only; an XLSX export has "
        "one sheet per entity. Headings may be written as the field name, the English label or "
        "the Danish label; vocabulary values as the key, the English label or the Danish label. "
        "Dates are read as dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd (and as real date cells); "
        "numbers as 125.000,50 or 125000.50. A CSV in Danish uses `;` and a decimal comma, in "
        "English `,` and a decimal point; both are UTF-8 with a byte-order mark so Excel shows "
        "æ, ø and å correctly.",
        "Denne vejledning forklarer hver kolonne i regnearkseksporterne (CSV og XLSX) og i "
        "regnearksimporten. En CSV-eksport indeholder kun arket med initiativer; en XLSX-eksport "
        "har et ark pr. slags oplysning. Overskrifter kan skrives som feltnavnet, den engelske "
        "eller den danske betegnelse; værdier fra ordlister som nøglen, den engelske eller den "
        "danske betegnelse. Datoer læses som dd-mm-åååå, dd.mm.åååå eller åååå-mm-dd (og som "
        "rigtige datoceller); tal som 125.000,50 eller 125000.50. En dansk CSV bruger `;` og "
        "decimalkomma, en engelsk `,` og decimalpunktum; begge er UTF-8 med byte-order-mark, så "
        "Excel viser æ, ø og å korrekt.",
    ),
    "sheet": ("Sheet", "Ark"),
    "field": ("Field", "Felt"),
    "heading": ("Heading", "Overskrift"),
    "other": ("Other heading", "Anden overskrift"),
    "meaning": ("Meaning", "Betydning"),
    "values": ("Allowed values", "Tilladte værdier"),
    "text": ("text", "tekst"),
    "date": ("a date", "en dato"),
    "number": ("a number", "et tal"),
    "bool": ("Yes / No", "Ja / Nej"),
    "severity": ("1, 2 or 3", "1, 2 eller 3"),
    "names": ("stakeholder names separated by ;", "aktørnavne adskilt af ;"),
    "participedia": ("Participedia export", "Participedia-eksport"),
    "participedia_intro": (
        "`coprod export --participedia -o FILE.json` writes one public-safe case record per "
        "initiative in Participedia's case fields: persons in free text are replaced as in the "
        "committee brief, and stakeholders' names, owners, the journal, reviews, evidence and "
        "descriptions never go along.",
        "`coprod export --participedia -o FIL.json` skriver én offentligt sikker sagspost pr. "
        "initiativ i Participedias sagsfelter: personer i fritekst erstattes som i "
        "udvalgsnotatet, og aktørers navne, ejere, journal, reviews, dokumentation og "
        "beskrivelser kommer aldrig med.",
    ),
    "participedia_field": ("Participedia field", "Participedia-felt"),
    "participedia_from": ("Filled from", "Udfyldt fra"),
    "import": (
        "The import reads the columns of the Initiatives sheet. Budget (DKK), Staff hours and "
        "Volunteer hours become actual (not planned) resource entries.",
        "Importen læser kolonnerne i arket Initiativer. Budget (kr.), Medarbejdertimer og "
        "Frivillige timer bliver til faktiske (ikke planlagte) ressourceposter.",
    ),
}


def _t(key: str, lang: str) -> str:
    en, da = _TEXT[key]
    return da if lang == "da" else en


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _values(column: cols.Column, lang: str) -> str:
    if column.vocabulary is not None:
        other = "da" if lang == "en" else "en"
        listed = "; ".join(
            f"`{m.value}` = {m.label(lang)} ({m.label(other)})" for m in column.vocabulary
        )
        return listed
    if column.kind in ("date", "number", "bool", "severity", "names"):
        return _t(column.kind, lang)
    return _t("text", lang)


def render(lang: str) -> str:
    """The field guide as Markdown in `lang`."""
    other = "da" if lang == "en" else "en"
    lines = [f"# {_t('title', lang)}", "", _t("intro", lang), "", _t("import", lang), ""]
    for spec in cols.SHEETS:
        lines += [f"## {_t('sheet', lang)}: {spec.label(lang)} ({spec.label(other)})", ""]
        lines.append(
            f"| {_t('heading', lang)} | {_t('other', lang)} | {_t('field', lang)} | "
            f"{_t('meaning', lang)} | {_t('values', lang)} |"
        )
        lines.append("|---|---|---|---|---|")
        for column in spec.columns:
            lines.append(
                "| "
                + " | ".join(
                    _cell(x)
                    for x in (
                        column.label(lang),
                        column.label(other),
                        f"`{column.field}`",
                        column.help(lang),
                        _values(column, lang),
                    )
                )
                + " |"
            )
        lines.append("")
    lines += _participedia_section(lang)
    return "\n".join(lines)


def _participedia_section(lang: str) -> list[str]:
    """How `coprod export --participedia` fills Participedia's case fields (the same table
    `domain.participedia` works from)."""
    from coprod_desktop.domain.participedia import MAPPING

    lines = [f"## {_t('participedia', lang)}", "", _t("participedia_intro", lang), ""]
    lines.append(f"| {_t('participedia_field', lang)} | {_t('participedia_from', lang)} |")
    lines.append("|---|---|")
    for field, text in MAPPING:
        lines.append(f"| `{_cell(field)}` | {_cell(text.get(lang))} |")
    lines.append("")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m coprod_desktop.domain.field_guide",
        description="Print the field guide, or write it in every language into a folder.",
    )
    parser.add_argument("folder", nargs="?", type=Path, help="write field-guide.<lang>.md here")
    parser.add_argument("--lang", choices=LANGS, default="en", help="the language printed")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.folder is None:
        sys.stdout.write(render(args.lang))
        return 0
    try:
        args.folder.mkdir(parents=True, exist_ok=True)
        for lang in LANGS:
            (args.folder / f"field-guide.{lang}.md").write_text(render(lang), encoding="utf-8")
    except OSError as error:  # one line and exit 4, as every file problem
        print(
            f"error: cannot write the field guide into {args.folder}: {error.strerror}",
            file=sys.stderr,
        )
        return 4
    return 0


if __name__ == "__main__":
    sys.exit(main())
