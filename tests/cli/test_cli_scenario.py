"""``netassistant-cli run`` and ``lab``: printed steps and checks, exit codes, JUnit XML."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from netassistant.cli.main import main
from netassistant.core.scenario.labs import lab_files, lab_source
from tests.cli.helpers import run_cli

PASSING = """\
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
  - do: send
    pane: client
    text: "hello"
  - expect: bytes_equal
    pane: server
    sent_by: client
    within_ms: 3000
"""
FAILING = (
    PASSING
    + """\
  - expect: count
    id: too_many
    pane: server
    of: rx_chunks
    at_least: 9
"""
)


def cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


def test_run_prints_each_step_and_check_and_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(PASSING)
    code, out = cli("run", str(path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("ok   start server: server listening (127.0.0.1:")
    assert lines[3] == (
        "ok   expect bytes_equal server: observed 5 bytes received; expected 5 bytes, as sent"
    )
    assert lines[-1] == "PASSED: 1 of 1 checks held"


def test_run_json_lines_and_exit_1_when_a_check_fails(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(FAILING)
    code, out = cli("run", str(path), "--json")
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["event"] for r in records] == ["step", "step", "step", "expect", "expect", "summary"]
    failed = records[4]
    assert failed == {
        "event": "expect",
        "index": 5,
        "line": 20,
        "kind": "count",
        "pane": "server",
        "ok": False,
        "elapsed_ms": failed["elapsed_ms"],
        "observed": "rx_chunks: 1",
        "expected": "rx_chunks: at least 9",
        "id": "too_many",
    }
    assert records[-1] == {
        "event": "summary",
        "scenario": "bad",
        "ok": False,
        "checks": 2,
        "failed": 1,
    }


def test_an_invalid_file_exits_2_with_its_line(env: dict[str, str], tmp_path: Path) -> None:
    path = Path(env["NETASSISTANT_CONFIG_DIR"]).parent / "broken.yaml"
    path.write_text(PASSING.replace("    sent_by: client", "    sent_by: client\n    colour: red"))
    done = run_cli(env, "run", str(path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"netassistant-cli: error: {path}: line 19: unknown key colour in step; check the "
        "spelling (docs/scenarios.md lists the keys)\n"
    )


def test_junit_report_has_one_testcase_per_check(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(FAILING)
    report = tmp_path / "report.xml"
    code, _ = cli("run", str(path), "--junit", str(report))
    assert code == 1
    root = ET.parse(report).getroot()
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("name"), suite.get("tests"), suite.get("failures"), suite.get("errors")) == (
        "bad",
        "2",
        "1",
        "0",
    )
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "004 bytes_equal server",
        "005 count server [too_many]",
    ]
    assert cases[0].find("failure") is None
    failure = cases[1].find("failure")
    assert failure is not None
    assert failure.get("message") == "observed rx_chunks: 1; expected rx_chunks: at least 9"


def test_lab_list_names_every_lab() -> None:
    code, out = cli("lab", "list")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(lab_files())
    assert lines[0] == " 1  tcp-vs-udp                   TCP vs UDP: who keeps the boundaries?"


def test_lab_run_of_an_unknown_lab_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = cli("lab", "run", "no-such-lab")
    assert code == 2
    assert "no lab named 'no-such-lab'; the labs are: tcp-vs-udp, " in capsys.readouterr().err


def test_lab_export_writes_the_builtin_file(tmp_path: Path) -> None:
    target = tmp_path / "lab.yaml"
    assert cli("lab", "export", "udp-truncation", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == lab_source("udp-truncation")


@pytest.mark.parametrize("name", list(lab_files()))
def test_every_builtin_lab_produces_its_effect(name: str) -> None:
    code, out = cli("lab", "run", name, "--json")
    records = [json.loads(line) for line in out.splitlines()]
    failed = [r for r in records if not r["ok"]]
    assert code == 0, failed
    assert records[-1]["ok"] is True
