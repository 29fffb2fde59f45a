"""Lock and suspend over a real, private D-Bus; the GNOME probe against a fake shell on it.
(The KDE probe against a fake KWin: test_probe_kde.py.)

One private dbus-daemon plays both the system and the session bus; signals are raised with
`dbus-send` exactly as logind and the screensaver raise them. The recording side is the real
Tracker with an in-memory Store, a fake clock and a fake window probe: only lock and suspend
are real here. Every wait polls a condition with a deadline.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dbusbus import FakeService, PrivateBus
from fakes import FakeClock, FakeGsettings, FakeProbe
from xserver import wait_for

from socialtime.probes.base import Foreground
from socialtime.probes.dbus_session import SessionWatcher
from socialtime.probes.gnome import DETECT_EVERY, LOST_FOR, REDETECT_LOST, GnomeProbe
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


@pytest.mark.parametrize("saver_name", ["org.gnome.Shell.ScreenShield", "org.gnome.ScreenSaver"])
def test_current_state_is_read_at_start(bus: PrivateBus, saver_name: str) -> None:
    """A fake logind and screensaver answer: the watcher follows our session, found by pid.
    GNOME Shell serves its screensaver as org.gnome.Shell.ScreenShield; older GNOMEs, and the
    proxy D-Bus starts on demand, as org.gnome.ScreenSaver."""
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
        saver_name,
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
        assert watcher.saver == saver_name
        locked_hint(bus, False)
        wait_for(lambda: watcher.locked() is False, "LockedHint=false")
        check = watcher.diagnose()
        assert check.ok and SESSION_PATH in check.detail and saver_name in check.detail
    finally:
        watcher.close()
        logind.close()
        saver.close()


def test_close_is_prompt_and_restartable(bus: PrivateBus) -> None:
    # Only this watcher's listeners count: a thread another test left behind (a daemon still
    # winding down) is not this watcher's fault and must not make this test fail.
    before = set(threading.enumerate())
    watcher = SessionWatcher(bus.address, bus.address, session_path=SESSION_PATH)
    for _ in range(2):
        watcher.start()
        assert watcher.wait_ready(10)
        started = [t for t in threading.enumerate() if t not in before]
        assert {t.name for t in started} == {"socialtime-system-bus", "socialtime-session-bus"}
        watcher.close()
        assert [t.name for t in started if t.is_alive()] == []


# --- GNOME: Mutter idle and the focused-window extensions, faked on the bus ---------------------

FACEBOOK = "(3) Facebook — Mozilla Firefox"
OWN = ("org.socialtime.Shell", "/org/socialtime/Shell", "org.socialtime.Shell")


def socialtime_shell(bus: PrivateBus, window: dict[str, Any]) -> FakeService:
    """socialtime's own extension: FocusedWindow -> a{sv} (strings, and pid as u)."""
    body = {k: ("u" if k == "pid" else "s", v) for k, v in window.items()}
    handlers = {(OWN[1], OWN[2], "FocusedWindow"): lambda b: ("a{sv}", (body,))}
    return FakeService(bus.address, OWN[0], handlers)


def gnome_shell(
    bus: PrivateBus, *extensions: str, title: str = FACEBOOK, version: str = "43.9",
    states: dict[str, float] | None = None,
) -> FakeService:  # fmt: skip
    """org.gnome.Shell with the third-party `extensions` ("focused-window", "window-calls"),
    its ShellVersion and GetExtensionInfo (`states`: UUID -> state)."""
    window = {"title": title, "wm_class": "firefox", "pid": 0, "id": 7}
    handlers: dict[Any, Any] = {
        ("/org/gnome/Shell", "org.freedesktop.DBus.Properties", "Get"): lambda body: (
            "v",
            (("s", version),),
        ),
        ("/org/gnome/Shell", "org.gnome.Shell.Extensions", "GetExtensionInfo"): lambda body: (
            "a{sv}",
            ({"state": ("d", states[body[0]])} if states and body[0] in states else {},),
        ),
    }
    if "focused-window" in extensions:
        path, iface = (
            "/org/gnome/shell/extensions/FocusedWindow",
            "org.gnome.shell.extensions.FocusedWindow",
        )
        handlers[(path, iface, "Get")] = lambda body: ("s", (json.dumps(window),))
    if "window-calls" in extensions:  # a version whose List has no titles (from GetTitle)
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


@pytest.fixture
def desktop(tmp_path: Path) -> dict[str, str]:
    """A home and system data folders of our own for the probe's extension lines."""
    return {"HOME": str(tmp_path / "home"), "XDG_DATA_DIRS": str(tmp_path / "share")}


def gnome_probe(bus: PrivateBus, desktop: dict[str, str], **kwargs: Any) -> GnomeProbe:
    kwargs.setdefault("run", FakeGsettings())
    return GnomeProbe(bus.address, environ=desktop, **kwargs)


@pytest.mark.parametrize("extension", ["socialtime", "focused-window", "window-calls"])
def test_gnome_probe_with_an_extension(
    bus: PrivateBus, mutter: FakeService, desktop: dict[str, str], extension: str
) -> None:
    if extension == "socialtime":
        services = [socialtime_shell(bus, {"title": FACEBOOK, "wm_class": "firefox"})]
    else:
        services = [gnome_shell(bus, extension)]
    probe = gnome_probe(bus, desktop)
    try:
        assert probe.foreground() == Foreground("firefox", FACEBOOK, None)
        assert probe.source == extension
        assert probe.idle_seconds() == 4.25
        checks = {c.name: c for c in probe.diagnose()}
        assert checks["foreground window"].ok and checks["idle time"].ok
        assert "in front: firefox (app id firefox)" in checks["foreground window"].detail
    finally:
        probe.close()
        for service in services:
            service.close()


def test_gnome_probe_asks_socialtimes_extension_first(
    bus: PrivateBus, mutter: FakeService, desktop: dict[str, str]
) -> None:
    """All three answer: socialtime's own is used. When it goes away (GNOME disables
    extensions on its lock screen), the probe looks again within seconds, not half a minute."""
    own = socialtime_shell(bus, {"title": "(2) Feed | LinkedIn - Chromium", "wm_class": "chromium"})
    shell = gnome_shell(bus, "focused-window", "window-calls")
    clock = FakeClock(1000.0)
    probe = gnome_probe(bus, desktop, clock=clock)
    try:
        assert probe.foreground() == Foreground("chromium", "(2) Feed | LinkedIn - Chromium", None)
        assert probe.source == "socialtime"
        own.close()
        assert probe.foreground() is None and probe.source is None  # it has just gone
        clock.advance(REDETECT_LOST / 2)
        assert probe.foreground() is None
        clock.advance(REDETECT_LOST)
        assert probe.foreground() == Foreground("firefox", FACEBOOK, None)
        assert probe.source == "focused-window"  # the next in line
        shell.close()
        probe.foreground()
        clock.advance(REDETECT_LOST * 1.5)
        assert probe.foreground() is None and probe.source is None  # none is left
        shell = gnome_shell(bus, "window-calls")
        clock.advance(REDETECT_LOST * 1.5)
        assert probe.foreground() == Foreground("firefox", FACEBOOK, None)
        assert probe.source == "window-calls"
        shell.close()
        probe.foreground()  # lost again; after a while, it is looked for less often
        clock.advance(LOST_FOR)
        probe.foreground()
        shell = gnome_shell(bus, "window-calls")
        clock.advance(REDETECT_LOST * 1.5)
        assert probe.foreground() is None
        clock.advance(DETECT_EVERY)
        assert probe.foreground() == Foreground("firefox", FACEBOOK, None)
    finally:
        probe.close()
        shell.close()


@pytest.mark.parametrize(
    ("window", "process"),
    [
        ({"wm_class": "org.telegram.desktop", "pid": 4321}, "telegram-desktop"),  # the table
        ({"wm_class": "foot", "gtk_application_id": "org.mozilla.firefox"}, "firefox"),
        ({"sandboxed_app_id": "com.google.Chrome", "wm_class": "Google-chrome"}, "google-chrome"),
        ({"wm_class": "org.example.Notes", "pid": 4321}, "notes-editor"),  # the pid's name
        ({"wm_class": "org.example.Notes"}, "notes"),  # no pid: a guess from the id
        ({"wm_class": "chrome-abcdefghijklmnopabcdefghijklmnop-Default"}, "google-chrome"),
    ],
)
def test_gnome_probe_names_the_app_by_its_app_id(
    bus: PrivateBus, desktop: dict[str, str], window: dict[str, Any], process: str
) -> None:
    own = socialtime_shell(bus, {"title": "a title", **window})
    probe = gnome_probe(bus, desktop, process_name=lambda pid: "notes-editor")
    try:
        front = probe.foreground()
        assert front is not None and front.process == process
        assert front.pid == window.get("pid")
    finally:
        probe.close()
        own.close()


def test_gnome_probe_nothing_in_front(bus: PrivateBus, desktop: dict[str, str]) -> None:
    own = socialtime_shell(bus, {})  # the overview, or no window at all
    probe = gnome_probe(bus, desktop)
    try:
        assert probe.foreground() is None
        assert probe.source == "socialtime"
    finally:
        probe.close()
        own.close()


def test_gnome_probe_says_which_form_this_gnome_needs_and_whether_it_runs(
    bus: PrivateBus, mutter: FakeService, desktop: dict[str, str]
) -> None:
    from socialtime.probes.gnome_extension import install

    run = FakeGsettings("46.1")  # gnome-shell --version would say 46.1; the bus says 43.9
    shell = gnome_shell(bus, version="43.9")
    probe = gnome_probe(bus, desktop, run=run)
    own = None
    try:
        line = {c.name: c for c in probe.diagnose()}["shell extension"]
        assert not line.ok
        assert line.detail.startswith(
            "GNOME Shell 43.9 needs the GNOME 43/44 form (socialtime-gnome43@socialtime.org): "
            "not installed; `socialtime desktop install`"
        )
        install(None, desktop, version="43.9", run=run)
        line = {c.name: c for c in probe.diagnose()}["shell extension"]
        assert not line.ok and "installed for you, enabled, not loaded yet" in line.detail
        shell.close()
        shell = gnome_shell(bus, states={"socialtime-gnome43@socialtime.org": 1.0})
        own = socialtime_shell(bus, {"title": FACEBOOK, "wm_class": "firefox"})
        checks = {c.name: c for c in probe.diagnose()}
        line = checks["shell extension"]
        assert line.ok and line.detail.endswith("installed for you, enabled, running")
        assert 'extension "socialtime"' in checks["foreground window"].detail
        shell.close()
        shell = gnome_shell(bus, states={"socialtime-gnome43@socialtime.org": 3.0})
        own.close()
        own = None
        line = {c.name: c for c in probe.diagnose()}["shell extension"]
        assert not line.ok and line.detail.endswith("enabled, in error")
    finally:
        probe.close()
        shell.close()
        if own is not None:
            own.close()


def test_gnome_probe_without_extension_says_how_to_add_one(
    bus: PrivateBus, mutter: FakeService, desktop: dict[str, str]
) -> None:
    fallback = FakeProbe()
    fallback.show("xterm", "XWayland window")
    probe = gnome_probe(bus, desktop, fallback=fallback)
    try:
        assert probe.foreground() == Foreground("xterm", "XWayland window", 1234)  # XWayland
        assert probe.idle_seconds() == 4.25  # Mutter, not the fallback
        front = probe.diagnose()[0]
        assert not front.ok
        assert "socialtime desktop install" in front.detail
        assert "Focused Window D-Bus" in front.detail and "Window Calls" in front.detail
        assert "XWayland" in front.detail
    finally:
        probe.close()


def test_gnome_probe_without_a_bus(tmp_path: Path, desktop: dict[str, str]) -> None:
    probe = GnomeProbe(
        f"unix:path={tmp_path / 'none'}", environ=desktop, run=FakeGsettings(version=None)
    )
    assert probe.foreground() is None
    assert probe.idle_seconds() is None
    checks = probe.diagnose()
    assert not any(c.ok for c in checks)
    assert "GNOME Shell does not answer" in checks[-1].detail


def test_a_shell_answer_that_is_no_window_is_nothing() -> None:
    """What an extension answers is parsed like any file read: bounded in size and depth."""
    from socialtime.probes.gnome import MAX_ANSWER, _parse

    assert _parse(json.dumps({"title": "x", "pid": 1}), dict) == {"title": "x", "pid": 1}
    assert _parse("[" * 3000 + "]" * 3000, list) is None  # was a RecursionError
    assert _parse(json.dumps([{"title": "x" * MAX_ANSWER}]), list) is None
    assert _parse("not json", dict) is None
    assert _parse(json.dumps([]), dict) is None
