"""The TLS box of TCP panes, and a TLS session's handshake in the log and the status line."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from netassistant.core.chunk import ConnEvent, EventKind
from netassistant.core.config import ConfigError, Kind
from netassistant.core.stats import SessionState
from netassistant.core.tlsconfig import TlsSettings
from netassistant.ui.pane.pane import SessionPane
from netassistant.ui.pane.settingspanel import SettingsPanel
from netassistant.ui.pane.tlsbox import TlsBox
from tests.helpers import TIMEOUT
from tests.tlscerts import Certs, make_certs
from tests.ui.helpers import undescribed

WAIT_MS = int(TIMEOUT * 1000)


@pytest.fixture
def certs(tmp_path) -> Certs:
    return make_certs(tmp_path)


def test_udp_has_no_tls_box_and_tcp_panes_start_with_tls_off(hosted):
    assert hosted(lambda host: SettingsPanel(Kind.UDP, host)).tls_box is None
    for kind in (Kind.TCP_CLIENT, Kind.TCP_SERVER):
        panel = hosted(lambda host, kind=kind: SettingsPanel(kind, host))
        assert panel.tls_box is not None
        assert not panel.tls_box.isChecked()
        assert panel.config().tls is None
        assert undescribed(panel.tls_box) == []


@pytest.mark.parametrize(
    ("kind", "tls"),
    [
        (
            Kind.TCP_CLIENT,
            TlsSettings(
                ca="/x/ca.pem", sni="localhost", alpn=["h2", "http/1.1"], min_version="1.3"
            ),
        ),
        (Kind.TCP_CLIENT, TlsSettings(verify=False, cert="/x/c.pem", key="/x/k.pem")),
        (Kind.TCP_SERVER, TlsSettings(self_signed=True, alpn=["echo"])),
        (Kind.TCP_SERVER, TlsSettings(cert="/x/s.pem", ca="/x/ca.pem", verify=False)),
    ],
)
def test_the_box_round_trips_its_settings(hosted, kind, tls):
    box = hosted(lambda host: TlsBox(kind, host))
    box.set_settings(tls)
    assert box.settings() == tls
    box.set_settings(None)
    assert box.settings() is None


def test_verification_off_is_red_with_a_warning(hosted):
    box = hosted(lambda host: TlsBox(Kind.TCP_CLIENT, host))
    box.set_settings(TlsSettings())
    warning = box.findChild(QLabel, "tlsWarning")
    assert not warning.isVisibleTo(box)
    box.verify.setChecked(False)
    assert warning.isVisibleTo(box)
    assert warning.text() == (
        "TLS certificate verification is off (--insecure): the server is not authenticated, "
        "and anyone in between can read and change the traffic"
    )
    assert "#b00020" in box.verify.styleSheet()
    box.verify.setChecked(True)
    assert not warning.isVisibleTo(box)
    assert box.verify.styleSheet() == ""


def test_self_signed_greys_out_the_certificate_and_the_system_store_the_ca(hosted):
    server = hosted(lambda host: TlsBox(Kind.TCP_SERVER, host))
    server.set_settings(TlsSettings(cert="/x/s.pem"))
    server.self_signed.setChecked(True)
    assert not server.cert.isEnabled()
    assert not server.key.isEnabled()
    # "Require a client certificate" means something only with a CA to check it against.
    assert not server.verify.isEnabled()
    server.ca.setText("/x/ca.pem")
    assert server.verify.isEnabled()
    client = hosted(lambda host: TlsBox(Kind.TCP_CLIENT, host))
    client.set_settings(TlsSettings())
    assert client.system_store.isChecked()
    assert not client.ca.isEnabled()
    client.system_store.setChecked(False)
    with pytest.raises(ConfigError, match="choose a CA file"):
        client.settings()


def test_a_missing_certificate_is_named_inline(hosted, tmp_path):
    panel = hosted(lambda host: SettingsPanel(Kind.TCP_SERVER, host))
    assert panel.tls_box is not None
    missing = tmp_path / "missing.pem"
    panel.tls_box.set_settings(TlsSettings(cert=str(missing)))
    with pytest.raises(ConfigError, match="cannot read"):
        panel.config()
    assert panel.error_label.text() == f"Certificate: cannot read {missing}: it does not exist"


def start(qtbot, pane: SessionPane, state: SessionState) -> None:
    assert pane.start()
    qtbot.waitUntil(lambda: pane.controller.state is state, timeout=WAIT_MS)


def test_handshake_shown_in_the_log_and_the_status_line(qtbot, certs):
    server = SessionPane(Kind.TCP_SERVER)
    client = SessionPane(Kind.TCP_CLIENT)
    for pane in (server, client):
        qtbot.addWidget(pane)
    server.settings.local_port.setValue(0)
    server.settings.set_config(
        server.config().replace(local_port=0, tls=TlsSettings(cert=certs.server))
    )
    try:
        start(qtbot, server, SessionState.LISTENING)
        client.settings.set_config(
            client.config().replace(
                remote_port=server.controller.local_port,
                tls=TlsSettings(ca=certs.ca, alpn=["x"]),
            )
        )
        with qtbot.waitSignal(client.controller.tls_handshake, timeout=WAIT_MS) as blocker:
            assert client.start()
        event = blocker.args[0]
        assert isinstance(event, ConnEvent)
        assert event.kind is EventKind.TLS
        detail = event.detail
        assert detail is not None
        status = client.tls_status
        assert status is not None
        assert status.isVisibleTo(client)
        assert status.text() == (
            f"TLS: TLSv1.3, {detail['cipher']}, peer {detail['subject']} · rows are TLS "
            "records as read, not TCP segments"
        )
        assert status.toolTip() == event.message
        # The handshake is a row of the log, with its message.
        model = client.receive.model
        qtbot.waitUntil(
            lambda: any(model.chunk_at(r) == event for r in range(model.rowCount())),
            timeout=WAIT_MS,
        )
        assert not client.settings.tls_box.isEnabled()  # type: ignore[union-attr]
    finally:
        assert client.shutdown()
        assert server.shutdown()
    assert not client.tls_status.isVisibleTo(client)  # type: ignore[union-attr]
