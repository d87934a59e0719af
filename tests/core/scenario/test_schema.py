"""Scenario files: what is refused, with its line and what to do, and what is read."""

from __future__ import annotations

import pytest

from netassistant.core.config import Kind
from netassistant.core.scenario import ScenarioError, load_scenario
from netassistant.core.scenario.labs import lab_files, load_lab, load_scenario_file

GOOD = """\
scenario: 1
panes:
  server:
    kind: tcp-server
    session: {local_port: 0, read_delay_ms: 300}
  client:
    kind: tcp-client
    remote: server
steps:
  - do: start
    pane: server
  - do: connect
    pane: client
  - do: burst
    pane: client
    text: "x"
    copies: 3
  - expect: count
    pane: server
    of: rx_chunks
    fewer_than: client.tx_chunks
    within_ms: 100
"""


def test_a_good_file_is_read() -> None:
    scenario = load_scenario(GOOD, name="good")
    assert list(scenario.panes) == ["server", "client"]
    assert scenario.panes["server"].kind is Kind.TCP_SERVER
    assert scenario.panes["server"].session == {"local_port": 0, "read_delay_ms": 300}
    assert scenario.panes["client"].remote == "server"
    assert [a.kind for a in scenario.actions] == ["start", "connect", "burst", "count"]
    burst = scenario.actions[2].params
    assert (burst["payload"], burst["repeat"], burst["burst"]) == (b"x", 3, "back_to_back")
    assert scenario.actions[3].within_ms == 100
    assert scenario.actions[3].line == 18
    assert scenario.stages() == [[0], [1], [2, 3]]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("panes:\n  a: [1, 2\n", r"^line 3: not valid YAML: expected ','"),
        (
            GOOD.replace(
                "    pane: client\n  - do: burst",
                "    pane: client\n    colour: red\n  - do: burst",
            ),
            r"^line 14: unknown key colour in step; check the spelling",
        ),
        (
            GOOD.replace("local_port: 0,", "local_port: 70000,"),
            r"^line 5: local_port: 70000 is out of range 0\.\.65535",
        ),
        (
            GOOD.replace("read_delay_ms: 300", "read_delay: 300"),
            r"^line 5: read_delay: unknown setting",
        ),
        (
            GOOD.replace("pane: client\n  - do: burst", "pane: clint\n  - do: burst"),
            r"^line 13: pane: no pane named 'clint'",
        ),
        (
            GOOD.replace("do: burst", "do: explode"),
            r"^line 14: do: 'explode' is not one of start, connect",
        ),
        (
            GOOD.replace("fewer_than: client.tx_chunks", "fewer_than: client.apples"),
            r"^line 21: fewer_than: 'client.apples' is not pane.counter",
        ),
        (
            GOOD.replace("within_ms: 100", "within_ms: 99999999"),
            r"^line 22: within_ms: must be a whole number from 0 to 30000",
        ),
        (
            GOOD.replace("    kind: tcp-client\n", "    kind: tcp-client\n    kind: udp\n"),
            r"^line 8: kind is given twice in pane client",
        ),
        (
            GOOD.replace('text: "x"', "text: !!python/object:os.system x"),
            r"^line 16: the tag tag:yaml\.org,2002:python/object:os\.system is not allowed",
        ),
        (
            "panes:\n  server: &s\n    kind: tcp-server\n  other: *s\nsteps: []\n",
            r"^line 4: anchors and aliases \(&name, \*name\) are not supported",
        ),
        (
            GOOD.replace(
                "  - expect: count\n    pane: server",
                "  - expect: match\n    pattern: '(a'\n    pane: server",
            ),
            r"^line 19: pattern: invalid regular expression: missing \)",
        ),
        (
            GOOD.replace("  - do: start\n    pane: server\n", "  - do: wait\n"),
            r"^line 10: a wait step needs ms:",
        ),
        ("", r"^line 1: the file is empty"),
        ("panes:\n  server:\n    kind: tcp-server\n", r"^line 1: the scenario needs steps:"),
    ],
    ids=[
        "syntax",
        "unknown-key",
        "port-range",
        "unknown-setting",
        "no-such-pane",
        "unknown-step",
        "bad-counter",
        "wait-too-long",
        "duplicate-key",
        "python-tag",
        "alias",
        "bad-regex",
        "missing-ms",
        "empty",
        "no-steps",
    ],
)
def test_an_invalid_file_is_refused_with_its_line(source: str, message: str) -> None:
    with pytest.raises(ScenarioError, match=message) as info:
        load_scenario(source)
    assert info.value.line == int(message.split()[1].rstrip(":"))


def test_a_large_file_is_refused_before_it_is_parsed() -> None:
    with pytest.raises(ScenarioError, match=r"larger than 256 KiB"):
        load_scenario("#" * (300 * 1024))


def test_a_fifo_is_not_opened(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    fifo = tmp_path / "scenario.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ScenarioError, match=r"is not a regular file"):
        load_scenario_file(fifo)


def test_every_builtin_lab_has_its_teaching_in_both_languages() -> None:
    names = list(lab_files())
    assert len(names) >= 17
    numbers = []
    for name in names:
        lab = load_lab(name).lab
        assert lab is not None, name
        numbers.append(lab.number)
        for text in (lab.title, lab.concept, lab.question, lab.look, lab.why, *lab.choices):
            assert text["en"], name
            assert text["zh_CN"], name
        assert lab.check, name
        assert set(lab.code) <= set(load_lab(name).panes)
    assert numbers == list(range(1, len(names) + 1))
