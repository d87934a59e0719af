"""Templates stored with a profile: saved as JSON data, checked on load, errors named."""

from __future__ import annotations

import json
import re

import pytest

from netassistant.core.config import Kind, SessionConfig
from netassistant.core.profiles.errors import ProfileError
from netassistant.core.profiles.model import Profile
from netassistant.core.templates.builtin import MODBUS_TCP_REQUEST
from netassistant.core.templates.model import Template


def test_a_profile_keeps_its_templates():
    profile = Profile(
        "plc",
        SessionConfig(kind=Kind.TCP_CLIENT, remote_port=502),
        templates=[MODBUS_TCP_REQUEST.to_dict()],
    )
    document = json.loads(profile.to_json_bytes())
    assert document["templates"] == [MODBUS_TCP_REQUEST.to_dict()]
    again = Profile.from_dict(document)
    assert [Template.from_dict(t) for t in again.templates] == [MODBUS_TCP_REQUEST]


def test_a_profile_without_templates_writes_no_key():
    document = json.loads(Profile("p", SessionConfig(kind=Kind.UDP)).to_json_bytes())
    assert "templates" not in document


def test_a_bad_stored_template_is_named():
    document = Profile("p", SessionConfig(kind=Kind.UDP)).to_dict()
    document["templates"] = [{"name": "t", "fields": [{"name": "a", "kind": "u7"}]}]
    with pytest.raises(ProfileError, match=re.escape("templates[0]") + ".*unknown kind 'u7'"):
        Profile.from_dict(document)


def test_the_library_keeps_names_unique_and_builtins_read_only():
    from netassistant.core.templates.library import TemplateLibrary

    lib = TemplateLibrary()
    mine = Template("mine", MODBUS_TCP_REQUEST.fields)
    lib.save(mine)
    assert lib.names()[-1] == "mine"
    with pytest.raises(
        Exception, match=exact_text("a template called 'mine' exists; choose another name")
    ):
        lib.save(mine)
    with pytest.raises(
        Exception,
        match=exact_text(
            f"a template called {MODBUS_TCP_REQUEST.name!r} exists; choose another name"
        ),
    ):
        lib.save(MODBUS_TCP_REQUEST)
    renamed = Template("yours", mine.fields)
    lib.save(renamed, replacing="mine")
    assert [t.name for t in lib.custom] == ["yours"]
    again = TemplateLibrary()
    again.load(lib.to_list())
    assert again.custom == [renamed]
    lib.remove("yours")
    assert lib.custom == []


def exact_text(message: str) -> str:
    return "^" + re.escape(message) + "$"
