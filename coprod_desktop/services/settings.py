"""Settings the headless core needs too (the CLI and the GUI agree on them).

Kept as JSON in the per-user data folder; the GUI keeps window state and its own preferences
in QSettings, but anything that changes what the analysis or the briefs say lives here.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from coprod_desktop import paths
from coprod_desktop.domain.assessment import Thresholds

SETTINGS_FILE = "settings.json"


@dataclass
class CoreSettings:
    stale_pressure_days: int = Thresholds.stale_pressure_days
    stale_journal_days: int = Thresholds.stale_journal_days
    outcome_grace_days: int = Thresholds.outcome_grace_days
    outcome_stale_days: int = Thresholds.outcome_stale_days
    municipality_name: str = ""
    logo_path: str = ""
    attachment_limit_mb: int = 50  # the largest file that may be attached (services.attachments)

    def thresholds(self) -> Thresholds:
        return Thresholds(
            stale_pressure_days=self.stale_pressure_days,
            stale_journal_days=self.stale_journal_days,
            outcome_grace_days=self.outcome_grace_days,
            outcome_stale_days=self.outcome_stale_days,
        )


def _file() -> Path:
    return paths.data_dir() / SETTINGS_FILE


def load_settings() -> CoreSettings:
    """The saved settings; defaults for anything missing or unreadable."""
    try:
        raw: Any = json.loads(_file().read_text("utf-8"))
    except (OSError, ValueError):
        return CoreSettings()
    if not isinstance(raw, dict):
        return CoreSettings()
    defaults = CoreSettings()
    values: dict[str, Any] = {}
    for spec in fields(CoreSettings):
        value = raw.get(spec.name, getattr(defaults, spec.name))
        if isinstance(value, type(getattr(defaults, spec.name))) and not isinstance(value, bool):
            values[spec.name] = value
    settings = CoreSettings(**values)
    settings.stale_pressure_days = max(1, settings.stale_pressure_days)
    settings.stale_journal_days = max(1, settings.stale_journal_days)
    settings.outcome_grace_days = max(1, settings.outcome_grace_days)
    settings.outcome_stale_days = max(1, settings.outcome_stale_days)
    settings.attachment_limit_mb = max(1, settings.attachment_limit_mb)
    return settings


def save_settings(settings: CoreSettings) -> None:
    target = _file()
    temporary = target.with_name(target.name + ".part")
    temporary.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False), "utf-8")
    temporary.replace(target)
