"""The TLS section of a TCP client, server or relay pane's settings column.

A checkable group box: checked means the session speaks TLS with these settings
(:class:`~netassistant.core.tlsconfig.TlsSettings`). Verification turned off on a client
is shown in red with a warning, as the CLI prints one.

A relay pane has two: "TLS toward clients" (the relay is their TLS server: ``tls``) and
"TLS toward the server" (``upstream=True``: the relay is the TLS client, ``upstream_tls``).
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from netassistant.core.config import ConfigError, Kind
from netassistant.core.i18n import text
from netassistant.core.tlsconfig import TlsSettings, insecure_warning
from netassistant.qt.coremessages import tr_core
from netassistant.ui.widgets import decorate, select_data

#: The minimum-version choices, as stored (``""`` is the library's default).
_VERSIONS = ("", "1.2", "1.3")
_RED = "color: #b00020;"


class TlsBox(QGroupBox):
    """TLS settings of one TCP pane or relay leg (a checkable group: unchecked is plain TCP).

    Attributes:
        kind: TCP server, client or relay (fixed for the pane's life).
        upstream: A relay's server leg (the relay is the TLS client there).
        field: The config field it fills: ``tls``, or ``upstream_tls`` for a server leg.
    """

    def __init__(
        self, kind: Kind, parent: QWidget | None = None, *, upstream: bool = False
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.upstream = upstream
        self.field = "upstream_tls" if upstream else "tls"
        # A relay is the TLS server of its client leg.
        self._server = kind in (Kind.TCP_SERVER, Kind.RELAY) and not upstream
        if kind is Kind.RELAY:
            self.setTitle(
                self.tr("TLS toward the server") if upstream else self.tr("TLS toward clients")
            )
        else:
            self.setTitle(self.tr("TLS"))
        self.setCheckable(True)
        self.setChecked(False)
        self._build()
        self._connect_signals()
        self._update()

    # ------------------------------------------------------------------ layout
    def _file_row(self, line: QLineEdit, title: str) -> QWidget:
        """``line`` with a "…" button that picks a file for it."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(line, 1)
        button = QToolButton()
        button.setText("…")
        decorate(button, f"{line.objectName()}Browse", title, title)
        button.clicked.connect(lambda: self._browse(line, title))
        layout.addWidget(button)
        return row

    def _build(self) -> None:
        self.cert = decorate(
            QLineEdit(),
            "tlsCert",
            self.tr("Certificate file"),
            self.tr("PEM certificate (its chain may follow; the key may be in the same file)")
            if self._server
            else self.tr("Client certificate (PEM), only if the server asks for one"),
        )
        self.key = decorate(
            QLineEdit(),
            "tlsKey",
            self.tr("Private key file"),
            self.tr("PEM private key, unless it is in the certificate file"),
        )
        self.ca = decorate(
            QLineEdit(),
            "tlsCa",
            self.tr("CA file"),
            self.tr("CA certificates (PEM): clients must present a certificate they signed")
            if self._server
            else self.tr("CA certificates (PEM) the server's certificate must chain to"),
        )
        self.system_store = decorate(
            QCheckBox(self.tr("Use the system's CA store")),
            "tlsSystemStore",
            self.tr("Use the system's CA store"),
            self.tr("Trust the CAs this system trusts instead of a CA file"),
        )
        self.verify = decorate(
            QCheckBox(
                self.tr("Require a client certificate")
                if self._server
                else self.tr("Verify the server's certificate")
            ),
            "tlsVerify",
            self.tr("Verify"),
            self.tr("With a CA file: refuse clients without a certificate it signed")
            if self._server
            else self.tr("Check the certificate's CA, dates and host name; off is insecure"),
        )
        self.warning = QLabel()
        self.warning.setObjectName("tlsWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(_RED)
        self.sni = decorate(
            QLineEdit(),
            "tlsSni",
            self.tr("Server name (SNI)"),
            self.tr("Name sent to the server and checked in its certificate"),
        )
        self.sni.setPlaceholderText(self.tr("the remote host"))
        self.alpn = decorate(
            QLineEdit(),
            "tlsAlpn",
            self.tr("ALPN protocols"),
            self.tr("Application protocols, comma-separated, e.g. h2, http/1.1"),
        )
        self.alpn.setPlaceholderText(self.tr("e.g. h2, http/1.1"))
        self.min_version = decorate(
            QComboBox(),
            "tlsMinVersion",
            self.tr("Minimum TLS version"),
            self.tr("The lowest TLS version this side accepts"),
        )
        for value, label in zip(
            _VERSIONS, (self.tr("library default"), "TLS 1.2", "TLS 1.3"), strict=True
        ):
            self.min_version.addItem(label, value)
        self.self_signed = decorate(
            QCheckBox(self.tr("Generate a self-signed certificate")),
            "tlsSelfSigned",
            self.tr("Generate a self-signed certificate"),
            self.tr(
                "Make a certificate for localhost, 127.0.0.1 and ::1 at start (30 days); its "
                "SHA-256 fingerprint is shown in the log"
            ),
        )

        form = QFormLayout(self)
        if self._server:
            form.addRow(self.self_signed)
        form.addRow(self.tr("Certificate"), self._file_row(self.cert, self.tr("Certificate file")))
        form.addRow(self.tr("Private key"), self._file_row(self.key, self.tr("Private key file")))
        if not self._server:
            form.addRow(self.system_store)
        form.addRow(
            self.tr("Client CA") if self._server else self.tr("CA file"),
            self._file_row(self.ca, self.tr("CA file")),
        )
        form.addRow(self.verify)
        form.addRow(self.warning)
        if not self._server:
            form.addRow(self.tr("SNI"), self.sni)
        form.addRow(self.tr("ALPN"), self.alpn)
        form.addRow(self.tr("Min. version"), self.min_version)
        self.setObjectName("upstreamTlsBox" if self.upstream else "tlsBox")

    def _connect_signals(self) -> None:
        self.toggled.connect(self._update)
        self.verify.toggled.connect(self._update)
        self.system_store.toggled.connect(self._update)
        self.self_signed.toggled.connect(self._update)
        self.ca.textChanged.connect(self._update)

    @Slot()
    def _update(self) -> None:
        """Grey out what does not apply; say so loudly when verification is off."""
        self.ca.setEnabled(self._server or not self.system_store.isChecked())
        # A server asks for client certificates only with a CA file to check them against.
        self.verify.setEnabled(not self._server or bool(self.ca.text().strip()))
        for line in (self.cert, self.key):
            line.setEnabled(not (self._server and self.self_signed.isChecked()))
        insecure = self.isChecked() and not self._server and not self.verify.isChecked()
        self.verify.setStyleSheet(_RED if insecure else "")
        if insecure:
            off = TlsSettings(verify=False)
            warning = (
                _upstream_insecure_warning(off)
                if self.upstream
                else insecure_warning(off, server=False)
            )
            self.warning.setText(tr_core(warning or ""))
        self.warning.setVisible(insecure)

    def _browse(self, line: QLineEdit, title: str) -> None:
        from PySide6.QtWidgets import QFileDialog  # built by PySide at first use, not at start-up

        path, _filter = QFileDialog.getOpenFileName(
            self,
            title,
            line.text(),
            self.tr("Certificates and keys (*.pem *.crt *.key *.cer);;All files (*)"),
        )
        if path:
            line.setText(path)

    # ------------------------------------------------------------------ values
    def settings(self) -> TlsSettings | None:
        """The TLS settings, or None when TLS is off (not validated here).

        Raises:
            ConfigError: a client that uses neither a CA file nor the system store.
        """
        if not self.isChecked():
            return None
        ca = self.ca.text().strip()
        if not self._server and self.system_store.isChecked():
            ca = ""
        elif not self._server and not ca and self.verify.isChecked():
            raise ConfigError(
                f"{self.field}.ca", text("choose a CA file, or use the system's CA store")
            )
        return TlsSettings(
            cert="" if self._server and self.self_signed.isChecked() else self.cert.text().strip(),
            key="" if self._server and self.self_signed.isChecked() else self.key.text().strip(),
            ca=ca,
            verify=self.verify.isChecked(),
            sni="" if self._server else self.sni.text().strip(),
            alpn=[name.strip() for name in self.alpn.text().split(",") if name.strip()],
            min_version=str(self.min_version.currentData()),
            self_signed=self._server and self.self_signed.isChecked(),
        )

    def set_settings(self, tls: TlsSettings | None) -> None:
        """Show ``tls`` (None: TLS off, the fields keep their defaults)."""
        tls_on = tls is not None
        tls = tls or TlsSettings()
        self.setChecked(tls_on)
        self.cert.setText(tls.cert)
        self.key.setText(tls.key)
        self.ca.setText(tls.ca)
        self.system_store.setChecked(not self._server and not tls.ca)
        self.verify.setChecked(tls.verify)
        self.sni.setText(tls.sni)
        self.alpn.setText(", ".join(tls.alpn))
        select_data(self.min_version, tls.min_version)
        self.self_signed.setChecked(tls.self_signed)
        self._update()

    def field_labels(self) -> dict[str, str]:
        """Labels of the TLS fields by their config name, for error messages.

        A relay's boxes put their title first ("TLS toward the server: CA file"): both
        have a CA file.
        """
        labels = {
            "": self.tr("TLS"),
            ".cert": self.tr("Certificate"),
            ".key": self.tr("Private key"),
            ".ca": self.tr("Client CA") if self._server else self.tr("CA file"),
            ".sni": self.tr("SNI"),
            ".alpn": self.tr("ALPN"),
            ".min_version": self.tr("Min. version"),
            ".self_signed": self.tr("Generate a self-signed certificate"),
            ".verify": self.tr("Verify"),
            ".handshake_timeout": self.tr("TLS"),
        }
        if self.kind is Kind.RELAY:
            title = self.title()
            labels = {
                name: title
                if not name
                else self.tr("%1: %2").replace("%1", title).replace("%2", label)
                for name, label in labels.items()
            }
        return {self.field + name: label for name, label in labels.items()}


def _upstream_insecure_warning(off: TlsSettings) -> str | None:
    # Imported here: only a relay's upstream box needs it (start-up loads no relay code).
    from netassistant.core.relay.upstreamtls import upstream_insecure_warning

    return upstream_insecure_warning(off)
