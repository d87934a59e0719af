"""RateHistory: rates from counters, resets, and a bounded window."""

from __future__ import annotations

import pytest

from netassistant.core.ratehistory import RateHistory


def test_rates_are_counter_steps_over_time():
    h = RateHistory(seconds=10)
    assert h.sample(0.0, (0, 0, 0, 0)) is None
    point = h.sample(0.5, (1000, 50, 10, 1))
    assert point is not None
    assert point.rates == (2000.0, 100.0, 20.0, 2.0)
    assert h.peak(0) == 2000.0


def test_a_reset_counter_is_a_new_baseline_not_a_negative_rate():
    h = RateHistory(seconds=10)
    h.sample(0.0, (5000, 0, 50, 0))
    point = h.sample(1.0, (300, 0, 3, 0))
    assert point is not None
    assert point.rates == (300.0, 0.0, 3.0, 0.0)


def test_the_window_keeps_only_the_last_seconds():
    h = RateHistory(seconds=5)
    for i in range(21):
        h.sample(i * 0.5, (i * 100, 0, i, 0))
    assert [p.t for p in h.points] == [5.0 + 0.5 * i for i in range(11)]
    assert all(p.rates[0] == 200.0 for p in h.points)


def test_memory_is_bounded_by_points():
    h = RateHistory(seconds=3600, max_points=100)
    for i in range(1000):
        h.sample(float(i), (i, i, i, i))
    assert len(h.points) == 100


def test_bad_input_is_refused_with_words():
    with pytest.raises(ValueError, match=r"^the history must cover 0 \.\. 3600 s, not 0$"):
        RateHistory(seconds=0)
    with pytest.raises(ValueError, match=r"^a sample needs 4 counters, not 2$"):
        RateHistory().sample(0.0, (1, 2))


def test_rates_are_smoothed_over_a_second_of_samples():
    # Counters move in batch steps: every other 0.5 s sample sees a whole batch or none.
    h = RateHistory(seconds=10, smooth=1.0)
    for i, total in enumerate((0, 0, 2000, 2000, 4000, 4000, 6000)):
        h.sample(i * 0.5, (total, 0, 0, 0))
    assert [p.rates[0] for p in h.points] == [0.0, 2000.0, 2000.0, 2000.0, 2000.0, 2000.0]
