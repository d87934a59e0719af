"""Self-signed certificates for a local TLS server: names, validity, fingerprint, private files."""

from __future__ import annotations

import datetime
import hashlib
import os
import ssl
import stat

from cryptography import x509

from netassistant.core.selfsigned import generate, private_files


def test_names_validity_and_fingerprint():
    made = generate()
    cert = x509.load_pem_x509_certificate(made.cert_pem)
    sans = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert [str(n) for n in sans.get_values_for_type(x509.DNSName)] == ["localhost"]
    assert [str(ip) for ip in sans.get_values_for_type(x509.IPAddress)] == ["127.0.0.1", "::1"]
    lifetime = cert.not_valid_after_utc - datetime.datetime.now(datetime.UTC)
    assert datetime.timedelta(days=29, hours=23) < lifetime <= datetime.timedelta(days=30)
    assert made.not_after == cert.not_valid_after_utc.isoformat()
    der = ssl.PEM_cert_to_DER_cert(made.cert_pem.decode())
    digest = hashlib.sha256(der).hexdigest().upper()
    assert made.fingerprint == ":".join(digest[i : i + 2] for i in range(0, 64, 2))
    assert b"ENCRYPTED" not in made.key_pem
    assert generate().fingerprint != made.fingerprint  # a fresh key every time


def test_private_files_are_owner_only_and_gone_afterwards():
    made = generate()
    with private_files(made) as (cert, key):
        folder = os.path.dirname(cert)
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
        assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(cert).st_mode) == 0o600
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
    assert not os.path.exists(folder)
