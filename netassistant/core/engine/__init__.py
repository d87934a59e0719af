"""Session engines: one class per kind, all on one selector loop.

Use :func:`create_engine` to get the right one for a :class:`SessionConfig`.
"""

from __future__ import annotations

from typing import Any

from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine.base import Engine, Sink
from netassistant.core.engine.sockets import SetupError
from netassistant.core.engine.tcp_client import TcpClientEngine
from netassistant.core.engine.tcp_server import TcpServerEngine
from netassistant.core.engine.udp import UdpEngine
from netassistant.core.sending.plans import PlanStatus, SendPlan

ENGINES: dict[Kind, type[Engine]] = {
    Kind.TCP_SERVER: TcpServerEngine,
    Kind.TCP_CLIENT: TcpClientEngine,
    Kind.UDP: UdpEngine,
}


def create_engine(config: SessionConfig, sink: Sink, **options: Any) -> Engine:
    """The engine for ``config.kind``; ``options`` go to :class:`Engine` (flush_interval, ...)."""
    return ENGINES[config.kind](config, sink, **options)


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
]
