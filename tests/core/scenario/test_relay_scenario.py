"""Relay panes in scenarios: faults in the settings and live, counters per leg."""

from __future__ import annotations

import pytest

from netassistant.core.config import Kind
from netassistant.core.scenario import ScenarioError, ScenarioRunner, load_scenario
from netassistant.core.scenario.labs import load_lab
from netassistant.core.timeline import TimelineBuilder
from netassistant.core.timeline.layout import SELF, columns

RELAYED = """\
panes:
  server:
    kind: tcp-server
    session: {local_port: 0}
  relay:
    kind: relay
    remote: server
    session: {local_port: 0, faults: ["up:slicer:size=4"]}
  client:
    kind: tcp-client
    remote: relay
steps:
  - do: start
    pane: server
  - do: start
    pane: relay
  - do: connect
    pane: client
  - do: send
    pane: client
    text: "hello world"
  - expect: bytes_equal
    pane: server
    sent_by: client
    within_ms: 3000
  - expect: count
    pane: relay
    of: server_leg.tx_chunks
    equals: 3
    within_ms: 2000  # each engine flushes its batches on its own clock
  - expect: count
    pane: relay
    of: server_leg.tx_chunks
    more_than: relay.client_leg.rx_chunks
    within_ms: 2000
  - do: faults
    pane: relay
    faults: []
  - do: send
    pane: client
    text: "hello again"
  - expect: bytes_equal
    pane: server
    sent_by: client
    within_ms: 3000
  - expect: count
    pane: relay
    of: server_leg.tx_chunks
    equals: 4
    within_ms: 2000
  - expect: chunk
    pane: server
    index: -1
    length: 11
    starts_with: "hello again"
"""


def test_a_relay_pane_is_read_with_its_faults() -> None:
    scenario = load_scenario(RELAYED)
    relay = scenario.panes["relay"]
    assert relay.kind is Kind.RELAY
    assert relay.session == {"local_port": 0, "faults": ["up:slicer:size=4"]}
    assert relay.remote == "server"
    assert scenario.actions[7].params == {"faults": []}
    assert scenario.actions[5].params["legs"] is True
    # The relay stands between the others: its timeline shows everyone's calls.
    assert scenario.timeline_pane() == "relay"


def test_a_relay_splits_writes_and_a_faults_step_changes_that_live() -> None:
    runner = ScenarioRunner(load_scenario(RELAYED))
    assert runner.run(), [(r.action.kind, r.observed, r.message) for r in runner.results]
    by_kind = [(r.action.kind, r.observed, r.expected) for r in runner.results if r.action.is_check]
    assert by_kind[1:3] == [
        ("count", "server_leg.tx_chunks: 3", "server_leg.tx_chunks: 3"),
        (
            "count",
            "server_leg.tx_chunks: 3",
            "server_leg.tx_chunks: more than 1 (relay.client_leg.rx_chunks)",
        ),
    ]
    assert runner.results[1].message.startswith("relay listening (127.0.0.1:")
    assert runner.results[7].message == "relay relays without faults now"
    assert by_kind[4] == ("count", "server_leg.tx_chunks: 4", "server_leg.tx_chunks: 4")
    # Without a fault the write goes on whole: the server's newest recv() is all of it.
    assert by_kind[5][0] == "chunk"
    assert by_kind[5][1].endswith(": 11 bytes, 'hello again'…")
    assert by_kind[5][2] == "the last RX chunk: 11 bytes, starting with 'hello again'"
    # The relay's timeline, with the others as peers, reads client | relay | server.
    events = runner.events()
    builder = TimelineBuilder()
    builder.feed(events["relay"])
    builder.feed(events["server"], session=1)
    builder.feed(events["client"], session=2)
    client_address = runner.pane("client").record.connections[1][0]
    server_address = runner.pane("server").record.listening
    assert columns(builder) == [client_address, SELF, server_address]
    record = runner.pane("relay").record
    assert record.counter("client_leg.rx_bytes") == 22
    assert record.counter("server_leg.tx_bytes") == 22
    assert record.counter("server_leg.rx_chunks") == 0  # the server never answered


def test_a_faults_step_reports_the_faults_now_in_force() -> None:
    source = RELAYED.replace("    faults: []", '    faults: ["up:coalesce:window_ms=300"]')
    runner = ScenarioRunner(load_scenario(source))
    runner.run()
    assert runner.results[7].message == "relay relays with up:coalesce:window_ms=300 now"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "    pane: relay\n    faults: []",
            "    pane: server\n    faults: []",
            r"^line 37: pane: faults does not apply to a tcp-server pane$",
        ),
        (
            "    faults: []",
            '    faults: ["up:slicer"]',
            r"^line 38: slicer needs size= \(bytes per piece\)",
        ),
        (
            "    faults: []",
            "    faults: [3]",
            r"^line 38: must be text; put it in quotes$",
        ),
        (
            "  - do: faults\n    pane: relay\n    faults: []\n",
            "  - do: faults\n    pane: relay\n",
            r"^line 36: a faults step needs faults: \(a list of fault specs, \[\] for none\)$",
        ),
        (
            "  - expect: count\n    pane: relay\n    of: server_leg.tx_chunks\n    equals: 3",
            "  - expect: count\n    pane: server\n    of: server_leg.tx_chunks\n    equals: 3",
            r"^line 28: of: only a relay pane has legs \(client_leg, server_leg\)$",
        ),
        (
            'faults: ["up:slicer:size=4"]',
            'faults: ["sideways:slicer:size=4"]',
            r"^line 8: faults: unknown fault direction 'sideways'",
        ),
        (
            "    index: -1",
            "    index: 0",
            r"^line 53: index: counts from 1 \(the first\); -1 is the newest$",
        ),
    ],
)
def test_a_wrong_relay_step_or_check_is_refused_with_its_line(
    old: str, new: str, message: str
) -> None:
    assert old in RELAYED
    with pytest.raises(ScenarioError, match=message):
        load_scenario(RELAYED.replace(old, new))


def test_the_relay_lab_looks_at_the_relays_timeline() -> None:
    lab = load_lab("relay-in-transit")
    assert lab.lab is not None
    assert (lab.lab.number, lab.lab.look_at, lab.lab.check) == (18, "timeline", "split")
    assert lab.timeline_pane() == "relay"
    assert set(lab.lab.code) == {"server", "relay", "client"}
    assert [a.kind for a in lab.actions if not a.is_check] == [
        "start",
        "start",
        "connect",
        "send",
        "faults",
        "send",
    ]


def test_labs_that_draw_on_the_timeline_say_so() -> None:
    looks = {
        name: load_lab(name).lab.look_at  # type: ignore[union-attr]
        for name in (
            "bind-listen-accept",
            "handshake-close",
            "sticky-slow-reader",
            "split-packets",
            "fin-vs-rst",
            "relay-in-transit",
            "tcp-vs-udp",
        )
    }
    assert looks == {
        "bind-listen-accept": "timeline",
        "handshake-close": "timeline",
        "sticky-slow-reader": "timeline",
        "split-packets": "timeline",
        "fin-vs-rst": "timeline",
        "relay-in-transit": "timeline",
        "tcp-vs-udp": "log",
    }
