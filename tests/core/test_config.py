"""SessionConfig.validate(): every wrong type or value is a ConfigError naming the field."""

from __future__ import annotations

import math

import pytest

from netassistant.core.config import ConfigError, Family, Kind, SessionConfig

SERVER = SessionConfig(kind=Kind.TCP_SERVER)

BAD = [
    # (field, value, reason)
    ("local_host", 5, "must be a string"),
    ("local_host", None, "must be a string"),
    ("remote_host", b"127.0.0.1", "must be a string"),
    ("multicast_group", None, "must be a string"),
    ("framing", 5, "must be a string"),
    ("encoding", None, "must be a string"),
    ("nodelay", 1, "must be true or false"),
    ("reuseaddr", "yes", "must be true or false"),
    ("broadcast", None, "must be true or false"),
    ("close_on_peer_fin", 0, "must be true or false"),
    ("extra", [], "must be a JSON object"),
    ("recv_size", 0, "0 is out of range 1..1048576 bytes (1 B .. 1 MiB)"),
    ("recv_size", 2**70, f"{2**70} is out of range 1..1048576 bytes (1 B .. 1 MiB)"),
    ("recv_size", 4.0, "must be a whole number, not 4.0"),
    ("recv_size", True, "must be a whole number, not True"),
    ("rcvbuf", -1, "-1 is out of range 0..268435456 bytes (0 = system default)"),
    ("sndbuf", math.nan, "must be a whole number, not nan"),
    ("backlog", -5, "-5 is out of range 0..65535 connections"),
    ("backlog", None, "must be a whole number, not None"),
    ("read_delay_ms", math.inf, "must be a whole number, not inf"),
    ("local_port", 70000, "70000 is out of range 0..65535 (0 = any free port)"),
    ("local_port", -1, "-1 is out of range 0..65535 (0 = any free port)"),
    ("local_port", "80", "must be a whole number, not '80'"),
    ("connect_timeout", math.nan, "must be between 0 and 600 seconds"),
    ("connect_timeout", math.inf, "must be between 0 and 600 seconds"),
    ("connect_timeout", -1, "must be between 0 and 600 seconds"),
    ("connect_timeout", 0, "must be between 0 and 600 seconds"),
    ("connect_timeout", True, "must be between 0 and 600 seconds"),
    ("connect_timeout", "5", "must be between 0 and 600 seconds"),
    ("kind", "tcp", "unknown kind 'tcp'; use tcp-server, tcp-client, udp or relay"),
    ("family", 5, "unknown family 5; use inet, inet6 or unix"),
]


@pytest.mark.parametrize(("name", "value", "reason"), BAD, ids=lambda v: repr(v)[:30])
def test_every_wrong_value_is_a_config_error_naming_the_field(name, value, reason):
    config = SERVER.replace(**{name: value})
    with pytest.raises(ConfigError, match="^" + name) as info:
        config.validate()
    assert info.value.field == name
    assert info.value.reason == reason
    assert str(info.value) == f"{name}: {reason}"


@pytest.mark.parametrize("name", ["local_host", "remote_host"])
def test_unix_paths_must_be_strings_too(name):
    config = SessionConfig(
        kind=Kind.TCP_CLIENT, family=Family.UNIX, local_host="", remote_host="/tmp/x.sock"
    ).replace(**{name: 5})
    with pytest.raises(ConfigError, match=f"^{name}: must be a string$"):
        config.validate()


def test_from_dict_refuses_the_same_values_and_accepts_old_profiles():
    with pytest.raises(ConfigError, match=r"^local_host: must be a string$"):
        SessionConfig.from_dict({"kind": "tcp-server", "local_host": None})
    # A profile saved before close_on_peer_fin existed, with the old default backlog.
    old = {"kind": "tcp-server", "local_port": 9000, "backlog": 16}
    config = SessionConfig.from_dict(old)
    assert (config.backlog, config.close_on_peer_fin) == (16, True)
    assert SessionConfig.from_dict(config.to_dict()) == config


def test_defaults_are_valid_and_backlog_zero_means_the_system_maximum():
    config = SessionConfig().validate()
    assert config.backlog == 0
    assert config.close_on_peer_fin is True
