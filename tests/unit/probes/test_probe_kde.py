"""The KDE probe against a fake KWin on a private D-Bus (dbusbus.py): its script loaded under
this process's own name (kwin_focus.py), the script's calls heard (also one that comes before
KWin answers `start`), calls from anyone but KWin refused, KWin leaving the bus and a new one
taking it, the listener connecting again, and what doctor says. Idle over Wayland with a fake
compositor (fake_wayland.py). The same probe against a real KWin: test_e2e_kwin.py."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dbusbus import FakeService, PrivateBus
from fake_wayland import FakeCompositor
from fakes import FakeClock, FakeProbe
from xserver import wait_for

from socialtime.probes import dbusio, kde, kwin_focus, wayland_client
from socialtime.probes import wayland_wire as wire
from socialtime.probes.base import Foreground
from socialtime.probes.kde import KdeProbe
from socialtime.probes.kwin_focus import INTERFACE, OBJECT_PATH, plugin_name
from socialtime.probes.wayland_client import WaylandClient

FACEBOOK = "(3) Facebook — Mozilla Firefox"
SCRIPTING = ("/Scripting", "org.kde.kwin.Scripting")


class FakeKWin:
    """org.kde.KWin's /Scripting on a private bus. It keeps the scripts loaded (name -> text)
    and runs none; `tell()` calls the probe back from KWin's own connection, as the script's
    callDBus does (a JS number arrives as a double). `on_start` is told before `start` is
    answered, as a script that runs at once would. `refuse` loads answer -1."""

    def __init__(self, bus: PrivateBus, on_start: tuple[str, str, float] | None = None) -> None:
        self.scripts: dict[str, str] = {}
        self.on_start = on_start
        self.refuse = 0  # how many loads to refuse
        self.loads = 0
        self.service = FakeService(
            bus.address,
            "org.kde.KWin",
            {
                (*SCRIPTING, "loadScript"): self._load,
                (*SCRIPTING, "unloadScript"): self._unload,
                (*SCRIPTING, "start"): self._start,
            },
        )

    def _load(self, body: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
        path, name = body
        self.loads += 1
        if self.refuse > 0 or name in self.scripts:
            self.refuse -= 1
            return "i", (-1,)
        self.scripts[name] = Path(path).read_text(encoding="utf-8")
        return "i", (self.loads,)

    def _unload(self, body: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
        return "b", (self.scripts.pop(body[0], None) is not None,)

    def _start(self, body: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
        if self.on_start is not None:
            for script in self.scripts.values():
                self.tell(callee(script), *self.on_start)
        return "", ()

    def tell(self, service: str, caption: str, resource_class: str, pid: float) -> None:
        from jeepney import DBusAddress, new_method_call

        address = DBusAddress(OBJECT_PATH, service, INTERFACE)
        msg = new_method_call(address, "Update", "ssd", (caption, resource_class, pid))
        self.service.conn.send(msg)

    def close(self) -> None:
        self.service.close()


def callee(script: str) -> str:
    """The unique name a loaded script calls back."""
    found = re.search(r'SERVICE = "([^"]+)"', script)
    assert found, script
    return found.group(1)


@pytest.fixture
def bus() -> Iterator[PrivateBus]:
    with PrivateBus.start() as private:
        yield private


@pytest.fixture
def kwin(bus: PrivateBus) -> Iterator[FakeKWin]:
    fake = FakeKWin(bus, on_start=(FACEBOOK, "firefox", 4242.0))
    yield fake
    fake.close()


def make_probe(bus: PrivateBus, **kwargs: Any) -> KdeProbe:
    kwargs.setdefault("process_name", lambda pid: "python3")
    return KdeProbe(bus.address, **kwargs)


def test_loads_its_script_and_hears_kwin_even_before_start_is_answered(
    bus: PrivateBus, kwin: FakeKWin
) -> None:
    probe = make_probe(bus)
    try:
        assert probe.foreground() is None  # starts the listener; nothing heard yet
        assert probe.focus.wait_ready(10) and probe.focus.loaded
        assert list(kwin.scripts) == [plugin_name()] == [f"socialtime-focus-{os.getpid()}"]
        script = kwin.scripts[plugin_name()]
        assert callee(script) == probe.focus.service
        assert "workspace.windowActivated || workspace.clientActivated" in script
        # The call made before KWin answered `start` was kept; the app id names the process.
        wait_for(lambda: probe.foreground() is not None, "the script's first call")
        assert probe.foreground() == Foreground("firefox", FACEBOOK, 4242)
        kwin.tell(str(probe.focus.service), "", "", 0)  # nothing active
        wait_for(lambda: probe.foreground() is None, "nothing active")
        kwin.tell(str(probe.focus.service), "notes.txt", "org.example.Notes", 77)
        wait_for(lambda: probe.foreground() is not None, "the notes window")
        assert probe.foreground() == Foreground("python3", "notes.txt", 77)  # its pid's name
    finally:
        probe.close()
    assert kwin.scripts == {}  # unloaded again on close


def script_path(kwin: FakeKWin) -> str:
    calls = [c for c in kwin.service.calls if c[2] == "loadScript"]
    return str(calls[-1][3][0])


def test_the_script_file_is_private_and_removed_on_close(bus: PrivateBus, kwin: FakeKWin) -> None:
    probe = make_probe(bus)
    probe.focus.start()
    assert probe.focus.wait_ready(10) and probe.focus.loaded
    path = Path(script_path(kwin))
    assert path.parent.stat().st_mode & 0o077 == 0  # the folder is the user's alone
    probe.close()
    assert not path.exists()


def test_calls_from_anyone_but_kwin_are_refused(bus: PrivateBus) -> None:
    kwin = FakeKWin(bus)  # calls nothing by itself
    x11 = FakeProbe(Foreground("xterm", "an X11 window", 5))
    probe = make_probe(bus, fallback=x11)
    try:
        probe.focus.start()
        assert probe.focus.wait_ready(10) and probe.focus.loaded
        with pytest.raises(subprocess.CalledProcessError) as refused:
            bus.call(
                str(probe.focus.service), OBJECT_PATH, f"{INTERFACE}.Update",
                f"string:{FACEBOOK}", "string:firefox", "double:4242",
            )  # fmt: skip
        assert "AccessDenied" in str(refused.value.stderr)
        assert probe.foreground() == x11.front  # nothing heard from KWin: the fallback's
    finally:
        probe.close()
        kwin.close()


def test_kwin_leaving_is_forgotten_and_the_next_kwin_gets_the_script(
    bus: PrivateBus, kwin: FakeKWin
) -> None:
    x11 = FakeProbe(Foreground("xterm", "an X11 window", 5))
    probe = make_probe(bus, fallback=x11)
    try:
        wait_for(lambda: probe.foreground() == Foreground("firefox", FACEBOOK, 4242), "firefox")
        kwin.close()  # KWin crashed: its name leaves the bus
        wait_for(lambda: probe.foreground() == x11.front, "the window KWin told to be forgotten")
        assert not probe.focus.loaded and "KWin left the session bus" in probe.focus.last_error
        again = FakeKWin(bus, on_start=("notes.txt", "org.example.Notes", 9))
        try:
            wait_for(lambda: plugin_name() in again.scripts, "the script in the new KWin")
            assert callee(again.scripts[plugin_name()]) == probe.focus.service
            wait_for(lambda: probe.foreground() == Foreground("python3", "notes.txt", 9), "new")
        finally:
            probe.close()
            again.close()
    finally:
        probe.close()  # again: close() may be called twice


def test_doctor_beside_the_tray_leaves_the_trays_script_loaded(
    bus: PrivateBus, kwin: FakeKWin
) -> None:
    assert plugin_name(1) != plugin_name(2)
    tray = make_probe(bus, plugin=plugin_name(1))
    doctor = make_probe(bus, plugin=plugin_name(2))
    try:
        wait_for(lambda: tray.foreground() is not None, "the tray's probe to hear KWin")
        assert doctor.diagnose()[0].ok
        doctor.close()
        assert list(kwin.scripts) == [plugin_name(1)]
        kwin.tell(str(tray.focus.service), "notes.txt", "org.example.Notes", 9)
        wait_for(lambda: tray.foreground() == Foreground("python3", "notes.txt", 9), "tray")
    finally:
        doctor.close()
        tray.close()


def test_a_refused_script_is_offered_again_less_and_less_often(
    bus: PrivateBus, kwin: FakeKWin
) -> None:
    clock = FakeClock(100.0)
    kwin.refuse = 2
    probe = make_probe(bus, clock=clock)
    try:
        probe.focus.start()
        assert probe.focus.wait_ready(10) and not probe.focus.loaded
        assert (
            "KWin refused the script" in probe.focus.last_error and "-1" in probe.focus.last_error
        )
        check = probe.diagnose()[0]
        assert not check.ok and "is this a KDE Plasma session?" in check.detail
        clock.advance(kwin_focus.RELOAD_AFTER)
        wait_for(lambda: kwin.loads == 2, "the script offered again", timeout=5)
        clock.advance(kwin_focus.RELOAD_AFTER)  # refused twice: the next try waits twice as long
        with pytest.raises(pytest.fail.Exception):
            wait_for(lambda: kwin.loads == 3, "a third try too soon", timeout=1.5)
        clock.advance(kwin_focus.RELOAD_AFTER)
        wait_for(lambda: probe.focus.loaded, "the script taken at the third try", timeout=5)
        wait_for(lambda: probe.foreground() is not None, "the script's first call")
        assert kwin.loads == 3
    finally:
        probe.close()


def test_the_listener_connects_again_after_losing_the_bus(bus: PrivateBus, kwin: FakeKWin) -> None:
    clock = FakeClock(0.0)
    attempts: list[str] = []

    def connect(address: str) -> Any:
        attempts.append(address)
        if len(attempts) == 1:
            raise dbusio.BusError("cannot connect to the session bus: refused")
        return dbusio.connect(address)

    probe = make_probe(bus, connect=connect, clock=clock)
    try:
        assert probe.foreground() is None
        assert probe.focus.wait_ready(10) and "refused" in probe.focus.last_error
        wait_for(
            lambda: probe.focus._thread is not None and not probe.focus._thread.is_alive(),
            "its end",
        )
        assert probe.foreground() is None and len(attempts) == 1  # not before RESTART_AFTER
        clock.advance(kwin_focus.RESTART_AFTER)
        wait_for(lambda: probe.foreground() is not None, "a new listener to hear KWin")
        assert len(attempts) == 2 and probe.focus.loaded
    finally:
        probe.close()


# --- doctor ------------------------------------------------------------------------------------


def test_doctor_says_what_is_in_front(bus: PrivateBus) -> None:
    kwin = FakeKWin(bus, on_start=(FACEBOOK, "org.mozilla.firefox", 4242.0))
    probe = make_probe(bus, plugin="socialtime-focus-77")
    try:
        front, titles, idle, lock = probe.diagnose()
    finally:
        probe.close()
        kwin.close()
    assert front.ok and front.detail == (
        "KWin script socialtime-focus-77, told by KWin at each change; "
        "in front: firefox (app id org.mozilla.firefox)"
    )
    assert titles.ok and "never stored" in titles.detail
    assert FACEBOOK not in front.detail + titles.detail  # doctor shows no title
    assert not idle.ok  # no Wayland client, no screensaver service on this bus
    assert not lock.ok


def test_doctor_without_kwin_says_how_to_fix_it(bus: PrivateBus) -> None:
    x11 = FakeProbe(Foreground("xterm", "an X11 window", 5))
    probe = make_probe(bus, fallback=x11)
    try:
        front, titles, _, _ = probe.diagnose()
    finally:
        probe.close()
    assert not front.ok and not titles.ok
    assert "org.kde.KWin" in front.detail  # the bus's own words: nobody owns that name
    assert "is this a KDE Plasma session? Start socialtime inside it" in front.detail
    assert front.detail.endswith("Meanwhile only X11 apps (under XWayland) are seen")


def test_doctor_when_the_script_never_calls(
    bus: PrivateBus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kde, "READY_WAIT", 0.3)
    kwin = FakeKWin(bus)  # loads the script, which never calls
    probe = make_probe(bus)
    try:
        front = probe.diagnose()[0]
    finally:
        probe.close()
        kwin.close()
    assert not front.ok
    assert f"KWin loaded the script {plugin_name()} but it did not call back within 0.3 s" in (
        front.detail
    )


# --- idle time over Wayland --------------------------------------------------------------------

ENV = {"WAYLAND_DISPLAY": "wayland-k", "XDG_RUNTIME_DIR": "/run/user/1000"}


def no_bus(address: str) -> Any:
    raise dbusio.BusError("no bus here")


def test_doctor_when_kwin_offers_no_idle_protocol(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wayland_client, "CONNECT_WAIT", 0.0)
    compositor = FakeCompositor(globals=[("wl_seat", 7)])
    client = WaylandClient(ENV, idle_timeout=lambda: 60, windows=False, connect=compositor.connect)
    probe = KdeProbe("unix:path=/nonexistent", connect=no_bus, wayland_idle=client)
    try:
        client.poll()
        for _ in range(4):
            compositor.pump()
            client.poll()
        assert client.ready and not client.sees_idle
        assert probe.idle_seconds() is None
        detail = probe._idle_detail(None)
    finally:
        probe.close()
        compositor.close()
    assert detail.startswith("KWin offers neither ext-idle-notify-v1 nor org_kde_kwin_idle")


def test_doctor_when_the_wayland_display_cannot_be_reached() -> None:
    def refuse(path: str, timeout: float) -> Any:
        raise wire.WireError(f"cannot connect to {path}: No such file or directory")

    client = WaylandClient(ENV, windows=False, connect=refuse)
    probe = KdeProbe("unix:path=/nonexistent", connect=no_bus, wayland_idle=client)
    idle = probe.diagnose()[2]
    probe.close()
    assert not idle.ok
    assert idle.detail.startswith(
        "the Wayland display cannot be reached (cannot connect to /run/user/1000/wayland-k"
    )
    assert "where WAYLAND_DISPLAY and XDG_RUNTIME_DIR are set" in idle.detail
