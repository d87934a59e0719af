"""Session engines: one class per kind, all on one selector loop.

Use :func:`create_engine` to get the right one for a :class:`SessionConfig`. Each kind's
module is imported when a session of that kind is made (a TCP client never loads the
UDP engine and its ``recvmmsg`` bindings); the classes are still importable from here.
"""

from __future__ import annotations

import importlib

from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine.base import Engine, Sink
from netassistant.core.engine.sockets import SetupError
from netassistant.core.sending.plans import PlanStatus, SendPlan
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from netassistant.core.engine.tcp_client import TcpClientEngine
    from netassistant.core.engine.tcp_server import TcpServerEngine
    from netassistant.core.engine.udp import UdpEngine

    #: Every kind's engine class (importing all three).
    ENGINES: dict[Kind, type[Engine]]

#: Where each kind's engine lives: (module, class).
_ENGINE_CLASSES: dict[Kind, tuple[str, str]] = {
    Kind.TCP_SERVER: ("netassistant.core.engine.tcp_server", "TcpServerEngine"),
    Kind.TCP_CLIENT: ("netassistant.core.engine.tcp_client", "TcpClientEngine"),
    Kind.UDP: ("netassistant.core.engine.udp", "UdpEngine"),
    Kind.RELAY: ("netassistant.core.engine.relay", "RelayEngine"),
}
#: The UDP relay is the relay kind with ``config.relay_udp`` set.
_UDP_RELAY = ("netassistant.core.engine.relay_udp", "UdpRelayEngine")


def engine_class(kind: Kind) -> type[Engine]:
    """The engine class for ``kind``, its module imported now if it was not yet."""
    module, name = _ENGINE_CLASSES[kind]
    cls: type[Engine] = getattr(importlib.import_module(module), name)
    return cls


def create_engine(config: SessionConfig, sink: Sink, **options: Any) -> Engine:
    """The engine for ``config.kind``; ``options`` go to :class:`Engine` (flush_interval, ...)."""
    if config.kind is Kind.RELAY and config.relay_udp:
        module, name = _UDP_RELAY
        cls: type[Engine] = getattr(importlib.import_module(module), name)
        return cls(config, sink, **options)
    return engine_class(config.kind)(config, sink, **options)


def __getattr__(name: str) -> Any:
    # PEP 562: the engine classes and the ENGINES table load on first use.
    if name == "ENGINES":
        return {kind: engine_class(kind) for kind in _ENGINE_CLASSES}
    for module, class_name in _ENGINE_CLASSES.values():
        if name == class_name:
            return getattr(importlib.import_module(module), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ENGINES",
    "Engine",
    "PlanStatus",
    "SendPlan",
    "SetupError",
    "Sink",
    "TcpClientEngine",
    "TcpServerEngine",
    "UdpEngine",
    "create_engine",
    "engine_class",
]
