"""Fixtures of the widget tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


@pytest.fixture
def hosted(qtbot) -> Callable[[Callable[[QWidget], W]], W]:
    """Make a widget inside a host window: ``hosted(lambda host: SomeBox(host))``.

    A top-level QGroupBox makes the offscreen platform warn, so each widget is laid out
    in a plain QWidget host; the hosts stay referenced until the test ends.
    """
    hosts: list[QWidget] = []

    def make(build: Callable[[QWidget], W]) -> W:
        host = QWidget()
        qtbot.addWidget(host)
        hosts.append(host)
        widget = build(host)
        QVBoxLayout(host).addWidget(widget)
        return widget

    return make  # the closure keeps `hosts` alive
