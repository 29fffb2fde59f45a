"""The tray application: a QTimer drives the same Tracker.tick() as `socialtime track`.

It never crashes on bad data: an unreadable config shows its errors and runs on the defaults; a
database that cannot be opened is named in a dialog, left untouched, and the tray stays up (in
its error state) so that the user can read what to do and quit.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon, QWidget

from socialtime.browser import BrowserBridge, socket_path
from socialtime.config import Config, load_config
from socialtime.consent import NOTICE_VERSION
from socialtime.i18n import translate
from socialtime.nudges import Nudger
from socialtime.policy import load_policy
from socialtime.probes import Probe, make_probe
from socialtime.recorder_lock import AlreadyRecording, RecorderLock
from socialtime.sites import CatalogueError, load_catalogue
from socialtime.status import Icon, Status, pause_end, today_bounds, tray_status
from socialtime.store import Store, StoreError
from socialtime.tracker import State, TickResult, Tracker, catalogue_for
from socialtime.ui import session_events, translations
from socialtime.ui.consent_dialog import ConsentDialog
from socialtime.ui.single_instance import SingleInstance
from socialtime.ui.tray import Tray

Clock = Callable[[], float]


class TrayApp(QObject):
    """Owns the store, the tracker, the timer and the windows. Everything runs on the Qt main
    thread; a tick takes well under a millisecond, so the UI never waits for it."""

    def __init__(
        self,
        data_dir: Path,
        config_path: Path,
        clock: Clock = time.time,
        probe: Probe | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir, self.config_path, self.clock = data_dir, config_path, clock
        self._probe = probe
        self.store: Store | None = None
        self.tracker: Tracker | None = None
        self.recorder_lock: RecorderLock | None = None
        self.bridge: BrowserBridge | None = None
        self.session_events: object | None = None  # Windows: what forwards lock/suspend
        self.recording_elsewhere = False
        self.last: TickResult | None = None
        self.error: str | None = None
        self.windows: dict[str, QWidget] = {}
        self._outdated: set[str] = set()  # windows built in a former language (apply_config)
        loaded = load_config(config_path, policy=load_policy())
        self.policy = loaded.policy  # read once, at start
        self.config: Config = loaded.config
        self.config_errors = [str(e) for e in loaded.errors]
        translations.install(self.config.language)  # before any widget says a word
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.tray = Tray(
            on_pause=self.pause,
            on_resume=self.resume,
            on_dashboard=self.show_dashboard,
            on_settings=self.show_settings,
            on_notice=self.show_notice,
            on_quit=self.quit,
            on_snooze=self.snooze_nudges,
            on_policy=self.show_policy,
        )
        self.tray.policy_action.setVisible(not self.policy.is_empty())
        self.nudger: Nudger | None = None

    # --- start and stop -------------------------------------------------------------------

    def start(self, ask_consent: bool = True) -> None:
        self.tray.show_status(self.status(), paused=False)
        self.tray.show()
        if self.config_errors:
            text = self.tr(
                "{path} could not be used, so socialtime uses its defaults until it is "
                "fixed:\n\n{errors}"
            )
            self._warn(
                self.tr("Your settings file has errors"),
                text.format(path=self.config_path, errors="\n".join(self.config_errors)),
            )
        try:
            self.store = Store.open(self.data_dir)
            catalogue = catalogue_for(self.config)
        except (StoreError, CatalogueError) as e:
            self.fail(str(e))
            return
        try:
            lock = RecorderLock(self.data_dir)
            lock.acquire()
            self.recorder_lock = lock
        except AlreadyRecording:
            self.recording_elsewhere = True  # show figures; `socialtime track` records them
        probe = self._probe or make_probe(idle_threshold=lambda: self.config.idle_seconds)
        self.session_events = session_events.install(probe)  # Windows: lock and suspend
        host_source = front_source = None
        if not self.recording_elsewhere:
            # The browser extension's exact hostnames; without it, window titles are used.
            bridge = BrowserBridge(
                catalogue, self.config.sample_seconds, socket_path(self.data_dir)
            )
            if bridge.start():
                self.bridge, host_source = bridge, bridge.host_for
                front_source = bridge.focused_window  # the browser, where no window is seen
        self.tracker = Tracker(
            self.store,
            probe,
            self.config,
            catalogue,
            clock=self.clock,
            host_source=host_source,
            front_source=front_source,
        )
        self.nudger = Nudger(self.store, self.config, catalogue)
        self.store.apply_retention(self.config.retention_days, self.clock())
        self.timer.start(int(self.config.sample_seconds * 1000))
        self.tick()
        if ask_consent and self.store.consent_version() != NOTICE_VERSION:
            QTimer.singleShot(0, self.show_notice)

    def fail(self, message: str) -> None:
        """Stop recording and say why, with the path and what to do; the tray stays up."""
        self.timer.stop()
        self.error = message
        self.tray.show_status(self.status(), paused=False)
        self._warn(
            self.tr("socialtime cannot use its data"),
            self.tr("{problem}\n\nRecording is stopped.").format(problem=message),
        )

    def quit(self) -> None:
        self.timer.stop()
        if self.bridge is not None:
            self.bridge.stop()
        if self.tracker is not None:
            self.tracker.probe.close()
        if self.recorder_lock is not None:
            self.recorder_lock.release()
        if self.store is not None:
            self.store.close()
        self.tray.hide()
        QApplication.quit()

    # --- recording ------------------------------------------------------------------------

    def tick(self) -> None:
        if self.tracker is None or self.store is None:
            return
        try:
            if not self.recording_elsewhere:
                now = self.clock()
                self.last = self.tracker.tick(now)
                if self.nudger is not None:
                    for nudge in self.nudger.check(now, self.last):
                        self.tray.notify(nudge.title, nudge.text)
            self.tray.show_status(self.status(), paused=self._paused())
            self.tray.show_snoozed(self.nudger is not None and self.nudger.snoozed(self.clock()))
        except StoreError as e:
            self.fail(str(e))

    def _paused(self) -> bool:
        until = self.store.paused_until() if self.store else None
        return until is not None and self.clock() < until

    def status(self) -> Status:
        now = self.clock()
        if self.error is not None:
            headline = self.tr("socialtime is not recording")
            return Status(Icon.ERROR, headline, self.error.split(":")[0])
        if self.store is None:
            return tray_status(None, 0.0, now, self.config.work_hours)
        state = self.last.state if self.last else None
        if self.store.consent_version() != NOTICE_VERSION:
            state = State.NO_CONSENT
        social = self.store.totals(*today_bounds(now)).social_seconds
        budget = self.config.goals.daily_minutes
        return tray_status(
            state,
            social,
            now,
            self.config.work_hours,
            paused_until=self.store.paused_until(),
            goal_exceeded=budget is not None and social > budget * 60,
            recording_elsewhere=self.recording_elsewhere,
            goals=self.config.goals,
        )

    def pause(self, seconds: float | None) -> None:
        if self.store is not None:
            self.store.set_paused_until(pause_end(self.clock(), seconds))
            self.tick()

    def snooze_nudges(self) -> None:
        """The menu's "Not today": no nudge until the next local day."""
        if self.nudger is not None:
            self.nudger.snooze_today(self.clock())
            self.tick()

    def resume(self) -> None:
        if self.store is not None:
            self.store.set_paused_until(None)
            self.tick()

    def apply_config(self, config: Config) -> None:
        """Use new settings at once (the settings dialog has saved them).

        A new language is used by every window opened from now on, and at once by the tray's
        menu and tooltip; a window already open keeps its words until it is opened again."""
        new_language = config.language != self.config.language
        self.config, self.config_errors = config, []
        if new_language:
            translations.install(config.language)
            self._outdated = set(self.windows)
            self.tray.retranslate()
            self.tray.show_status(self.status(), paused=self._paused())
        if self.tracker is not None:
            try:
                self.tracker.catalogue = catalogue_for(config)
            except CatalogueError as e:
                self._warn(self.tr("A custom site cannot be used"), str(e))
            if self.bridge is not None:
                self.bridge.update(self.tracker.catalogue, config.sample_seconds)
            self.tracker.config = config
            if self.nudger is not None:
                self.nudger.update(config, self.tracker.catalogue)
            self.timer.setInterval(int(config.sample_seconds * 1000))
        dashboard = self.windows.get("dashboard")
        if dashboard is not None:  # new goals: new goal lines
            dashboard.config = config  # type: ignore[attr-defined]
            if dashboard.isVisible():
                dashboard.refresh()  # type: ignore[attr-defined]
        self.tick()

    # --- windows --------------------------------------------------------------------------

    def handle_message(self, message: str) -> None:
        """A later start of `socialtime` asks for a window."""
        actions = {
            "show settings": self.show_settings,  # i18n: ignore - a message between processes
            "show notice": self.show_notice,  # i18n: ignore - a message between processes
        }
        actions.get(message, self.show_dashboard)()

    def show_notice(self) -> ConsentDialog:
        dialog = self._window("notice")
        if not isinstance(dialog, ConsentDialog):
            dialog = ConsentDialog(self.data_dir)
            dialog.accepted.connect(self.accept_consent)
            self.windows["notice"] = dialog
        self._bring_forward(dialog)
        return dialog

    def accept_consent(self) -> None:
        if self.store is not None:
            self.store.set_consent(NOTICE_VERSION, self.clock())
            self.tick()

    def show_dashboard(self) -> QWidget | None:
        if self.store is None:
            return self._explain_unavailable()
        window = self._window("dashboard")
        if window is None:
            from socialtime.ui.dashboard import DashboardWindow  # matplotlib loads here, once

            window = DashboardWindow(self.store, self.config, self._display_catalogue(), self.clock)
            self.windows["dashboard"] = window
        window.refresh()  # type: ignore[attr-defined]
        self._bring_forward(window)
        return window

    def show_settings(self) -> QWidget | None:
        if self.store is None:
            return self._explain_unavailable()
        from socialtime.autostart import Autostart
        from socialtime.ui.settings import SettingsDialog

        old = self.windows.pop("settings", None)
        if old is not None:
            old.deleteLater()
        # The file as it is now, the policy over it: Save needs the user's own settings.
        loaded = load_config(self.config_path, policy=self.policy)
        dialog = SettingsDialog(
            loaded.config,
            self.config_path,
            self.store,
            load_catalogue(),
            Autostart(),
            data_dir=self.data_dir,
            loaded=loaded,
        )
        dialog.config_saved.connect(self.apply_config)
        dialog.consent_withdrawn.connect(self.tick)
        dialog.data_erased.connect(self.tick)
        self.windows["settings"] = dialog
        self._bring_forward(dialog)
        return dialog

    def show_policy(self) -> QWidget:
        """The organisation's policy, all of it (the tray offers it only when there is one)."""
        from socialtime.ui.org_settings import OrganisationSettingsWindow

        window = self._window("policy")
        if window is None:
            window = self.windows["policy"] = OrganisationSettingsWindow(self.policy)
        self._bring_forward(window)
        return window

    def _window(self, key: str) -> QWidget | None:
        """The window kept under ``key``; None (and it is let go) when it was built in a former
        language and is closed, so that opening it again builds it in the current one."""
        window = self.windows.get(key)
        if window is not None and key in self._outdated and not window.isVisible():
            del self.windows[key]
            window.deleteLater()
            window = None
        if window is None:
            self._outdated.discard(key)
        return window

    def _display_catalogue(self) -> Any:
        return self.tracker.catalogue if self.tracker else load_catalogue()

    def _explain_unavailable(self) -> None:
        self._warn(
            self.tr("socialtime cannot use its data"),
            self.error or self.tr("The database is not open."),
        )

    def _bring_forward(self, window: QWidget) -> None:
        window.show()
        window.raise_()
        window.activateWindow()

    def _warn(self, title: str, text: str) -> None:
        caption = self.tr("socialtime — {title}").format(title=title)
        box = QMessageBox(QMessageBox.Icon.Warning, caption, text)
        if self.store is None and self.error:
            folder = box.addButton(self.tr("Open data folder"), QMessageBox.ButtonRole.ActionRole)
            folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
            )
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setModal(False)
        box.show()
        self.windows[f"warning:{title}"] = box


def _quit_on_signals(tray_app: TrayApp) -> None:
    """SIGTERM / SIGINT (logout, `kill`, Ctrl+C) quit cleanly: the store is closed and the
    locks released. Python only sees a signal when it runs, so the C-level handler writes to
    a pipe that Qt watches (no polling timer)."""
    if sys.platform == "win32":
        return
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    signal.set_wakeup_fd(write_end)
    notifier = QSocketNotifier(read_end, QSocketNotifier.Type.Read, tray_app)

    def drain() -> None:
        os.read(read_end, 64)

    notifier.activated.connect(drain)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: QTimer.singleShot(0, tray_app.quit))


def _has_display(environ: dict[str, str] | os._Environ[str]) -> bool:
    """Qt aborts the process when it cannot open a display; say why instead."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    if environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def run(data_dir: Path, config_path: Path, show: str | None = None) -> int:
    """`socialtime`: start the tray, or bring the running one's window forward."""
    if not _has_display(os.environ):
        # Printed before Qt's translators exist: the core's translate (cli set the language).
        text = translate(
            "TrayApp",
            "socialtime: there is no display to show the tray on (DISPLAY and WAYLAND_DISPLAY "
            "are not set). Start it from your desktop session, or record without a window "
            "with `socialtime track`.",
        )
        print(text, file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("socialtime")
    app.setQuitOnLastWindowClosed(False)
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as e:
        text = translate("TrayApp", "socialtime: {path}: cannot use this data directory ({error})")
        print(text.format(path=data_dir, error=e.strerror or e), file=sys.stderr)
        return 1
    instance = SingleInstance(data_dir)
    if not instance.acquire():
        if instance.send(f"show {show or 'dashboard'}"):
            print(
                translate(
                    "TrayApp", "socialtime is already running; its window was brought forward."
                )
            )
        else:
            print(
                translate(
                    "TrayApp", "socialtime is already running (its window could not be reached)."
                )
            )
        return 0
    if not QSystemTrayIcon.isSystemTrayAvailable():
        text = translate(
            "TrayApp",
            "socialtime: this desktop shows no system tray right now; the icon will appear when "
            "one starts. Meanwhile `socialtime report` and the dashboard work.",
        )
        print(text, file=sys.stderr)
    tray_app = TrayApp(data_dir, config_path)
    _quit_on_signals(tray_app)
    instance.listen(tray_app.handle_message)
    tray_app.start()
    if show:
        QTimer.singleShot(0, lambda: tray_app.handle_message(f"show {show}"))
    try:
        return int(app.exec())
    finally:
        instance.release()
