"""The scenario runner on real loopback sessions: steps, checks, failures, bounds."""

from __future__ import annotations

import threading
import time

from netassistant.core.chunk import Chunk, Direction
from netassistant.core.scenario import Result, ScenarioRunner, load_scenario

PAIR = """\
panes:
  server:
    kind: tcp-server
    session: {local_port: 0}
  client:
    kind: tcp-client
    remote: server
steps:
  - do: start
    pane: server
  - do: connect
    pane: client
"""


def run(source: str) -> tuple[bool, list[Result], ScenarioRunner]:
    runner = ScenarioRunner(load_scenario(source))
    ok = runner.run()
    return ok, runner.results, runner


def test_a_holding_expectation_says_what_it_observed() -> None:
    ok, results, runner = run(
        PAIR
        + """\
  - do: send
    pane: client
    text: "ping"
  - expect: bytes_equal
    pane: server
    sent_by: client
    within_ms: 3000
  - expect: match
    pane: server
    pattern: "p.ng"
"""
    )
    assert ok
    assert [(r.action.kind, r.ok) for r in results] == [
        ("start", True),
        ("connect", True),
        ("send", True),
        ("bytes_equal", True),
        ("match", True),
    ]
    assert (results[3].observed, results[3].expected) == ("4 bytes received", "4 bytes, as sent")
    assert results[4].observed == "matched b'ping'"
    rx = [e for e in runner.events()["server"] if type(e) is Chunk and e.direction is Direction.RX]
    assert b"".join(c.data for c in rx) == b"ping"


def test_a_failing_expectation_fails_the_run_and_the_rest_still_runs() -> None:
    ok, results, _ = run(
        PAIR
        + """\
  - do: send
    pane: client
    text: "ping"
  - expect: count
    pane: server
    of: rx_chunks
    equals: 5
    within_ms: 200
  - expect: count
    pane: client
    of: tx_chunks
    equals: 1
"""
    )
    assert not ok
    assert (results[3].ok, results[3].observed, results[3].expected) == (
        False,
        "rx_chunks: 1",
        "rx_chunks: 5",
    )
    assert results[4].ok


def test_a_refused_connect_is_a_failed_step_with_the_reason() -> None:
    source = """\
panes:
  client:
    kind: tcp-client
    session: {remote_port: 1}
steps:
  - do: connect
    pane: client
  - expect: error
    pane: client
    kind: connection-refused
"""
    ok, results, _ = run(source)
    assert not ok
    assert not results[0].ok
    assert results[0].message.startswith("client did not start: connection refused by 127.0.0.1:1")
    assert results[1].ok


def test_a_step_that_may_fail_does_not_fail_the_run() -> None:
    source = """\
panes:
  client:
    kind: tcp-client
    session: {remote_port: 1}
steps:
  - do: connect
    pane: client
    may_fail: true
"""
    ok, results, _ = run(source)
    assert ok
    assert results[0].message.startswith("client did not start")


def test_the_scenario_time_limit_ends_a_wait() -> None:
    source = """\
timeout_s: 1
panes:
  server:
    kind: tcp-server
    session: {local_port: 0}
steps:
  - do: start
    pane: server
  - expect: count
    pane: server
    of: rx_chunks
    equals: 1
    within_ms: 30000
  - do: stop
    pane: server
"""
    started = time.monotonic()
    ok, results, _ = run(source)
    assert time.monotonic() - started < 5
    assert not ok
    assert len(results) == 2  # the stop after the time ran out is not run
    assert not results[1].ok


def test_cancel_from_another_thread_ends_the_run_within_a_second() -> None:
    source = """\
panes:
  server:
    kind: tcp-server
    session: {local_port: 0}
steps:
  - do: start
    pane: server
  - do: wait
    ms: 30000
"""
    runner = ScenarioRunner(load_scenario(source))
    threading.Timer(0.3, runner.cancel).start()
    started = time.monotonic()
    assert not runner.run()
    assert time.monotonic() - started < 2
    assert runner.results[-1].message == "the run was stopped"


def test_a_restart_keeps_the_port_and_can_change_settings() -> None:
    ok, results, _ = run(
        """\
panes:
  server:
    kind: tcp-server
    session: {local_port: 0, recv_size: 4}
  client:
    kind: tcp-client
    remote: server
steps:
  - do: start
    pane: server
  - do: restart
    pane: server
    session: {recv_size: 2}
  - do: connect
    pane: client
  - do: send
    pane: client
    text: "abcd"
  - expect: count
    pane: server
    of: rx_chunks
    equals: 2
    within_ms: 3000
"""
    )
    assert ok, results
    assert results[0].message.split("(")[1] == results[1].message.split("(")[1]
