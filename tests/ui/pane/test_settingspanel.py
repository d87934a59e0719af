"""SettingsPanel: the widgets round-trip a SessionConfig, and bad settings are shown inline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox

from netassistant.core.config import ConfigError, Family, Kind, SessionConfig, default_config
from netassistant.ui.pane.settingspanel import SettingsPanel
from tests.ui.helpers import undescribed


@pytest.fixture
def make(hosted):
    def build(kind: Kind) -> SettingsPanel:
        return hosted(lambda host: SettingsPanel(kind, host))

    return build


def host_label(panel: SettingsPanel) -> str:
    form = panel.findChild(QGroupBox, "networkSettings").layout()
    assert isinstance(form, QFormLayout)
    return form.labelForField(panel.local_host).text()


def shown(panel: SettingsPanel, *names: str) -> list[bool]:
    return [getattr(panel, name).isVisibleTo(panel) for name in names]


@pytest.mark.parametrize("kind", list(Kind))
def test_a_new_panel_holds_the_kinds_default_config(make, kind):
    assert make(kind).config() == default_config(kind)


@pytest.mark.parametrize(
    "config",
    [
        SessionConfig(
            kind=Kind.TCP_SERVER,
            local_host="0.0.0.0",
            local_port=9100,
            recv_size=16,
            reuseaddr=False,
            rcvbuf=8192,
            sndbuf=4096,
            backlog=3,
            read_delay_ms=400,
            framing="fixed:8",
            encoding="gbk",
        ),
        SessionConfig(
            kind=Kind.TCP_CLIENT,
            family=Family.INET6,
            local_host="::1",
            local_port=40000,
            remote_host="::1",
            remote_port=9100,
            nodelay=True,
            connect_timeout=2.5,
            encoding="cp037",  # not in the list: added so it is not lost
        ),
        SessionConfig(
            kind=Kind.UDP,
            local_port=9002,
            remote_port=9003,
            broadcast=True,
            multicast_group="239.1.2.3",
        ),
        SessionConfig(
            kind=Kind.TCP_SERVER, family=Family.UNIX, local_host="/tmp/na.sock", remote_host=""
        ),
    ],
    ids=["server", "client-inet6", "udp", "unix-server"],
)
def test_set_config_then_config_round_trips(make, config):
    panel = make(config.kind)
    panel.set_config(config)
    # Framing and checksum live in the pane's framing box; the panel is handed them.
    framing = {"framing": config.framing, "checksum": config.checksum}
    assert panel.config(**framing) == config


@pytest.mark.parametrize(
    ("kind", "visible"),
    [
        (Kind.TCP_SERVER, [False, False, True, False, True, False, False]),
        (Kind.TCP_CLIENT, [True, True, False, True, True, False, False]),
        (Kind.UDP, [True, True, False, False, False, True, True]),
    ],
)
def test_each_kind_shows_its_own_rows(make, kind, visible):
    panel = make(kind)
    names = ("remote_host", "remote_port", "backlog", "connect_timeout", "nodelay")
    assert shown(panel, *names, "broadcast", "multicast") == visible


def test_unix_family_asks_for_a_socket_path_and_hides_the_ports(make):
    panel = make(Kind.TCP_CLIENT)
    panel.family.setCurrentIndex(panel.family.findData("unix"))
    assert panel.local_host.currentText() == ""
    assert panel.local_host.count() == 0, "no interface addresses for AF_UNIX"
    assert panel.remote_host.placeholderText() == "/tmp/netassistant.sock"
    assert shown(panel, "local_port", "remote_port") == [False, False]
    assert host_label(panel) == "Socket path"
    panel.family.setCurrentIndex(panel.family.findData("inet6"))
    assert panel.remote_host.text() == "::1", "the loopback follows the family"
    assert panel.local_host.itemText(0) == "::1"
    assert shown(panel, "local_port", "remote_port") == [True, True]
    assert host_label(panel) == "Local host"


@pytest.mark.parametrize(
    ("family", "protocol", "first"),
    [
        (Family.INET, "IPv4Protocol", ["127.0.0.1", "0.0.0.0"]),
        (Family.INET6, "IPv6Protocol", ["::1", "::"]),
    ],
)
def test_the_local_hosts_are_the_machines_addresses_as_qt_lists_them(make, family, protocol, first):
    # Read from netlink (no QtNetwork at start-up): the same addresses, in the same order
    # and spelling (an IPv6 link-local one with its %interface), as Qt's own list.
    from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

    from netassistant.ui.pane.settingspanel import interface_addresses

    wanted = getattr(QAbstractSocket.NetworkLayerProtocol, protocol)
    qt = [a.toString() for a in QNetworkInterface.allAddresses() if a.protocol() == wanted]
    expected = [*first, *(a for a in qt if a not in first)]
    assert interface_addresses(family) == expected
    panel = make(Kind.TCP_SERVER)
    panel.family.setCurrentIndex(panel.family.findData(family.value))
    assert [panel.local_host.itemText(i) for i in range(panel.local_host.count())] == expected


def test_without_netlink_the_local_hosts_come_from_qt(monkeypatch):
    from netassistant.core import localaddresses
    from netassistant.ui.pane.settingspanel import interface_addresses

    before = interface_addresses(Family.INET)
    monkeypatch.setattr(localaddresses.sys, "platform", "darwin")
    assert localaddresses.local_addresses() is None
    assert interface_addresses(Family.INET) == before


def test_a_client_binds_its_local_host_only_with_a_local_port(make):
    panel = make(Kind.TCP_CLIENT)
    panel.local_host.setEditText("127.0.0.1")
    assert panel.config().local_host == ""
    panel.local_port.setValue(40001)
    assert (panel.config().local_host, panel.config().local_port) == ("127.0.0.1", 40001)


def test_a_bad_setting_is_shown_with_the_fields_label_and_raised(make):
    panel = make(Kind.TCP_CLIENT)
    panel.remote_host.setText("bad host!")
    with pytest.raises(ConfigError, match=r"^remote_host: 'bad host!' is not an IP address"):
        panel.config()
    assert panel.error_label.text() == "Remote host: 'bad host!' is not an IP address or host name"
    assert panel.error_label.isVisibleTo(panel)
    panel.remote_host.setText("127.0.0.1")  # typing clears the message
    assert not panel.error_label.isVisibleTo(panel)
    assert panel.error_label.text() == ""


def test_show_errors_false_raises_without_showing(make):
    panel = make(Kind.TCP_CLIENT)
    panel.remote_port.setValue(0)
    with pytest.raises(ConfigError, match=r"^remote_port: 0 is out of range 1\.\.65535$"):
        panel.config(show_errors=False)
    assert not panel.error_label.isVisibleTo(panel)


def test_framing_is_carried_and_checked(make):
    panel = make(Kind.TCP_SERVER)
    assert panel.config(framing="length:!H").framing == "length:!H"
    with pytest.raises(ConfigError, match=r"^framing: "):
        panel.config(framing="length:!II")
    assert panel.error_label.text() == (
        "Framing: '!II' is not a single integer struct format (try !I, <H or B)"
    )


def test_live_options_are_announced_as_they_change(make, qtbot):
    panel = make(Kind.TCP_CLIENT)
    seen: list[tuple[str, object]] = []
    panel.live_option_changed.connect(lambda name, value: seen.append((name, value)))
    panel.recv_size.setValue(512)
    panel.read_delay.setValue(300)
    panel.nodelay.setChecked(True)
    panel.backlog.setValue(2)  # not live: no signal
    assert seen == [("recv_size", 512), ("read_delay_ms", 300), ("nodelay", True)]


@pytest.mark.parametrize(
    ("kind", "labels"),
    [
        (Kind.TCP_SERVER, ("Start listening", "Stop listening")),
        (Kind.TCP_CLIENT, ("Connect", "Disconnect")),
        (Kind.UDP, ("Open", "Close")),
    ],
)
def test_running_locks_the_socket_fields_and_relabels_the_button(make, kind, labels):
    panel = make(kind)
    assert panel.start_button.text() == labels[0]
    panel.set_running(True)
    assert panel.start_button.text() == labels[1]
    locked = ("family", "local_host", "local_port", "remote_host", "backlog", "rcvbuf")
    assert [getattr(panel, n).isEnabled() for n in locked] == [False] * len(locked)
    live = ("recv_size", "read_delay", "nodelay", "encoding", "start_button")
    assert [getattr(panel, n).isEnabled() for n in live] == [True] * len(live)
    panel.set_running(False)
    assert panel.start_button.text() == labels[0]
    assert panel.local_port.isEnabled()


def test_the_button_asks_to_start_or_stop(make, qtbot):
    panel = make(Kind.TCP_SERVER)
    with qtbot.waitSignal(panel.start_stop_clicked, timeout=1000):
        qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)


def test_bound_port_fills_only_an_any_port_bind(make):
    panel = make(Kind.UDP)
    panel.local_port.setValue(0)
    panel.set_bound_port(53124)
    assert panel.local_port.value() == 53124
    panel.set_bound_port(60000)  # a port the user chose is never overwritten
    assert panel.local_port.value() == 53124


@pytest.mark.parametrize("kind", list(Kind))
def test_controls_are_named_and_described(make, kind):
    assert undescribed(make(kind)) == []
