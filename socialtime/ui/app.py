"""The tray application: a QTimer drives the same recorder as `socialtime track`.

The recording itself (the store, the probe, the browser bridge, the tracker, the recorder lock,
the retention, and the state of a fault that passes) is socialtime.recording.recorder.Recorder,
Qt-free and shared with ``track``; what is here is Qt: the timer that ticks it, the icon and its
menu, the windows, and the nudges shown.

It never crashes on bad data: an unreadable config shows its errors and runs on the defaults; a
database that cannot be opened is named in a dialog, left untouched, and the tray stays up (in
its error state) so that the user can read what to do and quit. A database that is only
unavailable for now (busy, a full disk: StoreUnavailable) does not stop it: what is seen is
kept in memory and written once it can, and the tray shows this in its own state (icon,
tooltip, one line in the log when it begins and one when it ends); at start, the timer tries to
open the database again, with back-off, until it can.
"""

from __future__ import annotations

import dataclasses
import logging
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

from socialtime.base.i18n import format_duration, translate
from socialtime.base.private_files import UnsafePath, private_dir
from socialtime.insights.first_run import GUIDE_META, icon_place
from socialtime.insights.nudges import Nudger, can_nudge
from socialtime.insights.tray_status import (
    Icon,
    Status,
    fault_status,
    pause_end,
    tray_status,
)
from socialtime.probes import dbusio
from socialtime.probes.base import Probe
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.recorder import OPENING, WRITING, Bridge, FaultChange, Recorder
from socialtime.recording.recorder_lock import RecorderLock
from socialtime.recording.store import Store, StoreError, StoreUnavailable
from socialtime.recording.tracker import State, TickResult, Tracker
from socialtime.rules.periods import today_bounds
from socialtime.rules.sites import CatalogueError, load_catalogue
from socialtime.settings import Config, load_config, load_policy
from socialtime.ui import session_events, translations
from socialtime.ui.consent_dialog import ConsentDialog
from socialtime.ui.first_run import FirstRunGuide
from socialtime.ui.single_instance import SingleInstance
from socialtime.ui.tray import Tray

Clock = Callable[[], float]
log = logging.getLogger("socialtime")


class TrayApp(QObject):
    """Owns the recorder, the timer and the windows. Everything runs on the Qt main thread; a
    tick takes well under a millisecond, so the UI never waits for it."""

    def __init__(
        self,
        data_dir: Path,
        config_path: Path,
        clock: Clock = time.time,
        probe: Probe | None = None,
        parent: QObject | None = None,
        notify_bus: str | None = dbusio.SESSION,
    ) -> None:
        super().__init__(parent)
        self.data_dir, self.config_path, self.clock = data_dir, config_path, clock
        self.session_events: object | None = None  # Windows: what forwards lock/suspend
        self.last: TickResult | None = None
        self.error: str | None = None  # the database cannot be used: recording stopped
        self._ask_consent = True
        self.windows: dict[str, QWidget] = {}
        self.running = False  # inside run()'s event loop: quit() leaves it, run() cleans up
        self._outdated: set[str] = set()  # windows built in a former language (apply_config)
        loaded = load_config(config_path, policy=load_policy())
        self.policy = loaded.policy  # read once, at start
        # Another recorder (`socialtime track`) on the same data: figures only (shared).
        self.recorder = Recorder(data_dir, loaded.config, clock=clock, probe=probe, shared=True)
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
            notify_bus=notify_bus,
        )
        self.tray.policy_action.setVisible(not self.policy.is_empty())
        self.tray.set_can_nudge(can_nudge(self.config))
        self.nudger: Nudger | None = None

    # --- what the recorder holds ----------------------------------------------------------

    @property
    def config(self) -> Config:
        return self.recorder.config

    @property
    def store(self) -> Store | None:
        return self.recorder.store

    @property
    def tracker(self) -> Tracker | None:
        return self.recorder.tracker

    @property
    def bridge(self) -> Bridge | None:
        return self.recorder.bridge

    @property
    def recorder_lock(self) -> RecorderLock | None:
        return self.recorder.lock

    @property
    def recording_elsewhere(self) -> bool:
        return self.recorder.recording_elsewhere

    @property
    def fault(self) -> StoreUnavailable | None:
        """The database cannot be used for now (it passes): the latest failure."""
        return self.recorder.fault

    # --- start and stop -------------------------------------------------------------------

    def start(self, ask_consent: bool = True) -> None:
        self.tray.show_status(self.status(), paused=False, store_open=self.store is not None)
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
        self._ask_consent = ask_consent
        self._open()

    def _open(self) -> None:
        """Open the database and start recording. While it is unavailable for now (busy, a
        full disk), the timer calls this again, with back-off, until it opens."""
        try:
            change = self.recorder.start()
        except (StoreError, CatalogueError) as e:
            self.fail(str(e))
            return
        self._note_fault(change)
        if self.store is None:
            assert self.fault is not None
            status = fault_status(self.fault.reason, State.STORE_UNAVAILABLE)
            self.tray.show_status(status, paused=False, store_open=self.store is not None)
            if not self.timer.isActive():
                self.timer.start(int(self.config.sample_seconds * 1000))
            return
        if self.recorder.probe is not None:
            self.session_events = session_events.install(self.recorder.probe)  # lock, suspend
        assert self.recorder.catalogue is not None
        self.nudger = Nudger(self.store, self.config, self.recorder.catalogue)
        try:
            consented = self.store.consent_version() == NOTICE_VERSION
        except StoreUnavailable:
            consented = True  # the notice waits for a tick that can read it
        except StoreError as e:
            self.fail(str(e))
            return
        self.timer.start(int(self.config.sample_seconds * 1000))
        self.tick()
        if self._ask_consent and not consented:
            QTimer.singleShot(0, self.show_notice)

    def fail(self, message: str) -> None:
        """Stop recording and say why, with the path and what to do; the tray stays up."""
        self.timer.stop()
        self.error = message
        self.tray.show_status(self.status(), paused=False, store_open=self.store is not None)
        self._warn(
            self.tr("socialtime cannot use its data"),
            self.tr("{problem}\n\nRecording is stopped.").format(problem=message),
        )

    def quit(self) -> None:
        """Quit now, whatever window or dialog is open: the menu's Quit, SIGTERM, SIGINT.

        Not QApplication.quit(): it first asks every window to close, and a message box
        without an escape button (the warning with "Open data folder") refuses, so the tray
        went on running, invisible, until kill -9. exit() leaves every event loop, a modal
        dialog's nested one included, without asking. The clean-up runs once those loops have
        unwound (run() calls shutdown after exec), so that code after a dialog's exec() never
        meets a closed store; outside the event loop (tests) it runs at once."""
        self.timer.stop()
        self.tray.hide()
        for window in QApplication.topLevelWidgets():
            window.hide()
        if self.running:
            QApplication.exit(0)
        else:
            self.shutdown()

    def shutdown(self) -> None:
        """Stop the recorder (its bridge, probe and lock; one last try to write what a fault
        kept in memory; the store closed), once."""
        self.timer.stop()
        stopped = self.recorder.stop()
        if stopped.lost_seconds > 0 or stopped.error is not None:
            text = self.tr("{duration} recorded while the database could not be written is lost.")
            log.warning(text.format(duration=format_duration(stopped.lost_seconds)))
        self.tray.notifier.close()
        self.tray.hide()

    # --- recording ------------------------------------------------------------------------

    def tick(self) -> None:
        if self.error is not None:
            return
        if self.store is None:
            if self.recorder.due(self.clock()):
                self._open()  # the database was unavailable at start: try again
            return
        try:
            tick = self.recorder.tick(then=self._figures)
        except StoreError as e:
            self.fail(str(e))
            return
        if tick.read is not None:
            status, paused, snoozed = tick.read
        else:  # even today's figure could not be read
            assert tick.read_error is not None
            status = fault_status(tick.read_error.reason, State.STORE_UNAVAILABLE)
            paused, snoozed = False, self.tray.snoozed
        self._note_fault(tick.change)
        self.tray.show_status(status, paused=paused, store_open=self.store is not None)
        self.tray.show_snoozed(snoozed)

    def _figures(self, now: float, result: TickResult | None) -> tuple[Status, bool, bool]:
        """After a tick: the nudges to show, then what the tray shows (the status, paused,
        snoozed). Run by the recorder, for whom a database unavailable here is a fault too."""
        fault = result.fault if result is not None else None
        if result is not None:
            self.last = result
            if self.nudger is not None and fault is None:  # nudges wait for the database
                for nudge in self.nudger.check(now, result):
                    self.tray.notify(nudge.title, nudge.text)
        status, paused = self.status(fault), self._paused()
        snoozed = self.nudger is not None and self.nudger.snoozed(now)
        return status, paused, snoozed

    def _note_fault(self, change: FaultChange | None) -> None:
        """Log once when the database becomes unavailable for now (opening, reading or
        writing it), and once when it is usable again (the tray's state shows it meanwhile)."""
        if change is None:
            return
        if change.began and change.doing == OPENING:
            text = self.tr(
                "Cannot open the database for now: {problem} socialtime tries again and "
                "starts recording as soon as it can."
            )
            log.warning(text.format(problem=change.error))
        elif change.began and change.doing == WRITING:
            text = self.tr(
                "Cannot save for now: {problem} Recording goes on: what is seen is kept in "
                "memory and saved as soon as the database can be written."
            )
            log.warning(text.format(problem=change.error))
        elif change.began:  # even consent or today's figure could not be read
            text = self.tr(
                "Cannot read the database for now: {problem} Nothing is counted until it can "
                "be read; socialtime tries again."
            )
            log.warning(text.format(problem=change.error))
        else:
            log.warning(self.tr("The database can be written again; recording is saved."))

    def _paused(self) -> bool:
        until = self.store.paused_until(self.clock()) if self.store else None
        return until is not None and self.clock() < until

    def status(self, fault: StoreUnavailable | None = None) -> Status:
        """What the tray shows now; ``fault``: the database cannot be written for now."""
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
            paused_until=self.store.paused_until(now),
            goal_exceeded=budget is not None and social > budget * 60,
            recording_elsewhere=self.recording_elsewhere,
            goals=self.config.goals,
            fault=fault,
        )

    def pause(self, seconds: float | None) -> None:
        if self.store is not None:
            store = self.store
            self._save(lambda: store.set_paused_until(pause_end(self.clock(), seconds)))

    def snooze_nudges(self) -> None:
        """The menu's "Not today": no nudge until the next local day."""
        if self.nudger is not None:
            nudger = self.nudger
            self._save(lambda: nudger.snooze_today(self.clock()))

    def resume(self) -> None:
        if self.store is not None:
            store = self.store
            self._save(lambda: store.set_paused_until(None))

    def _save(self, change: Callable[[], object]) -> None:
        """Make a change the user asked for from the menu, then tick; when the database
        cannot take it (a full disk…), say so in a window instead of letting it pass unseen."""
        try:
            change()
        except StoreError as e:
            self._warn(self.tr("Your change could not be saved"), str(e))
        self.tick()

    def apply_config(self, config: Config) -> None:
        """Use new settings at once (the settings dialog has saved them).

        A new language is used by every window opened from now on, and at once by the tray's
        menu and tooltip; a window already open keeps its words until it is opened again."""
        new_language = config.language != self.config.language
        problem = self.recorder.apply(config)
        self.config_errors = []
        self.tray.set_can_nudge(can_nudge(config))
        if new_language:
            translations.install(config.language)
            self._outdated = set(self.windows)
            self.tray.retranslate()
            self.tray.show_status(
                self.status(), paused=self._paused(), store_open=self.store is not None
            )
        if problem is not None:
            self._warn(self.tr("A custom site cannot be used"), str(problem))
        if self.store is not None:
            if self.nudger is not None and self.recorder.catalogue is not None:
                self.nudger.update(config, self.recorder.catalogue)
            self.timer.setInterval(int(config.sample_seconds * 1000))
        guide = self.windows.get("guide")
        if isinstance(guide, FirstRunGuide):  # new work hours, said again
            guide.show_hours(config)
        dashboard = self.windows.get("dashboard")
        if dashboard is not None:  # new goals: new goal lines
            dashboard.config = config  # type: ignore[attr-defined]
            if dashboard.isVisible():
                dashboard.refresh()  # type: ignore[attr-defined]
        self.tick()

    # --- windows --------------------------------------------------------------------------

    def handle_message(self, message: str) -> None:
        """A later start of `socialtime` asks for a window."""
        actions: dict[str, Callable[[], object]] = {
            "show settings": self.show_settings,  # i18n: ignore - a message between processes
            "show notice": self.show_notice,  # i18n: ignore - a message between processes
        }
        actions.get(message, self.show_dashboard)()

    def show_notice(self) -> ConsentDialog:
        dialog = self._window("notice")
        if not isinstance(dialog, ConsentDialog):
            dialog = ConsentDialog(self.data_dir)
            dialog.accepted.connect(self._notice_accepted)
            self.windows["notice"] = dialog
        self._bring_forward(dialog)
        return dialog

    def accept_consent(self) -> None:
        if self.store is not None:
            store = self.store
            self._save(lambda: store.set_consent(NOTICE_VERSION, self.clock()))

    def _notice_accepted(self) -> None:
        """Accept in the notice: consent, then the first-run guide if it was never shown."""
        self.accept_consent()
        if self.store is None or self.store.consent_version() != NOTICE_VERSION:
            return
        try:
            seen = GUIDE_META in self.store.meta()
        except StoreError:
            return
        if not seen:
            QTimer.singleShot(0, self.show_guide)

    def show_guide(self) -> FirstRunGuide:
        """The first-run guide (socialtime.ui.first_run); remembered as shown at once, so
        that it comes once whether it is read, skipped or closed."""
        guide = self._window("guide")
        if not isinstance(guide, FirstRunGuide):
            locked = "goals.daily_minutes" in self.policy.locked()
            guide = FirstRunGuide(
                self.config,
                on_change_hours=lambda: self.show_settings("hours"),
                on_goal=self.set_daily_goal,
                goal_locked=locked,
                place=self._icon_place(),
            )
            self.windows["guide"] = guide
        if self.store is not None:
            store = self.store
            try:
                store.set_meta(GUIDE_META, "1")
            except StoreError as e:
                log.warning(str(e))  # it may come again at the next Accept: no harm
        self._bring_forward(guide)
        return guide

    def _icon_place(self) -> str | None:
        """Where the tray icon is on its screen, in words (None when the tray host says not)."""
        icon = self.tray.geometry()
        screen = QApplication.screenAt(icon.center()) if icon.isValid() else None
        if screen is None:
            return None
        area = screen.geometry()
        centre = icon.center() - area.topLeft()
        return icon_place(centre.x(), centre.y(), area.width(), area.height())

    def set_daily_goal(self, minutes: int | None) -> None:
        """Write the daily budget (None: none) to the user's settings file, as Settings'
        Save does (the policy's values never become the user's own), and use it at once."""
        from socialtime.settings import save_config
        from socialtime.ui.settings.locks import for_save

        loaded = load_config(self.config_path, policy=self.policy)
        goals = dataclasses.replace(loaded.config.goals, daily_minutes=minutes)
        edited = dataclasses.replace(loaded.config, goals=goals)
        own, omit, after = for_save(edited, loaded)
        try:
            save_config(own, self.config_path, omit)
        except OSError as e:
            self._warn(self.tr("Your change could not be saved"), str(e))
            return
        self.apply_config(after.config)

    def show_dashboard(self) -> QWidget | None:
        if self.store is None:
            self._explain_unavailable()
            return None
        window = self._window("dashboard")
        if window is None:
            from socialtime.ui.dashboard import DashboardWindow  # matplotlib loads here, once

            window = DashboardWindow(
                self.store,
                self.config,
                self._display_catalogue(),
                self.clock,
                on_set_goal=lambda: self.show_settings("goals"),
            )
            self.windows["dashboard"] = window
        window.refresh()  # type: ignore[attr-defined]
        self._bring_forward(window)
        return window

    def show_settings(self, tab: str | None = None) -> QWidget | None:
        """Settings, at its ``tab`` when given: "hours" (the work hours) or "goals"."""
        if self.store is None:
            self._explain_unavailable()
            return None
        from socialtime.login.autostart import Autostart
        from socialtime.ui.settings.dialog import SettingsDialog

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
        pages = {"hours": dialog.hours_tab, "goals": dialog.goals_tab}
        if tab in pages:
            dialog.tabs.setCurrentWidget(pages[tab])
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
        return self.recorder.catalogue or load_catalogue()

    def _explain_unavailable(self) -> None:
        self._warn(
            self.tr("socialtime cannot use its data"),
            self.error or str(self.fault or "") or self.tr("The database is not open."),
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
    """SIGTERM / SIGINT (logout, `kill`, Ctrl+C) quit cleanly, whatever dialog is open: the
    bridge stopped, the store closed, the locks released (TrayApp.quit). Python only sees a
    signal when it runs, so the C-level handler writes to a pipe that Qt watches (no polling
    timer); a modal dialog's nested event loop watches it too."""
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
    instance = SingleInstance(data_dir)
    try:
        private_dir(data_dir)  # 0700, the user's own: see socialtime.base.private_files
        alone = instance.acquire()
    except UnsafePath as e:
        print(translate("TrayApp", "socialtime: {problem}").format(problem=e), file=sys.stderr)
        return 1
    except OSError as e:
        text = translate("TrayApp", "socialtime: {path}: cannot use this data directory ({error})")
        print(text.format(path=data_dir, error=e.strerror or e), file=sys.stderr)
        return 1
    if not alone:
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
    tray_app.running = True
    try:
        return int(app.exec())
    finally:
        tray_app.running = False
        tray_app.shutdown()
        instance.release()
