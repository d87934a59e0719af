"""A DecodePipeline fed raw events in tests, decoded here the way the core pipeline does."""

from __future__ import annotations

from typing import Any

from netassistant.core.chunk import Chunk, ConnEvent
from netassistant.core.decoding import MessageDecoder
from netassistant.core.pipeline import PipelineBatch
from netassistant.qt.decodepipeline import DecodePipeline
from netassistant.qt.session import SessionController


class LocalDecodePipeline(DecodePipeline):
    """A pane's DecodePipeline on an idle controller whose ``feed`` also takes raw events.

    The core :class:`SessionPipeline` cuts messages in the engine thread; here the same
    :class:`MessageDecoder`, built from the controller's settings, cuts them in the test,
    so model and view tests need no session.
    """

    def __init__(self, **options: Any) -> None:
        self.controller = SessionController()
        super().__init__(self.controller, **options)
        self._local: MessageDecoder | None = None
        self._local_generation = -1
        self._local_pending: dict[int, int] = {}

    def feed(self, batch: Any) -> None:  # type: ignore[override]
        if isinstance(batch, PipelineBatch):
            super().feed(batch)
            return
        generation = self.controller.decode_generation
        if generation != self._local_generation:
            self._local = self.controller.decode_settings.build()
            self._local_generation = generation
        decoder = self._local
        decoded = decoder.feed(batch) if decoder is not None else []
        pending = {}
        if decoder is not None:
            touched = set(self._local_pending)
            touched.update(e.conn_id for e in batch if isinstance(e, Chunk | ConnEvent))
            for conn_id in touched:
                if decoder.pending(conn_id):
                    pending[conn_id] = decoder.pending(conn_id)
        self._local_pending = pending
        super().feed(PipelineBatch(list(batch), decoded, generation, pending, []))
