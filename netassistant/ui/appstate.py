"""What the app remembers between runs: window geometry, splitters, recent sessions, open panes.

Kept in ``settings.ini`` in the same folder as the profiles (``NETASSISTANT_CONFIG_DIR`` or
the platform's config folder), so one folder holds all of a user's state and a test's
temporary folder isolates all of it. Sessions are stored as profile documents (JSON), the
same format as saved profiles: a recent session or a restored pane is a profile without a
file of its own. A stored entry that no longer validates is skipped, never fatal.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from netassistant.core.profiles.model import Profile, ProfileError
from netassistant.core.profiles.store import ProfileStore

MAX_RECENT = 10


class AppState:
    """Typed access to the app's QSettings file.

    Attributes:
        settings: The underlying QSettings (INI format, in the config folder).
        skipped: Messages for stored sessions that could not be read (shown once to the user).
    """

    def __init__(self, config_dir: str | Path | None = None) -> None:
        folder = Path(config_dir) if config_dir else ProfileStore().config_dir
        self.settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        self.skipped: list[str] = []

    # ------------------------------------------------------------------ values
    def value(self, key: str, default: Any = None) -> Any:
        """A stored value (strings/bytes as QSettings gives them)."""
        return self.settings.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        """Store a value."""
        self.settings.setValue(key, value)

    @property
    def restore_panes(self) -> bool:
        """Reopen the panes of the last run at start (on unless the user turned it off)."""
        return str(self.settings.value("restore_panes", "true")).lower() == "true"

    @restore_panes.setter
    def restore_panes(self, on: bool) -> None:
        self.settings.setValue("restore_panes", "true" if on else "false")

    # --------------------------------------------------------------- sessions
    def _profiles(self, key: str) -> list[Profile]:
        raw = self.settings.value(key, "")
        if not raw:
            return []
        try:
            items = json.loads(str(raw))
        except ValueError:
            self.skipped.append(f"{key}: stored sessions are not valid JSON; they were ignored")
            return []
        out = []
        for item in items if isinstance(items, list) else []:
            try:
                out.append(Profile.from_dict(item))
            except (ProfileError, TypeError, ValueError) as exc:
                self.skipped.append(f"{key}: a stored session was skipped: {exc}")
        return out

    def _store_profiles(self, key: str, profiles: list[Profile]) -> None:
        self.settings.setValue(key, json.dumps([p.to_dict() for p in profiles], ensure_ascii=False))

    def recent(self) -> list[Profile]:
        """Recently started sessions, newest first (at most :data:`MAX_RECENT`)."""
        return self._profiles("recent")[:MAX_RECENT]

    def add_recent(self, profile: Profile) -> None:
        """Put ``profile`` at the top of the recent list (the same setup only once)."""
        key = _identity(profile)
        others = [p for p in self.recent() if _identity(p) != key]
        self._store_profiles("recent", [profile, *others][:MAX_RECENT])

    def open_panes(self) -> list[Profile]:
        """The panes that were open when the app last closed."""
        return self._profiles("panes")

    def set_open_panes(self, profiles: list[Profile]) -> None:
        """Remember the open panes (configuration only, never traffic)."""
        self._store_profiles("panes", profiles)

    def sync(self) -> None:
        """Write to disk now."""
        self.settings.sync()


def _identity(profile: Profile) -> str:
    # The same session settings started twice is one recent entry, whatever its title.
    return json.dumps(profile.config.to_dict(), sort_keys=True)
