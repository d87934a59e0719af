"""TLS on the TCP client and server engines, over real loopback sockets (certificates by trustme)."""

from __future__ import annotations

import contextlib
import os
import socket
import ssl
import time

import pytest

from netassistant.core.chunk import ConnEvent, Direction, EventKind
from netassistant.core.config import Family, Kind, SessionConfig
from netassistant.core.tlsconfig import TlsSettings
from tests.helpers import TIMEOUT, recv_exactly, running
from tests.tlscerts import Certs, PythonTlsServer, expired, issue, make_certs


@pytest.fixture
def certs(tmp_path) -> Certs:
    return make_certs(tmp_path)


def server_config(certs: Certs, **tls) -> SessionConfig:
    return SessionConfig(kind=Kind.TCP_SERVER, tls=TlsSettings(cert=certs.server, **tls))


def client_config(port: int, **tls) -> SessionConfig:
    return SessionConfig(kind=Kind.TCP_CLIENT, remote_port=port, tls=TlsSettings(**tls))


def error_messages(h) -> list[str]:
    return [e.message for e in h.events if isinstance(e, ConnEvent) and e.kind is EventKind.ERROR]


def test_client_and_server_exchange_exact_bytes_and_report_the_handshake(certs):
    with running(server_config(certs, alpn=["h2", "echo/1"])) as srv:
        port = srv.engine.port
        with running(client_config(port, ca=certs.ca, alpn=["echo/1"])) as cli:
            cli.engine.send(b"\x00hello\xff")
            assert srv.wait_rx_bytes(7) == b"\x00hello\xff"
            srv.engine.send(b"world\r\n")
            assert cli.wait_rx_bytes(7) == b"world\r\n"
            tls = cli.wait_event(EventKind.TLS)
            server_side = srv.wait_event(EventKind.TLS)
    detail = tls.detail
    assert detail is not None
    assert detail["version"] == "TLSv1.3"
    assert str(detail["cipher"]).startswith("TLS_")  # a TLS 1.3 suite
    assert detail["alpn"] == "echo/1"
    assert str(detail["subject"]).startswith("CN=netassistant test server,")
    assert str(detail["issuer"]).startswith("OU=Testing CA #")
    assert detail["expiry"] == "3000-01-01T00:00:00+00:00"
    assert len(str(detail["fingerprint"])) == 32 * 3 - 1
    assert tls.message == (
        f"TLS handshake with 127.0.0.1:{port} done: TLSv1.3, {detail['cipher']}, ALPN echo/1; "
        f"peer certificate {detail['subject']}, issued by {detail['issuer']}, expires "
        "3000-01-01T00:00:00+00:00; verified"
    )
    # The server's view: no client certificate was asked for.
    assert server_side.detail is not None
    assert server_side.detail["subject"] is None
    assert server_side.message.endswith("ALPN echo/1; the peer sent no certificate")
    # TX chunks are the plaintext handed to send(); nothing went out before the handshake.
    assert [c.data for c in cli.chunks(Direction.TX)] == [b"\x00hello\xff"]
    kinds = cli.kinds()
    assert kinds.index(EventKind.CONNECTED) < kinds.index(EventKind.TLS)


def test_eight_mib_each_way_arrive_exact_in_record_sized_chunks(certs):
    data = bytes(range(256)) * (8 * 4096)  # 8 MiB
    with (
        running(server_config(certs)) as srv,
        running(client_config(srv.engine.port, ca=certs.ca)) as cli,
    ):
        cli.engine.send(data)
        assert srv.wait_rx_bytes(len(data), timeout=60) == data
        srv.engine.send(data[::-1])
        assert cli.wait_rx_bytes(len(data), timeout=60) == data[::-1]
        # One chunk per SSLSocket.recv(): at most one TLS record's plaintext (16 KiB).
        assert max(len(c.data) for c in srv.chunks()) <= 16384
        assert max(len(c.data) for c in cli.chunks()) <= 16384
        assert [len(c.data) for c in cli.chunks(Direction.TX)] == [len(data)]


def test_unknown_ca_says_give_the_ca_or_turn_verification_off(certs):
    with running(server_config(certs)) as srv:
        port = srv.engine.port
        with running(client_config(port)) as cli:  # the system store: trustme's CA is not in it
            ev = cli.wait_event(EventKind.ERROR)
            cli.wait_event(EventKind.STOPPED)
    assert ev.message == (
        f"TLS handshake with 127.0.0.1:{port} failed: the certificate of 127.0.0.1:{port} is "
        "not signed by a CA we trust (unable to get local issuer certificate); if it is "
        "self-signed, give it (or its CA) as the CA file (--ca), or turn verification off "
        "(--insecure)"
    )
    assert not cli.chunks(Direction.RX)


def test_insecure_client_talks_to_an_untrusted_server_and_says_not_verified(certs):
    with running(server_config(certs)) as srv:
        with running(client_config(srv.engine.port, verify=False)) as cli:
            cli.engine.send(b"ping")
            assert srv.wait_rx_bytes(4) == b"ping"
            ev = cli.wait_event(EventKind.TLS)
    assert ev.message.endswith("; NOT VERIFIED (verification is off)")


def test_host_name_mismatch_names_the_expected_and_the_found_names(certs, tmp_path):
    other = issue(certs, tmp_path, "other", "example.test", "*.example.test")
    config = SessionConfig(kind=Kind.TCP_SERVER, tls=TlsSettings(cert=other))
    with running(config) as srv:
        port = srv.engine.port
        with running(client_config(port, ca=certs.ca)) as cli:
            ev = cli.wait_event(EventKind.ERROR)
        # A name the certificate has, given as SNI, passes (wildcard included).
        with running(client_config(port, ca=certs.ca, sni="a.example.test")) as cli:
            assert cli.wait_event(EventKind.TLS).detail is not None
    assert ev.message == (
        f"TLS handshake with 127.0.0.1:{port} failed: host name mismatch: we expected "
        f"127.0.0.1, the certificate of 127.0.0.1:{port} is for example.test, *.example.test; "
        "connect by one of those names or set the SNI name (--sni)"
    )


def test_expired_certificate_names_the_date(certs, tmp_path):
    path, _when = expired(certs, tmp_path)
    with running(SessionConfig(kind=Kind.TCP_SERVER, tls=TlsSettings(cert=path))) as srv:
        port = srv.engine.port
        with running(client_config(port, ca=certs.ca)) as cli:
            ev = cli.wait_event(EventKind.ERROR)
    assert ev.message == (
        f"TLS handshake with 127.0.0.1:{port} failed: the certificate of 127.0.0.1:{port} "
        "expired on 2020-01-02 03:04:05 (UTC); renew it, or turn verification off (--insecure) "
        "to talk anyway"
    )


def test_minimum_version_above_what_the_peer_speaks_is_explained(certs):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certs.server)
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    with PythonTlsServer(context, lambda tls: tls.recv(1)) as peer:
        with running(client_config(peer.port, ca=certs.ca, min_version="1.3")) as cli:
            ev = cli.wait_event(EventKind.ERROR)
    assert ev.message == (
        f"TLS handshake with 127.0.0.1:{peer.port} failed: no TLS version both sides accept "
        "(tlsv1 alert protocol version): lower the minimum TLS version, or use a peer that "
        "speaks a newer one"
    )


def test_plain_tcp_client_is_told_apart_and_the_server_keeps_serving(certs):
    with running(server_config(certs)) as srv:
        port = srv.engine.port
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as plain:
            plain.sendall(b"GET / HTTP/1.0\r\n\r\n")
            ev = srv.wait_event(EventKind.ERROR)
            # The server closed that connection (with unread bytes: an RST, or an alert + FIN).
            plain.settimeout(TIMEOUT)
            with contextlib.suppress(ConnectionResetError):
                while plain.recv(4096):
                    pass
        with running(client_config(port, ca=certs.ca)) as cli:
            cli.engine.send(b"still here")
            assert srv.wait_rx_bytes(10) == b"still here"
    local = ev.peer
    assert ev.message == (
        f"TLS handshake with {local} failed: {local} is not speaking TLS (what it sent is "
        "not a TLS record): it may be a plain TCP service; turn TLS off or check the port"
    )


def test_tls_client_against_a_plain_server_is_told_so(certs):
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        with running(client_config(port, ca=certs.ca)) as cli:
            conn, _ = listener.accept()
            with conn:
                conn.sendall(b"220 plain text banner\r\n")
                ev = cli.wait_event(EventKind.ERROR)
    assert ev.message == (
        f"TLS handshake with 127.0.0.1:{port} failed: 127.0.0.1:{port} is not speaking TLS "
        "(what it sent is not a TLS record): it may be a plain TCP service; turn TLS off or "
        "check the port"
    )


def test_handshake_timeout_closes_a_silent_client(certs):
    with running(server_config(certs, handshake_timeout=0.3)) as srv:
        with socket.create_connection(("127.0.0.1", srv.engine.port), timeout=TIMEOUT) as silent:
            started = time.monotonic()
            ev = srv.wait_event(EventKind.ERROR)
            took = time.monotonic() - started
            silent.settimeout(TIMEOUT)
            assert silent.recv(10) == b""
    assert 0.2 < took < 3
    assert ev.message == (
        f"TLS handshake with {ev.peer} failed: no TLS handshake within 0.3 s: {ev.peer} may "
        "not speak TLS (a plain TCP client waits for the server to speak first)"
    )


def test_client_certificate_required_and_given(certs):
    with running(server_config(certs, ca=certs.ca)) as srv:
        port = srv.engine.port
        with running(client_config(port, ca=certs.ca)) as cli:
            ev = srv.wait_event(EventKind.ERROR)
            refused = cli.wait_event(EventKind.ERROR)
        with running(client_config(port, ca=certs.ca, cert=certs.client)) as cli:
            cli.engine.send(b"id")
            assert srv.wait_rx_bytes(2) == b"id"
            accepted = srv.wait_event(EventKind.TLS)
    assert ev.message == (
        f"TLS handshake with {ev.peer} failed: {ev.peer} sent no client certificate and this "
        "server requires one (CA file set, verification on)"
    )
    # TLS 1.3: the client hears of it with the server's first record, after its handshake.
    assert refused.message == (
        f"TLS error from 127.0.0.1:{port}: the server 127.0.0.1:{port} requires a client "
        "certificate: give one with its key (--cert, --key)"
    )
    assert accepted.detail is not None
    assert str(accepted.detail["subject"]).startswith("CN=test client,")


def test_self_signed_server_announces_its_fingerprint_and_a_client_pins_it(tmp_path):
    config = SessionConfig(kind=Kind.TCP_SERVER, tls=TlsSettings(self_signed=True))
    with running(config) as srv:
        own = srv.wait_event(EventKind.TLS)
        assert own.conn_id == 0
        assert own.detail is not None
        ca = tmp_path / "selfsigned.pem"
        ca.write_text(str(own.detail["cert_pem"]))
        with running(client_config(srv.engine.port, ca=str(ca))) as cli:
            cli.engine.send(b"pinned")
            assert srv.wait_rx_bytes(6) == b"pinned"
            seen = cli.wait_event(EventKind.TLS)
    assert seen.detail is not None
    assert seen.detail["fingerprint"] == own.detail["fingerprint"]
    assert seen.detail["subject"] == "CN=netassistant self-signed"
    assert ", ALPN" not in seen.message  # none was offered
    assert own.message == (
        "TLS: serving a self-signed certificate for localhost, 127.0.0.1, ::1, valid until "
        f"{own.detail['expiry']}; SHA-256 fingerprint {own.detail['fingerprint']}"
    )


def test_half_close_sends_close_notify_and_fin_and_keeps_receiving(certs):
    config = server_config(certs)
    config.close_on_peer_fin = False
    with running(config) as srv, running(client_config(srv.engine.port, ca=certs.ca)) as cli:
        cli.engine.send(b"last words")
        assert srv.wait_rx_bytes(10) == b"last words"
        cli.engine.half_close()
        half = cli.wait_event(EventKind.HALF_CLOSED)
        fin = srv.wait_event(EventKind.PEER_FIN)
        srv.engine.send(b"answer after your FIN")
        assert cli.wait_rx_bytes(21) == b"answer after your FIN"
        srv.engine.disconnect(1)
        closed = cli.wait_event(EventKind.CLOSED)
    port = srv.engine.port
    assert half.message == (
        f"sent TLS close_notify and FIN to 127.0.0.1:{port} (half-close); still receiving"
    )
    assert fin.message == (
        f"{fin.peer} finished sending (FIN); the connection stays open for sending"
    )
    assert closed.message == f"127.0.0.1:{port} closed the connection (FIN)"


def test_abort_resets_without_close_notify(certs):
    with (
        running(server_config(certs)) as srv,
        running(client_config(srv.engine.port, ca=certs.ca)) as cli,
    ):
        cli.wait_event(EventKind.TLS)
        srv.wait_event(EventKind.TLS)
        cli.engine.abort()
        ev = srv.wait_for(
            lambda evs: [e for e in evs if isinstance(e, ConnEvent) and e.kind is EventKind.RESET]
        )[0]
    assert ev.message == f"connection reset by {ev.peer} (RST)"


def test_python_client_gets_exact_bytes_from_our_server(certs):
    """A blocking ssl client (not our engine) on the other end."""
    with running(server_config(certs)) as srv:
        context = ssl.create_default_context(cafile=certs.ca)
        with socket.create_connection(("127.0.0.1", srv.engine.port), timeout=TIMEOUT) as raw:
            with context.wrap_socket(raw, server_hostname="localhost") as tls:
                tls.sendall(b"abc")
                assert srv.wait_rx_bytes(3) == b"abc"
                srv.engine.send(b"0123456789")
                assert recv_exactly(tls, 10) == b"0123456789"  # type: ignore[arg-type]
    assert os.path.exists(certs.server)


def test_tls_over_a_unix_socket_checks_dates_without_a_name(certs, tmp_path):
    path = str(tmp_path / "tls.sock")
    server = SessionConfig(
        kind=Kind.TCP_SERVER,
        family=Family.UNIX,
        local_host=path,
        tls=TlsSettings(cert=certs.server),
    )
    client = SessionConfig(
        kind=Kind.TCP_CLIENT, family=Family.UNIX, remote_host=path, tls=TlsSettings(ca=certs.ca)
    )
    with running(server) as srv, running(client) as cli:
        cli.engine.send(b"over AF_UNIX")
        assert srv.wait_rx_bytes(12) == b"over AF_UNIX"
        assert cli.wait_event(EventKind.TLS).message.endswith("; verified")
    old, _when = expired(certs, tmp_path)
    server.tls = TlsSettings(cert=old)
    with running(server), running(client) as cli:
        ev = cli.wait_event(EventKind.ERROR)
    assert ev.message == (
        f"TLS handshake with {path} failed: the certificate of {path} expired on "
        "2020-01-02 03:04:05 (UTC); renew it, or turn verification off (--insecure) to talk "
        "anyway"
    )


def test_handshake_timeout_on_the_client_side_when_the_server_stays_silent():
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        with running(client_config(port, verify=False, handshake_timeout=0.3)) as cli:
            conn, _ = listener.accept()
            with conn:
                ev = cli.wait_event(EventKind.ERROR)
                conn.settimeout(TIMEOUT)
                assert conn.recv(5)[:1] == b"\x16"  # it did say hello: a TLS handshake record
    assert ev.message == (
        f"TLS handshake with 127.0.0.1:{port} failed: no TLS handshake within 0.3 s: "
        f"127.0.0.1:{port} did not answer our hello; it may not speak TLS"
    )
