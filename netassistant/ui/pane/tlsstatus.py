"""The TLS part of a pane's status line: what the handshake agreed, and what a row is.

Shown only while a TLS session runs. Over TLS each received row is the plaintext of one
``SSLSocket.recv()``: its boundaries are TLS records as read, not TCP segments, and the
label says so, so nobody reads segment sizes into them. A relay shows each leg's newest
handshake (its TLS events say their ``leg``).
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from netassistant.core.chunk import ConnEvent
from netassistant.core.config import SessionConfig
from netassistant.core.stats import SessionState
from netassistant.qt.coremessages import tr_core

_RUNNING = (
    SessionState.STARTING,
    SessionState.LISTENING,
    SessionState.CONNECTING,
    SessionState.CONNECTED,
)


class TlsStatus(QLabel):
    """One line: "TLS: TLSv1.3, TLS_AES_256_GCM_SHA384, peer CN=… · rows are TLS records".

    The whole handshake message (issuer, expiry, fingerprint) is in the tooltip.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tlsStatus")
        self._tls_on = False
        #: What the newest handshake agreed, by leg ("" outside a relay), and its message.
        self._agreed: dict[str, tuple[str, str]] = {}
        # A long peer name is clipped (the tooltip has it all), never widens the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hide()

    def _records_note(self) -> str:
        return self.tr("rows are TLS records as read, not TCP segments")

    def follow_state(self, state: SessionState, config: SessionConfig | None) -> None:
        """Show the label while a TLS session runs; forget the last handshake at a start."""
        tls_on = (
            config is not None
            and (config.tls is not None or config.upstream_tls is not None)
            and state in _RUNNING
        )
        if tls_on and not self._tls_on:
            self._agreed = {}
            self.setToolTip("")
        self._tls_on = tls_on
        self._show()
        self.setVisible(tls_on)

    @Slot(object)
    def show_handshake(self, event: ConnEvent) -> None:
        """Show what a TLS handshake agreed (the newest one, for a server with many clients)."""
        detail = event.detail or {}
        if not detail.get("version"):
            return  # a server's own self-signed certificate, not a handshake
        subject = detail.get("subject")
        peer = str(subject) if subject else self.tr("without certificate")
        leg = str(detail.get("leg") or "")
        if leg == "client":
            template = self.tr("TLS client leg: %1, %2, peer %3")
        elif leg == "server":
            template = self.tr("TLS server leg: %1, %2, peer %3")
        else:
            template = self.tr("TLS: %1, %2, peer %3")
        agreed = (
            template.replace("%1", str(detail["version"]))
            .replace("%2", str(detail.get("cipher")))
            .replace("%3", peer)
        )
        self._agreed[leg] = (agreed, tr_core(event.message))
        self.setToolTip("\n".join(message for _, message in self._ordered()))
        self._show()

    def _ordered(self) -> list[tuple[str, str]]:
        return [self._agreed[leg] for leg in ("", "client", "server") if leg in self._agreed]

    def _show(self) -> None:
        parts = [agreed for agreed, _ in self._ordered()] or [self.tr("TLS on")]
        line = parts[0]
        for part in [*parts[1:], self._records_note()]:
            line = self.tr("%1 · %2").replace("%2", part).replace("%1", line)
        self.setText(line)
