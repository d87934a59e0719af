"""The Labs in the real window: a lab drives real panes, step by step, beside its page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from netassistant.core.config import Kind
from netassistant.core.scenario.labs import load_lab

TIMEOUT_MS = 8000


def test_the_lab_page_steps_through_a_lab_and_shows_observed_vs_predicted(window, qtbot) -> None:
    window.show_labs()
    dock = window.labs_dock()
    assert dock.isVisibleTo(window)
    dock.start(load_lab("sticky-slow-reader"))
    page = dock.page
    assert page is not None
    # Its panes are open, side by side, named as in the scenario.
    assert [p.kind for p in window.panes()] == [Kind.TCP_SERVER, Kind.TCP_CLIENT]
    assert [p.base_title() for p in window.panes()] == ["server", "client"]
    # Nothing runs before a prediction is chosen.
    assert not any(b.isEnabled() for b in page.stage_buttons)
    assert not page.run_all_button.isEnabled()
    assert page.hint.text() == "Choose your prediction first."
    page.choices.button(1).click()
    assert [b.isEnabled() for b in page.stage_buttons] == [True, False, False]
    # One step at a time: each button runs its stage and enables the next.
    for number, button in enumerate(page.stage_buttons):
        with qtbot.waitSignal(
            dock.run.busy_changed, timeout=TIMEOUT_MS, check_params_cb=lambda busy: not busy
        ):
            button.click()
        assert not button.isEnabled()
        if number + 1 < len(page.stage_buttons):
            assert page.stage_buttons[number + 1].isEnabled()
    results = [page.results.item(i).text() for i in range(page.results.count())]
    assert results[0].startswith("✓ server listening (127.0.0.1:")
    assert all(text.startswith("✓") for text in results), results
    assert page.prediction_label.text() == "You predicted: Fewer than 5"
    assert page.observed_label.text().startswith("Observed: rx_chunks: ")
    assert page.observed_label.text().endswith(
        "(the lab expected rx_chunks: fewer than 5 (client.tx_chunks))"
    )
    assert page.verdict_label.text() == "✓ Your prediction was right."
    assert page.why_label.isVisibleTo(page)
    # The server pane really received it: its log holds the chunks the lab counted.
    server = window.panes()[0]
    assert server.controller.stats.rx_chunks < 5
    assert page.hint.text() == "All steps done."


SCENARIO = """\
panes:
  echo_server:
    kind: udp
    session: {local_port: 0}
  sender:
    kind: udp
    session: {local_port: 0}
steps:
  - do: start
    pane: echo_server
  - do: start
    pane: sender
  - do: send
    pane: sender
    to: echo_server
    text: "ping"
    repeat: 2
  - expect: count
    pane: echo_server
    of: rx_chunks
    equals: 2
    within_ms: 3000
"""


def test_run_scenario_opens_its_panes_and_runs_all(window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "udp.yaml"
    path.write_text(SCENARIO)
    assert window.run_scenario(str(path))
    page = window.labs_dock().page
    assert page is not None
    assert [p.base_title() for p in window.panes()] == ["echo_server", "sender"]
    assert page.run_all_button.isEnabled()  # a plain scenario asks no prediction
    with qtbot.waitSignal(
        window.labs_dock().run.busy_changed,
        timeout=TIMEOUT_MS,
        check_params_cb=lambda busy: not busy,
    ):
        page.run_all_button.click()
    results = [page.results.item(i).text() for i in range(page.results.count())]
    assert len(results) == 4
    assert results[-1] == "✓ check count echo_server: observed rx_chunks: 2; expected rx_chunks: 2"
    assert window.panes()[0].controller.stats.rx_chunks == 2


def test_an_invalid_scenario_is_explained_with_its_line(
    window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    path = tmp_path / "bad.yaml"
    path.write_text(SCENARIO.replace("repeat: 2", "repeat: many"))
    assert not window.run_scenario(str(path))
    assert shown == [
        f"{path}\n\nline 17: repeat: must be a whole number from 1 to 100000, not 'many'"
    ]
    assert window.panes() == []


def test_opening_another_lab_mid_run_stops_the_first(window, qtbot) -> None:
    dock = window.labs_dock()
    dock.start(load_lab("remote-command"))
    first = list(window.panes())
    dock.page.choices.button(0).click()
    dock.page.run_all_button.click()
    qtbot.waitUntil(lambda: dock.page.results.count() >= 3, timeout=TIMEOUT_MS)
    dock.start(load_lab("half-close"))
    assert [p.base_title() for p in window.panes()] == ["server", "client"]
    assert not set(first) & set(window.panes())
    assert all(not p.controller.running for p in first)
    assert dock.page.results.count() == 0
