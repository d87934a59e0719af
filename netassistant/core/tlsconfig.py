"""TLS settings of a stream session, their checks, and the ``ssl.SSLContext`` made from them.

TLS is an option of the stream engines, not a session kind: :class:`TlsSettings` hangs off
:class:`~netassistant.core.config.SessionConfig` (``config.tls``; None means plain TCP).
:func:`build_context` turns it into a context for either side of a connection, so the TCP
client, the TCP server and a relay's two legs all make theirs the same way.

Two checks OpenSSL would make are made by us after the handshake instead
(:mod:`netassistant.core.engine.tls`), because OpenSSL's failure does not say enough: the
host name (ours names the expected and the certificate's names) and the peer certificate's
validity dates (ours names the date). Only the peer's own certificate is checked for dates
that way; the chain above it is still verified by OpenSSL.
"""

from __future__ import annotations

import ipaddress
import re
from typing import TYPE_CHECKING, Any

from netassistant.core.i18n import text
from netassistant.core.records import Record

if TYPE_CHECKING:
    import ssl

#: Certificate, key and CA files are read whole to check them: this bounds the memory.
MAX_PEM_BYTES = 1024 * 1024
#: OpenSSL's X509_V_FLAG_NO_CHECK_TIME (the ssl module has no name for it).
_NO_CHECK_TIME = 0x200000
MIN_VERSIONS = ("", "1.2", "1.3")
_ALPN_RE = re.compile(r"^[\x21-\x2b\x2d-\x7e]{1,255}$")  # printable ASCII, no comma/space
_NAME_RE = re.compile(
    r"^(?=.{1,253}$)[A-Za-z0-9_*](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_-]{1,63})*\.?$"
)


class TlsError(ValueError):
    """A TLS setting is wrong; ``field`` names it (``tls.cert``), the message says what to do.

    Attributes:
        field: The setting at fault, as ``tls.<name>``.
    """

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


#: The default of ``TlsSettings.alpn``: a new empty list each time (an explicit None stays
#: what it was, an error :meth:`TlsSettings.validate` reports).
_NEW_LIST: Any = object()


class TlsSettings(Record):
    """How a stream session speaks TLS (paths only: key contents are never stored).

    A record, not a dataclass: the window's TLS box imports it at start (see
    :mod:`netassistant.core.records`).

    Attributes:
        cert: PEM certificate file (chain allowed); a server needs one unless
            ``self_signed``; for a client it is the client certificate ("" for none).
        key: PEM private key file; "" when the key is in ``cert``.
        ca: PEM CA file the peer's certificate must chain to. "" means the system store
            for a client; for a server a CA file also asks clients for a certificate.
        verify: Check the peer's certificate (client: always; server: the client
            certificate is required when True, optional when False). False is loud.
        sni: Client: the server name sent (SNI) and checked; "" uses the remote host.
        alpn: Protocols offered (client) or accepted (server), e.g. ``["h2", "http/1.1"]``.
        min_version: Lowest TLS version: "1.2", "1.3", or "" for the library's default.
        self_signed: Server: make a self-signed certificate for localhost, 127.0.0.1 and
            ::1 at start (valid 30 days; its SHA-256 fingerprint is logged).
        handshake_timeout: Seconds a handshake may take before the connection is closed.
    """

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "cert",
        "key",
        "ca",
        "verify",
        "sni",
        "alpn",
        "min_version",
        "self_signed",
        "handshake_timeout",
    )
    cert: str
    key: str
    ca: str
    verify: bool
    sni: str
    alpn: list[str]
    min_version: str
    self_signed: bool
    handshake_timeout: float

    def __init__(
        self,
        cert: str = "",
        key: str = "",
        ca: str = "",
        verify: bool = True,
        sni: str = "",
        alpn: list[str] = _NEW_LIST,
        min_version: str = "",
        self_signed: bool = False,
        handshake_timeout: float = 10.0,
    ) -> None:
        self.cert = cert
        self.key = key
        self.ca = ca
        self.verify = verify
        self.sni = sni
        self.alpn = [] if alpn is _NEW_LIST else alpn
        self.min_version = min_version
        self.self_signed = self_signed
        self.handshake_timeout = handshake_timeout

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict."""
        out = {name: getattr(self, name) for name in self.__slots__}
        out["alpn"] = list(self.alpn)
        return out

    @classmethod
    def from_dict(cls, data: Any) -> TlsSettings:
        """Build from a dict (not validated); unknown keys are an error.

        Raises:
            TlsError: ``data`` is not an object or has an unknown key.
        """
        if not isinstance(data, dict):
            raise TlsError("tls", text("must be a JSON object (or null for plain TCP)"))
        for key in data:
            if key not in cls.__slots__:
                raise TlsError(f"tls.{key}", text("unknown setting"))
        return cls(**data)

    def validate(self, server: bool, *, check_files: bool = True) -> None:
        """Check every setting and that the files load; raise :class:`TlsError` if not.

        Args:
            server: True for the listening (server) side.
            check_files: Also read and load the certificate, key and CA files.
        """
        for name in ("cert", "key", "ca", "sni", "min_version"):
            if not isinstance(getattr(self, name), str):
                raise TlsError(f"tls.{name}", text("must be a string"))
        for name in ("verify", "self_signed"):
            if not isinstance(getattr(self, name), bool):
                raise TlsError(f"tls.{name}", text("must be true or false"))
        timeout = self.handshake_timeout
        if (
            isinstance(timeout, bool)
            or not isinstance(timeout, int | float)
            or not 0 < timeout <= 600
        ):
            raise TlsError("tls.handshake_timeout", text("must be between 0 and 600 seconds"))
        if self.min_version not in MIN_VERSIONS:
            raise TlsError(
                "tls.min_version",
                text("unknown TLS version {value!r}; use 1.2 or 1.3", value=self.min_version),
            )
        self._validate_alpn()
        if self.sni and not _is_host(self.sni):
            raise TlsError(
                "tls.sni", text("{name!r} is not a host name or IP address", name=self.sni)
            )
        if self.key and not self.cert:
            raise TlsError(
                "tls.key", text("a key needs its certificate: give the certificate file too")
            )
        if server:
            if self.self_signed and self.cert:
                raise TlsError(
                    "tls.self_signed",
                    text("choose a certificate file or a self-signed certificate, not both"),
                )
            if not self.self_signed and not self.cert:
                raise TlsError(
                    "tls.cert",
                    text(
                        "a TLS server needs a certificate: give the certificate and key files, "
                        "or generate a self-signed certificate"
                    ),
                )
        elif self.self_signed:
            raise TlsError(
                "tls.self_signed",
                text(
                    "only a server makes a self-signed certificate; a client verifies it with "
                    "its CA file"
                ),
            )
        if check_files:
            # Loading the files in a context finds a wrong file, a key that does not match...
            build_context(self, server=server, check_only=True)

    def _validate_alpn(self) -> None:
        if not isinstance(self.alpn, list | tuple):
            raise TlsError("tls.alpn", text("must be a list of protocol names"))
        for name in self.alpn:
            if not isinstance(name, str) or not _ALPN_RE.match(name):
                raise TlsError(
                    "tls.alpn",
                    text(
                        "{name!r} is not a protocol name (printable ASCII without spaces or "
                        "commas, e.g. h2 or http/1.1)",
                        name=name,
                    ),
                )


def _is_host(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return bool(_NAME_RE.match(name))
    return True


def read_pem(field_name: str, path: str) -> bytes:
    """The content of a certificate, key or CA file (regular files only, bounded).

    Raises:
        TlsError: naming ``field_name``: the file is missing, not a regular file (a FIFO...),
            unreadable or too large.
    """
    from netassistant.core.safefile import read_regular

    try:
        return read_regular(path, MAX_PEM_BYTES)
    except OSError as exc:
        raise TlsError(
            field_name,
            text("cannot read {path}: {reason}", path=path, reason=exc.strerror or str(exc)),
        ) from None


def build_context(
    settings: TlsSettings,
    *,
    server: bool,
    check_only: bool = False,
    identity: tuple[str, str] | None = None,
) -> ssl.SSLContext:
    """An ``SSLContext`` for one side of a connection, made from ``settings``.

    Args:
        settings: The TLS settings (validated, or being validated).
        server: True for the accepting side.
        check_only: Only checking the settings: a self-signed certificate is not made.
        identity: (certificate, key) files to use instead of ``settings.cert``/``key``
            (a server's self-signed certificate).

    Raises:
        TlsError: naming the file at fault, in words.
    """
    import ssl  # here, not at the top: a window or CLI without TLS never loads it

    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER if server else ssl.PROTOCOL_TLS_CLIENT)
    if settings.min_version:
        ctx.minimum_version = (
            ssl.TLSVersion.TLSv1_3 if settings.min_version == "1.3" else ssl.TLSVersion.TLSv1_2
        )
    if settings.alpn:
        ctx.set_alpn_protocols(list(settings.alpn))
    cert, key = identity or (settings.cert, settings.key)
    if cert:
        _load_identity(ctx, cert, key)
    if server:
        if settings.ca:
            _load_ca(ctx, settings.ca)
            ctx.verify_mode = ssl.CERT_REQUIRED if settings.verify else ssl.CERT_OPTIONAL
        return ctx
    # The client checks the host name and the dates itself, after the handshake, so the
    # failure can name the names and the date (see the module docstring).
    ctx.check_hostname = False
    if not settings.verify:
        ctx.verify_mode = ssl.CERT_NONE
        return ctx
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.verify_flags |= _NO_CHECK_TIME
    if settings.ca:
        _load_ca(ctx, settings.ca)
    elif not check_only:
        ctx.load_default_certs(ssl.Purpose.SERVER_AUTH)
    return ctx


def _load_identity(ctx: ssl.SSLContext, cert: str, key: str) -> None:
    import ssl

    cert_pem = read_pem("tls.cert", cert)
    if b"-----BEGIN CERTIFICATE-----" not in cert_pem:
        raise TlsError(
            "tls.cert",
            text("{path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)", path=cert),
        )
    if key:
        read_pem("tls.key", key)
    try:
        ctx.load_cert_chain(cert, key or None, password=_no_password)
    except ssl.SSLError as exc:
        reason = str(exc.reason or exc)
        if "KEY_VALUES_MISMATCH" in reason:
            raise TlsError(
                "tls.key",
                text(
                    "the key {key} does not match the certificate {cert}: choose the key made "
                    "with that certificate",
                    key=key or cert,
                    cert=cert,
                ),
            ) from None
        field_name = "tls.key" if key else "tls.cert"
        raise TlsError(
            field_name,
            text(
                "cannot load the certificate and key ({reason}): give a PEM certificate and "
                "its unencrypted PEM key",
                reason=reason,
            ),
        ) from None
    except (OSError, TypeError, ValueError) as exc:
        raise TlsError(
            "tls.key",
            text(
                "cannot load the certificate and key ({reason}): give a PEM certificate and "
                "its unencrypted PEM key",
                reason=str(exc),
            ),
        ) from None


def _no_password() -> str:
    # An encrypted key would make OpenSSL ask on the terminal; refuse it with words instead.
    raise ValueError(text("the key is encrypted with a password; use an unencrypted key"))


def _load_ca(ctx: ssl.SSLContext, path: str) -> None:
    import ssl

    data = read_pem("tls.ca", path)
    try:
        if b"-----BEGIN" in data:
            ctx.load_verify_locations(cadata=data.decode("ascii", "replace"))
        else:
            ctx.load_verify_locations(cadata=data)  # DER
    except (ssl.SSLError, ValueError):
        raise TlsError(
            "tls.ca",
            text("{path} holds no CA certificate (PEM or DER) that can be loaded", path=path),
        ) from None


def insecure_warning(settings: TlsSettings | None, *, server: bool) -> str | None:
    """A warning when a client does not verify the server's certificate, else None.

    Said out loud before the session runs (the CLI on stderr, the window in red): the
    traffic is encrypted but nobody checked who is at the other end.
    """
    if settings is None or server or settings.verify:
        return None
    return text(
        "TLS certificate verification is off (--insecure): the server is not authenticated, "
        "and anyone in between can read and change the traffic"
    )
