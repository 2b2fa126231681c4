"""The message catalogue for everything the core says to people (CLI, errors, PDFs).

The GUI uses Qt's tr() and its .ts files; the headless core cannot load Qt, so its strings
live here, in English and Danish side by side. `tests/core/test_messages.py` checks that every
message has both languages and the same placeholders.
"""

from __future__ import annotations

from typing import Any

CATALOGUE: dict[str, tuple[str, str]] = {
    # validation problems
    "required": ("is required", "skal udfyldes"),
    "unknown_key": (
        "unknown value '{value}' (allowed: {allowed})",
        "ukendt værdi '{value}' (tilladt: {allowed})",
    ),
    "bad_date": (
        "'{value}' is not a real date (use YYYY-MM-DD)",
        "'{value}' er ikke en gyldig dato (brug ÅÅÅÅ-MM-DD)",
    ),
    "end_before_start": (
        "must not be before {other} ({value} < {other_value})",
        "må ikke ligge før {other} ({value} < {other_value})",
    ),
    "negative_amount": ("must be 0 or more (got {value})", "skal være 0 eller mere (fik {value})"),
    "not_a_number": ("'{value}' is not a number", "'{value}' er ikke et tal"),
    "severity_range": (
        "must be 1, 2 or 3 (got {value})",
        "skal være 1, 2 eller 3 (fik {value})",
    ),
    "unit_mismatch": (
        "a {kind} entry is counted in {expected}, not '{value}'",
        "en post af typen {kind} opgøres i {expected}, ikke '{value}'",
    ),
    "wrong_type": ("must be {expected}", "skal være {expected}"),
    "unknown_stakeholder": (
        "refers to stakeholder '{value}', which the file does not define",
        "henviser til aktøren '{value}', som filen ikke definerer",
    ),
    "duplicate_key": ("key '{value}' is used twice", "nøglen '{value}' bruges to gange"),
    "duplicate_reference": (
        "reference '{value}' appears twice in the file",
        "referencen '{value}' optræder to gange i filen",
    ),
    "reference_exists": (
        "reference '{value}' already exists (use --merge to update it)",
        "referencen '{value}' findes allerede (brug --merge for at opdatere den)",
    ),
    "schema": ("{detail}", "{detail}"),
    "too_long": ("is longer than {limit} characters", "er længere end {limit} tegn"),
    "unknown_field": ("is not a known field", "er ikke et kendt felt"),
    "in_use": (
        "is still involved in {count} initiative(s); remove it there or merge it first",
        "indgår stadig i {count} initiativ(er); fjern den dér eller flet den først",
    ),
    "merge_same": ("cannot be merged with itself", "kan ikke flettes med sig selv"),
    # errors
    "validation_failed": ("invalid input: {problems}", "ugyldige data: {problems}"),
    "not_found": ("no {entity} '{ident}'", "{entity} '{ident}' findes ikke"),
    "conflict": (
        "{entity} {ident} was changed by someone else since you opened it; nothing was saved",
        "{entity} {ident} er ændret af en anden, siden du åbnede den; intet blev gemt",
    ),
    "db_newer_schema": (
        "the database {where} was made by a newer version of coprod-desktop (revision {revision}); "
        "upgrade the app to open it",
        "databasen {where} er lavet af en nyere version af coprod-desktop (revision {revision}); "
        "opgrader programmet for at åbne den",
    ),
    "db_unavailable": (
        "cannot open the database {where}: {reason}",
        "kan ikke åbne databasen {where}: {reason}",
    ),
    "db_corrupt": (
        "the database {where} is damaged or not a coprod-desktop database: {reason}",
        "databasen {where} er beskadiget eller ikke en coprod-desktop-database: {reason}",
    ),
    "db_locked": (
        "the database {where} is in use by another program; try again in a moment",
        "databasen {where} bruges af et andet program; prøv igen om lidt",
    ),
    "db_migration_failed": (
        "upgrading the database {where} failed and it was restored from the backup: {reason}",
        "opgraderingen af databasen {where} mislykkedes, og den er gendannet fra sikkerhedskopien: "
        "{reason}",
    ),
    "file_unreadable": ("cannot read {path}: {reason}", "kan ikke læse {path}: {reason}"),
    "bad_json": (
        "{path} is not valid JSON (line {line}, column {column}): {reason}",
        "{path} er ikke gyldig JSON (linje {line}, kolonne {column}): {reason}",
    ),
    "unsupported_format": (
        "unsupported file type '{suffix}' (use {allowed})",
        "filtypen '{suffix}' understøttes ikke (brug {allowed})",
    ),
    "entity_initiative": ("initiative", "initiativ"),
    "entity_stakeholder": ("stakeholder", "aktør"),
    # CLI output
    "cli_initialised": (
        "database ready: {where} (revision {revision})",
        "databasen er klar: {where} (revision {revision})",
    ),
    "cli_demo_loaded": (
        "loaded the demo portfolio: {initiatives} initiatives, {stakeholders} stakeholders",
        "demoporteføljen er indlæst: {initiatives} initiativer, {stakeholders} aktører",
    ),
    "cli_imported": (
        "imported {created} new and {updated} updated initiatives, {stakeholders} new stakeholders",
        "importerede {created} nye og {updated} opdaterede initiativer, {stakeholders} nye aktører",
    ),
    "cli_dry_run": (
        "dry run: the file is valid; {created} new and {updated} updated initiatives, "
        "{stakeholders} new stakeholders would be written",
        "prøvekørsel: filen er gyldig; {created} nye og {updated} opdaterede initiativer og "
        "{stakeholders} nye aktører ville blive skrevet",
    ),
    "cli_exported": (
        "exported {count} initiatives to {path}",
        "eksporterede {count} initiativer til {path}",
    ),
    "cli_backup_done": ("backup written to {path}", "sikkerhedskopi skrevet til {path}"),
    "cli_check_ok": (
        "integrity: ok; schema revision: {revision} (current); initiatives: {count}",
        "integritet: ok; skemarevision: {revision} (aktuel); initiativer: {count}",
    ),
    "cli_check_failed": ("integrity check failed: {detail}", "integritetstjek fejlede: {detail}"),
    "cli_check_outdated": (
        "schema revision {revision} is older than {head}; run 'coprod init' to upgrade",
        "skemarevision {revision} er ældre end {head}; kør 'coprod init' for at opgradere",
    ),
    "cli_copied": (
        "copied {count} initiatives with their history to {where}",
        "kopierede {count} initiativer med deres historik til {where}",
    ),
    "cli_no_initiatives": ("no initiatives match", "ingen initiativer matcher"),
    "cli_count": ("{count} initiatives", "{count} initiativer"),
    "cli_error": ("error: {message}", "fejl: {message}"),
    "cli_interrupted": ("interrupted; nothing was written", "afbrudt; intet blev skrevet"),
    # column headings and labels shared by CLI and briefs
    "col_reference": ("Reference", "Reference"),
    "col_title": ("Title", "Titel"),
    "col_type": ("Type", "Type"),
    "col_sector": ("Sector", "Sektor"),
    "col_status": ("Status", "Status"),
    "col_origin": ("Origin", "Oprindelse"),
    "col_owner": ("Owner", "Ansvarlig"),
    "col_open_pressures": ("Open pressures", "Åbne krydspres"),
    "col_attention": ("Attention", "Opmærksomhed"),
    "col_next_review": ("Next review", "Næste review"),
    "unclassified": ("(not classified)", "(ikke klassificeret)"),
    "label_summary": ("Summary", "Resumé"),
    "label_description": ("Description", "Beskrivelse"),
    "label_area": ("Area", "Område"),
    "label_participation": ("Participation", "Deltagelse"),
    "label_public_values": ("Public values", "Offentlig værdi"),
    "label_frontline_role": ("Frontline role", "Frontmedarbejderens rolle"),
    "label_manager": ("Responsible manager", "Ansvarlig leder"),
    "label_period": ("Period", "Periode"),
    "label_stakeholders": ("Stakeholders", "Aktører"),
    "label_mandates": ("Mandates", "Mandater"),
    "label_resources": ("Resources", "Ressourcer"),
    "label_pressures": ("Cross-pressures", "Krydspres"),
    "label_journal": ("Journal", "Journal"),
    "label_reviews": ("Reviews", "Reviews"),
    "label_suggested_type": ("Suggested type", "Foreslået type"),
    "label_completeness": ("Completeness", "Fuldstændighed"),
    "label_none": ("none", "ingen"),
    "label_planned": ("planned", "planlagt"),
    "label_actual": ("actual", "faktisk"),
    "label_municipal": ("municipal input", "kommunal indsats"),
    "label_mobilised": ("mobilised from outside", "mobiliseret udefra"),
    "label_anchored": ("politically anchored", "politisk forankret"),
    "label_severity": ("severity {value}", "alvor {value}"),
}


def message(key: str, lang: str = "en", **params: Any) -> str:
    """The catalogue text for `key` in `lang` (English for unknown languages), filled in."""
    en, da = CATALOGUE[key]
    template = da if lang == "da" else en
    return template.format(**params) if params else template
