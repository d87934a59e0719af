"""What a TLS handshake agreed, what the peer's certificate says, and why a handshake failed.

:func:`handshake_facts` is the ``detail`` of the ``EventKind.TLS`` event; :func:`check_peer`
is the client's own host-name and date check (see :mod:`netassistant.core.tlsconfig` for
why OpenSSL does not make it); :func:`explain` turns an ``ssl`` failure into words that say
what to do. ``cryptography`` (for reading certificates) is imported at first use.
"""

from __future__ import annotations

import datetime
import ipaddress
import ssl
from typing import Any

from netassistant.core.i18n import text, translatable

# OpenSSL's X509_V_ERR_* codes for "the issuer is not trusted".
_UNKNOWN_CA_CODES = frozenset({2, 18, 19, 20, 21})

# One sentence per kind of failure, each saying what to do. Keys are OpenSSL reason codes.
_NOT_TLS = translatable(
    "{peer} is not speaking TLS (what it sent is not a TLS record): it may be a plain TCP "
    "service; turn TLS off or check the port"
)
_VERSION = translatable(
    "no TLS version both sides accept ({detail}): lower the minimum TLS version, or use a "
    "peer that speaks a newer one"
)
_CIPHER = translatable("no cipher suite both sides accept ({detail})")
_CLIENT_CERT_MISSING = translatable(
    "{peer} sent no client certificate and this server requires one (CA file set, verification on)"
)
_CLIENT_CERT_REQUIRED = translatable(
    "the server {peer} requires a client certificate: give one with its key (--cert, --key)"
)
_THEY_DISTRUST = translatable(
    "{peer} does not trust our certificate ({detail}): give it our CA, or use a "
    "certificate it trusts"
)
_NO_ALPN = translatable("no ALPN protocol both sides accept ({detail}): check the ALPN list")
_EOF = translatable(
    "{peer} closed the connection during the TLS handshake: it may not speak TLS, or it "
    "refused our settings"
)
_REASONS = {
    "WRONG_VERSION_NUMBER": _NOT_TLS,
    "HTTP_REQUEST": _NOT_TLS,
    "HTTPS_PROXY_REQUEST": _NOT_TLS,
    "UNKNOWN_PROTOCOL": _NOT_TLS,
    "RECORD_LAYER_FAILURE": _NOT_TLS,
    "PACKET_LENGTH_TOO_LONG": _NOT_TLS,
    "RECORD_LENGTH_MISMATCH": _NOT_TLS,
    "UNSUPPORTED_PROTOCOL": _VERSION,
    "TLSV1_ALERT_PROTOCOL_VERSION": _VERSION,
    "NO_PROTOCOLS_AVAILABLE": _VERSION,
    "WRONG_SSL_VERSION": _VERSION,
    "VERSION_TOO_LOW": _VERSION,
    "VERSION_TOO_HIGH": _VERSION,
    "NO_SHARED_CIPHER": _CIPHER,
    "NO_CIPHERS_AVAILABLE": _CIPHER,
    "NO_SUITABLE_SIGNATURE_ALGORITHM": _CIPHER,
    "PEER_DID_NOT_RETURN_A_CERTIFICATE": _CLIENT_CERT_MISSING,
    "TLSV13_ALERT_CERTIFICATE_REQUIRED": _CLIENT_CERT_REQUIRED,
    "SSLV3_ALERT_HANDSHAKE_FAILURE": _CIPHER,
    "TLSV1_ALERT_UNKNOWN_CA": _THEY_DISTRUST,
    "SSLV3_ALERT_BAD_CERTIFICATE": _THEY_DISTRUST,
    "SSLV3_ALERT_CERTIFICATE_EXPIRED": _THEY_DISTRUST,
    "TLSV1_ALERT_NO_APPLICATION_PROTOCOL": _NO_ALPN,
    "NO_APPLICATION_PROTOCOL": _NO_ALPN,
    "UNEXPECTED_EOF_WHILE_READING": _EOF,
}


def explain(exc: BaseException, peer: str, *, server: bool, options: str = "") -> str:
    """Why a TLS handshake (or a later TLS read) failed, in words that say what to do.

    Args:
        exc: What ``do_handshake()``/``recv()`` raised.
        peer: The peer's address, formatted.
        server: True on the accepting side (the peer is a client).
        options: The prefix of the options that set this side (``"upstream-"`` for a
            relay's leg toward the server), so the advice names ``--upstream-ca``.
    """
    detail = _detail(exc)
    if isinstance(exc, ssl.SSLCertVerificationError):
        if exc.verify_code in _UNKNOWN_CA_CODES:
            if server:
                return text(
                    "the client certificate of {peer} is not signed by the CA file's CA ({detail})",
                    peer=peer,
                    detail=detail,
                )
            return text(
                "the certificate of {peer} is not signed by a CA we trust ({detail}); if it is "
                "self-signed, give it (or its CA) as the CA file ({ca}), or turn verification "
                "off ({insecure})",
                peer=peer,
                detail=detail,
                ca=f"--{options}ca",
                insecure=f"--{options}insecure",
            )
        return text(
            "the certificate of {peer} failed verification: {detail}", peer=peer, detail=detail
        )
    reason = getattr(exc, "reason", None) or ""
    template = _REASONS.get(str(reason))
    if template is None and isinstance(exc, ssl.SSLEOFError | ConnectionResetError):
        template = _EOF
    if template is None:
        return detail  # OpenSSL's own words: nothing better to say
    return text(template, peer=peer, detail=detail)


def _detail(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError) and exc.verify_message:
        return str(exc.verify_message)
    reason = getattr(exc, "reason", None)
    if reason:
        return str(reason).replace("_", " ").lower()
    return str(exc.strerror if isinstance(exc, OSError) and exc.strerror else exc)


def _load(der: bytes) -> Any:
    from cryptography import x509

    return x509.load_der_x509_certificate(der)


def handshake_facts(sock: ssl.SSLSocket) -> dict[str, object]:
    """The ``detail`` of a TLS event: version, cipher, ALPN and the peer's certificate.

    Keys: ``version``, ``cipher``, ``alpn``, ``subject``, ``issuer``, ``expiry`` (ISO 8601,
    UTC) and ``fingerprint`` (SHA-256, ``AB:CD:...``); None where there is none (a client
    that sent no certificate).
    """
    cipher = sock.cipher()
    facts: dict[str, object] = {
        "version": sock.version(),
        "cipher": cipher[0] if cipher else None,
        "alpn": sock.selected_alpn_protocol(),
        "subject": None,
        "issuer": None,
        "expiry": None,
        "fingerprint": None,
    }
    der = sock.getpeercert(binary_form=True)
    if der:
        from cryptography.hazmat.primitives import hashes

        from netassistant.core.selfsigned import colon_hex

        cert = _load(der)
        facts["subject"] = cert.subject.rfc4514_string()
        facts["issuer"] = cert.issuer.rfc4514_string()
        facts["expiry"] = cert.not_valid_after_utc.isoformat()
        facts["fingerprint"] = colon_hex(cert.fingerprint(hashes.SHA256()))
    return facts


def check_peer(der: bytes | None, expected: str, peer: str, options: str = "") -> str:
    """The client's own check of a verified server certificate: dates and host name.

    Args:
        der: The server's certificate (DER), as the handshake gave it.
        expected: The name the client asked for (SNI, or the host it connected to); ""
            checks the dates only.
        peer: The server's address, for the message.
        options: The prefix of the options that set this side (see :func:`explain`).

    Returns:
        "" when the certificate is valid now and names ``expected``; else why not.
    """
    if not der:
        return text("{peer} sent no certificate", peer=peer)
    from cryptography import x509

    cert = _load(der)
    now = datetime.datetime.now(datetime.UTC)
    if cert.not_valid_after_utc < now:
        return text(
            "the certificate of {peer} expired on {date} (UTC); renew it, or turn "
            "verification off ({insecure}) to talk anyway",
            peer=peer,
            date=_date(cert.not_valid_after_utc),
            insecure=f"--{options}insecure",
        )
    if cert.not_valid_before_utc > now:
        return text(
            "the certificate of {peer} is not valid before {date} (UTC); check both clocks",
            peer=peer,
            date=_date(cert.not_valid_before_utc),
        )
    try:
        sans = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        names: list[str] = []
    else:
        names = [str(n) for n in sans.get_values_for_type(x509.DNSName)]
        names += [str(ip) for ip in sans.get_values_for_type(x509.IPAddress)]
    if not expected or any(_name_matches(name, expected) for name in names):
        return ""
    found = ", ".join(names) if names else text("no names (no subjectAltName)")
    return text(
        "host name mismatch: we expected {expected}, the certificate of {peer} is for "
        "{found}; connect by one of those names or set the SNI name ({sni})",
        expected=expected,
        peer=peer,
        found=found,
        sni=f"--{options}sni",
    )


def _date(when: datetime.datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S")


def _name_matches(pattern: str, host: str) -> bool:
    """RFC 6125 matching: exact (case-insensitive) or one wildcard as the leftmost label."""
    try:
        return ipaddress.ip_address(pattern) == ipaddress.ip_address(host)
    except ValueError:
        pass
    pattern = pattern.lower().rstrip(".")
    host = host.lower().rstrip(".")
    if pattern == host:
        return True
    if pattern.startswith("*.") and "." in host:
        label, rest = host.split(".", 1)
        return bool(label) and rest == pattern[2:] and "*" not in rest
    return False
