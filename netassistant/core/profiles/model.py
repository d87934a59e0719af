"""Saved panes: a name, a :class:`SessionConfig`, send presets and view settings.

Each profile is one JSON file under ``<config dir>/profiles/``; its format, limits and
migrations are :mod:`netassistant.core.profiles.schema`, the folder is
:class:`~netassistant.core.profiles.store.ProfileStore`. Writes go to a temporary file in the
same folder and are moved into place with ``os.replace``, so a reader, a second process or a
crash never leaves half a file. Files that cannot be used are reported with their path and
never modified, renamed or deleted; a named pipe or device in the folder is reported without
ever being opened for a blocking read (:mod:`netassistant.core.safefile`).

Names are unique across the built-in examples and the user's profiles: the store refuses to
save under a built-in's name and renames an import that would take one (see
:func:`is_builtin_name`).

Built-in examples ship inside the package (``netassistant/resources/profiles/*.json``) and are
read-only. The ``view`` and ``send`` dicts are free-form settings owned by the window; the
built-ins use ``view = {"display": "text"|"hex", "timestamps": bool}`` and
``send = {"mode", "escapes", "append", "frame", "repeat", "burst", "auto_reply"}``.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from collections.abc import Iterator
from typing import Any

from netassistant.core.codec import encode_text, parse_hex
from netassistant.core.config import SessionConfig
from netassistant.core.i18n import Text
from netassistant.core.profiles import schema
from netassistant.core.profiles.errors import (
    ProfileError,
    ProfileExistsError,
    ProfileNotFoundError,
)
from netassistant.core.profiles.schema import MAX_NAME_LENGTH, PRESET_MODES
from netassistant.core.records import FrozenRecord, Record
from netassistant.core.safefile import FileTooLargeError, read_regular

__all__ = [
    "CONFIG_DIR_ENV",
    "MAX_FILE_SIZE",
    "MAX_NAME_LENGTH",
    "PRESET_MODES",
    "Profile",
    "ProfileError",
    "ProfileExistsError",
    "ProfileListing",
    "ProfileNotFoundError",
    "SendPreset",
    "builtin_profiles",
    "find_profile",
    "is_builtin_name",
    "name_key",
    "read_profile_file",
    "same_name",
]

#: Environment variable overriding the configuration folder (tests, portable installs).
CONFIG_DIR_ENV = "NETASSISTANT_CONFIG_DIR"
#: Profiles are a few KiB; a bigger file in the folder is a mistake, not something to parse.
MAX_FILE_SIZE = 4 * 1024 * 1024


class SendPreset(FrozenRecord):
    r"""One saved send button: what was typed and how, so its bytes are always the same.

    The bytes do not depend on the send box's state at click time: a text preset
    carries its own ``escapes`` and ``encoding``. :meth:`payload` gives the bytes.

    Attributes:
        name: Label of the button.
        data: What to send, as typed: text, or hex digits when ``mode == "hex"``.
        mode: ``"text"`` or ``"hex"``.
        append: Appended to the data on send, e.g. ``"\\r\\n"``.
        escapes: Text mode: ``\\r``, ``\\n``, ``\\xNN``... in ``data`` are escapes.
        encoding: Text mode: the codec that turns ``data`` (and ``append``) into bytes.
    """

    __slots__ = ("name", "data", "mode", "append", "escapes", "encoding")  # noqa: RUF023
    name: str
    data: str
    mode: str
    append: str
    escapes: bool
    encoding: str

    def __init__(
        self,
        name: str,
        data: str,
        mode: str = "text",
        append: str = "",
        escapes: bool = False,
        encoding: str = "utf-8",
    ) -> None:
        self._fill(name, data, mode, append, escapes, encoding)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict in the on-disk key order."""
        return {
            "name": self.name,
            "data": self.data,
            "mode": self.mode,
            "append": self.append,
            "escapes": self.escapes,
            "encoding": self.encoding,
        }

    def payload(self) -> bytes:
        """The exact bytes this preset sends (data, then the appended ending).

        Raises:
            HexError, EscapeError, EncodeError: ``data`` is not valid for its mode (the
                message says where), or a character has no byte in ``encoding``.
        """
        if self.mode == "hex":
            body = parse_hex(self.data)
        else:
            body = encode_text(self.data, self.encoding, escapes=self.escapes)
        return body + encode_text(self.append, self.encoding)


class Profile(Record):
    """A saved pane.

    Attributes:
        name: Unique name shown in the profile list (1..100 characters, no control characters).
        config: The session settings.
        description: One line saying what the profile shows.
        send_presets: Saved send buttons.
        view: Receive-side display settings (JSON data only).
        send: Send-side settings (JSON data only).
        templates: Packet templates (:meth:`netassistant.core.templates.model.Template.to_dict`).
        builtin: True for the read-only examples shipped with netassistant; never stored.
    """

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "name",
        "config",
        "description",
        "send_presets",
        "view",
        "send",
        "templates",
        "builtin",
    )
    name: str
    config: SessionConfig
    description: str
    send_presets: list[SendPreset]
    view: dict[str, Any]
    send: dict[str, Any]
    templates: list[dict[str, Any]]
    builtin: bool

    def __init__(
        self,
        name: str,
        config: SessionConfig,
        description: str = "",
        send_presets: list[SendPreset] | None = None,
        view: dict[str, Any] | None = None,
        send: dict[str, Any] | None = None,
        templates: list[dict[str, Any]] | None = None,
        builtin: bool = False,
    ) -> None:
        self.name = name
        self.config = config
        self.description = description
        self.send_presets = [] if send_presets is None else send_presets
        self.view = {} if view is None else view
        self.send = {} if send is None else send
        self.templates = [] if templates is None else templates
        self.builtin = builtin

    def to_dict(self) -> dict[str, Any]:
        """The on-disk document (with ``schema_version``; without ``builtin``)."""
        config = self.config.to_dict()
        config["extra"] = _sorted_copy(config.get("extra", {}))
        document = {
            "schema_version": schema.SCHEMA_VERSION,
            "name": self.name,
            "description": self.description,
            "config": config,
            "send_presets": [
                p.to_dict() if isinstance(p, SendPreset) else p for p in self.send_presets
            ],
            "view": _sorted_copy(self.view),
            "send": _sorted_copy(self.send),
        }
        if self.templates:  # only when there are some, so older files stay byte-identical
            document["templates"] = list(self.templates)
        return document

    @classmethod
    def from_dict(cls, data: Any) -> Profile:
        """Build a profile from a document, upgrading older schemas, and validate it.

        Raises:
            ProfileError: naming the first bad field, e.g. ``config.local_port: ...``.
        """
        return _from_checked(schema.check_document(schema.upgrade(data, None), None))

    def validate(self) -> Profile:
        """Check every field as :meth:`from_dict` would.

        Returns:
            self, so calls can be chained.

        Raises:
            ProfileError: naming the first bad field.
        """
        document = self.to_dict()
        schema.check_limits(document, None)
        schema.check_document(document, None)
        return self

    def to_json_bytes(self) -> bytes:
        """The exact bytes of the profile file (validated first).

        Raises:
            ProfileError: if the profile is invalid.
        """
        self.validate()
        return schema.dump(self.to_dict())


class ProfileListing(Record):
    """Result of :meth:`ProfileStore.list`; iterating it yields the good profiles.

    Attributes:
        profiles: Profiles that loaded, sorted by name (case-insensitive).
        errors: One error per file that could not be used; those files were left untouched.
    """

    __slots__ = ("profiles", "errors")  # noqa: RUF023 (in order)
    profiles: list[Profile]
    errors: list[ProfileError]

    def __init__(
        self, profiles: list[Profile] | None = None, errors: list[ProfileError] | None = None
    ) -> None:
        self.profiles = [] if profiles is None else profiles
        self.errors = [] if errors is None else errors

    def __iter__(self) -> Iterator[Profile]:
        return iter(self.profiles)

    def __len__(self) -> int:
        return len(self.profiles)


def _from_checked(checked: schema.Checked) -> Profile:
    return Profile(
        name=checked.name,
        config=checked.config,
        description=checked.description,
        send_presets=[SendPreset(**preset) for preset in checked.send_presets],
        view=checked.view,
        send=checked.send,
        templates=list(checked.templates),
    )


def _sorted_copy(value: Any) -> Any:
    # Free-form dicts are written with sorted keys so equal settings always give equal bytes.
    if isinstance(value, dict):
        return {k: _sorted_copy(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list):
        return [_sorted_copy(v) for v in value]
    return value


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of profile file ``path``, at most :data:`MAX_FILE_SIZE` of them.

    Opened without blocking: a named pipe or a device is refused, never waited on.

    Raises:
        ProfileError: naming the file (missing, not a regular file, unreadable, too large).
    """
    try:
        return read_regular(path, MAX_FILE_SIZE)
    except FileTooLargeError:
        message = Text(
            "profile file {path} is too large (over {limit} bytes); "
            "it was left untouched — fix or delete it",
            path=str(path),
            limit=MAX_FILE_SIZE,
        )
        raise ProfileError(message, path=str(path)) from None
    except OSError as exc:
        message = Text(
            "cannot read profile file {path}: {reason}",
            path=str(path),
            reason=exc.strerror or str(exc),
        )
        raise ProfileError(message, path=str(path)) from None


def parse_file(raw: bytes, path: str) -> Profile:
    """Check and build the profile in ``raw``, the bytes of file ``path``.

    Raises:
        ProfileError: naming the file and, when one is at fault, the field.
    """
    return _from_checked(schema.parse(raw, path))


def read_profile_file(path: str | os.PathLike[str]) -> Profile:
    """Read and validate one profile file without adding it to a store.

    Raises:
        ProfileError: with the path in the message (unreadable, not a regular file, not JSON,
            not a profile, newer schema, too deep, a huge number, or a bad field).
    """
    return parse_file(read_file(path), os.fspath(path))


def builtin_profiles() -> list[Profile]:
    """The read-only example profiles shipped in ``netassistant/resources/profiles``.

    Returns:
        Fresh objects (callers may edit them) in file-name order, each with ``builtin=True``.
    """
    from importlib import resources  # here: the window's start lists none of them

    folder = resources.files("netassistant.resources").joinpath("profiles")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            profile = parse_file(entry.read_bytes(), str(entry))
            profile.builtin = True
            out.append(profile)
    return out


def name_key(name: str) -> str:
    """What makes two names the same name: equal after Unicode NFC normalization."""
    return unicodedata.normalize("NFC", name)


def same_name(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` are the same profile name (``é`` typed two ways is one name)."""
    return name_key(a) == name_key(b)


@functools.cache
def _builtin_keys() -> frozenset[str]:
    # The built-ins are package data: they cannot change while the program runs.
    return frozenset(name_key(p.name) for p in builtin_profiles())


def is_builtin_name(name: str) -> bool:
    """True if ``name`` is the name of a built-in example."""
    return name_key(name) in _builtin_keys()


def find_profile(name: str, store_dir: str | os.PathLike[str] | None = None) -> Profile:
    """A built-in example by name, else a user profile: what ``--profile NAME`` opens.

    Built-ins win: a user file that took a built-in's name (from an older version, or copied
    in by hand) never runs in its place; ``profile list`` reports that file.

    Raises:
        ProfileNotFoundError: neither a built-in nor a saved profile has that name.
        ProfileError: the saved profile's file cannot be used (the message names it).
    """
    from netassistant.core.profiles.store import ProfileStore  # the store builds on this module

    for profile in builtin_profiles():
        if same_name(profile.name, name):
            return profile
    store = ProfileStore(store_dir)
    if store.exists(name):
        return store.load(name)
    raise ProfileNotFoundError(Text("no profile named {name!r}", name=name))
