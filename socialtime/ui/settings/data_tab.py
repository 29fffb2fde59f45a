"""The Data tab of Settings: export everything, erase some days or all, withdraw consent.

Unlike the other tabs, these are actions, not settings: each acts at once, after a
confirmation where it destroys something, and neither Save nor Cancel undoes it (promise 6:
easy exit). Promise 2: withdrawing consent stops recording at once and offers erasure.

Dialogs that would block a test are the two callables the tab is given:
``confirm(title, text) -> bool`` and ``choose_path(fmt) -> Path | None`` (the Settings dialog
passes its own ``confirm`` and ``choose_path`` attributes, which tests replace).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from socialtime.base.files import write_private_with
from socialtime.base.i18n import format_date, format_duration, format_time, language, translate
from socialtime.recording.store import CONSENT_AT, Store, StoreError
from socialtime.rules.periods import FIRST_DAY, LAST_DAY, Period, iso, wall_clock
from socialtime.ui.settings.form import Field, box, label, show


def _day(edit: QDateEdit) -> date:
    """The day a date field shows (QDate.toPython() is typed as returning object)."""
    day = edit.date()
    return date(day.year(), day.month(), day.day())


class DataTab(QWidget):
    consent_withdrawn = Signal()
    data_erased = Signal()

    def __init__(
        self,
        store: Store,
        confirm: Callable[[str, str], bool],
        choose_path: Callable[[str], Path | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.confirm, self.choose_path = store, confirm, choose_path
        self.buttons = ("", "")  # the next question's (action, way out), set before asking
        buttons = []
        for text, slot in (
            (self.tr("Export as CSV…"), lambda: self.export("csv")),
            (self.tr("Export as JSON…"), lambda: self.export("json")),
            (self.tr("Erase these days…"), self.erase_range),
            (self.tr("Erase everything…"), self.erase_all),
            (self.tr("Withdraw consent…"), self.withdraw_consent),
        ):
            buttons.append(QPushButton(text))
            buttons[-1].clicked.connect(slot)
        self.erase_range_button, self.erase_all_button, self.withdraw_button = buttons[2:]
        self.erase_from, self.erase_to = (
            QDateEdit(QDate.currentDate()),
            QDateEdit(QDate.currentDate()),
        )
        for edit in (self.erase_from, self.erase_to):
            edit.setDateRange(QDate(FIRST_DAY), QDate(LAST_DAY))  # the calendar's bounds
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy" if language() == "fr" else "yyyy-MM-dd")
            edit.dateChanged.connect(self._check_range)
        dates = box(QHBoxLayout(), self.tr("From"), self.erase_from, self.tr("to"), self.erase_to,
                    buttons[2])  # fmt: skip
        self.range_field = Field(dates, self.erase_to)
        self.consent_label = label()
        self.data_status = label()
        self.data_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 9, 9, 9)
        hint = self.tr("These act at once (erasing asks first); Save and Cancel do not "
                       "undo them.")  # fmt: skip
        layout.addWidget(label(hint, hint=True))
        for title, items in (
            (self.tr("Export everything recorded"), [box(QHBoxLayout(), *buttons[:2])]),
            (self.tr("Erase"), [self.range_field, box(QHBoxLayout(), buttons[3])]),
            (self.tr("Consent"), [self.consent_label, box(QHBoxLayout(), buttons[4])]),
        ):
            group = QGroupBox(title)
            inner = QVBoxLayout(group)
            for item in items:
                inner.addWidget(item)
            layout.addWidget(group)
        layout.addWidget(self.data_status)
        layout.addStretch()
        self._show_consent()

    def _status(self, text: str, error: bool = False) -> None:
        show(self.data_status, text, error)

    def export(self, fmt: str) -> None:
        path = self.choose_path(fmt)
        if not path:
            return
        write = self.store.export_csv if fmt == "csv" else self.store.export_json
        try:
            count = write_private_with(Path(path), lambda out: write(out, iso))
        except (OSError, StoreError) as e:
            return self._status(
                self.tr("Nothing was exported: {error}").format(error=e), error=True
            )
        # Counts go through the core's translate: its English catalogue says "1 span" even
        # where Qt's English translator is not installed, and it writes "1 234" in French.
        text = translate("DataTab", "Exported %n spans to {path}.", None, count)
        self._status(text.format(path=path))

    def _range(self) -> Period | None:
        first, last = _day(self.erase_from), _day(self.erase_to)
        return Period(first, last) if first <= last else None

    def _check_range(self) -> None:
        ok = self._range() is not None
        self.range_field.set_error("" if ok else self.tr("The last day is before the first."))
        self.erase_range_button.setEnabled(ok)

    def erase_range(self) -> None:
        period = self._range()
        if period is not None:
            what = self.tr("Everything recorded from {first} to {last} is erased.").format(
                first=format_date(period.first, "numeric"), last=format_date(period.last, "numeric")
            )
            self._erase(what, period.bounds())

    def erase_all(self) -> None:
        self._erase(self.tr("Everything recorded is erased."), (None, None))

    def _erase(
        self, what: str, bounds: tuple[float | None, float | None], ask: bool = True
    ) -> None:
        """Erase after a question counted in days, the unit a person thinks in (not spans)."""
        try:
            days = self.store.days_with_data(*bounds)
        except StoreError as e:
            return self._status(str(e), error=True)
        if not days:
            return self._status(self.tr("Nothing is recorded there: there is nothing to erase."))
        question = translate("DataTab", "Erase %n day(s) of data?", None, days)
        question += "\n" + what + " " + self.tr("This cannot be undone.")
        self.buttons = (self.tr("Erase"), self.tr("Keep"))
        if ask and not self.confirm(self.tr("Erase data"), question):
            return self._status(self.tr("Nothing was erased."))
        try:
            seconds = self.store.erase(*bounds)
        except StoreError as e:
            return self._status(str(e), error=True)
        self._status(
            translate(
                "DataTab", "Erased %n day(s) of data ({duration} of recorded time).", None, days
            ).format(duration=format_duration(seconds))
        )
        self.data_erased.emit()

    def withdraw_consent(self) -> None:
        """Promise 2: recording stops at once, and erasure is offered."""
        question = self.tr("Withdraw your consent?\nRecording stops at once and nothing is "
                           "recorded until you accept the notice again.")  # fmt: skip
        self.buttons = (self.tr("Withdraw"), self.tr("Keep recording"))
        if not self.confirm(self.tr("Withdraw consent"), question):
            return
        try:
            self.store.withdraw_consent()
            days = self.store.days_with_data()
        except StoreError as e:
            return self._status(str(e), error=True)
        self.consent_withdrawn.emit()
        self._show_consent()
        self._status(self.tr("Consent withdrawn: recording has stopped."))
        offer = translate("DataTab", "Erase %n day(s) of data too?", None, days)
        offer += "\n" + self.tr("What was recorded is still on this computer. Erasing it "
                                "cannot be undone.")  # fmt: skip
        self.buttons = (self.tr("Erase"), self.tr("Keep"))
        if days and self.confirm(self.tr("Erase data"), offer):
            self._erase(self.tr("Everything recorded is erased."), (None, None), ask=False)

    def _show_consent(self) -> None:
        accepted = self.store.meta().get(CONSENT_AT)
        if self.store.consent_version() is not None and accepted:
            moment = wall_clock(float(accepted))
            self.consent_label.setText(
                self.tr("You accepted the privacy notice on {day} at {time}.").format(
                    day=format_date(moment.date(), "numeric"), time=format_time(moment)
                )
            )
        else:
            self.consent_label.setText(self.tr("You have not given consent: nothing is recorded."))
        self.withdraw_button.setEnabled(accepted is not None)

    # -- the blocking dialogs (the defaults of the Settings dialog's hooks) -------------

    def choose_export_path(self, fmt: str) -> Path | None:
        suggested = Path.home() / f"socialtime-{date.today().isoformat()}.{fmt}"
        kind = fmt.upper()
        name, _filter = QFileDialog.getSaveFileName(
            self.window(), self.tr("Export as {format}").format(format=kind), str(suggested),
            self.tr("{format} files (*.{extension})").format(format=kind, extension=fmt),
        )  # fmt: skip
        return Path(name) if name else None

    def question(self, title: str, text: str) -> QMessageBox:
        """The question ``ask`` shows: its buttons name the action and the way out
        (``self.buttons``, "Erase" / "Keep"), not Yes / No; the way out is the default."""
        first, _, rest = text.partition("\n")
        box = QMessageBox(QMessageBox.Icon.Warning, title, first, parent=self.window())
        box.setInformativeText(rest)
        action, keep = self.buttons
        box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(keep, QMessageBox.ButtonRole.RejectRole))
        return box

    def ask(self, title: str, text: str) -> bool:
        box = self.question(title, text)
        box.exec()
        return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.DestructiveRole
