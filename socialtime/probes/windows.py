"""Windows probe (ctypes only): the foreground window, its title and process, idle time, lock.

Why these calls:
- GetForegroundWindow is the window receiving input. It is 0 while the secure desktop shows (a
  UAC prompt, Ctrl+Alt+Del, the lock screen): that is "nothing in front", not an error.
- The process name comes from OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION) and
  QueryFullProcessImageNameW, which work for elevated processes too, where psutil's fuller
  access is refused; psutil is the fallback.
- UWP apps (Mail, Photos, store apps) are hosted by ApplicationFrameHost.exe: the top-level
  window belongs to the host and the app's own window is a child with another pid, found with
  EnumChildWindows. The frame keeps the title.
- Idle: GetLastInputInfo gives the tick of the last input as a 32-bit DWORD and GetTickCount
  the current one; both wrap after 49.7 days, so the difference is taken modulo 2**32.
- Lock and suspend are not polled: they arrive as window messages (WM_WTSSESSION_CHANGE after
  WTSRegisterSessionNotification, WM_POWERBROADCAST) in the Qt window's nativeEvent. This module
  decodes them (`session_event`) into a SessionState that locked() reads; the UI forwards them.

Importing this module does nothing on any platform: `ctypes.windll` and `ctypes.wintypes` are
resolved inside WinApi's methods, and tests hand the probe a fake `api`.
"""

from __future__ import annotations

import ctypes
import ntpath
from collections.abc import Callable
from typing import Any, Protocol

from socialtime.base.i18n import format_number, translate
from socialtime.probes.base import (
    FOREGROUND_WINDOW,
    IDLE_TIME,
    SCREEN_LOCK,
    WINDOW_TITLES,
    Check,
    Foreground,
    process_name,
)
from socialtime.probes.session import LatchedLock, SessionEvent, SessionState

PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
FRAME_HOST = "applicationframehost.exe"
TITLE_MAX = 1024  # characters of title read; longer titles are truncated

# Window messages the UI forwards (see session_event) and their wParam codes.
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WTS_SESSION_UNLOCK = 0x8
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
PBT_APMRESUMESUSPEND = 0x7  # after a suspend, when a user caused the wake-up
PBT_APMRESUMEAUTOMATIC = 0x12  # after every wake-up
NOTIFY_FOR_THIS_SESSION = 0


def session_event(msg: int, wparam: int) -> SessionEvent | None:
    """Decode a window message into "locked", "unlocked", "suspend", "resume", or None."""
    if msg == WM_WTSSESSION_CHANGE:
        if wparam == WTS_SESSION_LOCK:
            return "locked"
        if wparam == WTS_SESSION_UNLOCK:
            return "unlocked"
    if msg == WM_POWERBROADCAST:
        if wparam == PBT_APMSUSPEND:
            return "suspend"
        if wparam in (PBT_APMRESUMESUSPEND, PBT_APMRESUMEAUTOMATIC):
            return "resume"
    return None


def idle_ms(now_tick: int, last_input_tick: int) -> int:
    """Milliseconds between two GetTickCount values, correct across the 2**32 wrap."""
    return (now_tick - last_input_tick) % 2**32


class Api(Protocol):
    """The Win32 calls the probe makes, one method each; WinApi is the real one."""

    def foreground_window(self) -> int: ...
    def window_text(self, hwnd: int) -> str: ...
    def window_pid(self, hwnd: int) -> int: ...
    def child_windows(self, hwnd: int) -> list[int]: ...
    def image_path(self, pid: int) -> str | None: ...
    def last_input_tick(self) -> int | None: ...
    def tick_count(self) -> int: ...
    def register_session_notification(self, hwnd: int) -> bool: ...


class WinApi:
    """The real calls through ctypes; user32/kernel32/wtsapi32 are loaded on first use."""

    def __init__(self, windll: Any = None) -> None:
        self._windll = windll

    @property
    def dll(self) -> Any:
        if self._windll is None:
            self._windll = ctypes.windll  # type: ignore[attr-defined]  # exists on Windows only
        return self._windll

    def foreground_window(self) -> int:
        user32 = self.dll.user32
        user32.GetForegroundWindow.restype = ctypes.c_void_p  # a handle: pointer-sized
        return int(user32.GetForegroundWindow() or 0)

    def window_text(self, hwnd: int) -> str:
        user32 = self.dll.user32
        length = min(int(user32.GetWindowTextLengthW(ctypes.c_void_p(hwnd))), TITLE_MAX)
        if length <= 0:
            return ""
        buf = ctypes.create_unicode_buffer(length + 1)
        user32.GetWindowTextW(ctypes.c_void_p(hwnd), buf, length + 1)
        return buf.value

    def window_pid(self, hwnd: int) -> int:
        pid = ctypes.c_ulong(0)
        self.dll.user32.GetWindowThreadProcessId(ctypes.c_void_p(hwnd), ctypes.byref(pid))
        return int(pid.value)

    def child_windows(self, hwnd: int) -> list[int]:
        found: list[int] = []
        functype = getattr(ctypes, "WINFUNCTYPE", ctypes.CFUNCTYPE)  # stdcall on Windows
        proc_type = functype(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)

        def collect(child: int | None, lparam: int | None) -> int:
            found.append(int(child or 0))
            return 1  # go on enumerating

        self.dll.user32.EnumChildWindows(ctypes.c_void_p(hwnd), proc_type(collect), 0)
        return found

    def image_path(self, pid: int) -> str | None:
        kernel32 = self.dll.kernel32
        kernel32.OpenProcess.restype = ctypes.c_void_p
        handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return None
        try:
            size = ctypes.c_ulong(1024)  # characters; longer paths fail and psutil is asked
            buf = ctypes.create_unicode_buffer(size.value)
            if not kernel32.QueryFullProcessImageNameW(
                ctypes.c_void_p(handle), 0, buf, ctypes.byref(size)
            ):
                return None
            return buf.value or None
        finally:
            kernel32.CloseHandle(ctypes.c_void_p(handle))

    def last_input_tick(self) -> int | None:
        class LastInputInfo(ctypes.Structure):
            _fields_ = (("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint32))

        info = LastInputInfo(ctypes.sizeof(LastInputInfo), 0)
        if not self.dll.user32.GetLastInputInfo(ctypes.byref(info)):
            return None
        return int(info.dwTime)

    def tick_count(self) -> int:
        kernel32 = self.dll.kernel32
        kernel32.GetTickCount.restype = ctypes.c_uint32
        return int(kernel32.GetTickCount()) % 2**32

    def register_session_notification(self, hwnd: int) -> bool:
        wts = self.dll.wtsapi32
        return bool(
            wts.WTSRegisterSessionNotification(ctypes.c_void_p(hwnd), NOTIFY_FOR_THIS_SESSION)
        )


class WindowsProbe:
    """Probe for Windows 10/11. Call from one thread (the tracker's); see handle_message()."""

    name = "windows"

    def __init__(
        self, api: Api | None = None, process_name: Callable[[int], str] = process_name
    ) -> None:
        self.api: Api = WinApi() if api is None else api
        self.session = SessionState()
        self._latch = LatchedLock(self.session)
        self._process_name = process_name
        self.last_error = ""

    def __repr__(self) -> str:
        return f"WindowsProbe({self.session!r})"

    # --- fed by the UI ---------------------------------------------------------------------

    def watch_session(self, hwnd: int) -> bool:
        """Ask Windows to send lock/unlock messages to window `hwnd` (the UI's, from winId()).

        On success the session counts as unlocked: the program runs in the user's session,
        and from now on every change is reported.
        """
        try:
            ok = self.api.register_session_notification(hwnd)
        except (OSError, AttributeError) as exc:
            text = translate("windows", "WTSRegisterSessionNotification failed: {error}")
            self.last_error = text.format(error=exc)
            return False
        if ok:
            self.session.set("lock", False)
        return ok

    def handle_message(self, msg: int, wparam: int) -> bool:
        """Feed one window message; True when it was a lock or power event."""
        event = session_event(msg, wparam)
        self.session.apply(event)
        return event is not None

    # --- queries ---------------------------------------------------------------------------

    def foreground(self) -> Foreground | None:
        try:
            hwnd = self.api.foreground_window()
            if not hwnd:
                return None  # secure desktop: UAC prompt, lock screen, Ctrl+Alt+Del
            title = self.api.window_text(hwnd)
            pid = self.api.window_pid(hwnd)
            process = self._name(pid)
            if process.lower() == FRAME_HOST:
                for child in self.api.child_windows(hwnd):
                    child_pid = self.api.window_pid(child)
                    if child_pid and child_pid != pid:
                        pid, process = child_pid, self._name(child_pid)
                        break
        # A failed call (the window closed meanwhile, access denied, a bad handle...).
        except (OSError, ctypes.ArgumentError) as exc:
            self.last_error = str(exc)
            return None
        return Foreground(process=process, title=title, pid=pid or None)

    def _name(self, pid: int) -> str:
        """The executable's file name ("chrome.exe"), or "" when it cannot be known."""
        if not pid:
            return ""
        path = self.api.image_path(pid)
        if path:
            return ntpath.basename(path)
        return self._process_name(pid)

    def idle_seconds(self) -> float | None:
        try:
            last = self.api.last_input_tick()
            if last is None:
                return None
            return idle_ms(self.api.tick_count(), last) / 1000.0
        except OSError:
            return None

    def locked(self) -> bool | None:
        return self._latch()

    # --- doctor ----------------------------------------------------------------------------

    def diagnose(self) -> list[Check]:
        front = self.foreground()
        idle = self.idle_seconds()
        if front:
            process = front.process or translate("windows", "unknown process")
            detail = translate("windows", "GetForegroundWindow: {process}").format(process=process)
        else:
            text = translate("windows", "no window in front right now {error}")
            detail = text.format(error=self.last_error).strip()
        titles = translate("windows", "GetWindowTextW, used in memory only, never stored")
        checks = [
            Check(FOREGROUND_WINDOW, front is not None, detail),
            Check(WINDOW_TITLES, True, titles),
            Check(
                IDLE_TIME,
                idle is not None,
                translate("windows", "GetLastInputInfo: {seconds} s idle").format(
                    seconds=format_number(idle or 0)
                )
                if idle is not None
                else translate("windows", "unavailable"),
            ),
        ]
        known = self.session.locked() is not None
        checks.append(
            Check(
                SCREEN_LOCK,
                known,
                translate(
                    "windows",
                    "lock and sleep messages from Windows (WTS session and power notifications)",
                )
                if known
                else translate(
                    "windows",
                    "lock and sleep are seen only while the tray app runs (not in "
                    "`socialtime track` or doctor); a locked screen still counts as idle",
                ),
            )
        )
        return checks

    def close(self) -> None:
        pass
