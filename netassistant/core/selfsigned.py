"""A self-signed certificate for a local TLS server, made with ``cryptography``.

For trying TLS on this machine without a CA: the certificate names ``localhost``,
``127.0.0.1`` and ``::1`` and is valid for 30 days. A client verifies it by giving the
certificate itself as its CA file, or by pinning its SHA-256 fingerprint, which the server
logs. ``cryptography`` is imported here only, at first use.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

VALID_DAYS = 30
NAMES = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True, slots=True)
class SelfSigned:
    """A certificate and its key, PEM-encoded.

    Attributes:
        cert_pem: The certificate.
        key_pem: Its private key (unencrypted PKCS#8).
        fingerprint: SHA-256 of the certificate (DER), as ``AB:CD:...``.
        not_after: When it expires (ISO 8601, UTC).
    """

    cert_pem: bytes
    key_pem: bytes
    fingerprint: str
    not_after: str


def generate(common_name: str = "netassistant self-signed") -> SelfSigned:
    """Make a fresh key (ECDSA P-256) and a self-signed certificate for :data:`NAMES`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.UTC)
    not_after = now + datetime.timedelta(days=VALID_DAYS)
    sans: list[x509.GeneralName] = [x509.DNSName("localhost")]
    sans += [x509.IPAddress(ipaddress.ip_address(ip)) for ip in NAMES[1:]]
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))  # a little clock skew
        .not_valid_after(not_after)
        .add_extension(x509.SubjectAlternativeName(sans), critical=False)
        # CA:TRUE lets a client use this very certificate as its CA file.
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(key, hashes.SHA256())
    )
    return SelfSigned(
        cert_pem=cert.public_bytes(serialization.Encoding.PEM),
        key_pem=key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        fingerprint=colon_hex(cert.fingerprint(hashes.SHA256())),
        not_after=not_after.replace(microsecond=0).isoformat(),
    )


def colon_hex(digest: bytes) -> str:
    """``AB:CD:...``, the way browsers and ``openssl x509 -fingerprint`` show fingerprints."""
    return ":".join(f"{b:02X}" for b in digest)


@contextlib.contextmanager
def private_files(made: SelfSigned) -> Iterator[tuple[str, str]]:
    """Write ``made`` to a private temporary folder for ``load_cert_chain``; remove it after.

    The ssl module loads certificates from files only: the key stays on disk (mode 0600,
    in a 0700 folder) just for the time of the load.

    Yields:
        (certificate path, key path).
    """
    folder = tempfile.mkdtemp(prefix="netassistant-tls-")
    cert = os.path.join(folder, "cert.pem")
    key = os.path.join(folder, "key.pem")
    try:
        write_private(cert, made.cert_pem)
        write_private(key, made.key_pem)
        yield cert, key
    finally:
        for path in (cert, key):
            with contextlib.suppress(OSError):
                os.remove(path)
        with contextlib.suppress(OSError):
            os.rmdir(folder)


def write_private(path: str, data: bytes) -> None:
    """Create ``path`` readable by its owner only (0600) and write ``data``; never overwrite."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
