"""The profile folder's files: names derived from profile names, and atomic writes.

A profile's file name follows its name (Unicode letters and digits kept, anything else
``_``), so Chinese names work and every platform accepts the result. Writes go to a
temporary file in the same folder, are flushed to disk and then moved into place with
``os.replace``: a reader, a second process or a crash sees the old file or the new one,
never half of one. A named pipe, device or folder where a file should go is refused, not
written into.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from netassistant.core.i18n import text
from netassistant.core.profiles.errors import ProfileError
from netassistant.core.safefile import write_atomic

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


def write_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically (a temporary file renamed over it)."""
    try:
        write_atomic(target, data)
    except OSError as exc:
        message = text(
            "cannot write profile file {path}: {reason}",
            path=str(target),
            reason=exc.strerror or str(exc),
        )
        raise ProfileError(message, path=str(target)) from None
