"""Windows' lock and suspend messages reach the probe through Qt's native event filter."""

from __future__ import annotations

import ctypes

from socialtime.probes.windows import (
    PBT_APMRESUMEAUTOMATIC,
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    WTS_SESSION_UNLOCK,
    WindowsProbe,
)
from socialtime.ui import session_events
from socialtime.ui.session_events import WINDOWS_MSG, SessionEvents


class FakeApi:
    """Only what watch_session needs; the probe's queries are not used here."""

    def __init__(self) -> None:
        self.watched: list[int] = []

    def register_session_notification(self, hwnd: int) -> bool:
        self.watched.append(hwnd)
        return True

    def __getattr__(self, name):  # any other call: nothing to report
        return lambda *args: None


def message(msg: int, wparam: int) -> tuple[ctypes.Structure, int]:
    m = session_events._MSG(None, msg, wparam)
    return m, ctypes.addressof(m)


def test_lock_and_suspend_messages_reach_the_probe(qtbot) -> None:
    probe = WindowsProbe(FakeApi(), process_name=lambda pid: "")
    installed = session_events.install(probe)
    assert installed is not None
    events, window = installed
    assert probe.api.watched == [int(window.winId())]
    assert not probe.locked()
    for msg, wparam, locked in [
        (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, True),
        (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK, False),
        (WM_POWERBROADCAST, PBT_APMSUSPEND, True),
        (WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC, False),
    ]:
        keep, address = message(msg, wparam)
        assert events.nativeEventFilter(WINDOWS_MSG, address) == (False, 0)  # never swallowed
        assert probe.locked() is locked, (msg, wparam)


def test_other_messages_and_platforms_change_nothing(qtbot) -> None:
    probe = WindowsProbe(FakeApi(), process_name=lambda pid: "")
    events = SessionEvents(probe)
    keep, address = message(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    assert events.nativeEventFilter(b"xcb_generic_event_t", address) == (False, 0)
    keep, address = message(0x0201, 0)  # a mouse click
    events.nativeEventFilter(WINDOWS_MSG, address)
    assert not probe.locked()


def test_nothing_is_installed_for_a_probe_without_session_messages(qtbot) -> None:
    assert session_events.install(object()) is None
