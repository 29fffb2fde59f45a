"""Windows tells a window, not a poller, when the session locks or the machine sleeps.

WindowsProbe (socialtime/probes/windows.py) decodes WM_WTSSESSION_CHANGE and WM_POWERBROADCAST
and keeps the session's state; this module is the Qt side: a hidden native window registered
for session notifications (WM_POWERBROADCAST reaches every top-level window anyway), and a
native event filter that hands each message to the probe. On other platforms, or with a probe
that has no such messages, nothing is installed: lock and suspend come from D-Bus there.
"""

from __future__ import annotations

import ctypes
from typing import Any, Protocol

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication
from PySide6.QtWidgets import QWidget

WINDOWS_MSG = b"windows_generic_MSG"  # the event type Qt gives Windows messages


class _SessionProbe(Protocol):
    def watch_session(self, hwnd: int) -> bool: ...
    def handle_message(self, msg: int, wparam: int) -> bool: ...


class _MSG(ctypes.Structure):
    """The head of Win32's MSG: hwnd, message, wParam (the rest is not read)."""

    _fields_ = [("hwnd", ctypes.c_void_p), ("message", ctypes.c_uint), ("wParam", ctypes.c_size_t)]


class SessionEvents(QAbstractNativeEventFilter):
    """Forwards lock/unlock and suspend/resume messages to the probe; lets every message on."""

    def __init__(self, probe: _SessionProbe) -> None:
        super().__init__()
        self.probe = probe

    def nativeEventFilter(self, event_type: Any, message: Any) -> tuple[bool, int]:
        if bytes(event_type) == WINDOWS_MSG and message:
            msg = _MSG.from_address(int(message))
            self.probe.handle_message(int(msg.message), int(msg.wParam))
        return False, 0


def install(probe: object) -> tuple[SessionEvents, QWidget] | None:
    """Start forwarding session messages to ``probe`` if it takes them (WindowsProbe); the
    caller keeps the returned pair alive for as long as the messages should flow."""
    if not (hasattr(probe, "watch_session") and hasattr(probe, "handle_message")):
        return None
    app = QCoreApplication.instance()
    if app is None:
        return None
    window = QWidget()  # never shown: it only needs a native handle to receive the messages
    events = SessionEvents(probe)
    app.installNativeEventFilter(events)
    probe.watch_session(int(window.winId()))
    return events, window
