"""``netassistant-cli relay`` with TLS on its legs, between real peers: openssl and curl."""

from __future__ import annotations

import contextlib
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.helpers import TIMEOUT, cli, connect, listener, run_cli
from tests.cli.test_cli_tls import needs_curl, needs_openssl, peer
from tests.helpers import free_port, recv_exactly
from tests.tlscerts import Certs, make_certs


@pytest.fixture
def certs(tmp_path: Path) -> Certs:
    return make_certs(tmp_path)


def relay_args(port: int, *extra: str) -> list[str]:
    return ["relay", "--local-port", "0", "--remote-host", "127.0.0.1", "--remote-port",
            str(port), "--json", *extra]  # fmt: skip


def data(record: dict) -> bytes:  # type: ignore[type-arg]
    return bytes.fromhex(record["hex"])


def wait_chunks(proc, n: int) -> None:  # type: ignore[no-untyped-def]
    """Read records until ``n`` chunk records have been printed."""
    while len([r for r in proc.records if r["event"] == "chunk"]) < n:
        proc.next_record()


@contextlib.contextmanager
def answer_once(reply: bytes, until: bytes) -> Iterator[tuple[int, list[bytes]]]:
    """A plain server: reads up to ``until``, sends ``reply``, closes (FIN); (port, got)."""
    got: list[bytes] = []
    with listener() as srv:

        def serve() -> None:
            conn, _ = srv.accept()
            with conn:
                conn.settimeout(TIMEOUT)
                buf = b""
                while until not in buf and (more := conn.recv(4096)):
                    buf += more
                got.append(buf)
                conn.sendall(reply)

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        yield srv.getsockname()[1], got
        thread.join(TIMEOUT)


@needs_openssl
def test_plain_client_through_the_relay_to_openssl_s_server(env, certs):
    port = free_port()
    with peer(
        "openssl", "s_server", "-accept", f"127.0.0.1:{port}", "-cert", certs.server,
        "-rev", "-naccept", "1",
    ) as server:  # fmt: skip
        assert server.stdout is not None
        while server.stdout.readline() != b"ACCEPT\n":
            pass
        args = relay_args(port, "--upstream-ca", certs.ca, "--upstream-sni", "localhost")
        with cli(env, *args) as proc:
            listening = proc.wait_record("listening")
            with connect(listening["local"]) as client:
                client.sendall(b"hello relay\n")
                # s_server -rev answers each line reversed.
                assert recv_exactly(client, 12) == b"yaler olleh\n"
                tls = proc.wait_record("tls")
                wait_chunks(proc, 4)
    assert tls["leg"] == "server"
    assert tls["peer"] == f"127.0.0.1:{port}"
    assert tls["version"] == "TLSv1.3"
    assert tls["subject"].startswith("CN=netassistant test server,")
    assert tls["message"].endswith("; verified")
    chunks = [(r["leg"], r["dir"], data(r)) for r in proc.records if r["event"] == "chunk"]
    assert chunks == [
        ("client", "rx", b"hello relay\n"),
        ("server", "tx", b"hello relay\n"),
        ("server", "rx", b"yaler olleh\n"),
        ("client", "tx", b"yaler olleh\n"),
    ]


@needs_openssl
def test_openssl_s_client_through_a_tls_terminating_relay(env, certs):
    with answer_once(b"pong\n", b"\n") as (port, got):
        with cli(env, *relay_args(port, "--cert", certs.server, "--alpn", "x-relay")) as proc:
            listening = proc.wait_record("listening")
            with peer(
                "openssl", "s_client", "-connect", listening["local"], "-CAfile", certs.ca,
                "-servername", "localhost", "-alpn", "x-relay", "-verify_return_error", "-quiet",
            ) as client:  # fmt: skip
                assert client.stdin is not None
                assert client.stdout is not None
                client.stdin.write(b"ping over tls\n")
                client.stdin.flush()
                assert client.stdout.readline() == b"pong\n"
                tls = proc.wait_record("tls")
                # The server's FIN reaches s_client as close_notify + FIN: it ends by itself.
                assert client.wait(TIMEOUT) == 0
    assert got == [b"ping over tls\n"]
    assert tls["leg"] == "client"
    assert tls["alpn"] == "x-relay"
    assert tls["subject"] is None  # s_client sent no certificate


@needs_curl
def test_curl_trusts_the_relays_self_signed_certificate(env, tmp_path):
    reply = b"HTTP/1.1 200 OK\r\nContent-Length: 13\r\nConnection: close\r\n\r\nhello through"
    with answer_once(reply, b"\r\n\r\n") as (port, got):
        with cli(env, *relay_args(port, "--tls-self-signed")) as proc:
            listening = proc.wait_record("listening")
            own = proc.wait_record("tls")
            pem = tmp_path / "relay.pem"
            pem.write_text(own["cert_pem"])
            relay_port = listening["local"].rsplit(":", 1)[1]
            done = subprocess.run(
                ["curl", "-sS", "--max-time", "3", "--cacert", str(pem),
                 f"https://localhost:{relay_port}/via"],
                capture_output=True, timeout=TIMEOUT, check=False,
            )  # fmt: skip
    assert done.stdout == b"hello through"
    assert done.returncode == 0
    assert own["leg"] == "client"
    assert own["self_signed"] is True
    assert got[0].startswith(f"GET /via HTTP/1.1\r\nHost: localhost:{relay_port}\r\n".encode())


def test_upstream_options_warn_and_fail_in_words(env, tmp_path):
    port = free_port()
    done = run_cli(env, *relay_args(port, "--upstream-insecure", "--duration", "0"))
    assert done.stderr.splitlines()[0] == (
        "netassistant-cli: warning: TLS certificate verification toward the server is off "
        "(--upstream-insecure): the server is not authenticated, and anyone in between can "
        "read and change the traffic"
    )
    missing = tmp_path / "missing.pem"
    bad = run_cli(env, *relay_args(port, "--upstream-ca", str(missing)))
    assert bad.returncode == 2
    assert bad.stderr.splitlines()[-1] == (
        f"netassistant-cli: error: upstream_tls.ca: cannot read {missing}: it does not exist"
    )
    both = run_cli(env, *relay_args(port, "--no-upstream-tls", "--upstream-sni", "localhost"))
    assert both.returncode == 2
    assert both.stderr.splitlines()[-1] == (
        "netassistant-cli: error: --no-upstream-tls cannot be combined with TLS options"
    )
    udp = run_cli(env, *relay_args(port, "--udp", "--tls-self-signed"))
    assert udp.returncode == 2
    assert udp.stderr.splitlines()[-1] == (
        "netassistant-cli: error: tls: TLS is for TCP sessions; UDP has none (DTLS)"
    )


def test_a_failed_server_leg_handshake_resets_the_client_and_says_why(env, certs, tmp_path):
    (tmp_path / "other").mkdir()
    other = make_certs(tmp_path / "other")
    with listener() as srv:
        port = srv.getsockname()[1]
        with cli(env, *relay_args(port, "--upstream-ca", other.ca)) as proc:
            listening = proc.wait_record("listening")
            with connect(listening["local"]) as client:
                server, _ = srv.accept()
                with server:
                    # Our "server" speaks plain text where a TLS ServerHello should come.
                    server.sendall(b"220 plain banner\r\n")
                    error = proc.wait_record("error")
                    with pytest.raises(ConnectionResetError, match="reset by peer"):
                        client.recv(100)
    assert error["leg"] == "server"
    assert error["message"] == (
        f"TLS handshake with 127.0.0.1:{port} failed: 127.0.0.1:{port} is not speaking TLS "
        "(what it sent is not a TLS record): it may be a plain TCP service; turn TLS off or "
        "check the port"
    )


def test_help_names_both_legs(env):
    done = run_cli(env, "relay", "--help")
    assert "TLS toward clients (relay: the relay is their TLS server):" in done.stdout
    assert "TLS toward the server (relay: the relay is the server's TLS client):" in done.stdout
    for option in ("--upstream-ca FILE", "--upstream-sni NAME", "--upstream-insecure"):
        assert option in done.stdout
