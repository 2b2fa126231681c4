"""The headless `coprod` command. It shares the services with the GUI and never imports Qt.

Exit codes: 0 ok, 2 usage, 3 invalid input (nothing written), 4 database problem.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sqlite3
import sys
import traceback
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from coprod_desktop.domain.dates import show_date
from coprod_desktop.domain.errors import CoprodError
from coprod_desktop.domain.messages import CATALOGUE, message

EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_DATABASE = 0, 2, 3, 4


def _add_filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (comma-separated values are OR-ed)")
    group.add_argument("--type", help="co_management, empowerment, coordination or unclassified")
    group.add_argument("--sector")
    group.add_argument("--status")
    group.add_argument("--origin")
    group.add_argument(
        "--pressure", metavar="CATEGORY", help="an unresolved cross-pressure category"
    )
    group.add_argument("--search", metavar="TEXT", help="full-text search")
    group.add_argument("--owner")


class _Version(argparse.Action):
    """--version, looking the version up only when asked (it reads the package metadata)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any) -> None:
        from coprod_desktop import __version__

        print(f"coprod {__version__}")  # on stdout, as argparse's own version action
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coprod", description="coprod-desktop: case management for frontline co-producers."
    )
    parser.add_argument(
        "--version", action=_Version, nargs=0, help="show program's version number and exit"
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite file or postgresql+psycopg:// URL (default: $COPROD_DB, then the per-user data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "da"),
        default=None,
        help="language of messages (default: $COPROD_LANG or en)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    commands.add_parser("init", help="create or upgrade the database (backup first)")
    commands.add_parser("demo", help="load the demo portfolio")

    p = commands.add_parser(
        "import", help="import an interchange .json or a .csv/.xlsx sheet (all or nothing)"
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--dry-run", action="store_true", help="check the file and report; write nothing"
    )
    p.add_argument("--merge", action="store_true", help="update initiatives whose reference exists")
    p.add_argument(
        "--force",
        choices=("file", "database"),
        help="with --merge: the side that wins where both changed the same field or row",
    )
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="HEADING=FIELD",
        help="spreadsheets: read column HEADING as FIELD (empty FIELD: leave the column out)",
    )

    p = commands.add_parser(
        "export",
        help="export the (filtered) portfolio: .json, .coprodz, .csv, .xlsx or a public-safe map "
        ".geojson from the suffix",
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.add_argument(
        "--participedia",
        action="store_true",
        help="write public-safe Participedia case records (.json) instead",
    )
    _add_filters(p)

    p = commands.add_parser("list", help="list initiatives")
    _add_filters(p)
    p.add_argument(
        "--attention",
        metavar="SIGNAL",
        help="only initiatives where this attention signal fires (comma-separated; 'any')",
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--sort", default="reference")

    p = commands.add_parser(
        "classify",
        help="suggest a type of co-production from an initiative's text (or --text), with "
        "the confidence and the phrases and facts it relied on",
    )
    p.add_argument("ident", nargs="?", metavar="ID_OR_REF")
    p.add_argument("--text", metavar="TEXT", help="classify this text instead of an initiative")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = commands.add_parser("show", help="show one initiative")
    p.add_argument("ident", metavar="ID_OR_REF")
    p.add_argument("--format", choices=("text", "json"), default="text")

    _add_report_parser(commands)

    _add_backup_parser(commands)

    commands.add_parser("check", help="integrity and schema version")

    p = commands.add_parser("history", help="the audit trail of one initiative")
    p.add_argument("ident", metavar="ID_OR_REF")
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = commands.add_parser("copy", help="copy the whole portfolio into another, empty database")
    p.add_argument("--to", required=True, metavar="PATH_OR_URL")
    _add_person_commands(commands)
    _add_names_parser(commands)
    _add_commitment_parsers(commands)
    _add_attachment_parsers(commands)
    return parser


def _date_argument(value: str) -> Any:
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _add_commitment_parsers(commands: Any) -> None:
    p = commands.add_parser("commitments", help="commitments across the portfolio")
    group = p.add_argument_group("filters on the initiative (comma-separated values are OR-ed)")
    group.add_argument("--type", help="co_management, empowerment, coordination or unclassified")
    group.add_argument("--sector")
    group.add_argument("--origin")
    group.add_argument("--pressure", metavar="CATEGORY")
    group.add_argument("--search", metavar="TEXT", help="full-text search")
    # --owner and --status here are the commitment's, not the initiative's
    p.add_argument("--owner", metavar="NAME", help="who owns the commitment (any case)")
    p.add_argument(
        "--status", metavar="S", help="open, in_progress, done, dropped (comma-separated)"
    )
    p.add_argument("--due-before", type=_date_argument, metavar="DATE")
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = commands.add_parser("calendar", help="open commitments and review dates as .ics")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.ics")
    p.add_argument("--owner", metavar="NAME", help="only this person's commitments and reviews")


def _add_attachment_parsers(commands: Any) -> None:
    p = commands.add_parser("attach", help="keep files with an initiative or a journal entry")
    p.add_argument("ident", metavar="ID_OR_REF")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--journal", type=int, metavar="JOURNAL_ID", help="the journal entry's id")
    p.add_argument(
        "--create-participants",
        action="store_true",
        help=".eml/.msg/.ics: add the people not yet known as stakeholders",
    )
    p = commands.add_parser("attachments", help="list the files kept with an initiative")
    p.add_argument("ident", metavar="ID_OR_REF")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p = commands.add_parser("attachment", help="one attached file: save it elsewhere, delete it")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = actions.add_parser("save", help="write the file to FILE")
    q.add_argument("attachment_id", type=int, metavar="ATT_ID")
    q.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    q = actions.add_parser("delete", help="remove the attachment (its bytes when unused)")
    q.add_argument("attachment_id", type=int, metavar="ATT_ID")


def _add_names_parser(commands: Any) -> None:
    p = commands.add_parser(
        "names", help="name-like phrases in public briefs: keep or replace them (shared)"
    )
    actions = p.add_subparsers(dest="names_action", metavar="ACTION", required=True)
    q = actions.add_parser("list", help="the decisions taken")
    q.add_argument("--format", choices=("table", "json"), default="table")
    q = actions.add_parser("confirm", help="keep PHRASE in public briefs, or --replace it")
    q.add_argument("phrase", metavar="PHRASE")
    q.add_argument("--replace", metavar="TEXT", help="print TEXT instead of PHRASE")
    q = actions.add_parser("forget", help="remove the decision on PHRASE (ask again)")
    q.add_argument("phrase", metavar="PHRASE")


def _add_backup_parser(commands: Any) -> None:
    p = commands.add_parser(
        "backup",
        help="write an online, consistent copy (-o FILE); list or restore automatic backups",
        description="coprod backup -o FILE | coprod backup list | coprod backup restore NAME",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="where to write the copy")
    actions = p.add_subparsers(dest="backup_action", metavar="ACTION")
    q = actions.add_parser("list", help="the backups in the data folder, newest first")
    q.add_argument("--format", choices=("table", "json"), default="table")
    q = actions.add_parser(
        "restore", help="put a backup over the database (the replaced file is kept)"
    )
    q.add_argument("name", metavar="NAME", help="a name from 'coprod backup list'")
    p.set_defaults(backup_usage=p.format_usage())


def _add_report_parser(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="write a brief as PDF (municipality and logo from $COPROD_MUNICIPALITY, $COPROD_LOGO)",
    )
    briefs = report.add_subparsers(dest="report", metavar="BRIEF", required=True)
    p = briefs.add_parser("brief", help="the brief of one initiative")
    p.add_argument("ident", metavar="ID_OR_REF")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p = briefs.add_parser("portfolio", help="the portfolio review for middle managers")
    _add_filters(p)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p = briefs.add_parser("committee", help="the committee brief (public-safe by default)")
    _add_filters(p)
    p.add_argument(
        "--include-personal-data",
        action="store_true",
        help="print the names of citizens and volunteers (do not publish the result)",
    )
    p.add_argument(
        "--include-journal",
        action="store_true",
        help="also print each initiative's latest decisions and milestones (anonymised)",
    )
    p.add_argument(
        "--check-names",
        action="store_true",
        help="list the name-like phrases nobody has confirmed (exit 3 if any); write nothing",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE.pdf")
    p.set_defaults(committee_usage=p.format_usage())


def _record_id(text: str) -> int | str:
    """A record id: a whole number; one too long for any database stays text (not found)."""
    digits = text.strip()
    if digits.isascii() and digits.lstrip("-").isdigit():
        return int(digits) if len(digits) <= 20 else digits
    raise argparse.ArgumentTypeError(f"invalid id: {text!r}")


def _add_person_commands(commands: Any) -> None:
    """`person …` and `retention`: the GDPR tools for natural persons (services.privacy)."""
    from datetime import date

    p = commands.add_parser("person", help="natural persons: list, show, export, erase, log")
    actions = p.add_subparsers(dest="person_command", metavar="ACTION", required=True)
    q = actions.add_parser("list", help="list natural persons")
    q.add_argument("--format", choices=("table", "json"), default="table")
    q = actions.add_parser("show", help="show one person's record (the opening is logged)")
    q.add_argument("ident", type=_record_id, metavar="ID")
    q.add_argument("--purpose", required=True, help="why the record is opened (logged)")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q = actions.add_parser(
        "export", help="access request: everything held about a person, as .json and .pdf"
    )
    q.add_argument("ident", type=_record_id, metavar="ID")
    q.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    q.add_argument("--purpose", default="access request", help="logged (default: access request)")
    q = actions.add_parser("erase", help="anonymise a person everywhere, leaving no trace")
    q.add_argument("ident", type=_record_id, metavar="ID")
    q.add_argument("--reason", required=True, help="kept in the audit trail")
    q.add_argument(
        "--documents",
        choices=("delete", "keep"),
        help="what becomes of the documents that concern the person (asked when there are any)",
    )
    q = actions.add_parser("log", help="who opened a person's record, when and why")
    q.add_argument("ident", type=_record_id, metavar="ID")
    q.add_argument("--format", choices=("table", "json"), default="table")
    p = commands.add_parser("retention", help="persons whose retention date has passed")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--on", type=date.fromisoformat, metavar="YYYY-MM-DD", help="instead of today")


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip()) if value else ()


def _filter(args: argparse.Namespace) -> Any:
    from coprod_desktop.services.portfolio_query import PortfolioFilter

    return PortfolioFilter(
        types=_split(args.type),
        sectors=_split(args.sector),
        statuses=_split(args.status),
        origins=_split(args.origin),
        pressures=_split(args.pressure),
        search=args.search or "",
        owner=args.owner,
    )


class Cli:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang = args.lang or os.environ.get("COPROD_LANG", "en")
        self.opened: list[Any] = []  # databases to close when the command ends

    def say(self, key: str, **params: Any) -> None:
        print(message(key, self.lang, **params))

    def open(self, upgrade: bool = True, auto_backup: bool = True) -> Any:
        from coprod_desktop.domain.errors import DatabaseReadOnlyError
        from coprod_desktop.store.migrate import open_database

        if self.args.command not in CREATING_COMMANDS:
            _refuse_missing_database(self.args.db)
        db = open_database(self.args.db, upgrade=upgrade, auto_backup=auto_backup)
        writing = self.args.command in WRITING_COMMANDS and not getattr(self.args, "dry_run", False)
        if db.read_only and writing:
            db.dispose()
            raise DatabaseReadOnlyError(where=db.display_name)
        self.opened.append(db)
        from coprod_desktop.services import erasure_ledger

        if erasure_ledger.known_to(db):  # only then the privacy service (and the ORM) loads
            from coprod_desktop.services import privacy

            self._reapplied(privacy.reapply_erasures(db))
        return db

    def _reapplied(self, ids: Sequence[int]) -> None:
        """Say on stderr which erased persons came back with a backup and were erased again."""
        if ids:
            text = message("cli_erasure_reapplied", self.lang, ids=", ".join(map(str, ids)))
            print(text, file=sys.stderr)

    def close(self) -> None:
        """Close every connection the command opened, so no file stays held afterwards."""
        while self.opened:
            self.opened.pop().dispose()

    def run(self) -> int:
        handler = getattr(self, "cmd_" + self.args.command)
        result: int = handler()
        return result

    # ------------------------------------------------------------ commands

    def cmd_init(self) -> int:
        from coprod_desktop.store.migrate import current_revision

        db = self.open()
        self.say("cli_initialised", where=db.display_name, revision=current_revision(db.engine))
        return EXIT_OK

    def cmd_demo(self) -> int:
        from coprod_desktop.services import exchange

        result = exchange.load_demo(self.open(), self.lang)
        self.say(
            "cli_demo_loaded", initiatives=result.created, stakeholders=result.stakeholders_created
        )
        return EXIT_OK

    def cmd_import(self) -> int:
        from coprod_desktop.domain.errors import ValidationError
        from coprod_desktop.services import file_import

        path: Path = self.args.file
        column_map: dict[str, str | None] = {}
        for pair in self.args.column:
            heading, _, target = pair.partition("=")
            column_map[heading.strip()] = target.strip() or None
        # a bad file is refused before the database opens
        with file_import.opened(path, column_map) as source:
            try:
                result = file_import.import_opened(
                    self.open(),
                    source,
                    merge=self.args.merge,
                    dry_run=self.args.dry_run,
                    force=self.args.force,
                )
            except ValidationError as error:
                if source.sheet is None:
                    raise
                print(
                    message("cli_sheet_problems", self.lang, count=len(error.problems), path=path),
                    file=sys.stderr,
                )
                for problem in error.problems:  # by row and column, as the sheet shows them
                    print("  " + problem.message(self.lang), file=sys.stderr)
                return EXIT_INPUT
        return self._imported(result)

    def _imported(self, result: Any) -> int:
        key = "cli_dry_run" if result.dry_run else "cli_imported"
        self.say(
            key,
            created=result.created,
            updated=result.updated,
            stakeholders=result.stakeholders_created,
        )
        for settled in result.overwritten:
            self.say(
                f"cli_forced_{settled.winner}",
                reference=settled.reference,
                field=settled.field,
                lost=settled.lost,
            )
        if result.attachments_skipped:
            self.say("cli_attachments_skipped", count=result.attachments_skipped)
        return EXIT_OK

    def cmd_export(self) -> int:
        from coprod_desktop.services import file_export

        flt = _filter(self.args)
        if self.args.participedia:
            import os

            from coprod_desktop.services import participedia_export

            place = os.environ.get("COPROD_MUNICIPALITY", "")
            count = participedia_export.export_file(
                self.open(), self.args.output, flt, self.lang, place
            )
            self.say("cli_exported", count=count, path=self.args.output)
            return EXIT_OK
        count = file_export.export_file(self.open(), self.args.output, flt, self.lang)
        self.say("cli_exported", count=count, path=self.args.output)
        return EXIT_OK

    def cmd_list(self) -> int:
        # A listing makes tens of thousands of objects that all live until they are printed:
        # the cyclic collector would only walk them again and again (0.2 s of 20,000 rows).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._list()
        finally:
            if collecting:
                gc.enable()

    def _list(self) -> int:
        from coprod_desktop.services import portfolio_query

        db = self.open()
        flt = _filter(self.args)
        wanted = _split(self.args.attention)
        if wanted:  # one SQL query over the facts the database keeps (services/attention.py)
            flt = replace(flt, attention=tuple(wanted))
        as_json = self.args.format == "json"
        # the rows with their signals (and, for JSON, the suggested type and completeness)
        # in one pass over the filtered portfolio, without loading each initiative's records
        listed = portfolio_query.listing(db, flt, sort=self.args.sort, assess=as_json)
        if not as_json:  # the table prints the number of signals
            self._print_table(listed)
            return EXIT_OK
        out = [
            {
                "id": r.id,
                "reference": r.reference,
                "title": r.title,
                "type": r.type,
                "sector": r.sector,
                "status": r.status,
                "origin": r.origin,
                "owner": r.owner,
                "next_review": r.next_review.isoformat() if r.next_review else None,
                "open_pressures": r.open_pressures,
                "attention": item.attention,
                "suggested_type": item.suggested_type,
                "completeness": item.completeness,
            }
            for item in listed
            for r in (item.row,)
        ]
        if flt.search:  # which attached documents matched, by name
            from coprod_desktop.services import attachments

            found: dict[int, list[str]] = {}
            ids = [item.row.id for item in listed]
            for hit in attachments.matching_documents(db, flt.search, ids):
                found.setdefault(hit.initiative_id, []).append(hit.name)
            for entry, ident in zip(out, ids, strict=True):
                entry["documents"] = found.get(ident, [])
        sys.stdout.write(json_array(out) + "\n")
        return EXIT_OK

    def _print_table(self, listed: Sequence[Any]) -> None:
        from coprod_desktop.domain import vocab as v

        if not listed:
            self.say("cli_no_initiatives")
            return
        lang = self.lang
        headers = [
            message(k, lang)
            for k in (
                "col_reference",
                "col_title",
                "col_type",
                "col_sector",
                "col_status",
                "col_open_pressures",
                "col_attention",
            )
        ]
        # each vocabulary's labels looked up once, not once per row
        types: dict[str | None, str] = {t.value: t.label(lang) for t in v.InitiativeType}
        types[None] = types[""] = message("unclassified", lang)
        sectors = {t.value: t.label(lang) for t in v.Sector}
        statuses = {t.value: t.label(lang) for t in v.Status}
        table = [
            (
                r.reference,
                r.title if len(r.title) <= 48 else r.title[:47] + "…",
                types[r.type] if r.type in types else v.InitiativeType.get(r.type).label(lang),
                sectors[r.sector] if r.sector in sectors else v.Sector.get(r.sector).label(lang),
                statuses[r.status] if r.status in statuses else v.Status.get(r.status).label(lang),
                str(r.open_pressures),
                str(len(item.attention)),
            )
            for item in listed
            for r in (item.row,)
        ]
        widths = [max(map(len, column)) for column in zip(headers, *table, strict=True)]
        last = len(widths) - 1
        lines = [
            "  ".join(
                cell.ljust(width) if index < last else cell
                for index, (cell, width) in enumerate(zip(line, widths, strict=True))
            ).rstrip()
            for line in [headers, ["-" * w for w in widths], *table]
        ]
        lines.append(message("cli_count", lang, count=len(listed)))
        sys.stdout.write("\n".join(lines) + "\n")

    def cmd_commitments(self) -> int:
        from coprod_desktop.domain import vocab as v
        from coprod_desktop.services import commitments
        from coprod_desktop.services.portfolio_query import PortfolioFilter, validate_filter

        args = self.args
        flt = PortfolioFilter(
            types=_split(args.type),
            sectors=_split(args.sector),
            origins=_split(args.origin),
            pressures=_split(args.pressure),
            search=args.search or "",
        )
        validate_filter(flt)
        rows = commitments.list_commitments(
            self.open(),
            flt,
            owner=args.owner,
            statuses=_split(args.status),
            due_before=args.due_before,
        )
        if args.format == "json":
            print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
            return EXIT_OK
        if not rows:
            self.say("cli_no_commitments")
            return EXIT_OK
        lang = self.lang
        headers = [
            message(k, lang)
            for k in (
                "col_reference",
                "col_commitment",
                "col_owner",
                "col_counterpart",
                "col_due_on",
                "col_status",
            )
        ]
        table = [
            [
                r.reference,
                r.text if len(r.text) <= 48 else r.text[:47] + "…",
                r.owner or "",
                r.counterpart or "",
                r.due_on.isoformat() if r.due_on else "",
                v.CommitmentStatus.get(r.status).label(lang),
            ]
            for r in rows
        ]
        widths = [max(len(str(line[i])) for line in [headers, *table]) for i in range(len(headers))]
        for line in [headers, ["-" * w for w in widths], *table]:
            print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        self.say("cli_commitment_count", count=len(rows))
        return EXIT_OK

    def cmd_calendar(self) -> int:
        from coprod_desktop.services import calendar

        count = calendar.write_calendar(self.open(), self.args.output, self.args.owner, self.lang)
        self.say("cli_calendar_written", count=count, path=self.args.output)
        return EXIT_OK

    def cmd_classify(self) -> int:
        from coprod_desktop.domain.text_classification import (
            suggest_for_text,
            suggest_from_text,
        )

        args = self.args
        if (args.ident is None) == (args.text is None):
            print(message("cli_classify_usage", self.lang), file=sys.stderr)
            return EXIT_USAGE
        if args.text is not None:
            found = suggest_from_text(args.text)
        else:
            from coprod_desktop.services import initiatives

            found = suggest_for_text(initiatives.get_initiative(self.open(), args.ident))
        if args.format == "json":
            document = {
                "type": found.primary.value if found.primary else None,
                "confidence": found.confidence,
                "phrases": {c.group.key: list(c.phrases) for c in found.cues},
                "facts": [f.get(self.lang) for f in found.facts],
                "scores": {k.value: v for k, v in found.scores.items()},
                "rationale": found.rationale(self.lang),
            }
            print(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            print(found.rationale(self.lang))
        return EXIT_OK

    def cmd_show(self) -> int:
        from coprod_desktop.services import exchange

        document = exchange.show_document(self.open(), self.args.ident)
        if self.args.format == "json":
            print(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            print(format_initiative_text(document, self.lang))
        return EXIT_OK

    def cmd_report(self) -> int:
        from coprod_desktop.services import briefs, safe_write

        args = self.args
        if args.output is not None:  # `--check-names` writes nothing
            safe_write.check_target(args.output)  # refused before the brief is built
        settings = briefs.settings_from_environment(self.lang)
        if args.report == "brief":
            pdf = briefs.initiative_brief(self.open(), args.ident, settings)
        else:
            flt = _filter(args)
            from coprod_desktop.services.portfolio_query import validate_filter

            validate_filter(flt)  # a bad filter is refused before the database opens
            if args.report == "portfolio":
                pdf = briefs.portfolio_review(self.open(), flt, settings)
            elif args.check_names:
                return self._check_names(flt, settings)
            elif args.output is None:
                print(args.committee_usage.rstrip(), file=sys.stderr)
                print(
                    "coprod report committee: error: give -o FILE.pdf or --check-names",
                    file=sys.stderr,
                )
                return EXIT_USAGE
            else:
                pdf = briefs.committee_brief(
                    self.open(),
                    flt,
                    settings,
                    include_personal_data=args.include_personal_data,
                    include_journal=args.include_journal,
                    require_confirmed_names=True,
                )
        path = briefs.write_pdf(pdf, args.output)  # refused or unwritable: FileProblemError
        self.say("cli_report_written", path=path)
        return EXIT_OK

    def _check_names(self, flt: Any, settings: Any) -> int:
        """`report committee --check-names`: one unconfirmed phrase a line, with where."""
        from coprod_desktop.services import names

        found = names.committee_check(
            self.open(),
            flt,
            self.lang,
            include_journal=self.args.include_journal,
            municipality=settings.municipality_name,
        )
        if not found:
            self.say("names_none_unconfirmed")
            return EXIT_OK
        for item in found:
            where = "; ".join(dict.fromkeys(place for place, _context in item.places))
            print(f"{item.phrase}\t{where}\t{item.places[0][1]}")
        print(message("names_unconfirmed_count", self.lang, count=len(found)), file=sys.stderr)
        return EXIT_INPUT

    def cmd_names(self) -> int:
        from coprod_desktop.services import names

        args = self.args
        db = self.open()
        if args.names_action == "confirm":
            decision = names.decide(db, args.phrase, args.replace)
            if decision.replacement is None:
                self.say("names_kept", phrase=decision.phrase)
            else:
                self.say("names_replaced", phrase=decision.phrase, replacement=decision.replacement)
            return EXIT_OK
        if args.names_action == "forget":
            if not names.forget(db, args.phrase):
                print(
                    message(
                        "cli_error",
                        self.lang,
                        message=message("names_not_decided", self.lang, phrase=args.phrase),
                    ),
                    file=sys.stderr,
                )
                return EXIT_INPUT
            self.say("names_forgotten", phrase=args.phrase)
            return EXIT_OK
        decisions = names.list_decisions(db)
        if args.format == "json":
            out = [
                {
                    "phrase": d.phrase,
                    "replacement": d.replacement,
                    "decided_by": d.decided_by,
                    "decided_at": d.decided_at.isoformat(timespec="seconds"),
                }
                for d in decisions
            ]
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return EXIT_OK
        if not decisions:
            self.say("names_no_decisions")
            return EXIT_OK

        def t(key: str, **params: Any) -> str:
            return message(key, self.lang, **params)

        rows = [
            [
                d.phrase,
                t("names_keep")
                if d.replacement is None
                else t("names_replace_with", replacement=d.replacement),
                d.decided_by,
                d.decided_at.isoformat(" ", "minutes"),
            ]
            for d in decisions
        ]
        headers = [
            t("names_col_phrase"),
            t("names_col_decision"),
            t("names_col_by"),
            t("names_col_at"),
        ]
        _print_rows(headers, rows)
        return EXIT_OK

    def cmd_backup(self) -> int:
        from coprod_desktop.services import backups

        action = self.args.backup_action
        if action is None and self.args.output is None:
            print(self.args.backup_usage.rstrip(), file=sys.stderr)
            print("coprod backup: error: give -o FILE, 'list' or 'restore NAME'", file=sys.stderr)
            return EXIT_USAGE
        if action is None:
            path = backups.backup(self.open(), self.args.output)
            self.say("cli_backup_done", path=path)
            return EXIT_OK
        if action == "list":
            return self._list_backups(backups.list_backups())
        # restore: the database may be damaged, so it is not opened first
        target = backups.database_path(self.args.db)
        result = backups.restore_backup(self.args.name, target)
        self.say(
            "cli_backup_restored",
            name=result.backup.name,
            where=result.target,
            safety=result.safety_copy.path if result.safety_copy else "-",
        )
        self._reapplied(result.erased_again)
        if result.reapply_problem:
            reason = result.reapply_problem.message(self.lang)
            self.say("cli_erasure_reapply_failed", reason=reason)
            return EXIT_DATABASE
        return EXIT_OK

    def _list_backups(self, found: Sequence[Any]) -> int:
        from coprod_desktop import paths

        if self.args.format == "json":
            out = [
                {
                    "name": b.name,
                    "created": b.created.isoformat(timespec="seconds"),
                    "size": b.size,
                    "kind": b.kind,
                    "database": str(b.source) if b.source else None,
                    "revision": b.revision,
                }
                for b in found
            ]
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return EXIT_OK
        if not found:
            self.say("cli_no_backups", folder=paths.backups_dir())
            return EXIT_OK
        headers = [
            message(k, self.lang)
            for k in (
                "col_backup_name",
                "col_backup_date",
                "col_backup_size",
                "col_backup_kind",
                "col_backup_database",
            )
        ]
        rows = [
            [
                b.name,
                b.created.isoformat(" ", "minutes"),
                _size(b.size),
                message("backup_kind_" + b.kind.replace("-", "_"), self.lang),
                str(b.source) if b.source else "-",
            ]
            for b in found
        ]
        _print_rows(headers, rows)
        return EXIT_OK

    def cmd_history(self) -> int:
        from coprod_desktop.domain import import_event
        from coprod_desktop.services import initiatives

        entries = initiatives.history(self.open(), self.args.ident)
        if self.args.format == "json":
            out = [
                {
                    "at": e.at.isoformat(timespec="seconds"),
                    "who": e.who,
                    "action": e.action,
                    "entity": e.entity,
                    "entity_id": e.entity_id,
                    "field": e.field,
                    "old": e.old_value,
                    "new": e.new_value,
                    # an import event: the record's first state, readable
                    **(
                        {"values": import_event.state(e.new_value)}
                        if e.action == import_event.IMPORT
                        else {}
                    ),
                }
                for e in entries
            ]
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return EXIT_OK
        from coprod_desktop.domain.columns import field_label

        def t(key: str) -> str:
            return message(key, self.lang)

        keys = ("col_when", "col_who", "col_action", "col_what", "label_field", "label_change")
        headers = [t(key) for key in keys]
        rows = [
            [
                f"{show_date(e.at, self.lang)} {e.at:%H:%M}",
                e.who,
                t(f"history_{e.action}") if f"history_{e.action}" in CATALOGUE else e.action,
                t(f"entity_{e.entity}") if f"entity_{e.entity}" in CATALOGUE else e.entity,
                field_label(e.entity, e.field, self.lang) if e.field else "",
                import_event.summary(e.entity, e.old_value, e.new_value, self.lang)
                if e.action == import_event.IMPORT
                else f"{e.old_value!s} → {e.new_value!s}"
                if e.field
                else (e.new_value or e.old_value or ""),
            ]
            for e in entries
        ]
        _print_rows(headers, rows)
        return EXIT_OK

    def cmd_attach(self) -> int:
        from coprod_desktop.services import attachments, initiatives, mail_import

        paths: list[Path] = self.args.files
        # e-mails and invitations become journal entries, unless a journal entry is named
        messages = (
            [p for p in paths if mail_import.is_message(p)] if self.args.journal is None else []
        )
        files = [p for p in paths if p not in messages]
        for path in messages:  # every message readable before anything is written
            mail_import.read_message(path)
        db = self.open()
        if files:
            added = attachments.attach_files(db, self.args.ident, files, self.args.journal)
            reference = initiatives.get_initiative(db, added[0].initiative_id).reference
            self.say("cli_attached", count=len(added), reference=reference)
        for path in messages:
            made = mail_import.import_message(
                db, self.args.ident, path, create=bool(self.args.create_participants)
            )
            kind = message(
                "cli_kind_" + ("meeting" if path.suffix.lower() == ".ics" else "email"), self.lang
            )
            self.say(
                "cli_message_entry",
                journal=made.journal_id,
                kind=kind,
                name=path.name,
                count=len(made.attachments),
            )
            for person, _ident in made.matched:
                self.say("cli_participant_matched", name=person.name, email=person.email)
            for person, _ident in made.created:
                self.say("cli_participant_created", name=person.name, email=person.email)
            for person in made.unmatched:
                self.say("cli_participant_unmatched", name=person.name, email=person.email)
        attachments.extract_pending(db)  # the words for the search, after the files are safe
        return EXIT_OK

    def cmd_attachments(self) -> int:
        from coprod_desktop.services import attachments

        found = attachments.list_attachments(self.open(), self.args.ident)
        if self.args.format == "json":
            out = [attachments.as_json(a) for a in found]
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return EXIT_OK
        if not found:
            self.say("cli_no_attachments")
            return EXIT_OK
        keys = ("col_id", "col_file", "col_size", "col_added", "col_who", "col_journal")
        headers = [message(key, self.lang) for key in keys]
        rows = [
            [
                str(a.id),
                a.name,
                _size(a.size),
                a.added_on.isoformat() if a.added_on else "",
                a.added_by or "",
                str(a.journal_entry_id or ""),
            ]
            for a in found
        ]
        _print_rows(headers, rows)
        return EXIT_OK

    def cmd_attachment(self) -> int:
        from coprod_desktop.services import attachments

        db = self.open()
        if self.args.action == "delete":
            attachments.delete_attachment(db, self.args.attachment_id)
            return EXIT_OK
        found = attachments.get_attachment(db, self.args.attachment_id)
        attachments.save_as(db, found.id, self.args.output)
        self.say("cli_attachment_saved", name=found.name, path=self.args.output)
        return EXIT_OK

    def cmd_copy(self) -> int:
        from coprod_desktop.services import transfer
        from coprod_desktop.store.migrate import open_database

        source = self.open()
        target = open_database(self.args.to)
        self.opened.append(target)
        result = transfer.copy_portfolio(source, target)
        self.say("cli_copied", count=result.initiatives, where=target.display_name)
        return EXIT_OK

    def cmd_person(self) -> int:
        from coprod_desktop.domain.errors import NotFoundError
        from coprod_desktop.services.initiatives import as_id

        ident = getattr(self.args, "ident", None)
        if ident is not None and as_id(ident) is None:  # beyond what a database can hold
            raise NotFoundError("stakeholder", ident)
        handler = getattr(PersonCommands(self), self.args.person_command)
        result: int = handler()
        return result

    def cmd_retention(self) -> int:
        return PersonCommands(self).retention()

    def cmd_check(self) -> int:
        from coprod_desktop.services import health, privacy

        db = self.open(upgrade=False)
        result = health.check(db)
        if result.ok and privacy.cleanup_pending(db):
            done, reason = privacy.finish_cleanup(db)
            if not done:
                self.say("cli_erase_cleanup_failed_again", reason=reason)
                return EXIT_DATABASE
            self.say("cli_erase_cleanup_done")
        if result.integrity != ["ok"]:
            self.say("cli_check_failed", detail="; ".join(result.integrity[:5]))
            return EXIT_DATABASE
        if result.revision != result.head:
            self.say("cli_check_outdated", revision=result.revision, head=result.head)
            return EXIT_DATABASE
        self.say("cli_check_ok", revision=result.revision, count=result.initiatives)
        return EXIT_OK


#: commands refused up front on a read-only database (any other write fails when it is tried)
WRITING_COMMANDS = frozenset({"demo", "import", "attach"})
#: the commands that create the database when there is none; every other one only reads or
#: changes an existing portfolio and must not leave an empty one behind
CREATING_COMMANDS = frozenset({"init", "demo", "import"})


def _refuse_missing_database(db: str | None) -> None:
    from coprod_desktop.domain.errors import DatabaseMissingError
    from coprod_desktop.store.db import resolve_target, sqlite_path, to_url

    path = sqlite_path(to_url(resolve_target(db)))
    if path is not None and not path.exists():
        raise DatabaseMissingError(where=str(path))


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    scaled = size / 1024
    for unit in ("KB", "MB"):
        if scaled < 1024:
            return f"{scaled:.1f} {unit}"
        scaled /= 1024
    return f"{scaled:.1f} GB"


def json_array(items: Sequence[dict[str, Any]]) -> str:
    """`json.dumps(items, ensure_ascii=False, indent=2)` for a list of flat objects whose values
    are strings, numbers, booleans, None or lists of those, byte for byte: the standard
    library's encoder is pure Python when it indents, and 20,000 listed initiatives took it a
    quarter of a second (tests/core/test_cli_list_json.py checks that the two agree)."""
    from json.encoder import encode_basestring as quoted

    def scalar(value: Any) -> str:
        if type(value) is str:
            return str(quoted(value))
        if value is None:
            return "null"
        if type(value) is int:
            return int.__repr__(value)
        return json.dumps(value, ensure_ascii=False)  # as json writes a bool or a float

    def other(value: Any) -> str:
        if isinstance(value, list):
            if not value:
                return "[]"
            return "[\n      " + ",\n      ".join(map(scalar, value)) + "\n    ]"
        return scalar(value)

    if not items:
        return "[]"
    keys: tuple[str, ...] | None = None
    template = ""
    objects = []
    for item in items:
        if tuple(item) != keys:  # the layout of an object with these keys, once
            keys = tuple(item)
            members = ",\n".join(f"    {quoted(key).replace('%', '%%')}: %s" for key in keys)
            template = "  {\n" + members + "\n  }" if keys else "  {}"
        objects.append(
            template
            % tuple(
                [
                    quoted(value)
                    if type(value) is str
                    else "null"
                    if value is None
                    else int.__repr__(value)
                    if type(value) is int
                    else other(value)
                    for value in item.values()
                ]
            )
        )
    return "[\n" + ",\n".join(objects) + "\n]"


def _print_rows(headers: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(line[i])) for line in [headers, *rows]) for i in range(len(headers))]
    for line in [headers, ["-" * w for w in widths], *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())


class PersonCommands:
    """`coprod person …` and `coprod retention` (services.privacy)."""

    def __init__(self, cli: Cli) -> None:
        self.cli = cli
        self.args = cli.args
        self.lang = cli.lang

    def t(self, key: str, **params: Any) -> str:
        return message(key, self.lang, **params)

    def _summaries(self, people: Sequence[Any], empty: str, count: str) -> int:
        from dataclasses import asdict
        from datetime import date

        from coprod_desktop.domain import vocab as v

        if self.args.format == "json":
            out = [
                {k: (x.isoformat() if isinstance(x, date) else x) for k, x in asdict(p).items()}
                for p in people
            ]
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return EXIT_OK
        if not people:
            self.cli.say(empty)
            return EXIT_OK
        headers = ["ID"] + [
            self.t(k)
            for k in (
                "col_name",
                "col_kind",
                "col_lawful_basis",
                "col_retention_until",
                "col_initiatives",
            )
        ]
        rows = [
            [
                str(p.id),
                p.name,
                v.StakeholderKind.get(p.kind).label(self.lang),
                v.LawfulBasis.get(p.lawful_basis).label(self.lang) if p.lawful_basis else "-",
                show_date(p.retention_until, self.lang) if p.retention_until else "-",
                str(p.initiatives),
            ]
            for p in people
        ]
        _print_rows(headers, rows)
        self.cli.say(count, count=len(people))
        return EXIT_OK

    def list(self) -> int:
        from coprod_desktop.services import privacy

        people = privacy.list_persons(self.cli.open())
        return self._summaries(people, "cli_no_persons", "cli_persons_count")

    def retention(self) -> int:
        from coprod_desktop.services import privacy

        people = privacy.retention_due(self.cli.open(), self.args.on)
        return self._summaries(people, "cli_retention_none", "cli_retention_count")

    def show(self) -> int:
        from dataclasses import asdict

        from coprod_desktop.domain import vocab as v
        from coprod_desktop.services import privacy

        record = privacy.open_person(self.cli.open(), self.args.ident, self.args.purpose)
        if self.args.format == "json":
            print(json.dumps(privacy.jsonable(asdict(record)), ensure_ascii=False, indent=2))
            return EXIT_OK
        person = record.person
        kind = v.StakeholderKind.get(person.kind).label(self.lang)
        lines = [f"{person.name}  ({kind}, ID {person.id})"]
        basis = (
            v.LawfulBasis.get(person.lawful_basis).label(self.lang) if person.lawful_basis else None
        )
        for key, value in (
            ("label_organisation", person.organisation),
            ("label_email", person.email),
            ("label_phone", person.phone),
            ("col_lawful_basis", basis),
            ("label_consent_date", show_date(person.consent_date, self.lang)),
            ("col_retention_until", show_date(person.retention_until, self.lang)),
            ("label_notes", person.notes),
        ):
            if value:
                lines.append(f"{self.t(key)}: {value}")
        lines += ["", f"{self.t('access_involvements')} ({len(record.involvements)})"]
        for inv in record.involvements:
            role = v.InvolvementRole.get(inv.role).label(self.lang)
            lines.append(f"  - {inv.reference} {inv.title}: {role}")
        lines += ["", f"{self.t('access_journal')} ({len(record.journal)})"]
        for entry in record.journal:
            lines.append(
                f"  - {entry.reference} {show_date(entry.date, self.lang)}: {entry.summary}"
            )
        lines += ["", f"{self.t('access_resources')} ({len(record.resources)})"]
        for res in record.resources:
            what = v.ResourceKind.get(res.kind).label(self.lang)
            lines.append(f"  - {res.reference} {what}: {res.amount:g} {res.unit}")
        print("\n".join(lines))
        return EXIT_OK

    def export(self) -> int:
        from coprod_desktop.services import privacy
        from coprod_desktop.services.briefs import write_access_files

        output: Path = self.args.output
        written = privacy.export_access_request(
            self.cli.open(),
            self.args.ident,
            self.args.purpose,
            lambda document: write_access_files(document, output, self.lang),
        )
        self.cli.say("cli_person_exported", id=self.args.ident, paths=", ".join(map(str, written)))
        return EXIT_OK

    def erase(self) -> int:
        from coprod_desktop.services import privacy

        # No automatic daily backup now: it would hold the person just before the erase.
        db = self.cli.open(auto_backup=False)
        result = privacy.erase_person(
            db, self.args.ident, self.args.reason, documents=self.args.documents
        )
        self.cli.say(
            "cli_person_erased",
            id=result.stakeholder_id,
            name=result.anonymous_name,
            texts=result.texts_replaced,
            audit=result.audit_rows_scrubbed,
        )
        self.cli.say("cli_person_erased_versions", count=len(result.initiatives_touched))
        if result.documents_deleted or result.documents_kept:
            self.cli.say(
                "cli_erase_documents",
                deleted=len(result.documents_deleted),
                kept=len(result.documents_kept),
            )
        if result.possible_mentions:
            self.cli.say("cli_possible_mentions", count=len(result.possible_mentions))
            for found in result.possible_mentions:
                print(
                    f"  {found.reference or '-'}  {found.entity} {found.row_id}  "
                    f"{found.field}  [{found.word}]  {found.excerpt}"
                )
        if not result.ledger_saved:
            print(self.t("cli_erasure_ledger_not_saved"), file=sys.stderr)
        if db.dialect == "sqlite" and not result.file_compacted:
            print(self.t("cli_erase_cleanup_failed", reason=result.cleanup_error), file=sys.stderr)
            return EXIT_DATABASE
        return EXIT_OK

    def log(self) -> int:
        from coprod_desktop.services import privacy

        entries = privacy.access_log(self.cli.open(), self.args.ident)
        if self.args.format == "json":
            out = [
                {"at": e.at.isoformat(), "who": e.who, "action": e.action, "purpose": e.purpose}
                for e in entries
            ]
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return EXIT_OK
        if not entries:
            self.cli.say("cli_no_access")
            return EXIT_OK
        headers = [self.t(k) for k in ("col_when", "col_who", "col_action", "col_purpose")]
        rows = [[e.at.isoformat(" ", "minutes"), e.who, e.action, e.purpose] for e in entries]
        _print_rows(headers, rows)
        return EXIT_OK


def format_initiative_text(doc: dict[str, Any], lang: str) -> str:
    """A readable plain-text view of `show_document` output."""
    from coprod_desktop.domain import vocab as v
    from coprod_desktop.domain.dates import read_date, show_date
    from coprod_desktop.reports.text import exact_amount

    def day(value: str | None) -> str:
        parsed = read_date(value) if value else None
        return show_date(parsed, lang) if parsed else (value or "")

    def label(vocabulary: type[v.Vocabulary], key: str | None) -> str:
        return vocabulary.get(key).label(lang) if key else "-"

    def t(key: str) -> str:
        return message(key, lang)

    lines = [
        f"{doc['reference']}  {doc['title']}",
        f"{t('col_type')}: {label(v.InitiativeType, doc.get('type')) if doc.get('type') else t('unclassified')}"
        f"   {t('col_sector')}: {label(v.Sector, doc['sector'])}"
        f"   {t('col_status')}: {label(v.Status, doc['status'])}",
        f"{t('col_origin')}: {label(v.Origin, doc.get('origin'))}   {t('col_owner')}: {doc.get('owner') or '-'}"
        f"   {t('label_manager')}: {doc.get('responsible_manager') or '-'}",
        f"{t('label_suggested_type')}: {label(v.InitiativeType, doc.get('suggested_type'))}"
        f"   {t('label_completeness')}: {doc['completeness']}%",
    ]
    if doc.get("summary"):
        lines += ["", doc["summary"]]
    lines += ["", f"{t('label_stakeholders')} ({len(doc['stakeholders'])})"]
    for inv in doc["stakeholders"]:
        person = inv["stakeholder"]
        lines.append(
            f"  - {person['name']} ({label(v.StakeholderKind, person['kind'])}), {label(v.InvolvementRole, inv['role'])}"
        )
    lines += ["", f"{t('label_mandates')} ({len(doc['mandates'])})"]
    for mandate in doc["mandates"]:
        anchored = f", {t('label_anchored')}" if mandate.get("political_anchoring") else ""
        lines.append(
            f"  - {label(v.MandateLevel, mandate['level'])}, {label(v.Clarity, mandate['clarity'])}{anchored}"
            f" {day(mandate.get('decided_on'))}".rstrip()
        )
    lines += ["", f"{t('label_resources')} ({len(doc['resources'])})"]
    for res in doc["resources"]:
        state = t("label_planned") if res.get("planned") else t("label_actual")
        lines.append(
            f"  - {label(v.ResourceKind, res['kind'])}: {exact_amount(float(res['amount']), res['unit'], lang)}"
            f" ({state})"
        )
    lines += ["", f"{t('label_pressures')} ({len(doc['cross_pressures'])})"]
    for p in doc["cross_pressures"]:
        lines.append(
            f"  - {label(v.PressureCategory, p['category'])}, {message('label_severity', lang, value=p['severity'])}, {label(v.PressureStatus, p['status'])}"
        )
    lines += ["", f"{t('label_journal')} ({len(doc['journal'])})"]
    for j in doc["journal"]:
        lines.append(f"  - {day(j['date'])} {label(v.JournalKind, j['kind'])}: {j['summary']}")
    promised = doc.get("commitments", [])
    if promised:
        lines += ["", f"{t('label_commitments')} ({len(promised)})"]
        for c in promised:
            due = f" ({t('col_due_on')} {day(c['due_on'])})" if c.get("due_on") else ""
            lines.append(f"  - {label(v.CommitmentStatus, c['status'])}{due}: {c['text']}")
    if doc["attention"]:
        signals = [
            t(f"sig_{key}") if f"sig_{key}" in CATALOGUE else key for key in doc["attention"]
        ]
        lines += ["", f"{t('col_attention')}: {'; '.join(signals)}"]
    return "\n".join(lines)


def _known_database_error(error: Exception, db: str | None) -> CoprodError | None:
    from sqlalchemy.exc import DBAPIError

    from coprod_desktop.store.db import resolve_target, translate_db_error

    if not isinstance(error, DBAPIError) or not isinstance(
        error.orig, sqlite3.OperationalError | sqlite3.DatabaseError
    ):
        return None
    return translate_db_error(error, resolve_target(db))


def _not_utf8(argv: Sequence[str]) -> str | None:
    """The first argument that is not valid UTF-8 (the shell passed bytes Python keeps as
    lone surrogates), shown with its bytes escaped; None when all are fine."""
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            try:
                return os.fsencode(arg).decode("utf-8", "backslashreplace")
            except UnicodeError:
                return arg.encode("utf-8", "backslashreplace").decode("utf-8")
    return None


def _language(argv: Sequence[str]) -> str:
    """--lang as given (before the arguments are parsed), else $COPROD_LANG, else English."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return os.environ.get("COPROD_LANG", "en")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    bad = _not_utf8(argv)
    settings = [name for name in os.environ if name.startswith("COPROD_")]
    bad_setting = next((n for n in sorted(settings) if _not_utf8([os.environ[n]])), None)
    if bad is not None or bad_setting is not None:  # text that cannot be stored or printed
        lang = _language(argv)
        if bad is not None:
            text = message("argument_not_utf8", lang, value=bad)
        else:
            text = message("environment_not_utf8", lang, name=bad_setting)
        print(message("cli_error", lang, message=text), file=sys.stderr)
        return EXIT_INPUT
    parser = build_parser()
    args = parser.parse_args(argv)  # usage errors exit 2 here
    cli = Cli(args)
    try:
        from coprod_desktop.services import safe_write

        safe_write.protect(args.db)  # no file a command writes may replace its database
        return cli.run()
    except CoprodError as error:
        print(message("cli_error", cli.lang, message=error.message(cli.lang)), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(message("cli_interrupted", cli.lang), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # a bug: one line, the traceback only on request
        known = _known_database_error(error, args.db)
        if known is not None:  # a database fault outside a service's session: still known
            print(message("cli_error", cli.lang, message=known.message(cli.lang)), file=sys.stderr)
            return known.exit_code
        if os.environ.get("COPROD_DEBUG"):
            traceback.print_exc()
        first_line = next(iter(str(error).splitlines()), "")
        print(f"internal error: {type(error).__name__}: {first_line}", file=sys.stderr)
        return 1
    finally:
        cli.close()


if __name__ == "__main__":
    sys.exit(main())
