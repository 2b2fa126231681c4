"""A realistic synthetic portfolio for the benchmark (a script and a module; pytest skips it).

    python tests/benchmarks/generate.py --initiatives N OUT.sqlite

For N initiatives: N/2 stakeholders (a third of them persons), 3N involvements, N/2 mandates,
N cross-pressures, 2N journal entries (each with a participant), 2N resource entries, 2N
commitments (owned by the initiatives' staff, most made to a stakeholder). Texts
are Danish: place names, themes and sentences of the kind a frontline co-producer writes.

The portfolio is written fast with SQLAlchemy Core bulk inserts into a database created by
the real migrations, and the search index is built with the app's own indexer
(`store.search.reindex`), so the app searches it exactly as it would its own data. The audit
trail is left empty: these rows were never edited by anyone. `interchange(n)` gives the same
kind of portfolio as an interchange document, for timing the import.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from coprod_desktop.domain import vocab as v

PLACE_STARTS = (
    "Strand", "Skov", "Bak", "Nør", "Søn", "Øster", "Vester", "Lille", "Store", "Kirke",
    "Mølle", "Å", "Eg", "Hvide", "Bro", "Fjord", "Lyng", "Ege", "Hede", "Sand", "Kær",
    "Mose", "Ny", "Gammel", "Holme", "Borre", "Ravns", "Tranes", "Ulvs", "Birke",
)  # fmt: skip
PLACE_ENDS = (
    "holm", "by", "rup", "lev", "sted", "havn", "købing", "borg", "bjerg", "lund", "mark",
    "vang", "ager", "skov", "høj", "næs", "strup", "løse",
)  # fmt: skip
THEMES = (
    ("harbours", "havneudvikling", "havnehus", "kajrenovering", "lystbådehavn", "fiskerihavn"),
    ("planning_environment", "byfornyelse", "lokalplan", "klimasikring", "naturpleje", "stisystem"),
    ("tourism_trade", "turismebrand", "handelsliv", "bymidte", "markedsdag", "kystturisme"),
    ("employment", "jobskabelse", "virksomhedspraktik", "iværksætteri", "jobcafé", "mentorordning"),
    ("eldercare", "plejecenter", "besøgsven", "ældrecafé", "motionshold", "demensvenner"),
    ("integration", "flygtningevenner", "sprogcafé", "lektiehjælp", "nabonetværk", "kulturmøde"),
    ("education", "skolehave", "ungeråd", "lektiecafé", "naturskole", "læringsfællesskab"),
    ("culture_leisure", "kulturhus", "idrætsforening", "musikfestival", "bibliotek", "spejderhytte"),
    ("social", "værested", "boligsocialt", "fællesspisning", "netværksgruppe", "hjemløse"),
    ("health", "sundhedshus", "rygestop", "trivsel", "motionsvenner", "mental sundhed"),
    ("other", "lokalråd", "borgerbudget", "landsbyliv", "fællesskab", "medborgerhus"),
)  # fmt: skip
ACTIONS = (
    "fra protest til fælles plan", "sammen om udviklingen", "frivillige tager over",
    "ny driftsaftale", "lokal forankring", "borgerne former løsningen", "et fælles løft",
    "partnerskab med foreningerne", "mere liv i området", "hjælp til selvhjælp",
)  # fmt: skip
SENTENCES = (
    "Forvaltningen samarbejder med {org} om {theme} i {place}.",
    "Borgermødet i {place} samlede omkring {count} deltagere.",
    "Foreningen har overtaget en del af driften efter en aftale med kommunen.",
    "Styregruppen mødes hver måned og følger op på aftalerne om {theme}.",
    "Frivillige fra {org} bidrager med timer og viden om lokalområdet.",
    "Udvalget har givet mandat til at afprøve en ny model for {theme}.",
    "Der er søgt fondsmidler til at styrke {theme} i {place}.",
    "Initiativet voksede ud af utilfredshed med de eksisterende tilbud.",
    "Medarbejderne oplever krydspres mellem budgetter og samarbejdets tempo.",
    "Erfaringerne fra {place} skal deles med resten af kommunen.",
)  # fmt: skip
PROMISES = (
    "svar til borgerne om {theme}",
    "plan for {theme} sendes til udvalget",
    "lokale til næste møde findes",
    "referat sendes til alle deltagere",
    "tilbagemelding på ansøgningen",
)
COMMITMENT_STATUSES = ("open", "in_progress", "done", "dropped")
COMMITMENT_WEIGHTS = (5, 2, 4, 1)

JOURNAL = (
    "Møde med {org} om {theme}",
    "Workshop i {place} om næste etape",
    "Besigtigelse af området ved {place}",
    "Opfølgning på aftalen om {theme}",
    "Beslutning i styregruppen om {theme}",
    "Telefonsamtale med formanden for {org}",
    "Milepæl nået: første fase af {theme} afsluttet",
)  # fmt: skip
FIRST = (
    "Anne", "Mette", "Lars", "Jens", "Hanne", "Søren", "Kirsten", "Peter", "Maria", "Mads",
    "Louise", "Rasmus", "Camilla", "Niels", "Ida", "Jørgen", "Birgit", "Emil", "Sofie", "Ole",
)  # fmt: skip
LAST = (
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Østergaard",
)  # fmt: skip
ORG_KINDS = (
    ("association", "{place} Borgerforening"),
    ("association", "{place} Havneforening"),
    ("association", "Lokalrådet for {place}"),
    ("civil_society_org", "Røde Kors {place}"),
    ("civil_society_org", "Ældre Sagen {place}"),
    ("business", "{place} Handelsstandsforening"),
    ("business", "{last} & Co. {place}"),
    ("municipal_unit", "Teknik og Miljø, {place}"),
    ("public_authority", "Region Syddanmark, {place}"),
    ("political_body", "Udvalget for {theme}"),
)

VALUES = [m.value for m in v.PublicValue]
ROLES = [m.value for m in v.InvolvementRole]
LEVELS3 = [m.value for m in v.Level3]
CATEGORIES = [m.value for m in v.PressureCategory]
PRESSURE_LEVELS = [m.value for m in v.PressureLevel]
COPING = [m.value for m in v.CopingStrategy]
JOURNAL_KINDS = [m.value for m in v.JournalKind]
MANDATE_LEVELS = [m.value for m in v.MandateLevel]
CLARITY = [m.value for m in v.Clarity]
ORIGINS = [m.value for m in v.Origin]
TYPES = [m.value for m in v.InitiativeType]
PARTICIPATION = [m.value for m in v.ParticipationLevel]
STATUSES = ("idea", "preparing", "active", "paused", "completed", "discontinued")
STATUS_WEIGHTS = (8, 10, 40, 7, 30, 5)
RESOURCES = (
    ("municipal_budget", "DKK"),
    ("staff_hours", "hours"),
    ("external_funding", "DKK"),
    ("volunteer_hours", "hours"),
    ("in_kind", "stk."),
    ("facilities", "m²"),
)
ROLE_FOR_TYPE = {
    "co_management": "facilitating_collaboration",
    "empowerment": "facilitating_empowerment",
    "coordination": "coordinating_volunteers",
}
TODAY = date(2026, 11, 1)


def places() -> list[str]:
    return [start + end for start in PLACE_STARTS for end in PLACE_ENDS]


MARKED_PLACE = "Sønderhavn"  # the place of exactly 500 initiatives (fewer when N < 500)
MARKED = 500


def marked(ident: int, n: int) -> bool:
    """Whether initiative `ident` of `n` is one of the 500 placed in MARKED_PLACE."""
    step = max(1, n // MARKED)
    return ident % step == 0 and ident // step <= MARKED


class Generator:
    """Deterministic (seeded) rows in interchange shape with ids assigned up front."""

    def __init__(self, n: int, seed: int = 8) -> None:
        self.n = n
        self.rng = random.Random(seed)
        self.places = places()
        self.staff = [f"{f} {last}" for f in FIRST for last in LAST][:150]
        self.managers = self.staff[::10]

    # ------------------------------------------------------------- pieces

    def _date(self, start_year: int = 2012, end: date = TODAY) -> date:
        first = date(start_year, 1, 1)
        return first + timedelta(days=self.rng.randrange((end - first).days))

    def _sentence(self, place: str, theme: str, org: str) -> str:
        return self.rng.choice(SENTENCES).format(
            place=place, theme=theme, org=org, count=self.rng.randrange(20, 400)
        )

    def stakeholders(self) -> Iterator[dict[str, Any]]:
        rng = self.rng
        for index in range(1, max(1, self.n // 2) + 1):
            place = rng.choice(self.places)
            if index % 3 == 0:
                kind = rng.choice(("citizen", "volunteer"))
                yield {
                    "id": index,
                    "name": f"{rng.choice(FIRST)} {rng.choice(LAST)} ({place})",
                    "kind": kind,
                    "is_person": True,
                    "email": f"person{index}@example.dk",
                    "phone": f"+45 {rng.randrange(20000000, 99999999)}",
                    "lawful_basis": rng.choice(("public_task", "consent")),
                    "consent_date": self._date(2018),
                    "retention_until": date(2030, 12, 31),
                }
            else:
                kind, pattern = rng.choice(ORG_KINDS)
                theme = rng.choice(THEMES)[1]
                name = pattern.format(place=place, last=rng.choice(LAST), theme=theme)
                yield {
                    "id": index,
                    "name": f"{name} #{index}",
                    "kind": kind,
                    "is_person": False,
                    "organisation": name,
                    "notes": f"Kontakt via sekretariatet i {place}.",
                }

    def initiative(self, ident: int) -> dict[str, Any]:
        rng = self.rng
        theme_row = rng.choice(THEMES)
        sector, theme = theme_row[0], rng.choice(theme_row[1:])
        place = rng.choice(self.places)
        if marked(ident, self.n):
            place = MARKED_PLACE
        org = f"{place} Borgerforening"
        started = self._date(2012)
        year = started.year
        kind = rng.choice([*TYPES, None])  # about a quarter not yet classified
        status = rng.choices(STATUSES, STATUS_WEIGHTS)[0]
        title = f"{place} {theme} – {rng.choice(ACTIONS)}"
        summary = " ".join(self._sentence(place, theme, org) for _ in range(2))
        description = "\n\n".join(
            " ".join(self._sentence(place, theme, org) for _ in range(4)) for _ in range(2)
        )
        owner = rng.choice(self.staff)
        created = datetime.combine(started, datetime.min.time()) + timedelta(hours=9)
        updated = created + timedelta(days=rng.randrange(0, max(1, (TODAY - started).days)))
        return {
            "id": ident,
            "reference": f"CP-{year}-{ident:06d}",
            "title": title,
            "summary": summary,
            "description": description,
            "sector": sector,
            "area": place,
            "status": status,
            "origin": rng.choice(ORIGINS),
            "type": kind,
            "type_rationale": "Flere aktører deler ansvaret." if kind else None,
            "participation_level": rng.choice(PARTICIPATION),
            "public_values": rng.sample(VALUES, rng.randrange(1, 3)),
            "frontline_role": ROLE_FOR_TYPE.get(kind or ""),
            "owner": owner,
            "responsible_manager": rng.choice(self.managers),
            "start_date": started,
            "end_date": started + timedelta(days=730) if status == "completed" else None,
            "next_review": TODAY + timedelta(days=rng.randrange(-120, 365))
            if status in ("active", "preparing", "paused")
            else None,
            "kle_topic": f"{rng.randrange(0, 99):02d}.{rng.randrange(0, 99):02d}",
            "created_at": created,
            "updated_at": updated,
            "version": 1,
            "_theme": theme,
            "title_key": title.lower(),  # what models.sort_key stores
            "owner_key": owner.lower(),
            "_org": org,
        }

    # ------------------------------------------------------------- the whole portfolio

    def tables(self) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        """(table name, rows) in insertion order, in batches of a few thousand rows."""
        rng = self.rng
        n = self.n
        people = list(self.stakeholders())
        for start in range(0, len(people), 5000):
            yield "stakeholder", people[start : start + 5000]
        n_people = len(people)
        ids = {"involvement": 0, "mandate": 0, "cross_pressure": 0, "journal": 0, "resource": 0}
        # children per initiative: exactly 3 involvements; the others spread at random
        pressure_counts = _spread(rng, n, n)
        journal_counts = _spread(rng, n, 2 * n)
        resource_counts = _spread(rng, n, 2 * n)
        # commitments draw from their own stream, so every other row stays as it was
        promise_rng = random.Random(n * 7919 + 19)
        commitment_counts = _spread(promise_rng, n, 2 * n)
        ids["commitment"] = 0
        batch = 2000
        for start in range(1, n + 1, batch):
            rows: dict[str, list[dict[str, Any]]] = {
                name: []
                for name in (
                    "initiative",
                    "involvement",
                    "mandate",
                    "cross_pressure",
                    "journal_entry",
                    "journal_participant",
                    "resource_entry",
                    "commitment",
                )
            }
            for ident in range(start, min(n, start + batch - 1) + 1):
                item = self.initiative(ident)
                theme, org, place = item.pop("_theme"), item.pop("_org"), item["area"]
                rows["initiative"].append(item)
                members = rng.sample(range(1, n_people + 1), min(3, n_people))
                for sid in members:
                    ids["involvement"] += 1
                    rows["involvement"].append(
                        {
                            "id": ids["involvement"],
                            "initiative_id": ident,
                            "stakeholder_id": sid,
                            "role": rng.choice(ROLES),
                            "influence": rng.choice(LEVELS3),
                            "interest": rng.choice(LEVELS3),
                            "trust": rng.choice(LEVELS3),
                            "joined_on": item["start_date"],
                        }
                    )
                if ident % 2:
                    ids["mandate"] += 1
                    rows["mandate"].append(
                        {
                            "id": ids["mandate"],
                            "initiative_id": ident,
                            "granted_by": "Teknik- og Miljøudvalget",
                            "level": rng.choice(MANDATE_LEVELS),
                            "clarity": rng.choice(CLARITY),
                            "scope": f"Må aftale drift og aktiviteter om {theme}.",
                            "political_anchoring": rng.random() < 0.5,
                            "committee": "Teknik- og Miljøudvalget",
                            "decided_on": item["start_date"],
                        }
                    )
                for _ in range(pressure_counts[ident - 1]):
                    ids["cross_pressure"] += 1
                    status = rng.choice(("open", "mitigating", "resolved"))
                    rows["cross_pressure"].append(
                        {
                            "id": ids["cross_pressure"],
                            "initiative_id": ident,
                            "category": rng.choice(CATEGORIES),
                            "level": rng.choice(PRESSURE_LEVELS),
                            "severity": rng.randrange(1, 4),
                            "status": status,
                            "description": f"Krydspres omkring {theme} i {place}.",
                            "raised_on": self._date(item["start_date"].year),
                            "coping_strategy": rng.choice(COPING),
                            "resolved_on": TODAY if status == "resolved" else None,
                        }
                    )
                for _ in range(journal_counts[ident - 1]):
                    ids["journal"] += 1
                    rows["journal_entry"].append(
                        {
                            "id": ids["journal"],
                            "initiative_id": ident,
                            "date": self._date(item["start_date"].year),
                            "kind": rng.choice(JOURNAL_KINDS),
                            "summary": rng.choice(JOURNAL).format(
                                org=org, place=place, theme=theme
                            ),
                        }
                    )
                    rows["journal_participant"].append(
                        {"journal_entry_id": ids["journal"], "stakeholder_id": members[0]}
                    )
                for _ in range(resource_counts[ident - 1]):
                    ids["resource"] += 1
                    kind, unit = rng.choice(RESOURCES)
                    rows["resource_entry"].append(
                        {
                            "id": ids["resource"],
                            "initiative_id": ident,
                            "kind": kind,
                            "amount": float(rng.randrange(10, 500) * 10),
                            "unit": unit,
                            "source_id": rng.choice(members) if rng.random() < 0.5 else None,
                            "internal_unit": None,
                            "planned": rng.random() < 0.4,
                            "date": self._date(item["start_date"].year),
                        }
                    )
                for _ in range(commitment_counts[ident - 1]):
                    ids["commitment"] += 1
                    status = promise_rng.choices(COMMITMENT_STATUSES, COMMITMENT_WEIGHTS)[0]
                    due = TODAY + timedelta(days=promise_rng.randrange(-200, 200))
                    owner = item["owner"] if promise_rng.random() < 0.7 else self.staff[0]
                    rows["commitment"].append(
                        {
                            "id": ids["commitment"],
                            "initiative_id": ident,
                            "text": promise_rng.choice(PROMISES).format(theme=theme),
                            "status": status,
                            "owner": owner,
                            "owner_key": owner.lower(),  # what models.sort_key stores
                            "counterpart_id": members[0] if promise_rng.random() < 0.6 else None,
                            "due_on": due,
                            "done_on": min(due, TODAY) if status in ("done", "dropped") else None,
                        }
                    )
            yield from rows.items()


def _spread(rng: random.Random, buckets: int, total: int) -> list[int]:
    counts = [0] * buckets
    for _ in range(total):
        counts[rng.randrange(buckets)] += 1
    return counts


def _complete(table: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every row with every column (an executemany needs the same keys in each row)."""
    stamp = datetime(2026, 11, 1, 9, 0)
    # columns the database fills itself (a server default, such as the open-pressure count
    # its triggers keep) are left out unless the rows give them
    given = {name for row in rows for name in row}
    defaults = {c.name: None for c in table.columns if c.server_default is None or c.name in given}
    for name, value in (("created_at", stamp), ("updated_at", stamp), ("version", 1)):
        if name in defaults:
            defaults[name] = value
    return [{**defaults, **row} for row in rows]


def build(path: Path, n: int, seed: int = 8, quiet: bool = False) -> dict[str, float]:
    """Create `path` at the current schema and fill it with an n-initiative portfolio."""
    from sqlalchemy import insert, text

    from coprod_desktop.store import models as m
    from coprod_desktop.store import search
    from coprod_desktop.store.migrate import open_database

    if path.exists():
        raise SystemExit(f"{path} exists; generate into a new file")
    timings: dict[str, float] = {}
    started = time.perf_counter()
    db = open_database(str(path))
    tables = {table.name: table for table in m.Base.metadata.sorted_tables}
    counts: dict[str, int] = {}
    with db.engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        for name, rows in Generator(n, seed).tables():
            if rows:
                connection.execute(insert(tables[name]), _complete(tables[name], rows))
                counts[name] = counts.get(name, 0) + len(rows)
    timings["rows"] = time.perf_counter() - started
    began = time.perf_counter()
    with db.engine.begin() as connection:
        search.reindex(connection, range(1, n + 1))
    timings["search index"] = time.perf_counter() - began
    began = time.perf_counter()
    with db.engine.begin() as connection:
        connection.execute(text("ANALYZE"))
    db.dispose()
    timings["analyze"] = time.perf_counter() - began
    timings["total"] = time.perf_counter() - started
    if not quiet:
        print(
            "generated "
            + ", ".join(f"{count} {name}" for name, count in counts.items())
            + f" in {timings['total']:.1f} s "
            + f"(rows {timings['rows']:.1f} s, search index {timings['search index']:.1f} s)"
        )
    return timings


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def interchange(n: int, seed: int = 11) -> dict[str, Any]:
    """An n-initiative portfolio as an interchange document (no references: import numbers
    them), with the same shape of children as `build`."""
    generator = Generator(n, seed)
    people: list[dict[str, Any]] = []
    initiatives: list[dict[str, Any]] = []
    skip = {"id", "initiative_id", "created_at", "updated_at", "version", "reference"}
    skip |= {"title_key", "owner_key"}
    current: dict[str, Any] | None = None
    by_id: dict[int, dict[str, Any]] = {}
    journal_by_id: dict[int, dict[str, Any]] = {}
    for name, rows in generator.tables():
        for row in rows:
            if name == "stakeholder":
                person = {k: _iso(x) for k, x in row.items() if k != "id" and x is not None}
                people.append({"key": f"s{row['id']}", **person})
                continue
            if name == "journal_participant":
                journal_by_id[row["journal_entry_id"]]["participants"].append(
                    f"s{row['stakeholder_id']}"
                )
                continue
            values = {k: _iso(x) for k, x in row.items() if k not in skip and x is not None}
            if name == "initiative":
                current = {"key": f"i{row['id']}", **values}
                for child in ("stakeholders", "mandates", "resources", "cross_pressures"):
                    current[child] = []
                current["journal"] = []
                current["commitments"] = []
                initiatives.append(current)
                by_id[row["id"]] = current
                continue
            parent = by_id[row["initiative_id"]]
            if name == "involvement":
                values["stakeholder"] = f"s{values.pop('stakeholder_id')}"
                parent["stakeholders"].append(values)
            elif name == "mandate":
                parent["mandates"].append(values)
            elif name == "resource_entry":
                if "source_id" in values:
                    values["source"] = f"s{values.pop('source_id')}"
                parent["resources"].append(values)
            elif name == "cross_pressure":
                parent["cross_pressures"].append(values)
            elif name == "journal_entry":
                values["participants"] = []
                parent["journal"].append(values)
                journal_by_id[row["id"]] = values
            elif name == "commitment":
                if "counterpart_id" in values:
                    values["counterpart"] = f"s{values.pop('counterpart_id')}"
                parent["commitments"].append(values)
    return {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": people,
        "initiatives": initiatives,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic portfolio database.")
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    build(args.output, args.initiatives, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
