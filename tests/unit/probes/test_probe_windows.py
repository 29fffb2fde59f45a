"""The Windows probe on Linux: its logic on a fake Win32 API, its ctypes calls on a fake windll."""

from __future__ import annotations

import ctypes
from types import SimpleNamespace
from typing import Any

import pytest

from socialtime.probes import PROBE_CHECKS
from socialtime.probes.base import Foreground
from socialtime.probes.windows import (
    PBT_APMRESUMEAUTOMATIC,
    PBT_APMRESUMESUSPEND,
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    WTS_SESSION_UNLOCK,
    WinApi,
    WindowsProbe,
    idle_ms,
    session_event,
)

CHROME = r"C:\Program Files\Google\Chrome\Application\chrome.exe"
FRAME_HOST = r"C:\Windows\System32\ApplicationFrameHost.exe"
WHATSAPP = r"C:\Program Files\WindowsApps\5319275A.WhatsAppDesktop_2.2\WhatsApp.exe"


class FakeApi:
    """A desktop described by dicts: windows (hwnd -> (title, pid)), processes (pid -> path)."""

    def __init__(self) -> None:
        self.front = 0
        self.windows: dict[int, tuple[str, int]] = {}
        self.children: dict[int, list[int]] = {}
        self.paths: dict[int, str | None] = {}
        self.now_tick = 0
        self.last_tick: int | None = 0
        self.registered: list[int] = []
        self.fail: BaseException | None = None

    def foreground_window(self) -> int:
        if self.fail is not None:
            raise self.fail
        return self.front

    def window_text(self, hwnd: int) -> str:
        return self.windows[hwnd][0]

    def window_pid(self, hwnd: int) -> int:
        return self.windows[hwnd][1]

    def child_windows(self, hwnd: int) -> list[int]:
        return self.children.get(hwnd, [])

    def image_path(self, pid: int) -> str | None:
        return self.paths.get(pid)

    def last_input_tick(self) -> int | None:
        return self.last_tick

    def tick_count(self) -> int:
        return self.now_tick

    def register_session_notification(self, hwnd: int) -> bool:
        self.registered.append(hwnd)
        return True


def make(names: dict[int, str] | None = None) -> tuple[WindowsProbe, FakeApi]:
    api = FakeApi()
    return WindowsProbe(api, process_name=lambda pid: (names or {}).get(pid, "")), api


def test_foreground_window_title_and_executable_name() -> None:
    probe, api = make()
    api.front, api.windows[0x10], api.paths[42] = 0x10, ("(3) Facebook - Google Chrome", 42), CHROME
    assert probe.foreground() == Foreground("chrome.exe", "(3) Facebook - Google Chrome", 42)


def test_zero_handle_is_nothing_in_front() -> None:
    """A UAC prompt or the lock screen: GetForegroundWindow gives 0."""
    probe, api = make()
    api.front = 0
    assert probe.foreground() is None


def test_uwp_app_is_resolved_to_its_child_window() -> None:
    probe, api = make()
    api.front = 0x100
    api.windows[0x100] = ("WhatsApp", 10)  # the frame, owned by ApplicationFrameHost.exe
    api.windows[0x101] = ("", 10)  # the host's own child (title bar)
    api.windows[0x102] = ("WhatsApp", 20)  # the app's CoreWindow
    api.children[0x100] = [0x101, 0x102]
    api.paths.update({10: FRAME_HOST, 20: WHATSAPP})
    assert probe.foreground() == Foreground("WhatsApp.exe", "WhatsApp", 20)


def test_uwp_frame_without_app_child_stays_the_host() -> None:
    """A suspended UWP app has no child of its own: the host is all we can tell."""
    probe, api = make()
    api.front, api.windows[0x100], api.paths[10] = 0x100, ("Settings", 10), FRAME_HOST
    api.children[0x100] = []
    assert probe.foreground() == Foreground("ApplicationFrameHost.exe", "Settings", 10)


def test_psutil_is_the_fallback_for_the_process_name() -> None:
    probe, api = make(names={7: "Discord.exe"})
    api.front, api.windows[0x10], api.paths[7] = 0x10, ("Discord", 7), None
    assert probe.foreground() == Foreground("Discord.exe", "Discord", 7)


def test_a_failing_call_is_nothing_this_tick() -> None:
    probe, api = make()
    api.fail = OSError("access denied")
    assert probe.foreground() is None
    api.fail = ctypes.ArgumentError("bad handle")
    assert probe.foreground() is None


@pytest.mark.parametrize(
    ("now", "last", "expected_ms"),
    [
        (10_000, 4_000, 6_000),
        (4_000, 4_000, 0),
        (5, 2**32 - 995, 1_000),  # GetTickCount wrapped after 49.7 days
        (0, 2**32 - 1, 1),
        (2**32 - 1, 0, 2**32 - 1),
    ],
)
def test_idle_across_the_32_bit_wrap(now: int, last: int, expected_ms: int) -> None:
    assert idle_ms(now, last) == expected_ms
    probe, api = make()
    api.now_tick, api.last_tick = now, last
    assert probe.idle_seconds() == expected_ms / 1000


def test_idle_unknown_when_last_input_info_fails() -> None:
    probe, api = make()
    api.last_tick = None
    assert probe.idle_seconds() is None


@pytest.mark.parametrize(
    ("msg", "wparam", "event"),
    [
        (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, "locked"),
        (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK, "unlocked"),
        (WM_WTSSESSION_CHANGE, 0x1, None),  # console connect: not a lock change
        (WM_POWERBROADCAST, PBT_APMSUSPEND, "suspend"),
        (WM_POWERBROADCAST, PBT_APMRESUMESUSPEND, "resume"),
        (WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC, "resume"),
        (WM_POWERBROADCAST, 0xA, None),  # PBT_APMPOWERSTATUSCHANGE
        (0x0010, WTS_SESSION_LOCK, None),  # WM_CLOSE
    ],
)
def test_session_event_decoding(msg: int, wparam: int, event: str | None) -> None:
    assert session_event(msg, wparam) == event


def test_lock_and_suspend_fed_by_window_messages() -> None:
    probe, api = make()
    assert probe.locked() is None  # nothing fed yet: cannot tell
    assert probe.watch_session(0xABC)
    assert api.registered == [0xABC]
    assert probe.locked() is False
    assert probe.handle_message(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    assert probe.locked() is True
    probe.handle_message(WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK)
    assert probe.locked() is False
    probe.handle_message(WM_POWERBROADCAST, PBT_APMSUSPEND)
    assert probe.session.suspended
    assert probe.locked() is True
    probe.handle_message(WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC)
    assert probe.locked() is False
    assert not probe.handle_message(0x0010, 0)


def test_a_lock_between_two_ticks_still_counts_once() -> None:
    probe, _ = make()
    probe.watch_session(1)
    assert probe.locked() is False
    probe.handle_message(WM_POWERBROADCAST, PBT_APMSUSPEND)
    probe.handle_message(WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC)
    assert probe.locked() is True  # the tick after the wake-up records nothing
    assert probe.locked() is False


def test_diagnose() -> None:
    probe, api = make()
    api.front, api.windows[0x10], api.paths[42] = 0x10, ("x", 42), CHROME
    checks = probe.diagnose()
    assert [c.name for c in checks] == list(PROBE_CHECKS)
    assert [c.ok for c in checks] == [True, True, True, False]
    assert "tray app" in checks[3].detail
    probe.watch_session(1)
    assert probe.diagnose()[3].ok


# --- WinApi's ctypes calls, against a fake windll ---------------------------------------------


def _value(arg: Any) -> Any:
    return arg.value if isinstance(arg, ctypes.c_void_p) else arg


def plain(method: Any) -> Any:
    """A function object (unlike a bound method, it takes attributes such as `restype`)."""
    return lambda *args: method(*args)


class FakeWindll:
    """user32/kernel32/wtsapi32 functions that behave like Win32 on ctypes arguments."""

    def __init__(self) -> None:
        self.titles = {0x10: "Café — Facebook", 0x20: ""}
        self.pids = {0x10: 42, 0x20: 43}
        self.children = {0x10: [0x11, 0x12]}
        self.paths = {42: CHROME}
        self.handles: list[int] = []
        self.closed: list[int] = []
        self.last_input = 2**32 - 5
        self.tick = 7
        self.front = 0x10
        user32 = SimpleNamespace(
            GetForegroundWindow=plain(self.GetForegroundWindow),  # WinApi sets restype
            GetWindowTextLengthW=lambda h: len(self.titles[_value(h)]),
            GetWindowTextW=self.GetWindowTextW,
            GetWindowThreadProcessId=self.GetWindowThreadProcessId,
            EnumChildWindows=self.EnumChildWindows,
            GetLastInputInfo=self.GetLastInputInfo,
        )
        kernel32 = SimpleNamespace(
            OpenProcess=plain(self.OpenProcess),
            QueryFullProcessImageNameW=self.QueryFullProcessImageNameW,
            CloseHandle=lambda h: self.closed.append(_value(h)) or 1,
            GetTickCount=lambda: self.tick,
        )
        wtsapi32 = SimpleNamespace(WTSRegisterSessionNotification=lambda h, flags: 1)
        self.user32, self.kernel32, self.wtsapi32 = user32, kernel32, wtsapi32

    def GetForegroundWindow(self) -> int | None:
        return self.front or None  # restype c_void_p gives None for NULL

    def GetWindowTextW(self, hwnd: Any, buf: Any, size: int) -> int:
        text = self.titles[_value(hwnd)][: size - 1]
        buf.value = text
        return len(text)

    def GetWindowThreadProcessId(self, hwnd: Any, pid_ref: Any) -> int:
        pid_ref._obj.value = self.pids.get(_value(hwnd), 0)
        return 1

    def EnumChildWindows(self, hwnd: Any, callback: Any, lparam: int) -> int:
        for child in self.children.get(_value(hwnd), []):
            if not callback(child, lparam):
                break
        return 1

    def GetLastInputInfo(self, ref: Any) -> int:
        info = ref._obj
        assert info.cbSize == 8  # sizeof(LASTINPUTINFO)
        info.dwTime = self.last_input
        return 1

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int | None:
        assert access == 0x1000  # PROCESS_QUERY_LIMITED_INFORMATION
        if pid not in self.paths:
            return None
        self.handles.append(pid + 1000)
        return pid + 1000

    def QueryFullProcessImageNameW(self, handle: Any, flags: int, buf: Any, size_ref: Any) -> int:
        path = self.paths[_value(handle) - 1000]
        buf.value = path
        size_ref._obj.value = len(path)
        return 1


def test_winapi_marshalling_with_a_fake_windll() -> None:
    dll = FakeWindll()
    api = WinApi(dll)
    assert api.foreground_window() == 0x10
    assert api.window_text(0x10) == "Café — Facebook"
    assert api.window_text(0x20) == ""
    assert api.window_pid(0x10) == 42
    assert api.child_windows(0x10) == [0x11, 0x12]
    assert api.image_path(42) == CHROME
    assert dll.closed == dll.handles == [1042]  # every opened handle is closed
    assert api.image_path(99) is None
    assert idle_ms(api.tick_count(), api.last_input_tick() or 0) == 12
    assert api.register_session_notification(0x10)
    dll.front = 0
    assert api.foreground_window() == 0


def test_winapi_does_not_touch_windll_until_called() -> None:
    WinApi()  # on Linux ctypes.windll does not exist: constructing must not look for it
    with pytest.raises(AttributeError):
        WinApi().foreground_window()
