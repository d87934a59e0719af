"""Capture files that keep every byte while the display is paused or capped.

The receive view holds only the newest rows; a capture is fed the same event batches
but writes all of them. It is meant to run in the engine thread (the session worker
calls :meth:`write_batch` from its sink), so a slow disk slows the peer down through
TCP back-pressure instead of growing memory.

A capture never raises into the engine loop: a failed write stores a plain-words
message in ``error`` and stops the capture (later batches are ignored). Only opening
raises, with :class:`CaptureError`. Captures append only to a regular file: a named pipe,
a device or a symbolic link is refused when the capture starts (see
:mod:`netassistant.core.safefile`), so starting one never blocks. :meth:`close` may be
called from any thread, also while the engine thread is writing; it waits for that batch
to finish.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import os
import threading
import time
from collections.abc import Iterable
from typing import IO, Any

from netassistant.core.chunk import Chunk, ConnEvent, Direction
from netassistant.core.i18n import text
from netassistant.core.logformat import (
    chunk_line,
    chunk_record,
    clock,
    event_line,
    event_record,
)
from netassistant.core.safefile import FileKindError, open_regular

#: Which chunks a :class:`RawCapture` keeps.
RAW_DIRECTIONS: tuple[str, ...] = ("rx", "tx", "both")
#: Formats of a :class:`LogCapture`.
LOG_FORMATS: tuple[str, ...] = ("text", "csv", "jsonl")
#: Header row of a CSV log.
CSV_COLUMNS: tuple[str, ...] = ("time", "seq", "dir", "conn", "peer", "len", "hex", "text")
_SHOW = ("hex", "text", "both")


class CaptureError(ValueError):
    """A capture that cannot start; the message says why in plain words.

    ``args[0]`` is the message as a translatable :class:`~netassistant.core.i18n.Text`.
    """


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


class FileCapture:
    """Opening, locking, error handling and closing shared by the capture kinds.

    Attributes:
        path: The file written to.
        error: Why the capture stopped early (a translatable Text), or None while all is well.
        bytes_written: Bytes handed to the file so far (after encoding, for logs).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.error: str | None = None
        self.bytes_written = 0
        self._lock = threading.Lock()
        self._file: IO[Any] | None = None

    def _open(self) -> IO[Any]:
        # Never through a symbolic link (appending to whatever a link points at is a classic
        # way to write where the user did not mean to), never blocking on a FIFO or device.
        try:
            file: IO[Any] = open_regular(self.path, "ab", follow_symlinks=False)
        except FileKindError as exc:
            raise CaptureError(exc.args[0]) from None
        except OSError as exc:
            message = text(
                "cannot open {path} for writing: {reason}", path=self.path, reason=_reason(exc)
            )
            raise CaptureError(message) from None
        return file

    @property
    def closed(self) -> bool:
        """True once closed, or stopped by a write error."""
        return self._file is None

    def write_batch(self, events: Iterable[Any]) -> None:
        """Write what this capture keeps of a batch of events, then flush.

        Safe to call after :meth:`close` or after an error: the batch is ignored.
        Never raises for an I/O problem; see ``error``.
        """
        with self._lock:
            file = self._file
            if file is None:
                return
            try:
                self._write(file, events)
                file.flush()
            except Exception as exc:
                # Anything at all: an exception here would end the engine's loop, and the
                # session matters more than its capture.
                self._fail(exc)

    def flush(self) -> None:
        """Push buffered data to the operating system (write_batch already does)."""
        with self._lock:
            if self._file is not None:
                try:
                    self._file.flush()
                except (OSError, ValueError) as exc:
                    self._fail(exc)

    def close(self) -> None:
        """Flush and close the file; safe to call twice and from any thread."""
        with self._lock:
            file, self._file = self._file, None
            if file is None:
                return
            try:
                file.close()
            except (OSError, ValueError) as exc:
                if self.error is None:
                    self.error = self._write_error(exc)

    def _fail(self, exc: Exception) -> None:
        # Called with the lock held. Stop for good: a disk that is full now would make
        # every later batch fail too, and a file with a hole in it is worse than a short one.
        self.error = self._write_error(exc)
        file, self._file = self._file, None
        if file is not None:
            # The error above is the one worth reporting.
            with contextlib.suppress(OSError, ValueError):
                file.close()

    def _write_error(self, exc: Exception) -> str:
        return text("cannot write to {path}: {reason}", path=self.path, reason=_reason(exc))

    def _write(self, file: IO[Any], events: Iterable[Any]) -> None:
        raise NotImplementedError

    def __enter__(self) -> FileCapture:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class RawCapture(FileCapture):
    """Appends the bytes of every chunk of one direction to a file, nothing else.

    The file holds the stream exactly as it crossed the socket (for ``"both"``, RX and
    TX interleaved in seq order), so it can be diffed, replayed or opened in a hex
    editor.

    Attributes:
        direction: ``"rx"``, ``"tx"`` or ``"both"``.
        path, error, bytes_written, closed: As for every capture.

    Raises:
        CaptureError: For an unknown direction or a file that cannot be opened.
    """

    def __init__(self, path: str | os.PathLike[str], *, direction: str = "rx") -> None:
        super().__init__(path)
        if direction not in RAW_DIRECTIONS:
            raise CaptureError(
                text("direction must be rx, tx or both, not {direction!r}", direction=direction)
            )
        self.direction = direction
        self._wanted = {
            "rx": (Direction.RX,),
            "tx": (Direction.TX,),
            "both": (Direction.RX, Direction.TX),
        }[direction]
        self._file = self._open()

    def _write(self, file: IO[Any], events: Iterable[Any]) -> None:
        wanted = self._wanted
        for event in events:
            if isinstance(event, Chunk) and event.direction in wanted:
                file.write(event.data)
                self.bytes_written += len(event.data)


class LogCapture(FileCapture):
    """Writes one line per chunk and per connection event, as text, CSV or JSON lines.

    * ``text``: the lines the CLI prints (``logformat.chunk_line``/``event_line``).
    * ``jsonl``: one ``logformat.chunk_record``/``event_record`` JSON object per line.
    * ``csv``: columns :data:`CSV_COLUMNS`; ``time`` is local ``YYYY-MM-DD HH:MM:SS.mmm``,
      ``dir`` is ``RX``/``TX`` for chunks and the event kind (``CLOSED``, ...) for events,
      ``hex`` is spaced upper-case pairs (so a spreadsheet keeps it as text), ``text`` is
      the data decoded with control characters escaped; for an event ``text`` is its
      message. A new CSV file starts with a UTF-8 BOM and the header row, so Excel reads
      Chinese text correctly.

    The file is UTF-8 and opened for appending; a CSV header is written only into an
    empty file.

    Attributes:
        fmt: ``"text"``, ``"csv"`` or ``"jsonl"``.
        encoding: Codec used to show data as text.
        show: For text logs: ``"hex"``, ``"text"`` or ``"both"``.
        records_written: Lines written, header excluded.
        path, error, bytes_written, closed: As for every capture.

    Raises:
        CaptureError: For an unknown format or ``show``, or a file that cannot be opened.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        fmt: str,
        encoding: str = "utf-8",
        show: str = "both",
        *,
        udp: bool = False,
    ) -> None:
        super().__init__(path)
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise CaptureError(text("unknown encoding {encoding!r}", encoding=encoding)) from None
        if fmt not in LOG_FORMATS:
            raise CaptureError(text("log format must be text, csv or jsonl, not {fmt!r}", fmt=fmt))
        if show not in _SHOW:
            raise CaptureError(text("show must be hex, text or both, not {show!r}", show=show))
        self.fmt = fmt
        self.encoding = encoding
        self.show = show
        self.udp = udp
        self.records_written = 0
        # Lines are built as str and encoded once per batch, so bytes_written is exact.
        self._file = self._open()
        if fmt == "csv" and self._file.tell() == 0:
            header = codecs.BOM_UTF8 + self._csv_rows([CSV_COLUMNS])
            try:
                self._file.write(header)
                self._file.flush()
            except OSError as exc:
                self._fail(exc)
                raise CaptureError(self.error) from None
            self.bytes_written += len(header)

    def _write(self, file: IO[Any], events: Iterable[Any]) -> None:
        if self.fmt == "text":
            lines = [self._text_line(event) for event in events]
            joined = "".join(line + "\n" for line in lines if line is not None)
            count = len(lines) - lines.count(None)
            data = joined.encode("utf-8", "backslashreplace")
        elif self.fmt == "jsonl":
            records = [self._record(event) for event in events]
            kept = [json.dumps(r, ensure_ascii=False) + "\n" for r in records if r is not None]
            count = len(kept)
            data = "".join(kept).encode("utf-8", "backslashreplace")
        else:
            rows = [self._csv_row(event) for event in events]
            kept_rows = [row for row in rows if row is not None]
            count = len(kept_rows)
            data = self._csv_rows(kept_rows) if kept_rows else b""
        if data:
            file.write(data)
            self.bytes_written += len(data)
            self.records_written += count

    def _text_line(self, event: Any) -> str | None:
        if isinstance(event, Chunk):
            return chunk_line(event, self.encoding, self.show)
        if isinstance(event, ConnEvent):
            return event_line(event)
        return None

    def _record(self, event: Any) -> dict[str, Any] | None:
        if isinstance(event, Chunk):
            return chunk_record(event, self.encoding, udp=self.udp)
        if isinstance(event, ConnEvent):
            return event_record(event)
        return None

    def _csv_row(self, event: Any) -> tuple[Any, ...] | None:
        if isinstance(event, Chunk):
            record = chunk_record(event, self.encoding)
            return (
                _date_time(event.ts_ns),
                event.seq,
                event.direction.value.upper(),
                event.conn_id,
                event.peer,
                len(event.data),
                event.data.hex(" ").upper(),
                record["text"],
            )
        if isinstance(event, ConnEvent):
            # event_line is "<clock> -- <KIND> #<conn> <what happened>"; keep the last part.
            message = event_line(event).split(" ", 4)[4]
            return (
                _date_time(event.ts_ns),
                event.seq,
                event.kind.value.upper(),
                event.conn_id,
                event.peer,
                "",
                "",
                message,
            )
        return None

    @staticmethod
    def _csv_rows(rows: Iterable[Iterable[Any]]) -> bytes:
        buffer = io.StringIO(newline="")
        import csv  # only CSV logs need it

        csv.writer(buffer).writerows(rows)
        return buffer.getvalue().encode("utf-8", "backslashreplace")


def _date_time(ts_ns: int) -> str:
    """``YYYY-MM-DD HH:MM:SS.mmm`` local time."""
    return time.strftime("%Y-%m-%d ", time.localtime(ts_ns // 1_000_000_000)) + clock(ts_ns)
