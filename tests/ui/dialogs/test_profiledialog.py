"""ProfileManager: every action on a real store, errors inline, file dialogs injected."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView, QWidget

from netassistant.core.config import Kind
from netassistant.core.profiles.model import Profile, builtin_profiles
from netassistant.core.profiles.store import ProfileStore
from netassistant.ui.dialogs.profiledialog import ProfileManager
from tests.filehelpers import unblocked_after_deadline

BUILTINS = builtin_profiles()
READ_ONLY = "built-in examples are read-only; duplicate it to make your own copy"
BUTTONS = (
    "profileOpen",
    "profileRename",
    "profileDuplicate",
    "profileDelete",
    "profileImport",
    "profileExport",
    "profileClose",
    "profileRenameApply",
    "profileRenameCancel",
    "profileUndo",
)
offscreen_show = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def user_profile(name: str) -> Profile:
    profile = copy.deepcopy(BUILTINS[2])
    profile.name, profile.builtin = name, False
    profile.description = f"lab unit {name}"
    return profile


class Paths:
    """The injected file dialogs: answer with queued paths, remember what was suggested."""

    def __init__(self) -> None:
        self.open: list[str | None] = []
        self.save: list[str | None] = []
        self.suggested: list[str] = []

    def get_open_path(self) -> str | None:
        return self.open.pop(0)

    def get_save_path(self, suggested: str) -> str | None:
        self.suggested.append(suggested)
        return self.save.pop(0)


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    s = ProfileStore(tmp_path / "config")
    s.save(user_profile("bench meter"))
    s.save(user_profile("PLC line 3"))
    return s


@pytest.fixture
def paths() -> Paths:
    return Paths()


@pytest.fixture
def dialog(qtbot, store: ProfileStore, paths: Paths) -> ProfileManager:
    d = ProfileManager(store, get_open_path=paths.get_open_path, get_save_path=paths.get_save_path)
    qtbot.addWidget(d)
    return d


def child(d: ProfileManager, cls: type, name: str):
    found = d.findChild(cls, name)
    assert found is not None, name
    return found


def click(qtbot, d: ProfileManager, name: str) -> None:
    button = child(d, QPushButton, name)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def message(d: ProfileManager) -> str:
    return child(d, QLabel, "profileMessage").text()


def table_names(d: ProfileManager) -> list[str]:
    model = child(d, QTableView, "profileTable").model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def select(d: ProfileManager, name: str, builtin: bool = False) -> None:
    table = child(d, QTableView, "profileTable")
    row = table_names(d).index(name) if not builtin else [p.name for p in BUILTINS].index(name)
    table.selectRow(row)
    assert d.selected_profile() is not None
    assert d.selected_profile().name == name


def show(qtbot, d: ProfileManager) -> None:
    """Show and activate the dialog: keyboard shortcuts only work in the active window."""
    with qtbot.waitActive(d):
        d.show()
        d.activateWindow()


def test_builtins_listed_first_then_user_profiles(dialog: ProfileManager):
    assert table_names(dialog) == [p.name for p in BUILTINS] + ["bench meter", "PLC line 3"]
    assert message(dialog) == ""
    assert child(dialog, QLabel, "profileMessage").isHidden()
    for row in range(len(BUILTINS)):
        assert dialog.model.is_builtin(row)


def test_buttons_follow_the_selection(qtbot, dialog: ProfileManager):
    needs_row = ("profileOpen", "profileRename", "profileDuplicate", "profileDelete")
    assert not any(child(dialog, QPushButton, n).isEnabled() for n in needs_row)
    assert child(dialog, QPushButton, "profileImport").isEnabled()
    select(dialog, "bench meter")
    assert all(child(dialog, QPushButton, n).isEnabled() for n in (*needs_row, "profileExport"))


def test_search_filters_the_table(qtbot, dialog: ProfileManager):
    search = child(dialog, QLineEdit, "profileSearch")
    qtbot.keyClicks(search, "PLC")
    assert table_names(dialog) == ["PLC line 3"]
    search.clear()
    qtbot.keyClicks(search, "9001 CHAT")  # address and name, any case
    assert table_names(dialog) == ["Chat server", "Chat client"]
    search.clear()
    select(dialog, "bench meter")
    qtbot.keyClicks(search, "PLC")
    selected = dialog.selected_profile()
    assert selected is None or selected.name == "PLC line 3", "never a hidden row"
    search.clear()
    qtbot.keyClicks(search, "no such profile")
    assert table_names(dialog) == []
    assert dialog.selected_profile() is None
    assert not child(dialog, QPushButton, "profileDelete").isEnabled()


def test_rename_round_trip(qtbot, dialog: ProfileManager, store: ProfileStore):
    before = store.load("bench meter")
    select(dialog, "bench meter")
    click(qtbot, dialog, "profileRename")
    bar = child(dialog, QWidget, "profileRenameBar")
    edit = child(dialog, QLineEdit, "profileRenameEdit")
    assert not bar.isHidden()
    assert edit.text() == "bench meter"
    edit.clear()
    qtbot.keyClicks(edit, "Bench meter B")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert bar.isHidden()
    assert not store.exists("bench meter")
    after = store.load("Bench meter B")
    assert after.to_dict() | {"name": "?"} == before.to_dict() | {"name": "?"}
    assert dialog.selected_profile().name == "Bench meter B"
    assert message(dialog) == "Renamed 'bench meter' to 'Bench meter B'"
    assert "Bench meter B" in table_names(dialog)
    assert "bench meter" not in table_names(dialog)


def test_rename_to_a_taken_name_is_refused_inline(qtbot, dialog: ProfileManager, store):
    select(dialog, "bench meter")
    click(qtbot, dialog, "profileRename")
    edit = child(dialog, QLineEdit, "profileRenameEdit")
    edit.setText("PLC line 3")
    click(qtbot, dialog, "profileRenameApply")
    assert message(dialog) == "a profile named 'PLC line 3' already exists"
    assert not child(dialog, QWidget, "profileRenameBar").isHidden(), "left open to fix the name"
    assert store.exists("bench meter")
    click(qtbot, dialog, "profileRenameCancel")
    assert child(dialog, QWidget, "profileRenameBar").isHidden()


def test_rename_to_a_builtin_name_is_refused_inline(qtbot, dialog: ProfileManager, store):
    select(dialog, "bench meter")
    click(qtbot, dialog, "profileRename")
    child(dialog, QLineEdit, "profileRenameEdit").setText("Echo server")
    click(qtbot, dialog, "profileRenameApply")
    assert message(dialog) == "'Echo server' is the name of a built-in example; choose another name"
    assert not child(dialog, QWidget, "profileRenameBar").isHidden(), "left open to fix the name"
    assert store.exists("bench meter")
    assert table_names(dialog).count("Echo server") == 1


def test_renaming_a_builtin_is_refused(qtbot, dialog: ProfileManager, store: ProfileStore):
    select(dialog, "Echo server", builtin=True)
    click(qtbot, dialog, "profileRename")
    assert message(dialog) == READ_ONLY
    assert child(dialog, QWidget, "profileRenameBar").isHidden()
    assert [p.name for p in store.list()] == ["bench meter", "PLC line 3"]


def test_duplicate_builtin_and_user_profiles(qtbot, dialog: ProfileManager, store: ProfileStore):
    select(dialog, "Echo server", builtin=True)
    click(qtbot, dialog, "profileDuplicate")
    assert dialog.selected_profile().name == "Echo server (copy)"
    assert not dialog.model.is_builtin(dialog.model.row_of("Echo server (copy)"))
    select(dialog, "Echo server", builtin=True)
    click(qtbot, dialog, "profileDuplicate")
    assert message(dialog) == "Saved a copy of 'Echo server' as 'Echo server (copy 2)'"
    copied = store.load("Echo server (copy 2)")
    assert copied.to_dict() | {"name": "?"} == BUILTINS[0].to_dict() | {"name": "?"}
    select(dialog, "bench meter")
    click(qtbot, dialog, "profileDuplicate")
    assert store.load("bench meter (copy)").send_presets == store.load("bench meter").send_presets
    assert [p.name for p in store.list()] == [
        "bench meter",
        "bench meter (copy)",
        "Echo server (copy 2)",  # " " sorts before ")"
        "Echo server (copy)",
        "PLC line 3",
    ]


def test_delete_and_undo_restores_the_same_bytes(qtbot, dialog, store: ProfileStore):
    path = store.path_for("bench meter")
    before = path.read_bytes()
    select(dialog, "bench meter")
    click(qtbot, dialog, "profileDelete")
    assert not path.exists()
    assert not store.exists("bench meter")
    assert "bench meter" not in table_names(dialog)
    bar = child(dialog, QWidget, "profileUndoBar")
    assert not bar.isHidden()
    assert child(dialog, QLabel, "profileUndoLabel").text() == "Deleted 'bench meter'"
    click(qtbot, dialog, "profileUndo")
    assert path.read_bytes() == before
    assert bar.isHidden()
    assert dialog.selected_profile().name == "bench meter"
    assert message(dialog) == "Restored 'bench meter'"


@offscreen_show
def test_undo_bar_goes_away_and_the_delete_stays(qtbot, dialog, store: ProfileStore):
    show(qtbot, dialog)
    dialog.undo_timeout_ms = 20
    select(dialog, "PLC line 3")
    table = child(dialog, QTableView, "profileTable")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    bar = child(dialog, QWidget, "profileUndoBar")
    assert not bar.isHidden()
    qtbot.waitUntil(bar.isHidden, timeout=2000)
    assert not store.exists("PLC line 3")


def test_deleting_a_builtin_is_refused(qtbot, dialog: ProfileManager):
    select(dialog, "Chat client", builtin=True)
    click(qtbot, dialog, "profileDelete")
    assert "cannot be deleted" in message(dialog)
    assert child(dialog, QWidget, "profileUndoBar").isHidden()
    assert "Chat client" in table_names(dialog)


def test_import_of_invalid_file_shows_the_field(qtbot, dialog, store, paths, tmp_path):
    document = BUILTINS[0].to_dict()
    document["name"] = "Bad port"
    document["config"]["local_port"] = 70000
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    paths.open.append(str(bad))
    click(qtbot, dialog, "profileImport")
    assert message(dialog) == (
        f"profile file {bad}: config.local_port: 70000 is out of range 0..65535 (0 = any free port)"
    )
    assert [p.name for p in store.list()] == ["bench meter", "PLC line 3"]
    assert "Bad port" not in table_names(dialog)


RENAMED = (
    "Imported '{original}' from {path} as '{name}': that name is taken "
    "(built-in examples and your profiles are never replaced by an import)"
)


def test_import_of_an_existing_name_is_renamed(qtbot, dialog, store, paths, tmp_path):
    source = tmp_path / "again.json"
    source.write_bytes(store.path_for("bench meter").read_bytes())
    paths.open.append(str(source))
    click(qtbot, dialog, "profileImport")
    assert message(dialog) == RENAMED.format(
        original="bench meter", path=source, name="bench meter (2)"
    )
    assert dialog.selected_profile().name == "bench meter (2)"
    assert table_names(dialog).count("bench meter") == 1


def test_import_of_a_builtin_name_never_shadows_it(qtbot, dialog, store, paths, tmp_path):
    hijack = copy.deepcopy(BUILTINS[0])
    hijack.config = hijack.config.replace(local_host="0.0.0.0")
    source = tmp_path / "hijack.json"
    source.write_bytes(hijack.to_json_bytes())
    paths.open.append(str(source))
    click(qtbot, dialog, "profileImport")
    assert message(dialog) == RENAMED.format(
        original=hijack.name, path=source, name=f"{hijack.name} (2)"
    )
    names = table_names(dialog)
    assert len(names) == len(set(names)), names
    assert store.load(f"{hijack.name} (2)").config.local_host == "0.0.0.0"


def test_opening_a_reachable_profile_warns_before_it_starts(qtbot, dialog, store):
    exposed = user_profile("shared")
    exposed.config = exposed.config.replace(
        kind=Kind.TCP_SERVER, local_host="0.0.0.0", local_port=9555
    )
    store.save(exposed)
    dialog.refresh()
    select(dialog, "shared")
    with qtbot.waitSignal(dialog.open_requested, timeout=1000) as opened:
        click(qtbot, dialog, "profileOpen")
    assert opened.args[0].name == "shared"
    assert message(dialog) == (
        "Opened 'shared' in a new pane\n"
        "Warning: this profile listens on 0.0.0.0:9555, reachable from other machines"
    )
    select(dialog, "PLC line 3")
    click(qtbot, dialog, "profileOpen")
    assert message(dialog) == "Opened 'PLC line 3' in a new pane"


def test_importing_a_fifo_is_refused_without_blocking(qtbot, dialog, paths, tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    paths.open.append(str(fifo))
    with unblocked_after_deadline(fifo):
        click(qtbot, dialog, "profileImport")
    assert message(dialog) == (
        f"cannot read profile file {fifo}: a named pipe (FIFO), not a regular file"
    )


def test_export_then_import_into_another_store_is_identical(qtbot, dialog, paths, tmp_path):
    other_store = ProfileStore(tmp_path / "other")
    other = ProfileManager(
        other_store, get_open_path=paths.get_open_path, get_save_path=paths.get_save_path
    )
    qtbot.addWidget(other)
    for name, builtin in (("bench meter", False), ("Time server", True)):
        out = tmp_path / f"{name}.json"
        paths.save.append(str(out))
        select(dialog, name, builtin)
        click(qtbot, dialog, "profileExport")
        assert message(dialog) == f"Exported '{name}' to {out}"
        paths.open.append(str(out))
        click(qtbot, other, "profileImport")
        if builtin:  # a built-in's name is never taken by an import
            stored = f"{name} (2)"
            assert message(other) == RENAMED.format(original=name, path=out, name=stored)
        else:
            stored = name
            assert message(other) == f"Imported '{name}' from {out}"
            assert other_store.path_for(name).read_bytes() == out.read_bytes()
        assert other.selected_profile().name == stored
    assert paths.suggested == ["bench meter.json", "Time server.json"]
    time_server = next(p for p in BUILTINS if p.name == "Time server")
    assert (tmp_path / "Time server.json").read_bytes() == time_server.to_json_bytes()


def test_cancelled_file_dialogs_change_nothing(qtbot, dialog, store, paths):
    paths.open.append(None)
    paths.save.append("")
    click(qtbot, dialog, "profileImport")
    select(dialog, "bench meter")
    click(qtbot, dialog, "profileExport")
    assert message(dialog) == ""
    assert paths.open == []
    assert paths.save == []


def test_corrupt_file_is_reported_and_left_alone(qtbot, store, paths):
    broken = store.profiles_dir / "broken.json"
    raw = b'{"schema_version": 1, "name": "half'
    broken.write_bytes(raw)
    d = ProfileManager(store, get_open_path=paths.get_open_path, get_save_path=paths.get_save_path)
    qtbot.addWidget(d)
    text = message(d)
    assert text.startswith(f"profile file {broken} is not valid JSON (line 1, column")
    assert text.endswith("it was left untouched — fix or delete it")
    assert table_names(d)[-2:] == ["bench meter", "PLC line 3"]
    select(d, "bench meter")
    click(qtbot, d, "profileDuplicate")
    lines = message(d).splitlines()
    assert lines[0] == "Saved a copy of 'bench meter' as 'bench meter (copy)'"
    assert lines[1].startswith(f"profile file {broken} is not valid JSON"), "still reported"
    assert broken.read_bytes() == raw


@offscreen_show
def test_open_button_and_double_click_emit_the_profile(qtbot, dialog, store: ProfileStore):
    show(qtbot, dialog)
    select(dialog, "PLC line 3")
    with qtbot.waitSignal(dialog.open_requested, timeout=1000) as blocker:
        click(qtbot, dialog, "profileOpen")
    assert blocker.args == [store.load("PLC line 3")]
    assert message(dialog) == "Opened 'PLC line 3' in a new pane"

    table = child(dialog, QTableView, "profileTable")
    rect = table.visualRect(table.model().index(1, 2))
    with qtbot.waitSignal(dialog.open_requested, timeout=1000) as blocker:
        # A real double-click: the first click's press, then the double-click event.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [BUILTINS[1]]
    assert blocker.args[0].builtin

    select(dialog, "bench meter")
    table.setFocus()
    with qtbot.waitSignal(dialog.open_requested, timeout=1000) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args[0].name == "bench meter"


@offscreen_show
def test_showing_again_rereads_the_store(qtbot, dialog, store: ProfileStore):
    show(qtbot, dialog)
    dialog.hide()
    store.save(user_profile("added elsewhere"))
    dialog.show()
    assert "added elsewhere" in table_names(dialog)


def test_controls_are_named_and_described(dialog: ProfileManager):
    controls = [child(dialog, QPushButton, name) for name in BUTTONS]
    controls += [child(dialog, QLineEdit, n) for n in ("profileSearch", "profileRenameEdit")]
    controls += [child(dialog, QTableView, "profileTable"), child(dialog, QLabel, "profileMessage")]
    for control in controls:
        assert control.toolTip(), control.objectName()
        assert control.accessibleName(), control.objectName()
    for button in dialog.findChildren(QPushButton):
        assert button.objectName().startswith("profile"), button.text()
        assert not button.autoDefault(), "Enter must not press a button by surprise"
    assert not dialog.isModal()


@offscreen_show
def test_keyboard_rename_and_escape(qtbot, dialog, store: ProfileStore):
    show(qtbot, dialog)
    select(dialog, "PLC line 3")
    table = child(dialog, QTableView, "profileTable")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    bar = child(dialog, QWidget, "profileRenameBar")
    edit = child(dialog, QLineEdit, "profileRenameEdit")
    assert not bar.isHidden()
    assert edit.hasFocus()
    assert edit.selectedText() == "PLC line 3"
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert dialog.isVisible(), "Escape cancels the rename, not the dialog"
    assert store.exists("PLC line 3")


def test_undo_refused_when_the_name_was_taken_again(qtbot, dialog, store: ProfileStore):
    select(dialog, "bench meter")
    click(qtbot, dialog, "profileDelete")
    store.save(user_profile("bench meter"))
    click(qtbot, dialog, "profileUndo")
    assert message(dialog).startswith("a profile named 'bench meter' already exists; rename")
    assert not child(dialog, QWidget, "profileUndoBar").isHidden(), "Undo can be tried again"
    store.delete("bench meter")
    click(qtbot, dialog, "profileUndo")
    assert message(dialog) == "Restored 'bench meter'"
