"""Tests for netassistant.core.exposure: which sessions other machines can reach."""

from __future__ import annotations

import pytest

from netassistant.core.config import Family, Kind, SessionConfig
from netassistant.core.exposure import exposure_warning
from netassistant.core.profiles.model import builtin_profiles


@pytest.mark.parametrize(
    ("kind", "family", "host", "expected"),
    [
        (Kind.TCP_SERVER, Family.INET, "0.0.0.0", "listens on 0.0.0.0:9000"),
        (Kind.TCP_SERVER, Family.INET, "", "listens on 0.0.0.0:9000"),
        (Kind.TCP_SERVER, Family.INET6, "", "listens on [::]:9000"),
        (Kind.TCP_SERVER, Family.INET6, "::", "listens on [::]:9000"),
        (Kind.TCP_SERVER, Family.INET, "192.168.1.20", "listens on 192.168.1.20:9000"),
        (Kind.TCP_SERVER, Family.INET, "myhost.example", "listens on myhost.example:9000"),
        (Kind.UDP, Family.INET, "0.0.0.0", "receives UDP on 0.0.0.0:9000"),
        (Kind.UDP, Family.INET6, "fe80::1%eth0", "receives UDP on [fe80::1%eth0]:9000"),
    ],
)
def test_reachable_binds_are_named(kind, family, host, expected):
    config = SessionConfig(kind=kind, family=family, local_host=host, local_port=9000)
    assert exposure_warning(config) == (f"this profile {expected}, reachable from other machines")


@pytest.mark.parametrize(
    ("kind", "family", "host"),
    [
        (Kind.TCP_SERVER, Family.INET, "127.0.0.1"),
        (Kind.TCP_SERVER, Family.INET, "127.1.2.3"),
        (Kind.TCP_SERVER, Family.INET6, "::1"),
        (Kind.UDP, Family.INET, "localhost"),
        (Kind.TCP_SERVER, Family.UNIX, "/tmp/s.sock"),
        (Kind.TCP_CLIENT, Family.INET, ""),
        (Kind.TCP_CLIENT, Family.INET, "0.0.0.0"),
    ],
)
def test_private_sessions_say_nothing(kind, family, host):
    assert exposure_warning(SessionConfig(kind=kind, family=family, local_host=host)) is None


def test_no_builtin_example_is_reachable_from_other_machines():
    assert [p.name for p in builtin_profiles() if exposure_warning(p.config)] == []
