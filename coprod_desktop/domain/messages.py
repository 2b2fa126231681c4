"""The message catalogue for everything the core says to people (CLI, errors, PDFs).

The GUI uses Qt's tr() and its .ts files; the headless core cannot load Qt, so its strings
live here, in English and Danish side by side. `tests/core/domain/test_vocab.py` checks that every
message has both languages and the same placeholders.
"""

from __future__ import annotations

import re
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
    "out_of_range": (
        "must be between {low} and {high} (got {value})",
        "skal ligge mellem {low} og {high} (fik {value})",
    ),
    "bad_cvr": (
        "'{value}' is not a CVR number (8 digits that pass the modulus-11 check)",
        "'{value}' er ikke et CVR-nummer (8 cifre, der består modulus 11-kontrollen)",
    ),
    "cvr_person": (
        "only an organisation has a CVR number, not a person",
        "kun en organisation har et CVR-nummer, ikke en person",
    ),
    "coordinates_pair": (
        "give both latitude and longitude, or neither",
        "angiv både bredde- og længdegrad eller ingen af dem",
    ),
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
    "unknown_journal": (
        "refers to journal entry '{value}', which this initiative does not have",
        "henviser til journalnotatet '{value}', som dette initiativ ikke har",
    ),
    "duplicate_reference": (
        "reference '{value}' appears twice in the file",
        "referencen '{value}' optræder to gange i filen",
    ),
    "erased_person": (
        "is a person erased on {date} (by name, e-mail or phone); an import cannot bring them "
        "back; if it is someone else, add them by hand",
        "er en person, der blev slettet {date} (efter navn, e-mail eller telefon); en import kan "
        "ikke bringe personen tilbage; er det en anden, så opret vedkommende i hånden",
    ),
    "reference_exists": (
        "reference '{value}' already exists (use --merge to update it)",
        "referencen '{value}' findes allerede (brug --merge for at opdatere den)",
    ),
    "schema": ("{detail}", "{detail}"),
    "too_long": ("is longer than {limit} characters", "er længere end {limit} tegn"),
    "unknown_field": ("is not a known field", "er ikke et kendt felt"),
    "in_use": (
        "is still involved in {count} initiatives; remove it there or merge it first",
        "indgår stadig i {count} initiativer; fjern den dér eller flet den først",
    ),
    "merge_same": ("cannot be merged with itself", "kan ikke flettes med sig selv"),
    "merge_conflict": (
        "{reference}: {field} was changed both in the file and in the database since the file "
        "was exported (use --force file or --force database to choose)",
        "{reference}: {field} er ændret både i filen og i databasen, siden filen blev "
        "eksporteret (brug --force file eller --force database for at vælge)",
    ),
    "merge_no_base": (
        "{reference}: {field} differs from the database, and version {version} the file was "
        "exported from is no longer kept, so it cannot tell who changed it (use --force file "
        "or --force database to choose)",
        "{reference}: {field} afviger fra databasen, og version {version}, som filen blev "
        "eksporteret fra, gemmes ikke længere, så det kan ikke afgøres, hvem der ændrede det "
        "(brug --force file eller --force database for at vælge)",
    ),
    # errors
    "validation_failed": ("invalid input: {problems}", "ugyldige data: {problems}"),
    "not_found": ("no {entity} '{ident}'", "{entity} '{ident}' findes ikke"),
    "conflict": (
        "{entity} {ident} was changed by someone else {since}; nothing was saved",
        "{entity} {ident} er ændret af en anden, {since}; intet blev gemt",
    ),
    "conflict_by": (
        "{ident} was changed by {who} at {at} {since}; nothing was saved",
        "{ident} er ændret af {who} kl. {at}, {since}; intet blev gemt",
    ),
    "conflict_since_opened": ("since you opened it", "siden du åbnede den"),
    "conflict_since_exported": ("since the file was exported", "siden filen blev eksporteret"),
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
    "db_connection_lost": (
        "cannot reach the shared database {where}: the connection is lost or the server is down; "
        "try again when it is back",
        "kan ikke nå den fælles database {where}: forbindelsen er afbrudt, eller serveren er nede; "
        "prøv igen, når den er tilbage",
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
    "db_read_only": (
        "the database {where} is read-only; nothing was written",
        "databasen {where} er skrivebeskyttet; intet blev skrevet",
    ),
    "db_read_only_upgrade": (
        "the database {where} is read-only and was made by an older version (revision "
        "{revision}); it must be upgraded before it can be opened: copy it to a folder you may "
        "write to, or ask for write access",
        "databasen {where} er skrivebeskyttet og lavet af en ældre version (revision {revision}); "
        "den skal opgraderes, før den kan åbnes: kopiér den til en mappe, du må skrive i, eller "
        "bed om skriveadgang",
    ),
    "db_full": (
        "the disk holding {where} is full; nothing was saved. Free some space and try again",
        "disken med {where} er fuld; intet blev gemt. Frigør plads, og prøv igen",
    ),
    "backup_not_found": (
        "there is no backup named '{name}' in {folder}",
        "der er ingen sikkerhedskopi med navnet '{name}' i {folder}",
    ),
    "backup_shared_database": (
        "backups of a shared database are made by its server",
        "sikkerhedskopier af en fælles database laves af dens server",
    ),
    "cli_backup_restored": (
        "restored {name} over {where}; the file it replaced was kept as {safety}",
        "gendannede {name} over {where}; den erstattede fil er gemt som {safety}",
    ),
    "cli_no_backups": ("no backups in {folder}", "ingen sikkerhedskopier i {folder}"),
    "col_backup_name": ("Backup", "Sikkerhedskopi"),
    "col_backup_date": ("Date", "Dato"),
    "col_backup_size": ("Size", "Størrelse"),
    "col_backup_kind": ("Kind", "Slags"),
    "col_backup_database": ("Database", "Database"),
    "backup_kind_daily": ("daily", "daglig"),
    "backup_kind_pre_migration": ("pre-migration", "før opgradering"),
    "backup_kind_pre_restore": ("pre-restore", "før gendannelse"),
    "backup_kind_manual": ("other", "anden"),
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
    "entity_involvement": ("involvement", "deltagelse"),
    "entity_mandate": ("mandate", "mandat"),
    "entity_resource": ("resource", "ressource"),
    "entity_cross_pressure": ("cross-pressure", "krydspres"),
    "entity_journal": ("journal entry", "journalnotat"),
    "entity_review": ("review", "gennemgang"),
    "access_view": ("opened", "åbnet"),
    "access_export": ("access request export", "indsigtsudtræk"),
    "access_audit_record": (
        "{action}: {entity} in {reference}",
        "{action}: {entity} i {reference}",
    ),
    "access_audit_person": ("{action}: {entity} {name}", "{action}: {entity} {name}"),
    "entity_outcome": ("outcome", "resultat"),
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
    "cli_forced_file": (
        "{reference}: {field}: the file's version overwrote the database's ({lost})",
        "{reference}: {field}: filens version overskrev databasens ({lost})",
    ),
    "cli_forced_database": (
        "{reference}: {field}: the database's version was kept; the file's was left out ({lost})",
        "{reference}: {field}: databasens version blev beholdt; filens blev udeladt ({lost})",
    ),
    "cli_dry_run": (
        "dry run: the file is valid; {created} new and {updated} updated initiatives, "
        "{stakeholders} new stakeholders would be written",
        "prøvekørsel: filen er gyldig; {created} nye og {updated} opdaterede initiativer og "
        "{stakeholders} nye aktører ville blive skrevet",
    ),
    "cli_classify_usage": (
        "coprod classify: error: give an initiative (ID_OR_REF) or --text TEXT, not both",
        "coprod classify: fejl: angiv et initiativ (ID_ELLER_REF) eller --text TEKST, ikke begge",
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
    "cli_report_written": ("brief written to {path}", "notatet er skrevet til {path}"),
    # name-like phrases in public briefs (services.names, `coprod names`, `--check-names`)
    "names_where_title": ("{reference} title", "{reference} titel"),
    "names_where_summary": ("{reference} summary", "{reference} resumé"),
    "names_where_journal": ("{reference} journal {date}", "{reference} journal {date}"),
    "names_where_selection": ("selection", "udvalg"),
    "names_phrase_empty": ("must contain letters or digits", "skal indeholde bogstaver eller tal"),
    "names_replacement_empty": (
        "must not be empty (leave --replace out to keep the phrase)",
        "må ikke være tom (udelad --replace for at beholde udtrykket)",
    ),
    "names_unconfirmed": (
        "the public brief would print {count} name-like phrases nobody has confirmed; list"
        " them with --check-names and decide with 'coprod names confirm PHRASE [--replace"
        " TEXT]' (nothing was written)",
        "det offentlige notat ville vise {count} navnelignende udtryk, som ingen har"
        " bekræftet; se dem med --check-names og beslut med 'coprod names confirm UDTRYK"
        " [--replace TEKST]' (intet blev skrevet)",
    ),
    "names_none_unconfirmed": (
        "no unconfirmed name-like phrases: the public brief may be written",
        "ingen ubekræftede navnelignende udtryk: det offentlige notat kan skrives",
    ),
    "names_unconfirmed_count": (
        "{count} name-like phrases to confirm or replace",
        "{count} navnelignende udtryk skal bekræftes eller erstattes",
    ),
    "names_kept": (
        "'{phrase}' is kept in public briefs",
        "'{phrase}' beholdes i offentlige notater",
    ),
    "names_replaced": (
        "'{phrase}' is printed as '{replacement}' in public briefs",
        "'{phrase}' vises som '{replacement}' i offentlige notater",
    ),
    "names_forgotten": (
        "the decision on '{phrase}' is removed; it will be asked about again",
        "beslutningen om '{phrase}' er fjernet; der spørges igen",
    ),
    "names_not_decided": ("no decision on '{phrase}'", "ingen beslutning om '{phrase}'"),
    "names_col_phrase": ("Phrase", "Udtryk"),
    "names_col_decision": ("Decision", "Beslutning"),
    "names_col_by": ("Decided by", "Besluttet af"),
    "names_col_at": ("When", "Hvornår"),
    "names_keep": ("keep", "behold"),
    "names_replace_with": ("replace with '{replacement}'", "erstat med '{replacement}'"),
    "names_no_decisions": ("no decisions yet", "ingen beslutninger endnu"),
    "brief_journal_included": (
        "Journal highlights are included (checked for names before printing).",
        "Udvalgte journalnotater er medtaget (kontrolleret for navne før udskrift).",
    ),
    "file_unwritable": ("cannot write {path}: {reason}", "kan ikke skrive {path}: {reason}"),
    # files the user asked to write (services.safe_write) and inputs refused before any work
    "file_refused_database": (
        "{path} is the open portfolio database or one of its files; nothing was written. "
        "Choose another file name",
        "{path} er den åbne porteføljedatabase eller en af dens filer; intet blev skrevet. "
        "Vælg et andet filnavn",
    ),
    "file_refused_sqlite": (
        "{path} is a database, which this file would replace; nothing was written. "
        "Choose another file name",
        "{path} er en database, som filen ville erstatte; intet blev skrevet. "
        "Vælg et andet filnavn",
    ),
    "file_refused_in_use": (
        "{path} is a database another program has open; nothing was written. "
        "Choose another file name",
        "{path} er en database, som et andet program har åben; intet blev skrevet. "
        "Vælg et andet filnavn",
    ),
    "file_refused_backups": (
        "{path} is in the backups folder, which only the app writes to; nothing was written. "
        "Choose a file elsewhere",
        "{path} ligger i mappen med sikkerhedskopier, som kun programmet skriver i; intet blev "
        "skrevet. Vælg en fil et andet sted",
    ),
    "file_refused_not_regular": (
        "{path} is {what}, not an ordinary file; nothing was written. Choose another file name",
        "{path} er {what}, ikke en almindelig fil; intet blev skrevet. Vælg et andet filnavn",
    ),
    "file_kind_folder": ("a folder", "en mappe"),
    "file_kind_device": ("a device", "en enhed"),
    "file_kind_pipe": ("a pipe", "et rør (pipe)"),
    "file_kind_socket": ("a socket", "en socket"),
    "file_kind_other": ("a special file", "en specialfil"),
    "file_symlink_loop": (
        "{path} is a symbolic link that points back to itself; nothing was written",
        "{path} er et symbolsk link, der peger på sig selv; intet blev skrevet",
    ),
    "file_not_written": (
        "cannot write {path}: {reason}; nothing was written",
        "kan ikke skrive {path}: {reason}; intet blev skrevet",
    ),
    "argument_not_utf8": (
        "the argument {value} is not valid UTF-8 text; nothing was done",
        "argumentet {value} er ikke gyldig UTF-8-tekst; intet blev gjort",
    ),
    "environment_not_utf8": (
        "the environment variable {name} is not valid UTF-8 text; nothing was done",
        "miljøvariablen {name} er ikke gyldig UTF-8-tekst; intet blev gjort",
    ),
    "db_missing": (
        "there is no database at {where}; create it with: coprod --db {where} init "
        "(or 'demo' or 'import FILE')",
        "der er ingen database i {where}; opret den med: coprod --db {where} init "
        "(eller 'demo' eller 'import FIL')",
    ),
    "db_unsupported_url": (
        "cannot open the database {where}: '{kind}' databases are not supported; use a file "
        "path or a postgresql+psycopg:// address",
        "kan ikke åbne databasen {where}: databaser af typen '{kind}' understøttes ikke; brug en "
        "filsti eller en postgresql+psycopg://-adresse",
    ),
    "db_bad_url": (
        "cannot open the database {where}: the address is malformed; use a file path or a "
        "postgresql+psycopg://user@host/database address",
        "kan ikke åbne databasen {where}: adressen er forkert udformet; brug en filsti eller en "
        "postgresql+psycopg://bruger@vært/database-adresse",
    ),
    "db_symlink_loop": (
        "cannot open the database {where}: it is a symbolic link that points back to itself",
        "kan ikke åbne databasen {where}: den er et symbolsk link, der peger på sig selv",
    ),
    "json_too_deep": (
        "{path} nests lists or objects more than {limit} levels deep, which no interchange "
        "file does",
        "{path} har lister eller objekter indlejret mere end {limit} niveauer, hvilket ingen "
        "udvekslingsfil har",
    ),
    "json_lone_surrogate": (
        "{path}: {where} holds a lone surrogate escape (such as \\ud800), which is not a character",
        "{path}: {where} indeholder en enlig surrogat-escape (som \\ud800), som ikke er et tegn",
    ),
    "json_number_too_long": (
        "{path} holds a number with too many digits: {reason}",
        "{path} indeholder et tal med for mange cifre: {reason}",
    ),
    "amount_too_large": (
        "must be at most {limit} (got {value})",
        "må højst være {limit} (fik {value})",
    ),
    "xlsx_too_large": (
        "{path} would unpack to {size} MB (more than {limit} MB); it is refused as a possible "
        "decompression bomb",
        "{path} ville fylde {size} MB udpakket (mere end {limit} MB); den afvises som en mulig "
        "dekomprimeringsbombe",
    ),
    "xlsx_ratio": (
        "{path} is compressed {ratio}:1 (more than {limit}:1); it is refused as a possible "
        "decompression bomb",
        "{path} er komprimeret {ratio}:1 (mere end {limit}:1); den afvises som en mulig "
        "dekomprimeringsbombe",
    ),
    "cli_interrupted": ("interrupted; nothing was written", "afbrudt; intet blev skrevet"),
    # column headings and labels shared by CLI and briefs
    "col_what": ("What", "Hvad"),
    "history_create": ("added", "tilføjet"),
    "history_update": ("changed", "ændret"),
    "history_delete": ("removed", "fjernet"),
    "history_import": ("imported", "importeret"),
    "history_imported_from": ("from {file}", "fra {file}"),
    "col_reference": ("Reference", "Reference"),
    "col_title": ("Title", "Titel"),
    "col_type": ("Type", "Type"),
    "col_sector": ("Sector", "Sektor"),
    "col_status": ("Status", "Status"),
    "col_origin": ("Origin", "Oprindelse"),
    "col_owner": ("Owner", "Ansvarlig"),
    "col_open_pressures": ("Open pressures", "Åbne krydspres"),
    "col_attention": ("Attention", "Opmærksomhed"),
    "col_next_review": ("Next review", "Næste gennemgang"),
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
    "label_reviews": ("Reviews", "Gennemgange"),
    "label_suggested_type": ("Suggested type", "Foreslået type"),
    "label_completeness": ("Completeness", "Fuldstændighed"),
    "label_none": ("none", "ingen"),
    "label_planned": ("planned", "planlagt"),
    "label_actual": ("actual", "faktisk"),
    "label_municipal": ("municipal input", "kommunal indsats"),
    "label_mobilised": ("mobilised from outside", "mobiliseret udefra"),
    "label_anchored": ("politically anchored", "politisk forankret"),
    "label_severity": ("severity {value}", "alvor {value}"),
    "label_yes": ("Yes", "Ja"),
    "label_no": ("No", "Nej"),
    # spreadsheet import (problems are placed by row number and column heading)
    "sheet_at_row_column": ("row {row}, column {column}", "række {row}, kolonne {column}"),
    "sheet_at_row": ("row {row}", "række {row}"),
    "sheet_at_column": ("column {column}", "kolonne {column}"),
    "sheet_bad_date": (
        "'{value}' is not a date (use dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd)",
        "'{value}' er ikke en dato (brug dd-mm-åååå, dd.mm.åååå eller åååå-mm-dd)",
    ),
    "sheet_unknown_column": (
        "is not a known column; map it to a field or leave it out",
        "er ikke en kendt kolonne; knyt den til et felt eller udelad den",
    ),
    "sheet_unknown_field": (
        "is mapped to '{value}', which is not an import field",
        "er knyttet til '{value}', som ikke er et importfelt",
    ),
    "sheet_duplicate_column": (
        "holds the same field as column {other}",
        "indeholder det samme felt som kolonnen {other}",
    ),
    "sheet_missing_column": (
        "the required column {column} is missing",
        "den påkrævede kolonne {column} mangler",
    ),
    "sheet_no_header": (
        "no header row found: none of the first rows names known columns such as Title, Sector "
        "and Status",
        "ingen overskriftsrække fundet: ingen af de første rækker nævner kendte kolonner som "
        "Titel, Sektor og Status",
    ),
    # privacy (natural persons)
    "not_a_person": (
        "'{name}' is not a natural person; the privacy tools apply to persons only",
        "'{name}' er ikke en fysisk person; privatlivsværktøjerne gælder kun personer",
    ),
    "cli_no_persons": ("no persons", "ingen personer"),
    "cli_persons_count": ("{count} persons", "{count} personer"),
    "cli_retention_none": (
        "no person's retention date has passed",
        "ingen persons opbevaringsdato er overskredet",
    ),
    "cli_retention_count": (
        "{count} persons are past their retention date: review or erase them "
        "(coprod person erase ID --reason TEXT)",
        "{count} personer har overskredet deres opbevaringsdato: gennemgå eller slet dem "
        "(coprod person erase ID --reason TEKST)",
    ),
    "cli_person_exported": (
        "wrote everything held about person {id} to {paths}",
        "skrev alt om person {id} til {paths}",
    ),
    "cli_person_erased": (
        "person {id} is erased and now appears as '{name}'; {texts} texts and {audit} audit "
        "entries were cleaned",
        "person {id} er slettet og vises nu som '{name}'; {texts} tekster og {audit} "
        "logposter blev renset",
    ),
    "cli_person_erased_versions": (
        "{count} initiatives got a new version: an editor or an export that read them before "
        "the erase cannot save over them; backups made earlier still hold the person, and "
        "restoring one erases them again (the erasure ledger)",
        "{count} initiativer fik en ny version: en editor eller en eksport, der læste dem før "
        "sletningen, kan ikke gemme oven i dem; tidligere sikkerhedskopier indeholder stadig "
        "personen, og gendannes en, slettes personen igen (sletteloggen)",
    ),
    "cli_possible_mentions": (
        "{count} possible mentions remain (the first name or surname alone, not replaced); "
        "review each one:",
        "{count} mulige omtaler er tilbage (fornavn eller efternavn alene, ikke erstattet); "
        "gennemgå hver enkelt:",
    ),
    "cli_erase_cleanup_failed": (
        "the person IS erased, but the final clean-up of the file failed ({reason}): erased "
        "values may remain in the file's free space until it is repeated; close other "
        "programs using the database and run 'coprod check' to finish it",
        "personen ER slettet, men den afsluttende oprydning af filen mislykkedes ({reason}): "
        "slettede værdier kan ligge tilbage i filens frie plads, indtil den gentages; luk "
        "andre programmer, der bruger databasen, og kør 'coprod check' for at gøre den færdig",
    ),
    "cli_erase_cleanup_done": (
        "the clean-up after an erase is finished: the file holds no erased values",
        "oprydningen efter en sletning er færdig: filen indeholder ingen slettede værdier",
    ),
    "cli_erase_cleanup_failed_again": (
        "the clean-up after an erase failed again ({reason}); close other programs using the "
        "database and run 'coprod check' again",
        "oprydningen efter en sletning mislykkedes igen ({reason}); luk andre programmer, der "
        "bruger databasen, og kør 'coprod check' igen",
    ),
    "cli_erasure_reapplied": (
        "erased persons came back with an older copy of the database and were erased again: {ids}",
        "slettede personer kom tilbage med en ældre kopi af databasen og blev slettet igen: {ids}",
    ),
    "cli_erasure_reapply_failed": (
        "the backup is restored, but the erasures could not be applied to it yet ({reason}); "
        "they are applied the next time the database is opened",
        "sikkerhedskopien er gendannet, men sletningerne kunne ikke anvendes på den endnu "
        "({reason}); de anvendes, næste gang databasen åbnes",
    ),
    "cli_erasure_ledger_not_saved": (
        "warning: the erasure ledger beside the backups could not be written; the database "
        "keeps its own copy",
        "advarsel: sletteloggen ved sikkerhedskopierne kunne ikke skrives; databasen har "
        "sin egen kopi",
    ),
    "cli_no_access": ("nobody has opened this record", "ingen har åbnet denne post"),
    "col_name": ("Name", "Navn"),
    "col_kind": ("Kind", "Slags"),
    "col_lawful_basis": ("Lawful basis", "Behandlingsgrundlag"),
    "col_retention_until": ("Retain until", "Opbevares til"),
    "col_initiatives": ("Initiatives", "Initiativer"),
    "col_when": ("When", "Hvornår"),
    "col_who": ("Who", "Hvem"),
    "col_action": ("Action", "Handling"),
    "col_purpose": ("Purpose", "Formål"),
    "access_title": ("Personal data held about {name}", "Personoplysninger om {name}"),
    "access_intro": (
        "Exported {at} by {who} for: {purpose}. This lists everything coprod-desktop holds about "
        "the person.",
        "Eksporteret {at} af {who} til: {purpose}. Her er alt, hvad coprod-desktop har om "
        "personen.",
    ),
    "access_record": ("The record", "Posten"),
    "access_involvements": ("Involvement in initiatives", "Deltagelse i initiativer"),
    "access_journal": ("Journal entries", "Journalnotater"),
    "access_resources": ("Resources provided", "Bidragne ressourcer"),
    "access_mentions": (
        "Initiatives whose text names the person",
        "Initiativer, hvis tekst nævner personen",
    ),
    "access_audit": ("Changes recorded in the audit trail", "Ændringer i revisionssporet"),
    "access_log": ("Who opened the record", "Hvem har åbnet posten"),
    "label_organisation": ("Organisation", "Organisation"),
    "label_email": ("E-mail", "E-mail"),
    "label_phone": ("Phone", "Telefon"),
    "label_notes": ("Notes", "Noter"),
    "label_consent_date": ("Consent date", "Samtykkedato"),
    "label_role": ("Role", "Rolle"),
    "label_amount": ("Amount", "Mængde"),
    "label_field": ("Field", "Felt"),
    "label_change": ("Change", "Ændring"),
    "access_participant": ("took part", "deltog"),
    "access_mentioned": ("named", "nævnt"),
    "cli_sheet_problems": (
        "{count} problems in {path}; nothing was written:",
        "{count} problemer i {path}; intet blev skrevet:",
    ),
    # briefs (PDF): shared
    "brief_initiative": ("Initiative brief", "Initiativnotat"),
    "brief_portfolio": ("Portfolio review", "Porteføljegennemgang"),
    "brief_committee": ("Committee brief", "Udvalgsnotat"),
    "brief_footer": ("Generated {date} by {author}", "Dannet {date} af {author}"),
    "brief_page": ("Page {page} of {pages}", "Side {page} af {pages}"),
    "brief_as_of": ("Status as of {date}", "Status pr. {date}"),
    "brief_selection": ("Selection: {selection}", "Udvalg: {selection}"),
    "brief_whole_portfolio": ("The whole portfolio", "Hele porteføljen"),
    "brief_search": ("Search", "Søgning"),
    "brief_yes": ("yes", "ja"),
    "brief_no": ("no", "nej"),
    "label_unknown": ("Not recorded", "Ikke registreret"),
    "signal_high": ("High", "Høj"),
    "signal_medium": ("Medium", "Middel"),
    "signal_low": ("Low", "Lav"),
    "brief_signals": ("Attention signals", "Opmærksomhedspunkter"),
    "sig_no_mandate": ("no mandate", "intet mandat"),
    "sig_mandate_unclear": ("mandate unclear", "uklart mandat"),
    "sig_mandate_expired": ("mandate expired", "mandat udløbet"),
    "sig_no_political_anchoring": ("no political anchoring", "ingen politisk forankring"),
    "sig_no_staff_time": ("no staff time", "ingen medarbejdertid"),
    "sig_silo": ("single municipal unit", "kun én kommunal enhed"),
    "sig_stale_pressure": ("serious pressure left open", "alvorligt krydspres står åbent"),
    "sig_stale_journal": ("no recent journal", "ingen nye journalnotater"),
    "sig_review_overdue": ("review overdue", "gennemgang overskredet"),
    "sig_partner_trust": (
        "partner trust low or partner left",
        "partner med lav tillid eller udtrådt",
    ),
    # the portfolio review's compact markers (a legend under the table's heading explains them)
    "sigcode_no_mandate": ("NM", "IM"),
    "sigcode_mandate_unclear": ("MU", "UM"),
    "sigcode_mandate_expired": ("ME", "MU"),
    "sigcode_no_political_anchoring": ("PA", "PF"),
    "sigcode_no_staff_time": ("ST", "MT"),
    "sigcode_silo": ("SU", "KE"),
    "sigcode_stale_pressure": ("CP", "KP"),
    "sigcode_stale_journal": ("JN", "JN"),
    "sigcode_review_overdue": ("RO", "GO"),
    "sigcode_partner_trust": ("PT", "PT"),
    "brief_signal_legend": (
        "Signals: {legend}; ! = high severity.",
        "Signaler: {legend}; ! = høj alvor.",
    ),
    "sigcode_commitment_overdue": ("CO", "AO"),
    "sigcode_no_outcomes": ("NO", "IR"),
    "sigcode_outcomes_unmeasured": ("OU", "RM"),
    "sig_no_outcomes": ("no outcomes recorded", "ingen resultater registreret"),
    "sig_outcomes_unmeasured": ("outcomes not measured for long", "resultater ikke målt længe"),
    # outcomes and public value (issue 21)
    "names_where_outcome": ("outcome of {reference}", "resultat for {reference}"),
    "brief_outcomes": ("Outcomes", "Resultater"),
    "brief_co_phases": ("Co-production phases", "Samskabelsesfaser"),
    "brief_col_indicator": ("Indicator", "Indikator"),
    "brief_col_baseline": ("Baseline", "Udgangspunkt"),
    "brief_col_target": ("Target", "Mål"),
    "brief_col_achieved": ("Achieved", "Opnået"),
    "brief_col_measured": ("Measured", "Målt"),
    "brief_col_reached": ("Reached", "Nået"),
    "brief_col_co_assessed": ("With citizens", "Med borgerne"),
    "brief_no_outcomes": (
        "No outcomes recorded. Value that is hard to measure still deserves a target in words.",
        "Ingen resultater registreret. Værdi, der er svær at måle, fortjener stadig et mål i ord.",
    ),
    "brief_value_account": ("Public value account", "Offentligt værdiregnskab"),
    "brief_value_account_note": (
        "Outcomes reached against their targets, resources used (actual entries) set against "
        "the municipality's own input, and the share of outcomes assessed together with "
        "citizens; per type and per sector.",
        "Resultater nået i forhold til målene, brugte ressourcer (faktiske poster) holdt op mod "
        "kommunens egen indsats og andelen af resultater vurderet sammen med borgerne; pr. "
        "type og pr. sektor.",
    ),
    "brief_col_type": ("Type", "Type"),
    "brief_col_sector": ("Sector", "Sektor"),
    "brief_col_initiatives": ("Initiatives", "Initiativer"),
    "brief_col_with_outcomes": ("With outcomes", "Med resultater"),
    "brief_col_reached_of": ("Reached of measured", "Nået af målte"),
    "brief_col_co_assessed_share": ("Co-assessed", "Samvurderet"),
    "brief_col_municipal_input": ("Municipal input", "Kommunal indsats"),
    "brief_col_mobilised": ("Mobilised", "Mobiliseret"),
    "brief_total": ("All", "I alt"),
    "brief_hard_to_measure": (
        "Value hard to measure: initiatives without outcomes",
        "Værdi svær at måle: initiativer uden resultater",
    ),
    "brief_hard_to_measure_note": (
        "Co-production's value is often hard to measure, and assessment that only counts what "
        "is measurable holds frontline staff back. These initiatives have no outcome recorded; "
        "a target in words, assessed together with citizens, is a start.",
        "Samskabelsens værdi er ofte svær at måle, og en vurdering, der kun tæller det målbare, "
        "holder frontmedarbejderne tilbage. Disse initiativer har ingen registrerede resultater; "
        "et mål i ord, vurderet sammen med borgerne, er en begyndelse.",
    ),
    "brief_all_have_outcomes": (
        "Every initiative has at least one outcome recorded.",
        "Alle initiativer har mindst ét registreret resultat.",
    ),
    "brief_delivered": ("What co-production delivered", "Hvad samskabelsen har leveret"),
    "brief_delivered_intro": (
        "{reached} of {measured} outcomes measured against a target reached it; {co} of "
        "{outcomes} outcomes were assessed together with citizens.",
        "{reached} af {measured} resultater målt mod et mål nåede det; {co} af {outcomes} "
        "resultater blev vurderet sammen med borgerne.",
    ),
    "brief_delivered_none": (
        "No outcome has been measured yet.",
        "Der er endnu ikke målt nogen resultater.",
    ),
    "brief_more_delivered": (
        "… and {count} more measured outcomes.",
        "… og yderligere {count} målte resultater.",
    ),
    "chart_type_by_phase": (
        "Initiatives per co-production phase, by type",
        "Initiativer pr. samskabelsesfase fordelt på type",
    ),
    "phase_none": ("No phase recorded", "Ingen fase registreret"),
    "brief_attention_note": (
        "One line per initiative, those needing most attention first.",
        "Én linje pr. initiativ, dem der kræver mest opmærksomhed først.",
    ),
    "brief_no_signals": ("No attention signals.", "Ingen opmærksomhedspunkter."),
    "brief_no_open_pressures": ("No open cross-pressures.", "Ingen åbne krydspres."),
    "brief_col_category": ("Category", "Kategori"),
    "brief_col_date": ("Date", "Dato"),
    "brief_col_kind": ("Kind", "Slags"),
    # initiative brief
    "brief_classification": ("Classification", "Klassifikation"),
    "brief_secondary_type": ("Secondary type", "Sekundær type"),
    "brief_typology_role": (
        "The frontline co-producer's role:",
        "Frontmedarbejderens rolle:",
    ),
    "brief_typology_value": ("Perceived public value:", "Oplevet offentlig værdi:"),
    "brief_rationale": ("Why this type:", "Derfor denne type:"),
    "brief_col_name": ("Name", "Navn"),
    "brief_col_role": ("Role", "Rolle"),
    "brief_col_levels": (
        "Influence / interest / trust",
        "Indflydelse / interesse / tillid",
    ),
    "brief_col_since": ("Taking part", "Deltager"),
    "brief_no_stakeholders": ("No stakeholders recorded.", "Ingen aktører registreret."),
    "brief_current_mandate": ("Current mandate", "Gældende mandat"),
    "brief_no_mandate": ("No mandate recorded.", "Der er ikke registreret noget mandat."),
    "brief_mandate_level": ("Level", "Niveau"),
    "brief_mandate_clarity": ("Clarity", "Klarhed"),
    "brief_granted_by": ("Granted by", "Givet af"),
    "brief_mandate_committee": ("Committee", "Udvalg"),
    "brief_case_reference": ("Case no.", "Sagsnr."),
    "brief_decided_on": ("Decided on", "Besluttet"),
    "brief_valid_until": ("Valid until", "Gælder til"),
    "brief_scope": ("May decide without asking", "Må beslutte uden at spørge"),
    "brief_earlier_mandates": (
        "{count} earlier mandates on record.",
        "{count} tidligere mandater registreret.",
    ),
    "brief_col_side": ("Resources", "Ressourcer"),
    "brief_col_unit": ("Unit", "Enhed"),
    "brief_no_resources": ("No resources recorded.", "Ingen ressourcer registreret."),
    "brief_open_pressures": ("Open cross-pressures", "Åbne krydspres"),
    "brief_col_severity": ("Severity", "Alvor"),
    "brief_col_coping": ("Coping strategy", "Mestringsstrategi"),
    "brief_recent_journal": ("Recent journal entries", "Seneste journalnotater"),
    "brief_no_journal": ("No journal entries.", "Ingen journalnotater."),
    "brief_more_journal": (
        "{count} older entries are not shown.",
        "{count} ældre notater er ikke vist.",
    ),
    "brief_follow_ups": ("Coming follow-ups", "Kommende opfølgninger"),
    "brief_col_follow_up": ("Follow-up", "Opfølgning"),
    "brief_no_follow_ups": ("No follow-ups scheduled.", "Ingen planlagte opfølgninger."),
    "brief_latest_review": ("Latest review", "Seneste gennemgang"),
    "brief_reviewer": ("Reviewer", "Gennemgået af"),
    "brief_review_line": (
        "{date} by {reviewer}; next review {next}",
        "{date} ved {reviewer}; næste gennemgang {next}",
    ),
    "brief_assessment": ("Assessment", "Vurdering"),
    "brief_decisions": ("Decisions", "Beslutninger"),
    # portfolio review
    "brief_portfolio_title": ("Portfolio review", "Porteføljegennemgang"),
    "brief_key_figures": ("Key figures", "Nøgletal"),
    "kf_initiatives": ("Initiatives", "Initiativer"),
    "kf_initiatives_value": ("{count}, of which {active} active", "{count}, heraf {active} aktive"),
    "kf_open_pressures": ("Open cross-pressures", "Åbne krydspres"),
    "kf_open_pressures_value": (
        "{count}, of which {high} of high severity",
        "{count}, heraf {high} alvorlige",
    ),
    "kf_mandates": ("Mandate missing / unclear", "Mandat mangler / uklart"),
    "kf_mandates_value": ("{none} / {unclear}", "{none} / {unclear}"),
    "kf_review_overdue": ("Reviews overdue", "Gennemgange overskredet"),
    "kf_attention": ("Need attention", "Kræver opmærksomhed"),
    "kf_participants": ("Taking part", "Deltagere"),
    "kf_participants_value": (
        "{organisations} organisations and units, {persons} persons",
        "{organisations} organisationer og enheder, {persons} personer",
    ),
    "brief_charts": ("The portfolio in charts", "Porteføljen i diagrammer"),
    "brief_attention_list": ("Attention list", "Opmærksomhedsliste"),
    "brief_all_initiatives": ("All initiatives in the selection", "Alle initiativer i udvalget"),
    "brief_col_pressures_short": ("Open press.", "Åbne pres"),
    "brief_col_signals_short": ("Signals", "Signaler"),
    "chart_type_by_sector": (
        "Initiatives by sector and type",
        "Initiativer fordelt på sektor og type",
    ),
    "chart_open_pressures": (
        "Open cross-pressures by category and severity",
        "Åbne krydspres fordelt på kategori og alvor",
    ),
    "chart_severity": ("Severity {value}", "Alvor {value}"),
    "chart_no_open_pressures": ("No open cross-pressures.", "Ingen åbne krydspres."),
    "chart_resources": (
        "Resources: municipal input and resources mobilised from outside",
        "Ressourcer: kommunal indsats og ressourcer mobiliseret udefra",
    ),
    "chart_money": ("Money (DKK)", "Penge (kr.)"),
    "chart_hours": ("Hours", "Timer"),
    "chart_origins": ("How the initiatives started", "Sådan startede initiativerne"),
    "chart_initiatives": ("Initiatives", "Initiativer"),
    "chart_no_data": ("Nothing recorded.", "Intet registreret."),
    # committee brief
    "brief_committee_title": (
        "Co-production: what it delivers and what it needs",
        "Samskabelse: hvad den giver, og hvad den har brug for",
    ),
    "brief_committee_title_in": (
        "Co-production in {place}: what it delivers and what it needs",
        "Samskabelse i {place}: hvad den giver, og hvad den har brug for",
    ),
    "brief_public_safe": (
        "Public version: no personal data. People taking part are given only as numbers.",
        "Offentlig udgave: ingen personoplysninger. Deltagende personer angives kun som antal.",
    ),
    "brief_contains_personal_data": (
        "This version contains personal data (names of citizens and volunteers). Do not publish it.",
        "Denne udgave indeholder personoplysninger (navne på borgere og frivillige). Den må ikke offentliggøres.",
    ),
    "committee_intro": (
        "This brief sums up {count} co-production initiatives, {active} of them active.",
        "Notatet samler op på {count} samskabelsesinitiativer, hvoraf {active} er aktive.",
    ),
    "committee_what_is": (
        "In co-production the municipality works together with citizens, volunteers, "
        "associations and businesses on a shared task. The figures come from the staff's own "
        "records of each initiative.",
        "Ved samskabelse løser kommunen en opgave sammen med borgere, frivillige, foreninger og "
        "virksomheder. Tallene kommer fra medarbejdernes egne registreringer af initiativerne.",
    ),
    "committee_delivered": ("What co-production delivered", "Hvad samskabelsen har givet"),
    "committee_mobilised": (
        "Resources mobilised from outside the municipality: {money} and {hours}.",
        "Ressourcer mobiliseret uden for kommunen: {money} og {hours}.",
    ),
    "committee_municipal": (
        "The municipality's own input: {money} and {hours}.",
        "Kommunens egen indsats: {money} og {hours}.",
    ),
    "committee_participants": (
        "Taking part: {organisations} organisations and municipal units and {persons} persons",
        "Deltagere: {organisations} organisationer og kommunale enheder og {persons} personer",
    ),
    "count_citizen": ("{count} citizens", "{count} borgere"),
    "count_citizen_one": ("{count} citizen", "{count} borger"),
    "count_volunteer": ("{count} volunteers", "{count} frivillige"),
    "count_volunteer_one": ("{count} volunteer", "{count} frivillig"),
    "count_person": ("{count} other persons", "{count} andre personer"),
    "count_person_one": ("{count} other person", "{count} anden person"),
    "committee_by_type": (
        "Initiatives by type of co-production",
        "Initiativer efter type af samskabelse",
    ),
    "committee_col_count": ("Number", "Antal"),
    "committee_col_role": ("The staff's role", "Medarbejdernes rolle"),
    "committee_col_value": ("Public value", "Offentlig værdi"),
    "committee_values": (
        "The public value the initiatives aim at",
        "Den offentlige værdi, initiativerne sigter mod",
    ),
    "committee_value_line": ("{value}: {count} initiatives", "{value}: {count} initiativer"),
    "committee_needs": (
        "What the staff need from the committee",
        "Hvad medarbejderne har brug for fra udvalget",
    ),
    "committee_needs_intro": (
        "The staff who run the initiatives work best with a clear mandate, political backing "
        "and enough resources. The records point to these needs:",
        "Medarbejderne, der driver initiativerne, arbejder bedst med et klart mandat, politisk "
        "opbakning og tilstrækkelige ressourcer. Registreringerne peger på disse behov:",
    ),
    "committee_need_mandate": (
        "A mandate to give or clarify: {count} initiatives",
        "Mandat, der skal gives eller præciseres: {count} initiativer",
    ),
    "committee_need_anchoring": (
        "Political anchoring missing: {count} initiatives",
        "Manglende politisk forankring: {count} initiativer",
    ),
    "committee_need_resources": (
        "Short of resources: {count} initiatives",
        "For få ressourcer: {count} initiativer",
    ),
    "committee_and_more": ("… and {count} more.", "… og {count} flere."),
    "committee_pressures": (
        "Open cross-pressures inside the organisation",
        "Åbne krydspres i organisationen",
    ),
    "committee_col_open": ("Open", "Åbne"),
    "committee_col_serious": ("Serious", "Alvorlige"),
    "committee_col_meaning": ("What it means", "Hvad det betyder"),
    "committee_initiatives": ("The initiatives", "Initiativerne"),
    "committee_taking_part": ("Taking part:", "Deltagere:"),
    # commitments (promises kept open until resolved), My work and the calendar
    "entity_commitment": ("commitment", "aftale"),
    "sig_commitment_overdue": ("commitment overdue", "aftale overskredet"),
    "label_commitments": ("Commitments", "Aftaler"),
    "col_commitment": ("Commitment", "Aftale"),
    "col_counterpart": ("To", "Til"),
    "col_due_on": ("Due", "Frist"),
    "col_done_on": ("Done", "Udført"),
    "cli_no_commitments": ("No commitments.", "Ingen aftaler."),
    "cli_commitment_count": ("{count} commitments", "{count} aftaler"),
    "cli_calendar_written": (
        "{count} dates written to {path}",
        "{count} datoer skrevet til {path}",
    ),
    "cal_review": ("Review: {reference} {title}", "Gennemgang: {reference} {title}"),
    "cal_initiative": ("Initiative: {reference} {title}", "Initiativ: {reference} {title}"),
    "cal_promised_to": ("Promised to: {name}", "Lovet til: {name}"),
    "cal_owner": ("Owner: {name}", "Ansvarlig: {name}"),
    "brief_open_commitments": ("Open commitments", "Åbne aftaler"),
    "brief_overdue": ("overdue", "overskredet"),
    "brief_commitments_kept": (
        "{kept} kept ({on_time} on time) · {overdue} overdue · {dropped} dropped · {open} open",
        "{kept} holdt ({on_time} til tiden) · {overdue} overskredet · {dropped} opgivet · "
        "{open} åbne",
    ),
    "committee_we_did": ("We asked, you said, we did", "Vi spurgte, I sagde, vi gjorde"),
    "committee_we_did_intro": (
        "Promises made to citizens and associations: {kept} kept, {open} still open, "
        "{dropped} dropped.",
        "Løfter givet til borgere og foreninger: {kept} holdt, {open} stadig åbne, "
        "{dropped} opgivet.",
    ),
    "committee_we_did_kept": ("Kept", "Holdt"),
    "committee_we_did_open": ("Still open", "Stadig åbne"),
    # attachments (services/attachments.py, `coprod attach`, `attachments`, `attachment save`)
    "entity_attachment": ("attachment", "bilag"),
    "bad_checksum": (
        "'{value}' is not a SHA-256 checksum (64 hexadecimal digits, lower case)",
        "'{value}' er ikke en SHA-256-kontrolsum (64 hexadecimale cifre, små bogstaver)",
    ),
    "file_not_found": ("{path}: no such file", "{path}: filen findes ikke"),
    "attachment_not_a_file": (
        "{path} is not an ordinary file; nothing was attached",
        "{path} er ikke en almindelig fil; intet blev vedhæftet",
    ),
    "attachment_too_large": (
        "{path} is {size} MB, more than the {limit} MB a file may be (Settings);"
        " nothing was attached",
        "{path} fylder {size} MB, mere end de {limit} MB en fil må fylde (Indstillinger);"
        " intet blev vedhæftet",
    ),
    "attachment_changed": (
        "the file {name} changed while it was read, or its checksum is wrong; nothing was written",
        "filen {name} ændrede sig, mens den blev læst, eller dens kontrolsum er forkert;"
        " intet blev skrevet",
    ),
    "attachment_damaged": (
        "the stored file {name} does not match its checksum; nothing was written",
        "den gemte fil {name} passer ikke med sin kontrolsum; intet blev skrevet",
    ),
    "attachment_content_missing": (
        "the file {name} ({sha256}) is not in the bundle",
        "filen {name} ({sha256}) er ikke i pakken",
    ),
    "bundle_unreadable": (
        "{path} is not a readable .coprodz bundle: {reason}",
        "{path} er ikke en læsbar .coprodz-pakke: {reason}",
    ),
    "cli_attached": (
        "Attached {count} files to {reference}.",
        "Vedhæftede {count} filer til {reference}.",
    ),
    "cli_no_attachments": ("No attachments.", "Ingen bilag."),
    "cli_attachment_saved": ("Saved {name} to {path}.", "Gemte {name} i {path}."),
    "cli_attachments_skipped": (
        "{count} attachments were not imported: their files are only in a .coprodz bundle.",
        "{count} bilag blev ikke importeret: deres filer findes kun i en .coprodz-pakke.",
    ),
    "message_unreadable": (
        "cannot read the message {path}: {reason}",
        "kan ikke læse beskeden {path}: {reason}",
    ),
    "cli_message_entry": (
        "Journal entry {journal} ({kind}) made from {name}, with {count} files.",
        "Journalnotat {journal} ({kind}) lavet ud fra {name}, med {count} filer.",
    ),
    "cli_participant_matched": ("  participant: {name} <{email}>", "  deltager: {name} <{email}>"),
    "cli_participant_created": (
        "  new stakeholder: {name} <{email}>",
        "  ny aktør: {name} <{email}>",
    ),
    "cli_participant_unmatched": (
        "  not a stakeholder: {name} <{email}> (add it with --create-participants)",
        "  ikke en aktør: {name} <{email}> (tilføj med --create-participants)",
    ),
    "cli_kind_email": ("e-mail", "e-mail"),
    "cli_kind_meeting": ("meeting", "møde"),
    "erase_documents_undecided": (
        "{count} documents concern the person ({names}); their contents cannot be"
        " anonymised: choose to delete or keep them (--documents delete|keep); nothing was"
        " erased",
        "{count} dokumenter vedrører personen ({names}); deres indhold kan ikke"
        " anonymiseres: vælg at slette eller beholde dem (--documents delete|keep); intet"
        " blev slettet",
    ),
    "cli_erase_documents": (
        "Documents: {deleted} deleted, {kept} kept (recorded in the audit trail).",
        "Dokumenter: {deleted} slettet, {kept} beholdt (registreret i loggen).",
    ),
    "access_documents": (
        "Documents (the files are in the folder beside this file)",
        "Dokumenter (filerne ligger i mappen ved siden af denne fil)",
    ),
    "col_id": ("Id", "Id"),
    "col_file": ("File", "Fil"),
    "col_size": ("Size", "Størrelse"),
    "col_added": ("Added", "Tilføjet"),
    "col_journal": ("Journal entry", "Journalnotat"),
    "col_media_type": ("Type", "Type"),
}


# The singular of the messages above that count something (their `count` is 1); CATALOGUE
# holds the plural, which English and Danish also use for 0.
ONE: dict[str, tuple[str, str]] = {
    "in_use": (
        "is still involved in {count} initiative; remove it there or merge it first",
        "indgår stadig i {count} initiativ; fjern den dér eller flet den først",
    ),
    "cli_sheet_problems": (
        "{count} problem in {path}; nothing was written:",
        "{count} problem i {path}; intet blev skrevet:",
    ),
    "cli_commitment_count": ("{count} commitment", "{count} aftale"),
    "cli_calendar_written": ("{count} date written to {path}", "{count} dato skrevet til {path}"),
    "brief_earlier_mandates": (
        "{count} earlier mandate on record.",
        "{count} tidligere mandat registreret.",
    ),
    "names_unconfirmed": (
        "the public brief would print {count} name-like phrase nobody has confirmed; list"
        " it with --check-names and decide with 'coprod names confirm PHRASE [--replace"
        " TEXT]' (nothing was written)",
        "det offentlige notat ville vise {count} navnelignende udtryk, som ingen har"
        " bekræftet; se det med --check-names og beslut med 'coprod names confirm UDTRYK"
        " [--replace TEKST]' (intet blev skrevet)",
    ),
    "names_unconfirmed_count": (
        "{count} name-like phrase to confirm or replace",
        "{count} navnelignende udtryk skal bekræftes eller erstattes",
    ),
    "cli_attached": (
        "Attached {count} file to {reference}.",
        "Vedhæftede {count} fil til {reference}.",
    ),
    "cli_attachments_skipped": (
        "{count} attachment was not imported: its file is only in a .coprodz bundle.",
        "{count} bilag blev ikke importeret: dets fil findes kun i en .coprodz-pakke.",
    ),
}


def message(key: str, lang: str = "en", **params: Any) -> str:
    """The catalogue text for `key` in `lang` (English for unknown languages), filled in;
    the singular form when the message counts exactly one."""
    en, da = ONE[key] if key in ONE and params.get("count") == 1 else CATALOGUE[key]
    template = da if lang == "da" else en
    if not params:
        return template
    # A parameter that is itself bilingual (a list of vocabulary labels) is put in the
    # message's language, so a Danish sentence never carries English words or raw keys.
    values = {k: _in_language(value, lang) for k, value in params.items()}
    if lang == "da" and isinstance(values.get("reason"), str):
        values["reason"] = danish_reason(values["reason"])
    return template.format(**values)


def _in_language(value: Any, lang: str) -> Any:
    from coprod_desktop.domain.typology import Text

    return value.get(lang) if isinstance(value, Text) else value


# The `reason` a database or file error gives comes from our code, the operating system,
# SQLite or the PostgreSQL driver, all in English; these are put in Danish for a Danish
# message (matched without regard to case; a reason not listed is shown as it came).
DANISH_REASONS: dict[str, str] = {
    "it is a folder": "det er en mappe",
    "the file is empty": "filen er tom",
    "it is not an sqlite database": "det er ikke en SQLite-database",
    "backups of a shared database are made by its server": (
        "en delt database sikkerhedskopieres af dens server"
    ),
    "cannot back up onto itself": "kan ikke sikkerhedskopiere oven i sig selv",
    "source and target are the same": "kilde og mål er den samme",
    "it belongs to another program (no coprod-desktop schema)": (
        "den tilhører et andet program (intet coprod-desktop-skema)"
    ),
    "not an .xlsx workbook": "ikke en .xlsx-projektmappe",
    "no such file or directory": "filen eller mappen findes ikke",
    "permission denied": "adgang nægtet",
    "is a directory": "det er en mappe",
    "not a directory": "det er ikke en mappe",
    "read-only file system": "filsystemet er skrivebeskyttet",
    "no space left on device": "der er ikke mere plads på disken",
    "file exists": "filen findes allerede",
    "unable to open database file": "databasefilen kan ikke åbnes",
    "file is not a database": "filen er ikke en database",
    "database disk image is malformed": "databasefilen er beskadiget",
    "disk i/o error": "fejl ved læsning eller skrivning på disken",
}
_DANISH_REASON_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"it is not empty \(table (\S+) has rows\); copy into a new database", re.I),
        r"den er ikke tom (tabellen \1 har rækker); kopiér til en ny database",
    ),
    (re.compile(r"not UTF-8 \((.*)\)", re.I), r"ikke UTF-8 (\1)"),
    (re.compile(r".*connection refused.*", re.I | re.S), "serveren afviste forbindelsen"),
    (re.compile(r".*password authentication failed.*", re.I | re.S), "adgangskoden blev afvist"),
    (
        re.compile(r".*(could not translate host name|name or service not known).*", re.I | re.S),
        "serverens navn blev ikke fundet",
    ),
    (re.compile(r".*timeout expired.*", re.I | re.S), "serveren svarede ikke i tide"),
)


def danish_reason(reason: str) -> str:
    """An error's English reason in Danish where it is a known one (else unchanged)."""
    known = DANISH_REASONS.get(reason.strip().casefold())
    if known is not None:
        return known
    for pattern, replacement in _DANISH_REASON_PATTERNS:
        if pattern.fullmatch(reason.strip()):
            return pattern.sub(replacement, reason.strip())
    return reason
