"""The real tray on a real X server quits on SIGTERM and SIGINT whatever dialog is open: the
warning box of an unusable data folder (a message box that refuses to close), the consent
notice, and Settings with a question (a modal QMessageBox in its own nested event loop). It
exits 0 within a deadline, cleanly: no socket, instance lock or database journal left behind.
"""

from __future__ import annotations

import fcntl
import os
import signal
import time
from pathlib import Path

import pytest
from tray_session import TrayApp, trayer
from xserver import XServer, wait_for

from socialtime.recording.store import DB_NAME, Store

pytestmark = [pytest.mark.xserver, pytest.mark.slow]

DEADLINE = 10.0  # seconds from the signal to the exit


@pytest.fixture
def tray_host(xserver: XServer, tmp_path: Path):
    with trayer(xserver, tmp_path) as proc:
        yield proc


@pytest.fixture
def app(xserver: XServer, tray_host, tmp_path: Path):
    app = TrayApp(xserver, tmp_path)
    yield app
    app.stop()  # SIGTERM, then SIGKILL: only reached when a test failed


def _released(lock: Path) -> bool:
    """The file lock on ``lock`` is free (the file itself stays, 0600, like recorder.lock)."""
    if not lock.exists():
        return True
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


def quits_within_deadline(app: TrayApp, signum: signal.Signals) -> float:
    """Send ``signum``; the seconds until the tray exited with status 0."""
    assert app.proc is not None and app.proc.poll() is None
    sent = time.monotonic()
    app.proc.send_signal(signum)
    wait_for(lambda: app.proc.poll() is not None, f"the tray to exit on {signum.name}", DEADLINE)
    seconds = time.monotonic() - sent
    print(f"\n[e2e] tray exited {seconds:.2f} s after {signum.name}")
    log = app.log.read_text()
    assert app.proc.returncode == 0, log
    assert "Traceback" not in log
    assert _released(app.data / "tray.lock")  # the single-instance lock
    return seconds


def unusable(app: TrayApp) -> None:
    """A data folder whose database is not one: the tray shows its warning box."""
    app.data.mkdir(mode=0o700)
    (app.data / DB_NAME).write_bytes(b"not a database, " * 256)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_the_warning_box_of_an_unusable_data_folder_does_not_stop_a_signal(
    app: TrayApp, signum: signal.Signals
) -> None:
    unusable(app)
    app.start()
    box = app.wait_window("cannot use its data")
    assert box in app.windows()
    quits_within_deadline(app, signum)
    assert (app.data / DB_NAME).read_bytes() == b"not a database, " * 256  # left untouched


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_the_consent_notice_does_not_stop_a_signal(app: TrayApp, signum: signal.Signals) -> None:
    app.start()
    app.wait_window("your privacy")
    assert (app.runtime / "socialtime" / "bridge.sock").exists()
    quits_within_deadline(app, signum)
    assert not (app.runtime / "socialtime" / "bridge.sock").exists()  # the bridge stopped
    assert not (app.data / f"{DB_NAME}-wal").exists()  # the store closed
    store = Store.open(app.data)
    assert store.consent_version() is None  # quitting is not consenting
    store.close()


def test_settings_with_a_question_open_does_not_stop_sigterm(
    app: TrayApp, xserver: XServer
) -> None:
    assert app.run("consent", "--accept").returncode == 0
    app.start()
    assert app.run("--show", "settings").returncode == 0
    settings = app.wait_window("Settings")
    xserver.xdotool("windowactivate", "--sync", str(settings))
    # From Save (the first focus) to the tab bar, to the Data tab, back to "Withdraw
    # consent…" (Save and Cancel come after it in the focus chain), and press it.
    xserver.xdotool("key", "--delay", "50", "Tab", "Tab", *["Right"] * 4)
    xserver.xdotool("key", "--delay", "50", "shift+Tab", "shift+Tab", "shift+Tab", "space")
    question = app.wait_window("Withdraw consent")
    assert settings in app.windows() and question != settings
    quits_within_deadline(app, signal.SIGTERM)
    assert not (app.runtime / "socialtime" / "bridge.sock").exists()
    assert not (app.data / f"{DB_NAME}-wal").exists()
    store = Store.open(app.data)
    assert store.consent_version() is not None  # the question was not answered "Yes"
    store.close()
