"""The expectation kinds of a scenario: what a check may say and how it is judged.

Like the step kinds, one class per kind, listed in :data:`CHECK_KINDS`: ``parse`` reads
its keys, ``judge`` looks at the panes' records (or the kernel) and says what it observed
and what was expected. The runner re-judges a check with ``within_ms`` until it holds or
the time is up; without it a check is judged once, right after the steps before it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from netassistant.core.chunk import Direction
from netassistant.core.config import Kind
from netassistant.core.i18n import text, translatable
from netassistant.core.scenario.nodes import Map, ScenarioError
from netassistant.core.scenario.record import COUNTERS, LEG_COUNTERS, MAX_KEPT

if TYPE_CHECKING:
    from netassistant.core.scenario.context import RunContext
    from netassistant.core.scenario.schema import Action

#: Longest a check may wait for what it expects.
MAX_WITHIN_MS = 30_000
#: How much received data a pattern is searched in (the first chunks, joined).
MAX_SEARCH_BYTES = 1024 * 1024


class Verdict(NamedTuple):
    """A check's result.

    Attributes:
        ok: True when the expectation held.
        observed: What really happened, in a few words (``"2 rx_chunks"``).
        expected: What the scenario expected (``"fewer than 5 (client.tx_chunks)"``).
    """

    ok: bool
    observed: str
    expected: str


class CheckKind:
    """One kind of expectation.

    Attributes:
        name: The word after ``expect:``.
        pane_kinds: Session kinds it applies to.
        polls_kernel: True when it reads the kernel, so the runner polls it while waiting.
    """

    name: ClassVar[str] = ""
    pane_kinds: ClassVar[tuple[Kind, ...]] = (Kind.TCP_SERVER, Kind.TCP_CLIENT, Kind.UDP)
    polls_kernel: ClassVar[bool] = False

    def parse(self, m: Map) -> dict[str, Any]:
        """Read this kind's keys."""
        return self._read(m)

    def _read(self, m: Map) -> dict[str, Any]:
        return {}

    def judge(self, ctx: RunContext, action: Action) -> Verdict:
        """Say whether the expectation holds now."""
        return self._judge(ctx, action)

    def _judge(self, ctx: RunContext, action: Action) -> Verdict:
        raise NotImplementedError


# ---------------------------------------------------------------- comparisons
_COMPARATORS: dict[str, tuple[Callable[[int, int], bool], str]] = {
    "equals": (lambda a, b: a == b, "{value}"),
    "at_least": (lambda a, b: a >= b, translatable("at least {value}")),
    "at_most": (lambda a, b: a <= b, translatable("at most {value}")),
    "fewer_than": (lambda a, b: a < b, translatable("fewer than {value}")),
    "more_than": (lambda a, b: a > b, translatable("more than {value}")),
}


def parse_comparison(m: Map, default: tuple[str, Any] | None = None) -> tuple[str, Any]:
    """One of ``equals/at_least/at_most/fewer_than/more_than``: a number or ``pane.counter``."""
    given = [key for key in _COMPARATORS if key in m]
    if not given and default is not None:
        return default
    if len(given) != 1:
        raise ScenarioError(
            m.line,
            text("say exactly one of {keys}", keys=", ".join(f"{k}:" for k in _COMPARATORS)),
        )
    key = given[0]
    value = m.value(key)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise m.error(key, text("must be a whole number or pane.counter (client.tx_chunks)"))
    if isinstance(value, str):
        pane, _, counter = value.partition(".")
        if not pane or counter not in _counter_names():
            raise m.error(
                key,
                text(
                    "{value!r} is not pane.counter; counters: {names}",
                    value=value,
                    names=", ".join(_counter_names()),
                ),
            )
    return key, value


def _counter_names() -> tuple[str, ...]:
    from netassistant.core.chunk import EventKind

    return (*COUNTERS, *LEG_COUNTERS, *(kind.value for kind in EventKind))


def compare(ctx: RunContext, observed: int, comparison: tuple[str, Any]) -> tuple[bool, str]:
    """Judge ``observed`` against a parsed comparison; returns (ok, expected in words)."""
    key, value = comparison
    test, words = _COMPARATORS[key]
    if isinstance(value, str):
        pane, _, counter = value.partition(".")
        target = ctx.pane(pane).record.counter(counter)
        label = f"{target} ({value})"
    else:
        target, label = value, str(value)
    # A Text, so the window shows the phrase translated (the CLI prints it in English).
    return test(observed, target), text(words, value=label)


# -------------------------------------------------------------------- the kinds
class Count(CheckKind):
    """A counter of a pane (``of: rx_chunks``, ``tx_bytes``, ``messages``, or an event kind).

    A relay pane also counts per leg: ``of: server_leg.tx_chunks`` (the writes it made to
    the server) against ``relay.client_leg.rx_chunks`` (the reads it made from the client).
    """

    name = "count"
    pane_kinds = (Kind.TCP_SERVER, Kind.TCP_CLIENT, Kind.UDP, Kind.RELAY)

    def _read(self, m: Map) -> dict[str, Any]:
        what = m.choice("of", _counter_names())
        return {"of": what, "compare": parse_comparison(m), "legs": what in LEG_COUNTERS}

    def _judge(self, ctx: RunContext, action: Action) -> Verdict:
        of = action.params["of"]
        observed = ctx.pane(action.pane).record.counter(of)
        ok, expected = compare(ctx, observed, action.params["compare"])
        return Verdict(
            ok, f"{of}: {observed}", text("{counter}: {expected}", counter=of, expected=expected)
        )


class BytesEqual(CheckKind):
    """Every byte ``sent_by`` a pane arrived at this pane, in order (SHA-256 compared)."""

    name = "bytes_equal"

    def _read(self, m: Map) -> dict[str, Any]:
        return {"sent_by": m.string("sent_by", required=True)}

    def _judge(self, ctx: RunContext, action: Action) -> Verdict:
        here = ctx.pane(action.pane).record
        there = ctx.pane(action.params["sent_by"]).record
        got, sent = here.counter("rx_bytes"), there.counter("tx_bytes")
        ok = got == sent and here.digest(Direction.RX) == there.digest(Direction.TX)
        if got == sent and not ok:
            return Verdict(False, f"{got} bytes, different content", f"the {sent} bytes sent")
        return Verdict(ok, f"{got} bytes received", f"{sent} bytes, as sent")


class Messages(CheckKind):
    """The messages the pane's framing decoded, in order (``texts:`` or ``count``)."""

    name = "messages"

    def _read(self, m: Map) -> dict[str, Any]:
        texts = [str(_scalar_text(node)) for node in m.items("texts", "messages", limit=1000)]
        if not texts:
            raise ScenarioError(m.line, text("a messages check needs texts: (a list)"))
        return {"texts": texts}

    def _judge(self, ctx: RunContext, action: Action) -> Verdict:
        record = ctx.pane(action.pane).record
        with record.changed:
            got = [m.decode("utf-8", "backslashreplace") for m in record.messages]
        want = action.params["texts"]
        return Verdict(got[: len(want) + 1] == want, _listed(got), _listed(want))


def _scalar_text(node: Any) -> str:
    from netassistant.core.scenario.nodes import line_of, scalar

    value = scalar(node)
    if not isinstance(value, str):
        raise ScenarioError(line_of(node), text("must be text; put it in quotes"))
    return value


def _listed(items: list[str], limit: int = 8) -> str:
    shown = ", ".join(repr(item) for item in items[:limit])
    more = f", … ({len(items)} in all)" if len(items) > limit else ""
    return f"[{shown}{more}]"


class Chunk(CheckKind):
    """The N-th RX chunk: its ``length``, or what it ``starts_with``/``contains``.

    ``index`` counts from 1; ``-1`` is the newest of the first 1000 (a phase's last recv,
    whatever number earlier phases left it).
    """

    name = "chunk"

    def _read(self, m: Map) -> dict[str, Any]:
        index = m.integer("index", 1, -MAX_KEPT, MAX_KEPT)
        if index == 0:
            raise m.error("index", text("counts from 1 (the first); -1 is the newest"))
        params: dict[str, Any] = {
            "index": index,
            "length": m.integer("length", -1, 0, 1024 * 1024) if "length" in m else -1,
            "starts_with": m.string("starts_with", ""),
            "contains": m.string("contains", ""),
        }
        if params["length"] < 0 and not params["starts_with"] and not params["contains"]:
            raise ScenarioError(
                m.line, text("a chunk check needs length:, starts_with: or contains:")
            )
        return params

    def _judge(self, ctx: RunContext, action: Action) -> Verdict:
        p = action.params
        record = ctx.pane(action.pane).record
        with record.changed:
            kept = list(record.first_rx)
        index = p["index"] if p["index"] > 0 else len(kept) + 1 + p["index"]
        wanted = []
        if p["length"] >= 0:
            wanted.append(f"{p['length']} bytes")
        if p["starts_with"]:
            wanted.append(f"starting with {p['starts_with']!r}")
        if p["contains"]:
            wanted.append(f"containing {p['contains']!r}")
        name = "the last RX chunk" if p["index"] == -1 else f"RX chunk {p['index']}"
        expected = f"{name}: " + ", ".join(wanted)
        if not 0 < index <= len(kept):
            return Verdict(False, f"only {len(kept)} RX chunks", expected)
        data = kept[index - 1].data
        ok = (
            (p["length"] < 0 or len(data) == p["length"])
            and data.startswith(p["starts_with"].encode())
            and p["contains"].encode() in data
        )
        head = data[:24].decode("utf-8", "backslashreplace")
        return Verdict(ok, f"RX chunk {index}: {len(data)} bytes, {head!r}…", expected)


class Truncated(CheckKind):
    """A datagram did not fit the receive buffer: ``kept`` bytes of its true ``size``."""

    name = "truncated"
    pane_kinds = (Kind.UDP,)

    def _read(self, m: Map) -> dict[str, Any]:
        return {
            "size": m.integer("size", 0, 1, 65535),
            "kept": m.integer("kept", 0, 0, 65535),
        }

    def _judge(self, ctx: RunContext, action: Action) -> Verdict:
        record = ctx.pane(action.pane).record
        with record.changed:
            seen = list(record.truncated)
        want = (action.params["kept"], action.params["size"])
        observed = (
            "; ".join(f"{kept} of {size} bytes kept" for kept, size in seen[:4])
            or "no datagram truncated"
        )
        return Verdict(want in seen, observed, f"{want[0]} of {want[1]} bytes kept")


class Dropped(CheckKind):
    """The kernel dropped datagrams because the receive buffer was full."""

    name = "dropped"
    pane_kinds = (Kind.UDP,)

    def _read(self, m: Map) -> dict[str, Any]:
        return {"compare": parse_comparison(m, ("more_than", 0))}

    def _judge(self, ctx: RunContext, action: Action) -> Verdict:
        observed = ctx.pane(action.pane).record.counter("dropped")
        ok, expected = compare(ctx, observed, action.params["compare"])
        return Verdict(
            ok,
            text("{count} datagrams dropped", count=observed),
            text("{expected} dropped", expected=expected),
        )


class Match(CheckKind):
    """What the pane received matches a regular expression (RE2, so it cannot hang)."""

    name = "match"

    def _read(self, m: Map) -> dict[str, Any]:
        from netassistant.core.userregex import Regex, RegexError

        pattern = m.string("pattern", required=True)
        try:
            regex = Regex(pattern, pattern.encode("utf-8"))
        except RegexError as exc:
            raise m.error("pattern", exc.args[0]) from None
        return {"pattern": pattern, "regex": regex}

    def _judge(self, ctx: RunContext, action: Action) -> Verdict:
        record = ctx.pane(action.pane).record
        with record.changed:
            data = b"".join(chunk.data for chunk in record.first_rx)[:MAX_SEARCH_BYTES]
        found = action.params["regex"].search(data)
        expected = f"data matching {action.params['pattern']!r}"
        if found is None:
            return Verdict(False, f"{len(data)} bytes, no match", expected)
        return Verdict(True, f"matched {found.group(0)[:40]!r}", expected)


class Error(CheckKind):
    """The session reported an error of a kind (``address-in-use``, ``connection-refused``...)."""

    name = "error"
    pane_kinds = (Kind.TCP_SERVER, Kind.TCP_CLIENT, Kind.UDP, Kind.RELAY)

    def _read(self, m: Map) -> dict[str, Any]:
        return {"kind": m.choice("kind", ERROR_KINDS)}

    def _judge(self, ctx: RunContext, action: Action) -> Verdict:
        record = ctx.pane(action.pane).record
        with record.changed:
            errors = list(record.errors)
        kinds = [error_kind(event.message) for event in errors]
        want = action.params["kind"]
        observed = "; ".join(str(event.message) for event in errors[-2:]) or "no error"
        return Verdict(want in kinds, observed, f"an error: {want}")


#: The error kinds a check can name, by the words of the core's messages.
ERROR_KINDS = ("address-in-use", "connection-refused", "reset", "timeout", "other")
_ERROR_WORDS = (
    ("address-in-use", ("already in use", "in TIME_WAIT from an earlier")),
    ("connection-refused", ("refused", "no socket at")),
    ("reset", ("reset",)),
    ("timeout", ("timed out",)),
)


def error_kind(message: str) -> str:
    """The kind of a core error message, judged by its English template."""
    template = getattr(message, "template", message)
    for kind, words in _ERROR_WORDS:
        if any(word in template or word in message for word in words):
            return kind
    return "other"


# The checks that read the kernel live in their own module; imported here, after the base
# classes they build on, so that this table stays the one place a kind is added.
from netassistant.core.scenario.kernelchecks import KERNEL_CHECKS  # noqa: E402

#: Every check kind by its ``expect:`` word: the one place a new kind is added.
CHECK_KINDS: dict[str, CheckKind] = {
    kind.name: kind
    for kind in (
        Count(),
        BytesEqual(),
        Messages(),
        Chunk(),
        Truncated(),
        Dropped(),
        Match(),
        Error(),
        *KERNEL_CHECKS,
    )
}
