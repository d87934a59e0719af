"""AddressingOptions: dual-stack, each datagram's destination, multicast TTL/loop/interface.

A row of the settings column's socket options (the settings panel adds it and passes
the values through :meth:`AddressingOptions.fill` and :meth:`set_config`). Dual-stack
shows for inet6 servers and UDP; the rest for UDP only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from netassistant.core.config import Family, Kind, SessionConfig
from netassistant.ui.widgets import decorate


class AddressingOptions(QWidget):
    """The addressing settings of one pane (see the module docstring)."""

    def __init__(self, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.dual_stack = QCheckBox(self.tr("Dual-stack: IPv4 and IPv6 on ::"))
        self.pktinfo = QCheckBox(self.tr("Show destination address"))
        self.multicast_loop = QCheckBox(self.tr("Multicast loopback"))
        self.multicast_loop.setChecked(True)
        self.multicast_ttl = QSpinBox()
        self.multicast_ttl.setRange(0, 255)
        self.multicast_ttl.setSpecialValueText(self.tr("system default"))
        self.multicast_if = QComboBox()
        self.multicast_if.addItem(self.tr("system default"), "")
        if kind is Kind.UDP:
            # Only UDP shows and sends by this choice: the machine's interfaces (and the
            # socket module) are not looked up for a TCP pane.
            from netassistant.core.addressing import interfaces

            for item in interfaces():
                self.multicast_if.addItem(item.name, item.name)
        self._ttl_label = QLabel(self.tr("Multicast TTL"))
        self._if_label = QLabel(self.tr("Multicast send via"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.dual_stack)
        form.addRow(self.pktinfo)
        form.addRow(self.multicast_loop)
        form.addRow(self._ttl_label, self.multicast_ttl)
        form.addRow(self._if_label, self.multicast_if)
        udp = kind is Kind.UDP
        for widget in (
            self.pktinfo,
            self.multicast_loop,
            self.multicast_ttl,
            self.multicast_if,
            self._ttl_label,
            self._if_label,
        ):
            widget.setVisible(udp)
        decorate(
            self.dual_stack,
            "dualStack",
            self.tr("Dual-stack"),
            self.tr(
                "IPV6_V6ONLY off: a socket on :: also takes IPv4 peers, shown as 127.0.0.1:port"
            ),
        )
        decorate(
            self.pktinfo,
            "pktinfo",
            self.tr("Destination address"),
            self.tr(
                "Show the address and interface each datagram was sent to (IP_PKTINFO), "
                "e.g. 239.1.2.3:5000%eth0, as the row's local address; slower than the "
                "default batched receive"
            ),
        )
        decorate(
            self.multicast_loop,
            "multicastLoop",
            self.tr("Multicast loopback"),
            self.tr("Our own multicast sends are also delivered to this machine"),
        )
        decorate(
            self.multicast_ttl,
            "multicastTtl",
            self.tr("Multicast TTL"),
            self.tr("How many routers a multicast datagram may cross (hop limit for IPv6)"),
        )
        decorate(
            self.multicast_if,
            "multicastSendVia",
            self.tr("Multicast send via"),
            self.tr("The interface multicast datagrams are sent out of"),
        )
        self.set_family(Family.INET)

    def set_family(self, family: Family) -> None:
        """Dual-stack is an inet6 choice (and not a client's)."""
        self.dual_stack.setVisible(family is Family.INET6 and self.kind is not Kind.TCP_CLIENT)

    def fill(self, config: SessionConfig, family: Family) -> None:
        """Put the chosen values into ``config`` (before it is validated)."""
        config.dual_stack = (
            self.dual_stack.isChecked()
            and family is Family.INET6
            and self.kind is not Kind.TCP_CLIENT
        )
        if self.kind is Kind.UDP and family is not Family.UNIX:
            config.pktinfo = self.pktinfo.isChecked()
            config.multicast_loop = self.multicast_loop.isChecked()
            config.multicast_ttl = self.multicast_ttl.value()
            config.multicast_if = str(self.multicast_if.currentData() or "")

    def set_config(self, config: SessionConfig) -> None:
        """Show ``config``'s values."""
        self.dual_stack.setChecked(config.dual_stack)
        self.pktinfo.setChecked(config.pktinfo)
        self.multicast_loop.setChecked(config.multicast_loop)
        self.multicast_ttl.setValue(config.multicast_ttl)
        index = self.multicast_if.findData(config.multicast_if)
        if index < 0:
            self.multicast_if.addItem(config.multicast_if, config.multicast_if)
            index = self.multicast_if.count() - 1
        self.multicast_if.setCurrentIndex(index)
        self.set_family(config.family)

    def field_labels(self) -> dict[str, str]:
        """Labels of the fields, for a config error shown under the settings."""
        return {
            "dual_stack": self.tr("Dual-stack"),
            "pktinfo": self.tr("Destination address"),
            "multicast_ttl": self.tr("Multicast TTL"),
            "multicast_if": self.tr("Multicast send via"),
            "multicast_joins": self.tr("Multicast group"),
        }
