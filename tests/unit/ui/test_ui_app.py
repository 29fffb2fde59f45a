"""The tray application, offscreen: consent first, pause, errors that never crash it."""

from __future__ import annotations

import pytest
from helpers import ALL_DAY
from PySide6.QtWidgets import QMessageBox

from socialtime.insights.tray_status import Icon
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.store import DB_NAME, Store
from socialtime.ui.app import TrayApp
from socialtime.ui.consent_dialog import ConsentDialog
from socialtime.ui.single_instance import SingleInstance

pytestmark = pytest.mark.usefixtures("paris")


def step(app: TrayApp, seconds: float = 5, times: int = 1) -> None:
    for _ in range(times):
        app.fake_clock.advance(seconds)
        app.tick()


def test_nothing_is_recorded_before_accept(qtbot, make_app):
    app = make_app()
    app.start()
    qtbot.waitUntil(lambda: isinstance(app.windows.get("notice"), ConsentDialog))
    dialog = app.windows["notice"]
    assert dialog.isVisible()
    step(app, times=6)
    assert app.store.count() == 0
    assert app.tray.status.icon is Icon.NO_CONSENT
    assert "waiting for your consent" in app.tray.toolTip()
    dialog.accept_button.click()
    assert app.store.consent_version() == NOTICE_VERSION
    step(app, times=3)
    assert app.store.totals(0, app.fake_clock.t + 1).sites == {"facebook.com": 15.0}
    assert app.tray.status.icon is Icon.RECORDING


def test_not_now_leaves_the_app_idle_with_the_notice_in_the_menu(qtbot, make_app):
    app = make_app()
    app.start()
    qtbot.waitUntil(lambda: "notice" in app.windows)
    app.windows["notice"].later_button.click()
    step(app, times=4)
    assert app.store.count() == 0 and app.store.consent_version() is None
    notice = next(a for a in app.tray.menu.actions() if a.text() == "Privacy notice…")
    notice.trigger()
    assert app.windows["notice"].isVisible()


def test_the_default_button_does_not_consent(qtbot, make_app):
    app = make_app()
    app.start()
    qtbot.waitUntil(lambda: "notice" in app.windows)
    dialog = app.windows["notice"]
    assert not dialog.accept_button.isDefault() and not dialog.accept_button.hasFocus()


def accepted(make_app) -> TrayApp:
    app = make_app()
    app.start(ask_consent=False)
    app.accept_consent()
    return app


def test_pause_and_its_expiry(make_app):
    app = accepted(make_app)
    step(app, times=2)
    app.pause(30 * 60)
    assert app.tray.status.icon is Icon.PAUSED
    assert app.tray.status.detail == "Paused until 10:30"
    assert app.tray.resume_action.isEnabled()
    before = app.store.totals(0, app.fake_clock.t + 1).active_seconds
    step(app, times=10)
    assert app.store.totals(0, app.fake_clock.t + 1).active_seconds == before
    step(app, seconds=30 * 60)  # the pause has ended
    step(app, times=2)
    assert app.tray.status.icon is Icon.RECORDING
    assert not app.tray.resume_action.isEnabled()
    assert app.store.totals(0, app.fake_clock.t + 1).active_seconds == before + 10


def test_pause_until_tomorrow_and_resume(make_app):
    app = accepted(make_app)
    app.pause(None)
    assert app.tray.status.detail == "Paused until tomorrow 00:00"
    app.resume()
    assert app.tray.status.icon is Icon.RECORDING


def test_menu_pause_entries(make_app):
    app = accepted(make_app)
    labels = [a.text() for a in app.tray.pause_menu.actions()]
    assert labels == ["30 minutes", "1 hour", "Until tomorrow"]
    app.tray.pause_menu.actions()[1].trigger()
    assert app.store.paused_until(app.fake_clock.t) == app.fake_clock.t + 3600


@pytest.mark.parametrize(
    ("stored", "paused"),
    [("4.9e14", True), ("inf", True), ("1e300", True), ("nan", False), ("-5", False),
     ("soon", False), ("", False)],
)  # fmt: skip
def test_a_stored_pause_that_makes_no_sense_never_stops_the_tray(
    make_app, tmp_path, stored, paused
):
    """Left by an older version (`pause 99999999h` stored 11,000 years) or by a hand: a pause
    beyond the longest one ends a year from now; one that is not a time is no pause."""
    store = Store.open(tmp_path / "data")
    store.set_consent(NOTICE_VERSION, 0.0)
    store.conn.execute("INSERT INTO meta VALUES ('paused_until', ?)", [stored])
    store.close()
    app = make_app()
    app.start(ask_consent=False)
    step(app, times=3)
    if paused:
        assert app.tray.status.icon is Icon.PAUSED
        assert app.tray.status.detail == "Paused until Wed 24 Nov 10:00"  # 2027: a year on
        assert app.tray.resume_action.isEnabled()
        app.resume()
        step(app, times=2)
    assert app.tray.status.icon is Icon.RECORDING
    assert app.store.totals(0, app.fake_clock.t + 1).active_seconds > 0


def test_tooltip_and_menu_show_todays_social_time(make_app):
    app = accepted(make_app)
    step(app, seconds=10, times=13)  # the cap is 2 x 5 s per tick
    assert app.tray.status.headline == "Today: 2 min on social sites"
    assert "Today: 2 min on social sites" in app.tray.toolTip()
    assert app.tray.headline.text() == "Today: 2 min on social sites"


def test_outside_work_hours_says_when_recording_starts(make_app):
    app = make_app('[work_hours]\nwed = "09:00-17:00"\n')  # the clock says Tuesday
    app.start(ask_consent=False)
    app.accept_consent()
    assert app.tray.status.icon is Icon.OUTSIDE_HOURS
    assert app.tray.status.detail == "Outside your work hours: recording starts at tomorrow 09:00"


def test_a_corrupted_database_is_shown_and_the_tray_stays_up(qtbot, make_app, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    garbage = b"\x00not sqlite" * 500
    (data / DB_NAME).write_bytes(garbage)
    app = make_app()
    app.start()
    assert app.tray.status.icon is Icon.ERROR
    box = next(w for k, w in app.windows.items() if k.startswith("warning:"))
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert str(data / DB_NAME) in box.text() and "left untouched" in box.text()
    app.show_dashboard()  # explains instead of crashing
    assert (data / DB_NAME).read_bytes() == garbage


def test_another_programs_database_is_shown_and_left_untouched(qtbot, make_app, tmp_path):
    import sqlite3

    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / DB_NAME)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    before = (data / DB_NAME).read_bytes()
    app = make_app()
    app.start()
    assert app.tray.status.icon is Icon.ERROR
    box = next(w for k, w in app.windows.items() if k.startswith("warning:"))
    assert f"{data / DB_NAME}: this SQLite database is not socialtime's" in box.text()
    assert (data / DB_NAME).read_bytes() == before
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME]


def test_a_linked_recorder_lock_is_shown_and_nothing_recorded(qtbot, make_app, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "recorder.lock").symlink_to(tmp_path / "elsewhere")
    app = make_app()
    app.start(ask_consent=False)
    assert app.tray.status.icon is Icon.ERROR and app.tracker is None
    box = next(w for k, w in app.windows.items() if k.startswith("warning:"))
    assert f"{data / 'recorder.lock'} is a symbolic link" in box.text()
    assert not (tmp_path / "elsewhere").exists()


def test_quit_leaves_the_event_loop_even_with_a_box_that_refuses_to_close(qtbot, make_app):
    """The warning of an unusable data folder has no escape button, so it refuses a close:
    QApplication.quit() (which asks every window first) left the tray running. quit() must
    leave the loop anyway, and clean up once it has."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = make_app()
    app.data_dir.mkdir()
    (app.data_dir / DB_NAME).write_bytes(b"\x00not sqlite" * 500)
    app.start()
    box = next(w for k, w in app.windows.items() if k.startswith("warning:"))
    assert box.isVisible() and not box.close()  # refuses, as a person closing it would see
    box.show()
    app.running = True  # as in run()
    QTimer.singleShot(0, app.quit)  # the menu's Quit, or SIGTERM's handler
    guard = QTimer()  # the bug stays in the loop: leave it after 5 s with another code
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.exit(3))
    guard.start(5000)
    try:
        code = QApplication.exec()
    finally:
        guard.stop()  # or it would end a later test's event loop
    app.running = False
    assert code == 0  # left by quit(), not by the guard
    assert not box.isVisible() and not app.tray.isVisible()
    app.shutdown()  # what run() does once exec() has returned


def test_a_bad_config_is_shown_and_the_defaults_are_used(make_app, tmp_path):
    app = make_app('idle_seconds = "soon"\n')
    app.start(ask_consent=False)
    box = app.windows["warning:Your settings file has errors"]
    assert str(tmp_path / "config.toml") in box.text() and "idle_seconds" in box.text()
    assert app.config.idle_seconds == 180
    assert app.tracker is not None


def test_apply_config_takes_effect_at_once(make_app):
    from socialtime.settings import Config

    app = accepted(make_app)
    new = Config(
        sample_seconds=2,
        disabled_sites=frozenset({"facebook.com"}),
        work_hours=app.config.work_hours,
    )
    app.apply_config(new)
    assert app.timer.interval() == 2000
    step(app, seconds=2, times=3)
    assert app.store.totals(0, app.fake_clock.t + 1).sites == {}


def test_another_recorder_means_figures_only(make_app, tmp_path):
    from socialtime.recording.recorder_lock import RecorderLock

    (tmp_path / "data").mkdir()
    with RecorderLock(tmp_path / "data"):
        app = accepted(make_app)
        step(app, times=3)
    assert app.recording_elsewhere
    assert app.store.count() == 0
    assert "another socialtime" in app.tray.status.detail


def test_a_second_start_reaches_the_first(qtbot, tmp_path):
    first, second = SingleInstance(tmp_path), SingleInstance(tmp_path)
    assert first.acquire()
    assert not second.acquire()
    received = []
    first.listen(received.append)
    assert second.send("show settings", timeout=0)  # one process here: do not wait for itself
    qtbot.waitUntil(lambda: received == ["show settings"])
    assert not (tmp_path / "tray.request").exists()  # taken: that is how the sender knows
    assert second.send("show dashboard", timeout=0)
    qtbot.waitUntil(lambda: received == ["show settings", "show dashboard"])
    first.release()
    assert second.acquire()
    second.release()


def test_a_request_nobody_takes_is_withdrawn(tmp_path):
    """With no running tray to take it, the sender gives up after its timeout and leaves
    nothing behind (the fake clock moves with each pause; nothing really sleeps)."""
    now = [0.0]
    pauses = []

    def sleep(seconds: float) -> None:
        pauses.append(seconds)
        now[0] += seconds

    sender = SingleInstance(tmp_path)
    assert not sender.send("show dashboard", timeout=1.5, clock=lambda: now[0], sleep=sleep)
    assert sum(pauses) >= 1.5
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_stale_request_is_dropped_when_the_tray_starts(qtbot, tmp_path):
    (tmp_path / "tray.request").write_text("show settings\n", encoding="utf-8")
    received = []
    instance = SingleInstance(tmp_path)
    assert instance.acquire()
    instance.listen(received.append)
    (tmp_path / "other").write_text("x", encoding="utf-8")  # the directory changes
    qtbot.wait(50)
    assert received == []
    instance.release()


def test_withdrawn_consent_stops_recording_in_the_tray(make_app):
    app = accepted(make_app)
    step(app, times=2)
    Store.open(app.data_dir).withdraw_consent()  # e.g. `socialtime consent --withdraw`
    step(app, times=3)
    assert app.tray.status.icon is Icon.NO_CONSENT
    assert app.store.totals(0, app.fake_clock.t + 1).active_seconds == 10


def test_the_browser_bridge_runs_with_the_tray(make_app, tmp_path):
    app = accepted(make_app)
    assert app.bridge is not None
    assert (tmp_path / "socialtime" / "bridge.sock").exists()
    assert app.tracker.host_source == app.bridge.host_for
    app.quit()
    assert not (tmp_path / "socialtime" / "bridge.sock").exists()
    assert app.store is None  # closed by quit


# --- French ---------------------------------------------------------------------------------


def menu_texts(app: TrayApp) -> list[str]:
    return [a.text() for a in app.tray.menu.actions() if a.text() and not a.isSeparator()]


def test_the_tray_menu_in_french(qtbot, french, make_app):
    app = make_app(f'language = "fr"\nsample_seconds = 5\n[work_hours]\n{ALL_DAY}\n')
    app.start(ask_consent=False)
    texts = menu_texts(app)
    for text in (
        "Mettre en pause",
        "Reprendre",
        "Pas aujourd'hui (aucun rappel)",
        "Tableau de bord…",
        "Paramètres…",
        "Notice de confidentialité…",
        "Quitter",
    ):
        assert text in texts  # fmt: skip
    labels = [a.text() for a in app.tray.pause_menu.actions()]
    assert labels == ["30 minutes", "1 heure", "Jusqu'à demain"]
    assert "consentement" in app.tray.toolTip()


def test_choosing_french_in_settings_retranslates_the_tray_at_once(qtbot, french, make_app):
    from dataclasses import replace

    app = accepted(make_app)  # "auto" and LANGUAGE=en: English
    assert "Dashboard…" in menu_texts(app)
    step(app, seconds=10, times=13)
    dashboard = app.show_dashboard()
    assert dashboard.windowTitle() == "socialtime — Dashboard"
    dashboard.close()
    app.apply_config(replace(app.config, language="fr"))
    texts = menu_texts(app)
    assert "Tableau de bord…" in texts and "Quitter" in texts and "Dashboard…" not in texts
    assert [a.text() for a in app.tray.pause_menu.actions()][1] == "1 heure"
    assert app.tray.headline.text() == "Réseaux sociaux aujourd'hui\u00a0: 2 min"
    assert "Réseaux sociaux aujourd'hui" in app.tray.toolTip()
    reopened = app.show_dashboard()  # closed before the change: built again, in French
    assert reopened is not dashboard
    assert reopened.windowTitle() == "socialtime — Tableau de bord"
    app.apply_config(replace(app.config, language="en"))
    assert "Dashboard…" in menu_texts(app)
    assert app.tray.headline.text() == "Today: 2 min on social sites"


def test_a_window_open_during_the_change_is_kept(make_app):
    from dataclasses import replace

    app = accepted(make_app)
    notice = app.show_notice()
    app.apply_config(replace(app.config, language="en"))  # the same language: nothing to do
    assert app.show_notice() is notice
    app.apply_config(replace(app.config, language="fr"))
    try:
        assert app.show_notice() is notice  # open: kept as it is until it is closed
        notice.close()
        assert app.show_notice() is not notice
    finally:
        from socialtime.ui import translations

        translations.install("en")


def test_the_consent_dialog_in_french(qtbot, french, tmp_path):
    dialog = ConsentDialog(tmp_path / "data")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "socialtime — votre vie privée"
    assert dialog.accept_button.text() == "Accepter"
    assert dialog.later_button.text() == "Pas maintenant"
    assert "réseaux sociaux" in dialog.intro.text()
    assert "Ce que socialtime enregistre" in dialog.text.toPlainText()
