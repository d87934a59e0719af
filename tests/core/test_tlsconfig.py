"""TLS settings: checks in words naming the field, the profile round trip, files never blocking."""

from __future__ import annotations

import json
import os

import pytest

from netassistant.core.config import ConfigError, Kind, SessionConfig
from netassistant.core.profiles.model import Profile
from netassistant.core.tlsconfig import TlsSettings
from tests.tlscerts import Certs, make_certs


@pytest.fixture
def certs(tmp_path) -> Certs:
    return make_certs(tmp_path)


def client(**tls) -> SessionConfig:
    return SessionConfig(kind=Kind.TCP_CLIENT, remote_port=443, tls=TlsSettings(**tls))


def server(**tls) -> SessionConfig:
    return SessionConfig(kind=Kind.TCP_SERVER, tls=TlsSettings(**tls))


def test_good_settings_pass(certs):
    server(cert=certs.server_cert, key=certs.server_key, ca=certs.ca, alpn=["h2"]).validate()
    client(ca=certs.ca, cert=certs.client, sni="localhost", min_version="1.3").validate()
    server(self_signed=True).validate()


def test_missing_certificate_file_names_the_field(tmp_path):
    missing = str(tmp_path / "nope.pem")
    with pytest.raises(ConfigError, match=r"^tls\.cert: cannot read ") as info:
        server(cert=missing).validate()
    assert info.value.field == "tls.cert"
    assert str(info.value) == f"tls.cert: cannot read {missing}: it does not exist"


def test_key_that_does_not_match_the_certificate(certs):
    with pytest.raises(ConfigError, match="does not match") as info:
        server(cert=certs.server_cert, key=certs.other_key).validate()
    assert str(info.value) == (
        f"tls.key: the key {certs.other_key} does not match the certificate "
        f"{certs.server_cert}: choose the key made with that certificate"
    )


def test_a_fifo_as_ca_file_is_refused_without_blocking(certs, tmp_path):
    fifo = str(tmp_path / "ca.fifo")
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="FIFO") as info:
        client(ca=fifo).validate()
    assert str(info.value) == (
        f"tls.ca: cannot read {fifo}: a named pipe (FIFO), not a regular file"
    )


def test_a_ca_file_without_certificates(tmp_path):
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n")
    with pytest.raises(ConfigError, match="no CA certificate") as info:
        client(ca=str(junk)).validate()
    assert str(info.value) == (
        f"tls.ca: {junk} holds no CA certificate (PEM or DER) that can be loaded"
    )


def test_a_certificate_file_that_is_not_pem(tmp_path, certs):
    with pytest.raises(ConfigError, match="holds no PEM certificate") as info:
        server(cert=certs.server_key).validate()
    assert str(info.value) == (
        f"tls.cert: {certs.server_key} holds no PEM certificate (-----BEGIN CERTIFICATE-----)"
    )


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            server(),
            "tls.cert: a TLS server needs a certificate: give the certificate and key files, "
            "or generate a self-signed certificate",
        ),
        (
            client(self_signed=True),
            "tls.self_signed: only a server makes a self-signed certificate; a client "
            "verifies it with its CA file",
        ),
        (client(min_version="1.1"), "tls.min_version: unknown TLS version '1.1'; use 1.2 or 1.3"),
        (
            client(alpn=["h2", "bad name"]),
            "tls.alpn: 'bad name' is not a protocol name (printable ASCII without spaces or "
            "commas, e.g. h2 or http/1.1)",
        ),
        (client(sni="bad name"), "tls.sni: 'bad name' is not a host name or IP address"),
        (
            client(key="k.pem"),
            "tls.key: a key needs its certificate: give the certificate file too",
        ),
        (
            client(handshake_timeout=0),
            "tls.handshake_timeout: must be between 0 and 600 seconds",
        ),
        (
            SessionConfig(kind=Kind.UDP, tls=TlsSettings()),
            "tls: TLS is for TCP sessions; UDP has none (DTLS)",
        ),
    ],
)
def test_bad_settings_say_what_is_wrong(config, message):
    with pytest.raises(ConfigError, match=r"^tls") as info:
        config.validate()
    assert str(info.value) == message


def test_round_trip_through_a_dict_and_unknown_keys(certs):
    config = client(ca=certs.ca, alpn=["h2", "http/1.1"], verify=False, sni="localhost")
    data = config.to_dict()
    assert data["tls"] == {
        "cert": "",
        "key": "",
        "ca": certs.ca,
        "verify": False,
        "sni": "localhost",
        "alpn": ["h2", "http/1.1"],
        "min_version": "",
        "self_signed": False,
        "handshake_timeout": 10.0,
    }
    assert SessionConfig.from_dict(data) == config
    data["tls"]["pin"] = "x"
    with pytest.raises(ConfigError, match=r"^tls\.pin: unknown setting$"):
        SessionConfig.from_dict(data)
    # Plain TCP documents stay as they were.
    assert "tls" not in SessionConfig(kind=Kind.TCP_CLIENT, remote_port=1).to_dict()


def test_profile_keeps_paths_never_key_contents_and_loads_with_the_file_gone(certs, tmp_path):
    config = server(cert=certs.server_cert, key=certs.server_key)
    profile = Profile(name="tls server", config=config)
    raw = profile.to_json_bytes()
    assert certs.server_key.encode() in raw
    assert b"PRIVATE KEY" not in raw
    os.remove(certs.server_key)
    loaded = Profile.from_dict(json.loads(raw))
    assert loaded.config.tls == config.tls
    with pytest.raises(ConfigError, match=r"^tls\.key: cannot read "):
        loaded.config.validate()


def test_settings_behave_as_the_dataclass_they_were():
    # A Record since the window imports this at start: fields, defaults, equality, repr.
    first, second = TlsSettings(), TlsSettings()
    first.alpn.append("h2")
    assert second.alpn == [], "each settings object has its own ALPN list"
    assert first == TlsSettings(alpn=["h2"])
    assert first != second
    assert repr(second) == (
        "TlsSettings(cert='', key='', ca='', verify=True, sni='', alpn=[], min_version='', "
        "self_signed=False, handshake_timeout=10.0)"
    )
    assert TlsSettings.from_dict(first.to_dict()) == first
    assert first.to_dict()["alpn"] is not first.alpn
    # An explicit null is still an error, not an empty list.
    config = client(alpn=None)
    with pytest.raises(ConfigError, match=r"^tls\.alpn: must be a list of protocol names$"):
        config.validate()
