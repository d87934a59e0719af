"""Tests for netassistant.qt.turnqueue: queued items applied one per event-loop turn."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from netassistant.qt.turnqueue import HOLD_EVERY_MS, TurnQueue


def slow(log: list[str], ms: float):
    """An apply that takes ``ms`` (more than a turn's budget when ms > budget)."""

    def apply(item: int) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            pass
        log.append(f"item {item}")

    return apply


def test_slow_items_are_applied_later_in_order_one_per_turn(qtbot):
    log: list[str] = []
    queue: TurnQueue[int] = TurnQueue(slow(log, 5), budget_ms=2)
    other = QTimer()  # another timer of the same loop: it gets its turn between two items
    other.setInterval(0)
    other.timeout.connect(lambda: log.append("other"))
    other.start()
    for item in range(3):
        queue.push(item)
    assert not [entry for entry in log if entry.startswith("item")]  # nothing applied yet
    assert queue.waiting == 3
    qtbot.waitUntil(lambda: queue.waiting == 0, timeout=2000)
    other.stop()
    items = [entry for entry in log if entry.startswith("item")]
    assert items == ["item 0", "item 1", "item 2"]
    first, last = log.index("item 0"), log.index("item 2")
    between = log[first:last]
    assert between.index("item 1") > between.index("other")  # a turn between 0 and 1
    assert "other" in log[log.index("item 1") : last]  # and between 1 and 2


def test_flush_applies_everything_waiting_at_once_in_order(qtbot):
    log: list[int] = []
    queue: TurnQueue[int] = TurnQueue(log.append)
    for item in range(5):
        queue.push(item)
    queue.flush()
    assert log == [0, 1, 2, 3, 4]
    assert queue.waiting == 0
    qtbot.wait(20)  # the stopped timer applies nothing twice
    assert log == [0, 1, 2, 3, 4]


def test_push_after_the_queue_ran_dry_is_applied_too(qtbot):
    log: list[str] = []
    queue: TurnQueue[str] = TurnQueue(log.append)
    queue.push("a")
    qtbot.waitUntil(lambda: log == ["a"], timeout=2000)
    queue.push("b")
    qtbot.waitUntil(lambda: log == ["a", "b"], timeout=2000)


def test_quick_items_share_a_turn_within_the_budget(qtbot):
    log: list[str] = []
    queue: TurnQueue[int] = TurnQueue(slow(log, 0), budget_ms=1000)
    other = QTimer()
    other.setInterval(0)
    other.timeout.connect(lambda: log.append("other"))
    other.start()
    for item in range(3):
        queue.push(item)
    qtbot.waitUntil(lambda: queue.waiting == 0, timeout=2000)
    other.stop()
    first = log.index("item 0")
    assert log[first : first + 3] == ["item 0", "item 1", "item 2"]  # one turn


def test_while_held_turns_come_only_every_hold_interval_and_all_at_once_after(qtbot):
    held = [True]
    applied: list[tuple[int, float]] = []
    queue: TurnQueue[int] = TurnQueue(
        lambda item: applied.append((item, time.monotonic())), budget_ms=0, hold=lambda: held[0]
    )
    for item in range(5):
        queue.push(item)
    qtbot.waitUntil(lambda: len(applied) == 2, timeout=2000)  # one item per turn (budget 0)
    (_, first), (_, second) = applied
    assert second - first >= HOLD_EVERY_MS / 1000 * 0.9
    qtbot.wait(HOLD_EVERY_MS // 2)
    assert len(applied) == 2  # still held: no turn before the interval is up
    released = time.monotonic()
    held[0] = False
    qtbot.waitUntil(lambda: queue.waiting == 0, timeout=2000)
    assert [item for item, _ in applied] == [0, 1, 2, 3, 4]
    assert applied[-1][1] - released < HOLD_EVERY_MS / 1000  # no more waiting for the interval
