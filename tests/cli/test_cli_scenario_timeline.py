"""``run`` and ``lab run`` with ``--timeline PATH``: every pane's calls in one diagram."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from netassistant.cli.main import main
from tests.cli.helpers import run_cli


def cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


#: Calls that depend on the kernel (its socket states, the wire), not on the sockets' calls.
KERNEL_CALLS = ("state", "segment")


def calls_of(path: Path) -> list[dict[str, Any]]:
    """A JSON timeline's steps, all of them: ``to`` holds positions in this list."""
    return json.loads(path.read_text("utf-8"))


def linked(steps: list[dict[str, Any]], step: dict[str, Any]) -> list[dict[str, Any]]:
    """The steps that carried ``step``'s bytes on (its ``to`` positions)."""
    return [steps[i] for i in step.get("to", [])]


def test_a_slow_reader_lab_timeline_links_five_sends_to_fewer_recvs(tmp_path: Path) -> None:
    path = tmp_path / "sticky.json"
    code, out = cli("lab", "run", "sticky-slow-reader", "--timeline", str(path))
    assert code == 0, out
    steps = calls_of(path)
    # The first pane (the server) is the session; the client joins as peer session 1.
    first = next(s for s in steps if s["call"] not in KERNEL_CALLS)
    assert first == {"t": 0.0, "side": "local", "call": "listen", "conn": 0, "seq": 1, "len": 0}
    sends = [s for s in steps if s["call"] == "send"]
    recvs = [s for s in steps if s["call"] == "recv"]
    assert [(s["side"], s["session"], s["len"], s["range"]) for s in sends] == [
        ("peer", 1, 5, [0, 5]),
        ("peer", 1, 5, [5, 10]),
        ("peer", 1, 5, [10, 15]),
        ("peer", 1, 5, [15, 20]),
        ("peer", 1, 5, [20, 25]),
    ]
    # 粘包: the slow reader's first recv() is msg1; the next ones take several at once
    # (all four unless the machine stalled the client for a third of a second).
    assert (recvs[0]["side"], "session" in recvs[0], recvs[0]["range"]) == ("local", False, [0, 5])
    assert 2 <= len(recvs) < 5
    assert [r["range"][0] for r in recvs[1:]] == [r["range"][1] for r in recvs[:-1]]
    assert recvs[-1]["range"][1] == 25
    targets = [linked(steps, s) for s in sends]
    assert targets[0] == [recvs[0]]
    for send, got in zip(sends, targets, strict=True):
        (recv,) = got  # each send() landed in one recv()...
        assert recv["range"][0] <= send["range"][0] < send["range"][1] <= recv["range"][1]
    assert len({json.dumps(got) for got in targets[1:]}) < 4  # ...and some in the same one
    calls = [s["call"] for s in steps]
    assert calls.index("listen") < calls.index("accept") < calls.index("send")


def test_the_relay_lab_timeline_shows_both_legs_split_then_merged(tmp_path: Path) -> None:
    path = tmp_path / "relay.json"
    code, out = cli("lab", "run", "relay-in-transit", "--timeline", str(path))
    assert code == 0, out
    steps = calls_of(path)
    # The relay is the session: it stands between the two others.
    local = [s for s in steps if s["side"] == "local" and s["call"] in ("send", "recv")]
    client_sends = [s for s in steps if s["call"] == "send" and s.get("session") == 2]
    server_recvs = [s for s in steps if s["call"] == "recv" and s.get("session") == 1]
    assert [s["len"] for s in client_sends] == [11] * 6
    # Each whole write of the client reaches the relay's client leg (a recv() of it, or
    # of it and the next if the relay was slow to read: the bytes are linked either way).
    for send in client_sends:
        got = linked(steps, send)
        assert [(s["side"], s["call"]) for s in got] == [("local", "recv")]
        assert got[0]["range"][0] <= send["range"][0] < send["range"][1] <= got[0]["range"][1]
    relay_sends = [s for s in local if s["call"] == "send"]
    # The slicer writes each on as 4, 4 and 3 bytes; coalesce writes the last three as one.
    assert [s["len"] for s in relay_sends] == [4, 4, 3] * 3 + [33]
    for send in relay_sends:
        got = linked(steps, send)
        assert got
        assert all(r in server_recvs for r in got)
    assert len(server_recvs) > 3  # more recv()s than the client's three first send()s
    assert server_recvs[0]["len"] == 4
    assert server_recvs[-1]["range"] == [33, 66]


def test_a_scenario_timeline_as_mermaid_names_every_lifeline(tmp_path: Path) -> None:
    path = tmp_path / "calls.mmd"
    code, _ = cli("lab", "run", "bind-listen-accept", "--timeline", str(path))
    assert code == 0
    lines = [line for line in path.read_text("utf-8").splitlines() if "state" not in line.lower()]
    assert lines[0] == "sequenceDiagram"
    assert lines[1].startswith("    participant L as this socket 127.0.0.1:")
    assert lines[2].startswith("    participant P1 as 127.0.0.1:")
    assert lines[3] == "    Note over L: socket/bind/listen (0.000000 s)"
    body = [line.split(" (")[0] for line in lines[4:]]
    assert {"    P1->>L: accept()", "    P1->>L: connect()"} <= set(body)


@pytest.mark.parametrize("command", [("lab", "run", "tcp-vs-udp"), ("run", "SCENARIO")])
def test_a_timeline_name_no_format_fits_exits_2_before_anything_runs(
    env: dict[str, str], tmp_path: Path, command: tuple[str, ...]
) -> None:
    scenario = tmp_path / "never-read.yaml"  # not even created: the name is refused first
    args = [str(scenario) if part == "SCENARIO" else part for part in command]
    done = run_cli(env, *args, "--timeline", str(tmp_path / "calls.txt"))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "netassistant-cli: error: --timeline: a timeline file must end in .svg, .mmd or "
        f".json (it picks the format), not '{tmp_path / 'calls.txt'}'\n"
    )
    assert not (tmp_path / "calls.txt").exists()


def test_a_timeline_that_cannot_be_written_fails_the_run_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "calls.svg"
    folder.mkdir()  # a folder where the file should go
    code, out = cli("lab", "run", "udp-truncation", "--timeline", str(folder))
    assert code == 1
    assert out.splitlines()[-1].startswith("PASSED: ")  # the checks held; the file did not
    err = capsys.readouterr().err
    assert err.startswith(f"netassistant-cli: error: cannot write the timeline to {folder}: ")
