"""``--stay-open``: the peer's FIN leaves our side open (issue 10 §4)."""

from __future__ import annotations

import signal
import socket

import pytest

from tests.cli.helpers import cli, connect, run_cli
from tests.helpers import recv_exactly


@pytest.mark.parametrize("stay_open", [False, True], ids=["default", "stay-open"])
def test_tcp_server_after_the_peers_fin(env, stay_open):
    flags = ["--stay-open"] if stay_open else []
    with cli(env, "tcp-server", "--local-port", "0", "--json", "--echo", *flags) as proc:
        local = proc.next_record()["local"]
        with connect(local) as client:
            proc.wait_record("open")
            client.sendall(b"ping")
            client.shutdown(socket.SHUT_WR)
            assert recv_exactly(client, 4) == b"ping", "the echo comes after our FIN"
            record = proc.wait_record("peer_fin" if stay_open else "close")
            client.settimeout(0.3 if stay_open else 5)
            if stay_open:
                with pytest.raises(TimeoutError, match="timed out"):
                    client.recv(10)  # no FIN from the CLI: it stays open for sending
            else:
                assert client.recv(10) == b"", "the CLI closed its side too"
            proc.proc.send_signal(signal.SIGTERM)
            assert proc.finish() == 0
    assert proc.stderr == ""
    if stay_open:
        assert record["message"].endswith(
            "finished sending (FIN); the connection stays open for sending"
        )
        assert "close" not in [r["event"] for r in proc.records[: proc.records.index(record)]]
    else:
        assert record["reason"] == "fin"


def test_stay_open_is_for_tcp_only(env):
    out = run_cli(env, "udp", "--stay-open", "--duration", "0")
    assert out.returncode == 2
    assert "unrecognized arguments: --stay-open" in out.stderr
