"""The Goals tab of Settings: daily and weekly budgets, budgets per site, focus periods, and
which nudges may be shown.

It holds no rule of its own: ``mapping()`` gives the ``[goals]`` and ``[nudges]`` tables as
the widgets hold them, the dialog checks them with ``config.parse_config`` like every other
tab, and each error is shown under the field of its key. Spin boxes are wide on purpose, so a
value out of range is refused by the core, with the core's words.

Budgets per site are a small table with one row per site, filled from a site chooser, so a
site cannot be listed twice; the minutes are edited in place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from socialtime.base.i18n import QT_TRANSLATE_NOOP
from socialtime.rules.sites import Catalogue
from socialtime.rules.work_hours import format_ranges
from socialtime.settings import Config, setting_description
from socialtime.ui.settings.form import MinutesSpin, cell

_USER = Qt.ItemDataRole.UserRole
# (key in [nudges], what the box says: marked here, translated with self.tr where shown)
_KINDS = (
    ("budget", QT_TRANSLATE_NOOP("GoalsTab", "At 80 % and at 100 % of a daily budget")),
    (
        "focus",
        QT_TRANSLATE_NOOP(
            "GoalsTab", "When a social site comes to the front during a focus period"
        ),
    ),
    (
        "reflection",
        QT_TRANSLATE_NOOP(
            "GoalsTab", "A look back at last week, on the first work day of the week"
        ),
    ),
)
# Builds a field (editor, its error label, a hint) registered under a config key.
FieldMaker = Callable[..., QWidget]


def _hint(text: str) -> QLabel:
    from PySide6.QtGui import QPalette

    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch()
    return box


class GoalsTab(QWidget):
    def __init__(
        self,
        config: Config,
        catalogue: Catalogue,
        field: FieldMaker,
        changed: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        goals = config.goals
        self._changed = changed
        self.names = {site.id: site.name for site in catalogue.sites}
        self.names.update({site.id: site.name for site in config.custom_sites})

        self.daily_on, self.daily = self._budget(goals.daily_minutes, 30)
        self.weekly_on, self.weekly = self._budget(goals.weekly_minutes, 150)
        self.focus = QLineEdit(format_ranges(goals.focus))
        self.focus.setPlaceholderText(self.tr("none"))
        self.focus.textChanged.connect(changed)

        self.site_choice = QComboBox()
        for site_id, name in sorted(self.names.items(), key=lambda kv: kv[1].lower()):
            self.site_choice.addItem(name, site_id)
        self.site_minutes = MinutesSpin()
        self.site_minutes.setRange(1, 1440)
        self.site_minutes.setValue(10)
        self.site_minutes.setSuffix(self.tr(" a day"))
        add, remove = QPushButton(self.tr("Add")), QPushButton(self.tr("Remove"))
        add.clicked.connect(lambda: self.set_site_budget(self.site_choice.currentData(), None))
        remove.clicked.connect(self._remove_sites)
        self.sites = QTableWidget(0, 2)
        self.sites.setHorizontalHeaderLabels([self.tr("Site"), self.tr("Minutes a day")])
        self.sites.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.sites.verticalHeader().hide()
        self.sites.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sites.setMaximumHeight(150)
        for site_id, minutes in sorted(goals.site_daily_minutes.items()):
            self.set_site_budget(site_id, minutes)
        self.sites.itemChanged.connect(changed)

        budgets = QFormLayout()
        budgets.addRow(
            self.tr("Each work day:"),
            field("goals.daily_minutes", _row(self.daily_on, self.daily), self.daily),
        )
        budgets.addRow(
            self.tr("Each week:"),
            field("goals.weekly_minutes", _row(self.weekly_on, self.weekly), self.weekly),
        )
        site_editor = QWidget()
        column = QVBoxLayout(site_editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(_row(self.site_choice, self.site_minutes, add, remove))
        column.addWidget(self.sites)
        budgets.addRow(
            self.tr("Per site, each day:"), field("goals.sites", site_editor, self.sites)
        )
        hint = setting_description("goals.focus")
        budgets.addRow(self.tr("Focus time:"), field("goals.focus", self.focus, hint=hint))
        goals_box = QGroupBox(self.tr("Your goals"))
        goals_box.setLayout(budgets)

        self.kinds: dict[str, QCheckBox] = {}
        nudges_box = QGroupBox(self.tr("Notifications"))
        nudges_layout = QVBoxLayout(nudges_box)
        for key, text in _KINDS:
            box = self.kinds[key] = QCheckBox(self.tr(text))
            box.setChecked(getattr(config.nudges, key))
            box.toggled.connect(changed)
            nudges_layout.addWidget(box)
        nudges_layout.addWidget(
            _hint(self.tr('"Not today" in the tray menu silences them until tomorrow.'))
        )

        layout = QVBoxLayout(self)
        layout.addWidget(goals_box)
        layout.addWidget(nudges_box)
        layout.addWidget(
            _hint(
                self.tr(
                    "Goals are yours and optional. Nothing is ever blocked, and only you see "
                    "how you are doing."
                )
            )
        )
        layout.addStretch()

    def _budget(self, minutes: int | None, default: int) -> tuple[QCheckBox, QSpinBox]:
        on = QCheckBox(self.tr("at most, all social sites:"))
        spin = MinutesSpin()
        spin.setRange(0, 99999)  # wide on purpose: the limits are the core's
        spin.setValue(default if minutes is None else minutes)
        spin.setEnabled(minutes is not None)
        on.setChecked(minutes is not None)
        on.toggled.connect(spin.setEnabled)
        on.toggled.connect(self._changed)
        spin.valueChanged.connect(self._changed)
        return on, spin

    # -- budgets per site ---------------------------------------------------------------

    def set_site_budget(self, site_id: str, minutes: int | None) -> int:
        """Add a row for ``site_id`` or update its row (``minutes`` None: the chooser's
        value); returns the row."""
        value = self.site_minutes.value() if minutes is None else minutes
        self.sites.blockSignals(True)
        row = next(
            (
                r
                for r in range(self.sites.rowCount())
                if cell(self.sites, r, 0).data(_USER) == site_id
            ),
            None,
        )
        if row is None:
            row = self.sites.rowCount()
            self.sites.insertRow(row)
            name = QTableWidgetItem(self.names.get(site_id, site_id))
            name.setData(_USER, site_id)
            name.setToolTip(site_id)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.sites.setItem(row, 0, name)
        self.sites.setItem(row, 1, QTableWidgetItem(str(value)))
        self.sites.blockSignals(False)
        self._changed()
        return row

    def _remove_sites(self) -> None:
        for row in sorted({i.row() for i in self.sites.selectedIndexes()}, reverse=True):
            self.sites.removeRow(row)
        self._changed()

    # -- the tables ---------------------------------------------------------------------

    def mapping(self) -> dict[str, Any]:
        """The ``[goals]`` and ``[nudges]`` tables as the widgets hold them, unchecked."""
        goals: dict[str, Any] = {}
        if self.daily_on.isChecked():
            goals["daily_minutes"] = self.daily.value()
        if self.weekly_on.isChecked():
            goals["weekly_minutes"] = self.weekly.value()
        if self.focus.text().strip():
            goals["focus"] = self.focus.text()
        sites: dict[str, Any] = {}
        for row in range(self.sites.rowCount()):
            text = cell(self.sites, row, 1).text().strip()
            sites[cell(self.sites, row, 0).data(_USER)] = int(text) if text.isdigit() else text
        if sites:
            goals["sites"] = sites
        nudges = {key: box.isChecked() for key, box in self.kinds.items()}
        return {"goals": goals, "nudges": nudges}
