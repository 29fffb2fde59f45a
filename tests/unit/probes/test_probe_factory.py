"""Which probe make_probe picks for each platform and desktop; lock folding; imports do nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from fakes import FakeProbe

from socialtime.probes import UnsupportedProbe, make_probe
from socialtime.probes.base import Check
from socialtime.probes.gnome import GnomeProbe
from socialtime.probes.kde import KdeProbe
from socialtime.probes.macos import MacProbe
from socialtime.probes.session import LatchedLock, LockAwareProbe, SessionState
from socialtime.probes.wayland_client import WaylandClient
from socialtime.probes.windows import WindowsProbe
from socialtime.probes.wlroots import WlrootsProbe
from socialtime.probes.x11 import X11Probe

WAYLAND = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}


def inner(probe: object) -> object:
    assert isinstance(probe, LockAwareProbe), probe
    return probe.inner


def test_windows_and_macos() -> None:
    assert isinstance(make_probe("win32", {}), WindowsProbe)
    assert isinstance(make_probe("cygwin", {}), WindowsProbe)
    assert isinstance(make_probe("darwin", {"DISPLAY": ":0"}), MacProbe)


@pytest.mark.parametrize("desktop", ["GNOME", "ubuntu:GNOME", "GNOME-Classic:GNOME"])
def test_gnome_wayland_with_xwayland_fallback(desktop: str) -> None:
    probe = inner(make_probe("linux", {**WAYLAND, "XDG_CURRENT_DESKTOP": desktop, "DISPLAY": ":0"}))
    assert isinstance(probe, GnomeProbe)
    assert isinstance(probe.fallback, X11Probe) and probe.fallback.wayland


def test_gnome_wayland_without_xwayland() -> None:
    probe = inner(make_probe("linux", {**WAYLAND, "XDG_CURRENT_DESKTOP": "GNOME"}))
    assert isinstance(probe, GnomeProbe) and probe.fallback is None


def test_kde_wayland() -> None:
    probe = inner(
        make_probe(
            "linux",
            {**WAYLAND, "XDG_CURRENT_DESKTOP": "KDE", "DISPLAY": ":1"},
            idle_threshold=lambda: 240,
        )
    )
    assert isinstance(probe, KdeProbe) and isinstance(probe.fallback, X11Probe)
    # Idle time over the Wayland idle protocol, for the idle setting; no window protocol.
    assert isinstance(probe.wayland_idle, WaylandClient)
    assert probe.wayland_idle.idle_timeout() == 240 and not probe.wayland_idle.windows
    assert not probe.wayland_idle.connected


@pytest.mark.parametrize(
    ("environ", "name"),
    [
        ({"SWAYSOCK": "/run/user/1000/sway-ipc.sock"}, "sway"),
        ({"XDG_CURRENT_DESKTOP": "Hyprland"}, "hyprland"),
    ],
)
def test_wlroots_with_and_without_xwayland(environ: dict[str, str], name: str) -> None:
    probe = inner(make_probe("linux", {**WAYLAND, **environ, "DISPLAY": ":0"}))
    assert isinstance(probe, WlrootsProbe) and isinstance(probe.fallback, X11Probe)
    assert probe.compositor == name and not probe.client.connected
    assert probe.client.idle_timeout() == 180  # the default idle setting
    # sway tells pids over its IPC socket; the others do not.
    assert (probe.pids is not None) == ("SWAYSOCK" in environ)
    alone = inner(make_probe("linux", {**WAYLAND, **environ}, idle_threshold=lambda: 30))
    assert isinstance(alone, WlrootsProbe) and alone.fallback is None
    assert alone.client.idle_timeout() == 30


def test_x11_session_on_a_gnome_desktop_is_plain_x11() -> None:
    probe = inner(make_probe("linux", {"XDG_CURRENT_DESKTOP": "GNOME", "DISPLAY": ":0"}))
    assert isinstance(probe, X11Probe) and not probe.wayland


def test_a_broken_platform_module_is_an_honest_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "socialtime.probes.gnome", None)  # the import fails
    probe = make_probe("linux", {**WAYLAND, "XDG_CURRENT_DESKTOP": "GNOME"})
    assert isinstance(probe, UnsupportedProbe)
    assert "could not set up" in probe.reason


def test_wlroots_diagnose_says_what_is_missing(tmp_path) -> None:
    environ = {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)}
    checks = WlrootsProbe("sway", FakeProbe(), environ=environ).diagnose()
    front = next(c for c in checks if c.name == "foreground window")
    assert not front.ok
    assert "cannot reach the Wayland display" in front.detail and "XWayland" in front.detail
    assert str(tmp_path / "wayland-9") in front.detail


def test_importing_every_probe_module_does_nothing() -> None:
    """No thread, no connection, no platform binding loaded: even with buses and displays set."""
    code = textwrap.dedent(
        """
        import os, sys, threading
        import socialtime.probes as probes
        import socialtime.probes.base, socialtime.probes.unsupported, socialtime.probes.session
        import socialtime.probes.dbusio, socialtime.probes.dbus_session, socialtime.probes.gnome
        import socialtime.probes.kde, socialtime.probes.wlroots, socialtime.probes.windows
        import socialtime.probes.macos, socialtime.probes.x11, socialtime.probes.wayland_wire
        import socialtime.probes.wayland_client, socialtime.probes.sway_ipc
        import socialtime.probes.app_ids
        made = [
            probes.make_probe(platform, environ)
            for platform in ("linux", "win32", "darwin", "freebsd14")
            for environ in (
                {"DISPLAY": ":0"},
                {"WAYLAND_DISPLAY": "w", "XDG_CURRENT_DESKTOP": "GNOME", "DISPLAY": ":0"},
                {"WAYLAND_DISPLAY": "w", "XDG_CURRENT_DESKTOP": "KDE"},
                {"WAYLAND_DISPLAY": "w", "SWAYSOCK": "/x", "DISPLAY": ":0"},
                {"WAYLAND_DISPLAY": "w", "XDG_CURRENT_DESKTOP": "sway"},
            )
        ]
        assert threading.active_count() == 1, threading.enumerate()
        import socket
        opened = [n for n in os.listdir("/proc/self/fd") if os.path.islink(f"/proc/self/fd/{n}")
                  and os.readlink(f"/proc/self/fd/{n}").startswith("socket:")]
        assert not opened, opened
        loaded = {"jeepney", "Xlib.display", "objc", "AppKit", "Foundation", "Quartz",
                  "ApplicationServices"} & set(sys.modules)
        assert not loaded, loaded
        print(len(made))
        """
    )
    env = {
        **os.environ,
        "DISPLAY": "bogus.invalid:99",
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus",
        "DBUS_SYSTEM_BUS_ADDRESS": "unix:path=/nonexistent/system",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "20"


# --- folding lock and suspend into locked() -----------------------------------------------------


class FakeWatcher:
    def __init__(self) -> None:
        self.state = SessionState()
        self.started = 0
        self.closed = 0

    @property
    def events(self) -> int:
        return self.state.events

    def locked(self) -> bool | None:
        return self.state.locked()

    def start(self) -> None:
        self.started += 1

    def diagnose(self) -> Check:
        return Check("screen lock", True, "logind")

    def close(self) -> None:
        self.closed += 1


def test_session_state_sources() -> None:
    state = SessionState()
    assert state.locked() is None
    state.set("sleep", False)
    assert state.locked() is None  # suspend known, lock unknown
    state.set("screensaver", False)
    assert state.locked() is False
    state.set("session lock", True)
    assert state.locked() is True and state.events == 1
    state.set("session lock", True)  # no new period
    assert state.events == 1
    state.set("session lock", None)
    state.apply("suspend")
    assert state.suspended and state.locked() is True and state.events == 2
    state.apply("resume")
    assert state.locked() is False


def test_latched_lock_sees_a_period_that_already_ended() -> None:
    state = SessionState()
    state.set("lock", False)
    latch = LatchedLock(state)
    assert latch() is False
    state.apply("locked")
    state.apply("unlocked")
    assert latch() is True
    assert latch() is False


@pytest.mark.parametrize(
    ("session", "own", "expected"),
    [
        (None, None, None),
        (None, False, False),
        (None, True, True),
        (False, None, False),
        (False, True, True),
        (True, False, True),
    ],
)
def test_lock_aware_probe_combines(session: bool | None, own: bool | None, expected: bool | None):
    watcher = FakeWatcher()
    if session is not None:
        watcher.state.set("lock", session)
    fake = FakeProbe()
    fake.lock = own
    probe = LockAwareProbe(fake, watcher)
    assert probe.locked() is expected
    assert watcher.started == 1
    probe.close()
    assert watcher.closed == 1


def test_lock_aware_probe_diagnose_adds_the_session_line() -> None:
    probe = LockAwareProbe(FakeProbe(), FakeWatcher())
    assert probe.diagnose()[-1] == Check("screen lock", True, "logind")
    x11 = X11Probe(":1", open_display=lambda name: (_ for _ in ()).throw(OSError("no X")))
    checks = LockAwareProbe(x11, FakeWatcher()).diagnose()
    lock = next(c for c in checks if c.name == "screen lock")
    assert lock == Check("screen lock", True, "logind")  # the watcher's line replaces X's failure
