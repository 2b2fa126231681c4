"""The one small error hierarchy. Every known failure is one of these; the CLI maps them to
exit codes and one line, the GUI to a plain-words dialog. Anything else is a bug."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from coprod_desktop.domain.messages import message


class CoprodError(Exception):
    """Base of every known error. `key`/`params` pick a message from the catalogue."""

    exit_code = 1
    key = "cli_error"

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return message(self.key, lang, **self.params)


@dataclass(frozen=True)
class Problem:
    """One failing field: where (a dotted path such as `initiatives[2].sector`) and what."""

    path: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        text = message(self.code, lang, **self.params)
        return f"{self.path}: {text}" if self.path else text


class ValidationError(CoprodError):
    """Bad input. Carries every failing field at once; nothing was written."""

    exit_code = 3
    key = "validation_failed"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__()

    def message(self, lang: str = "en") -> str:
        listed = "; ".join(p.message(lang) for p in self.problems[:20])
        if len(self.problems) > 20:
            listed += f"; … (+{len(self.problems) - 20})"
        return message(self.key, lang, problems=listed)

    def fields(self) -> set[str]:
        return {p.path for p in self.problems}


class NotFoundError(CoprodError):
    exit_code = 3
    key = "not_found"

    def __init__(self, entity: str, ident: object) -> None:
        self.entity = entity
        self.ident = ident
        super().__init__(entity=entity, ident=ident)

    def message(self, lang: str = "en") -> str:
        return message(
            self.key, lang, entity=message(f"entity_{self.entity}", lang), ident=self.ident
        )


class ConflictError(CoprodError):
    """Someone else saved the same record since it was read (optimistic lock).

    `who` and `at` (local time) name the last change when known; `since` says what the
    stale copy came from: "opened" (an editor) or "exported" (an import of an exported file).
    """

    exit_code = 4
    key = "conflict"

    def __init__(
        self,
        entity: str,
        ident: object = "",
        *,
        who: str | None = None,
        at: datetime | None = None,
        since: str = "opened",
    ) -> None:
        self.entity = entity
        self.ident = ident
        self.who = who
        self.at = at
        self.since = since
        super().__init__(entity=entity, ident=ident)

    def message(self, lang: str = "en") -> str:
        entity = message(f"entity_{self.entity}", lang)
        since = message(f"conflict_since_{self.since}", lang)
        if self.who and self.at is not None:
            when = self.at.strftime("%H:%M" if self.at.date() == date.today() else "%Y-%m-%d %H:%M")
            text = message(
                "conflict_by", lang, ident=self.ident, who=self.who, at=when, since=since
            )
        else:
            text = message(self.key, lang, entity=entity, ident=self.ident, since=since)
        return " ".join(text.split())  # no double space when the record is not named


class InputFileError(CoprodError):
    """A file to import cannot be read or parsed at all."""

    exit_code = 3

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        super().__init__(**params)


class DatabaseError(CoprodError):
    """The database cannot be used: unavailable, locked, corrupt, or of a newer schema."""

    exit_code = 4
    key = "db_unavailable"

    @property
    def where(self) -> str | None:
        """The database the error is about (a path for SQLite), e.g. to offer a backup."""
        where = self.params.get("where")
        return None if where is None else str(where)


class DatabaseUnavailableError(DatabaseError):
    key = "db_unavailable"


class ConnectionLostError(DatabaseUnavailableError):
    """The shared database cannot be reached (server down, network gone): a state that passes,
    not a fault of the data. The GUI shows a banner and tries again by itself."""

    key = "db_connection_lost"


class DatabaseLockedError(DatabaseError):
    key = "db_locked"


class DatabaseCorruptError(DatabaseError):
    key = "db_corrupt"


class NewerSchemaError(DatabaseError):
    key = "db_newer_schema"


class MigrationFailedError(DatabaseError):
    key = "db_migration_failed"


class DatabaseReadOnlyError(DatabaseError):
    """The file or its folder cannot be written: it was opened read-only, or must be upgraded."""

    key = "db_read_only"

    def __init__(self, key: str = "db_read_only", **params: Any) -> None:
        self.key = key
        super().__init__(**params)


class DatabaseFullError(DatabaseError):
    """The disk (or the database's size limit) is full; the transaction was rolled back."""

    key = "db_full"


class NamesUnconfirmedError(CoprodError):
    """A public brief would print name-like phrases nobody has confirmed (nothing written)."""

    exit_code = 3
    key = "names_unconfirmed"


class FileProblemError(CoprodError):
    """A file the user asked to write cannot or may not be written (the open database, a
    backup, a device or folder, a full disk, no permission); nothing was written there."""

    exit_code = 4

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        super().__init__(**params)


class DatabaseAddressError(DatabaseError):
    """`--db` names nothing this app can open: a malformed address, an unsupported kind of
    database, or a path that is a symbolic link loop."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        super().__init__(**params)


class DatabaseMissingError(DatabaseError):
    """A command that only reads or changes a portfolio found no database at the path."""

    key = "db_missing"
