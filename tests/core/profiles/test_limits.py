"""Profiles that are hostile or odd: huge numbers, deep nesting, FIFOs, taken names.

One bad file never hides the good ones, never raises anything but ProfileError (naming
the file and the field), and never blocks; names are unique across built-ins and the
user's profiles.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from netassistant.core.config import Kind, SessionConfig
from netassistant.core.profiles.model import (
    Profile,
    ProfileError,
    ProfileNotFoundError,
    builtin_profiles,
    find_profile,
    read_profile_file,
)
from netassistant.core.profiles.schema import MAX_DEPTH, MAX_INT
from netassistant.core.profiles.store import ProfileStore
from tests.filehelpers import finishes


def good(name: str = "Good", **config: object) -> Profile:
    settings: dict[str, object] = {"kind": Kind.TCP_SERVER, "local_port": 9100, **config}
    return Profile(name=name, config=SessionConfig(**settings))  # type: ignore[arg-type]


def raw_document(name: str) -> str:
    return json.dumps(good(name).to_dict())


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    store = ProfileStore(tmp_path / "config")
    store.save(good())
    return store


def put(store: ProfileStore, file_name: str, text: str) -> Path:
    path = store.profiles_dir / file_name
    path.write_text(text, encoding="utf-8")
    return path


def only_error(store: ProfileStore) -> str:
    listing = finishes(store.list)
    assert [p.name for p in listing] == ["Good"], "the good profile is still listed"
    assert len(listing.errors) == 1
    return str(listing.errors[0])


# ----------------------------------------------------------------- numbers and depth
def test_a_5000_digit_integer_names_file_and_field(store: ProfileStore) -> None:
    text = raw_document("Big").replace('"local_port": 9100', '"local_port": ' + "9" * 5000)
    path = put(store, "big.json", text)
    expected = (
        f"profile file {path}: config.local_port: the number 999999999999… (5000 digits) "
        f"is too large; the limit is {MAX_INT}"
    )
    assert only_error(store) == expected
    with pytest.raises(ProfileError, match=r"\w") as info:
        read_profile_file(path)
    assert str(info.value) == expected
    assert (info.value.path, info.value.field) == (str(path), "config.local_port")


def test_nesting_900_deep_names_file_and_field(store: ProfileStore) -> None:
    text = raw_document("Deep").replace(
        '"view": {}', '"view": {"x": ' + "[" * 900 + "]" * 900 + "}"
    )
    path = put(store, "deep.json", text)
    message = only_error(store)
    assert message.startswith(f"profile file {path}: view.x[0][0]")
    assert message.endswith(
        f"is nested more than {MAX_DEPTH} levels deep; a profile never needs that"
    )


def test_nesting_deeper_than_the_json_parser_goes(store: ProfileStore) -> None:
    path = put(store, "deeper.json", "[" * 200_000 + "]" * 200_000)
    assert only_error(store) == (
        f"profile file {path} is not valid JSON (nested too deeply); "
        "it was left untouched — fix or delete it"
    )


@pytest.mark.parametrize(
    ("literal", "field", "reason"),
    [
        ("NaN", "config.connect_timeout", "nan cannot be stored in JSON; use a finite number"),
        ("Infinity", "config.connect_timeout", "inf cannot be stored in JSON; use a finite number"),
        ("1e999", "config.connect_timeout", "inf cannot be stored in JSON; use a finite number"),
        ("-5", "config.connect_timeout", "must be between 0 and 600 seconds"),
        ('"5"', "config.connect_timeout", "must be between 0 and 600 seconds"),
    ],
)
def test_bad_numbers_in_the_config(store, literal, field, reason) -> None:
    text = raw_document("Num").replace('"connect_timeout": 5.0', f'"connect_timeout": {literal}')
    path = put(store, "num.json", text)
    assert only_error(store) == f"profile file {path}: {field}: {reason}"


@pytest.mark.parametrize(
    ("literal", "reason"),
    [
        ("NaN", "nan cannot be stored in JSON; use a finite number"),
        ("-Infinity", "-inf cannot be stored in JSON; use a finite number"),
        (str(2**53), f"the number {2**53} is too large; the limit is {MAX_INT}"),
        (
            "-" + "1" * 30,
            f"the number 111111111111… (30 digits) is too large; the limit is {MAX_INT}",
        ),
    ],
)
def test_bad_numbers_in_free_form_settings(store, literal, reason) -> None:
    text = raw_document("Free").replace('"send": {}', '"send": {"repeat": ' + literal + "}")
    path = put(store, "free.json", text)
    assert only_error(store) == f"profile file {path}: send.repeat: {reason}"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("70000", "70000 is out of range 0..65535"),
        ("-1", "-1 is out of range 0..65535"),
        ("true", "must be a whole number, not True"),
        ("1.5", "must be a whole number, not 1.5"),
    ],
)
def test_ports_are_checked_for_unix_profiles_too(store, value, reason) -> None:
    doc = good("Unix", family="unix", local_host="/tmp/x.sock").to_dict()
    text = json.dumps(doc).replace('"remote_port": 0', f'"remote_port": {value}')
    path = put(store, "unix.json", text)
    assert only_error(store) == f"profile file {path}: config.remote_port: {reason}"


def test_in_memory_documents_are_bounded_too() -> None:
    doc = good().to_dict()
    deep: list[object] = []
    doc["view"] = {"x": deep}
    for _ in range(5000):  # deeper than Python's recursion limit
        deep.append([])
        deep = deep[0]  # type: ignore[assignment]
    with pytest.raises(ProfileError, match=r"^view\.x\[0\].*is nested more than 32 levels deep"):
        Profile.from_dict(doc)


# ----------------------------------------------------------------- special files
def test_a_fifo_named_json_in_the_folder_is_listed_as_an_error(store: ProfileStore) -> None:
    fifo = store.profiles_dir / "pipe.json"
    os.mkfifo(fifo)
    assert only_error(store) == (
        f"cannot read profile file {fifo}: a named pipe (FIFO), not a regular file"
    )
    # Looking a name up reads the folder too: it must not block either.
    assert finishes(store.exists, "Other", fifo=fifo) is False
    assert finishes(find_profile, "Good", store.config_dir, fifo=fifo).name == "Good"
    with pytest.raises(ProfileNotFoundError, match=r"^no profile named 'Nope'$"):
        finishes(find_profile, "Nope", store.config_dir, fifo=fifo)


def test_importing_a_fifo_or_a_device_is_refused(store: ProfileStore, tmp_path: Path) -> None:
    fifo = tmp_path / "in.json"
    os.mkfifo(fifo)
    with pytest.raises(ProfileError, match=r"\w") as info:
        finishes(store.import_file, fifo, fifo=fifo)
    assert str(info.value) == (
        f"cannot read profile file {fifo}: a named pipe (FIFO), not a regular file"
    )
    with pytest.raises(ProfileError, match=r"\w") as info:
        finishes(store.import_file, "/dev/zero")
    assert str(info.value) == (
        "cannot read profile file /dev/zero: a character device, not a regular file"
    )


def test_exporting_onto_a_fifo_is_refused_and_the_fifo_kept(
    store: ProfileStore, tmp_path: Path
) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    for name in ("Good", "Echo server"):
        with pytest.raises(ProfileError, match=r"\w") as info:
            finishes(store.export, name, fifo, fifo=fifo)
        assert str(info.value) == (
            f"cannot write profile file {fifo}: a named pipe (FIFO), not a regular file"
        )
    assert fifo.is_fifo()


# ----------------------------------------------------------------- unique names
def test_a_file_holding_a_builtin_name_is_reported_not_listed(store: ProfileStore) -> None:
    path = put(store, "echo.json", raw_document("Echo server"))
    assert only_error(store) == (
        f"profile file {path}: name: 'Echo server' is the name of a built-in example, so this "
        "file is not used; rename or delete it"
    )
    found = find_profile("Echo server", store.config_dir)
    assert found.builtin
    assert found.config.local_port == 9000


def test_importing_a_builtin_name_renames_even_with_overwrite(
    store: ProfileStore, tmp_path: Path
) -> None:
    source = tmp_path / "echo.json"
    source.write_text(raw_document("Echo server"), encoding="utf-8")
    first = store.import_profile(source, overwrite=True)
    assert (first.profile.name, first.original_name, first.replaced) == (
        "Echo server (2)",
        "Echo server",
        False,
    )
    assert store.import_file(source).name == "Echo server (3)"
    names = [p.name for p in store.list()]
    assert names == ["Echo server (2)", "Echo server (3)", "Good"]
    assert find_profile("Echo server", store.config_dir).builtin


def test_renamed_imports_keep_within_the_name_limit(store: ProfileStore, tmp_path: Path) -> None:
    long_name = "x" * 100
    store.save(good(long_name))
    source = tmp_path / "long.json"
    source.write_text(raw_document(long_name), encoding="utf-8")
    assert store.import_file(source).name == "x" * 96 + " (2)"


def test_saving_or_renaming_to_a_builtin_name_is_refused(store: ProfileStore) -> None:
    for action in (
        lambda: store.save(good("Chat server")),
        lambda: store.rename("Good", "Chat server"),
    ):
        with pytest.raises(ProfileError, match=r"\w") as info:
            action()
        assert str(info.value) == (
            "'Chat server' is the name of a built-in example; choose another name"
        )
    nfd = "Cafe\u0301"
    store.save(good(nfd))
    with pytest.raises(ProfileError, match="already exists"):
        store.save(good("Caf\u00e9"), overwrite=False)
    assert [p.name for p in store.list()] == [nfd, "Good"]


def test_builtin_names_are_unique_among_themselves() -> None:
    names = [p.name for p in builtin_profiles()]
    assert len(names) == len(set(names))
