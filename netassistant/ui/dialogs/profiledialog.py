"""ProfileManager: open, rename, duplicate, delete, import and export saved profiles.

Nothing here opens a message box: results and errors appear in the dialog's message line,
and a delete is undone from an inline bar instead of being confirmed beforehand. Opening a
profile that listens on an address other machines can reach says so in that line, before
the session is started; an import never replaces a built-in example or a saved profile
(a taken name becomes ``name (2)``, and the line says so).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.exposure import exposure_warning
from netassistant.core.profiles.model import Profile, ProfileError
from netassistant.core.profiles.store import ProfileStore
from netassistant.qt.coremessages import tr_core, tr_error
from netassistant.qt.models.profilemodel import (
    Column,
    ProfileFilterProxy,
    ProfileListModel,
    export_file_name,
)
from netassistant.ui.widgets import decorate, push_button

_ERROR_STYLE = "color: #b00020;"
_P = ParamSpec("_P")


def _reports_errors(
    method: Callable[Concatenate[ProfileManager, _P], None],
) -> Callable[Concatenate[ProfileManager, _P], None]:
    """Show a :class:`ProfileError` from an action in the message line and re-read the store.

    The store reports every failure (bad file, name taken, disk full) as a ProfileError with
    a message written for the user, so one handler serves every action.
    """

    def wrapper(self: ProfileManager, /, *args: _P.args, **kwargs: _P.kwargs) -> None:
        try:
            method(self, *args, **kwargs)
        except ProfileError as exc:
            self._say(tr_error(exc), error=True)
            self.refresh()

    # update_wrapper, not @wraps: mypy types @wraps's result as a _Wrapped, not our Callable.
    functools.update_wrapper(wrapper, method)
    return wrapper


class ProfileManager(QDialog):
    """The profile list with its actions; usable modal or not.

    Attributes:
        store: The user's profile store.
        model: The :class:`ProfileListModel` behind the table.
        proxy: The search filter between model and table.
        undo_timeout_ms: How long the "Deleted … Undo" bar stays, in milliseconds.

    Signals:
        open_requested(object): open this :class:`Profile` in a new pane (a copy the
            receiver may keep and edit).
    """

    open_requested = Signal(object)

    def __init__(
        self,
        store: ProfileStore,
        parent: QWidget | None = None,
        *,
        get_open_path: Callable[[], str | None] | None = None,
        get_save_path: Callable[[str], str | None] | None = None,
    ) -> None:
        """Build the dialog and read the profiles.

        Args:
            store: Where the user's profiles live.
            parent: Parent widget.
            get_open_path: Asks for a file to import (None or "" = cancelled); default a
                QFileDialog.
            get_save_path: Asks where to export, given a suggested file name (None or "" =
                cancelled); default a QFileDialog.
        """
        super().__init__(parent)
        self.store = store
        self.undo_timeout_ms = 8000
        self._get_open_path = get_open_path or self._ask_open_path
        self._get_save_path = get_save_path or self._ask_save_path
        self._last_dir = str(Path.home())
        self._note: tuple[str, bool] | None = None
        self._renaming: str | None = None
        self._deleted: Profile | None = None
        self._refreshing = False
        self.setWindowTitle(self.tr("Profiles"))
        self.model = ProfileListModel(self)
        self.proxy = ProfileFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._build()
        self._connect_signals()
        self.refresh()
        self.resize(860, 440)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, address or description"))
        self.search.setClearButtonEnabled(True)
        decorate(
            self.search,
            "profileSearch",
            self.tr("Search profiles"),
            self.tr("Show only profiles whose name, address or description contain every word"),
        )
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        tip = self.tr("Built-in examples (italic, read-only) and your profiles; double-click opens")
        decorate(self.table, "profileTable", self.tr("Profiles"), tip)

        self.rename_edit = QLineEdit()
        tip = self.tr("Type the new name; Enter renames, Escape cancels")
        decorate(self.rename_edit, "profileRenameEdit", self.tr("New profile name"), tip)
        tip = self.tr("Give the profile the name typed here")
        self.rename_apply = push_button(
            "profileRenameApply", self.tr("Apply"), tip, auto_default=False
        )
        tip = self.tr("Keep the old name")
        self.rename_cancel = push_button(
            "profileRenameCancel", self.tr("Cancel"), tip, auto_default=False
        )
        label = QLabel(self.tr("New name:"))
        label.setBuddy(self.rename_edit)
        self.rename_bar = self._bar(
            "profileRenameBar", label, self.rename_edit, self.rename_apply, self.rename_cancel
        )
        self.undo_label = QLabel()
        self.undo_label.setObjectName("profileUndoLabel")
        tip = self.tr("Save the deleted profile again, exactly as it was")
        self.undo_button = push_button("profileUndo", self.tr("Undo"), tip, auto_default=False)
        self.undo_bar = self._bar("profileUndoBar", self.undo_label, self.undo_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tip = self.tr("The result of the last action, and profile files that could not be read")
        decorate(self.message, "profileMessage", self.tr("Profile messages"), tip)

        tip = self.tr("Open the selected profile in a new pane (Enter)")
        self.open_button = push_button("profileOpen", self.tr("Open"), tip, auto_default=False)
        tip = self.tr("Give the selected profile a new name (F2); built-ins are read-only")
        self.rename_button = push_button(
            "profileRename", self.tr("Rename…"), tip, auto_default=False
        )
        tip = self.tr('Save a copy as "<name> (copy)": how you make an editable built-in')
        self.duplicate_button = push_button(
            "profileDuplicate", self.tr("Duplicate"), tip, auto_default=False
        )
        tip = self.tr("Delete the selected profile's file (Del); Undo brings it back")
        self.delete_button = push_button(
            "profileDelete", self.tr("Delete"), tip, auto_default=False
        )
        tip = self.tr("Add a profile from a .json file; invalid files are refused")
        self.import_button = push_button(
            "profileImport", self.tr("Import…"), tip, auto_default=False
        )
        tip = self.tr("Save the selected profile to a .json file to share it")
        self.export_button = push_button(
            "profileExport", self.tr("Export…"), tip, auto_default=False
        )
        self.close_button = push_button(
            "profileClose", self.tr("Close"), self.tr("Close"), auto_default=False
        )
        self._selection_buttons = (
            self.open_button,
            self.rename_button,
            self.duplicate_button,
            self.delete_button,
            self.export_button,
        )

        buttons = QHBoxLayout()
        for button in (*self._selection_buttons[:4], self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.table, self.rename_bar, self.undo_bar, self.message):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        layout.addLayout(buttons)
        self.rename_bar.hide()
        self.undo_bar.hide()
        self.message.hide()

    def _bar(self, name: str, *widgets: QWidget) -> QWidget:
        bar = QWidget()
        bar.setObjectName(name)
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        if not any(isinstance(w, QLineEdit) for w in widgets):
            row.addStretch(1)
        return bar

    def _shortcut(
        self,
        key: QKeySequence | QKeySequence.StandardKey | str,
        widget: QWidget,
        slot: Callable[[], None],
        context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut,
    ) -> None:
        shortcut = QShortcut(QKeySequence(key), widget)
        shortcut.setContext(context)
        shortcut.activated.connect(slot)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self.proxy.set_search)
        self.table.selectionModel().selectionChanged.connect(self._sync_selection)
        self.proxy.modelReset.connect(self._sync_selection)
        self.proxy.layoutChanged.connect(self._sync_selection)
        self.table.doubleClicked.connect(self._on_double_click)
        self.open_button.clicked.connect(self._on_open)
        self.rename_button.clicked.connect(self._on_rename)
        self.duplicate_button.clicked.connect(self._on_duplicate)
        self.delete_button.clicked.connect(self._on_delete)
        self.import_button.clicked.connect(self._on_import)
        self.export_button.clicked.connect(self._on_export)
        self.close_button.clicked.connect(self.close)
        self.rename_edit.returnPressed.connect(self._apply_rename)
        self.rename_apply.clicked.connect(self._apply_rename)
        self.rename_cancel.clicked.connect(self._cancel_rename)
        self.undo_button.clicked.connect(self._on_undo)
        self._undo_timer.timeout.connect(self._forget_deleted)
        for key in ("Return", "Enter"):
            self._shortcut(key, self.table, self._on_open)
        self._shortcut(QKeySequence.StandardKey.Delete, self.table, self._on_delete)
        self._shortcut("F2", self.table, self._on_rename)
        self._shortcut("Escape", self.rename_edit, self._cancel_rename)
        self._shortcut(
            QKeySequence.StandardKey.Find,
            self,
            self.search.setFocus,
            Qt.ShortcutContext.WindowShortcut,
        )

    # ------------------------------------------------------------------ public
    def refresh(self) -> None:
        """Re-read the store, keeping the selection; unreadable files show in the message."""
        selected = self._selected_key()
        self._refreshing = True  # the reset clears the selection only for a moment
        try:
            self.model.reload(self.store)
            if selected is not None:
                self.select_profile(*selected)
        finally:
            self._refreshing = False
        self._sync_selection()
        self._update_message()

    def select_profile(self, name: str, builtin: bool = False) -> bool:
        """Select a profile's row; False if it is missing or hidden by the search."""
        row = self.model.row_of(name, builtin=builtin)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        if not index.isValid():
            self.table.clearSelection()
            return False
        rows = QItemSelectionModel.SelectionFlag.ClearAndSelect
        rows |= QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, rows)
        self.table.scrollTo(index)
        return True

    def selected_profile(self) -> Profile | None:
        """The selected row's profile (the model's object), or None."""
        row = self._selected_row()
        return self.model.profile_at(row) if row >= 0 else None

    def showEvent(self, event: QShowEvent) -> None:
        """Re-read the store each time the dialog is shown (another window may have saved)."""
        if not event.spontaneous():
            self.refresh()
        super().showEvent(event)

    # ------------------------------------------------------------------ state
    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.mapToSource(rows[0]).row() if rows else -1

    def _selected_key(self) -> tuple[str, bool] | None:
        row = self._selected_row()
        return (self.model.profile_at(row).name, self.model.is_builtin(row)) if row >= 0 else None

    @Slot()
    def _sync_selection(self) -> None:
        if self._refreshing:
            return
        selected = self._selected_row() >= 0
        for button in self._selection_buttons:
            button.setEnabled(selected)
        if self._renaming is not None and self._selected_key() != (self._renaming, False):
            self._cancel_rename()

    def _say(self, text: str, error: bool = False) -> None:
        self._note = (text, error)
        self._update_message()

    def _update_message(self) -> None:
        lines = [self._note[0]] if self._note else []
        lines += [str(e) for e in self.model.errors]
        error = bool(self.model.errors) or (self._note is not None and self._note[1])
        self.message.setText("\n".join(lines))
        self.message.setStyleSheet(_ERROR_STYLE if error else "")
        self.message.setVisible(bool(lines))

    # ------------------------------------------------------------------ actions
    @Slot(QModelIndex)
    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open_row(self.proxy.mapToSource(index).row())

    @Slot()
    def _on_open(self) -> None:
        self._open_row(self._selected_row())

    @_reports_errors
    def _open_row(self, row: int) -> None:
        if row >= 0:
            profile = self.model.open_profile(row)
            opened = self.tr("Opened '{name}' in a new pane").format(name=profile.name)
            warning = exposure_warning(profile.config)
            if warning:
                # Said before the user presses Start: a shared profile may listen on every
                # interface, and that should never be a surprise.
                self._say(
                    opened + "\n" + self.tr("Warning: {warning}").format(warning=tr_core(warning)),
                    error=True,
                )
            else:
                self._say(opened)
            self.open_requested.emit(profile)

    @Slot()
    @_reports_errors
    def _on_rename(self) -> None:
        row = self._selected_row()
        if row >= 0:
            self._renaming = self.model.user_profile(row).name
            self.rename_edit.setText(self._renaming)
            self.rename_bar.show()
            self.rename_edit.selectAll()
            self.rename_edit.setFocus()

    @Slot()
    @_reports_errors
    def _apply_rename(self) -> None:
        old, new = self._renaming, self.rename_edit.text().strip()
        row = self.model.row_of(old) if old is not None else -1
        if row < 0:
            return
        if new != old:
            new = self.model.rename(row, new).name  # on error the bar stays open for a fix
            self.refresh()
            self.select_profile(new)
            self._say(self.tr("Renamed '{old}' to '{new}'").format(old=old, new=new))
        self._cancel_rename()
        self.table.setFocus()

    @Slot()
    def _cancel_rename(self) -> None:
        self._renaming = None
        self.rename_bar.hide()

    @Slot()
    @_reports_errors
    def _on_duplicate(self) -> None:
        row = self._selected_row()
        if row >= 0:
            old, new = self.model.profile_at(row).name, self.model.duplicate(row).name
            self.refresh()
            self.select_profile(new)
            self._say(self.tr("Saved a copy of '{old}' as '{new}'").format(old=old, new=new))

    @Slot()
    @_reports_errors
    def _on_delete(self) -> None:
        row = self._selected_row()
        if row < 0:
            return
        self._deleted = self.model.delete(row)
        self._note = None
        self.refresh()
        self.undo_label.setText(self.tr("Deleted '{name}'").format(name=self._deleted.name))
        self.undo_bar.show()
        self._undo_timer.start(self.undo_timeout_ms)

    @Slot()
    @_reports_errors
    def _on_undo(self) -> None:
        profile = self._deleted
        if profile is not None:
            self.model.restore(profile)
            self._forget_deleted()
            self.refresh()
            self.select_profile(profile.name)
            self._say(self.tr("Restored '{name}'").format(name=profile.name))

    @Slot()
    def _forget_deleted(self) -> None:
        self._undo_timer.stop()
        self._deleted = None
        self.undo_bar.hide()

    @Slot()
    @_reports_errors
    def _on_import(self) -> None:
        path = self._get_open_path()
        if path:
            done = self.model.import_file(path)
            name = done.profile.name
            self._last_dir = os.path.dirname(os.path.abspath(path))
            self.search.clear()  # the new profile must be visible to be selected
            self.refresh()
            self.select_profile(name)
            if done.renamed:
                text = self.tr(
                    "Imported '{original}' from {path} as '{name}': that name is taken "
                    "(built-in examples and your profiles are never replaced by an import)"
                )
                self._say(text.format(original=done.original_name, name=name, path=path))
            else:
                text = self.tr("Imported '{name}' from {path}")
                self._say(text.format(name=name, path=path))

    @Slot()
    @_reports_errors
    def _on_export(self) -> None:
        row = self._selected_row()
        name = self.model.profile_at(row).name if row >= 0 else ""
        path = self._get_save_path(export_file_name(name)) if row >= 0 else None
        if path:
            self.model.export(row, path)
            self._last_dir = os.path.dirname(os.path.abspath(path))
            self._say(self.tr("Exported '{name}' to {path}").format(name=name, path=path))

    # ------------------------------------------------------------------ file dialogs
    def _ask_open_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import profile"),
            self._last_dir,
            self.tr("Profiles (*.json);;All files (*)"),
        )
        return path or None

    def _ask_save_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export profile"),
            os.path.join(self._last_dir, suggested),
            self.tr("Profiles (*.json);;All files (*)"),
        )
        if path and not os.path.splitext(path)[1]:
            path += ".json"
        return path or None
