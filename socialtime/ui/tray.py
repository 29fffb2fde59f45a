"""The tray icon and its menu: it shows a Status and forwards clicks; it decides nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from socialtime.status import PAUSE_CHOICES, Status
from socialtime.ui.icons import icon

_NOT_TODAY = "Not today (no nudges)"
_SNOOZED = "No nudges until tomorrow"
_NOTIFY_MS = 10_000


class Tray(QSystemTrayIcon):
    def __init__(
        self,
        on_pause: Callable[[float | None], None],
        on_resume: Callable[[], None],
        on_dashboard: Callable[[], None],
        on_settings: Callable[[], None],
        on_notice: Callable[[], None],
        on_quit: Callable[[], None],
        parent: QWidget | None = None,
        on_snooze: Callable[[], None] | None = None,
        on_policy: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.headline = self._info("")
        self.detail = self._info("")
        self.menu.addSeparator()
        self.pause_menu = self.menu.addMenu("Pause")
        for label, seconds in PAUSE_CHOICES:
            action = self.pause_menu.addAction(label)
            action.triggered.connect(lambda _=False, s=seconds: on_pause(s))
        self.resume_action = self.menu.addAction("Resume")
        self.resume_action.triggered.connect(on_resume)
        # "Not today": no nudge until tomorrow (socialtime.nudges); recording goes on.
        self.snooze_action = self.menu.addAction(_NOT_TODAY)
        self.snooze_action.setToolTip("No goal notifications until tomorrow")
        self.snooze_action.triggered.connect(on_snooze or (lambda: None))
        self.menu.addSeparator()
        self.menu.addAction("Dashboard…").triggered.connect(on_dashboard)
        self.menu.addAction("Settings…").triggered.connect(on_settings)
        # Shown only when an organisation policy exists (TrayApp): see socialtime.policy.
        self.policy_action = self.menu.addAction(
            QCoreApplication.translate("Tray", "Organisation settings…")
        )
        self.policy_action.triggered.connect(on_policy or (lambda: None))
        self.policy_action.setVisible(False)
        self.menu.addAction("Privacy notice…").triggered.connect(on_notice)
        self.menu.addSeparator()
        self.menu.addAction("Quit").triggered.connect(on_quit)
        self.setContextMenu(self.menu)
        self.activated.connect(
            lambda reason: (
                on_dashboard() if reason == QSystemTrayIcon.ActivationReason.Trigger else None
            )
        )
        self.status: Status | None = None

    def _info(self, text: str) -> QAction:
        action = self.menu.addAction(text)
        action.setEnabled(False)
        return action

    def show_status(self, status: Status, paused: bool) -> None:
        if status == self.status:
            return
        self.status = status
        self.setIcon(icon(status.icon))
        self.setToolTip(status.tooltip)
        self.headline.setText(status.headline)
        self.detail.setText(status.detail)
        self.resume_action.setEnabled(paused)

    def show_snoozed(self, snoozed: bool) -> None:
        self.snooze_action.setEnabled(not snoozed)
        self.snooze_action.setText(_SNOOZED if snoozed else _NOT_TODAY)

    def notify(self, title: str, text: str) -> None:
        """A nudge, through the desktop's notifications; it asks for nothing and blocks
        nothing, and the desktop may show it as quietly as the user has set it to."""
        self.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, _NOTIFY_MS)
