"""What an editor needs from whoever holds it, passed in rather than looked up.

The editor writes through the window's serial writer and hands the awkward outcomes of a save
(a colleague saved first, the shared database went away, the combination with a colleague's
save is invalid) to the window's handlers. It imports none of them: the main window (or a
test) builds an `EditorContext` and gives it to each editor it opens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import SignalInstance

from coprod_desktop.domain.errors import ConflictError, ValidationError

# The editor the handlers are given (`EditorBase`; a type variable, so this module needs not
# import the editor that imports it).
EditorT = TypeVar("EditorT")


class SaveJob(Protocol):
    """A write under way: `finished(ok)` once its callbacks ran; `restart(work)` tries again
    with other work (a merge with a colleague's save)."""

    @property
    def finished(self) -> SignalInstance: ...

    def restart(self, work: Callable[[], Any] | None = None) -> None: ...


class Writes(Protocol):
    """Runs writes one at a time off the GUI thread (Retry when locked, errors in plain words).

    `on_failure(error)` returns True when it dealt with the error itself."""

    def write(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None] | None = ...,
        on_failure: Callable[[BaseException], bool] | None = ...,
        *,
        label: str | None = ...,
    ) -> SaveJob: ...


@dataclass(frozen=True)
class EditorContext(Generic[EditorT]):
    """The writer and the handlers an editor's Save uses.

    - `resolve_conflict(editor, job, error)`: a colleague saved first; True when dealt with
      (the merge is being saved through `job`, or the user cancelled).
    - `merge_invalid(editor, error)`: the merge with a colleague's save breaks a rule.
    - `after_save(editor)`: a save went through (say what was combined from a colleague).
    - `connection_lost(editor)`: the shared database cannot be reached; True when the changes
      are kept to be saved when it is back.
    """

    writer: Writes
    resolve_conflict: Callable[[EditorT, SaveJob, ConflictError], bool] | None = None
    merge_invalid: Callable[[EditorT, ValidationError], None] | None = None
    after_save: Callable[[EditorT], None] | None = None
    connection_lost: Callable[[EditorT], bool] | None = None
