"""The real tray application on a real X server with a system tray (trayer): its icon is
visible, and screenshots of its windows are saved to test-artifacts/ for a person to look at."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers import ARTIFACTS
from synthetic import fill_days
from tray_session import TrayApp, is_painted, settled, trayer
from xserver import XServer, wait_for

from socialtime.recording.store import Store

pytestmark = [pytest.mark.xserver, pytest.mark.slow]


@pytest.fixture
def tray_host(xserver: XServer, tmp_path: Path):
    with trayer(xserver, tmp_path) as proc:
        yield proc


@pytest.fixture
def app(xserver: XServer, tray_host, tmp_path: Path):
    app = TrayApp(xserver, tmp_path)
    yield app
    app.stop()


def this_week() -> list[date]:
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    return [monday + timedelta(days=i) for i in range(5)]


def test_tray_icon_consent_dashboard_and_settings(app: TrayApp, xserver: XServer) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    store = Store.open(app.data)
    fill_days(store, this_week())
    store.close()

    seconds = app.start()
    print(f"\n[e2e] tray icon visible {seconds:.2f} s after start")
    geometry = app.icon()
    assert geometry is not None and geometry[2] >= 16 and geometry[3] >= 16
    shot = ARTIFACTS / "screen-start.png"
    wait_for(lambda: is_painted(xserver, geometry, shot), "the icon to be painted", interval=0.2)

    # First run: the notice, and nothing is recorded before Accept.
    notice = app.wait_window("your privacy")
    wait_for(lambda: settled(xserver, notice, ARTIFACTS / "consent-dialog.png"), "the notice", 30)
    store = Store.open(app.data)
    assert store.consent_version() is None
    store.close()
    xserver.xdotool("windowactivate", "--sync", str(notice))
    xserver.xdotool("key", "Escape")  # "Not now"
    wait_for(lambda: notice not in app.windows(), "the notice to close")
    assert app.run("consent", "--accept").returncode == 0

    # A second start brings the running one's windows forward instead of starting again.
    done = app.run("--show", "dashboard")
    assert done.returncode == 0 and "already running" in done.stdout
    dashboard = app.wait_window("Dashboard")
    xserver.xdotool("windowactivate", "--sync", str(dashboard))
    wait_for(lambda: settled(xserver, dashboard, ARTIFACTS / "dashboard.png"), "the charts", 30)

    done = app.run("--show", "settings")
    assert done.returncode == 0
    settings = app.wait_window("Settings")
    xserver.xdotool("windowactivate", "--sync", str(settings))
    wait_for(lambda: settled(xserver, settings, ARTIFACTS / "settings.png"), "the settings", 30)

    # The tray's figures are those of `socialtime report --json`.
    report = json.loads(app.run("report", "--week", "--json").stdout)
    assert report["social_seconds"] > 0
    app.stop()
    assert app.proc is not None and app.proc.returncode == 0, app.log.read_text()
    assert "Traceback" not in app.log.read_text()


def test_a_second_tray_does_not_start(app: TrayApp) -> None:
    app.start()
    done = app.run()
    assert done.returncode == 0
    assert "already running" in done.stdout
    assert app.proc is not None and app.proc.poll() is None


def test_no_tray_host_is_explained(xserver: XServer, tmp_path: Path) -> None:
    """Without a system tray the app says so and keeps running (the icon appears later)."""
    app = TrayApp(xserver, tmp_path)
    try:
        with open(app.log, "wb") as log:
            app.proc = subprocess.Popen(app.argv(), env=app.env, stdout=log, stderr=log)
        wait_for(lambda: b"no system tray" in app.log.read_bytes(), "the no-tray message")
        assert app.proc.poll() is None
    finally:
        app.stop()
