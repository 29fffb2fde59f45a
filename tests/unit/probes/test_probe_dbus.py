"""Lock and suspend over a real, private D-Bus; the GNOME probe against a fake shell on it.
(The KDE probe against a fake KWin: test_probe_kde.py.)

One private dbus-daemon plays both the system and the session bus; signals are raised with
`dbus-send` exactly as logind and the screensaver raise them. The recording side is the real
Tracker with an in-memory Store, a fake clock and a fake window probe: only lock and suspend
are real here. Every wait polls a condition with a deadline.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dbusbus import FakeService, PrivateBus
from fakes import FakeClock, FakeProbe
from xserver import wait_for

from socialtime.probes.base import Foreground
from socialtime.probes.dbus_session import SessionWatcher
from socialtime.probes.gnome import GnomeProbe
from socialtime.probes.session import LockAwareProbe
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.store import Store
from socialtime.recording.tracker import State, Tracker
from socialtime.rules.sites import load_catalogue
from socialtime.rules.work_hours import WorkHours
from socialtime.settings import Config

SESSION_PATH = "/org/freedesktop/login1/session/_3"
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(scope="module")
def bus() -> Iterator[PrivateBus]:
    with PrivateBus.start() as private:
        yield private


@pytest.fixture
def watcher(bus: PrivateBus) -> Iterator[SessionWatcher]:
    watcher = SessionWatcher(bus.address, bus.address, session_path=SESSION_PATH)
    watcher.start()
    assert watcher.wait_ready(10)
    yield watcher
    watcher.close()


def sleep_signal(bus: PrivateBus, sleeping: bool) -> None:
    bus.send(
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager.PrepareForSleep",
        f"boolean:{str(sleeping).lower()}",
    )


def saver_signal(bus: PrivateBus, active: bool, iface: str = "org.freedesktop.ScreenSaver") -> None:
    bus.send(
        "/org/freedesktop/ScreenSaver", f"{iface}.ActiveChanged", f"boolean:{str(active).lower()}"
    )


def locked_hint(bus: PrivateBus, locked: bool) -> None:
    """logind's PropertiesChanged for LockedHint (a{sv}: dbus-send cannot build it)."""
    from jeepney import DBusAddress, new_signal
    from jeepney.io.blocking import open_dbus_connection

    with open_dbus_connection(bus.address) as conn:
        emitter = DBusAddress(SESSION_PATH, interface="org.freedesktop.DBus.Properties")
        body = ("org.freedesktop.login1.Session", {"LockedHint": ("b", locked)}, [])
        conn.send(new_signal(emitter, "PropertiesChanged", "sa{sv}as", body))


@pytest.fixture
def recording(watcher: SessionWatcher) -> Iterator[tuple[Tracker, Store, FakeClock]]:
    """The real Tracker over a fake window probe wrapped with the real D-Bus watcher."""
    store = Store(":memory:")
    store.set_consent(NOTICE_VERSION, 0.0)
    inner = FakeProbe()
    inner.show("firefox", "(3) Facebook — Mozilla Firefox")
    inner.lock = None  # the window probe itself cannot tell (as under Wayland)
    clock = FakeClock(datetime(2026, 11, 23, 10, 0, tzinfo=PARIS).timestamp())
    hours = WorkHours.from_strings({"mon": "09:00-18:00"}, tz=PARIS)
    config = Config(sample_seconds=5, idle_seconds=180, work_hours=hours)
    tracker = Tracker(store, LockAwareProbe(inner, watcher), config, load_catalogue(), clock=clock)
    yield tracker, store, clock
    store.close()


def ticks(tracker: Tracker, clock: FakeClock, seconds: float) -> list[State]:
    states = []
    for _ in range(int(seconds // 5)):
        clock.advance(5)
        states.append(tracker.tick().state)
    return states


def spans(store: Store) -> list[tuple[float, float, str | None]]:
    return [(s.start, s.end, s.site) for s in store.spans()]


def test_a_suspended_period_records_nothing(
    bus: PrivateBus, watcher: SessionWatcher, recording: Any
) -> None:
    tracker, store, clock = recording
    t0 = clock.t
    tracker.tick()
    assert ticks(tracker, clock, 20) == [State.RECORDING] * 4
    sleep_signal(bus, True)
    wait_for(lambda: watcher.suspended, "PrepareForSleep(true) to be heard")
    asleep = clock.t
    assert set(ticks(tracker, clock, 60)) == {State.LOCKED}
    sleep_signal(bus, False)
    wait_for(lambda: not watcher.suspended, "PrepareForSleep(false) to be heard")
    awake = clock.t
    assert ticks(tracker, clock, 10) == [State.RECORDING] * 2
    assert spans(store) == [(t0, asleep, "facebook.com"), (awake + 5, awake + 10, "facebook.com")]


@pytest.mark.parametrize("iface", ["org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"])
def test_a_screensaver_lock_records_nothing(
    bus: PrivateBus, watcher: SessionWatcher, recording: Any, iface: str
) -> None:
    tracker, store, clock = recording
    t0 = clock.t
    tracker.tick()
    ticks(tracker, clock, 10)
    saver_signal(bus, True, iface)
    wait_for(lambda: watcher.locked(), "ActiveChanged(true) to be heard")
    locked_at = clock.t
    assert set(ticks(tracker, clock, 30)) == {State.LOCKED}
    saver_signal(bus, False, iface)
    wait_for(lambda: watcher.locked() is False, "ActiveChanged(false) to be heard")
    unlocked_at = clock.t
    ticks(tracker, clock, 10)
    assert spans(store) == [
        (t0, locked_at, "facebook.com"),
        (unlocked_at + 5, unlocked_at + 10, "facebook.com"),
    ]


def test_logind_locked_hint_records_nothing(
    bus: PrivateBus, watcher: SessionWatcher, recording: Any
) -> None:
    tracker, store, clock = recording
    tracker.tick()
    locked_hint(bus, True)
    wait_for(lambda: watcher.locked(), "LockedHint=true to be heard")
    assert set(ticks(tracker, clock, 30)) == {State.LOCKED}
    locked_hint(bus, False)
    wait_for(lambda: watcher.locked() is False, "LockedHint=false to be heard")
    assert ticks(tracker, clock, 10) == [State.RECORDING] * 2
    assert sum(s.end - s.start for s in store.spans()) == 5  # only the last tick counted


def test_a_suspend_between_two_ticks_still_records_nothing(
    bus: PrivateBus, watcher: SessionWatcher, recording: Any
) -> None:
    """Asleep and awake again before the tracker ticked: the time across it is not counted."""
    tracker, store, clock = recording
    t0 = clock.t
    tracker.tick()
    ticks(tracker, clock, 10)
    events = watcher.events
    sleep_signal(bus, True)
    sleep_signal(bus, False)
    wait_for(lambda: watcher.events == events + 1 and not watcher.suspended, "the wake-up")
    assert ticks(tracker, clock, 10) == [State.LOCKED, State.RECORDING]
    assert spans(store) == [(t0, t0 + 10, "facebook.com")]


def test_no_bus_is_unknown_not_a_crash(tmp_path: Path) -> None:
    missing = f"unix:path={tmp_path / 'no-such-bus'}"
    watcher = SessionWatcher(missing, "tcp:host=127.0.0.1,port=1", retry_after=60)
    probe = LockAwareProbe(FakeProbe(), watcher)
    probe.inner.lock = None  # type: ignore[attr-defined]
    assert probe.locked() is None
    assert watcher.wait_ready(10)
    assert watcher.locked() is None and not watcher.suspended
    check = next(c for c in probe.diagnose() if c.name == "screen lock")
    assert "cannot connect to D-Bus" in check.detail
    assert "not supported" in watcher.status["session"]  # tcp: refused, never connected
    probe.close()


def test_a_lost_bus_becomes_unknown() -> None:
    with PrivateBus.start() as own:
        watcher = SessionWatcher(None, own.address, retry_after=60)
        watcher.start()
        assert watcher.wait_ready(10)
        saver_signal(own, True)
        wait_for(lambda: watcher.locked(), "the screensaver signal")
        own.proc.kill()
        wait_for(lambda: watcher.locked() is None, "the lost bus to be noticed")
        watcher.close()


def test_current_state_is_read_at_start(bus: PrivateBus) -> None:
    """A fake logind and screensaver answer: the watcher follows our session, found by pid."""
    logind = FakeService(
        bus.address,
        "org.freedesktop.login1",
        {
            ("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "GetSessionByPID"): (
                lambda body: ("o", (SESSION_PATH,))
            ),
            (SESSION_PATH, "org.freedesktop.DBus.Properties", "Get"): (
                lambda body: (
                    "v",
                    (("b", body == ("org.freedesktop.login1.Session", "LockedHint")),),
                )
            ),
        },
    )
    saver = FakeService(
        bus.address,
        "org.gnome.ScreenSaver",
        {
            ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "GetActive"): lambda b: (
                "b",
                (False,),
            )
        },
    )
    watcher = SessionWatcher(bus.address, bus.address, session_id="")
    try:
        watcher.start()
        assert watcher.wait_ready(10)
        assert watcher.session_path == SESSION_PATH
        assert watcher.locked() is True  # LockedHint read at start
        assert watcher.saver == "org.gnome.ScreenSaver"
        locked_hint(bus, False)
        wait_for(lambda: watcher.locked() is False, "LockedHint=false")
        check = watcher.diagnose()
        assert check.ok and SESSION_PATH in check.detail and "org.gnome.ScreenSaver" in check.detail
    finally:
        watcher.close()
        logind.close()
        saver.close()


def test_close_is_prompt_and_restartable(bus: PrivateBus) -> None:
    watcher = SessionWatcher(bus.address, bus.address, session_path=SESSION_PATH)
    for _ in range(2):
        watcher.start()
        assert watcher.wait_ready(10)
        watcher.close()
        assert not any(
            t.name.startswith("socialtime-") for t in __import__("threading").enumerate()
        )


# --- GNOME: Mutter idle and the focused-window extensions, faked on the bus ---------------------


def gnome_shell(bus: PrivateBus, extension: str) -> FakeService:
    window = {"title": "(3) Facebook — Mozilla Firefox", "wm_class": "firefox", "pid": 0, "id": 7}
    handlers: dict[Any, Any] = {}
    if extension == "focused-window":
        path, iface = (
            "/org/gnome/shell/extensions/FocusedWindow",
            "org.gnome.shell.extensions.FocusedWindow",
        )
        handlers[(path, iface, "Get")] = lambda body: ("s", (json.dumps(window),))
    else:  # Window Calls, a version whose List has no titles (they come from GetTitle)
        path, iface = "/org/gnome/Shell/Extensions/Windows", "org.gnome.Shell.Extensions.Windows"
        listed = [
            {"wm_class": "org.gnome.Nautilus", "pid": 0, "id": 3, "focus": False},
            {"wm_class": "firefox", "pid": 0, "id": 7, "focus": True},
        ]
        handlers[(path, iface, "List")] = lambda body: ("s", (json.dumps(listed),))
        handlers[(path, iface, "GetTitle")] = lambda body: (
            "s",
            (window["title"],) if body == (7,) else ("",),
        )
    return FakeService(bus.address, "org.gnome.Shell", handlers)


@pytest.fixture
def mutter(bus: PrivateBus) -> Iterator[FakeService]:
    path, iface = "/org/gnome/Mutter/IdleMonitor/Core", "org.gnome.Mutter.IdleMonitor"
    service = FakeService(
        bus.address,
        "org.gnome.Mutter.IdleMonitor",
        {(path, iface, "GetIdletime"): lambda b: ("t", (4250,))},
    )
    yield service
    service.close()


@pytest.mark.parametrize("extension", ["focused-window", "window-calls"])
def test_gnome_probe_with_an_extension(
    bus: PrivateBus, mutter: FakeService, extension: str
) -> None:
    shell = gnome_shell(bus, extension)
    probe = GnomeProbe(bus.address)
    try:
        assert probe.foreground() == Foreground("firefox", "(3) Facebook — Mozilla Firefox", None)
        assert probe.source == extension
        assert probe.idle_seconds() == 4.25
        checks = {c.name: c for c in probe.diagnose()}
        assert checks["foreground window"].ok and checks["idle time"].ok
    finally:
        probe.close()
        shell.close()


def test_gnome_probe_without_extension_says_how_to_add_one(
    bus: PrivateBus, mutter: FakeService
) -> None:
    fallback = FakeProbe()
    fallback.show("xterm", "XWayland window")
    probe = GnomeProbe(bus.address, fallback=fallback)
    try:
        assert probe.foreground() == Foreground("xterm", "XWayland window", 1234)  # XWayland
        assert probe.idle_seconds() == 4.25  # Mutter, not the fallback
        front = probe.diagnose()[0]
        assert not front.ok
        assert "Focused Window D-Bus" in front.detail and "Window Calls" in front.detail
        assert "XWayland" in front.detail
    finally:
        probe.close()


def test_gnome_probe_without_a_bus(tmp_path: Path) -> None:
    probe = GnomeProbe(f"unix:path={tmp_path / 'none'}")
    assert probe.foreground() is None
    assert probe.idle_seconds() is None
    assert not any(c.ok for c in probe.diagnose())


def test_a_shell_answer_that_is_no_window_is_nothing() -> None:
    """What an extension answers is parsed like any file read: bounded in size and depth."""
    from socialtime.probes.gnome import MAX_ANSWER, _parse

    assert _parse(json.dumps({"title": "x", "pid": 1}), dict) == {"title": "x", "pid": 1}
    assert _parse("[" * 3000 + "]" * 3000, list) is None  # was a RecursionError
    assert _parse(json.dumps([{"title": "x" * MAX_ANSWER}]), list) is None
    assert _parse("not json", dict) is None
    assert _parse(json.dumps([]), dict) is None
