"""The Team tab of Settings: join a team goal, see one's own progress, share a summary, leave.

Everything shown is computed by socialtime.team; this module only lays it out. The
progress is the user's alone: it is drawn from the local database and goes nowhere. A summary goes
only where the user saves it, after a dialog has shown the file's exact text (the same string that
is written, not a rendering of it). Leaving is one click, without a question: it removes nothing the
user would miss, and joining again is as easy.

Dialogs that would block a test are attributes that tests replace:
``choose_team_file() -> Path | None``, ``choose_summary_path(week) -> Path | None`` and
``preview(text) -> bool`` (True: the user chose to save).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from socialtime.base.i18n import format_duration
from socialtime.recording.store import Store, StoreError
from socialtime.rules.periods import previous_week, week_of, week_of_label
from socialtime.rules.work_hours import WorkHours
from socialtime.team import goal_file as core
from socialtime.team import week as team_week
from socialtime.team.summary import summary_text
from socialtime.ui.org_settings import OrgBadge

if TYPE_CHECKING:
    from socialtime.settings import Policy

_WEEKS_OFFERED = 4  # the last complete weeks offered for a summary, newest first


def _label(text: str = "", fixed: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(not fixed)
    if fixed:
        label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return label


class FileView(QDialog):
    """A file's exact text, read-only: what "Show the file…" opens."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The summary file"))
        intro = _label(self.tr("This is the whole file, exactly as it will be saved."))
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.text, buttons):
            layout.addWidget(widget)
        self.resize(520, 320)


class SummaryPreview(QDialog):
    """What a summary says, in sentences, with the file's exact text one click away
    ("Show the file…"), then Save… and Cancel. ``text`` is the very string to be written."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your weekly summary"))
        self.file_text = text
        intro = _label(
            self.tr(
                "This summary says only this. Nothing is sent: you choose where to save it "
                "and whether to give it to your team."
            )
        )
        self.sentences = _label("\n".join(team_week.summary_sentences(json.loads(text))))
        self.show_file_button = QPushButton(self.tr("Show the file…"))
        self.show_file_button.clicked.connect(self.show_file)
        self.file_view: FileView | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            self.tr("Save…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.sentences, _row(self.show_file_button)):
            layout.addWidget(widget)
        layout.addStretch()
        layout.addWidget(buttons)
        self.resize(520, 280)

    def show_file(self) -> FileView:
        """Open the file's exact text, read-only, beside this dialog."""
        self.file_view = FileView(self.file_text, self)
        self.file_view.show()
        return self.file_view


class TeamTab(QWidget):
    team_changed = Signal()

    def __init__(
        self,
        store: Store,
        data_dir: Path,
        work_hours: WorkHours,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
        policy: Policy | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.data_dir, self.work_hours, self.today = store, data_dir, work_hours, today
        self.policy = policy  # the organisation's: a team it offers, summaries switched off
        self.choose_team_file: Callable[[], Path | None] = self._choose_team_file
        self.choose_summary_path: Callable[[str], Path | None] = self._choose_summary_path
        self.preview: Callable[[str], bool] = self._preview
        self.team: core.Team | None = None

        self.goal_label = _label()
        self.progress_label = _label()  # whose week, and that only the user sees it
        self.progress_table = self._progress_table()
        self.progress_notes = _label()
        self.import_button = QPushButton(self.tr("Join a team goal…"))
        self.import_button.clicked.connect(self.import_file)
        self.leave_button = QPushButton(self.tr("Leave the team"))
        self.leave_button.clicked.connect(self.leave)
        self.week_box = QComboBox()
        self.summary_button = QPushButton(self.tr("Write a weekly summary…"))
        self.summary_button.clicked.connect(self.write_summary)
        # Why no summary can be written, when the organisation switched summaries off.
        self.summary_blocked = _label()
        self.status = _label()

        goal = QGroupBox(self.tr("Team goal"))
        goal_layout = QVBoxLayout(goal)
        entry = policy.entry("team.goal_file") if policy is not None else None
        source = entry.source if entry else ""
        self.org_badge = OrgBadge(
            source,
            self.tr("This team goal comes from your organisation."),
            self.tr("Offered by your organisation ({source}).").format(source=source),
        )
        goal_layout.addWidget(self.org_badge)
        goal_layout.addWidget(self.goal_label)
        goal_layout.addWidget(_row(self.import_button, self.leave_button))
        progress = QGroupBox(self.tr("Your progress"))
        progress_layout = QVBoxLayout(progress)
        progress_layout.addWidget(self.progress_label)
        progress_layout.addWidget(self.progress_table)
        progress_layout.addWidget(self.progress_notes)
        share = QGroupBox(self.tr("Share a weekly summary (if you want to)"))
        share_layout = QVBoxLayout(share)
        hint = _label(
            self.tr(
                "A summary holds the team name, the week, your number of work days, the "
                "days you met the goal, your social time per day as a range (such as "
                "15-30 min) and a random code that changes every week. You see the whole "
                "file before it is saved; it is never sent."
            )
        )
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        share_layout.addWidget(hint)
        share_layout.addWidget(_row(self.tr("Week:"), self.week_box, self.summary_button))
        share_layout.addWidget(self.summary_blocked)
        self.groups = (progress, share)
        layout = QVBoxLayout(self)
        for widget in (goal, progress, share, self.status):
            layout.addWidget(widget)
        layout.addStretch()
        self.refresh()

    # -- what is shown ------------------------------------------------------------------

    def refresh(self) -> None:
        team, errors = core.current_team(self.data_dir, self.policy)
        self.team = team
        self.org_badge.setVisible(team is not None and team.from_organisation)
        if errors:
            text = self.tr("The team file cannot be used; join again or leave:\n{errors}")
            self.goal_label.setText(text.format(errors="\n".join(str(e) for e in errors)))
        elif team is None:
            self.goal_label.setText(
                self.tr(
                    "You are not in a team. A team agrees on a goal and shares a small "
                    "file; join it here. Only you see your progress."
                )
            )
        elif team.from_organisation:
            intro = self.tr("Your organisation offers this goal ({source}). You may leave it; "
                            "your progress is shown to you alone.")  # fmt: skip
            intro = intro.format(source=team.offered_by)
            self.goal_label.setText("\n".join([intro, *core.describe_team(team)]))
        else:
            self.goal_label.setText("\n".join(core.describe_team(team)))
        self.leave_button.setEnabled(team is not None or bool(errors))
        for group in self.groups:
            group.setVisible(team is not None)
        self._show_progress()
        self._fill_weeks()
        allowed, reason = core.summaries_allowed(self.policy)
        for widget in (self.summary_button, self.week_box):
            widget.setEnabled(allowed)
        self.summary_button.setToolTip(reason)
        self.summary_blocked.setText(reason)
        self.summary_blocked.setVisible(not allowed)

    def _progress_table(self) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setHorizontalHeaderLabels(
            [self.tr("Day"), self.tr("Social time"), self.tr("Goal met")]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return table

    def _show_progress(self) -> None:
        """The week so far as a small table (day, social time, goal met), for the user alone."""
        table = self.progress_table
        table.setRowCount(0)
        self.progress_notes.setText("")
        if self.team is None:
            self.progress_label.setText("")
            return
        today = self.today()
        try:
            shown = team_week.progress(
                self.store, self.team, self.work_hours, week_of(today), today
            )
        except StoreError as e:
            self.progress_label.setText(str(e))
            table.hide()
            return
        words = {
            "met": self.tr("Yes"),
            "not_met": self.tr("No"),
            "so_far": self.tr("So far"),
            "unrecorded": self.tr("Nothing recorded"),
        }
        self.progress_label.setText(shown.head)
        table.setRowCount(len(shown.rows))
        for row, day in enumerate(shown.rows):
            social = "—" if day.state == "unrecorded" else format_duration(day.social_seconds)
            cells = (day.day_text(), social, words[day.state])
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, item)
        table.setVisible(bool(shown.rows))
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        table.setFixedHeight(height + sum(table.rowHeight(r) for r in range(table.rowCount())))
        self.progress_notes.setText("\n".join(shown.notes))

    def _fill_weeks(self) -> None:
        self.week_box.clear()
        period = team_week.last_week(self.today())
        for _ in range(_WEEKS_OFFERED):
            label = week_of_label(period.first)  # the ISO name stays in the file alone
            self.week_box.addItem(label[:1].upper() + label[1:], period)
            period = previous_week(period.first)

    def _say(self, text: str, error: bool = False) -> None:
        palette = QPalette()
        if error:  # the error red of dialog.py, lighter on a dark theme
            dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
            palette.setColor(QPalette.ColorRole.WindowText, "#f2b8b5" if dark else "#b3261e")
        self.status.setPalette(palette)
        self.status.setText(text)

    # -- actions ------------------------------------------------------------------------

    def import_file(self) -> None:
        path = self.choose_team_file()
        if not path:
            return
        try:
            team, errors = core.join_team(Path(path), self.data_dir)
        except OSError as e:
            return self._say(
                self.tr("The team file could not be kept: {error}").format(error=e), True
            )
        if team is None:
            text = self.tr("This is not a team goal file you can join:\n{errors}")
            return self._say(text.format(errors="\n".join(str(e) for e in errors)), True)
        self.refresh()
        self._say(self.tr('You joined "{team}".').format(team=team.name))
        self.team_changed.emit()

    def leave(self) -> None:
        name = self.team.name if self.team else ""
        try:
            core.leave_team(self.data_dir, self.store, self.policy)
        except (OSError, StoreError) as e:
            return self._say(str(e), True)
        self.refresh()
        self._say(self.tr('You left "{team}".').format(team=name) if name else self.tr("You left."))
        self.team_changed.emit()

    def write_summary(self) -> None:
        if self.team is None or not core.summaries_allowed(self.policy)[0]:
            return
        period = self.week_box.currentData()
        try:
            summary = team_week.build_summary(
                self.store, self.team, self.work_hours, period, self.today()
            )
        except (core.TeamError, StoreError) as e:
            return self._say(str(e), True)
        text = summary_text(summary)
        if not self.preview(text):
            return self._say(self.tr("Nothing was saved."))
        path = self.choose_summary_path(str(summary["week"]))
        if not path:
            return self._say(self.tr("Nothing was saved."))
        try:
            team_week.save_summary(self.store, summary, Path(path))
        except (OSError, StoreError) as e:
            return self._say(self.tr("Nothing was saved: {error}").format(error=e), True)
        text = self.tr("Saved to {path}. Share it with your team if you want to.")
        self._say(text.format(path=path))

    # -- the blocking dialogs that tests replace ----------------------------------------

    def _preview(self, text: str) -> bool:
        return SummaryPreview(text, self).exec() == QDialog.DialogCode.Accepted

    def _choose_team_file(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Join a team goal"),
            str(Path.home()),
            self.tr("Team goal files (*.toml);;All files (*)"),
        )
        return Path(name) if name else None

    def _choose_summary_path(self, week: str) -> Path | None:
        suggested = Path.home() / f"socialtime-team-{week}.json"
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the weekly summary"),
            str(suggested),
            self.tr("JSON files (*.json)"),
        )
        return Path(name) if name else None


def _row(*items: QWidget | str) -> QWidget:
    widget = QWidget()
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    for item in items:
        layout.addWidget(QLabel(item) if isinstance(item, str) else item)
    layout.addStretch()
    return widget
