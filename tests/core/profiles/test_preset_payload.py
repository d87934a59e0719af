"""A send preset's bytes are fixed by how it was typed, and older presets keep theirs."""

from __future__ import annotations

import pytest

from netassistant.core.codec import EncodeError, EscapeError
from netassistant.core.profiles.model import Profile, ProfileError, SendPreset


def test_payload_follows_the_presets_own_mode_escapes_and_encoding():
    assert SendPreset("AT", "AT\\r\\n").payload() == b"AT\\r\\n"  # typed backslashes
    assert SendPreset("AT", "AT\\r\\n", escapes=True).payload() == b"AT\r\n"
    assert (
        SendPreset("hi", "你好", append="\r\n", encoding="gbk").payload() == b"\xc4\xe3\xba\xc3\r\n"
    )
    assert SendPreset("raw", "01 0a ff", mode="hex", append="\n").payload() == b"\x01\n\xff\n"
    with pytest.raises(EscapeError, match="position 2"):
        SendPreset("bad", "ab\\q", escapes=True).payload()
    with pytest.raises(EncodeError, match="ascii"):
        SendPreset("bad", "你好", encoding="ascii").payload()


def _document(presets: list, send: dict | None = None, encoding: str = "gbk") -> dict:
    doc = {
        "schema_version": 1,
        "name": "Presets",
        "config": {"kind": "tcp-client", "remote_port": 9000, "encoding": encoding},
        "send_presets": presets,
    }
    if send is not None:
        doc["send"] = send
    return doc


def test_old_presets_take_the_send_box_escapes_and_the_session_encoding():
    old = _document([{"name": "AT", "data": "AT\\r\\n", "mode": "text"}], {"escapes": True})
    preset = Profile.from_dict(old).send_presets[0]
    assert (preset.escapes, preset.encoding) == (True, "gbk")
    assert preset.payload() == b"AT\r\n"  # what the button sent before, with the box ticked
    plain = Profile.from_dict(_document([{"name": "AT", "data": "AT\\r\\n"}]))
    assert plain.send_presets[0].payload() == b"AT\\r\\n"
    again = Profile.from_dict(Profile.from_dict(old).to_dict())
    assert again.send_presets == [preset]


def test_preset_escapes_and_encoding_are_checked():
    with pytest.raises(ProfileError, match=r"send_presets\[0\]\.escapes: must be true or false"):
        Profile.from_dict(_document([{"name": "x", "data": "y", "escapes": "yes"}]))
    with pytest.raises(
        ProfileError, match=r"send_presets\[0\]\.encoding: unknown encoding 'klingon'"
    ):
        Profile.from_dict(_document([{"name": "x", "data": "y", "encoding": "klingon"}]))
