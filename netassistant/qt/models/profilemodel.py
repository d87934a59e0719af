"""ProfileListModel: the built-in examples and the user's saved profiles, one row each.

Built-in examples come first (read-only, shown in italics), then the user's profiles in the
store's order (by name, case-insensitive). Files the store could not use are not rows; they
are kept in :attr:`ProfileListModel.errors` for the dialog to report.

The model also carries the actions on a row (open, rename, duplicate, delete, restore,
import, export), so the rules (built-ins are read-only, "(copy)" names, exporting a
built-in, names unique across built-ins and saved profiles) live beside the list and not
in the widgets. Actions change files only and raise
:class:`ProfileError` with a message for the user; call :meth:`reload` afterwards.
"""

from __future__ import annotations

import copy
import enum
import os
import re
from typing import Any, Final

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from netassistant.core.config import Kind
from netassistant.core.profiles.model import (
    MAX_NAME_LENGTH,
    Profile,
    ProfileError,
    ProfileExistsError,
    builtin_profiles,
    is_builtin_name,
)
from netassistant.core.profiles.store import Imported, ProfileStore
from netassistant.qt.models.builtinnames import shown_description, shown_name
from netassistant.qt.models.tablemodel import (
    DISPLAY_ROLE,
    FONT_ROLE,
    TOOLTIP_ROLE,
    USER_ROLE,
    AnyIndex,
    ReadOnlyTableModel,
    RowFilterProxy,
)

#: The row's :class:`Profile` (any column).
ProfileRole: Final = USER_ROLE + 1
#: True for a built-in example (any column).
BuiltinRole: Final = USER_ROLE + 2

_UNSAFE_FILE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


class Column(enum.IntEnum):
    """The profile table's columns, in display order."""

    NAME = 0
    KIND = 1
    ADDRESS = 2
    DESCRIPTION = 3


def address_of(profile: Profile) -> str:
    """``config.describe()`` without the leading kind, e.g. ``→ 127.0.0.1:9000``."""
    text = profile.config.describe()
    prefix = f"{profile.config.kind.value} "
    return text[len(prefix) :] if text.startswith(prefix) else text


def export_file_name(name: str) -> str:
    """A file name to suggest when exporting profile ``name``, e.g. ``Echo server.json``."""
    stem = _UNSAFE_FILE_CHARS.sub("_", name).strip(" .") or "profile"
    return f"{stem}.json"


class ProfileListModel(ReadOnlyTableModel):
    """Built-in examples, then the user's profiles: name, kind, address, description.

    Rows are selectable, not editable: renaming goes through the store.

    Attributes:
        store: The store of the last :meth:`reload` (None before it).
        errors: One :class:`ProfileError` per profile file that could not be used at the
            last :meth:`reload` (the store left those files untouched).
    """

    columns = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store: ProfileStore | None = None
        self._profiles: list[Profile] = []
        self._builtin_count = 0
        self.errors: list[ProfileError] = []
        self._italic = QFont()
        self._italic.setItalic(True)

    # ---------------------------------------------------------------- updates
    def reload(self, store: ProfileStore) -> None:
        """Re-read the built-in examples and the profiles in ``store`` (one model reset)."""
        errors: list[ProfileError] = []
        try:
            builtins = builtin_profiles()
        except ProfileError as exc:  # a broken installation must not hide the user's profiles
            builtins = []
            errors.append(exc)
        listing = store.list()
        errors.extend(listing.errors)
        self.beginResetModel()
        self.store = store
        self._profiles = [*builtins, *listing.profiles]
        self._builtin_count = len(builtins)
        self.errors = errors
        self.endResetModel()

    def profile_at(self, row: int) -> Profile:
        """The profile shown in ``row`` (the model's own object: copy it before editing).

        Raises:
            IndexError: for a row the model does not have.
        """
        if not 0 <= row < len(self._profiles):
            raise IndexError(f"no profile in row {row}")
        return self._profiles[row]

    def is_builtin(self, row: int) -> bool:
        """True if ``row`` shows a read-only built-in example (False for unknown rows)."""
        return 0 <= row < self._builtin_count

    def row_of(self, name: str, *, builtin: bool = False) -> int:
        """The row of the built-in or user profile called ``name``, or -1."""
        start, stop = (0, self._builtin_count) if builtin else (self._builtin_count, None)
        for row, profile in enumerate(self._profiles[start:stop], start):
            if profile.name == name:
                return row
        return -1

    def user_names(self) -> set[str]:
        """Names of the user's profiles (not the built-ins)."""
        return {p.name for p in self._profiles[self._builtin_count :]}

    # ---------------------------------------------------------------- actions
    def _store(self) -> ProfileStore:
        if self.store is None:
            raise RuntimeError("ProfileListModel.reload(store) has not been called")
        return self.store

    def user_profile(self, row: int) -> Profile:
        """The user profile in ``row``.

        Raises:
            ProfileError: for a built-in example, which is read-only.
            IndexError: for a row the model does not have.
        """
        profile = self.profile_at(row)
        if self.is_builtin(row):
            raise ProfileError(
                self.tr("built-in examples are read-only; duplicate it to make your own copy")
            )
        return profile

    def open_profile(self, row: int) -> Profile:
        """A copy of the profile in ``row`` to open: a user profile is re-read from its file."""
        if self.is_builtin(row):
            return copy.deepcopy(self.profile_at(row))
        return self._store().load(self.profile_at(row).name)

    def rename(self, row: int, new_name: str) -> Profile:
        """Rename the user profile in ``row`` (built-ins are refused) and return it."""
        return self._store().rename(self.user_profile(row).name, new_name)

    def copy_name(self, name: str) -> str:
        """The first free "<name> (copy)", "<name> (copy 2)", … among the user's profiles."""
        number = 1
        while True:
            template = self.tr("{name} (copy)") if number == 1 else self.tr("{name} (copy {n})")
            candidate = template.format(name=name, n=number)
            overflow = len(candidate) - MAX_NAME_LENGTH
            if overflow > 0:  # shorten the name, never the suffix
                candidate = template.format(name=name[:-overflow].rstrip(), n=number)
            taken = candidate in self.user_names() or is_builtin_name(candidate)
            if not taken and not self._store().exists(candidate):
                return candidate
            number += 1

    def duplicate(self, row: int) -> Profile:
        """Save a copy of ``row`` (built-ins too) under :meth:`copy_name`; return the copy."""
        source = self.profile_at(row)
        new_name = self.copy_name(source.name)
        if not self.is_builtin(row):
            return self._store().duplicate(source.name, new_name)
        duplicate = copy.deepcopy(source)
        duplicate.name, duplicate.builtin = new_name, False
        self._store().save(duplicate, overwrite=False)
        return duplicate

    def delete(self, row: int) -> Profile:
        """Delete the user profile in ``row``; return it as it was, for :meth:`restore`."""
        if self.is_builtin(row):
            message = self.tr("built-in examples are part of netassistant and cannot be deleted")
            raise ProfileError(message)
        name = self.profile_at(row).name
        profile = self._store().load(name)
        self._store().delete(name)
        return profile

    def restore(self, profile: Profile) -> None:
        """Save a deleted profile again (refused if its name has been taken since)."""
        try:
            self._store().save(profile, overwrite=False)
        except ProfileExistsError as exc:
            hint = self.tr("{error}; rename or delete it, then undo again")
            raise ProfileError(hint.format(error=exc), field="name") from None

    def import_file(self, path: str | os.PathLike[str]) -> Imported:
        """Add the profile in file ``path`` to the store (invalid files add nothing).

        A name that is taken (by a built-in or a saved profile) is not replaced: the
        import is stored as ``name (2)``; :attr:`Imported.renamed` says so.
        """
        return self._store().import_profile(path)

    def export(self, row: int, path: str | os.PathLike[str]) -> None:
        """Write the profile in ``row`` to ``path`` (a built-in as its ``to_json_bytes()``)."""
        self._store().export(self.profile_at(row).name, path)

    # -------------------------------------------------------- the model's API
    def _row_count(self) -> int:
        return len(self._profiles)

    def column_titles(self) -> tuple[str, ...]:
        """The translated header of each column, in column order."""
        return (self.tr("Name"), self.tr("Kind"), self.tr("Address"), self.tr("Description"))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the cell's text, tooltip or font, or the row's profile (ProfileRole)."""
        if not index.isValid() or not 0 <= index.row() < len(self._profiles):
            return None
        row = index.row()
        profile = self._profiles[row]
        if role == DISPLAY_ROLE:
            return self._display(profile, index.column())
        if role == ProfileRole:
            return profile
        if role == BuiltinRole:
            return self.is_builtin(row)
        if role == FONT_ROLE and self.is_builtin(row):
            return self._italic
        if role == TOOLTIP_ROLE:
            return self._tooltip(profile, row)
        return None

    def _display(self, profile: Profile, column: int) -> str | None:
        if column == Column.NAME:
            return shown_name(profile)
        if column == Column.KIND:
            return self.kind_label(profile.config.kind)
        if column == Column.ADDRESS:
            return address_of(profile)
        if column == Column.DESCRIPTION:
            return shown_description(profile)
        return None

    def _tooltip(self, profile: Profile, row: int) -> str:
        lines = []
        if self.is_builtin(row):
            lines.append(
                self.tr("Built-in example (read-only): duplicate it to make your own copy")
            )
        if profile.description:
            lines.append(shown_description(profile))
        lines.append(f"{self.kind_label(profile.config.kind)} {address_of(profile)}")
        return "\n".join(lines)

    def kind_label(self, kind: Kind) -> str:
        """The translated name of a session kind: TCP server, TCP client or UDP."""
        if kind is Kind.TCP_SERVER:
            return self.tr("TCP server")
        if kind is Kind.TCP_CLIENT:
            return self.tr("TCP client")
        return self.tr("UDP")


class ProfileFilterProxy(RowFilterProxy):
    """Rows of a :class:`ProfileListModel` matching a search, in source order.

    Built-ins stay first, then the user's profiles by name.

    Every whitespace-separated word of the search must occur (case-insensitively) in the
    row's name, address or description.
    """

    _SEARCHED: Final = (Column.NAME, Column.ADDRESS, Column.DESCRIPTION)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._search = ""

    @property
    def search(self) -> str:
        """The current search text ("" shows every row)."""
        return self._search

    def set_search(self, text: str) -> None:
        """Show only rows matching ``text``."""
        words = tuple(text.casefold().split())
        self._search = text
        if words != self._words:
            self._begin_filter_change()
            self._words = words
            self._end_filter_change()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        """Return whether every search word occurs in the row's searched columns."""
        if not self._words:
            return True
        model = self.sourceModel()
        if model is None or source_parent.isValid():
            return False
        texts = (model.data(model.index(source_row, c, source_parent)) for c in self._SEARCHED)
        haystack = "\n".join(t for t in texts if isinstance(t, str)).casefold()
        return all(word in haystack for word in self._words)
