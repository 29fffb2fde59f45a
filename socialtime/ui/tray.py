"""The tray icon and its menu: it shows a Status and forwards clicks; it decides nothing.

The day's figure and what socialtime is doing are the menu's first two lines: normal, enabled
items (they open the dashboard), drawn in the menu's own text colour, not greyed out as
disabled ones are (grey on white is about 1.8:1; the theme's text colour is what a person
can read). Which actions apply is socialtime.insights.tray_status.menu_state's decision.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from socialtime.insights.tray_status import MenuState, Status, menu_state, pause_choices
from socialtime.probes import dbusio
from socialtime.ui.icons import icon
from socialtime.ui.notifications import Notifier


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
        notify_bus: str | None = dbusio.SESSION,
    ) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.headline = self._info("", on_dashboard)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.detail = self._info("", on_dashboard)
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
        self.paused = False
        self.can_nudge = True  # the settings let some nudge come (TrayApp sets it)
        self.store_open = True
        self.menu_state: MenuState | None = None
        # Nudges: the desktop's notification service, else a popup by the icon.
        self.notifier = Notifier(self, bus=notify_bus)
        self.notifier.snooze_requested.connect(on_snooze or (lambda: None))
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

    def _info(self, text: str, on_click: Callable[[], object]) -> QAction:
        """A line of status at the top of the menu: enabled, so drawn readable; a click
        opens the dashboard, where the figure is explained."""
        action = self.menu.addAction(text)
        action.triggered.connect(on_click)
        return action

    def show_status(self, status: Status, paused: bool, store_open: bool | None = None) -> None:
        self.paused = paused
        if store_open is not None:
            self.store_open = store_open
        if status != self.status:
            self.status = status
            self.setIcon(icon(status.icon))
            self.setToolTip(status.tooltip)
            self.headline.setText(status.headline)
            self.detail.setText(status.detail)
        self._apply_menu()

    def show_snoozed(self, snoozed: bool) -> None:
        self.snoozed = snoozed
        self.snooze_action.setText(
            self.tr("No nudges until tomorrow") if snoozed else self.tr("Not today (no nudges)")
        )
        self._apply_menu()

    def set_can_nudge(self, can_nudge: bool) -> None:
        self.can_nudge = can_nudge
        self._apply_menu()

    def _apply_menu(self) -> None:
        """Hide or disable what cannot apply now (socialtime.insights.tray_status.menu_state)."""
        if self.status is None:
            return
        state = menu_state(
            self.status.icon, self.paused, self.snoozed, self.can_nudge, self.store_open
        )
        self.menu_state = state
        self.pause_menu.menuAction().setVisible(state.pause)
        self.pause_menu.setEnabled(state.pause_enabled)
        self.resume_action.setVisible(state.resume)
        self.resume_action.setEnabled(state.resume)
        self.snooze_action.setVisible(state.snooze)
        self.snooze_action.setEnabled(state.snooze_enabled)

    def notify(self, title: str, text: str) -> str:
        """A nudge (socialtime.ui.notifications): it asks for nothing and blocks nothing, and
        names how to snooze it. Returns how it was shown."""
        return self.notifier.show(title, text)
