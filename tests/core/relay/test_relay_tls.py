"""TLS on a relay's legs, over real loopback sockets (certificates by trustme)."""

from __future__ import annotations

import contextlib
import socket
import ssl
from collections.abc import Iterator

import pytest

from netassistant.core.chunk import ChunkFlag, ConnEvent, Direction, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.tlsconfig import TlsSettings
from tests.core.relay.relayhelpers import leg_chunks, relay_config, wait_leg_bytes
from tests.helpers import TIMEOUT, Harness, recv_exactly, running
from tests.tlscerts import Certs, make_certs

RX, TX = Direction.RX, Direction.TX


@pytest.fixture
def certs(tmp_path) -> Certs:
    return make_certs(tmp_path)


def tls_server(certs: Certs) -> SessionConfig:
    """Our own TLS server engine: the relay's upstream."""
    return SessionConfig(kind=Kind.TCP_SERVER, tls=TlsSettings(cert=certs.server))


def client_context(certs: Certs) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=certs.ca)


@contextlib.contextmanager
def tls_client(port: int, certs: Certs) -> Iterator[ssl.SSLSocket]:
    raw = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    with client_context(certs).wrap_socket(raw, server_hostname="localhost") as tls:
        yield tls


def events(h: Harness, kind: EventKind) -> list[ConnEvent]:
    return [e for e in h.events if isinstance(e, ConnEvent) and e.kind is kind]


def test_tls_on_both_legs_relays_exact_bytes_and_reports_each_handshake(certs):
    with running(tls_server(certs)) as srv:
        config = relay_config(
            srv.engine.port,
            tls=TlsSettings(cert=certs.server),
            upstream_tls=TlsSettings(ca=certs.ca, alpn=["x-relay"]),
        )
        with running(config) as relay, tls_client(relay.engine.port, certs) as client:
            client.sendall(b"\x00ping\xff")
            assert srv.wait_rx_bytes(6) == b"\x00ping\xff"
            srv.engine.send(b"pong\r\n")
            assert recv_exactly(client, 6) == b"pong\r\n"
            wait_leg_bytes(relay, "client", TX, 6)
            relay.wait_event(EventKind.TLS, n=2)
            handshakes = events(relay, EventKind.TLS)
            upstream = srv.engine.port
    by_leg = {e.detail["leg"]: e for e in handshakes if e.detail}
    assert sorted(by_leg) == ["client", "server"]
    server_side = by_leg["server"]
    assert server_side.peer == f"127.0.0.1:{upstream}"
    assert server_side.detail is not None
    assert server_side.detail["version"] == "TLSv1.3"
    assert str(server_side.detail["subject"]).startswith("CN=netassistant test server,")
    assert server_side.message.startswith(f"TLS handshake with 127.0.0.1:{upstream} done: TLSv1.3")
    assert server_side.message.endswith("; verified")
    client_side = by_leg["client"]
    assert client_side.detail is not None
    assert client_side.detail["subject"] is None  # the client sent no certificate
    assert client_side.message.endswith("; the peer sent no certificate")
    # Plaintext chunks on both legs, in the relay's order; one relay connection id.
    chunks = [(c.direction, c.flags, c.data) for c in relay.events if not isinstance(c, ConnEvent)]
    assert chunks == [
        (RX, ChunkFlag.NONE, b"\x00ping\xff"),
        (TX, ChunkFlag.SERVER_LEG, b"\x00ping\xff"),
        (RX, ChunkFlag.SERVER_LEG, b"pong\r\n"),
        (TX, ChunkFlag.NONE, b"pong\r\n"),
    ]
    assert {c.conn_id for c in relay.events if not isinstance(c, ConnEvent)} == {1}


def test_data_sent_before_the_server_leg_is_up_waits_and_arrives_whole(certs):
    """A TLS client's first bytes may come with its handshake: none is lost or reordered."""
    with running(tls_server(certs)) as srv:
        config = relay_config(
            srv.engine.port,
            tls=TlsSettings(cert=certs.server),
            upstream_tls=TlsSettings(ca=certs.ca),
        )
        with running(config) as relay, tls_client(relay.engine.port, certs) as client:
            payload = bytes(range(256)) * 4096  # 1 MiB at once: over the high-water mark
            client.sendall(payload)
            assert srv.wait_rx_bytes(len(payload), timeout=20) == payload
            srv.engine.send(payload[::-1])
            assert recv_exactly(client, len(payload), timeout=20) == payload[::-1]
            server_tx = wait_leg_bytes(relay, "server", TX, len(payload))
    assert b"".join(c.data for c in server_tx) == payload


def test_tls_terminating_relay_in_front_of_a_plain_server(certs):
    with socket.create_server(("127.0.0.1", 0)) as upstream:
        config = relay_config(upstream.getsockname()[1], tls=TlsSettings(cert=certs.server))
        with running(config) as relay, tls_client(relay.engine.port, certs) as client:
            upstream.settimeout(TIMEOUT)
            server, _ = upstream.accept()
            with server:
                server.settimeout(TIMEOUT)
                client.sendall(b"GET / HTTP/1.0\r\n\r\n")
                assert recv_exactly(server, 18) == b"GET / HTTP/1.0\r\n\r\n"
                server.sendall(b"HTTP/1.0 200 OK\r\n\r\nhi")
                assert recv_exactly(client, 21) == b"HTTP/1.0 200 OK\r\n\r\nhi"
                wait_leg_bytes(relay, "client", TX, 21)
            tls = relay.wait_event(EventKind.TLS)
    assert tls.detail is not None
    assert tls.detail["leg"] == "client"
    assert len(events(relay, EventKind.TLS)) == 1  # the server leg is plain
    assert [c.data for c in leg_chunks(relay, "server", TX)] == [b"GET / HTTP/1.0\r\n\r\n"]


def test_plain_client_through_a_tls_server_leg(certs):
    with running(tls_server(certs)) as srv:
        config = relay_config(srv.engine.port, upstream_tls=TlsSettings(ca=certs.ca))
        with running(config) as relay:
            with socket.create_connection(("127.0.0.1", relay.engine.port), timeout=TIMEOUT) as c:
                c.sendall(b"plain in")
                assert srv.wait_rx_bytes(8) == b"plain in"
                srv.engine.send(b"tls back")
                assert recv_exactly(c, 8) == b"tls back"
            tls = relay.wait_event(EventKind.TLS)
    assert tls.detail is not None
    assert tls.detail["leg"] == "server"


def test_slicer_on_a_tls_leg_splits_the_plaintext_write_into_records(certs):
    with running(tls_server(certs)) as srv:
        config = relay_config(
            srv.engine.port,
            "up:slicer:size=4,delay_ms=30",
            tls=TlsSettings(cert=certs.server),
            upstream_tls=TlsSettings(ca=certs.ca),
        )
        with running(config) as relay, tls_client(relay.engine.port, certs) as client:
            client.sendall(b"hello world")
            assert srv.wait_rx_bytes(11) == b"hello world"
            sent = [c.data for c in wait_leg_bytes(relay, "server", TX, 11)]
            received = [c.data for c in srv.chunks(RX)]
            relay_rx = [c.data for c in leg_chunks(relay, "client", RX)]
    assert relay_rx == [b"hello world"]
    assert sent == [b"hell", b"o wo", b"rld"]
    # Each piece went out as its own TLS record, 30 ms apart: the server read three.
    assert received == [b"hell", b"o wo", b"rld"]


def test_server_leg_handshake_failure_resets_the_client_with_the_reason(certs, tmp_path):
    (tmp_path / "other").mkdir()
    other = make_certs(tmp_path / "other")  # a CA that did not sign the server's certificate
    with running(tls_server(certs)) as srv:
        port = srv.engine.port
        config = relay_config(port, upstream_tls=TlsSettings(ca=other.ca))
        with running(config) as relay:
            with socket.create_connection(("127.0.0.1", relay.engine.port), timeout=TIMEOUT) as c:
                error = relay.wait_event(EventKind.ERROR)
                with pytest.raises(ConnectionResetError, match="reset by peer"):
                    c.recv(100)
            relay.wait_for(lambda _: not relay.engine.pairs)  # type: ignore[attr-defined]
    assert error.detail == {"leg": "server"}
    assert error.message == (
        f"TLS handshake with 127.0.0.1:{port} failed: the certificate of 127.0.0.1:{port} is "
        "not signed by a CA we trust (unable to get local issuer certificate); if it is "
        "self-signed, give it (or its CA) as the CA file (--upstream-ca), or turn "
        "verification off (--upstream-insecure)"
    )
    # The client leg is reset (RST), as when the server cannot be reached at all.
    aborted = events(relay, EventKind.ABORTED)
    assert [(e.detail, e.message) for e in aborted] == [({"leg": "client"}, "aborted with RST")]
    assert leg_chunks(relay, "server", TX) == []


def test_client_leg_handshake_failure_resets_the_server_leg(certs):
    with socket.create_server(("127.0.0.1", 0)) as upstream:
        config = relay_config(upstream.getsockname()[1], tls=TlsSettings(cert=certs.server))
        with running(config) as relay:
            with socket.create_connection(("127.0.0.1", relay.engine.port), timeout=TIMEOUT) as c:
                upstream.settimeout(TIMEOUT)
                server, _ = upstream.accept()
                with server:
                    server.settimeout(TIMEOUT)
                    relay.wait_event(EventKind.CONNECTED)
                    c.sendall(b"PLAIN TEXT, NOT TLS\r\n")
                    error = relay.wait_event(EventKind.ERROR)
                    with pytest.raises(ConnectionResetError, match="reset by peer"):
                        server.recv(100)
                peer = error.peer
    assert error.detail == {"leg": "client"}
    assert error.message == (
        f"TLS handshake with {peer} failed: {peer} is not speaking TLS (what it sent is not a "
        "TLS record): it may be a plain TCP service; turn TLS off or check the port"
    )
    assert [e.detail for e in events(relay, EventKind.ABORTED)] == [{"leg": "server"}]


def test_self_signed_client_leg_is_announced_and_trusted_by_its_own_certificate(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as upstream:
        config = relay_config(upstream.getsockname()[1], tls=TlsSettings(self_signed=True))
        with running(config) as relay:
            own = relay.wait_event(EventKind.TLS)
            assert own.detail is not None
            pem = tmp_path / "relay.pem"
            pem.write_text(str(own.detail["cert_pem"]))
            context = ssl.create_default_context(cafile=str(pem))
            raw = socket.create_connection(("127.0.0.1", relay.engine.port), timeout=TIMEOUT)
            with context.wrap_socket(raw, server_hostname="localhost") as client:
                upstream.settimeout(TIMEOUT)
                server, _ = upstream.accept()
                with server:
                    client.sendall(b"trusted")
                    server.settimeout(TIMEOUT)
                    assert recv_exactly(server, 7) == b"trusted"
    assert own.conn_id == 0
    assert own.detail["leg"] == "client"
    assert own.detail["self_signed"] is True
    assert own.message.startswith("TLS: serving a self-signed certificate for localhost, ")


def test_tls_leg_close_carries_fin_both_ways(certs):
    """A graceful end on a TLS leg (close_notify, FIN) reaches the other peer as a FIN."""
    with running(tls_server(certs)) as srv:
        config = relay_config(
            srv.engine.port,
            tls=TlsSettings(cert=certs.server),
            upstream_tls=TlsSettings(ca=certs.ca),
        )
        with running(config) as relay:
            with tls_client(relay.engine.port, certs) as client:
                client.sendall(b"bye")
                assert srv.wait_rx_bytes(3) == b"bye"
                srv.engine.disconnect(1)
                assert client.recv(100) == b""  # close_notify from the relay: a clean end
            # The client's FIN goes on to the server leg, and the pair is gone.
            relay.wait_for(lambda _: not relay.engine.pairs)  # type: ignore[attr-defined]
        upstream = srv.engine.port
    kinds = relay.kinds()
    assert EventKind.RESET not in kinds
    assert EventKind.ABORTED not in kinds
    assert EventKind.ERROR not in kinds
    fins = [e.detail for e in events(relay, EventKind.PEER_FIN)]
    assert fins == [{"leg": "server"}, {"leg": "client"}]
    half = [(e.detail, e.message) for e in events(relay, EventKind.HALF_CLOSED)]
    client_peer = events(relay, EventKind.ACCEPTED)[0].peer
    assert half == [
        (
            {"leg": "client"},
            f"sent TLS close_notify and FIN to {client_peer} (half-close); still receiving",
        ),
        (
            # Our server had closed whole (not half): its kernel answers close_notify with RST.
            {"leg": "server"},
            f"sent TLS close_notify to 127.0.0.1:{upstream}, which had already closed the "
            "connection",
        ),
    ]


def test_many_tls_clients_at_once_each_get_their_own_bytes(certs):
    with running(tls_server(certs)) as srv:
        config = relay_config(
            srv.engine.port,
            tls=TlsSettings(cert=certs.server),
            upstream_tls=TlsSettings(ca=certs.ca),
        )
        with running(config) as relay:
            clients = []
            try:
                for n in range(5):
                    raw = socket.create_connection(
                        ("127.0.0.1", relay.engine.port), timeout=TIMEOUT
                    )
                    tls = client_context(certs).wrap_socket(raw, server_hostname="localhost")
                    clients.append(tls)
                    tls.sendall(b"client %d\n" % n)
                total = sum(len(b"client %d\n" % n) for n in range(5))
                got = srv.wait_rx_bytes(total)
            finally:
                for tls in clients:
                    tls.close()
    assert sorted(got.splitlines()) == [b"client %d" % n for n in range(5)]
    assert len(events(relay, EventKind.TLS)) == 10
