"""The tray through faults that pass: another program's write lock, a full disk, a database
that cannot be opened yet. Its own state (icon, tooltip), one line in the log when saving stops
working and one when it works again, never a stop for good, and nothing lost."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from socialtime.insights.tray_status import Icon
from socialtime.recording.store import DB_NAME, Store, StoreUnavailable
from socialtime.ui.app import TrayApp

pytestmark = pytest.mark.usefixtures("paris")

FULL = StoreUnavailable(
    "/x/socialtime.db: the disk is full (database or disk is full).", StoreUnavailable.FULL
)


def step(app: TrayApp, seconds: float = 5, times: int = 1) -> None:
    for _ in range(times):
        app.fake_clock.advance(seconds)
        app.tick()


def accepted(make_app) -> TrayApp:
    app = make_app()
    app.start(ask_consent=False)
    app.accept_consent()
    return app


def logged(caplog, words: str) -> int:
    return sum(words in r.getMessage() for r in caplog.records if r.name == "socialtime")


def social_today(app: TrayApp) -> float:
    assert app.store is not None
    return app.store.totals(0, app.fake_clock.t + 1).sites.get("facebook.com", 0.0)


def test_a_busy_database_has_its_own_state_and_recording_resumes(make_app, tmp_path, caplog):
    caplog.set_level(logging.WARNING, "socialtime")
    app = accepted(make_app)
    step(app, times=2)
    holder = sqlite3.connect(tmp_path / "data" / DB_NAME, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")  # another program writes, for half a minute
    step(app, times=6)
    assert app.tray.status.icon is Icon.UNSAVED
    assert "The database is busy: what is recorded waits in memory" in app.tray.toolTip()
    assert app.error is None and app.timer.isActive()
    assert not any(k.startswith("warning:") for k in app.windows)  # no window for a passing fault
    assert logged(caplog, "Cannot save for now") == 1
    assert "another program is writing" in caplog.text and "move it away" not in caplog.text
    holder.execute("ROLLBACK")
    holder.close()
    step(app, times=12)  # the next try is at most a minute away
    assert app.tray.status.icon is Icon.RECORDING
    assert logged(caplog, "Cannot save for now") == 1
    assert logged(caplog, "The database can be written again") == 1
    assert social_today(app) == 5 * 20  # the half minute under the lock was kept, not lost


def test_a_full_disk_is_shown_and_the_next_good_tick_recovers(make_app, monkeypatch, caplog):
    caplog.set_level(logging.WARNING, "socialtime")
    app = accepted(make_app)
    assert app.store is not None
    record, full = app.store.record, [True]

    def failing(*args, **kwargs):
        if full[0]:
            raise FULL
        return record(*args, **kwargs)

    monkeypatch.setattr(app.store, "record", failing)
    step(app, times=3)
    assert app.tray.status.icon is Icon.UNSAVED
    assert app.tray.status.detail == "The disk is full: what is recorded waits in memory"
    assert app.tray.status.headline.startswith("Today: ")  # reading still works
    full[0] = False
    step(app, times=1)  # the next try: 10 s after the one that failed at +5 s
    assert app.tray.status.icon is Icon.RECORDING
    assert social_today(app) == 20
    assert logged(caplog, "Cannot save for now") == 1
    assert logged(caplog, "The database can be written again") == 1


def test_a_database_that_cannot_even_be_read_is_shown_too(make_app, monkeypatch, caplog):
    caplog.set_level(logging.WARNING, "socialtime")
    app = accepted(make_app)
    assert app.store is not None
    meta, broken = app.store.meta, [True]

    def failing():
        if broken[0]:
            raise FULL
        return meta()

    monkeypatch.setattr(app.store, "meta", failing)
    step(app, times=2)
    assert app.tray.status.icon is Icon.UNSAVED
    assert app.tray.status.headline == "socialtime cannot use its database for now"
    assert "nothing is counted" in app.tray.status.detail
    assert logged(caplog, "Cannot read the database for now") == 1
    assert logged(caplog, "Cannot save") == 0  # it is not that what is seen waits in memory
    broken[0] = False
    step(app, times=3)
    assert app.tray.status.icon is Icon.RECORDING and app.error is None
    assert logged(caplog, "The database can be written again") == 1


def test_a_database_unavailable_at_start_is_opened_when_it_can_be(make_app, monkeypatch, caplog):
    caplog.set_level(logging.WARNING, "socialtime")
    opened, tries = Store.open, []

    def unavailable(data_dir):
        tries.append(data_dir)
        if len(tries) <= 2:
            raise FULL
        return opened(data_dir)

    monkeypatch.setattr(Store, "open", unavailable)
    app = make_app()
    app.start(ask_consent=False)
    assert app.store is None and app.error is None
    assert app.tray.status.icon is Icon.UNSAVED and app.timer.isActive()
    assert not any(k.startswith("warning:") for k in app.windows)
    app.show_dashboard()  # says why there is nothing to show yet
    assert "the disk is full" in app.windows["warning:socialtime cannot use its data"].text()
    step(app, times=4)  # tries at start, +5 s (fails), then +15 s
    assert len(tries) == 3
    assert app.store is not None and app.tracker is not None
    app.accept_consent()
    step(app, times=2)
    assert app.tray.status.icon is Icon.RECORDING and social_today(app) == 10
    assert logged(caplog, "Cannot open the database for now") == 1
    assert logged(caplog, "The database can be written again") == 1


def test_a_pause_that_cannot_be_saved_says_so(make_app, monkeypatch):
    app = accepted(make_app)
    assert app.store is not None

    def full(until):
        raise FULL

    monkeypatch.setattr(app.store, "set_paused_until", full)
    app.pause(30 * 60)  # from the menu: no exception escapes into Qt
    box = app.windows["warning:Your change could not be saved"]
    assert "the disk is full" in box.text() and box.isVisible()
    assert app.timer.isActive()


def test_quitting_writes_what_was_kept_in_memory(make_app, monkeypatch, tmp_path, caplog):
    app = accepted(make_app)
    assert app.store is not None
    record, full = app.store.record, [True]

    def failing(*args, **kwargs):
        if full[0]:
            raise FULL
        return record(*args, **kwargs)

    monkeypatch.setattr(app.store, "record", failing)
    step(app, times=3)
    full[0] = False  # space again, before the next try: quitting writes it
    app.quit()
    store = Store.open(tmp_path / "data")
    assert store.totals(0, app.fake_clock.t + 1).sites == {"facebook.com": 15.0}
    store.close()
    assert "is lost" not in caplog.text
