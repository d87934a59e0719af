"""Small helpers shared by the widgets: the control factories and their common behaviour.

Every control is made (or at least decorated) here, so objectName, accessible name,
tooltip and the wheel rule are set in one place: a spin box or combo box changes on the
mouse wheel only when it has focus, so scrolling the settings column never edits the
field that happens to pass under the pointer.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QValidator, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from netassistant.qt.zoom import zoom

_PLACEHOLDER = re.compile(r"%(\d)")
#: How long an out-of-range message stays at a spin box without an inline note.
_NOTE_MS = 6000

WidgetT = TypeVar("WidgetT", bound=QWidget)
ColumnT = TypeVar("ColumnT", bound=int)  # a model's column enum


def fill(template: str, *args: str) -> str:
    """Replace ``%1``..``%9`` in a translated ``template`` in one pass.

    One pass, so an argument holding ``"%2"`` stays as it is (``str.format`` would choke
    on braces the user typed, and Qt's ``arg()`` is not in the Python stubs).
    """

    def arg(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return args[number - 1] if 0 < number <= len(args) else match.group(0)

    return _PLACEHOLDER.sub(arg, template)


class _FocusedWheel:
    """A control's own ``wheelEvent``: it changes on the wheel only while it has focus.

    Without focus the event is ignored, so Qt offers it to the parent (the scroll area
    under the pointer scrolls instead). Set on the instance, it replaces an event filter:
    a filter written in Python is called for every event the control gets (each repaint,
    hover and move too), and under a flood each such call waited for the GIL, while
    this is called for wheel events only.
    """

    __slots__ = ("_widget",)

    def __init__(self, widget: QWidget) -> None:
        self._widget = weakref.ref(widget)

    def __call__(self, event: QWheelEvent) -> None:
        widget = self._widget()
        if widget is None or not widget.hasFocus():
            event.ignore()  # ignored, so Qt offers it to the parent (the scroll area)
            return
        type(widget).wheelEvent(widget, event)  # the class's own (Qt's) handling


def guard_wheel(widget: QWidget) -> None:
    """Let ``widget`` change on the wheel only while focused (spin and combo boxes)."""
    # StrongFocus: a click or Tab focuses it, the wheel alone does not.
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.wheelEvent = _FocusedWheel(widget)  # type: ignore[method-assign]


def decorate(widget: WidgetT, name: str, accessible: str, tooltip: str) -> WidgetT:
    """Give a control its objectName, accessible name and tooltip in one call.

    Every control has all three: tests and screen readers find it by name, users
    learn what it does from the tooltip. Spin boxes and combo boxes also get the
    wheel rule (:func:`guard_wheel`).
    """
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setToolTip(tooltip)
    if isinstance(widget, QAbstractSpinBox | QComboBox):
        guard_wheel(widget)
    return widget


class RangeSpinBox(QSpinBox):
    """A spin box that says so when a typed value is out of range.

    A plain QSpinBox refuses the keystroke that leaves its range (``99999`` in a port
    becomes ``9999``) or quietly reverts a too-small value when editing ends. This one
    lets any number be typed and, when editing ends on a value outside the range, goes
    back to the value it had before the edit and emits :attr:`out_of_range` with a
    message saying what was typed, what the field takes, and what it holds now.

    Signals:
        out_of_range(str): the translated message; shown by :func:`with_note`.
        in_range(): a valid value was accepted (clears the message).
    """

    out_of_range = Signal(str)
    in_range = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(self._on_editing_finished)
        self._rejected = False
        self._before: int | None = None  # the value an edit started from (None: no edit)
        #: Set by :func:`with_note`; without a note the message pops up at the field.
        self.has_note = False

    def _number_text(self, text: str) -> str:
        return text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        """Let an out-of-range number be typed; :meth:`fixup` reports it afterwards."""
        state, text, pos = super().validate(text, pos)
        if state == QValidator.State.Invalid and self._number_text(text).isdigit():
            state = QValidator.State.Intermediate
        return state, text, pos

    def fixup(self, text: str) -> str:
        """Report a number outside the range; Qt then restores the last valid value."""
        number = self._number_text(text)
        if number.lstrip("-").isdigit():
            value = int(number)
            if not self.minimum() <= value <= self.maximum():
                self._rejected = True
                name = self.accessibleName() or self.objectName()
                message = fill(
                    self.tr("%1 is out of range for %2: enter %3 to %4. It stays %5."),
                    number,
                    name,
                    str(self.minimum()),
                    str(self.maximum()),
                    str(self.value() if self._before is None else self._before),
                )
                self.out_of_range.emit(message)
                if not self.has_note:
                    where = self.mapToGlobal(self.rect().bottomLeft())
                    QToolTip.showText(where, message, self, self.rect(), _NOTE_MS)
        return super().fixup(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Remember the value an edit starts from (its first key)."""
        if self._before is None:
            self._before = self.value()
        super().keyPressEvent(event)

    def _on_editing_finished(self) -> None:
        # fixup() runs before editingFinished; a clean finish clears an old message.
        if self._rejected and self._before is not None:
            # Keyboard tracking passed through 9, 99, 999, 9999 on the way to 99999:
            # go back to what the field held, as the message says.
            self.setValue(self._before)
        elif not self._rejected:
            self.in_range.emit()
        self._rejected = False
        self._before = None


def with_note(spin: RangeSpinBox) -> QWidget:
    """Return ``spin`` with an inline :class:`ErrorLabel` under it for range messages."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(spin)
    spin.has_note = True
    note = ErrorLabel(f"{spin.objectName()}Note")
    # Some panels name their controls after building them; the note follows the name.
    spin.objectNameChanged.connect(lambda name: note.setObjectName(f"{name}Note"))
    layout.addWidget(note)
    spin.out_of_range.connect(note.show_message)
    spin.in_range.connect(note.clear_message)
    box.setFocusProxy(spin)
    return box


def make_spin(
    *, low: int, high: int, value: int, suffix: str = "", keyboard_tracking: bool = True
) -> RangeSpinBox:
    """An undecorated :class:`RangeSpinBox` (for code that decorates in a loop later)."""
    spin = RangeSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    # keyboard_tracking=False: one valueChanged per edit, not per keystroke.
    spin.setKeyboardTracking(keyboard_tracking)
    return spin


def spin_box(
    name: str,
    accessible: str,
    tooltip: str,
    *,
    low: int,
    high: int,
    value: int,
    suffix: str = "",
    keyboard_tracking: bool = True,
) -> RangeSpinBox:
    """A decorated :class:`RangeSpinBox` with its range, value and suffix."""
    spin = make_spin(
        low=low, high=high, value=value, suffix=suffix, keyboard_tracking=keyboard_tracking
    )
    return decorate(spin, name, accessible, tooltip)


def make_combo(items: Iterable[tuple[str, Any]], *, fit_contents: bool = False) -> QComboBox:
    """An undecorated combo box of ``(label, data)`` items."""
    combo = QComboBox()
    for label, value in items:
        combo.addItem(label, value)
    if fit_contents:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def combo_box(
    name: str,
    accessible: str,
    tooltip: str,
    items: Iterable[tuple[str, Any]],
    *,
    fit_contents: bool = False,
) -> QComboBox:
    """A decorated combo box of ``(label, data)`` items."""
    return decorate(make_combo(items, fit_contents=fit_contents), name, accessible, tooltip)


def select_data(combo: QComboBox, value: Any) -> None:
    """Choose the item of ``combo`` whose data is ``value`` (the first item if none is)."""
    combo.setCurrentIndex(max(0, combo.findData(value)))


def push_button(name: str, text: str, tooltip: str, *, auto_default: bool = True) -> QPushButton:
    """A decorated push button; its accessible name is its text without "…" and "&".

    Args:
        name: The objectName.
        text: The label (``&`` marks the mnemonic).
        tooltip: What it does, in a sentence.
        auto_default: False in a dialog with a search or rename box, so Enter there
            does not press some button of the dialog.
    """
    button = QPushButton(text)
    button.setAutoDefault(auto_default)
    return decorate(button, name, plain_label(text), tooltip)


def tool_button(name: str, text: str, tooltip: str, *, checked: bool | None = None) -> QToolButton:
    """A decorated text tool button; checkable (and set to ``checked``) unless it is None."""
    button = QToolButton()
    button.setText(text)
    button.setCheckable(checked is not None)
    button.setChecked(bool(checked))
    return decorate(button, name, plain_label(text), tooltip)


def check_box(name: str, text: str, tooltip: str) -> QCheckBox:
    """A decorated check box whose accessible name is its text."""
    return decorate(QCheckBox(text), name, plain_label(text), tooltip)


_CJK_MNEMONIC = re.compile(r"\(&[^&]\)")


def plain_label(text: str) -> str:
    """``text`` without mnemonics and a trailing "…", for toolbars and screen readers.

    Both mnemonic styles go: ``&Save`` becomes ``Save`` and the Chinese ``保存(&S)``
    becomes ``保存`` (Qt would leave ``保存(S)``).
    """
    text = _CJK_MNEMONIC.sub("", text.rstrip("…")).rstrip("…")
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


#: Pixels added to a measured value: cell margins and the grid line.
_CELL_PADDING = 10
#: Pixels added to a measured title: header margins (no sort indicator: logs never sort).
_TITLE_PADDING = 14


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` once, from the event loop, when ``widget``'s first paint is done.

    That is, once the whole first frame (the widget and its children) has been drawn.
    """
    _AfterFirstPaint(widget, then)


class _AfterFirstPaint(QObject):
    """A child of the widget, watching for its first paint (see :func:`after_first_paint`)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the first paint: stop watching, call ``then`` once the paint is done."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def fit_columns(view: QTableView, widths: Mapping[ColumnT, int | str]) -> None:
    """Size columns of ``view`` (its model set) so their titles and values are never cut.

    Each column is as wide as its header title and, for a string in ``widths``, that
    sample (the largest plausible value, e.g. ``"65535/65535"``); an int is a minimum
    in pixels. Measured once, never per row: ResizeToContents re-measures every row;
    measured again when the window's zoom changes the fonts.
    """
    _size_columns(view, widths)
    follower = view.findChild(_RefitOnZoom)
    if follower is None:
        follower = _RefitOnZoom(view)
        zoom().changed.connect(follower.refit)
    follower.widths = dict(widths)


class _RefitOnZoom(QObject):
    """A child of a table: its connection to the zoom ends with the table."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.widths: dict[Any, int | str] = {}

    @Slot(float)
    def refit(self, _factor: float) -> None:
        _size_columns(self.view, self.widths)
        # Once more after the new font has reached the header: it comes by events after
        # the zoom's signal, and a title measured in the old font is cut in presentation.
        QTimer.singleShot(0, self._refit_later)

    @Slot()
    def _refit_later(self) -> None:
        _size_columns(self.view, self.widths)


def _size_columns(view: QTableView, widths: Mapping[ColumnT, int | str]) -> None:
    model = view.model()
    cells = view.fontMetrics()
    titles = view.horizontalHeader().fontMetrics()
    for column, wanted in widths.items():
        title = model.headerData(column, Qt.Orientation.Horizontal)
        width = titles.horizontalAdvance(str(title or "")) + _TITLE_PADDING
        if isinstance(wanted, str):
            width = max(width, cells.horizontalAdvance(wanted) + _CELL_PADDING)
        else:
            width = max(width, wanted)
        view.setColumnWidth(column, width)


class ErrorLabel(QLabel):
    """An inline error message under a control: red, wrapped, hidden while empty.

    Plain text only, because messages quote what the user typed.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet("color: #c62828;")
        self.hide()

    def show_message(self, message: str) -> None:
        """Show ``message`` (already translated)."""
        self.setText(message)
        self.show()

    def clear_message(self) -> None:
        """Hide the message."""
        self.clear()
        self.hide()
