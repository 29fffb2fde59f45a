"""Shared fixtures, and the markers given by where a test is and what it asks for. Keep this file
small: helpers and fakes live in their own modules in tests/support/ (xserver.py, fakes.py,
helpers.py…), imported under their plain names (`from fakes import FakeClock`: pyproject's
`pythonpath`). A fixture that only one folder's tests use goes in that folder's conftest.py."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

# Qt tests run offscreen (no display needed); end-to-end tests start their own X server and pass
# QT_QPA_PLATFORM=xcb to the processes they run there.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Messages are asserted in English unless a test asks for French (the `french` fixture); the
# language of the machine running the tests must not change them, nor that of a CLI subprocess.
os.environ["LANGUAGE"] = "en"
from desktop_user import DesktopUser
from fakes import FakeClock, FakeProbe
from helpers import ALL_DAY, cli_runner
from kwin_session import KWin
from wayland_session import Sway
from xserver import XServer

from socialtime.recording.store import Store

E2E = Path(__file__).resolve().parent / "e2e"


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`gui` on every test that needs a QApplication: it asks for pytest-qt's `qapp`, itself or
    through another fixture (`qtbot`, `make_app`, a module's window fixture). `e2e` on every test
    in tests/e2e/. So `-m "not gui"` runs the rest without a QApplication (checked below), and
    `-m "not gui and not e2e"` the quick part."""
    for item in items:
        if "qapp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
        if E2E in item.path.parents:
            item.add_marker(pytest.mark.e2e)


def qt_application() -> object | None:
    """The process's Qt application object (QCoreApplication, QGuiApplication or QApplication),
    if any; None also when Qt has not even been imported."""
    core = sys.modules.get("PySide6.QtCore")
    return None if core is None else core.QCoreApplication.instance()


@pytest.fixture(autouse=True)
def no_qt_application_without_the_gui_marker(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test without the `gui` marker that makes a Qt application fails, named: it would make
    `-m "not gui"` need a display stack after all. (Once a `gui` test has made the session's
    QApplication, there is nothing left to see: the check at the session's end covers the rest.)"""
    before = qt_application()
    yield
    if (
        request.node.get_closest_marker("gui") is None
        and before is None
        and qt_application() is not None
    ):
        pytest.fail(
            "this test made a Qt application without the gui marker: ask for qtbot or qapp "
            "(conftest.py then marks it gui)",
            pytrace=False,
        )


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A session that ran no `gui` test ends with no Qt application, or fails: one made at import
    or by a session fixture escapes the check above."""
    items = getattr(session, "items", [])
    if not items or any(item.get_closest_marker("gui") for item in items):
        return
    if qt_application() is not None:
        writer = session.config.get_terminal_writer()
        writer.line()
        writer.line(
            "A Qt application exists though no test of this session has the gui marker: a module "
            "or a fixture makes one at import or for the whole session.",
            red=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True, scope="session")
def no_system_policy(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Never read the machine's organisation policy (/etc/socialtime): an empty folder
    stands in for it, here and in the processes tests start. A test that wants a policy sets
    SOCIALTIME_POLICY_DIR itself (monkeypatch) or passes etc_dir to load_policy."""
    os.environ["SOCIALTIME_POLICY_DIR"] = str(tmp_path_factory.mktemp("no-policy"))


@pytest.fixture(scope="session")
def xserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XServer]:
    """A private Xvfb + openbox for the whole session; mark tests using it `@pytest.mark.xserver`.

    Fails (does not skip) when Xvfb, openbox, xdotool or xterm are missing: CI installs them.
    """
    with XServer.start(tmp_path_factory.mktemp("xserver")) as server:
        yield server


@pytest.fixture(scope="session")
def sway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sway]:
    """A headless sway run by the test user (desktop_user.py) for the whole session; mark
    tests using it `@pytest.mark.wayland`. Fails (does not skip) when sway or foot are missing,
    unless SOCIALTIME_SKIP_WAYLAND=1."""
    user = DesktopUser.create(tmp_path_factory.mktemp("sway"))
    try:
        with Sway.start(user) as session:
            yield session
    finally:
        user.cleanup()


@pytest.fixture(scope="session")
def kwin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KWin]:
    """A headless KWin run by the test user (kwin_session.py) for the whole session; mark
    tests using it `@pytest.mark.wayland`. Fails (does not skip) when KWin is missing, unless
    SOCIALTIME_SKIP_WAYLAND=1."""
    user = DesktopUser.create(tmp_path_factory.mktemp("kwin"))
    try:
        with KWin.start(user) as session:
            yield session
    finally:
        user.cleanup()


@pytest.fixture
def french() -> Iterator[None]:
    """French for the core's messages and Qt's (ask for `qtbot` first, so the QApplication
    exists when the translators are installed); English again afterwards."""
    from socialtime.ui import translations

    translations.install("fr")
    try:
        yield
    finally:
        translations.install("en")


@pytest.fixture
def store(tmp_path):
    """The Store of tmp_path/data, opened (and created) as the app opens it, closed afterwards.
    Modules that want one in memory define their own `store`."""
    store = Store.open(tmp_path / "data")
    yield store
    store.close()


@pytest.fixture
def paris(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Paris time for one test (TZ and time.tzset()), the former time zone again afterwards.
    A module whose every test wants it says `pytestmark = pytest.mark.usefixtures("paris")`.
    Its teardown undoes all of the test's monkeypatching, then calls tzset again."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    """The command line in-process (helpers.cli_runner: run(*args) -> (code, out, err); run.data,
    run.config, run.tmp), with neither SOCIALTIME_DATA_DIR nor SOCIALTIME_CONFIG from the caller
    and stdin not a terminal. A module wanting more overrides `run` and asks for this one."""
    monkeypatch.delenv("SOCIALTIME_DATA_DIR", raising=False)
    monkeypatch.delenv("SOCIALTIME_CONFIG", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    return cli_runner(tmp_path, capsys)


@pytest.fixture
def make_app(qtbot, tmp_path, monkeypatch):
    """Makes tray apps, not started: make_app(config_text, probe=None, hide_tray=False) writes
    tmp_path/config.toml and gives a TrayApp over tmp_path/data, on a FakeClock at Tuesday
    24 November 2026 10:00 (app.fake_clock), with ``probe`` (app.probe; by default a FakeProbe
    showing Facebook in Firefox). The bridge's socket goes in tmp_path. After the test each app
    is stopped: timer, windows, store, recorder lock, bridge, media sources (then, with
    hide_tray, its icon)."""
    from socialtime.ui.app import TrayApp

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # the bridge's socket: ours alone
    apps = []

    def make(
        config_text: str = f"sample_seconds = 5\n[work_hours]\n{ALL_DAY}\n",
        probe: FakeProbe | None = None,
        hide_tray: bool = False,
    ) -> TrayApp:
        config = tmp_path / "config.toml"
        config.write_text(config_text, encoding="utf-8")
        if probe is None:
            probe = FakeProbe()
            probe.show("firefox", "(3) Facebook — Mozilla Firefox")
        clock = FakeClock(datetime(2026, 11, 24, 10, 0).timestamp())
        app = TrayApp(tmp_path / "data", config, clock=clock, probe=probe)
        app.probe, app.fake_clock = probe, clock
        apps.append((app, hide_tray))
        return app

    yield make
    for app, hide_tray in apps:
        app.timer.stop()
        for window in app.windows.values():
            window.close()
        if app.store is not None:
            app.store.close()
        if app.recorder_lock is not None:
            app.recorder_lock.release()
        if app.bridge is not None:
            app.bridge.stop()
        app.recorder.stop()  # the rest: the desktop's media sources and their threads too
        if hide_tray:
            app.tray.hide()
