"""Which rows of the receive log are shown: one filter state, two views.

:class:`ChunkFilter` is the filter itself (connection, direction, peer, events), an
immutable value; the log table's :class:`ChunkFilterProxy` and the stream view both
take the same object, so the two can never disagree about what "filtered" means.
"""

from __future__ import annotations

from typing import Any, Final

from PySide6.QtCore import QObject

from netassistant.core.chunk import Chunk, Direction, Event
from netassistant.core.records import FrozenRecord
from netassistant.qt.models.chunkmodel import ChunkLogModel
from netassistant.qt.models.tablemodel import AnyIndex, RowFilterProxy

_DIRECTIONS: Final = {"all": None, "rx": Direction.RX, "tx": Direction.TX}


class _DerivedKeys(FrozenRecord):
    """Room for what :class:`ChunkFilter` derives from its fields once, not per row.

    These slots are not fields: a record's fields are the ``__slots__`` of its own class,
    so equality, hash, repr and ``replace`` see only the four that :class:`ChunkFilter`
    lists.
    """

    __slots__ = ("_wanted", "_peer_key")  # noqa: RUF023
    _wanted: Direction | None
    _peer_key: str


class ChunkFilter(_DerivedKeys):
    """What the receive log shows. The default shows everything.

    A record, not a dataclass: every pane makes one at start (see
    :mod:`netassistant.core.records`).

    Attributes:
        conn: Connection id to show, or None for all.
        direction: ``"all"``, ``"rx"`` or ``"tx"``; applies to chunks only.
        peer: Case-insensitive substring of the peer address ("" for all).
        show_events: Whether connection events are shown.

    Raises:
        ValueError: For a direction other than the three above.
    """

    __slots__ = ("conn", "direction", "peer", "show_events")
    conn: int | None
    direction: str
    peer: str
    show_events: bool

    def __init__(
        self,
        conn: int | None = None,
        direction: str = "all",
        peer: str = "",
        show_events: bool = True,
    ) -> None:
        if direction not in _DIRECTIONS:
            raise ValueError(f"direction must be 'all', 'rx' or 'tx', not {direction!r}")
        self._fill(conn, direction, peer, show_events)
        # Derived once, not per row: filterAcceptsRow runs for every inserted row.
        object.__setattr__(self, "_wanted", _DIRECTIONS[direction])
        object.__setattr__(self, "_peer_key", peer.casefold())

    @property
    def active(self) -> bool:
        """Whether anything is filtered out at all."""
        return self != ChunkFilter()

    def accepts(self, event: Event) -> bool:
        """Return whether ``event`` (a chunk or a connection event) is shown."""
        if isinstance(event, Chunk):
            wanted = self._wanted
            if wanted is not None and event.direction is not wanted:
                return False
        elif not self.show_events:
            return False
        if self.conn is not None and event.conn_id != self.conn:
            return False
        return not self._peer_key or self._peer_key in event.peer.casefold()


class ChunkFilterProxy(RowFilterProxy):
    """Shows the rows of a :class:`ChunkLogModel` that its :class:`ChunkFilter` accepts.

    Filtering is O(rows) per filter change; inserts are filtered row by row as they come.

    Attributes:
        filter: The current :class:`ChunkFilter`.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log: ChunkLogModel | None = None
        self._filter = ChunkFilter()

    @property
    def filter(self) -> ChunkFilter:
        """The current filter."""
        return self._filter

    def setSourceModel(self, model: Any) -> None:
        """Filter ``model``, which must be a :class:`ChunkLogModel` (or None to detach).

        Raises:
            TypeError: For any other model.
        """
        if model is not None and not isinstance(model, ChunkLogModel):
            raise TypeError(f"ChunkFilterProxy needs a ChunkLogModel, not {type(model)}")
        # Kept typed so filterAcceptsRow can call chunk_at() instead of data().
        self._log = model
        # Qt takes None (nullptr) to detach; the stubs do not say so.
        super().setSourceModel(model)  # type: ignore[arg-type]

    def set_filter(self, new: ChunkFilter) -> None:
        """Show the rows ``new`` accepts (refilters only if it differs)."""
        if new != self._filter:
            self._begin_filter_change()
            self._filter = new
            self._end_filter_change()

    def set_conn_filter(self, conn_id: int | None) -> None:
        """Show only connection ``conn_id`` (None: all connections)."""
        self.set_filter(self._filter.replace(conn=conn_id))

    def set_direction_filter(self, direction: str) -> None:
        """Show chunks of one direction: ``"all"``, ``"rx"`` or ``"tx"``.

        Raises:
            ValueError: For another value.
        """
        self.set_filter(self._filter.replace(direction=direction))

    def set_peer_filter(self, text: str) -> None:
        """Show only rows whose peer address contains ``text`` (case-insensitive)."""
        self.set_filter(self._filter.replace(peer=text))

    def set_show_events(self, show: bool) -> None:
        """Show or hide connection events."""
        self.set_filter(self._filter.replace(show_events=show))

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        """Return whether a source row passes the filter."""
        if self._log is None or source_parent.isValid():
            return False
        return self._filter.accepts(self._log.chunk_at(source_row))
