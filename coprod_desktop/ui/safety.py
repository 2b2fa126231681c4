"""Kept only for `ui/editor.py`, which saves through `safety.writer_for` until the editor
package is given its writer (then this module goes). The pieces live in `ui/writer.py`,
`ui/error_messages.py`, `ui/read_only.py`, `ui/restore_dialog.py` and `ui/open_failure.py`."""

from __future__ import annotations

from coprod_desktop.ui.writer import writer_for

__all__ = ["writer_for"]
