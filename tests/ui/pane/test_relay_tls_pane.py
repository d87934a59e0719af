"""The relay pane's two TLS boxes: their settings, a profile's round trip, a real TLS relay."""

from __future__ import annotations

import contextlib
import socket
import ssl

import pytest

from netassistant.core.chunk import ConnEvent, EventKind
from netassistant.core.config import ConfigError, Kind
from netassistant.core.profiles.model import Profile
from netassistant.core.stats import SessionState
from netassistant.core.tlsconfig import TlsSettings
from netassistant.ui.pane.relaypane import RelayPane
from tests.helpers import TIMEOUT, running
from tests.tlscerts import Certs, make_certs
from tests.ui.helpers import undescribed

WAIT_MS = int(TIMEOUT * 1000)


@pytest.fixture
def certs(tmp_path) -> Certs:
    return make_certs(tmp_path)


@pytest.fixture
def pane(qtbot) -> RelayPane:
    relay = RelayPane()
    qtbot.addWidget(relay)
    return relay


def test_two_boxes_one_per_leg_start_off(pane):
    client_box = pane.settings.tls_box
    assert client_box is not None
    assert client_box.title() == "TLS toward clients"
    assert pane.upstream_tls.title() == "TLS toward the server"
    assert pane.upstream_tls.objectName() == "upstreamTlsBox"
    # The relay is the TLS server of its clients: self-signed is offered there only.
    assert not client_box.self_signed.isHidden()
    assert pane.upstream_tls.self_signed.isHidden()
    assert pane.upstream_tls.system_store.isVisibleTo(pane.upstream_tls)
    config = pane.config()
    assert (config.tls, config.upstream_tls) == (None, None)
    assert undescribed(pane.upstream_tls) == []
    # The server leg's box sits right under the client leg's.
    layout = pane.settings.layout()
    assert layout.indexOf(pane.upstream_tls) == layout.indexOf(client_box) + 1


def test_both_legs_round_trip_through_a_profile(qtbot, pane, certs):
    assert pane.settings.tls_box is not None
    client_leg = TlsSettings(cert=certs.server_cert, key=certs.server_key, alpn=["h2"])
    server_leg = TlsSettings(ca=certs.ca, sni="localhost", min_version="1.3")
    pane.settings.tls_box.set_settings(client_leg)
    pane.upstream_tls.set_settings(server_leg)
    config = pane.config()
    assert config.tls == client_leg
    assert config.upstream_tls == server_leg
    profile = pane.profile("tls relay")
    again = Profile.from_dict(profile.to_dict())
    other = RelayPane()
    qtbot.addWidget(other)
    other.apply_profile(again)
    assert other.config().tls == client_leg
    assert other.config().upstream_tls == server_leg
    assert other.upstream_tls.isChecked()
    # Off again: a plain relay's profile has no TLS keys.
    other.upstream_tls.set_settings(None)
    other.settings.tls_box.set_settings(None)  # type: ignore[union-attr]
    assert not {"tls", "upstream_tls"} & set(other.config().to_dict())


def test_a_bad_server_leg_setting_is_named_with_its_box(pane, tmp_path):
    missing = tmp_path / "missing.pem"
    pane.upstream_tls.set_settings(TlsSettings(ca=str(missing)))
    with pytest.raises(ConfigError, match=r"^upstream_tls\.ca: cannot read"):
        pane.config()
    assert pane.settings.error_label.text() == (
        f"TLS toward the server: CA file: cannot read {missing}: it does not exist"
    )
    pane.upstream_tls.set_settings(TlsSettings(verify=False))
    pane.config()
    assert pane.upstream_tls.warning.text() == (
        "TLS certificate verification toward the server is off (--upstream-insecure): the "
        "server is not authenticated, and anyone in between can read and change the traffic"
    )


def test_a_udp_relay_hides_the_tls_boxes_and_has_no_tls(pane, certs):
    pane.settings.tls_box.set_settings(TlsSettings(cert=certs.server))  # type: ignore[union-attr]
    pane.upstream_tls.set_settings(TlsSettings(ca=certs.ca))
    pane.relay_box.udp.setChecked(True)
    assert pane.upstream_tls.isHidden()
    assert pane.settings.tls_box.isHidden()  # type: ignore[union-attr]
    config = pane.config()
    assert (config.relay_udp, config.tls, config.upstream_tls) == (True, None, None)
    pane.relay_box.udp.setChecked(False)
    assert not pane.upstream_tls.isHidden()
    assert pane.config().upstream_tls == TlsSettings(ca=certs.ca)


def test_a_tls_relay_session_shows_each_legs_handshake(qtbot, pane, certs):
    upstream = TlsSettings(cert=certs.server)
    with running(
        pane.config().replace(kind=Kind.TCP_SERVER, local_port=0, tls=upstream, remote_port=0)
    ) as srv:
        pane.settings.local_port.setValue(0)
        pane.settings.remote_port.setValue(srv.engine.port)  # type: ignore[attr-defined]
        pane.settings.tls_box.set_settings(TlsSettings(cert=certs.server))  # type: ignore[union-attr]
        pane.upstream_tls.set_settings(TlsSettings(ca=certs.ca))
        ctl = pane.controller
        assert pane.start()
        try:
            qtbot.waitUntil(lambda: ctl.state is SessionState.LISTENING, timeout=WAIT_MS)
            assert not pane.upstream_tls.isEnabled()
            context = ssl.create_default_context(cafile=certs.ca)
            raw = socket.create_connection(("127.0.0.1", ctl.local_port), timeout=TIMEOUT)
            with (
                contextlib.closing(raw),
                context.wrap_socket(
                    raw, server_hostname="localhost", do_handshake_on_connect=False
                ) as client,
            ):
                # The handshake needs the GUI thread to keep running (back-pressure).
                client.setblocking(False)

                def handshake_done() -> bool:
                    try:
                        client.do_handshake()
                    except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
                        return False
                    return True

                qtbot.waitUntil(handshake_done, timeout=WAIT_MS)
                client.settimeout(TIMEOUT)
                client.sendall(b"secret")
                assert srv.wait_rx_bytes(6) == b"secret"
                srv.engine.send(b"reply!")
                client.setblocking(False)
                pieces: list[bytes] = []

                def received() -> bool:
                    with contextlib.suppress(ssl.SSLWantReadError):
                        pieces.append(client.recv(100))
                    return sum(map(len, pieces)) >= 6

                qtbot.waitUntil(received, timeout=WAIT_MS)
                assert pieces == [b"reply!"]
                status = pane.tls_status
                assert status is not None
                qtbot.waitUntil(lambda: "server leg" in status.text(), timeout=WAIT_MS)
                qtbot.waitUntil(lambda: "client leg" in status.text(), timeout=WAIT_MS)
                assert status.isVisibleTo(pane)
                text = status.text()
                assert text.startswith("TLS client leg: TLSv1.3, ")
                assert ", peer without certificate · TLS server leg: TLSv1.3, " in text
                assert text.endswith(" · rows are TLS records as read, not TCP segments")
                assert len(status.toolTip().splitlines()) == 2
                model = pane.receive.model
                rows = [model.chunk_at(r) for r in range(model.rowCount())]
                legs = [
                    e.detail["leg"]
                    for e in rows
                    if isinstance(e, ConnEvent) and e.kind is EventKind.TLS and e.detail
                ]
                assert sorted(legs) == ["client", "server"]
        finally:
            assert pane.shutdown()
    assert pane.upstream_tls.isEnabled()
