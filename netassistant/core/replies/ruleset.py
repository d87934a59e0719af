"""ReplyRules: the ordered list of reply rules a pane (or ``--rules FILE``) answers with.

The list answers with the first rule that matches or with every one (``first``/``all``)
and counts how often each rule fired; the counters are read by the window a few times a
second. :func:`load_rules_file` reads the JSON the window exports.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from netassistant.core.i18n import text
from netassistant.core.replies.rules import ReplyRule, RuleError

if TYPE_CHECKING:
    import datetime as _dt

#: First-match (one reply per chunk) or all-match.
MODES: tuple[str, ...] = ("first", "all")
MAX_RULES = 256


class ReplyRules:
    """An ordered list of rules, first-match or all-match, with a count per rule.

    Thread safety: :meth:`replies` runs in the engine thread; :meth:`counts` may be read
    from any thread (the GUI polls it).

    Attributes:
        rules: The rules, in order.
        mode: ``"first"`` or ``"all"``.
    """

    def __init__(self, rules: Sequence[ReplyRule], mode: str = "first") -> None:
        """Hold ``rules`` (checked by :meth:`validate`)."""
        self.rules = tuple(rules)
        self.mode = mode
        self._counts = [0] * len(self.rules)
        self._lock = threading.Lock()

    @property
    def wants_messages(self) -> bool:
        """True if some enabled rule matches decoded messages."""
        return any(r.enabled and r.source == "message" for r in self.rules)

    def validate(self) -> None:
        """Check the mode and every rule.

        Raises:
            RuleError: with :attr:`RuleError.index` naming the rule.
        """
        if self.mode not in MODES:
            message = text("unknown rule mode {value!r}; use first or all", value=self.mode)
            raise RuleError(message, "mode")
        if len(self.rules) > MAX_RULES:
            raise RuleError(text("at most {limit} rules", limit=MAX_RULES), "rules")
        for index, rule in enumerate(self.rules):
            try:
                rule.validate()
            except RuleError as exc:
                message = text("rule {number}: {reason}", number=index + 1, reason=exc.args[0])
                raise RuleError(message, exc.field, exc.position, index) from None

    def counts(self) -> list[int]:
        """How often each rule fired (any thread)."""
        with self._lock:
            return list(self._counts)

    def carry_counts(self, previous: ReplyRules) -> None:
        """Take over the counts of ``previous``'s rules that this list still has.

        An edit builds a new list; without this every counter would restart at 0. A rule
        keeps its count when an equal rule (same settings) was in ``previous``: the one
        at the same place first, else the first unused equal one, so moving a rule keeps
        its count too. An edited or new rule starts at 0.
        """
        old_counts = previous.counts()
        used = [False] * len(previous.rules)
        carried = [0] * len(self.rules)
        for index, rule in enumerate(self.rules):
            same_place = index < len(previous.rules) and previous.rules[index] == rule
            candidates = [index] if same_place and not used[index] else []
            candidates += [i for i, old in enumerate(previous.rules) if not used[i] and old == rule]
            if candidates:
                used[candidates[0]] = True
                carried[index] = old_counts[candidates[0]]
        with self._lock:
            self._counts = carried

    def replies(
        self, data: bytes, source: str, now: _dt.datetime | None = None
    ) -> list[tuple[bytes, float]]:
        """The replies to one chunk or message: ``(bytes, delay in seconds)`` each.

        Args:
            data: The received bytes (only compared and copied).
            source: ``"chunk"`` or ``"message"``: only rules of that source look.
            now: The moment for clock placeholders (local now if None).
        """
        out: list[tuple[bytes, float]] = []
        for index, rule in enumerate(self.rules):
            if rule.source != source:
                continue
            match = rule.match_data(data)
            if match is None:
                continue
            with self._lock:
                self._counts[index] += 1
                count = self._counts[index]
            reply = rule.render(data, match, count, now)
            if reply:
                out.append((reply, rule.delay_ms / 1000.0))
            if self.mode == "first":
                break
        return out

    def to_dict(self) -> dict[str, Any]:
        """The list as JSON-ready data (what the window exports and ``--rules`` reads)."""
        return {"mode": self.mode, "rules": [r.to_dict() for r in self.rules]}

    @classmethod
    def from_dict(cls, data: Any) -> ReplyRules:
        """A list from its dict (``{"mode": ..., "rules": [...]}``); not yet validated.

        Raises:
            RuleError: the shape is wrong (the message names the rule).
        """
        if not isinstance(data, Mapping):
            raise RuleError(text("reply rules must be a JSON object"), "rules")
        mode = data.get("mode", "first")
        raw = data.get("rules", [])
        if not isinstance(raw, list):
            raise RuleError(text("rules must be a JSON list"), "rules")
        if len(raw) > MAX_RULES:
            raise RuleError(text("at most {limit} rules", limit=MAX_RULES), "rules")
        rules = []
        for index, item in enumerate(raw):
            try:
                rules.append(ReplyRule.from_dict(item))
            except RuleError as exc:
                message = text("rule {number}: {reason}", number=index + 1, reason=exc.args[0])
                raise RuleError(message, exc.field, -1, index) from None
        return cls(rules, mode if isinstance(mode, str) else repr(mode))


#: A rules file is typed or exported; a bigger one is a mistake.
MAX_RULES_FILE = 4 * 1024 * 1024


def load_rules_file(path: str) -> ReplyRules:
    """Read and check a reply rules file (``{"mode": ..., "rules": [...]}``, UTF-8 JSON).

    Raises:
        RuleError: unreadable (never blocks on a FIFO), too large, not JSON, or a rule
            that cannot run (the message names the rule and the field).
    """
    import json

    from netassistant.core.safefile import FileTooLargeError, read_regular

    try:
        raw = read_regular(path, MAX_RULES_FILE)
        document = json.loads(raw.decode("utf-8-sig"))
    except FileTooLargeError:
        message = text("{path} is too large for a rules file", path=path)
        raise RuleError(message, "rules") from None
    except OSError as exc:
        message = text("cannot read {path}: {reason}", path=path, reason=exc.strerror or exc)
        raise RuleError(message, "rules") from None
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError, JSONDecodeError
        message = text("{path} is not a JSON rules file: {reason}", path=path, reason=exc)
        raise RuleError(message, "rules") from None
    rules = ReplyRules.from_dict(document)
    rules.validate()
    return rules
