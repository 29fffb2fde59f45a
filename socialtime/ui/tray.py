"""The tray icon and its menu: it shows a Status and forwards clicks; it decides nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from socialtime.insights.tray_status import Status, pause_choices
from socialtime.ui.icons import icon

_NOTIFY_MS = 10_000


class Tray(QSystemTrayIcon):
    def __init__(
        self,
        on_pause: Callable[[float | None], None],
        on_resume: Callable[[], None],
        on_dashboard: Callable[[], object],
        on_settings: Callable[[], object],
        on_notice: Callable[[], object],
        on_quit: Callable[[], None],
        parent: QWidget | None = None,
        on_snooze: Callable[[], None] | None = None,
        on_policy: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.headline = self._info("")
        self.detail = self._info("")
        self.menu.addSeparator()
        self.pause_menu = self.menu.addMenu("")
        self.pause_actions: list[QAction] = []
        for _label, seconds in pause_choices():  # labels: retranslate()
            action = self.pause_menu.addAction("")
            action.triggered.connect(lambda _=False, s=seconds: on_pause(s))
            self.pause_actions.append(action)
        self.resume_action = self.menu.addAction("")
        self.resume_action.triggered.connect(on_resume)
        # "Not today": no nudge until tomorrow (socialtime.insights.nudges); recording goes on.
        self.snooze_action = self.menu.addAction("")
        self.snooze_action.triggered.connect(on_snooze or (lambda: None))
        self.menu.addSeparator()
        self.dashboard_action = self.menu.addAction("")
        self.dashboard_action.triggered.connect(on_dashboard)
        self.settings_action = self.menu.addAction("")
        self.settings_action.triggered.connect(on_settings)
        # Shown only when an organisation policy exists (TrayApp): see socialtime.settings.policy.
        self.policy_action = self.menu.addAction("")
        self.policy_action.triggered.connect(on_policy or (lambda: None))
        self.policy_action.setVisible(False)
        self.notice_action = self.menu.addAction("")
        self.notice_action.triggered.connect(on_notice)
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction("")
        self.quit_action.triggered.connect(on_quit)
        self.setContextMenu(self.menu)
        self.activated.connect(
            lambda reason: (
                on_dashboard() if reason == QSystemTrayIcon.ActivationReason.Trigger else None
            )
        )
        self.status: Status | None = None
        self.snoozed = False
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text of the menu in the current language (socialtime.ui.translations);
        the status lines and the tooltip follow at the next ``show_status``."""
        self.pause_menu.setTitle(self.tr("Pause"))
        for action, (label, _seconds) in zip(self.pause_actions, pause_choices(), strict=True):
            action.setText(label)
        self.resume_action.setText(self.tr("Resume"))
        self.snooze_action.setToolTip(self.tr("No goal notifications until tomorrow"))
        self.dashboard_action.setText(self.tr("Dashboard…"))
        self.settings_action.setText(self.tr("Settings…"))
        self.policy_action.setText(self.tr("Organisation settings…"))
        self.notice_action.setText(self.tr("Privacy notice…"))
        self.quit_action.setText(self.tr("Quit"))
        self.show_snoozed(self.snoozed)
        self.status = None  # its texts were in the former language: show the next one anew

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
        self.snoozed = snoozed
        self.snooze_action.setEnabled(not snoozed)
        self.snooze_action.setText(
            self.tr("No nudges until tomorrow") if snoozed else self.tr("Not today (no nudges)")
        )

    def notify(self, title: str, text: str) -> None:
        """A nudge, through the desktop's notifications; it asks for nothing and blocks
        nothing, and the desktop may show it as quietly as the user has set it to."""
        self.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, _NOTIFY_MS)
