"""Small pieces the Settings tabs share: a field with its error label, hints, message labels.

Why the error colours are a pair per theme: a pink field with the light text of a dark theme
would be unreadable, so the colours follow the window's lightness.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QPalette, QValidator
from PySide6.QtWidgets import (
    QBoxLayout,
    QDoubleSpinBox,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from socialtime.base.i18n import format_duration, format_number

# Error colours (text, background) for light and dark themes.
LIGHT_ERROR = (QColor("#b3261e"), QColor("#fde7e6"))
DARK_ERROR = (QColor("#f2b8b5"), QColor("#601410"))


def box(layout: QBoxLayout, *items: QWidget | str, stretch: bool = True) -> QWidget:
    """A margin-less container laying out ``items`` (a str becomes a label)."""
    widget = QWidget()
    widget.setLayout(layout)
    layout.setContentsMargins(0, 0, 0, 0)
    for item in items:
        layout.addWidget(QLabel(item) if isinstance(item, str) else item)
    if stretch:
        layout.addStretch()
    return widget


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item of a cell the tab filled itself (``QTableWidget.item`` is None for a cell never
    filled: here that would be a bug, said as such rather than as an AttributeError on None)."""
    item = table.item(row, column)
    if item is None:
        raise LookupError(f"no item in row {row}, column {column}")  # i18n: ignore (a bug)
    return item


def error_colors(widget: QWidget) -> tuple[QColor, QColor]:
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return DARK_ERROR if dark else LIGHT_ERROR


def show(label: QLabel, text: str, error: bool = True) -> None:
    """Set a message label's text (hidden when empty), in the error colour or the normal one."""
    palette = QPalette()  # an empty palette inherits everything: the normal look
    if error:
        palette.setColor(QPalette.ColorRole.WindowText, error_colors(label)[0])
    label.setPalette(palette)
    label.setText(text)
    label.setVisible(bool(text))


def label(text: str = "", hint: bool = False) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(True)
    if hint:
        widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return widget


class Field(QWidget):
    """An input, its red error label, then an optional hint; ``target`` gets highlighted."""

    def __init__(self, editor: QWidget, target: QWidget | None = None, hint: str = "") -> None:
        super().__init__()
        self.target = target or editor
        self.error = label()
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in (editor, self.error, *([label(hint, hint=True)] if hint else [])):
            layout.addWidget(widget)

    def set_error(self, text: str) -> None:
        show(self.error, text)
        self.target.setAccessibleDescription(text)
        palette = QPalette()
        if text:
            palette.setColor(QPalette.ColorRole.Base, error_colors(self.target)[1])
        self.target.setPalette(palette)


# "2 h 30 min", "2 h", "150 min", "150": what a person may type in a box of minutes.
_MINUTES = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*(?:min|m|mn)?)?\s*$", re.IGNORECASE)


def minutes_text(minutes: int) -> str:
    """Minutes as every screen writes a duration (socialtime.base.i18n.format_duration):
    "45 min", "2 h 30 min"; "0 min" rather than "0 s" in a box that counts minutes."""
    return f"{minutes} min" if minutes < 60 else format_duration(minutes * 60)


class MinutesSpin(QSpinBox):
    """A number of minutes shown as "2 h 30 min", like the dashboard, rather than "150 min";
    typing "150", "2 h 30" or "2 h" works too."""

    def textFromValue(self, value: int) -> str:
        return minutes_text(value)

    def valueFromText(self, text: str) -> int:
        found = _MINUTES.match(text.removesuffix(self.suffix()))
        if not found or not any(found.groups()):
            return self.value()
        hours, minutes = (int(part) if part else 0 for part in found.groups())
        return hours * 60 + minutes

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if text == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        found = _MINUTES.match(text.removesuffix(self.suffix()))
        if found and any(found.groups()):
            value = self.valueFromText(text)
            inside = self.minimum() <= value <= self.maximum()
            state = QValidator.State.Acceptable if inside else QValidator.State.Intermediate
            return state, text, pos
        return QValidator.State.Intermediate, text, pos


class NumberSpin(QDoubleSpinBox):
    """A number with one decimal written only when there is one ("3 min", "2,5 s" in
    French), never "3.0 min"."""

    def textFromValue(self, value: float) -> str:
        rounded = round(value, self.decimals())
        return format_number(rounded, 0 if float(rounded).is_integer() else self.decimals())

    def valueFromText(self, text: str) -> float:
        text = text.removesuffix(self.suffix()).replace("\u202f", "").replace(",", ".")
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        body = text.removesuffix(self.suffix()).replace(",", ".").strip()
        if re.fullmatch(r"\d+(\.\d?)?", body):
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos
