"""How each message is dressed on the way out: the ``{n}`` counter, a checksum, a frame.

Each message is built in one order: ``{n}`` is filled in, then the checksum is appended,
then the frame is built around message + checksum. The window's send options, the CLI's
``--frame-send``/``--checksum`` and send plans all use :class:`MessageFormat`, so a
message looks the same on the wire whichever front end sent it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netassistant.core.records import FrozenRecord

# Checksums (crcmod) and framing load when a format uses them: every send plan imports
# this module for its counter, and a plain send needs neither.
if TYPE_CHECKING:
    from netassistant.core.framing import FrameSpec

#: The placeholder a counted send replaces by 1, 2, 3, ...
COUNTER = b"{n}"


def counted(payload: bytes, n: int) -> bytes:
    """``payload`` with every ``{n}`` replaced by the decimal ``n``."""
    return payload.replace(COUNTER, str(n).encode("ascii"))


class MessageFormat(FrozenRecord):
    """What is added to each message on the way out: a checksum, then a frame.

    Attributes:
        checksum: A key of :data:`~netassistant.core.checksum.ALGORITHMS`, or "" for none.
        checksum_order: "big", "little" or None for the checksum's own order.
        frame: The framing, or None.
    """

    __slots__ = ("checksum", "checksum_order", "frame")
    checksum: str
    checksum_order: str | None
    frame: FrameSpec | None

    def __init__(
        self, checksum: str = "", checksum_order: str | None = None, frame: FrameSpec | None = None
    ) -> None:
        self._fill(checksum, checksum_order, frame)

    @property
    def active(self) -> bool:
        """True if the format changes the message at all."""
        return bool(self.checksum) or self.frame is not None

    @property
    def overhead(self) -> int:
        """Bytes the format adds to every message (checksum, header or delimiter)."""
        from netassistant.core.checksum import ALGORITHMS
        from netassistant.core.framing import DELIMITER

        added = ALGORITHMS[self.checksum].width_bytes if self.checksum else 0
        if self.frame is not None:
            added += self.frame.header_size + (
                len(self.frame.delimiter) if self.frame.kind == DELIMITER else 0
            )
        return added

    def apply(self, data: bytes) -> bytes:
        """``data`` + checksum, framed.

        Raises:
            FramingError: if the message cannot be framed (see ``encode_frame``).
        """
        if self.checksum:
            from netassistant.core.checksum import append_checksum

            data = append_checksum(self.checksum, data, self.checksum_order)
        if self.frame is not None:
            from netassistant.core.framing import encode_frame

            data = encode_frame(self.frame, data)
        return data
