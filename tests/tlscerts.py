"""Certificates for the TLS tests, made by trustme: a throw-away CA and what it issues."""

from __future__ import annotations

import datetime
import pathlib
import socket
import ssl
import threading
from dataclasses import dataclass

import trustme

from tests.helpers import TIMEOUT

LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")


@dataclass
class Certs:
    """Files written under a test's tmp_path.

    Attributes:
        ca: The CA certificate (PEM).
        server: The server's certificate chain and key in one PEM file.
        server_cert: The server's certificate chain alone.
        server_key: The server's key alone.
        client: A client certificate and key (one PEM file) issued by the same CA.
        other_key: A key that belongs to no certificate here (for a mismatch).
        authority: The trustme CA, to issue more.
    """

    ca: str
    server: str
    server_cert: str
    server_key: str
    client: str
    other_key: str
    authority: trustme.CA


def make_certs(folder: pathlib.Path) -> Certs:
    ca = trustme.CA()
    leaf = ca.issue_cert(*LOCAL_NAMES, common_name="netassistant test server")
    client = ca.issue_cert("client@example.test", common_name="test client")
    other = trustme.CA().issue_cert("localhost")
    paths = {
        name: str(folder / f"{name}.pem")
        for name in ("ca", "server", "server_cert", "server_key", "client", "other_key")
    }
    ca.cert_pem.write_to_path(paths["ca"])
    leaf.private_key_and_cert_chain_pem.write_to_path(paths["server"])
    pathlib.Path(paths["server_cert"]).write_bytes(
        b"".join(b.bytes() for b in leaf.cert_chain_pems)
    )
    leaf.private_key_pem.write_to_path(paths["server_key"])
    client.private_key_and_cert_chain_pem.write_to_path(paths["client"])
    other.private_key_pem.write_to_path(paths["other_key"])
    return Certs(authority=ca, **paths)


def issue(certs: Certs, folder: pathlib.Path, name: str, *identities: str, **kw: object) -> str:
    """One more server certificate (+ key) from the test CA, written to ``name``.pem."""
    leaf = certs.authority.issue_cert(*identities, **kw)  # type: ignore[arg-type]
    path = str(folder / f"{name}.pem")
    leaf.private_key_and_cert_chain_pem.write_to_path(path)
    return path


def expired(certs: Certs, folder: pathlib.Path) -> tuple[str, datetime.datetime]:
    """A certificate for the local names that expired on 2020-01-02 03:04:05 UTC."""
    when = datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    path = issue(
        certs,
        folder,
        "expired",
        *LOCAL_NAMES,
        not_before=when - datetime.timedelta(days=30),
        not_after=when,
    )
    return path, when


class PythonTlsServer:
    """A blocking ``ssl`` server on its own thread, for peers our engine cannot be.

    Accepts one client, runs ``serve(tls_socket)`` and records what it raised.
    """

    def __init__(self, context: ssl.SSLContext, serve) -> None:  # type: ignore[no-untyped-def]
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(TIMEOUT)
        self.port = self.listener.getsockname()[1]
        self.context = context
        self.serve = serve
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            raw, _ = self.listener.accept()
            raw.settimeout(TIMEOUT)
            with self.context.wrap_socket(raw, server_side=True) as tls:
                self.serve(tls)
        except (OSError, ValueError) as exc:
            self.error = exc

    def __enter__(self) -> PythonTlsServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.thread.join(TIMEOUT)
        self.listener.close()
