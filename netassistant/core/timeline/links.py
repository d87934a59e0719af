"""Which send delivered the bytes of which recv: byte ranges matched per stream.

Each direction of a TCP connection is one byte stream. Both ends count its bytes from 0:
the sender per ``send()``, the receiver per ``recv()``, the wire per segment. A send and a
recv are linked when their ranges overlap in the same stream, which is how one send
landing in two recvs (拆包) or two sends landing in one recv (粘包) becomes visible.

A stream is named by its direction (``src`` -> ``dst`` addresses) and by how many
connections of the same 4-tuple came before (a reconnect may reuse a port): the two
ends of one connection meet under the same name without ever talking to each other.
Memory is bounded: a stream keeps only ranges the other roles may still overlap, at most
:data:`MAX_PENDING` per role, and at most :data:`MAX_STREAMS` streams are followed.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from typing import NamedTuple

#: Ranges waiting for a partner, per role and stream (a peer we never hear from).
MAX_PENDING = 1024
#: Streams followed at once; the least recently used one is forgotten beyond.
MAX_STREAMS = 4096

#: Roles in the order bytes travel: they link in this order (send -> wire -> recv).
SEND, WIRE, RECV = 0, 1, 2
_PAIRS = ((SEND, WIRE), (WIRE, RECV), (SEND, RECV))

StreamName = tuple[str, str, int]


class _Stream(NamedTuple):
    pools: tuple[deque[_Range], ...]  # per role, in stream order
    seen: list[bool]  # per role: has it carried bytes of this stream yet


class _Range(NamedTuple):
    start: int
    end: int
    step_id: int


class LinkTable:
    """Match byte ranges of sends, wire segments and recvs; report the links made."""

    def __init__(self) -> None:
        self._streams: OrderedDict[StreamName, _Stream] = OrderedDict()

    def add(
        self, stream: StreamName, role: int, start: int, end: int, step_id: int
    ) -> list[tuple[int, int]]:
        """Record a range and return the new links as ``(earlier role's id, later role's id)``.

        Args:
            stream: The stream's name.
            role: :data:`SEND`, :data:`WIRE` or :data:`RECV`.
            start: First byte's offset.
            end: Offset past the last byte (``> start``).
            step_id: The step that carried the bytes.
        """
        entry = self._streams.get(stream)
        if entry is None:
            entry = _Stream(tuple(deque[_Range](maxlen=MAX_PENDING) for _ in range(3)), [False] * 3)
            self._streams[stream] = entry
            if len(self._streams) > MAX_STREAMS:
                self._streams.popitem(last=False)
        else:
            self._streams.move_to_end(stream)
        pools, seen = entry
        seen[role] = True
        if seen.count(True) == 1:
            # Only this role so far (a session on its own): nothing to match or forget.
            pools[role].append(_Range(start, end, step_id))
            return []
        links: list[tuple[int, int]] = []
        for first, second in _PAIRS:
            if role not in (first, second):
                continue
            other = pools[second if role == first else first]
            # Ranges grow along the stream, and _forget_consumed drops what every role
            # has gone past: the loop sees the few ranges that can still overlap.
            for item in other:
                if item.start >= end:
                    break
                if item.end > start:
                    pair = (item.step_id, step_id) if role == second else (step_id, item.step_id)
                    links.append(pair)
        pools[role].append(_Range(start, end, step_id))
        self._forget_consumed(pools, seen)
        return links

    @staticmethod
    def _forget_consumed(pools: tuple[deque[_Range], ...], seen: list[bool]) -> None:
        """Drop ranges that every role seen in this stream has already gone past.

        A role not seen yet does not hold ranges back (else a session without a wire
        capture would keep every send): a peer merged later, or a wire turned on later,
        links from then on.
        """
        for role, pool in enumerate(pools):
            others = [pools[r] for r in range(3) if r != role and seen[r]]
            if not others or not pool:
                continue
            reach = min((other[-1].end if other else 0) for other in others)
            while pool and pool[0].end <= reach:
                pool.popleft()
