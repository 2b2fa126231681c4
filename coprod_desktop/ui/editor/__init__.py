"""The initiative editor: one tab per open initiative, with its own tabs and undo stack.

- `widget.py`: `InitiativeEditor`, the shell (heading, buttons, tabs);
- `base.py`: `EditorBase`, the state every part works on (so no part imports the shell);
- `tab_*.py`: one module per tab it builds itself (commitments, reviews, outcomes and
  documents are built by their modules beside the editor in ui/);
- `fields.py`: the plain fields and their labels; `binding.py`: fields bound to widgets;
- `lists.py`: the child lists and their forms; `undo.py`: the undo steps and key filters;
- `saving.py`: save, revert, close;
- `context.py`: `EditorContext`, what the window passes in (the writer, the conflict and
  connection handlers), so the editor imports neither the window nor those modules.
"""

from coprod_desktop.ui.editor.context import EditorContext, SaveJob, Writes
from coprod_desktop.ui.editor.editor_base import EditorBase
from coprod_desktop.ui.editor.field_lists import DATE_FIELDS, LONG_TEXT_FIELDS, TEXT_FIELDS
from coprod_desktop.ui.editor.lists import LISTS
from coprod_desktop.ui.editor.saving import FIELD_ALIASES, LIST_PATHS
from coprod_desktop.ui.editor.undo import FieldCommand, ListCommand
from coprod_desktop.ui.editor.widget import InitiativeEditor

__all__ = [
    "DATE_FIELDS",
    "FIELD_ALIASES",
    "LISTS",
    "LIST_PATHS",
    "LONG_TEXT_FIELDS",
    "TEXT_FIELDS",
    "EditorBase",
    "EditorContext",
    "FieldCommand",
    "InitiativeEditor",
    "ListCommand",
    "SaveJob",
    "Writes",
]
