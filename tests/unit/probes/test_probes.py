"""Probe factory and X11 probe logic, without an X server (a fake python-xlib display)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from types import SimpleNamespace
from typing import Any

import psutil
import pytest
from Xlib import X, Xatom
from Xlib import error as xerror
from Xlib.ext import screensaver

from socialtime.probes import PROBE_CHECKS, Foreground, UnsupportedProbe, make_probe
from socialtime.probes.session import LockAwareProbe
from socialtime.probes.x11 import NAME_TTL, RECONNECT_AFTER, X11Probe, process_name

UTF8_STRING = 500  # an atom number the fake server hands out for "UTF8_STRING"


def bad_window() -> xerror.BadWindow:
    """The error python-xlib raises when a window was destroyed before our request."""
    no_resources = SimpleNamespace(get_resource_class=lambda name: None)
    return xerror.BadWindow(no_resources, bytes([0, X.BadWindow]) + bytes(30))


# --- a fake python-xlib display: only what X11Probe uses ----------------------------------


class Prop:
    """A GetProperty reply as python-xlib returns it."""

    def __init__(self, value: Any, fmt: int, property_type: int, bytes_after: int = 0) -> None:
        self.value, self.format, self.property_type = value, fmt, property_type
        self.bytes_after = bytes_after


class FakeWindow:
    def __init__(self, dpy: FakeDisplay, wid: int) -> None:
        self.dpy, self.id = dpy, wid

    def get_property(self, atom: int, ptype: int, offset: int, length: int) -> Prop | None:
        self.dpy.requests += 1
        if self.dpy.broken is not None:
            raise self.dpy.broken
        if self.id in self.dpy.destroyed:
            raise bad_window()
        prop = self.dpy.props.get(self.id, {}).get(atom)
        if prop is None:
            return None
        if ptype not in (X.AnyPropertyType, prop.property_type):  # a server sends no data then
            return Prop(b"" if prop.format == 8 else [], prop.format, prop.property_type)
        return prop

    def screensaver_query_info(self) -> Any:
        self.dpy.requests += 1
        if self.dpy.broken is not None:
            raise self.dpy.broken
        return SimpleNamespace(idle=self.dpy.idle_ms, state=self.dpy.saver_state)


class FakeDisplay:
    ROOT = 0x100

    def __init__(self) -> None:
        self.atoms: dict[str, int] = {"UTF8_STRING": UTF8_STRING}
        self.props: dict[int, dict[int, Prop]] = {}
        self.destroyed: set[int] = set()
        self.broken: BaseException | None = None
        self.closed = False
        self.saver = True
        self.idle_ms = 0
        self.saver_state = screensaver.StateOff
        self.requests = 0

    def intern_atom(self, name: str) -> int:
        predefined = getattr(Xatom, name, None)
        if isinstance(predefined, int):
            return predefined
        return self.atoms.setdefault(name, 600 + len(self.atoms))

    def screen(self) -> Any:
        return SimpleNamespace(root=FakeWindow(self, self.ROOT))

    def create_resource_object(self, kind: str, wid: int) -> FakeWindow:
        assert kind == "window"
        return FakeWindow(self, wid)

    def has_extension(self, name: str) -> bool:
        return self.saver and name == "MIT-SCREEN-SAVER"

    def close(self) -> None:
        self.closed = True

    # helpers for tests
    def set(self, wid: int, name: str, value: Any, ptype: str | int = "STRING") -> None:
        ptype = ptype if isinstance(ptype, int) else self.intern_atom(ptype)
        fmt = 8 if isinstance(value, bytes) else 32
        value = value if fmt == 8 else list(value)
        self.props.setdefault(wid, {})[self.intern_atom(name)] = Prop(value, fmt, ptype)

    def add_window(
        self, wid: int, *, pid: int | None = None, net_name: bytes | None = None, **props: bytes
    ) -> None:
        if pid is not None:
            self.set(wid, "_NET_WM_PID", [pid], "CARDINAL")
        if net_name is not None:
            self.set(wid, "_NET_WM_NAME", net_name, "UTF8_STRING")
        for name, value in props.items():
            self.set(wid, name, value)

    def activate(self, wid: int) -> None:
        self.set(self.ROOT, "_NET_ACTIVE_WINDOW", [wid], "WINDOW")

    def run_wm(self, name: bytes = b"Openbox") -> None:
        check = 0x999
        self.set(self.ROOT, "_NET_SUPPORTING_WM_CHECK", [check], "WINDOW")
        self.set(check, "_NET_WM_NAME", name, "UTF8_STRING")
        self.set(self.ROOT, "_NET_SUPPORTED", [self.intern_atom("_NET_ACTIVE_WINDOW")], "ATOM")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_x11(
    dpy: FakeDisplay | None = None, names: dict[int, str] | None = None, **kwargs: Any
) -> tuple[X11Probe, FakeDisplay, Clock, list[int]]:
    """An X11Probe wired to a fake display, a fake clock and a recording process-name lookup."""
    dpy = dpy or FakeDisplay()
    clock = Clock()
    looked_up: list[int] = []
    names = names if names is not None else {}

    def lookup(pid: int) -> str:
        looked_up.append(pid)
        return names.get(pid, "")

    probe = X11Probe(
        ":7", open_display=lambda name: dpy, process_name=lookup, clock=clock, **kwargs
    )
    return probe, dpy, clock, looked_up


# --- the factory ------------------------------------------------------------------------


def test_no_display_gives_an_honest_unsupported_probe() -> None:
    probe = make_probe("linux", {})
    assert isinstance(probe, UnsupportedProbe)
    assert probe.foreground() is None
    assert probe.idle_seconds() is None
    assert probe.locked() is None
    checks = probe.diagnose()
    assert [c.name for c in checks] == list(PROBE_CHECKS)
    assert not any(c.ok for c in checks)
    assert all("set DISPLAY" in c.detail for c in checks)
    probe.close()


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"DISPLAY": ""}, "no X display: set DISPLAY"),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, "Wayland without XWayland"),
        ("linux", {"XDG_SESSION_TYPE": "wayland"}, "Wayland without XWayland"),
        ("emscripten", {"DISPLAY": ":0"}, "not supported"),
    ],
)
def test_unsupported_cases_say_why(platform: str, environ: dict[str, str], expected: str) -> None:
    probe = make_probe(platform, environ)
    assert isinstance(probe, UnsupportedProbe)
    assert expected in probe.diagnose()[0].detail


def test_doctor_explains_in_french(french: None) -> None:
    """The line names and the advice are French; the names stay English keys underneath."""
    checks = make_probe("linux", {}).diagnose()
    assert [c.name for c in checks] == list(PROBE_CHECKS)
    assert [c.label for c in checks] == [
        "fenêtre au premier plan",
        "titres des fenêtres",
        "absence de saisie",
        "verrouillage de l'écran",
    ]
    assert checks[0].detail.startswith("pas d'affichage X\u00a0: définissez DISPLAY")
    wayland = make_probe("linux", {"WAYLAND_DISPLAY": "wayland-0"}).diagnose()[0].detail
    assert "«\u00a0GNOME sur Xorg\u00a0»" in wayland
    assert "inactivit" not in wayland  # idle is never "inactivity"


def x11_inside(probe: object) -> X11Probe:
    """The X11 probe that make_probe wrapped so that D-Bus lock and suspend count."""
    assert isinstance(probe, LockAwareProbe), probe
    assert isinstance(probe.inner, X11Probe), probe.inner
    return probe.inner


@pytest.mark.parametrize("platform", ["linux", "freebsd14", "openbsd7"])
def test_display_gives_x11_probe_without_connecting(platform: str) -> None:
    probe = x11_inside(make_probe(platform, {"DISPLAY": ":4242"}))
    assert probe.display == ":4242"
    assert not probe.wayland
    assert not probe.connected


def test_wayland_with_display_is_xwayland() -> None:
    probe = x11_inside(make_probe("linux", {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}))
    assert probe.wayland


def test_default_environ_is_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    assert isinstance(make_probe("linux"), UnsupportedProbe)
    monkeypatch.setenv("DISPLAY", ":4242")
    x11_inside(make_probe("linux"))


def test_missing_xlib_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "socialtime.probes.x11", None)  # makes the import fail
    probe = make_probe("linux", {"DISPLAY": ":0"})
    assert isinstance(probe, UnsupportedProbe)
    assert "pip install python-xlib" in probe.diagnose()[0].detail


def test_importing_probe_modules_does_nothing() -> None:
    """No display opened, no Xlib loaded by the package, no delay: even with a bogus DISPLAY."""
    code = (
        "import sys\n"
        "import socialtime.probes\n"
        "assert 'Xlib' not in sys.modules, 'the package imported Xlib'\n"
        "import socialtime.probes.base, socialtime.probes.unsupported, socialtime.probes.x11\n"
        "assert 'Xlib.display' not in sys.modules, 'x11 imported Xlib.display'\n"
        "p = socialtime.probes.make_probe('linux')\n"
        "assert not p.inner.connected\n"
    )
    env = {**os.environ, "DISPLAY": "bogus.invalid:99", "XAUTHORITY": "/nonexistent"}
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - start < 10


# --- X11Probe against a fake display ------------------------------------------------------


def test_utf8_in_string_typed_net_wm_name() -> None:
    """xdotool and old toolkits store UTF-8 bytes with type STRING: decode them as UTF-8."""
    probe, dpy, _, _ = make_x11(names={42: "firefox"})
    dpy.add_window(7, pid=42)
    dpy.set(7, "_NET_WM_NAME", "Café — Facebook ✓".encode(), "STRING")
    dpy.activate(7)
    assert probe.foreground() == probe.foreground()
    fg = probe.foreground()
    assert fg is not None
    assert (fg.process, fg.title, fg.pid) == ("firefox", "Café — Facebook ✓", 42)


def test_net_wm_name_wins_over_mojibake_wm_name() -> None:
    title = "Café — Facebook ✓"
    probe, dpy, _, _ = make_x11()
    mojibake = title.encode().decode("latin-1").encode()  # what xdotool leaves in WM_NAME
    dpy.add_window(7, pid=42, net_name=title.encode(), WM_NAME=mojibake)
    dpy.activate(7)
    fg = probe.foreground()
    assert fg is not None and fg.title == title


@pytest.mark.parametrize(
    ("wm_name", "expected"),
    [
        ("Café — Mozilla Firefox".encode(), "Café — Mozilla Firefox"),  # UTF-8 bytes
        ("Caf\xe9 Facebook".encode("latin-1"), "Café Facebook"),  # ICCCM latin-1
        (b"xterm\0", "xterm"),
    ],
)
def test_falls_back_to_wm_name(wm_name: bytes, expected: str) -> None:
    probe, dpy, _, _ = make_x11()
    dpy.add_window(7, pid=42, WM_NAME=wm_name)
    dpy.activate(7)
    fg = probe.foreground()
    assert fg is not None and fg.title == expected


def test_invalid_utf8_in_net_wm_name_is_replaced_not_raised() -> None:
    probe, dpy, _, _ = make_x11()
    dpy.add_window(7, pid=42, net_name=b"Face\xffbook \xe2\x80")
    dpy.activate(7)
    fg = probe.foreground()
    assert fg is not None and fg.title == "Face\ufffdbook \ufffd"


def test_window_without_title() -> None:
    probe, dpy, _, _ = make_x11(names={42: "firefox"})
    dpy.add_window(7, pid=42)
    dpy.activate(7)
    assert probe.foreground() == probe.foreground()
    fg = probe.foreground()
    assert fg is not None and (fg.title, fg.process) == ("", "firefox")


@pytest.mark.parametrize("active", [None, [0], []])
def test_nothing_in_front(active: list[int] | None) -> None:
    probe, dpy, _, _ = make_x11()
    if active is not None:
        dpy.set(FakeDisplay.ROOT, "_NET_ACTIVE_WINDOW", active, "WINDOW")
    assert probe.foreground() is None


def test_window_closed_meanwhile_gives_none_then_recovers() -> None:
    probe, dpy, _, _ = make_x11(names={42: "chromium"})
    dpy.add_window(7, pid=42, net_name=b"Facebook - Chromium")
    dpy.activate(7)
    dpy.destroyed.add(7)
    assert probe.foreground() is None
    assert probe.connected  # a BadWindow does not break the connection
    dpy.destroyed.clear()
    fg = probe.foreground()
    assert fg is not None and fg.process == "chromium"


def test_missing_pid_falls_back_to_wm_class() -> None:
    probe, dpy, _, looked_up = make_x11()
    dpy.add_window(7, net_name=b"(3) Facebook", WM_CLASS=b"Navigator\0Firefox-esr\0")
    dpy.add_window(8, net_name=b"no class")
    dpy.activate(7)
    assert probe.foreground() == Foreground("firefox-esr", "(3) Facebook", None)
    dpy.activate(8)
    fg = probe.foreground()
    assert fg is not None and (fg.process, fg.pid) == ("", None)
    assert looked_up == []


def test_process_name_is_cached_per_window_and_pid() -> None:
    probe, dpy, clock, looked_up = make_x11(names={42: "firefox", 43: "chromium"})
    dpy.add_window(7, pid=42)
    dpy.add_window(8, pid=43)
    dpy.activate(7)
    for _ in range(3):
        probe.foreground()
    dpy.activate(8)
    probe.foreground()
    assert looked_up == [42, 43]
    clock.now += NAME_TTL + 1
    dpy.activate(7)
    probe.foreground()
    assert looked_up == [42, 43, 42]


def fake_proc(tmp_path, pid: int, comm: bytes, cmdline: bytes | None = None):
    (tmp_path / str(pid)).mkdir()
    (tmp_path / str(pid) / "comm").write_bytes(comm)
    if cmdline is not None:
        (tmp_path / str(pid) / "cmdline").write_bytes(cmdline)
    return tmp_path


@pytest.mark.parametrize(
    ("comm", "cmdline", "expected"),
    [
        (b"firefox-esr\n", b"/usr/lib/firefox-esr/firefox-esr\0--new-window\0", "firefox-esr"),
        # cut at 15 bytes by the kernel, completed from the command line as psutil does
        (b"WebKitWebProces\n", b"/usr/libexec/WebKitWebProcess\x0012\0", "WebKitWebProcess"),
        # cut, and the command line says something else (a renamed process): the cut name
        (b"abcdefghijklmno\n", b"/usr/bin/python3\0x.py\0", "abcdefghijklmno"),
        (b"abcdefghijklmno\n", None, "abcdefghijklmno"),  # no command line to read
        (b"caf\xc3\xa9\n", b"", "caf\u00e9"),
    ],
)
def test_process_name_from_proc(tmp_path, comm, cmdline, expected) -> None:
    assert process_name(42, fake_proc(tmp_path, 42, comm, cmdline)) == expected


def test_process_name_of_a_process_gone_or_not_ours(tmp_path) -> None:
    assert process_name(42, tmp_path) == ""  # no /proc/42
    assert process_name(0, tmp_path) == ""
    assert process_name(-1) == ""


def test_process_name_real() -> None:
    """The same answer as psutil, which the tray no longer imports for this."""
    assert process_name(os.getpid()) == psutil.Process().name()
    assert process_name(2**22 + 12345) == ""  # above Linux's pid_max
    for pid in psutil.pids()[:50]:
        with contextlib.suppress(psutil.Error):
            assert process_name(pid) in (psutil.Process(pid).name(), "")


def test_request_count_per_tick() -> None:
    """foreground() + idle_seconds() cost 4 round trips once the process name is cached."""
    probe, dpy, _, _ = make_x11(names={42: "firefox"})
    dpy.add_window(7, pid=42, net_name=b"Facebook")
    dpy.activate(7)
    probe.foreground()
    dpy.requests = 0
    probe.foreground()
    probe.idle_seconds()
    assert dpy.requests == 4


def test_idle_and_lock() -> None:
    probe, dpy, _, _ = make_x11()
    dpy.idle_ms = 12_500
    assert probe.idle_seconds() == 12.5
    assert probe.locked() is False
    dpy.saver_state = screensaver.StateOn
    assert probe.locked() is True


def test_no_screensaver_extension() -> None:
    dpy = FakeDisplay()
    dpy.saver = False
    dpy.run_wm()
    probe, _, _, _ = make_x11(dpy)
    assert probe.idle_seconds() is None
    assert probe.locked() is None
    checks = {c.name: c for c in probe.diagnose()}
    assert checks["foreground window"].ok
    assert not checks["idle time"].ok
    assert "MIT-SCREEN-SAVER" in checks["idle time"].detail


def test_cannot_open_display() -> None:
    opened: list[str | None] = []

    def refuse(name: str | None) -> Any:
        opened.append(name)
        raise xerror.DisplayConnectionError(name, "Connection refused")

    clock = Clock()
    probe = X11Probe(":7", open_display=refuse, clock=clock)
    assert probe.foreground() is None
    assert probe.idle_seconds() is None
    assert probe.locked() is None
    assert opened == [":7"]  # not retried at every call
    clock.now += RECONNECT_AFTER
    assert probe.foreground() is None
    assert opened == [":7", ":7"]
    checks = probe.diagnose()
    assert [c.name for c in checks] == list(PROBE_CHECKS)
    assert not any(c.ok for c in checks)
    assert "cannot open X display ':7'" in checks[0].detail
    assert "check DISPLAY" in checks[0].detail


def test_reconnects_after_the_connection_is_lost() -> None:
    displays = [FakeDisplay(), FakeDisplay()]
    for dpy in displays:
        dpy.add_window(7, pid=42, net_name=b"Facebook")
        dpy.activate(7)
    pending = list(displays)
    clock = Clock()
    probe = X11Probe(":7", open_display=lambda name: pending.pop(0), clock=clock)
    assert probe.foreground() is not None
    displays[0].broken = xerror.ConnectionClosedError("server")
    assert probe.foreground() is None
    assert displays[0].closed and not probe.connected
    assert probe.idle_seconds() is None  # too early to retry
    clock.now += RECONNECT_AFTER
    fg = probe.foreground()
    assert fg is not None and fg.title == "Facebook"
    assert probe.connected and not pending


def test_close_then_reuse() -> None:
    displays = [FakeDisplay(), FakeDisplay()]
    probe = X11Probe(":7", open_display=lambda name: displays.pop(0), clock=Clock())
    probe.idle_seconds()
    probe.close()
    assert not probe.connected
    probe.close()  # twice is fine
    assert probe.idle_seconds() == 0.0
    assert not displays


def test_diagnose_ok() -> None:
    dpy = FakeDisplay()
    dpy.run_wm(b"Openbox")
    dpy.idle_ms = 3000
    probe, _, _, _ = make_x11(dpy)
    checks = probe.diagnose()
    assert [c.name for c in checks] == list(PROBE_CHECKS)
    assert all(c.ok for c in checks), checks
    assert "Openbox" in checks[0].detail
    assert "3 s idle" in checks[2].detail


def test_diagnose_without_ewmh_window_manager() -> None:
    probe, _, _, _ = make_x11()
    checks = {c.name: c for c in probe.diagnose()}
    assert not checks["foreground window"].ok
    assert "EWMH" in checks["foreground window"].detail
    assert not checks["window titles"].ok


def test_diagnose_warns_under_xwayland() -> None:
    dpy = FakeDisplay()
    dpy.run_wm(b"GNOME Shell")
    probe, _, _, _ = make_x11(dpy, wayland=True)
    checks = {c.name: c for c in probe.diagnose()}
    assert not checks["foreground window"].ok
    assert "native Wayland apps are not" in checks["foreground window"].detail
