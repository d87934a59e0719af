"""A relay's TLS settings: the client leg's (``tls``) and the server leg's (``upstream_tls``)."""

from __future__ import annotations

import json

import pytest

from netassistant.core.config import ConfigError, Kind, SessionConfig
from netassistant.core.profiles.model import Profile
from netassistant.core.relay.upstreamtls import upstream_insecure_warning
from netassistant.core.tlsconfig import TlsSettings
from tests.tlscerts import Certs, make_certs


@pytest.fixture
def certs(tmp_path) -> Certs:
    return make_certs(tmp_path)


def relay(**kw) -> SessionConfig:
    return SessionConfig(kind=Kind.RELAY, remote_port=443, **kw)


def test_both_legs_check_out_and_the_client_leg_is_a_tls_server(certs):
    relay(tls=TlsSettings(cert=certs.server), upstream_tls=TlsSettings(ca=certs.ca)).validate()
    relay(tls=TlsSettings(self_signed=True)).validate()
    relay(upstream_tls=TlsSettings()).validate()  # the system store, verified


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            relay(tls=TlsSettings()),
            "tls.cert: a TLS server needs a certificate: give the certificate and key files, "
            "or generate a self-signed certificate",
        ),
        (
            relay(upstream_tls=TlsSettings(self_signed=True)),
            "upstream_tls.self_signed: only a server makes a self-signed certificate; a client "
            "verifies it with its CA file",
        ),
        (
            relay(upstream_tls=TlsSettings(sni="bad name")),
            "upstream_tls.sni: 'bad name' is not a host name or IP address",
        ),
        (
            relay(upstream_tls=TlsSettings(min_version="1.0")),
            "upstream_tls.min_version: unknown TLS version '1.0'; use 1.2 or 1.3",
        ),
        (
            relay(relay_udp=True, upstream_tls=TlsSettings()),
            "upstream_tls: TLS is for TCP sessions; UDP has none (DTLS)",
        ),
        (
            relay(relay_udp=True, tls=TlsSettings(self_signed=True)),
            "tls: TLS is for TCP sessions; UDP has none (DTLS)",
        ),
        (
            SessionConfig(kind=Kind.TCP_CLIENT, remote_port=1, upstream_tls=TlsSettings()),
            "upstream_tls: only a relay has a server leg; a TCP client's TLS settings are its tls",
        ),
        (
            relay(upstream_tls={"ca": "x"}),  # type: ignore[arg-type]
            "upstream_tls: must be a JSON object (or null for plain TCP)",
        ),
    ],
)
def test_bad_settings_name_their_leg(config, message):
    with pytest.raises(ConfigError, match=r"^(upstream_)?tls") as info:
        config.validate()
    assert str(info.value) == message


def test_a_missing_file_names_the_server_leg(tmp_path):
    missing = tmp_path / "nope.pem"
    with pytest.raises(ConfigError, match=r"^upstream_tls\.ca: cannot read .*nope\.pem"):
        relay(upstream_tls=TlsSettings(ca=str(missing))).validate()


def test_dict_round_trip_and_old_documents_unchanged(certs):
    config = relay(
        tls=TlsSettings(cert=certs.server_cert, key=certs.server_key),
        upstream_tls=TlsSettings(ca=certs.ca, sni="localhost", alpn=["h2"], verify=False),
    )
    data = config.to_dict()
    assert data["upstream_tls"] == {
        "cert": "",
        "key": "",
        "ca": certs.ca,
        "verify": False,
        "sni": "localhost",
        "alpn": ["h2"],
        "min_version": "",
        "self_signed": False,
        "handshake_timeout": 10.0,
    }
    assert data["tls"]["key"] == certs.server_key
    assert SessionConfig.from_dict(data) == config
    data["upstream_tls"]["pin"] = "x"
    with pytest.raises(ConfigError, match=r"^upstream_tls\.pin: unknown setting$"):
        SessionConfig.from_dict(data)
    data["upstream_tls"] = ["not", "an", "object"]
    with pytest.raises(ConfigError, match=r"^upstream_tls: must be a JSON object"):
        SessionConfig.from_dict(data)
    # A plain relay's document has neither key; other kinds' documents are as before.
    assert not {"tls", "upstream_tls"} & set(relay().to_dict())
    assert "upstream_tls" not in SessionConfig(kind=Kind.TCP_CLIENT, remote_port=1).to_dict()


def test_profile_keeps_both_legs_as_paths(certs):
    config = relay(
        tls=TlsSettings(cert=certs.server_cert, key=certs.server_key),
        upstream_tls=TlsSettings(cert=certs.client, ca=certs.ca),
    )
    raw = Profile(name="tls relay", config=config).to_json_bytes()
    assert b"PRIVATE KEY" not in raw
    loaded = Profile.from_dict(json.loads(raw))
    assert loaded.config.tls == config.tls
    assert loaded.config.upstream_tls == config.upstream_tls


def test_the_upstream_warning_names_its_option():
    assert upstream_insecure_warning(None) is None
    assert upstream_insecure_warning(TlsSettings()) is None
    assert upstream_insecure_warning(TlsSettings(verify=False)) == (
        "TLS certificate verification toward the server is off (--upstream-insecure): the "
        "server is not authenticated, and anyone in between can read and change the traffic"
    )
