"""The runner's handoff from the engine thread to the printer: bounded, timed, in order."""

from __future__ import annotations

import threading
import time

from netassistant.cli.runner import Handoff
from netassistant.core.pipeline import PipelineBatch


def batch(number: int) -> PipelineBatch:
    return PipelineBatch([], [], number, {}, [])


#: What a get that timed out gives: a batch with nothing in it.
NOTHING = batch(0)


def test_items_come_out_in_order_and_an_empty_wait_gives_nothing():
    handoff = Handoff(3)
    assert [handoff.put(item, 0) for item in (batch(1), None, batch(2))] == [True] * 3
    assert [handoff.get(0) for _ in range(3)] == [batch(1), None, batch(2)]
    started = time.monotonic()
    assert handoff.get(0.05) == NOTHING
    assert 0.04 <= time.monotonic() - started < 2


def test_a_full_handoff_refuses_after_the_timeout():
    handoff = Handoff(2)
    assert handoff.put(batch(1), 0)
    assert handoff.put(batch(2), 0)
    started = time.monotonic()
    assert handoff.put(batch(3), 0.05) is False
    assert 0.04 <= time.monotonic() - started < 2
    assert [handoff.get(0), handoff.get(0), handoff.get(0)] == [batch(1), batch(2), NOTHING]


def test_a_waiting_put_goes_in_as_soon_as_the_printer_takes_one():
    handoff = Handoff(1)
    assert handoff.put(batch(1), 0)
    result: list[bool] = []
    producer = threading.Thread(target=lambda: result.append(handoff.put(batch(2), 10)))
    producer.start()
    time.sleep(0.05)
    assert result == [], "it waits while the handoff is full"
    assert handoff.get(1) == batch(1)
    assert handoff.get(10) == batch(2)
    producer.join(10)
    assert result == [True]
