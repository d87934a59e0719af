"""Reading a scenario file: YAML nodes that remember their line, read strictly.

PyYAML's ``SafeLoader`` is used only to *compose* the document (``yaml.compose``): the
result is a tree of nodes, each with the line it starts on. :class:`Map` then reads a
mapping key by key, so every error names its line, what is wrong and what to do, and a
key nobody asked for is refused (a typo such as ``read_delay: 300`` must not be ignored).
Scalars are built with ``SafeConstructor`` (plain strings, numbers, booleans): no Python
object can be made from a scenario file. Anchors and aliases (``&a``/``*a``) are refused:
a few lines of them can expand to billions of nodes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from netassistant.core.i18n import text, translatable

#: Limits: a scenario is a page of text, not a data set.
MAX_FILE_BYTES = 256 * 1024
MAX_NODES = 20_000
MAX_STRING = 64 * 1024


class ScenarioError(ValueError):
    """A scenario file that cannot be run; ``str()`` is ``"line N: what is wrong"``.

    Attributes:
        line: 1-based line of the problem (0 when it concerns the whole file).
        reason: What is wrong and what to do (a translatable Text).
    """

    def __init__(self, line: int, reason: str) -> None:
        message = text("line {line}: {reason}", line=line, reason=reason) if line else reason
        super().__init__(message)
        self.line = line
        self.reason = reason


def compose(source: str) -> Any:
    """Parse YAML ``source`` into its root node (None for an empty file).

    Raises:
        ScenarioError: a syntax error, a file too large or too deep, or an alias.
    """
    import yaml

    if len(source.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise ScenarioError(
            0,
            text(
                "the file is larger than {limit} KiB; a scenario is a page of steps, "
                "put data in a file and send it with file:",
                limit=MAX_FILE_BYTES // 1024,
            ),
        )
    try:
        # The events first: an alias is refused where it is written, before it is expanded.
        for event in yaml.parse(source, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise ScenarioError(event.start_mark.line + 1, text(_NO_ALIASES))
        root = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise ScenarioError(
            line, text("not valid YAML: {problem}", problem=str(exc.problem or exc))
        ) from None
    except yaml.YAMLError as exc:
        raise ScenarioError(0, text("not valid YAML: {problem}", problem=str(exc))) from None
    if root is not None:
        _check_tree(root)
    return root


_NO_ALIASES = translatable(
    "anchors and aliases (&name, *name) are not supported; write the value out"
)


def _check_tree(root: Any) -> None:
    import yaml

    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise ScenarioError(line_of(node), text(_NO_ALIASES))
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise ScenarioError(
                line_of(node),
                text("the file has more than {limit} values; split it", limit=MAX_NODES),
            )
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def line_of(node: Any) -> int:
    """The 1-based line a node starts on."""
    return int(node.start_mark.line) + 1


def scalar(node: Any) -> Any:
    """A scalar node's value (str, int, float, bool or None).

    Raises:
        ScenarioError: the node is a list or mapping, or has a tag that makes an object.
    """
    import yaml
    from yaml.constructor import ConstructorError, SafeConstructor

    if not isinstance(node, yaml.ScalarNode):
        raise ScenarioError(line_of(node), text("expected a single value, not a list or mapping"))
    if node.tag not in _PLAIN_TAGS:
        raise ScenarioError(
            line_of(node),
            text("the tag {tag} is not allowed; write a plain value", tag=node.tag),
        )
    try:
        value = SafeConstructor().construct_object(node)
    except ConstructorError as exc:
        raise ScenarioError(
            line_of(node), text("bad value: {problem}", problem=exc.problem)
        ) from None
    if isinstance(value, str) and len(value) > MAX_STRING:
        raise ScenarioError(
            line_of(node),
            text("text longer than {limit} characters; use file:", limit=MAX_STRING),
        )
    return value


_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null")
)


class Map:
    """A YAML mapping read key by key; :meth:`done` refuses the keys nobody read.

    Attributes:
        line: The mapping's first line.
        what: How the mapping is named in messages (``step``, ``pane "server"``).
    """

    def __init__(self, node: Any, what: str) -> None:
        """Wrap ``node``.

        Raises:
            ScenarioError: ``node`` is not a mapping, or repeats a key.
        """
        import yaml

        if not isinstance(node, yaml.MappingNode):
            raise ScenarioError(
                line_of(node), text("{what} must be a mapping of key: value", what=what)
            )
        self.line = line_of(node)
        self.what = what
        self._entries: dict[str, tuple[Any, Any]] = {}
        for key_node, value_node in node.value:
            key = scalar(key_node)
            if not isinstance(key, str):
                raise ScenarioError(
                    line_of(key_node), text("a key must be a word, not {key!r}", key=key)
                )
            if key in self._entries:
                raise ScenarioError(
                    line_of(key_node), text("{key} is given twice in {what}", key=key, what=what)
                )
            self._entries[key] = (key_node, value_node)
        self._read: set[str] = set()

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def keys(self) -> Iterator[str]:
        """The keys, in file order."""
        return iter(self._entries)

    def node(self, key: str) -> Any:
        """The value node of ``key`` (marks it read), or None when absent."""
        if key not in self._entries:
            return None
        self._read.add(key)
        return self._entries[key][1]

    def key_line(self, key: str) -> int:
        """The line of ``key`` (the mapping's line when absent)."""
        entry = self._entries.get(key)
        return line_of(entry[0]) if entry else self.line

    def error(self, key: str, reason: str) -> ScenarioError:
        """An error about ``key``, at its line: ``read_delay_ms: must be ...``."""
        return ScenarioError(self.key_line(key), text("{key}: {reason}", key=key, reason=reason))

    def value(self, key: str, default: Any = None, *, required: bool = False) -> Any:
        """The scalar value of ``key``; ``default`` when absent (an error if ``required``)."""
        node = self.node(key)
        if node is None:
            if required:
                raise ScenarioError(self.line, text("{what} needs {key}:", what=self.what, key=key))
            return default
        return scalar(node)

    def string(self, key: str, default: str = "", *, required: bool = False) -> str:
        """A text value (numbers are not turned into text silently)."""
        value = self.value(key, default, required=required)
        if not isinstance(value, str):
            raise self.error(key, text("must be text; put it in quotes"))
        return value

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        """A whole number in ``low..high``."""
        value = self.value(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.error(
                key,
                text(
                    "must be a whole number from {low} to {high}, not {value!r}",
                    low=low,
                    high=high,
                    value=value,
                ),
            )
        return value

    def number(self, key: str, default: float, low: float, high: float) -> float:
        """A finite number in ``low..high``."""
        value = self.value(key, default)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not low <= value <= high
        ):
            raise self.error(
                key,
                text(
                    "must be a number from {low:g} to {high:g}, not {value!r}",
                    low=low,
                    high=high,
                    value=value,
                ),
            )
        return float(value)

    def boolean(self, key: str, default: bool) -> bool:
        """True or false."""
        value = self.value(key, default)
        if not isinstance(value, bool):
            raise self.error(key, text("must be true or false, not {value!r}", value=value))
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: str | None = None) -> str:
        """One of ``choices``."""
        value = self.value(key, default, required=default is None)
        if value not in choices:
            raise self.error(
                key,
                text(
                    "{value!r} is not one of {choices}",
                    value=value,
                    choices=", ".join(choices),
                ),
            )
        return str(value)

    def sub(self, key: str, what: str) -> Map | None:
        """The mapping under ``key``, or None when absent."""
        node = self.node(key)
        return None if node is None else Map(node, what)

    def items(self, key: str, what: str, *, limit: int) -> list[Any]:
        """The nodes of the list under ``key`` (empty when absent), at most ``limit``."""
        import yaml

        node = self.node(key)
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(key, text("must be a list (lines starting with -)"))
        if len(node.value) > limit:
            raise self.error(
                key, text("more than {limit} {what}; split the scenario", limit=limit, what=what)
            )
        return list(node.value)

    def done(self) -> None:
        """Refuse the keys that were not read: they would otherwise be silently ignored."""
        for key, (key_node, _value) in self._entries.items():
            if key not in self._read:
                raise ScenarioError(
                    line_of(key_node),
                    text(
                        "unknown key {key} in {what}; check the spelling (docs/scenarios.md "
                        "lists the keys)",
                        key=key,
                        what=self.what,
                    ),
                )
