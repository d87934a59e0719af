"""The fault spec language: ``direction:name[:param=value,...]``.

Examples (the same on the command line and in the window's Faults box)::

    up:slicer:size=5,variation=2,delay_ms=10
    down:latency:ms=100,jitter=20
    both:reset:after_ms=500,toxicity=0.5

Every fault takes ``toxicity`` (0 .. 1, default 1): the chance that it applies to a
connection (decided once per connection; for ``drop`` on UDP, once per datagram).
A bad spec is refused with words that name the bad part and list what is allowed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from netassistant.core.i18n import text

#: ``up`` = client -> server, ``down`` = server -> client, ``both`` = each way.
DIRECTIONS = ("up", "down", "both")

#: Every fault's parameters: name -> (default, lowest, highest); None = required.
FAULTS: dict[str, dict[str, tuple[int | None, int, int]]] = {
    "latency": {"ms": (None, 0, 600_000), "jitter": (0, 0, 600_000)},
    "bandwidth": {"rate": (None, 1, 1024 * 1024)},
    "slicer": {
        "size": (None, 1, 1024 * 1024),
        "variation": (0, 0, 1024 * 1024),
        "delay_ms": (0, 0, 600_000),
    },
    "coalesce": {"window_ms": (None, 1, 600_000)},
    "drop": {},
    "timeout": {"ms": (0, 0, 3_600_000)},
    "reset": {"after_ms": (0, 0, 3_600_000)},
    "slow_close": {"ms": (None, 0, 600_000)},
    "limit": {"bytes": (None, 0, 2**62)},
}

#: What each parameter means, for help texts (units included).
PARAM_HELP = {
    "ms": "milliseconds",
    "jitter": "milliseconds, plus or minus",
    "rate": "KiB/s",
    "size": "bytes per piece",
    "variation": "bytes, plus or minus",
    "delay_ms": "milliseconds between pieces",
    "window_ms": "milliseconds to gather writes",
    "after_ms": "milliseconds after the connection opens",
    "bytes": "bytes forwarded before the close",
}


#: Parameters a new fault starts with in the window (and that help texts show).
EXAMPLES = {
    "latency": "ms=100,jitter=0",
    "bandwidth": "rate=64",
    "slicer": "size=4,variation=0,delay_ms=10",
    "coalesce": "window_ms=50",
    "drop": "",
    "timeout": "ms=1000",
    "reset": "after_ms=500",
    "slow_close": "ms=500",
    "limit": "bytes=1024",
}


def join_spec(direction: str, name: str, params: str, toxicity: float) -> str:
    """A spec from its parts (the window's fields): ``up:slicer:size=4,toxicity=0.5``."""
    extra = "" if toxicity == 1.0 else f"toxicity={toxicity:g}"
    body = ",".join(part for part in (params.strip(), extra) if part)
    return f"{direction}:{name}:{body}" if body else f"{direction}:{name}"


def split_spec(spec: FaultSpec) -> tuple[str, str, str, float]:
    """(direction, name, params text, toxicity) of a parsed fault, for the window's fields."""
    params = ",".join(f"{key}={spec.params[key]}" for key in FAULTS[spec.name])
    return spec.direction, spec.name, params, spec.toxicity


class FaultSpecError(ValueError):
    """A fault spec is wrong; ``args[0]`` is a translatable sentence saying what to do."""


@dataclass(frozen=True)
class FaultSpec:
    """One fault, parsed.

    Attributes:
        direction: ``up``, ``down`` or ``both``.
        name: A key of :data:`FAULTS`.
        params: Every parameter of the fault (defaults filled in), whole numbers.
        toxicity: The chance 0 .. 1 that it applies.
    """

    direction: str
    name: str
    params: dict[str, int] = field(default_factory=dict)
    toxicity: float = 1.0

    def applies_to(self, direction: str) -> bool:
        """True if the fault acts on data flowing ``direction`` (``up`` or ``down``)."""
        return self.direction in (direction, "both")

    def format(self) -> str:
        """The spec back as text, parameters in their documented order."""
        parts = [f"{key}={self.params[key]}" for key in FAULTS[self.name] if key in self.params]
        if self.toxicity != 1.0:
            parts.append(f"toxicity={self.toxicity:g}")
        head = f"{self.direction}:{self.name}"
        return f"{head}:{','.join(parts)}" if parts else head

    def detail(self, action: str) -> dict[str, object]:
        """The ``detail`` of a FAULT event about this fault (see ConnEvent)."""
        params: dict[str, object] = dict(self.params)
        params["toxicity"] = self.toxicity
        return {"direction": self.direction, "fault": self.name, "params": params, "action": action}


def parse_fault(spec: str) -> FaultSpec:
    """Parse ``direction:name[:param=value,...]``.

    Raises:
        FaultSpecError: naming the bad part and the allowed names.
    """
    if not isinstance(spec, str):
        raise FaultSpecError(text("a fault spec must be text, not {value!r}", value=spec))
    parts = spec.strip().split(":", 2)
    if len(parts) < 2 or not parts[1]:
        raise FaultSpecError(
            text(
                "fault {spec!r} needs direction:name[:param=value,...], e.g. up:slicer:size=5",
                spec=spec,
            )
        )
    direction, name = parts[0].strip(), parts[1].strip()
    if direction not in DIRECTIONS:
        raise FaultSpecError(
            text(
                "unknown fault direction {direction!r} in {spec!r}; use up, down or both",
                direction=direction,
                spec=spec,
            )
        )
    if name not in FAULTS:
        raise FaultSpecError(
            text(
                "unknown fault {name!r} in {spec!r}; use one of {names}",
                name=name,
                spec=spec,
                names=", ".join(FAULTS),
            )
        )
    allowed = FAULTS[name]
    given = _parse_params(parts[2] if len(parts) == 3 else "", name, spec)
    toxicity = _toxicity(given.pop("toxicity", "1"), spec)
    params: dict[str, int] = {}
    for key, value in given.items():
        if key not in allowed:
            raise FaultSpecError(
                text(
                    "{name} has no parameter {param!r}; use {params}",
                    name=name,
                    param=key,
                    params=", ".join([*allowed, "toxicity"]),
                )
            )
        low, high = allowed[key][1], allowed[key][2]
        params[key] = _whole(value, key, low, high, name)
    for key, (default, _low, _high) in allowed.items():
        if key in params:
            continue
        if default is None:
            raise FaultSpecError(
                text(
                    "{name} needs {param}= ({meaning}), e.g. {example}",
                    name=name,
                    param=key,
                    meaning=PARAM_HELP.get(key, ""),
                    example=f"{direction}:{name}:{key}=10",
                )
            )
        params[key] = default
    return FaultSpec(direction, name, params, toxicity)


def parse_faults(specs: list[str] | tuple[str, ...]) -> list[FaultSpec]:
    """Parse every spec of a list (see :func:`parse_fault`)."""
    return [parse_fault(spec) for spec in specs]


def _parse_params(body: str, name: str, spec: str) -> dict[str, str]:
    given: dict[str, str] = {}
    for item in filter(None, (piece.strip() for piece in body.split(","))):
        key, sep, value = item.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key or not value:
            raise FaultSpecError(
                text(
                    "{item!r} in {spec!r} is not param=value; {name} takes {params}",
                    item=item,
                    spec=spec,
                    name=name,
                    params=", ".join([*FAULTS[name], "toxicity"]),
                )
            )
        if key in given:
            raise FaultSpecError(text("{param} is given twice in {spec!r}", param=key, spec=spec))
        given[key] = value
    return given


def _whole(value: str, key: str, low: int, high: int, name: str) -> int:
    try:
        number = int(value, 10)
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise FaultSpecError(
            text(
                "{name}: {param} must be a whole number {low}..{high}, not {value!r}",
                name=name,
                param=key,
                low=low,
                high=high,
                value=value,
            )
        )
    return number


def _toxicity(value: str, spec: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0.0 <= number <= 1.0:  # NaN fails too
        raise FaultSpecError(
            text(
                "toxicity must be a number 0..1 (the chance the fault applies), "
                "not {value!r} in {spec!r}",
                value=value,
                spec=spec,
            )
        )
    return number
