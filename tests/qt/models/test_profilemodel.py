"""ProfileListModel and ProfileFilterProxy: built-ins first, search, actions on a real store."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from netassistant.core.config import Kind
from netassistant.core.profiles.model import (
    MAX_NAME_LENGTH,
    Profile,
    ProfileError,
    builtin_profiles,
)
from netassistant.core.profiles.store import ProfileStore
from netassistant.qt.models.profilemodel import (
    BuiltinRole,
    Column,
    ProfileFilterProxy,
    ProfileListModel,
    ProfileRole,
    address_of,
    export_file_name,
)

BUILTINS = builtin_profiles()
READ_ONLY = "built-in examples are read-only; duplicate it to make your own copy"


def user_profile(name: str, template: str = "Chat client", **config: object) -> Profile:
    source = next(p for p in BUILTINS if p.name == template)
    profile = copy.deepcopy(source)
    profile.name, profile.builtin = name, False
    profile.description = f"lab unit {name.lower()}"
    for key, value in config.items():
        setattr(profile.config, key, value)
    return profile


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    s = ProfileStore(tmp_path / "config")
    s.save(user_profile("bench meter", remote_port=7001))
    s.save(user_profile("PLC line 3", template="UDP chat A"))
    return s


@pytest.fixture
def model(qtmodeltester, store: ProfileStore) -> ProfileListModel:
    m = ProfileListModel()
    m.reload(store)
    qtmodeltester.check(m)
    return m


def names(model) -> list[str]:
    return [model.index(r, Column.NAME).data() for r in range(model.rowCount())]


def cell(model, row: int, column: Column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_builtins_first_then_user_profiles(model: ProfileListModel):
    n = len(BUILTINS)
    assert n >= 5
    assert names(model) == [p.name for p in BUILTINS] + ["bench meter", "PLC line 3"]
    assert [model.is_builtin(r) for r in range(model.rowCount())] == [True] * n + [False] * 2
    assert not model.is_builtin(-1)
    assert not model.is_builtin(model.rowCount())
    assert model.profile_at(0) == BUILTINS[0]
    assert cell(model, 0, Column.NAME, ProfileRole) is model.profile_at(0)
    assert cell(model, n, Column.KIND, BuiltinRole) is False
    with pytest.raises(IndexError, match=rf"^no profile in row {model.rowCount()}$"):
        model.profile_at(model.rowCount())
    assert model.row_of("bench meter") == n
    assert model.row_of(BUILTINS[0].name, builtin=True) == 0
    assert model.row_of(BUILTINS[0].name) == -1, "not a user profile"
    assert model.user_names() == {"bench meter", "PLC line 3"}


def test_builtins_are_marked_read_only(model: ProfileListModel):
    n = len(BUILTINS)
    font = cell(model, 0, Column.NAME, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.italic()
    assert cell(model, n, Column.NAME, Qt.ItemDataRole.FontRole) is None
    tip = cell(model, 0, Column.NAME, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Built-in example (read-only)")
    assert BUILTINS[0].description in tip
    assert "Built-in" not in cell(model, n, Column.NAME, Qt.ItemDataRole.ToolTipRole)
    for row in (0, n):
        flags = model.flags(model.index(row, Column.NAME))
        assert not flags & Qt.ItemFlag.ItemIsEditable
        assert flags & Qt.ItemFlag.ItemIsSelectable


def test_columns(model: ProfileListModel):
    header = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) for c in Column
    ]
    assert header == ["Name", "Kind", "Address", "Description"]
    labels = {Kind.TCP_SERVER: "TCP server", Kind.TCP_CLIENT: "TCP client", Kind.UDP: "UDP"}
    for row in range(model.rowCount()):
        profile = model.profile_at(row)
        assert cell(model, row, Column.KIND) == labels[profile.config.kind]
        assert cell(model, row, Column.DESCRIPTION) == profile.description
    n = len(BUILTINS)
    assert cell(model, n, Column.ADDRESS) == "→ 127.0.0.1:7001"
    assert cell(model, n + 1, Column.ADDRESS) == "127.0.0.1:9002 → 127.0.0.1:9003"
    server = next(p for p in BUILTINS if p.config.kind is Kind.TCP_SERVER)
    assert address_of(server) == server.config.describe().removeprefix("tcp-server ")


def test_reload_follows_the_store(qtmodeltester, store: ProfileStore):
    model = ProfileListModel()
    assert model.rowCount() == 0
    assert model.store is None
    qtmodeltester.check(model)
    model.reload(store)
    store.delete("bench meter")
    store.save(user_profile("Adam"))
    model.reload(store)
    assert names(model)[len(BUILTINS) :] == ["Adam", "PLC line 3"]


def test_corrupt_file_reported_and_untouched(store: ProfileStore):
    bad = store.profiles_dir / "broken.json"
    bad.write_bytes(b'{"schema_version": 1, "name": ')
    model = ProfileListModel()
    model.reload(store)
    assert names(model)[len(BUILTINS) :] == ["bench meter", "PLC line 3"]
    assert len(model.errors) == 1
    message = str(model.errors[0])
    assert message.startswith(f"profile file {bad} is not valid JSON (line 1, column")
    assert message.endswith("; it was left untouched — fix or delete it")
    assert bad.read_bytes() == b'{"schema_version": 1, "name": '


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("", None),
        ("BENCH", ["bench meter"]),  # name, any case
        ("7001", ["bench meter"]),  # address
        ("UNIT lab", ["bench meter", "PLC line 3"]),  # description, every word
        ("plc 9002", ["PLC line 3"]),
        ("plc 7001", []),
    ],
)
def test_search(model: ProfileListModel, qtmodeltester, search, expected):
    proxy = ProfileFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_search(search)
    assert proxy.search == search
    shown = names(proxy)
    if expected is None:
        assert shown == names(model)
    else:
        assert shown == expected
    proxy.set_search("")
    assert names(proxy) == names(model)


def test_search_covers_builtin_descriptions(model: ProfileListModel):
    proxy = ProfileFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("sticky")
    assert names(proxy) == ["Sticky-packet demo client"]
    proxy.sort(Column.NAME, Qt.SortOrder.DescendingOrder)  # ignored: built-ins stay first
    proxy.set_search("")
    assert names(proxy) == names(model)


def test_copy_names(model: ProfileListModel, store: ProfileStore):
    n = len(BUILTINS)
    first = model.duplicate(0)
    assert first.name == f"{BUILTINS[0].name} (copy)"
    assert not first.builtin
    model.reload(store)
    second = model.duplicate(0)
    assert second.name == f"{BUILTINS[0].name} (copy 2)"
    assert store.load(second.name).to_dict() | {"name": "x"} == BUILTINS[0].to_dict() | {
        "name": "x"
    }
    model.reload(store)
    row = model.row_of("bench meter")
    assert row >= n
    assert model.duplicate(row).name == "bench meter (copy)"
    long = "x" * MAX_NAME_LENGTH
    assert model.copy_name(long) == "x" * (MAX_NAME_LENGTH - 7) + " (copy)"


def test_builtins_are_refused_by_rename_and_delete(model: ProfileListModel, store: ProfileStore):
    with pytest.raises(ProfileError, match="read-only") as info:
        model.rename(0, "mine")
    assert str(info.value) == READ_ONLY
    with pytest.raises(ProfileError, match="cannot be deleted"):
        model.delete(0)
    with pytest.raises(ProfileError, match="read-only") as info:
        model.user_profile(1)
    assert str(info.value) == READ_ONLY
    assert not store.exists("mine")


def test_delete_and_restore(model: ProfileListModel, store: ProfileStore):
    path = store.path_for("bench meter")
    before = path.read_bytes()
    deleted = model.delete(model.row_of("bench meter"))
    assert not path.exists()
    model.restore(deleted)
    assert path.read_bytes() == before
    with pytest.raises(ProfileError, match="already exists; rename or delete it, then undo"):
        model.restore(deleted)


def test_open_profile_is_a_fresh_copy(model: ProfileListModel, store: ProfileStore):
    builtin = model.open_profile(0)
    assert builtin == model.profile_at(0)
    assert builtin is not model.profile_at(0)
    row = model.row_of("bench meter")
    edited = store.load("bench meter")
    edited.description = "changed on disk"
    store.save(edited)
    assert model.open_profile(row) == edited, "re-read from its file"


def test_export_and_import(model: ProfileListModel, tmp_path: Path):
    out = tmp_path / "echo.json"
    model.export(0, out)
    assert out.read_bytes() == BUILTINS[0].to_json_bytes()
    first = model.import_file(out)
    assert (first.profile.name, first.original_name) == (
        f"{BUILTINS[0].name} (2)",
        BUILTINS[0].name,
    )
    assert model.import_file(out).profile.name == f"{BUILTINS[0].name} (3)"
    with pytest.raises(ProfileError, match="cannot write"):
        model.export(0, tmp_path / "missing" / "x.json")


def test_actions_need_a_store():
    with pytest.raises(RuntimeError, match="reload"):
        ProfileListModel().restore(copy.deepcopy(BUILTINS[0]))


@pytest.mark.parametrize(
    ("name", "file_name"),
    [
        ("Echo server", "Echo server.json"),
        ("a/b:c?", "a_b_c_.json"),
        ("..", "profile.json"),
        ("串口 助手", "串口 助手.json"),
    ],
)
def test_export_file_name(name: str, file_name: str):
    assert export_file_name(name) == file_name


def test_import_rejects_bad_file(model: ProfileListModel, store: ProfileStore, tmp_path: Path):
    document = BUILTINS[0].to_dict()
    document["config"]["local_port"] = 70000
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ProfileError, match=r"config.local_port: 70000 is out of range") as info:
        model.import_file(bad)
    assert info.value.field == "config.local_port"
    assert [p.name for p in store.list()] == ["bench meter", "PLC line 3"]
