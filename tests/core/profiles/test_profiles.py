"""Tests for netassistant.core.profiles.model: format, validation, store operations, built-ins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netassistant.core.config import Kind, SessionConfig
from netassistant.core.profiles import files as profile_files
from netassistant.core.profiles import model as profiles
from netassistant.core.profiles import schema
from netassistant.core.profiles.model import (
    Profile,
    ProfileError,
    ProfileExistsError,
    ProfileNotFoundError,
    SendPreset,
    builtin_profiles,
    is_builtin_name,
    read_profile_file,
)
from netassistant.core.profiles.schema import MIGRATIONS, SCHEMA_VERSION
from netassistant.core.profiles.store import ProfileStore

UNTOUCHED = "it was left untouched — fix or delete it"


def make_profile(name: str = "Echo", **changes: object) -> Profile:
    profile = Profile(
        name=name,
        config=SessionConfig(kind=Kind.TCP_SERVER, local_host="127.0.0.1", local_port=9000),
        description="echo everything back",
        send_presets=[
            SendPreset("hi", "hello", "text", "\r\n"),
            SendPreset("bytes", "01 02 FF", "hex"),
        ],
        view={"display": "hex", "columns": [1, 2.5, None, True], "nested": {"b": 1, "a": "x"}},
        send={"mode": "text", "reply_rules": {"mode": "first", "rules": [{"reply": "{data}"}]}},
    )
    for key, value in changes.items():
        setattr(profile, key, value)
    return profile


def document(**changes: object) -> dict[str, object]:
    doc = make_profile().to_dict()
    doc.update(changes)
    return doc


def write_json(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "config")


# --------------------------------------------------------------------------- format
def test_save_load_round_trip(store: ProfileStore) -> None:
    profile = make_profile()
    path = store.save(profile)
    assert store.load("Echo") == profile
    assert path == store.path_for("Echo") == store.profiles_dir / "Echo.json"
    assert store.exists("Echo")
    assert not store.exists("echo")


def test_file_format(store: ProfileStore) -> None:
    profile = make_profile(name="回显服务器")
    raw = store.save(profile).read_bytes()
    text = raw.decode("utf-8")
    assert raw == profile.to_json_bytes()
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    assert '"name": "回显服务器"' in text  # ensure_ascii=False
    assert text.startswith('{\n  "schema_version": 2,\n  "name": ')
    data = json.loads(text)
    assert list(data) == [
        "schema_version",
        "name",
        "description",
        "config",
        "send_presets",
        "view",
        "send",
    ]
    assert list(data["config"]) == list(SessionConfig().to_dict())
    assert list(data["send_presets"][0]) == [
        "name",
        "data",
        "mode",
        "append",
        "escapes",
        "encoding",
    ]
    assert list(data["view"]["nested"]) == ["a", "b"]  # free-form keys sorted: stable bytes
    assert "builtin" not in data


def test_equal_settings_give_equal_bytes() -> None:
    a = make_profile(view={"b": 1, "a": {"y": 2, "x": 1}})
    b = make_profile(view={"a": {"x": 1, "y": 2}, "b": 1})
    assert a.to_json_bytes() == b.to_json_bytes()


def test_export_import_round_trips_bytes(store: ProfileStore, tmp_path: Path) -> None:
    store.save(make_profile(name="回显服务器"))
    exported = tmp_path / "out" / "shared.json"
    exported.parent.mkdir()
    store.export("回显服务器", exported)
    assert exported.read_bytes() == store.path_for("回显服务器").read_bytes()

    other = ProfileStore(tmp_path / "other")
    imported = other.import_file(exported)
    assert imported == store.load("回显服务器")
    assert other.path_for("回显服务器").read_bytes() == exported.read_bytes()

    again = tmp_path / "again.json"
    other.export("回显服务器", again)
    assert again.read_bytes() == exported.read_bytes()


def test_import_of_a_taken_name_is_renamed_unless_overwrite(
    store: ProfileStore, tmp_path: Path
) -> None:
    store.save(make_profile())
    changed = make_profile(description="changed")
    source = tmp_path / "changed.json"
    source.write_bytes(changed.to_json_bytes())
    imported = store.import_profile(source)
    assert (imported.profile.name, imported.original_name) == ("Echo (2)", "Echo")
    assert imported.renamed
    assert not imported.replaced
    assert store.load("Echo").description == "echo everything back"
    assert store.load("Echo (2)").description == "changed"
    assert store.import_file(source).name == "Echo (3)"
    replaced = store.import_profile(source, overwrite=True)
    assert (replaced.profile.name, replaced.replaced, replaced.renamed) == ("Echo", True, False)
    assert store.load("Echo").description == "changed"
    assert [p.name for p in store.list()] == ["Echo", "Echo (2)", "Echo (3)"]


def test_import_accepts_bom_and_stores_canonical_bytes(store: ProfileStore, tmp_path: Path) -> None:
    source = tmp_path / "bom.json"
    doc = document()
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc).encode())
    profile = store.import_file(source)
    assert profile == make_profile()
    assert store.path_for("Echo").read_bytes() == make_profile().to_json_bytes()


# --------------------------------------------------------------------------- bad files
CORRUPT = b'{\n  "schema_version": 1,\n  "name": "broken"\n  "config": {}\n}\n'


def test_corrupt_json_is_reported_and_left_untouched(store: ProfileStore) -> None:
    store.save(make_profile("Good one"))
    bad = store.profiles_dir / "broken.json"
    bad.write_bytes(CORRUPT)

    listing = store.list()

    assert [p.name for p in listing.profiles] == ["Good one"]
    assert [str(e) for e in listing.errors] == [
        f"profile file {bad} is not valid JSON (line 4, column 3: Expecting ',' delimiter); "
        + UNTOUCHED
    ]
    assert listing.errors[0].path == str(bad)
    assert bad.read_bytes() == CORRUPT
    # Saving a profile whose file name the broken file occupies must not overwrite it.
    store.save(make_profile("broken"))
    assert bad.read_bytes() == CORRUPT
    assert store.load("broken").name == "broken"
    assert [p.name for p in store.list()] == ["broken", "Good one"]


def test_not_utf8_reported(store: ProfileStore) -> None:
    bad = store.profiles_dir / "latin.json"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b'{"name": "caf\xe9"}')
    (error,) = store.list().errors
    assert str(error) == (
        f"profile file {bad} is not valid UTF-8 text (byte 0xe9 at offset 13); {UNTOUCHED}"
    )


def test_newer_schema_refused(store: ProfileStore, tmp_path: Path) -> None:
    newer = document(schema_version=7)
    path = write_json(store.profiles_dir / "future.json", newer)
    before = path.read_bytes()
    expected = (
        f"profile file {path} was written by a newer netassistant "
        "(schema 7; this version reads up to 2) — update netassistant to open it"
    )
    (error,) = store.list().errors
    assert str(error) == expected
    assert error.field == "schema_version"
    assert path.read_bytes() == before
    with pytest.raises(ProfileError, match=r"\w") as info:
        ProfileStore(tmp_path / "other").import_file(path)
    assert str(info.value) == expected


@pytest.mark.parametrize(
    ("changes", "field", "reason"),
    [
        (
            {"config": {"local_port": 70000}},
            "config.local_port",
            "70000 is out of range 0..65535 (0 = any free port)",
        ),
        (
            {"config": {"kind": "tcp-client", "remote_port": 9000, "remote_host": "not a host!"}},
            "config.remote_host",
            "'not a host!' is not an IP address or host name",
        ),
        (
            {"config": {"kind": "tcp"}},
            "config.kind",
            "unknown kind 'tcp'; use tcp-server, tcp-client, udp or relay",
        ),
        ({"config": {"colour": 1}}, "config.colour", "unknown setting"),
        ({"config": [1]}, "config", "must be a JSON object"),
        ({"name": ""}, "name", "must not be empty"),
        ({"name": "  "}, "name", "must not be empty"),
        ({"name": 5}, "name", "must be a string, not 5"),
        ({"name": "x" * 101}, "name", "is 101 characters long; the limit is 100"),
        (
            {"name": "a\nb"},
            "name",
            "must not contain control characters ('\\n' at position 2)",
        ),
        ({"description": None}, "description", "must be a string, not None"),
        ({"send_presets": {}}, "send_presets", "must be a JSON list"),
        (
            {
                "send_presets": [{"name": "a", "data": ""}] * 2
                + [{"name": "x", "data": "", "mode": 1}]
            },
            "send_presets[2].mode",
            'must be "text" or "hex"',
        ),
        ({"send_presets": [{"name": "x"}]}, "send_presets[0].data", "is missing"),
        ({"send_presets": [{"data": "x"}]}, "send_presets[0].name", "is missing"),
        (
            {"send_presets": [{"name": "x", "data": "", "key": 1}]},
            "send_presets[0].key",
            "unknown setting",
        ),
        ({"send_presets": ["x"]}, "send_presets[0]", "must be a JSON object"),
        ({"view": []}, "view", "must be a JSON object"),
        ({"send": "fast"}, "send", "must be a JSON object"),
        ({"colour": "red"}, "colour", "unknown setting"),
        ({"schema_version": "1"}, "schema_version", "must be a whole number, not '1'"),
        (
            {"view": {"a": [float("nan")]}},
            "view.a[0]",
            "nan cannot be stored in JSON; use a finite number",
        ),
    ],
)
def test_invalid_field_names_the_field(
    store: ProfileStore, tmp_path: Path, changes: dict[str, object], field: str, reason: str
) -> None:
    doc = document(**changes)
    path = write_json(tmp_path / "in.json", doc)
    with pytest.raises(ProfileError, match=r"\w") as info:
        store.import_file(path)
    assert str(info.value) == f"profile file {path}: {field}: {reason}"
    assert info.value.field == field
    assert info.value.path == str(path)
    assert not store.profiles_dir.exists()  # nothing written, not even the folder
    # The same document without a file: the message is just the field.
    with pytest.raises(ProfileError, match=r"\w") as info:
        Profile.from_dict(doc)
    assert str(info.value) == f"{field}: {reason}"


@pytest.mark.parametrize("data", [[1, 2], {"name": "x", "config": {}}, "profile", None, 3])
def test_non_profile_json_rejected(store: ProfileStore, tmp_path: Path, data: object) -> None:
    path = write_json(tmp_path / "other.json", data)
    with pytest.raises(ProfileError, match=r"\w") as info:
        store.import_file(path)
    assert str(info.value) == f'{path} is not a netassistant profile (no "schema_version")'
    assert info.value.path == str(path)
    with pytest.raises(ProfileError, match=r'^this is not a netassistant profile \(no "'):
        Profile.from_dict(data)


def test_unreadable_file_reported(store: ProfileStore, tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match=r"\w") as info:
        read_profile_file(tmp_path)
    assert str(info.value) in (
        f"cannot read profile file {tmp_path}: a directory, not a regular file",
        f"cannot read profile file {tmp_path}: Permission denied",  # Windows
    )
    with pytest.raises(ProfileError, match=r"^cannot read profile file .*: it does not exist$"):
        store.import_file(tmp_path / "missing.json")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="needs POSIX permissions, not root"
)
def test_permission_denied_reported(store: ProfileStore) -> None:
    store.save(make_profile("ok"))
    locked = write_json(store.profiles_dir / "locked.json", document(name="locked"))
    locked.chmod(0)
    try:
        listing = store.list()
    finally:
        locked.chmod(0o600)
    assert [p.name for p in listing] == ["ok"]
    assert [str(e) for e in listing.errors] == [
        f"cannot read profile file {locked}: Permission denied"
    ]


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_dangling_symlink_reported(store: ProfileStore, tmp_path: Path) -> None:
    store.save(make_profile("ok"))
    link = store.profiles_dir / "gone.json"
    link.symlink_to(tmp_path / "nowhere.json")
    listing = store.list()
    assert [p.name for p in listing] == ["ok"]
    assert [str(e) for e in listing.errors] == [
        f"cannot read profile file {link}: it does not exist"
    ]
    assert link.is_symlink()


def test_list_ignores_temporary_and_other_files(store: ProfileStore) -> None:
    store.save(make_profile())
    (store.profiles_dir / ".tmp-1-abc.part").write_bytes(b"{half")
    (store.profiles_dir / "notes.txt").write_text("hello")
    (store.profiles_dir / "sub.json").mkdir()
    listing = store.list()
    assert [p.name for p in listing] == ["Echo"]
    assert listing.errors == []


def test_missing_folder_lists_nothing_and_is_not_created(store: ProfileStore) -> None:
    listing = store.list()
    assert listing.profiles == []
    assert listing.errors == []
    assert not store.exists("Echo")
    assert store.path_for("Echo") == store.profiles_dir / "Echo.json"
    assert not store.config_dir.exists()


# --------------------------------------------------------------------------- names
def test_chinese_names(store: ProfileStore) -> None:
    for name in ("回显服务器", "聊天客户端 2", "UDP 聊天（A）"):
        store.save(make_profile(name))
    assert {p.name for p in store.list()} == {"回显服务器", "聊天客户端 2", "UDP 聊天（A）"}
    assert store.path_for("回显服务器").name == "回显服务器.json"
    assert store.path_for("聊天客户端 2").name == "聊天客户端_2.json"
    assert store.path_for("UDP 聊天（A）").name == "UDP_聊天_A_.json"
    assert store.load("回显服务器").name == "回显服务器"


@pytest.mark.parametrize(
    ("name", "file_name"),
    [
        ("a/b", "a_b.json"),
        ("..", "__.json"),
        (".hidden", "_hidden.json"),
        ("v1.2.", "v1.2_.json"),
        ("CON", "_CON.json"),
        ("nul.txt", "_nul.txt.json"),
        ("tab\\colon:star*", "tab_colon_star_.json"),
        ("Ärger-straße_1", "Ärger-straße_1.json"),
        ("हिन्दी", "हिन्दी.json"),  # combining vowel signs are kept
    ],
)
def test_file_names(store: ProfileStore, name: str, file_name: str) -> None:
    path = store.save(make_profile(name))
    assert path.name == file_name
    assert store.load(name).name == name


def test_long_names_fit_file_system_limits(store: ProfileStore) -> None:
    a, b = "回" * 99 + "一", "回" * 99 + "二"
    path_a, path_b = store.save(make_profile(a)), store.save(make_profile(b))
    assert path_a != path_b
    assert all(len(p.name.encode()) <= 255 for p in (path_a, path_b))
    assert (store.load(a).name, store.load(b).name) == (a, b)


def test_file_name_collisions_get_a_hash_suffix(store: ProfileStore) -> None:
    first = store.save(make_profile("a/b"))
    second = store.save(make_profile("a?b"))
    third = store.save(make_profile("A/B"))  # same file on case-insensitive file systems
    assert first.name == "a_b.json"
    assert second.name.startswith("a_b-")
    assert len(second.stem) == len("a_b-") + 8
    assert third.name.startswith("A_B-")
    assert len({first, second, third}) == 3
    assert [store.load(n).name for n in ("a/b", "a?b", "A/B")] == ["a/b", "a?b", "A/B"]
    # Saving again reuses each profile's own file.
    assert store.save(make_profile("a?b", description="again")) == second
    store.delete("a/b")
    assert not first.exists()
    assert store.load("a?b").description == "again"
    assert sorted(p.name for p in store.list()) == ["A/B", "a?b"]


def test_name_inside_the_file_is_authoritative(store: ProfileStore) -> None:
    store.save(make_profile("Echo"))
    moved = store.profiles_dir / "whatever I like.json"
    store.path_for("Echo").rename(moved)
    assert store.path_for("Echo") == moved
    assert store.load("Echo") == make_profile("Echo")
    store.save(make_profile("Echo", description="updated"))
    assert json.loads(moved.read_text("utf-8"))["description"] == "updated"
    assert sorted(p.name for p in store.profiles_dir.iterdir()) == ["whatever I like.json"]


def test_duplicate_names_across_files_reported(store: ProfileStore) -> None:
    canonical = store.save(make_profile("Echo"))
    copied = store.profiles_dir / "Echo (copy).json"
    copied.write_bytes(make_profile("Echo", description="copy").to_json_bytes())
    listing = store.list()
    assert [p.description for p in listing] == ["echo everything back"]
    assert [str(e) for e in listing.errors] == [
        f"profile file {copied}: name: 'Echo' is also used by {canonical}; "
        "rename or delete one of them"
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "name: must not be empty"),
        ("x" * 101, "name: is 101 characters long; the limit is 100"),
        ("a\x00b", "name: must not contain control characters ('\\x00' at position 2)"),
    ],
)
def test_name_rules_on_save(store: ProfileStore, name: str, message: str) -> None:
    with pytest.raises(ProfileError, match=r"\w") as info:
        store.save(make_profile(name))
    assert str(info.value) == message
    assert info.value.field == "name"
    assert info.value.path is None
    assert not store.profiles_dir.exists()


def test_name_of_exactly_100_characters_is_fine(store: ProfileStore) -> None:
    store.save(make_profile("x" * 100))
    assert store.load("x" * 100).name == "x" * 100


# --------------------------------------------------------------------------- operations
def test_load_missing(store: ProfileStore) -> None:
    with pytest.raises(ProfileNotFoundError, match=r"\w") as info:
        store.load("nope")
    assert str(info.value) == "no profile named 'nope'"
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, ProfileError)
    for call in (
        lambda: store.delete("nope"),
        lambda: store.rename("nope", "x"),
        lambda: store.duplicate("nope", "x"),
        lambda: store.export("nope", store.config_dir / "x.json"),
    ):
        with pytest.raises(ProfileNotFoundError, match="no profile named"):
            call()


def test_save_without_overwrite(store: ProfileStore) -> None:
    store.save(make_profile())
    with pytest.raises(ProfileExistsError, match=r"\w") as info:
        store.save(make_profile(description="other"), overwrite=False)
    assert str(info.value) == "a profile named 'Echo' already exists"
    assert store.load("Echo").description == "echo everything back"


def test_rename(store: ProfileStore) -> None:
    old_path = store.save(make_profile("Echo"))
    renamed = store.rename("Echo", "回显")
    assert renamed == make_profile("回显")
    assert not old_path.exists()
    assert not store.exists("Echo")
    assert store.load("回显") == renamed
    assert store.path_for("回显").name == "回显.json"
    assert store.rename("回显", "回显") == renamed  # no-op
    assert [p.name for p in store.list()] == ["回显"]


def test_rename_case_only(store: ProfileStore) -> None:
    store.save(make_profile("echo"))
    store.rename("echo", "Echo")
    assert [p.name for p in store.list()] == ["Echo"]
    assert [p.name for p in store.profiles_dir.iterdir()] == ["Echo.json"]


def test_rename_to_same_file_name(store: ProfileStore) -> None:
    store.save(make_profile("a b"))
    store.rename("a b", "a_b")
    assert [p.name for p in store.list()] == ["a_b"]
    assert [p.name for p in store.profiles_dir.iterdir()] == ["a_b.json"]


def test_rename_refusals(store: ProfileStore) -> None:
    store.save(make_profile("one"))
    store.save(make_profile("two"))
    with pytest.raises(ProfileExistsError, match=r"^a profile named 'two' already exists$"):
        store.rename("one", "two")
    with pytest.raises(ProfileError, match=r"^name: must not be empty$"):
        store.rename("one", "")
    assert sorted(p.name for p in store.list()) == ["one", "two"]


def test_duplicate(store: ProfileStore) -> None:
    store.save(make_profile("Echo"))
    copy = store.duplicate("Echo", "Echo 2")
    assert copy == make_profile("Echo 2")
    assert store.load("Echo") == make_profile("Echo")
    assert store.load("Echo 2") == copy
    with pytest.raises(ProfileExistsError, match="already exists"):
        store.duplicate("Echo", "Echo 2")


def test_delete(store: ProfileStore) -> None:
    path = store.save(make_profile())
    store.delete("Echo")
    assert not path.exists()
    assert not store.exists("Echo")
    assert store.list().profiles == []


@pytest.mark.parametrize(
    "bad", [document(view=[]), document(schema_version=SCHEMA_VERSION + 1)], ids=["field", "newer"]
)
def test_bad_files_are_never_taken_over(
    store: ProfileStore, tmp_path: Path, bad: dict[str, object]
) -> None:
    # A file holding the name "Echo" that cannot be loaded is not that profile: operations
    # by name do not see it, and saving "Echo" writes a new file beside it.
    path = write_json(store.profiles_dir / "Echo.json", bad)
    before = path.read_bytes()
    assert not store.exists("Echo")
    with pytest.raises(ProfileNotFoundError, match="no profile named"):
        store.export("Echo", tmp_path / "out.json")
    with pytest.raises(ProfileNotFoundError, match="no profile named"):
        store.delete("Echo")
    saved = store.save(make_profile("Echo"))
    assert saved != path
    assert saved.name.startswith("Echo-")
    store.rename("Echo", "Echo 2")
    store.duplicate("Echo 2", "Echo")
    store.import_file(saved.parent / "Echo_2.json", overwrite=True)
    assert path.read_bytes() == before
    listing = store.list()
    assert [p.name for p in listing] == ["Echo", "Echo 2"]
    assert [e.path for e in listing.errors] == [str(path)]
    assert not (tmp_path / "out.json").exists()


def test_export_preserves_existing_target_mode(store: ProfileStore, tmp_path: Path) -> None:
    store.save(make_profile())
    out = tmp_path / "out.json"
    out.write_text("old")
    out.chmod(0o600)
    store.export("Echo", out)
    assert out.read_bytes() == store.path_for("Echo").read_bytes()
    if os.name != "nt":
        assert out.stat().st_mode & 0o777 == 0o600


def test_export_to_missing_folder(store: ProfileStore, tmp_path: Path) -> None:
    store.save(make_profile())
    target = tmp_path / "no" / "such" / "dir.json"
    with pytest.raises(ProfileError, match=r"^cannot write profile file .*dir\.json: No such"):
        store.export("Echo", target)


def test_validate_programmatic_profiles(store: ProfileStore) -> None:
    bad_view = make_profile(view={"size": (1, 2)})
    with pytest.raises(ProfileError, match=r"\w") as info:
        store.save(bad_view)
    assert str(info.value) == (
        "view.size: (1, 2) is not JSON data "
        "(use strings, numbers, true/false, null, lists or objects)"
    )
    with pytest.raises(ProfileError, match=r"^send: key 1 is not a string$"):
        make_profile(send={1: "x"}).validate()
    with pytest.raises(ProfileError, match=r"^config\.extra\.x: .*surrogate"):
        make_profile(config=SessionConfig(extra={"x": "\ud800"})).validate()
    with pytest.raises(ProfileError, match=r"^send_presets\[0\]\.mode: must be"):
        make_profile(send_presets=[SendPreset("x", "y", "binary")]).validate()
    with pytest.raises(ProfileError, match=r"^config\.local_port: "):
        make_profile(config=SessionConfig(local_port=-1)).validate()
    assert not store.profiles_dir.exists()
    assert make_profile().validate() == make_profile()


def test_from_dict_does_not_change_its_argument() -> None:
    doc = document()
    before = json.dumps(doc)
    Profile.from_dict(doc)
    assert json.dumps(doc) == before


# --------------------------------------------------------------------------- default folder
def test_default_folder_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NETASSISTANT_CONFIG_DIR", str(tmp_path / "cfg"))
    store = ProfileStore()
    assert store.profiles_dir == tmp_path / "cfg" / "profiles"
    assert not (tmp_path / "cfg").exists()  # created lazily
    store.save(make_profile())
    assert (tmp_path / "cfg" / "profiles" / "Echo.json").is_file()


def test_default_folder_is_the_platform_config_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NETASSISTANT_CONFIG_DIR", raising=False)
    store = ProfileStore()  # only computes the path; nothing is read or written here
    expected = Path(platformdirs.user_config_dir("netassistant", appauthor=False)).absolute()
    assert store.config_dir == expected
    assert store.profiles_dir == expected / "profiles"


# --------------------------------------------------------------------------- migrations
def test_migration_from_older_schema(store: ProfileStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def from_0(doc: dict[str, object]) -> dict[str, object]:
        doc["name"] = doc.pop("title")
        return doc

    monkeypatch.setitem(MIGRATIONS, 0, from_0)
    old = document(schema_version=0)
    old["title"] = old.pop("name")
    path = write_json(store.profiles_dir / "old.json", old)
    before = path.read_bytes()

    assert store.load("Echo") == make_profile()
    assert [p.name for p in store.list()] == ["Echo"]
    assert path.read_bytes() == before  # reading never rewrites
    store.save(store.load("Echo"))
    assert json.loads(path.read_bytes())["schema_version"] == SCHEMA_VERSION


def test_migration_chain_to_newer_schema(
    store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def from_0(doc: dict[str, object]) -> dict[str, object]:
        calls.append(0)
        doc["name"] = doc.pop("title")
        return doc

    def from_1(doc: dict[str, Any]) -> dict[str, Any]:
        calls.append(doc["schema_version"])
        doc["view"] = {**doc["view"], "upgraded": True}
        return doc

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(MIGRATIONS, 0, from_0)
    monkeypatch.setitem(MIGRATIONS, 1, from_1)
    old = document(schema_version=0)
    old["title"] = old.pop("name")
    path = write_json(store.profiles_dir / "old.json", old)

    profile = read_profile_file(path)
    assert calls == [0, 1]  # each step once, in order
    assert profile.view["upgraded"] is True
    assert store.load("Echo") == profile
    assert json.loads(profile.to_json_bytes())["schema_version"] == 2


def test_missing_or_failing_migration(store: ProfileStore, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_json(store.profiles_dir / "old.json", document(schema_version=0))
    (error,) = store.list().errors
    assert str(error) == (
        f"profile file {path}: schema_version: cannot read schema 0 (no upgrade to schema 1 exists)"
    )

    def broken(doc: dict[str, object]) -> dict[str, object]:
        raise KeyError("title")

    monkeypatch.setitem(MIGRATIONS, 0, broken)
    (error,) = store.list().errors
    assert str(error) == (
        f"profile file {path}: schema_version: cannot upgrade from schema 0: 'title'"
    )


# --------------------------------------------------------------------------- concurrency
WRITER = """
import sys
from netassistant.core.config import SessionConfig
from netassistant.core.profiles.store import ProfileStore
from netassistant.core.profiles.model import Profile

store = ProfileStore(sys.argv[1])
tag, count, pad = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
for i in range(count):
    store.save(Profile("shared", SessionConfig(), f"{tag} {i}", view={"pad": tag * pad}))
"""


def test_concurrent_writers_never_leave_half_a_file(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    path = store.save(Profile("shared", SessionConfig(), "start"))
    saves = 200
    # Different sizes, so a torn or interleaved write could not still parse by luck.
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), tag, str(saves), str(pad)],
            stderr=subprocess.PIPE,
        )
        for tag, pad in (("A", 3000), ("B", 30000))
    ]
    reads, seen = 0, set()
    deadline = time.monotonic() + 120
    try:
        while any(w.poll() is None for w in writers) and time.monotonic() < deadline:
            data = json.loads(path.read_bytes())
            assert data["name"] == "shared"
            tag = data["description"].split()[0]
            assert tag == "start" or data["view"]["pad"] == tag * len(data["view"]["pad"])
            seen.add(tag)
            reads += 1
    finally:
        for w in writers:
            if w.poll() is None:
                w.kill()
            _, err = w.communicate()
            assert w.returncode == 0, err.decode()
    assert reads > 0
    assert seen & {"A", "B"}
    final = store.load("shared")
    assert final.description in (f"A {saves - 1}", f"B {saves - 1}")
    assert [p.name for p in store.profiles_dir.iterdir()] == ["shared.json"]  # no temp files


# --------------------------------------------------------------------------- built-ins
EXPECTED_BUILTINS = {
    "Echo server": ("tcp-server", 9000, 0),
    "Chat server": ("tcp-server", 9001, 0),
    "Chat client": ("tcp-client", 0, 9001),
    "UDP chat A": ("udp", 9002, 9003),
    "UDP chat B": ("udp", 9003, 9002),
    "Time server": ("tcp-server", 9004, 0),
    "Sticky-packet demo client": ("tcp-client", 0, 9000),
    "Length-prefix server": ("tcp-server", 9005, 0),
    "Length-prefix client": ("tcp-client", 0, 9005),
}


def test_builtin_profiles() -> None:
    found = builtin_profiles()
    assert [p.name for p in found] == list(EXPECTED_BUILTINS)
    for profile in found:
        kind, local_port, remote_port = EXPECTED_BUILTINS[profile.name]
        assert profile.builtin is True
        assert (profile.config.kind, profile.config.local_port) == (kind, local_port)
        assert profile.config.remote_port == remote_port
        assert SessionConfig.from_dict(profile.config.to_dict()) == profile.config
        assert profile.description
        assert "\n" not in profile.description
        assert profile.send_presets
        again = Profile.from_dict(profile.to_dict())
        assert again.builtin is False
        again.builtin = True
        assert again == profile
    by_name = {p.name: p for p in found}
    assert by_name["Echo server"].send["reply_rules"] == {
        "enabled": True,
        "mode": "first",
        "rules": [{"match_kind": "any", "reply": "{data}"}],
    }
    assert by_name["Time server"].send["reply_rules"]["rules"] == [
        {
            "match_kind": "contains",
            "match": "time",
            "match_format": "text",
            "reply": "{time}",
            "reply_format": "text",
        }
    ]
    sticky = by_name["Sticky-packet demo client"]
    assert (sticky.send["repeat"], sticky.send["burst"]) == (10, "one_call")
    assert [p.data for p in sticky.send_presets] == ["hello"]
    assert any(p.data == "你好" for p in by_name["Chat client"].send_presets)
    for name in ("Length-prefix server", "Length-prefix client"):
        assert by_name[name].config.framing == "length:!I"
        assert (by_name[name].send["frame"], by_name[name].send["frame_spec"]) == (
            "length",
            "length:!I",
        )
    assert by_name["UDP chat A"].config.remote_host == "127.0.0.1"
    builtin_profiles()[0].send_presets.clear()  # fresh objects each call
    assert builtin_profiles()[0].send_presets


def test_builtin_files_are_canonical() -> None:
    folder = Path(profiles.__file__).parents[2] / "resources" / "profiles"
    for profile in builtin_profiles():
        raw = [f.read_bytes() for f in folder.glob("*.json")]
        assert [r for r in raw if json.loads(r)["name"] == profile.name] == [
            profile.to_json_bytes()
        ]


def test_saving_a_builtin_under_its_own_name_is_refused(store: ProfileStore) -> None:
    echo = builtin_profiles()[0]
    with pytest.raises(ProfileError, match=r"\w") as info:
        store.save(echo)
    assert str(info.value) == (
        "'Echo server' is the name of a built-in example; choose another name"
    )
    assert info.value.field == "name"
    assert not store.profiles_dir.exists()
    echo.name = "My echo server"
    store.save(echo)
    loaded = store.load("My echo server")
    assert loaded.builtin is False
    assert loaded.config == echo.config


def test_all_with_builtins(store: ProfileStore) -> None:
    store.save(make_profile("Mine"))
    store.profiles_dir.joinpath("bad.json").write_bytes(CORRUPT)
    shipped, listing = store.all_with_builtins()
    assert all(p.builtin for p in shipped)
    assert len(shipped) == len(EXPECTED_BUILTINS)
    assert [p.name for p in listing] == ["Mine"]
    assert not listing.profiles[0].builtin
    assert len(listing.errors) == 1


# --------------------------------------------------------------------------- properties
# Built-in names are taken (saving one is refused, tested above), so they are left out.
names = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=100).filter(
    lambda s: s.strip() != "" and not is_builtin_name(s)
)


@settings(max_examples=200, deadline=None)
@given(names)
def test_file_stem_is_always_a_safe_file_name(name: str) -> None:
    stem = profile_files.file_stem(name)
    assert stem
    assert not stem.startswith(".")
    assert not stem.endswith(".")
    assert "/" not in stem
    assert "\\" not in stem
    assert ":" not in stem
    assert len(stem.encode()) <= 120


@settings(max_examples=30, deadline=None)
@given(st.lists(names, min_size=1, max_size=4, unique=True))
def test_any_valid_names_save_and_load(batch: list[str]) -> None:
    # A fresh folder per example: hypothesis re-runs the body, a tmp_path fixture would not reset.
    with tempfile.TemporaryDirectory() as folder:
        store = ProfileStore(folder)
        for name in batch:
            store.save(make_profile(name))
        for name in batch:
            assert store.load(name) == make_profile(name)
        assert sorted(p.name for p in store.list()) == sorted(batch)
