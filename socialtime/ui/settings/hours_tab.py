"""The Work hours tab of Settings: a line of time ranges per day, and presets that fill them.

Like the other tabs it holds no rule: ``mapping()`` gives the ``[work_hours]`` table as the
fields hold it, and the dialog (.dialog) checks it with ``socialtime.settings.parse_config``. A
preset fills Monday to Friday and leaves the weekend off; the preset shown is the one the days
match, else "Custom". A day the organisation sets is disabled (.locks), and a preset leaves it
alone.

The texts keep the translation context of the dialog they were written in ("SettingsDialog"),
so they are looked up with ``translate("SettingsDialog", …)`` rather than ``self.tr``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from socialtime.base.i18n import QT_TRANSLATE_NOOP
from socialtime.rules.work_hours import DAY_KEYS, format_ranges, parse_ranges
from socialtime.settings import Config
from socialtime.ui.settings.day_picker import DayPicker
from socialtime.ui.settings.form import box, label

translate = QCoreApplication.translate
# Presets fill Monday to Friday and leave the weekend off.
PRESETS = (
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Office hours with lunch break"),
        "09:00-12:30, 13:30-18:00",
    ),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Full day"), "09:00-18:00"),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Mornings"), "08:00-12:00"),
)
_WEEKDAYS = 5


class WorkHoursTab(QWidget):
    def __init__(
        self, config: Config, field: Callable[..., QWidget], validate: Callable[[], object]
    ) -> None:
        """``field(key, editor)`` registers a day's field with the dialog; ``validate`` is
        called whenever a day changes."""
        super().__init__()
        self.validate = validate
        form = QFormLayout(self)
        self.preset = QComboBox()
        custom = translate("SettingsDialog", "Custom")
        self.preset.addItems([translate("SettingsDialog", name) for name, _ in PRESETS] + [custom])
        form.addRow(translate("SettingsDialog", "Preset:"), box(QHBoxLayout(), self.preset))
        names = [translate("SettingsDialog", "Monday:"), translate("SettingsDialog", "Tuesday:"),
                 translate("SettingsDialog", "Wednesday:"),
                 translate("SettingsDialog", "Thursday:"), translate("SettingsDialog", "Friday:"),
                 translate("SettingsDialog", "Saturday:"),
                 translate("SettingsDialog", "Sunday:")]  # fmt: skip
        self.day_edits: list[QLineEdit] = []
        self.day_pickers: list[DayPicker] = []
        for key, name, ranges in zip(DAY_KEYS, names, config.work_hours.days, strict=True):
            edit = QLineEdit(format_ranges(ranges))
            edit.setPlaceholderText(translate("SettingsDialog", "day off"))
            edit.textChanged.connect(self._days_edited)
            self.day_edits.append(edit)
            picker = DayPicker(edit)
            self.day_pickers.append(picker)
            row = box(QHBoxLayout(), picker, edit, stretch=False)  # the text takes what is left
            form.addRow(name, field(f"work_hours.{key}", row, edit))
        hint = translate("SettingsDialog", "Tick a work day and pick its hours, with a break "
                         "if you take one; or write time ranges such as 09:00-12:30, 13:30-18:00 "
                         "(an empty day is a day off). Nothing is recorded outside these "
                         "hours.")  # fmt: skip
        form.addRow(label(hint, hint=True))
        for edit in self.day_edits:  # a text too long for its field shows from its start
            edit.setCursorPosition(0)
        self._sync_preset()
        self.preset.currentIndexChanged.connect(self._preset_chosen)

    def mapping(self) -> dict[str, Any]:
        """The ``[work_hours]`` table as the fields hold it, before the core has checked it."""
        return {
            "work_hours": {key: e.text() for key, e in zip(DAY_KEYS, self.day_edits, strict=True)}
        }

    def _preset_chosen(self, index: int) -> None:
        if index < len(PRESETS):  # "Custom" keeps what is there
            for i, edit in enumerate(self.day_edits):
                if edit.isEnabled():  # not a day the organisation sets
                    edit.setText(PRESETS[index][1] if i < _WEEKDAYS else "")
                    edit.setCursorPosition(0)

    def _days_edited(self) -> None:
        self._sync_preset()
        self.validate()

    def _sync_preset(self) -> None:
        """Show the preset that the days match, else "Custom"."""
        try:
            days = [parse_ranges(edit.text()) for edit in self.day_edits]
        except ValueError:
            days = []
        presets = [[parse_ranges(hours)] * _WEEKDAYS + [(), ()] for _, hours in PRESETS]
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(presets.index(days) if days in presets else len(PRESETS))
        self.preset.blockSignals(False)
