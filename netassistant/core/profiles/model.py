"""Saved panes: a name, a :class:`SessionConfig`, send presets and view settings.

Each profile is one JSON file under ``<config dir>/profiles/``. The file carries
``schema_version``: older files are upgraded through :data:`MIGRATIONS` when read (the file
itself changes only when the profile is saved again), newer ones are refused rather than
half-understood. Writes go to a temporary file in the same folder and are moved into place
with ``os.replace``, so a reader, a second process or a crash never leaves half a file.
Files that cannot be used are reported with their path and never modified, renamed or deleted.

Built-in examples ship inside the package (``netassistant/resources/profiles/*.json``) and are
read-only. The ``view`` and ``send`` dicts are free-form settings owned by the window; the
built-ins use ``view = {"display": "text"|"hex", "timestamps": bool}`` and
``send = {"mode", "escapes", "append", "frame", "repeat", "burst", "auto_reply"}``.
"""

from __future__ import annotations

import codecs
import copy
import dataclasses
import json
import math
import os
import unicodedata
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

from netassistant.core.codec import encode_text, parse_hex
from netassistant.core.config import ConfigError, SessionConfig
from netassistant.core.i18n import Text

#: Version written into every file; bump it together with a new :data:`MIGRATIONS` entry.
SCHEMA_VERSION = 1
#: ``from_version -> function`` turning a version ``n`` document into version ``n + 1``.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
#: Environment variable overriding the configuration folder (tests, portable installs).
CONFIG_DIR_ENV = "NETASSISTANT_CONFIG_DIR"
MAX_NAME_LENGTH = 100
PRESET_MODES = ("text", "hex")
#: Profiles are a few KiB; a bigger file in the folder is a mistake, not something to parse.
MAX_FILE_SIZE = 4 * 1024 * 1024

_DOCUMENT_KEYS = ("schema_version", "name", "description", "config", "send_presets", "view", "send")
_PRESET_KEYS = ("name", "data", "mode", "append", "escapes", "encoding")


class ProfileError(ValueError):
    """A profile or profile file cannot be used; the message is written for the user.

    ``args[0]`` is the message as a translatable :class:`~netassistant.core.i18n.Text`
    (a plain string when it came from outside the core); ``str(exc)`` is its English text.

    Attributes:
        path: The file concerned, or None when the profile did not come from a file.
        field: The offending field (``config.local_port``, ``send_presets[2].mode``), or None.
    """

    def __init__(self, message: str, *, path: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.field = field

    def __str__(self) -> str:
        # KeyError (a base of ProfileNotFoundError) would otherwise quote the message.
        return str(self.args[0])


class ProfileNotFoundError(ProfileError, KeyError):
    """No profile has the name asked for."""


class ProfileExistsError(ProfileError):
    """A profile with that name exists and overwriting was not asked for."""


@dataclasses.dataclass(frozen=True, slots=True)
class SendPreset:
    """One saved send button: what was typed and how, so its bytes are always the same.

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

    name: str
    data: str
    mode: str = "text"
    append: str = ""
    escapes: bool = False
    encoding: str = "utf-8"

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


@dataclasses.dataclass(slots=True)
class Profile:
    """A saved pane.

    Attributes:
        name: Unique name shown in the profile list (1..100 characters, no control characters).
        config: The session settings.
        description: One line saying what the profile shows.
        send_presets: Saved send buttons.
        view: Receive-side display settings (JSON data only).
        send: Send-side settings (JSON data only).
        builtin: True for the read-only examples shipped with netassistant; never stored.
    """

    name: str
    config: SessionConfig
    description: str = ""
    send_presets: list[SendPreset] = dataclasses.field(default_factory=list)
    view: dict[str, Any] = dataclasses.field(default_factory=dict)
    send: dict[str, Any] = dataclasses.field(default_factory=dict)
    builtin: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The on-disk document (with ``schema_version``; without ``builtin``)."""
        config = self.config.to_dict()
        config["extra"] = _sorted_copy(config.get("extra", {}))
        return {
            "schema_version": SCHEMA_VERSION,
            "name": self.name,
            "description": self.description,
            "config": config,
            "send_presets": [
                p.to_dict() if isinstance(p, SendPreset) else p for p in self.send_presets
            ],
            "view": _sorted_copy(self.view),
            "send": _sorted_copy(self.send),
        }

    @classmethod
    def from_dict(cls, data: Any) -> Profile:
        """Build a profile from a document, upgrading older schemas, and validate it.

        Raises:
            ProfileError: naming the first bad field, e.g. ``config.local_port: ...``.
        """
        return _build(_upgrade(data, None), None)

    def validate(self) -> Profile:
        """Check every field as :meth:`from_dict` would.

        Returns:
            self, so calls can be chained.

        Raises:
            ProfileError: naming the first bad field.
        """
        _build(self.to_dict(), None)
        return self

    def to_json_bytes(self) -> bytes:
        """The exact bytes of the profile file (validated first).

        Raises:
            ProfileError: if the profile is invalid.
        """
        self.validate()
        return _dump(self.to_dict())


@dataclasses.dataclass(slots=True)
class ProfileListing:
    """Result of :meth:`ProfileStore.list`; iterating it yields the good profiles.

    Attributes:
        profiles: Profiles that loaded, sorted by name (case-insensitive).
        errors: One error per file that could not be used; those files were left untouched.
    """

    profiles: list[Profile] = dataclasses.field(default_factory=list)
    errors: list[ProfileError] = dataclasses.field(default_factory=list)

    def __iter__(self) -> Iterator[Profile]:
        return iter(self.profiles)

    def __len__(self) -> int:
        return len(self.profiles)


# --------------------------------------------------------------------------- documents
def _field_error(field_name: str, reason: str, path: str | None) -> ProfileError:
    if path is None:
        message = Text("{field}: {reason}", field=field_name, reason=reason)
    else:
        message = Text(
            "profile file {path}: {field}: {reason}", path=path, field=field_name, reason=reason
        )
    return ProfileError(message, path=path, field=field_name)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _sorted_copy(value: Any) -> Any:
    # Free-form dicts are written with sorted keys so equal settings always give equal bytes.
    if isinstance(value, dict):
        return {k: _sorted_copy(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list):
        return [_sorted_copy(v) for v in value]
    return value


def _dump(document: dict[str, Any]) -> bytes:
    text = json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def _upgrade(data: Any, path: str | None) -> dict[str, Any]:
    """Check that ``data`` is a profile document, refuse newer schemas, apply migrations."""
    if not isinstance(data, dict) or "schema_version" not in data:
        message = (
            Text('this is not a netassistant profile (no "schema_version")')
            if path is None
            else Text('{path} is not a netassistant profile (no "schema_version")', path=path)
        )
        raise ProfileError(message, path=path)
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        reason = Text("must be a whole number, not {value}", value=_short(version))
        raise _field_error("schema_version", reason, path)
    if version > SCHEMA_VERSION:
        if path is None:
            message = Text(
                "this profile was written by a newer netassistant (schema {version}; this "
                "version reads up to {supported}) — update netassistant to open it",
                version=version,
                supported=SCHEMA_VERSION,
            )
        else:
            message = Text(
                "profile file {path} was written by a newer netassistant (schema {version}; "
                "this version reads up to {supported}) — update netassistant to open it",
                path=path,
                version=version,
                supported=SCHEMA_VERSION,
            )
        raise ProfileError(message, path=path, field="schema_version")
    # Migrations may edit in place; the caller's dict must stay as it was.
    document = copy.deepcopy(data)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            reason = Text(
                "cannot read schema {version} (no upgrade to schema {next} exists)",
                version=version,
                next=version + 1,
            )
            raise _field_error("schema_version", reason, path)
        try:
            document = step(document)
        except Exception as exc:  # a broken old file must be reported, not crash list()
            reason = Text(
                "cannot upgrade from schema {version}: {error}", version=version, error=str(exc)
            )
            raise _field_error("schema_version", reason, path) from exc
        if not isinstance(document, dict):
            reason = Text(
                "upgrade from schema {version} did not give a JSON object", version=version
            )
            raise _field_error("schema_version", reason, path)
        version += 1
        document["schema_version"] = version
    return document


def _check_name(value: Any, field_name: str, path: str | None) -> str:
    if not isinstance(value, str):
        raise _field_error(field_name, _not_a_string(value), path)
    if not value.strip():
        raise _field_error(field_name, Text("must not be empty"), path)
    if len(value) > MAX_NAME_LENGTH:
        reason = Text(
            "is {length} characters long; the limit is {limit}",
            length=len(value),
            limit=MAX_NAME_LENGTH,
        )
        raise _field_error(field_name, reason, path)
    for index, char in enumerate(value):
        if unicodedata.category(char) == "Cc":
            reason = Text(
                "must not contain control characters ({char!r} at position {position})",
                char=char,
                position=index + 1,
            )
            raise _field_error(field_name, reason, path)
    return value


def _check_str(doc: dict[str, Any], key: str, where: str, path: str | None, default: str) -> str:
    value = doc.get(key, default)
    if not isinstance(value, str):
        raise _field_error(where, _not_a_string(value), path)
    return value


def _not_a_string(value: Any) -> Text:
    return Text("must be a string, not {value}", value=_short(value))


def _check_json(value: Any, where: str, path: str | None) -> None:
    """Refuse anything that would not come back equal from a JSON file."""
    if value is None or isinstance(value, bool | int):
        return
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            reason = Text("contains a lone surrogate character, which UTF-8 cannot store")
            raise _field_error(where, reason, path) from None
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            _check_json(item, f"{where}[{index}]", path)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise _field_error(where, Text("key {key} is not a string", key=_short(key)), path)
            child = f"{where}.{key}" if where else key
            _check_json(key, child, path)
            _check_json(item, child, path)
        return
    if isinstance(value, float):
        if math.isfinite(value):
            return
        reason = Text("{value!r} cannot be stored in JSON; use a finite number", value=value)
    else:
        reason = Text(
            "{value} is not JSON data (use strings, numbers, true/false, null, lists or objects)",
            value=_short(value),
        )
    raise _field_error(where, reason, path)


def _build_preset(
    item: Any, where: str, path: str | None, *, escapes: bool, encoding: str
) -> SendPreset:
    """Check one preset. ``escapes`` and ``encoding`` fill in what older files lack: the
    send box's escapes and the session's encoding, which such presets were sent with."""
    if not isinstance(item, dict):
        raise _field_error(where, Text("must be a JSON object"), path)
    for key in item:
        if key not in _PRESET_KEYS:
            raise _field_error(f"{where}.{key}", Text("unknown setting"), path)
    for key in ("name", "data"):
        if key not in item:
            raise _field_error(f"{where}.{key}", Text("is missing"), path)
    name = _check_name(item["name"], f"{where}.name", path)
    data = _check_str(item, "data", f"{where}.data", path, "")
    mode = item.get("mode", "text")
    if not isinstance(mode, str) or mode not in PRESET_MODES:
        raise _field_error(f"{where}.mode", Text('must be "text" or "hex"'), path)
    append = _check_str(item, "append", f"{where}.append", path, "")
    escapes = item.get("escapes", escapes)
    if not isinstance(escapes, bool):
        raise _field_error(f"{where}.escapes", Text("must be true or false"), path)
    encoding = _check_str(item, "encoding", f"{where}.encoding", path, encoding)
    try:
        codecs.lookup(encoding)
    except LookupError:
        reason = Text("unknown encoding {encoding!r}", encoding=encoding)
        raise _field_error(f"{where}.encoding", reason, path) from None
    return SendPreset(name, data, mode, append, escapes, encoding)


def _fold_decode_view(doc: dict[str, Any]) -> None:
    """Move an older window's ``view["decode"]`` into the config, where framing lives now.

    Windows before framing had one home saved the framing box twice: the spec in
    ``config.framing`` and ``{"frame", "checksum", "checksum_order"}`` in
    ``view["decode"]``. The view's copy was the one the window showed, so it wins. Edits
    ``doc`` (already a copy) in place; a malformed ``decode`` is dropped, as the window
    ignored it too.
    """
    view = doc.get("view")
    if not isinstance(view, dict) or "decode" not in view:
        return
    decode = view.pop("decode")
    if not isinstance(decode, dict):
        return
    config = doc["config"]
    frame = decode.get("frame")
    if isinstance(frame, str):
        config["framing"] = frame
    checksum = decode.get("checksum")
    if isinstance(checksum, str) or checksum is None:
        config["checksum"] = checksum or ""
        order = decode.get("checksum_order")
        config["checksum_order"] = order if isinstance(order, str) and checksum else ""


def _build(doc: dict[str, Any], path: str | None) -> Profile:
    """Validate an upgraded document and turn it into a :class:`Profile`."""
    for key in doc:
        if key not in _DOCUMENT_KEYS:
            raise _field_error(str(key), Text("unknown setting"), path)
    if "name" not in doc:
        raise _field_error("name", Text("is missing"), path)
    name = _check_name(doc["name"], "name", path)
    description = _check_str(doc, "description", "description", path, "")
    if "config" not in doc:
        raise _field_error("config", Text("is missing"), path)
    if not isinstance(doc["config"], dict):
        raise _field_error("config", Text("must be a JSON object"), path)
    _fold_decode_view(doc)
    try:
        config = SessionConfig.from_dict(doc["config"])
    except ConfigError as exc:
        raise _field_error(f"config.{exc.field}", exc.reason, path) from None
    raw_presets = doc.get("send_presets", [])
    if not isinstance(raw_presets, list):
        raise _field_error("send_presets", Text("must be a JSON list"), path)
    send = doc.get("send")
    escapes = send.get("escapes") if isinstance(send, dict) else None
    presets = [
        _build_preset(
            p,
            f"send_presets[{i}]",
            path,
            escapes=escapes if isinstance(escapes, bool) else False,
            encoding=config.encoding,
        )
        for i, p in enumerate(raw_presets)
    ]
    settings = {}
    for key in ("view", "send"):
        settings[key] = doc.get(key, {})
        if not isinstance(settings[key], dict):
            raise _field_error(key, Text("must be a JSON object"), path)
    # Last, so the specific messages above win; this catches NaN, lone surrogates and
    # non-JSON objects anywhere (config.extra, view, send, strings in the config).
    _check_json(doc, "", path)
    return Profile(
        name=name,
        config=config,
        description=description,
        send_presets=presets,
        view=settings["view"],
        send=settings["send"],
    )


def _read_file(path: str | os.PathLike[str]) -> bytes:
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            raw = handle.read(MAX_FILE_SIZE + 1) if size <= MAX_FILE_SIZE else b""
    except OSError as exc:
        message = Text(
            "cannot read profile file {path}: {reason}",
            path=str(path),
            reason=exc.strerror or str(exc),
        )
        raise ProfileError(message, path=str(path)) from None
    if size > MAX_FILE_SIZE or len(raw) > MAX_FILE_SIZE:
        message = Text(
            "profile file {path} is too large (over {limit} bytes); "
            "it was left untouched — fix or delete it",
            path=str(path),
            limit=MAX_FILE_SIZE,
        )
        raise ProfileError(message, path=str(path))
    return raw


def _parse(raw: bytes, path: str) -> Profile:
    try:
        # utf-8-sig: Notepad and friends may add a BOM when someone edits a profile by hand.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = Text(
            "profile file {path} is not valid UTF-8 text (byte 0x{byte:02x} at offset {offset}); "
            "it was left untouched — fix or delete it",
            path=path,
            byte=raw[exc.start],
            offset=exc.start,
        )
        raise ProfileError(message, path=path) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        message = Text(
            "profile file {path} is not valid JSON (line {line}, column {column}: {error}); "
            "it was left untouched — fix or delete it",
            path=path,
            line=exc.lineno,
            column=exc.colno,
            error=exc.msg,
        )
        raise ProfileError(message, path=path) from None
    except RecursionError:
        message = Text(
            "profile file {path} is not valid JSON (nested too deeply); "
            "it was left untouched — fix or delete it",
            path=path,
        )
        raise ProfileError(message, path=path) from None
    return _build(_upgrade(data, path), path)


def read_profile_file(path: str | os.PathLike[str]) -> Profile:
    """Read and validate one profile file without adding it to a store.

    Raises:
        ProfileError: with the path in the message (unreadable, not JSON, not a profile,
            newer schema, or a bad field).
    """
    return _parse(_read_file(path), os.fspath(path))


def builtin_profiles() -> list[Profile]:
    """The read-only example profiles shipped in ``netassistant/resources/profiles``.

    Returns:
        Fresh objects (callers may edit them) in file-name order, each with ``builtin=True``.
    """
    folder = resources.files("netassistant.resources").joinpath("profiles")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            profile = _parse(entry.read_bytes(), str(entry))
            profile.builtin = True
            out.append(profile)
    return out


def find_profile(name: str, store_dir: str | os.PathLike[str] | None = None) -> Profile:
    """A user profile by name, else a built-in one: what ``--profile NAME`` opens.

    Raises:
        ProfileNotFoundError: neither a saved nor a built-in profile has that name.
    """
    from netassistant.core.profiles.store import ProfileStore

    store = ProfileStore(store_dir)
    if store.exists(name):
        return store.load(name)
    for profile in builtin_profiles():
        if profile.name == name:
            return profile
    raise ProfileNotFoundError(Text("no profile named {name!r}", name=name))
