"""Framing has one home, the config; profiles saved with ``view["decode"]`` load the same."""

from __future__ import annotations

import pytest

from netassistant.core.config import ConfigError, Kind, SessionConfig
from netassistant.core.profiles.model import Profile


def _document(view: dict, framing: str = "") -> dict:
    return {
        "schema_version": 1,
        "name": "Old length server",
        "config": {"kind": "tcp-server", "local_port": 9005, "framing": framing},
        "view": view,
    }


def test_an_old_decode_view_moves_into_the_config():
    old = _document(
        {
            "display": "hex",
            "decode": {"frame": "length:!H", "checksum": "crc16-modbus", "checksum_order": "big"},
        },
        framing="length:!I",  # the hidden copy, which the window did not show
    )
    profile = Profile.from_dict(old)
    assert (profile.config.framing, profile.config.checksum, profile.config.checksum_order) == (
        "length:!H",
        "crc16-modbus",
        "big",
    )
    assert profile.view == {"display": "hex"}
    assert "decode" in old["view"], "the caller's document is left as it was"
    again = Profile.from_dict(profile.to_dict())
    assert again.config == profile.config
    assert again.view == profile.view


def test_an_old_decode_view_without_checksum_keeps_the_order_empty():
    profile = Profile.from_dict(
        _document({"decode": {"frame": "delimiter:\\n", "checksum": None, "checksum_order": "big"}})
    )
    assert (profile.config.framing, profile.config.checksum, profile.config.checksum_order) == (
        "delimiter:\\n",
        "",
        "",
    )


def test_a_malformed_decode_view_is_dropped_as_the_window_ignored_it():
    profile = Profile.from_dict(_document({"decode": "length:!I"}, framing="fixed:4"))
    assert profile.config.framing == "fixed:4"
    assert profile.view == {}


def test_config_checks_checksum_and_order():
    config = SessionConfig(kind=Kind.TCP_SERVER, checksum="crc16-modbus", checksum_order="little")
    assert config.validate() is config
    with pytest.raises(ConfigError, match="unknown checksum 'crc99'"):
        SessionConfig(checksum="crc99").validate()
    with pytest.raises(ConfigError, match='must be "big", "little" or ""'):
        SessionConfig(checksum="crc16-modbus", checksum_order="middle").validate()
    with pytest.raises(ConfigError, match="must be a string"):
        SessionConfig.from_dict({"checksum": 5})
