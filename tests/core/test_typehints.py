"""typehints: typing's names for the type checker, cheap stand-ins at run time."""

from __future__ import annotations

import pickle
import typing

import pytest

from netassistant.core import typehints
from netassistant.core.chunk import Chunk, ChunkFlag, ConnEvent, Direction, EventKind
from tests.helpers import fresh_python


class Point(typehints.NamedTuple):
    """A point."""

    x: int
    y: int = 2
    label: str = "p"

    @property
    def total(self) -> int:
        return self.x + self.y


class TypingPoint(typing.NamedTuple):
    """A point."""

    x: int
    y: int = 2
    label: str = "p"

    @property
    def total(self) -> int:
        return self.x + self.y


def test_a_namedtuple_class_is_what_typing_makes():
    mine, theirs = Point(1), TypingPoint(1)
    assert tuple(mine) == tuple(theirs) == (1, 2, "p")
    assert Point._fields == TypingPoint._fields == ("x", "y", "label")
    assert Point._field_defaults == TypingPoint._field_defaults == {"y": 2, "label": "p"}
    assert repr(mine) == "Point(x=1, y=2, label='p')"
    assert mine.total == theirs.total == 3
    assert mine._replace(label="q") == (1, 2, "q")
    assert mine._asdict() == {"x": 1, "y": 2, "label": "p"}
    assert Point.__doc__ == TypingPoint.__doc__ == "A point."
    assert Point.__module__ == TypingPoint.__module__ == __name__
    assert Point.__qualname__ == "Point"
    assert list(Point.__annotations__) == ["x", "y", "label"]
    assert pickle.loads(pickle.dumps(mine)) == mine
    assert isinstance(mine, tuple)
    with pytest.raises(AttributeError, match="can't set attribute"):
        mine.x = 3  # type: ignore[misc]


def test_a_field_without_default_after_one_with_is_refused():
    with pytest.raises(TypeError, match=r"^Bad\.z: a field without a default follows one with$"):

        class Bad(typehints.NamedTuple):
            y: int = 1
            z: int


def test_namedtuple_methods_cannot_be_overwritten():
    with pytest.raises(AttributeError, match=r"^cannot overwrite NamedTuple attribute _replace$"):

        class Bad(typehints.NamedTuple):
            x: int

            def _replace(self) -> None: ...


def test_the_session_records_are_named_tuples_with_their_defaults():
    chunk = Chunk(1, 2, 3, Direction.RX, "a", "b", b"data")
    assert (chunk.flags, chunk.orig_len, chunk.length) == (ChunkFlag.NONE, -1, 4)
    event = ConnEvent(1, 2, EventKind.STOPPED)
    assert event._replace(message="m") == (
        1,
        2,
        EventKind.STOPPED,
        0,
        "",
        "",
        "m",
        0,
        0,
        0,
        "",
        None,
    )


def test_the_runtime_names_load_no_typing():
    code = (
        "import sys\n"
        "from netassistant.core.typehints import TYPE_CHECKING, NamedTuple, Protocol\n"
        "print(TYPE_CHECKING, Protocol is object, 'typing' in sys.modules)\n"
    )
    assert fresh_python(code).split() == ["False", "True", "False"]
