"""Small pieces the Settings tabs share: a field with its error label, hints, message labels.

Why the error colours are a pair per theme: a pink field with the light text of a dark theme
would be unreadable, so the colours follow the window's lightness.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

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
