"""Labs that draw on the timeline: the window opens it beside the lab and links the panes."""

from __future__ import annotations

from netassistant.core.config import Kind
from netassistant.core.scenario.labs import load_lab
from netassistant.core.timeline import Step

TIMEOUT_MS = 10_000


def run_every_stage(page, dock, qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    """Press each step button in turn; returns the results shown."""
    page.choices.button(page.scenario.lab.answer).click()
    for button in page.stage_buttons:
        with qtbot.waitSignal(
            dock.run.busy_changed, timeout=TIMEOUT_MS, check_params_cb=lambda busy: not busy
        ):
            button.click()
    return [page.results.item(i).text() for i in range(page.results.count())]


def test_lab_2_opens_the_servers_timeline_and_draws_each_call(window, qtbot) -> None:
    window.resize(1600, 900)
    dock = window.labs_dock()
    dock.start(load_lab("bind-listen-accept"))
    page = dock.page
    server, client = window.panes()
    # Opened before anything runs, on the first pane; the client's timeline stays closed.
    assert server.timeline.button.isChecked()
    assert server.timeline.view is not None
    assert server.timeline.view.isVisibleTo(server)
    assert client.timeline.view is None
    assert server.timeline.model.builder.steps == []
    show = page.findChild(type(page.run_all_button), "labShowMe")
    assert show.text() == "Show the timeline"

    results = run_every_stage(page, dock, qtbot)
    assert all(text.startswith("✓") for text in results), results
    builder = server.timeline.model.builder

    def socket_steps() -> list[Step]:
        # Kernel states, where they are watched, are left out: they come on timers.
        return [s for s in builder.steps if s.call not in ("state", "segment")]

    def calls() -> list[tuple[str, str, bool]]:
        # (Panes of earlier tests may still be registered: a peer session's number varies.)
        return [(s.side, s.call, bool(s.session)) for s in socket_steps()]

    # The client pane's calls join the server's timeline (linked as a peer session).
    qtbot.waitUntil(lambda: ("peer", "fin", False) in calls(), timeout=TIMEOUT_MS)
    seen = calls()
    assert seen[0] == ("local", "listen", False)
    assert {s.session for s in builder.steps if s.session} == {
        s.session for s in builder.steps if s.call == "connect"
    }
    connect = seen.index(("peer", "connect", True))
    accept = seen.index(("local", "accept", False))
    send = seen.index(("peer", "send", True))
    recv = seen.index(("local", "recv", False))
    assert min(connect, accept) > 0
    assert max(connect, accept) < send < recv
    sent = socket_steps()[send]
    assert [(s.call, s.start, s.end) for s in builder.links_from(sent.id)] == [("recv", 0, 5)]

    # "Show the timeline" brings it back after the user closed it.
    server.timeline.set_shown(False)
    assert not server.timeline.view.isVisibleTo(server)
    show.click()
    assert server.timeline.view.isVisibleTo(server)


def test_lab_18_runs_a_relay_in_the_window_and_opens_its_timeline(window, qtbot) -> None:
    dock = window.labs_dock()
    dock.start(load_lab("relay-in-transit"))
    page = dock.page
    assert [p.kind for p in window.panes()] == [Kind.TCP_SERVER, Kind.RELAY, Kind.TCP_CLIENT]
    server, relay, client = window.panes()
    assert relay.timeline.view is not None
    assert server.timeline.view is None
    results = run_every_stage(page, dock, qtbot)
    assert all(text.startswith("✓") for text in results), results
    assert "✓ relay relays with up:coalesce:window_ms=500 now" in results
    assert page.verdict_label.text() == "✓ Your prediction was right."
    # The relay's timeline has both legs: the client's whole sends and the relay's pieces.
    builder = relay.timeline.model.builder

    def relay_sends() -> list[int]:
        return [s.length for s in builder.steps if s.call == "send" and not s.session]

    # (The timeline takes the batches a moment after the checks saw them.)
    qtbot.waitUntil(lambda: len(relay_sends()) == 10, timeout=TIMEOUT_MS)
    assert relay_sends() == [4, 4, 3] * 3 + [33]
    steps = builder.steps
    client_sends = [s for s in steps if s.call == "send" and s.session]
    assert [s.length for s in client_sends] == [11] * 6
    assert client.controller.stats.tx_chunks == 6
