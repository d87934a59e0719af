"""The profile folder's files: names derived from profile names, and atomic writes.

A profile's file name follows its name (Unicode letters and digits kept, anything else
``_``), so Chinese names work and every platform accepts the result. Writes go to a
temporary file in the same folder, are flushed to disk and then moved into place with
``os.replace``: a reader, a second process or a crash sees the old file or the new one,
never half of one. A named pipe, device or folder where a file should go is refused, not
written into.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
import unicodedata
from pathlib import Path

from netassistant.core.i18n import text
from netassistant.core.profiles.errors import ProfileError
from netassistant.core.safefile import check_regular_file

_STEM_MAX_BYTES = 120  # leaves room for "-<hash>.json" under the usual 255-byte name limit
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"{dev}{i}" for dev in ("COM", "LPT") for i in range(1, 10)}
)


def file_stem(name: str) -> str:
    """File name (without ``.json``) for a profile name; collisions are handled by the store."""
    # NFC so the same name typed on macOS (NFD) and elsewhere maps to the same file.
    normalized = unicodedata.normalize("NFC", name)
    stem = "".join(
        c if c.isalnum() or c in "-_." or unicodedata.category(c).startswith("M") else "_"
        for c in normalized
    )
    encoded = stem.encode("utf-8")
    if len(encoded) > _STEM_MAX_BYTES:
        stem = encoded[:_STEM_MAX_BYTES].decode("utf-8", "ignore")
    # A leading dot hides the file ("." and ".." are not files at all); Windows drops trailing ones.
    stem = re.sub(r"^\.+|\.+$", lambda m: "_" * len(m.group()), stem) or "_"
    if stem.split(".", 1)[0].upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    return stem


def fold(file_name: str) -> str:
    """``file_name`` as a key that is equal for names one file system would merge."""
    # Two names that differ only in case or normalization are one file on Windows and macOS.
    return unicodedata.normalize("NFC", file_name).casefold()


def _replace(source: str, target: Path) -> None:
    deadline = time.monotonic() + 2.0
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError:
            # Windows refuses to replace a file that a reader holds open; readers are brief.
            if os.name != "nt" or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _atomic_write(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that readers see the old file or the new one, never half."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = str(target.parent / f".tmp-{os.getpid()}-{secrets.token_hex(6)}.part")
        try:
            # 0o666 lets the umask decide, as for any file the user creates.
            fd = os.open(temp, flags, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp, stat.S_IMODE(os.stat(target).st_mode))
        _replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if os.name != "nt":
        # The rename is durable only once the directory entry is on disk too.
        with contextlib.suppress(OSError):
            dir_fd = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def write_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically (a temporary file renamed over it)."""
    try:
        if os.path.lexists(target) and not os.path.islink(target):
            # Replacing a FIFO, a device or a folder with a file is never what was meant.
            check_regular_file(target)
        _atomic_write(target, data)
    except OSError as exc:
        message = text(
            "cannot write profile file {path}: {reason}",
            path=str(target),
            reason=exc.strerror or str(exc),
        )
        raise ProfileError(message, path=str(target)) from None
