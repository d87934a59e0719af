"""TimelineView: the Timeline beside a pane's log: controls over the painted diagram.

The controls choose which peer lifeline to draw (a TCP server's clients), the time axis
(compressed or real), step back and forward through the calls, play them back at 0.25× to
8× (a recorded session shown slowly to a class), and export the diagram as SVG, Mermaid or
JSON through the core's writer, so the window and ``netassistant-cli --timeline`` write the
same files.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QTimer, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QToolBar, QVBoxLayout, QWidget

from netassistant.core.timeline import Step
from netassistant.qt.coremessages import tr_error
from netassistant.qt.models.timelinemodel import TimelineModel
from netassistant.ui.timeline.canvas import TimelineCanvas
from netassistant.ui.widgets import combo_box, select_data, tool_button

#: Playback speeds offered (×).
SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
#: Compressed axis: time per step at 1×; real axis: bounds of the wait between two steps.
STEP_MS = 600
MIN_WAIT_MS = 40
MAX_WAIT_MS = 3000


class TimelineView(QWidget):
    """Controls and diagram of one pane's timeline.

    Attributes:
        model: The steps (fed by the pane's session).
        canvas: The painted diagram.
        lane_combo, axis_combo, speed_combo, back_button, forward_button, play_button,
        live_button, export_button, status: The controls.

    Signals:
        chunk_selected(qint64): the user clicked a step of this pane's session: its ``seq``
            (the pane selects that row in the log).
    """

    chunk_selected = Signal("qint64")  # type: ignore[arg-type]

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.model = model
        self.canvas = TimelineCanvas(model.builder)
        self._play_timer = QTimer(self)
        self._play_timer.setSingleShot(True)
        self._build()
        self._connect_signals()
        self._on_model_changed()

    def _build(self) -> None:
        self.lane_combo = combo_box(
            "timelineLanes",
            self.tr("Peer lifelines"),
            self.tr("Draw every peer (a server's clients side by side) or only one of them"),
            [(self.tr("All peers"), None)],
            fit_contents=True,
        )
        self.axis_combo = combo_box(
            "timelineAxis",
            self.tr("Time axis"),
            self.tr(
                "Compressed: one row per call, gaps collapsed. Real: the space between two "
                "calls follows the time between them"
            ),
            [(self.tr("Compressed"), False), (self.tr("Real time"), True)],
            fit_contents=True,
        )
        self.back_button = tool_button(
            "timelineBack", self.tr("◀ Step"), self.tr("Go back one call (Left arrow)")
        )
        self.forward_button = tool_button(
            "timelineForward", self.tr("Step ▶"), self.tr("Show the next call (Right arrow)")
        )
        self.play_button = tool_button(
            "timelinePlay",
            self.tr("Play"),
            self.tr(
                "Replay the calls one by one (Space): from the start, or from where you stepped to"
            ),
            checked=False,
        )
        self.speed_combo = combo_box(
            "timelineSpeed",
            self.tr("Playback speed"),
            self.tr("How fast Play goes: 1× is real time on the real axis"),
            [(f"{speed:g}×", speed) for speed in SPEEDS],
            fit_contents=True,
        )
        self.speed_combo.setCurrentIndex(SPEEDS.index(1.0))
        self.live_button = tool_button(
            "timelineLive", self.tr("Live"), self.tr("Show every call as it happens")
        )
        self.export_button = tool_button(
            "timelineExport",
            self.tr("Export…"),
            self.tr("Save the diagram as SVG (slides), Mermaid text (.mmd) or JSON"),
        )
        self.status = QLabel()
        self.status.setObjectName("timelineStatus")
        bar = QToolBar()
        bar.setObjectName("timelineToolbar")
        bar.setMovable(False)
        for widget in (
            self.lane_combo,
            self.axis_combo,
            self.back_button,
            self.forward_button,
            self.play_button,
            self.speed_combo,
            self.live_button,
            self.export_button,
            self.status,
        ):
            bar.addWidget(widget)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)

    def _connect_signals(self) -> None:
        self.model.changed.connect(self._on_model_changed)
        self.lane_combo.currentIndexChanged.connect(self._on_lane_chosen)
        self.axis_combo.currentIndexChanged.connect(self._on_axis_chosen)
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.play_button.toggled.connect(self.set_playing)
        self.live_button.clicked.connect(self.go_live)
        self.export_button.clicked.connect(self._on_export)
        self._play_timer.timeout.connect(self._on_play_tick)
        self.canvas.step_clicked.connect(self._on_step_clicked)
        self.canvas.step_requested.connect(self.step)
        self.canvas.play_requested.connect(self.play_button.toggle)

    # ------------------------------------------------------------------ model
    @Slot()
    def _on_model_changed(self) -> None:
        self._update_lanes()
        self.canvas.refresh()

    def _update_lanes(self) -> None:
        lanes = [lane for lane, _leg in self.model.builder.lanes() if lane]
        combo = self.lane_combo
        if combo.count() - 1 == len(lanes):
            return  # lifelines only ever get added
        with QSignalBlocker(combo):
            chosen = combo.currentData()
            for lane in lanes[combo.count() - 1 :]:
                combo.addItem(lane, lane)
            select_data(combo, chosen)

    @Slot(object)
    def show_connection(self, conn_id: int | None) -> None:
        """Draw only the peer of this session's connection ``conn_id`` (None: every peer).

        The pane calls it when a client is chosen in its client list.
        """
        self.model.flush()
        lane = None
        if conn_id is not None:
            for step in reversed(self.model.builder.steps):
                if step.session == 0 and step.conn == conn_id and step.lane:
                    lane = step.lane
                    break
        self._update_lanes()
        select_data(self.lane_combo, lane)

    @Slot()
    def _on_lane_chosen(self) -> None:
        lane = self.lane_combo.currentData()
        self.canvas.set_lanes(None if lane is None else [lane])

    @Slot()
    def _on_axis_chosen(self) -> None:
        self.canvas.set_real_time(bool(self.axis_combo.currentData()))

    # -------------------------------------------------------------- selection
    @Slot(object)
    def _on_step_clicked(self, step: Step) -> None:
        if step.session == 0:
            self.chunk_selected.emit(step.seq)

    @Slot("qint64")
    def select_seq(self, seq: int) -> None:
        """Highlight the step of this session's event ``seq`` (a row chosen in the log)."""
        self.model.flush()  # the row may be newer than the last tick
        step = self.model.builder.find_seq(seq)
        if step is not None and step.id != self.canvas.selected:
            self.canvas.select(step.id)

    # --------------------------------------------------------------- playback
    @Slot(int)
    def step(self, delta: int) -> None:
        """Move the playback cursor one call back (-1) or forward (+1)."""
        rows = len(self.canvas.rows)
        if not rows:
            return
        cursor = self.canvas.position
        if cursor is None:
            cursor = rows - 1 if delta < 0 else -1
        cursor += delta
        if cursor >= rows:
            self.go_live()
            return
        self.canvas.set_position(max(0, cursor))
        self._show_position()

    @Slot(bool)
    def set_playing(self, on: bool) -> None:
        """Start (from the first call, or where stepping stopped) or stop the replay."""
        if self.play_button.isChecked() != on:
            self.play_button.setChecked(on)  # comes back here through toggled
            return
        if not on:
            self._play_timer.stop()
            return
        cursor = self.canvas.position
        if cursor is None or cursor >= len(self.canvas.rows) - 1:
            self.canvas.set_position(0)
        self._show_position()
        self._schedule_next()

    def _schedule_next(self) -> None:
        cursor = self.canvas.position
        rows = self.canvas.rows
        if cursor is None or cursor + 1 >= len(rows):
            self.set_playing(False)
            return
        speed = float(self.speed_combo.currentData())
        if self.canvas.real_time:
            gap_ms = (rows[cursor + 1].ts_ns - rows[cursor].ts_ns) / 1e6
        else:
            gap_ms = STEP_MS
        wait = gap_ms / speed
        self._play_timer.start(int(min(MAX_WAIT_MS, max(MIN_WAIT_MS, wait))))

    @Slot()
    def _on_play_tick(self) -> None:
        cursor = self.canvas.position
        if cursor is None:
            return
        self.canvas.set_position(cursor + 1)
        self._show_position()
        self._schedule_next()

    @Slot()
    def go_live(self) -> None:
        """Stop playback and show every call as it comes."""
        self.set_playing(False)
        self.canvas.set_position(None)
        self.canvas.refresh()
        self.status.clear()

    def _show_position(self) -> None:
        cursor = self.canvas.position
        if cursor is None:
            self.status.clear()
            return
        self.status.setText(
            self.tr("call %1 of %2")
            .replace("%1", str(cursor + 1))
            .replace("%2", str(len(self.canvas.rows)))
        )

    # ------------------------------------------------------------------ export
    def export_to(self, path: str) -> bool:
        """Write the timeline to ``path`` (``.svg``, ``.mmd`` or ``.json``); False on failure.

        The status line says what happened (the file, or why it could not be written).
        """
        from netassistant.core.timeline.export import write_steps

        self.model.flush()
        try:
            write_steps(path, self.model.builder)
        except (OSError, ValueError) as exc:
            self.status.setText(self.tr("Export failed: %1").replace("%1", tr_error(exc)))
            return False
        self.status.setText(self.tr("Exported to %1").replace("%1", path))
        return True

    @Slot()
    def _on_export(self) -> None:
        filters = {
            self.tr("SVG picture (*.svg)"): ".svg",
            self.tr("Mermaid sequence diagram (*.mmd)"): ".mmd",
            self.tr("JSON steps (*.json)"): ".json",
        }
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export timeline"), "timeline.svg", ";;".join(filters)
        )
        if not path:
            return
        ext = filters.get(chosen, ".svg")
        if not path.lower().endswith((".svg", ".mmd", ".json")):
            path += ext
        self.export_to(path)
