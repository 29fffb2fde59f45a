"""The first-run guide: one short, skippable window after Accept, shown once.

Three things a new user needs and was not told: where the icon is (the notice closes and
nothing else shows), the work hours socialtime found and will record in, with a way to change
them, and that a goal can be set (optional, and only theirs). It decides nothing itself: the
tray application opens Settings and writes the goal (TrayApp.show_settings, set_daily_goal),
and remembers that the guide was shown (GUIDE_META in the store's meta table).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from socialtime.insights.first_run import work_hours_lines
from socialtime.insights.tray_status import Icon
from socialtime.settings import Config
from socialtime.ui.icons import icon

DEFAULT_BUDGET = 30  # minutes a day, offered (not set) in the spin box


class FirstRunGuide(QDialog):
    """ "Skip" (``rejected``) or "Done" (``accepted``: the goal goes to ``on_goal(minutes)``,
    None when its box is unticked, if it changed); "Change work hours…": ``on_change_hours``."""

    def __init__(
        self,
        config: Config,
        on_change_hours: Callable[[], object],
        on_goal: Callable[[int | None], object],
        goal_locked: bool = False,
        parent: QWidget | None = None,
        place: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.on_goal = on_goal
        self.setWindowTitle(self.tr("socialtime — getting started"))
        layout = QVBoxLayout(self)

        where = QGroupBox(self.tr("Where socialtime is"))
        row = QHBoxLayout(where)
        picture = QLabel()
        picture.setPixmap(icon(Icon.RECORDING).pixmap(32, 32))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        where_text = self.tr(
            "socialtime lives in the system tray, among the small icons at the edge of "
            "your panel. Click its icon for your dashboard; right-click it to pause, to "
            "open Settings or to read the privacy notice again."
        )
        # ``place``: socialtime.insights.first_run.icon_place, when the tray host says where.
        self.where_text = _label(f"{place} {where_text}" if place else where_text)
        self.where_text.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(picture)
        row.addWidget(self.where_text, 1)
        layout.addWidget(where)

        hours = QGroupBox(self.tr("Your work hours"))
        box = QVBoxLayout(hours)
        box.addWidget(_label(self.tr("socialtime records only during these hours:")))
        self.hours_text = _label("\n".join(work_hours_lines(config.work_hours)))
        self.hours_text.setContentsMargins(12, 0, 0, 0)
        box.addWidget(self.hours_text)
        self.change_hours_button = QPushButton(self.tr("Change work hours…"))
        self.change_hours_button.clicked.connect(on_change_hours)
        box.addWidget(self.change_hours_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(hours)

        goal = QGroupBox(self.tr("A goal, if you want one"))
        box = QVBoxLayout(goal)
        goal_row = QHBoxLayout()
        self.goal_box = QCheckBox(self.tr("At most"))
        self.budget = QSpinBox()
        self.budget.setRange(5, 480)
        self.budget.setSingleStep(5)
        self.budget.setValue(config.goals.daily_minutes or DEFAULT_BUDGET)
        self.budget.setSuffix(self.tr(" min"))
        self.goal_box.setChecked(config.goals.daily_minutes is not None)
        self.budget.setEnabled(self.goal_box.isChecked())
        self.goal_box.toggled.connect(self.budget.setEnabled)
        goal_row.addWidget(self.goal_box)
        goal_row.addWidget(self.budget)
        goal_row.addWidget(QLabel(self.tr("of social sites a day")))
        goal_row.addStretch(1)
        box.addLayout(goal_row)
        note = self.tr(
            "Optional, and yours alone: socialtime tells you gently at 80 % and at 100 %. "
            "More goals are in Settings, Goals."
        )
        if goal_locked:
            note = self.tr("Your organisation sets the daily budget: see Settings, Goals.")
            self.goal_box.setEnabled(False)
            self.budget.setEnabled(False)
        self.goal_note = _label(note)
        box.addWidget(self.goal_note)
        layout.addWidget(goal)

        self.buttons = QDialogButtonBox()
        self.done_button = self.buttons.addButton(
            self.tr("Done"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.skip_button = self.buttons.addButton(
            self.tr("Skip"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.adjustSize()
        self.goal_locked = goal_locked
        self.config = config

    def show_hours(self, config: Config) -> None:
        """The work hours again, after Settings saved new ones."""
        self.config = config
        self.hours_text.setText("\n".join(work_hours_lines(config.work_hours)))

    def accept(self) -> None:
        """Done: write the goal when one is asked for and differs from the one in force."""
        if not self.goal_locked:
            wanted = self.budget.value() if self.goal_box.isChecked() else None
            if wanted != self.config.goals.daily_minutes:
                self.on_goal(wanted)
        super().accept()


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
