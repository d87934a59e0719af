"""Profiles of schema 1 keep their single auto-reply rule as a one-rule reply list."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from netassistant.core.profiles.model import Profile
from netassistant.core.profiles.schema import SCHEMA_VERSION
from netassistant.core.profiles.store import ProfileStore
from netassistant.core.replies.ruleset import ReplyRules

NOW = datetime.datetime(2024, 5, 6, 13, 4, 5)


def old_profile(auto_reply: object) -> dict[str, object]:
    return {
        "schema_version": 1,
        "name": "old",
        "config": {"kind": "tcp-server", "local_port": 9000},
        "send": {"mode": "text", "auto_reply": auto_reply},
    }


@pytest.mark.parametrize(
    ("auto_reply", "received", "replies"),
    [
        ({"mode": "echo"}, b"a\x00b", [b"a\x00b"]),
        ({"mode": "echo", "enabled": False}, b"x", [b"x"]),
        (
            {"mode": "match", "match": "time", "match_mode": "text", "reply": "at {time}"},
            b"what time?",
            [b"at 13:04:05"],
        ),
        (
            {"mode": "match", "match": "02 03", "match_mode": "hex", "reply": "06",
             "reply_mode": "hex"},
            b"\x01\x02\x03",
            [b"\x06"],
        ),
        (
            {"mode": "match", "match": r"v\d+", "match_mode": "regex", "reply": "ok\\r\\n",
             "escapes": True, "encoding": "gbk"},
            b"v12",
            [b"ok\r\n"],
        ),
    ],
)  # fmt: skip
def test_the_old_rule_becomes_a_one_rule_list_that_answers_the_same(
    auto_reply: dict[str, object], received: bytes, replies: list[bytes]
) -> None:
    profile = Profile.from_dict(old_profile(auto_reply))
    assert "auto_reply" not in profile.send
    stored = profile.send["reply_rules"]
    assert stored["enabled"] is auto_reply.get("enabled", True)
    assert stored["mode"] == "first"
    assert len(stored["rules"]) == 1
    rules = ReplyRules.from_dict(stored)
    rules.validate()
    assert [r for r, _ in rules.replies(received, "chunk", NOW)] == replies


def test_a_saved_old_profile_is_stored_upgraded_on_import(tmp_path: Path) -> None:
    source = tmp_path / "old.json"
    source.write_text(json.dumps(old_profile({"mode": "echo"})), encoding="utf-8")
    store = ProfileStore(tmp_path / "config")
    imported = store.import_file(source)
    written = json.loads(store.path_for(imported.name).read_bytes())
    assert written["schema_version"] == SCHEMA_VERSION == 2
    assert written["send"] == {
        "mode": "text",
        "reply_rules": {
            "enabled": True,
            "mode": "first",
            "rules": [{"match_kind": "any", "reply": "{data}"}],
        },
    }


def test_an_auto_reply_that_is_no_object_is_dropped() -> None:
    profile = Profile.from_dict(old_profile("echo"))
    assert profile.send == {"mode": "text"}
