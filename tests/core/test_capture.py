"""Tests for netassistant.core.capture: raw and log capture files."""

from __future__ import annotations

import csv
import datetime
import json
import os
import threading

import pytest

from netassistant.core import logformat
from netassistant.core.capture import CSV_COLUMNS, CaptureError, LogCapture, RawCapture
from netassistant.core.chunk import Chunk, ChunkFlag, ConnEvent, Direction, EventKind
from tests.filehelpers import fill_disk, finishes

LOCAL = "127.0.0.1:9000"
PEER = "127.0.0.1:50001"
# 13:04:05.678 local time, whatever the machine's time zone.
TS = int(datetime.datetime(2024, 5, 6, 13, 4, 5).timestamp()) * 10**9 + 678_000_000


def rx(seq: int, data: bytes, conn: int = 1, **kw) -> Chunk:
    return Chunk(seq, TS, conn, Direction.RX, LOCAL, PEER, data, **kw)


def tx(seq: int, data: bytes, conn: int = 1) -> Chunk:
    return Chunk(seq, TS, conn, Direction.TX, LOCAL, PEER, data)


def ev(seq: int, kind: EventKind, conn: int = 1, message: str = "") -> ConnEvent:
    return ConnEvent(seq, TS, kind, conn, LOCAL, PEER, message)


@pytest.fixture
def batches():
    return [
        [ev(1, EventKind.ACCEPTED), rx(2, b"hello"), tx(3, b"ignored by rx capture")],
        [rx(4, b'a,"b"\r\nc\x00'), rx(5, bytes(range(256))), ev(6, EventKind.CLOSED)],
        [],
        [rx(7, "你好".encode()), tx(8, b"\xff")],
    ]


def everything(batches):
    return [event for batch in batches for event in batch]


def rx_bytes(batches, direction=Direction.RX):
    return b"".join(
        e.data for e in everything(batches) if isinstance(e, Chunk) and e.direction is direction
    )


# -- raw -------------------------------------------------------------------------------


def test_raw_capture_keeps_rx_bytes_exactly(tmp_path, batches):
    path = tmp_path / "rx.bin"
    capture = RawCapture(path)
    for batch in batches:
        capture.write_batch(batch)
    capture.close()
    assert path.read_bytes() == rx_bytes(batches)
    assert capture.bytes_written == len(rx_bytes(batches))
    assert capture.error is None
    assert capture.closed


def test_raw_capture_of_tx_and_both(tmp_path, batches):
    with RawCapture(tmp_path / "tx.bin", direction="tx") as sent:
        for batch in batches:
            sent.write_batch(batch)
    with RawCapture(tmp_path / "all.bin", direction="both") as both:
        for batch in batches:
            both.write_batch(batch)
    assert (tmp_path / "tx.bin").read_bytes() == rx_bytes(batches, Direction.TX)
    assert (tmp_path / "all.bin").read_bytes() == b"".join(
        e.data for e in everything(batches) if isinstance(e, Chunk)
    )


def test_raw_capture_appends_to_an_existing_file(tmp_path):
    path = tmp_path / "rx.bin"
    path.write_bytes(b"old")
    with RawCapture(path) as capture:
        capture.write_batch([rx(1, b"new")])
    assert path.read_bytes() == b"oldnew"


def test_raw_capture_bytes_are_on_disk_after_each_batch(tmp_path):
    path = tmp_path / "rx.bin"
    capture = RawCapture(path)
    capture.write_batch([rx(1, b"abc")])
    assert path.read_bytes() == b"abc"
    capture.close()


def test_write_after_close_is_ignored(tmp_path):
    path = tmp_path / "rx.bin"
    capture = RawCapture(path)
    capture.write_batch([rx(1, b"kept")])
    capture.close()
    capture.write_batch([rx(2, b"lost")])
    capture.flush()
    capture.close()
    assert path.read_bytes() == b"kept"
    assert capture.bytes_written == 4
    assert capture.error is None


def test_unknown_direction():
    with pytest.raises(CaptureError, match=r"\w") as info:
        RawCapture("/tmp/never-created", direction="up")
    assert str(info.value) == "direction must be rx, tx or both, not 'up'"


# -- open and write failures -----------------------------------------------------------


def test_open_failure_in_a_missing_folder(tmp_path):
    path = tmp_path / "missing" / "rx.bin"
    with pytest.raises(CaptureError, match=r"\w") as info:
        RawCapture(path)
    assert str(info.value) == f"cannot open {path} for writing: No such file or directory"
    assert isinstance(info.value, ValueError)


def test_open_failure_on_a_folder(tmp_path):
    with pytest.raises(CaptureError, match=r"\w") as info:
        LogCapture(tmp_path, "text")
    assert str(info.value) == f"{tmp_path} is a directory, not a regular file"


@pytest.mark.parametrize("make", [RawCapture, lambda path: LogCapture(path, "csv")])
def test_a_named_pipe_is_refused_without_blocking(tmp_path, make):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(CaptureError, match=r"pipe is a named pipe \(FIFO\), not a regular file$"):
        finishes(make, fifo, fifo=fifo)


@pytest.mark.parametrize("make", [RawCapture, lambda path: LogCapture(path, "text")])
def test_a_device_is_refused(make):
    with pytest.raises(
        CaptureError, match=r"^/dev/null is a character device, not a regular file$"
    ):
        finishes(make, "/dev/null")


@pytest.mark.parametrize("make", [RawCapture, lambda path: LogCapture(path, "jsonl")])
def test_a_symbolic_link_is_refused_and_its_target_untouched(tmp_path, make):
    target = tmp_path / "target.bin"
    target.write_bytes(b"keep")
    link = tmp_path / "link.bin"
    link.symlink_to(target)
    with pytest.raises(CaptureError, match=r"\w") as info:
        make(link)
    assert str(info.value) == f"{link} is a symbolic link; choose the real file"
    assert target.read_bytes() == b"keep"
    dangling = tmp_path / "dangling.bin"
    dangling.symlink_to(tmp_path / "created-through-the-link")
    with pytest.raises(CaptureError, match=r"is a symbolic link; choose the real file$"):
        make(dangling)
    assert not (tmp_path / "created-through-the-link").exists()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere"
)
def test_open_failure_without_permission(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    try:
        with pytest.raises(CaptureError, match=r"\w") as info:
            RawCapture(folder / "x")
    finally:
        folder.chmod(0o700)
    assert str(info.value) == f"cannot open {folder / 'x'} for writing: Permission denied"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("make", [RawCapture, lambda path: LogCapture(path, "jsonl")])
def test_write_error_stops_the_capture_without_raising(make, tmp_path):
    path = tmp_path / "full.bin"
    capture = make(path)
    fill_disk(capture)
    capture.write_batch([rx(1, b"x" * 100)])
    assert capture.error == f"cannot write to {path}: No space left on device"
    assert capture.closed
    capture.write_batch([rx(2, b"y")])  # ignored, still no exception
    capture.close()
    assert capture.error == f"cannot write to {path}: No space left on device"


def test_close_from_another_thread_while_writing(tmp_path):
    path = tmp_path / "rx.bin"
    capture = RawCapture(path)
    started = threading.Event()
    errors: list[BaseException] = []

    def writer():
        try:
            seq = 0
            while not capture.closed:
                capture.write_batch([rx(seq, b"0123456789")])
                seq += 1
                started.set()
        except BaseException as exc:  # pragma: no cover - the test fails below
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    assert started.wait(5)
    capture.close()
    thread.join(5)
    assert not thread.is_alive()
    assert errors == []
    assert capture.error is None
    data = path.read_bytes()
    assert len(data) == capture.bytes_written
    assert data == b"0123456789" * (len(data) // 10)


# -- logs ------------------------------------------------------------------------------


def test_text_log_lines_are_the_cli_lines(tmp_path, batches):
    path = tmp_path / "log.txt"
    with LogCapture(path, "text") as log:
        for batch in batches:
            log.write_batch(batch)
    lines = path.read_text(encoding="utf-8").splitlines()
    expected = [
        logformat.chunk_line(e, "utf-8", "both")
        if isinstance(e, Chunk)
        else logformat.event_line(e)
        for e in everything(batches)
    ]
    assert lines == expected
    assert lines[1] == "13:04:05.678 RX #1 127.0.0.1:50001 chunk 2 len 5 | 68 65 6C 6C 6F | hello"
    assert lines[3] == (
        '13:04:05.678 RX #1 127.0.0.1:50001 chunk 4 len 9 | 61 2C 22 62 22 0D 0A 63 00 | a,"b"\\r\\nc\\0'
    )
    assert log.records_written == len(expected)
    assert log.bytes_written == path.stat().st_size


def test_text_log_with_text_only_and_gbk(tmp_path):
    path = tmp_path / "log.txt"
    data = "时间".encode("gbk")
    with LogCapture(path, "text", encoding="gbk", show="text") as log:
        log.write_batch([rx(1, data)])
    assert (
        path.read_text(encoding="utf-8") == logformat.chunk_line(rx(1, data), "gbk", "text") + "\n"
    )
    assert path.read_text(encoding="utf-8").endswith("len 4 | 时间\n")


def test_jsonl_lines_are_logformat_records(tmp_path, batches):
    path = tmp_path / "log.jsonl"
    with LogCapture(path, "jsonl") as log:
        for batch in batches:
            log.write_batch(batch)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    expected = [
        logformat.chunk_record(e, "utf-8") if isinstance(e, Chunk) else logformat.event_record(e)
        for e in everything(batches)
    ]
    assert records == expected
    assert records[1]["hex"] == "68656c6c6f"
    assert records[-2]["text"] == "你好"


def test_jsonl_for_udp_carries_truncation(tmp_path):
    path = tmp_path / "log.jsonl"
    chunk = Chunk(1, TS, 0, Direction.RX, LOCAL, PEER, b"abc", ChunkFlag.TRUNCATED, 9)
    with LogCapture(path, "jsonl", udp=True) as log:
        log.write_batch([chunk])
    record = json.loads(path.read_text(encoding="utf-8"))
    assert (record["truncated"], record["orig_len"]) == (True, 9)


def test_csv_parses_and_round_trips_the_bytes(tmp_path, batches):
    path = tmp_path / "log.csv"
    with LogCapture(path, "csv") as log:
        for batch in batches:
            log.write_batch(batch)
    assert path.read_bytes().startswith(b"\xef\xbb\xbftime,seq,dir,")
    with open(path, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert tuple(rows[0]) == CSV_COLUMNS
    body = rows[1:]
    events = everything(batches)
    assert len(body) == len(events) == log.records_written
    for row, event in zip(body, events, strict=True):
        assert row[0] == "2024-05-06 13:04:05.678"
        assert int(row[1]) == event.seq
        assert int(row[3]) == event.conn_id
        assert row[4] == PEER
        if isinstance(event, Chunk):
            assert row[2] == event.direction.value.upper()
            assert int(row[5]) == len(event.data)
            assert bytes.fromhex(row[6]) == event.data
            assert row[7] == logformat.chunk_record(event)["text"]
        else:
            assert row[2] == event.kind.value.upper()
            assert row[5:7] == ["", ""]
    assert body[0][2:] == ["ACCEPTED", "1", PEER, "", "", "accepted"]
    assert body[3][6:] == ["61 2C 22 62 22 0D 0A 63 00", 'a,"b"\\r\\nc\\0']


def test_csv_header_only_once_when_appending(tmp_path):
    path = tmp_path / "log.csv"
    for seq in (1, 2):
        with LogCapture(path, "csv") as log:
            log.write_batch([rx(seq, b"x")])
    with open(path, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert [row[1] for row in rows] == ["seq", "1", "2"]


def test_log_write_after_close_is_ignored(tmp_path):
    path = tmp_path / "log.txt"
    log = LogCapture(path, "text")
    log.close()
    log.write_batch([rx(1, b"late")])
    assert path.read_bytes() == b""
    assert log.records_written == 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"fmt": "xml"}, "log format must be text, csv or jsonl, not 'xml'"),
        ({"fmt": "text", "show": "all"}, "show must be hex, text or both, not 'all'"),
        ({"fmt": "text", "encoding": "klingon"}, "unknown encoding 'klingon'"),
    ],
)
def test_bad_log_settings(tmp_path, kwargs, message):
    with pytest.raises(CaptureError, match=r"\w") as info:
        LogCapture(tmp_path / "log", **kwargs)
    assert str(info.value) == message
    assert not (tmp_path / "log").exists()


def test_unknown_items_in_a_batch_are_skipped(tmp_path):
    path = tmp_path / "log.jsonl"
    with LogCapture(path, "jsonl") as log:
        log.write_batch([object(), rx(1, b"a")])
    assert len(path.read_text(encoding="utf-8").splitlines()) == 1
