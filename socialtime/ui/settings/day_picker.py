"""Time pickers for one work day: a tick for "I work this day", a first range, and an optional
second one after a break, each from a QTimeEdit to another.

The day's text field (.hours_tab) stays the value written to config.toml, in the same form as
before ("09:00-12:30, 13:30-18:00"): the pickers write into it, and follow it when it is typed
into. A day the pickers cannot show (three ranges or more) leaves them disabled and the text in
charge. An end shown as 00:00 means midnight at the end of the day ("24:00"), which QTimeEdit
cannot show. The pickers follow the text field's enabled state, so a day the organisation sets
(.locks disables its field) cannot be changed here either.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTime
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QTimeEdit, QWidget

from socialtime.rules.work_hours import TimeRange, format_ranges, parse_ranges

translate = QCoreApplication.translate
_DAY = 24 * 60


def _time(minutes: int) -> QTime:
    return QTime(minutes // 60 % 24, minutes % 60)


def _minutes(edit: QTimeEdit, end: bool) -> int:
    value = edit.time().hour() * 60 + edit.time().minute()
    return _DAY if end and value == 0 else value


class DayPicker(QWidget):
    def __init__(self, text_field: QLineEdit) -> None:
        super().__init__()
        self.text_field = text_field
        self.works = QCheckBox()
        self.works.setToolTip(translate("SettingsDialog", "A work day"))
        self.times = [QTimeEdit() for _ in range(4)]
        self.split = QCheckBox(translate("SettingsDialog", "then"))
        self.split.setToolTip(translate("SettingsDialog", "A second range, after a break"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for edit in self.times:
            edit.setDisplayFormat("HH:mm")
            edit.timeChanged.connect(self._picked)
        layout.addWidget(self.works)
        for item in (
            self.times[0],
            "–",
            self.times[1],
            self.split,
            self.times[2],
            "–",
            self.times[3],
        ):
            layout.addWidget(QLabel(item) if isinstance(item, str) else item)
        self.works.toggled.connect(self._picked)
        self.split.toggled.connect(self._picked)
        self._busy = False
        text_field.textChanged.connect(self.follow)
        text_field.installEventFilter(self)
        self.follow(text_field.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text_field and event.type() == QEvent.Type.EnabledChange:
            self._enable()
        return False

    def ranges(self) -> tuple[TimeRange, ...] | None:
        """What the pickers show, or None when it is not a valid day (an end before a start)."""
        if not self.works.isChecked():
            return ()
        pairs = [(0, 1), (2, 3)] if self.split.isChecked() else [(0, 1)]
        text = ", ".join(f"{self._hhmm(a, False)}-{self._hhmm(b, True)}" for a, b in pairs)
        try:
            return parse_ranges(text)
        except ValueError:
            return None

    def _hhmm(self, index: int, end: bool) -> str:
        minutes = _minutes(self.times[index], end)
        return "24:00" if minutes == _DAY else f"{minutes // 60:02d}:{minutes % 60:02d}"

    def follow(self, text: str) -> None:
        """Show what the text field says, when the pickers can."""
        if self._busy:
            return
        try:
            ranges = parse_ranges(text)
        except ValueError:
            ranges = None
        self._busy = True
        self.shown = ranges is not None and len(ranges) <= 2
        if ranges is not None and self.shown:
            self.works.setChecked(bool(ranges))
            self.split.setChecked(len(ranges) == 2)
            for i, r in enumerate(ranges):
                self.times[2 * i].setTime(_time(r.start))
                self.times[2 * i + 1].setTime(_time(r.end))
        self._busy = False
        self._enable()

    def _picked(self) -> None:
        self._enable()
        if self._busy:
            return
        ranges = self.ranges()
        text = format_ranges(ranges) if ranges is not None else self._bad_text()
        if text != self.text_field.text():
            self._busy = True
            self.text_field.setText(text)  # the dialog checks it and marks an error
            self.text_field.setCursorPosition(0)
            self._busy = False

    def _bad_text(self) -> str:
        """An end before its start, written as it is, so that the core names the problem."""
        pairs = [(0, 1), (2, 3)] if self.split.isChecked() else [(0, 1)]
        return ", ".join(
            f"{self.times[a].time().toString('HH:mm')}-{self.times[b].time().toString('HH:mm')}"
            for a, b in pairs
        )

    def _enable(self) -> None:
        usable = self.text_field.isEnabled() and getattr(self, "shown", True)
        self.works.setEnabled(usable)
        on = usable and self.works.isChecked()
        self.split.setEnabled(on)
        for i, edit in enumerate(self.times):
            edit.setEnabled(on and (i < 2 or self.split.isChecked()))
