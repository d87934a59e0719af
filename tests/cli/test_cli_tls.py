"""``netassistant-cli`` with TLS against real peers: openssl s_server/s_client and curl."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.helpers import TIMEOUT, chunks, cli, env, run_cli  # noqa: F401 (fixture)
from tests.helpers import free_port
from tests.tlscerts import Certs, make_certs

needs_openssl = pytest.mark.skipif(
    shutil.which("openssl") is None, reason="openssl is not installed"
)
needs_curl = pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")


@pytest.fixture
def certs(tmp_path: Path) -> Certs:
    return make_certs(tmp_path)


@contextlib.contextmanager
def peer(*args: str) -> Iterator[subprocess.Popen]:  # type: ignore[type-arg]
    """An openssl or curl process with pipes; killed and its pipes closed at the end."""
    process = subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    try:
        yield process
    finally:
        process.kill()
        process.wait(TIMEOUT)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


def data(record: dict) -> bytes:  # type: ignore[type-arg]
    return bytes.fromhex(record["hex"])


def listening_port(proc) -> int:  # type: ignore[no-untyped-def]
    return int(proc.wait_record("listening")["local"].rsplit(":", 1)[1])


def wait_for_port(port: int, process: subprocess.Popen) -> None:  # type: ignore[type-arg]
    """Wait until ``openssl s_server`` listens (it prints nothing we can rely on)."""
    import socket

    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, "openssl s_server ended early"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError("openssl s_server did not listen")


@needs_openssl
def test_client_against_openssl_s_server_exact_bytes_and_alpn(env, certs):  # noqa: F811
    port = free_port()
    with peer(
        "openssl",
        "s_server",
        "-accept",
        f"127.0.0.1:{port}",
        "-cert",
        certs.server,
        "-alpn",
        "x-test,http/1.1",
        "-naccept",
        "2",
        "-quiet",
    ) as server:
        wait_for_port(port, server)  # that probe was the first of the two accepts
        with cli(
            env,
            "tcp-client",
            "-P",
            str(port),
            "--ca",
            certs.ca,
            "--sni",
            "localhost",
            "--alpn",
            "x-test",
            "--send",
            "hello from cli\\n",
            "--json",
            "--count",
            "1",
        ) as proc:
            tls = proc.wait_record("tls")
            assert server.stdout is not None
            assert server.stdout.readline() == b"hello from cli\n"
            assert server.stdin is not None
            server.stdin.write(b"hi from openssl\n")
            server.stdin.flush()
            assert proc.finish(TIMEOUT) == 0
    assert tls["alpn"] == "x-test"
    assert tls["version"] == "TLSv1.3"
    assert tls["subject"].startswith("CN=netassistant test server,")
    assert tls["message"].endswith("; verified")
    assert [data(c) for c in chunks(proc.records, "rx")] == [b"hi from openssl\n"]
    assert [data(c) for c in chunks(proc.records, "tx")] == [b"hello from cli\n"]


@needs_openssl
def test_server_against_openssl_s_client_echoes_exact_bytes(env, certs):  # noqa: F811
    with cli(env, "tcp-server", "-p", "0", "--cert", certs.server, "--echo", "--json") as proc:
        port = listening_port(proc)
        with peer(
            "openssl",
            "s_client",
            "-connect",
            f"127.0.0.1:{port}",
            "-CAfile",
            certs.ca,
            "-servername",
            "localhost",
            "-verify_return_error",
            "-quiet",
        ) as client:
            tls = proc.wait_record("tls")
            assert client.stdin is not None
            assert client.stdout is not None
            client.stdin.write(b"ping over tls\n")
            client.stdin.flush()
            rx = proc.wait_record("chunk")
            echoed = client.stdout.readline()
    assert echoed == b"ping over tls\n"
    assert rx["dir"] == "rx"
    assert data(rx) == b"ping over tls\n"
    assert tls["version"] == "TLSv1.3"
    assert tls["subject"] is None  # s_client sent no certificate


@needs_curl
def test_curl_reaches_our_server_and_its_request_arrives_whole(env, certs):  # noqa: F811
    with cli(
        env, "tcp-server", "-p", "0", "--cert", certs.server, "--alpn", "http/1.1", "--json"
    ) as proc:
        port = listening_port(proc)
        curl = subprocess.Popen(
            [
                "curl",
                "-sS",
                "--max-time",
                "3",
                "--cacert",
                certs.ca,
                f"https://127.0.0.1:{port}/probe",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            tls = proc.wait_record("tls")
            rx = proc.wait_record("chunk")
        finally:
            curl.kill()
            curl.wait(TIMEOUT)
    assert tls["alpn"] == "http/1.1"
    assert data(rx).startswith(f"GET /probe HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n".encode())
    assert data(rx).endswith(b"\r\n\r\n")


@needs_curl
def test_self_signed_server_verified_by_curl_with_its_own_certificate(env, tmp_path):  # noqa: F811
    with cli(env, "tcp-server", "-p", "0", "--tls-self-signed", "--json") as proc:
        port = listening_port(proc)
        own = proc.wait_record("tls")
        pem = tmp_path / "selfsigned.pem"
        pem.write_text(own["cert_pem"])
        curl = subprocess.Popen(
            ["curl", "-sS", "--max-time", "3", "--cacert", str(pem), f"https://localhost:{port}/"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            rx = proc.wait_record("chunk")
        finally:
            curl.kill()
            curl.wait(TIMEOUT)
    assert own["self_signed"] is True
    assert own["conn"] == 0
    assert data(rx).startswith(f"GET / HTTP/1.1\r\nHost: localhost:{port}\r\n".encode())


def test_insecure_is_loud_and_a_missing_file_is_a_usage_error(env, tmp_path):  # noqa: F811
    port = free_port()
    done = run_cli(env, "tcp-client", "-P", str(port), "--insecure", "--duration", "0")
    assert done.stderr.splitlines()[0] == (
        "netassistant-cli: warning: TLS certificate verification is off (--insecure): the "
        "server is not authenticated, and anyone in between can read and change the traffic"
    )
    missing = tmp_path / "missing.pem"
    bad = run_cli(env, "tcp-server", "-p", "0", "--cert", str(missing))
    assert bad.returncode == 2
    assert bad.stderr.splitlines()[-1] == (
        f"netassistant-cli: error: tls.cert: cannot read {missing}: it does not exist"
    )
    both = run_cli(env, "tcp-client", "-P", str(port), "--no-tls", "--sni", "localhost")
    assert both.returncode == 2
    assert both.stderr.splitlines()[-1] == (
        "netassistant-cli: error: --no-tls cannot be combined with TLS options"
    )


def test_profile_saves_tls_paths_and_a_run_uses_them(env, certs):  # noqa: F811
    saved = run_cli(
        env,
        "profile",
        "save",
        "secure",
        "--kind",
        "tcp-server",
        "-p",
        "0",
        "--cert",
        certs.server_cert,
        "--key",
        certs.server_key,
        "--alpn",
        "h2,http/1.1",
        "--tls-min",
        "1.3",
    )
    assert saved.returncode == 0, saved.stderr
    shown = run_cli(env, "profile", "show", "secure")
    assert '"key": "' + certs.server_key + '"' in shown.stdout
    assert "PRIVATE KEY" not in shown.stdout
    assert '"alpn": [\n        "h2",\n        "http/1.1"\n      ]' in shown.stdout
    with cli(env, "--profile", "secure", "--json") as proc:
        port = listening_port(proc)
        import socket
        import ssl

        context = ssl.create_default_context(cafile=certs.ca)
        context.set_alpn_protocols(["h2"])
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as raw:
            with context.wrap_socket(raw, server_hostname="localhost") as tls:
                tls.sendall(b"via profile")
                rx = proc.wait_record("chunk")
                assert tls.selected_alpn_protocol() == "h2"
    assert data(rx) == b"via profile"
