"""The profile file format: schema version, migrations, limits and field-by-field checks.

A profile file is UTF-8 JSON carrying ``schema_version``. :func:`parse` turns a file's bytes
into checked parts; :func:`check_document` does the same for a document already in memory.
Before any field is looked at, :func:`check_limits` bounds the document: nesting at most
:data:`MAX_DEPTH` levels, whole numbers at most :data:`MAX_INT` in size, no NaN or infinity,
so a hostile or corrupted file gives a :class:`ProfileError` naming the file and the field,
never a ``RecursionError``, a ``ValueError`` from the int parser or a frozen window.
Older schemas are upgraded through :data:`MIGRATIONS`; newer ones are refused.
"""

from __future__ import annotations

import codecs
import copy
import json
import math
import unicodedata
from collections.abc import Callable
from typing import Any, NamedTuple

from netassistant.core.config import ConfigError, SessionConfig
from netassistant.core.i18n import Text
from netassistant.core.profiles.errors import ProfileError

#: Version written into every file; bump it together with a new :data:`MIGRATIONS` entry.
SCHEMA_VERSION = 2


def _reply_rules(document: dict[str, Any]) -> dict[str, Any]:
    # 1 -> 2: the single send.auto_reply rule became the send.reply_rules list.
    from netassistant.core.replies.migrate import upgrade_auto_reply

    return upgrade_auto_reply(document)


#: ``from_version -> function`` turning a version ``n`` document into version ``n + 1``.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _reply_rules}
MAX_NAME_LENGTH = 100
PRESET_MODES = ("text", "hex")
#: Deepest nesting of objects and lists (a real profile uses 4).
MAX_DEPTH = 32
#: Largest whole number anywhere in a profile: what a JSON number carries exactly (2**53 - 1).
MAX_INT = 2**53 - 1
#: Longer digit strings are not even converted (Python refuses over 4300 digits anyway).
_MAX_DIGITS = 20
#: Fields the ports live in; checked for every family (unix ignores them but stores them).
_PORT_FIELDS = ("local_port", "remote_port")

_DOCUMENT_KEYS = (
    "schema_version",
    "name",
    "description",
    "config",
    "send_presets",
    "view",
    "send",
    "templates",
)
_PRESET_KEYS = ("name", "data", "mode", "append", "escapes", "encoding")


class Checked(NamedTuple):
    """A checked document's parts (the presets as dicts of their fields)."""

    name: str
    config: SessionConfig
    description: str
    send_presets: list[dict[str, Any]]
    view: dict[str, Any]
    send: dict[str, Any]
    templates: tuple[dict[str, Any], ...] = ()


class _HugeNumber(str):
    """A JSON integer literal too long to convert; :func:`check_limits` reports it."""


def _parse_int(literal: str) -> int | _HugeNumber:
    if len(literal.lstrip("-")) > _MAX_DIGITS:
        return _HugeNumber(literal)
    return int(literal)


def check_limits(data: Any, path: str | None) -> None:
    """Refuse deep nesting, huge or inexact whole numbers, NaN and infinity anywhere in ``data``.

    Iterative, so a document nested thousands of levels deep is reported, not a crash.

    Raises:
        ProfileError: naming the field (``view.a[0]``) and what is wrong with it.
    """
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                reason = Text(
                    "is nested more than {limit} levels deep; a profile never needs that",
                    limit=MAX_DEPTH,
                )
                raise field_error(_shorten_field(where), reason, path)
            items = value.items() if isinstance(value, dict) else enumerate(value)
            children = [(item, _child(where, key), depth + 1) for key, item in items]
            stack.extend(reversed(children))
        elif isinstance(value, _HugeNumber):
            reason = Text(
                "the number {digits}… ({count} digits) is too large; the limit is {limit}",
                digits=value.lstrip("-")[:12],
                count=len(value.lstrip("-")),
                limit=MAX_INT,
            )
            raise field_error(where, reason, path)
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
            reason = Text(
                "the number {value} is too large; the limit is {limit}", value=value, limit=MAX_INT
            )
            raise field_error(where, reason, path)
        elif isinstance(value, float) and not math.isfinite(value):
            reason = Text("{value!r} cannot be stored in JSON; use a finite number", value=value)
            raise field_error(where, reason, path)


def _child(where: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else str(key)


def _shorten_field(where: str) -> str:
    # A field 900 levels deep would make a 3000-character message; its start says enough.
    return where if len(where) <= 60 else where[:57] + "..."


def check_ports(config: dict[str, Any], path: str | None) -> None:
    """Range-check the port fields for every family.

    SessionConfig checks them for inet and inet6 only (unix ignores them), but a unix
    profile still stores them and a window shows them in a spin box.
    """
    for key in _PORT_FIELDS:
        if key not in config:
            continue
        value = config[key]
        if isinstance(value, bool) or not isinstance(value, int):
            reason = Text("must be a whole number, not {value}", value=_short(value))
            raise field_error(f"config.{key}", reason, path)
        if not 0 <= value <= 65535:
            reason = Text("{value} is out of range {low}..{high}", value=value, low=0, high=65535)
            raise field_error(f"config.{key}", reason, path)


def field_error(field_name: str, reason: str, path: str | None) -> ProfileError:
    """A :class:`ProfileError` naming the field (and the file, when there is one)."""
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


def dump(document: dict[str, Any]) -> bytes:
    """A profile document as the canonical file bytes (indented UTF-8 JSON)."""
    text = json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def upgrade(data: Any, path: str | None) -> dict[str, Any]:
    """Check that ``data`` is a profile document, refuse newer schemas, apply migrations.

    Runs :func:`check_limits` first, so nothing later meets a deep tree or a huge number.
    """
    if not isinstance(data, dict) or "schema_version" not in data:
        message = (
            Text('this is not a netassistant profile (no "schema_version")')
            if path is None
            else Text('{path} is not a netassistant profile (no "schema_version")', path=path)
        )
        raise ProfileError(message, path=path)
    check_limits(data, path)
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        reason = Text("must be a whole number, not {value}", value=_short(version))
        raise field_error("schema_version", reason, path)
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
            raise field_error("schema_version", reason, path)
        try:
            document = step(document)
        except Exception as exc:  # a broken old file must be reported, not crash list()
            reason = Text(
                "cannot upgrade from schema {version}: {error}", version=version, error=str(exc)
            )
            raise field_error("schema_version", reason, path) from exc
        if not isinstance(document, dict):
            reason = Text(
                "upgrade from schema {version} did not give a JSON object", version=version
            )
            raise field_error("schema_version", reason, path)
        version += 1
        document["schema_version"] = version
    return document


def check_name(value: Any, field_name: str, path: str | None) -> str:
    """``value`` if it is a usable profile or preset name, else a field error."""
    if not isinstance(value, str):
        raise field_error(field_name, _not_a_string(value), path)
    if not value.strip():
        raise field_error(field_name, Text("must not be empty"), path)
    if len(value) > MAX_NAME_LENGTH:
        reason = Text(
            "is {length} characters long; the limit is {limit}",
            length=len(value),
            limit=MAX_NAME_LENGTH,
        )
        raise field_error(field_name, reason, path)
    for index, char in enumerate(value):
        if unicodedata.category(char) == "Cc":
            reason = Text(
                "must not contain control characters ({char!r} at position {position})",
                char=char,
                position=index + 1,
            )
            raise field_error(field_name, reason, path)
    return value


def _check_str(doc: dict[str, Any], key: str, where: str, path: str | None, default: str) -> str:
    value = doc.get(key, default)
    if not isinstance(value, str):
        raise field_error(where, _not_a_string(value), path)
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
            raise field_error(where, reason, path) from None
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            _check_json(item, f"{where}[{index}]", path)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise field_error(where, Text("key {key} is not a string", key=_short(key)), path)
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
    raise field_error(where, reason, path)


def _build_preset(
    item: Any, where: str, path: str | None, *, escapes: bool, encoding: str
) -> dict[str, Any]:
    """Check one preset.

    ``escapes`` and ``encoding`` fill in what older files lack: the send box's escapes and
    the session's encoding, which such presets were sent with.
    """
    if not isinstance(item, dict):
        raise field_error(where, Text("must be a JSON object"), path)
    for key in item:
        if key not in _PRESET_KEYS:
            raise field_error(f"{where}.{key}", Text("unknown setting"), path)
    for key in ("name", "data"):
        if key not in item:
            raise field_error(f"{where}.{key}", Text("is missing"), path)
    name = check_name(item["name"], f"{where}.name", path)
    data = _check_str(item, "data", f"{where}.data", path, "")
    mode = item.get("mode", "text")
    if not isinstance(mode, str) or mode not in PRESET_MODES:
        raise field_error(f"{where}.mode", Text('must be "text" or "hex"'), path)
    append = _check_str(item, "append", f"{where}.append", path, "")
    escapes = item.get("escapes", escapes)
    if not isinstance(escapes, bool):
        raise field_error(f"{where}.escapes", Text("must be true or false"), path)
    encoding = _check_str(item, "encoding", f"{where}.encoding", path, encoding)
    try:
        codecs.lookup(encoding)
    except LookupError:
        reason = Text("unknown encoding {encoding!r}", encoding=encoding)
        raise field_error(f"{where}.encoding", reason, path) from None
    return {
        "name": name,
        "data": data,
        "mode": mode,
        "append": append,
        "escapes": escapes,
        "encoding": encoding,
    }


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


def check_document(doc: dict[str, Any], path: str | None) -> Checked:
    """Validate an upgraded document field by field.

    Returns:
        The checked parts, for :class:`~netassistant.core.profiles.model.Profile` to hold.

    Raises:
        ProfileError: naming the first bad field.
    """
    for key in doc:
        if key not in _DOCUMENT_KEYS:
            raise field_error(str(key), Text("unknown setting"), path)
    if "name" not in doc:
        raise field_error("name", Text("is missing"), path)
    name = check_name(doc["name"], "name", path)
    description = _check_str(doc, "description", "description", path, "")
    if "config" not in doc:
        raise field_error("config", Text("is missing"), path)
    if not isinstance(doc["config"], dict):
        raise field_error("config", Text("must be a JSON object"), path)
    _fold_decode_view(doc)
    try:
        config = SessionConfig.from_dict(doc["config"], check_files=False)
    except ConfigError as exc:
        raise field_error(f"config.{exc.field}", exc.reason, path) from None
    check_ports(doc["config"], path)
    raw_presets = doc.get("send_presets", [])
    if not isinstance(raw_presets, list):
        raise field_error("send_presets", Text("must be a JSON list"), path)
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
            raise field_error(key, Text("must be a JSON object"), path)
    templates = _check_templates(doc.get("templates", []), path)
    # Last, so the specific messages above win; this catches NaN, lone surrogates and
    # non-JSON objects anywhere (config.extra, view, send, strings in the config).
    _check_json(doc, "", path)
    return Checked(
        name, config, description, presets, settings["view"], settings["send"], templates
    )


def _check_templates(raw: Any, path: str | None) -> tuple[dict[str, Any], ...]:
    """The profile's packet templates, each checked (see :mod:`netassistant.core.templates`)."""
    from netassistant.core.templates.model import Template, TemplateError

    if not isinstance(raw, list):
        raise field_error("templates", Text("must be a JSON list"), path)
    for i, item in enumerate(raw):
        try:
            Template.from_dict(item)
        except TemplateError as exc:
            raise field_error(f"templates[{i}]", exc.args[0], path) from None
    return tuple(raw)


def parse(raw: bytes, path: str) -> Checked:
    """Decode, check and upgrade the bytes of profile file ``path``.

    Raises:
        ProfileError: naming the file (and the field, when one is at fault).
    """
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
        # Huge integer literals stay strings for check_limits to report by field; 1e999 and NaN
        # become floats that it refuses the same way.
        data = json.loads(text, parse_int=_parse_int)
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
    return check_document(upgrade(data, path), path)
