"""Kernel state and the wire in the CLI's output: ``state`` and ``segment`` records."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from netassistant.core.engine.sockstate import supported
from tests.cli.helpers import TIMEOUT, cli, connect, workdir
from tests.core.engine.test_wire import _capture_refusal

CLOCK = r"\d\d:\d\d:\d\d\.\d\d\d"

pytestmark = pytest.mark.skipif(not supported(), reason="TCP_INFO is Linux only")


def test_state_records_carry_their_detail(env):
    with cli(env, "tcp-server", "--local-port", "0", "--json", "--count", "1") as proc:
        local = proc.wait_record("listening")["local"]
        listen = proc.wait_record("state")
        assert {k: listen[k] for k in ("conn", "state", "accept_queue", "rx_queue")} == {
            "conn": 0,
            "state": "LISTEN",
            "accept_queue": 0,
            "rx_queue": 0,
        }
        with connect(local) as client:
            proc.wait_record("open")
            state = proc.wait_record("state")
            assert (state["conn"], state["state"], state["peer_state"]) == (
                1,
                "ESTABLISHED",
                "ESTABLISHED",
            )
            assert state["peer"] == "127.0.0.1:%d" % client.getsockname()[1]
            client.sendall(b"x")
            assert proc.finish() == 0


def test_state_lines_read_as_sentences(env):
    with cli(env, "tcp-server", "--local-port", "0", "--count", "1") as proc:
        local = proc.next_line().rpartition(" ")[2]
        assert re.fullmatch(
            rf"{CLOCK} -- STATE #0 kernel state LISTEN: 0 of \d+ connections wait in the "
            "accept queue",
            proc.next_line(),
        )
        with connect(local) as client:
            line = proc.next_line()
            while " -- STATE #1 " not in line:
                line = proc.next_line()
            client.sendall(b"x")
            assert proc.finish() == 0
    assert re.fullmatch(
        rf"{CLOCK} -- STATE #1 kernel state ESTABLISHED, peer ESTABLISHED; "
        r"receive queue 0 B, send queue 0 B",
        line,
    )


@pytest.mark.skipif(bool(_capture_refusal()), reason=_capture_refusal() or "-")
def test_wire_segments_in_json(env):
    with cli(env, "tcp-server", "--local-port", "0", "--json", "--wire", "--count", "1") as proc:
        local = proc.wait_record("listening")["local"]
        with connect(local) as client:
            syn = proc.wait_record("segment")
            client.sendall(b"x")
            assert proc.finish() == 0
    assert (syn["dir"], syn["flags"], syn["len"], syn["ack"]) == ("rx", "SYN", 0, 0)
    # "seq" is the record's own number: the segment's is "tcp_seq".
    assert syn["message"] == f"rx [SYN] seq={syn['tcp_seq']} ack=0 len=0 win={syn['win']}"
    assert syn["tcp_seq"] != syn["seq"]


@pytest.mark.skipif(shutil.which("capsh") is None, reason="capsh is not installed")
def test_wire_without_permission_says_what_is_needed(env):
    # Drop CAP_NET_RAW for the run (as root, capsh keeps the rest).
    script = f"exec {sys.executable} -m netassistant.cli tcp-server --local-port 0 --wire"
    proc = subprocess.Popen(
        ["capsh", "--drop=cap_net_raw", "--", "-c", script + " --duration 0.5"],
        cwd=workdir(env),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out, err = proc.communicate(timeout=TIMEOUT * 2)
    if "cannot" not in out and proc.returncode == 0 and "ERROR" not in out:
        pytest.skip("capsh could not drop CAP_NET_RAW here")
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    python = __import__("os").path.realpath(sys.executable)
    errors = [line.split(" -- ERROR #0 ", 1)[1] for line in out.splitlines() if "ERROR" in line]
    assert errors == [
        "the wire cannot be shown: capturing on the loopback interface needs the CAP_NET_RAW "
        f"capability; run as root, or give Python the capability with "
        f"'sudo setcap cap_net_raw+ep {python}'"
    ]
