"""SessionConfig.validate: every field, good values and bad ones, with the exact message."""

from __future__ import annotations

import re

import pytest

from netassistant.core.config import ConfigError, Family, Kind, SessionConfig

SERVER = SessionConfig(kind=Kind.TCP_SERVER)
CLIENT = SessionConfig(kind=Kind.TCP_CLIENT, remote_port=9000)
UDP = SessionConfig(kind=Kind.UDP)
UNIX_SERVER = SessionConfig(kind=Kind.TCP_SERVER, family=Family.UNIX, local_host="/tmp/s")
UNIX_CLIENT = SessionConfig(
    kind=Kind.TCP_CLIENT, family=Family.UNIX, local_host="", remote_host="/tmp/s"
)
UNIX_UDP = SessionConfig(kind=Kind.UDP, family=Family.UNIX, local_host="/tmp/u", remote_host="")
INET6_UDP = SessionConfig(kind=Kind.UDP, family=Family.INET6, local_host="::1", remote_host="")


@pytest.mark.parametrize(
    ("base", "changes"),
    [
        (SERVER, {}),
        (CLIENT, {}),
        (UDP, {}),
        (UNIX_SERVER, {}),
        (UNIX_CLIENT, {}),
        (UNIX_UDP, {}),
        (INET6_UDP, {}),
        (SERVER, {"recv_size": 1}),
        (SERVER, {"recv_size": 1024 * 1024}),
        (SERVER, {"rcvbuf": 0, "sndbuf": 256 * 1024 * 1024}),
        (SERVER, {"backlog": 0}),
        (SERVER, {"backlog": 65535}),
        (SERVER, {"read_delay_ms": 60_000}),
        (CLIENT, {"connect_timeout": 600}),
        (CLIENT, {"connect_timeout": 0.001}),
        (SERVER, {"encoding": "gb18030"}),
        (SERVER, {"framing": "length:!I:incl:max=100"}),
        (SERVER, {"local_port": 65535, "local_host": ""}),
        (SERVER, {"local_host": "localhost"}),
        (CLIENT, {"remote_host": "plc-7.factory.example"}),
        (CLIENT, {"remote_port": 1}),
        (UDP, {"remote_port": 0, "remote_host": ""}),
        (UDP, {"multicast_group": "239.1.2.3", "broadcast": True}),
        (INET6_UDP, {"multicast_group": "ff02::1", "local_host": "fe80::1%lo"}),
        (UNIX_SERVER, {"local_host": "@abstract-name", "local_port": -5}),
        (UNIX_SERVER, {"local_host": "/" + "x" * 106}),
    ],
)
def test_good_values_pass_and_validate_returns_self(base, changes):
    config = base.replace(**changes)
    assert config.validate() is config


@pytest.mark.parametrize(
    ("base", "changes", "field", "reason"),
    [
        (
            SERVER,
            {"kind": "tcp"},
            "kind",
            "unknown kind 'tcp'; use tcp-server, tcp-client, udp or relay",
        ),
        (SERVER, {"family": "ipx"}, "family", "unknown family 'ipx'; use inet, inet6 or unix"),
        (
            SERVER,
            {"recv_size": 0},
            "recv_size",
            "0 is out of range 1..1048576 bytes (1 B .. 1 MiB)",
        ),
        (
            SERVER,
            {"recv_size": 1024 * 1024 + 1},
            "recv_size",
            "1048577 is out of range 1..1048576 bytes (1 B .. 1 MiB)",
        ),
        (SERVER, {"recv_size": 1.5}, "recv_size", "must be a whole number, not 1.5"),
        (SERVER, {"recv_size": True}, "recv_size", "must be a whole number, not True"),
        (
            SERVER,
            {"rcvbuf": -1},
            "rcvbuf",
            "-1 is out of range 0..268435456 bytes (0 = system default)",
        ),
        (
            SERVER,
            {"sndbuf": 256 * 1024 * 1024 + 1},
            "sndbuf",
            "268435457 is out of range 0..268435456 bytes (0 = system default)",
        ),
        (SERVER, {"backlog": 65536}, "backlog", "65536 is out of range 0..65535 connections"),
        (SERVER, {"backlog": "16"}, "backlog", "must be a whole number, not '16'"),
        (
            SERVER,
            {"read_delay_ms": -1},
            "read_delay_ms",
            "-1 is out of range 0..60000 milliseconds",
        ),
        (CLIENT, {"connect_timeout": 0}, "connect_timeout", "must be between 0 and 600 seconds"),
        (
            CLIENT,
            {"connect_timeout": 600.5},
            "connect_timeout",
            "must be between 0 and 600 seconds",
        ),
        (CLIENT, {"connect_timeout": "5"}, "connect_timeout", "must be between 0 and 600 seconds"),
        (
            SERVER,
            {"encoding": "klingon"},
            "encoding",
            "unknown text encoding 'klingon'; try utf-8 or gbk",
        ),
        (
            SERVER,
            {"framing": "length:!II"},
            "framing",
            "'!II' is not a single integer struct format (try !I, <H or B)",
        ),
        (
            SERVER,
            {"local_port": 65536},
            "local_port",
            "65536 is out of range 0..65535 (0 = any free port)",
        ),
        (
            SERVER,
            {"local_port": -1},
            "local_port",
            "-1 is out of range 0..65535 (0 = any free port)",
        ),
        (CLIENT, {"remote_port": 0}, "remote_port", "0 is out of range 1..65535"),
        (UDP, {"remote_port": 70000}, "remote_port", "70000 is out of range 0..65535"),
        (
            SERVER,
            {"local_host": "bad host!"},
            "local_host",
            "'bad host!' is not an IP address or host name",
        ),
        (
            SERVER,
            {"local_host": "::1"},
            "local_host",
            "::1 is an IPv6 address; choose family inet6 or an IPv4 address",
        ),
        (
            INET6_UDP,
            {"local_host": "127.0.0.1"},
            "local_host",
            "127.0.0.1 is an IPv4 address; choose family inet or an IPv6 address",
        ),
        (CLIENT, {"remote_host": ""}, "remote_host", "an address is needed"),
        (UDP, {"remote_host": "a..b"}, "remote_host", "'a..b' is not an IP address or host name"),
        (UDP, {"multicast_group": "nope"}, "multicast_group", "'nope' is not an IP address"),
        (
            UDP,
            {"multicast_group": "10.0.0.1"},
            "multicast_group",
            "10.0.0.1 is not a multicast address (224.0.0.0/4 or ff00::/8)",
        ),
        (
            UDP,
            {"multicast_group": "ff02::1"},
            "multicast_group",
            "ff02::1 does not match family inet",
        ),
        (SERVER, {"broadcast": True}, "broadcast", "broadcast and multicast are for UDP sessions"),
        (
            CLIENT,
            {"multicast_group": "239.1.2.3"},
            "broadcast",
            "broadcast and multicast are for UDP sessions",
        ),
        (
            UNIX_SERVER,
            {"local_host": ""},
            "local_host",
            "a unix server needs a socket path to bind",
        ),
        (
            UNIX_CLIENT,
            {"remote_host": ""},
            "remote_host",
            "a unix client needs the socket path to connect to",
        ),
        (
            UNIX_SERVER,
            {"local_host": "/tmp/a\0b"},
            "local_host",
            "a socket path cannot contain a NUL character",
        ),
        (
            UNIX_CLIENT,
            {"remote_host": "/" + "x" * 107},
            "remote_host",
            "socket path is longer than 107 bytes; use a shorter path",
        ),
        (
            UNIX_UDP,
            {"broadcast": True},
            "broadcast",
            "broadcast and multicast need inet or inet6, not unix",
        ),
        (
            UNIX_UDP,
            {"multicast_group": "239.1.2.3"},
            "multicast_group",
            "broadcast and multicast need inet or inet6, not unix",
        ),
    ],
)
def test_bad_value_names_the_field_and_says_why(base, changes, field, reason):
    config = base.replace(**changes)
    with pytest.raises(ConfigError, match=f"^{re.escape(field)}: ") as info:
        config.validate()
    assert str(info.value) == f"{field}: {reason}"
    assert info.value.field == field
    assert str(info.value.reason) == reason


def test_the_first_bad_field_is_reported():
    # recv_size is checked before the ports: one message, about the first problem found
    config = CLIENT.replace(recv_size=0, remote_port=0)
    with pytest.raises(ConfigError, match=r"^recv_size: ") as info:
        config.validate()
    assert info.value.field == "recv_size"
