"""KDE Plasma on Wayland: the window in front from socialtime's KWin script (kwin_focus.py);
idle time over Wayland.

The window: KWin tells it to our own KWin script, which calls socialtime back over the session
bus (kwin_focus.py says how, and why a script). Until the script has called, and while KWin is
away, the fallback (X11 apps under XWayland) answers.

Idle: KDE's org.freedesktop.ScreenSaver.GetSessionIdleTime answers milliseconds under X11 and
"NotSupported" on Wayland (kscreenlocker's source), so on Wayland idle time comes from KWin's
Wayland idle protocol: KWin 5.27 offers both ext-idle-notify-v1 and org_kde_kwin_idle, and
socialtime's own Wayland client (`wayland_idle`, see wayland_client.py) takes the first. D-Bus
is the fallback.

Tested on a real, headless KWin 5.27 (tests/e2e/test_e2e_kwin.py): the window, its title and app
id, idle and input, doctor's lines.

Threading: the tracker's thread reads what KWinFocus's listener stored and polls the Wayland
client, which never blocks for long.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from socialtime.base.i18n import format_number, translate
from socialtime.probes import dbusio
from socialtime.probes.base import (
    FOREGROUND_WINDOW,
    IDLE_TIME,
    SCREEN_LOCK,
    WINDOW_TITLES,
    Check,
    Foreground,
    Probe,
    process_name,
)
from socialtime.probes.kwin_focus import KWinFocus

if TYPE_CHECKING:
    from socialtime.probes.wayland_client import WaylandClient

SAVER = ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver")
READY_WAIT = 2.0  # s doctor waits for the script to be loaded, then for its first call


class KdeProbe:
    """Probe for KDE Plasma on Wayland; `fallback` (X11 under XWayland) fills the gaps.
    `focus` is the KWin script's listener (kwin_focus.KWinFocus)."""

    name = "kde-wayland"

    def __init__(
        self,
        bus: str = dbusio.SESSION,
        *,
        fallback: Probe | None = None,
        connect: Callable[[str], Any] = dbusio.connect,
        process_name: Callable[[int], str] = process_name,
        wayland_idle: WaylandClient | None = None,
        clock: Callable[[], float] = time.monotonic,
        plugin: str | None = None,
    ) -> None:
        self.bus = bus
        self.fallback = fallback
        self.wayland_idle = wayland_idle  # idle time over Wayland, first when there is one
        self.focus = KWinFocus(
            bus, connect=connect, process_name=process_name, clock=clock, plugin=plugin
        )
        self._connect = connect
        self._idle_conn: Any = None

    def __repr__(self) -> str:
        return f"KdeProbe({self.focus!r})"

    # --- queries ---------------------------------------------------------------------------

    def foreground(self) -> Foreground | None:
        self.focus.start()
        heard, front, _ = self.focus.window()
        if heard:
            return front
        return self.fallback.foreground() if self.fallback else None

    def idle_seconds(self) -> float | None:
        wayland = self.wayland_idle
        if wayland is not None and wayland.poll() and wayland.sees_idle:
            return wayland.idle_seconds()
        if self._idle_conn is None:
            try:
                self._idle_conn = self._connect(self.bus)
            except dbusio.BusError:
                return self.fallback.idle_seconds() if self.fallback else None
        try:
            ms = dbusio.call(self._idle_conn, *SAVER, "GetSessionIdleTime")[0]
        except dbusio.BusError:
            return self.fallback.idle_seconds() if self.fallback else None
        return int(ms) / 1000.0

    def locked(self) -> bool | None:
        return self.fallback.locked() if self.fallback else None

    # --- doctor ----------------------------------------------------------------------------

    def diagnose(self) -> list[Check]:
        focus = self.focus
        focus.start()
        focus.wait_ready(READY_WAIT)
        if focus.loaded:  # the script calls once as soon as it runs
            focus.wait_heard(READY_WAIT)
        front = self._front_check()
        if front.ok:
            titles = translate(
                "kde",
                "window captions and app ids from the same script, used in memory only, never "
                "stored; process ids from KWin, for the browser extension",
            )
        else:
            titles = translate("kde", "no titles without the foreground window (see above)")
        if self.wayland_idle is not None:
            self.wayland_idle.retry_now()
        idle = self.idle_seconds()
        return [
            front,
            Check(WINDOW_TITLES, front.ok, titles),
            Check(IDLE_TIME, idle is not None, self._idle_detail(idle)),
            Check(
                SCREEN_LOCK,
                False,
                translate("kde", "KDE reports its lock screen over D-Bus only"),
            ),
        ]

    def _front_check(self) -> Check:
        focus = self.focus
        heard, front, app_id = focus.window()
        if heard:
            if front is None:
                seen = translate("kde", "no window in front")
            else:
                seen = translate("kde", "in front: {process} (app id {app_id})").format(
                    process=front.process or "?", app_id=app_id or "?"
                )
            text = translate("kde", "KWin script {plugin}, told by KWin at each change; {front}")
            return Check(FOREGROUND_WINDOW, True, text.format(plugin=focus.plugin, front=seen))
        if focus.loaded:
            text = translate(
                "kde",
                "KWin loaded the script {plugin} but it did not call back within {seconds} s: "
                "its scripting may be failing (look for kwin_wayland's 'js:' lines in "
                "`journalctl --user -b`)",
            )
            problem = text.format(plugin=focus.plugin, seconds=format_number(READY_WAIT, 1))
        else:
            text = translate(
                "kde",
                "{problem}; is this a KDE Plasma session? Start socialtime inside it, where "
                "DBUS_SESSION_BUS_ADDRESS names the session's bus",
            )
            problem = text.format(problem=focus.last_error or translate("kde", "KWin is silent"))
        if self.fallback is not None:
            text = translate("kde", "{problem}. Meanwhile only X11 apps (under XWayland) are seen")
            problem = text.format(problem=problem)
        return Check(FOREGROUND_WINDOW, False, problem)

    def _idle_detail(self, idle: float | None) -> str:
        from socialtime.probes.wayland_client import PROTOCOL_NAMES

        wayland = self.wayland_idle
        if wayland is not None and wayland.sees_idle:
            if (idle or 0.0) >= wayland.timeout:
                state = translate("kde", "idle for {seconds} s").format(
                    seconds=format_number(idle or 0.0)
                )
            else:
                state = translate("kde", "input within the last {seconds} s").format(
                    seconds=format_number(wayland.timeout)
                )
            text = translate(
                "kde",
                "Wayland {protocol}: told after {seconds} s without input (the idle setting); "
                "{state}",
            )
            protocol = PROTOCOL_NAMES.get(wayland.idle_protocol, wayland.idle_protocol)
            return text.format(
                protocol=protocol, seconds=format_number(wayland.timeout), state=state
            )
        if idle is not None:
            return translate("kde", "{seconds} s idle (org.freedesktop.ScreenSaver)").format(
                seconds=format_number(idle)
            )
        if wayland is not None and wayland.ready:
            return translate(
                "kde",
                "KWin offers neither ext-idle-notify-v1 nor org_kde_kwin_idle, and KDE does not "
                "tell idle time over D-Bus on Wayland: time without input is counted as active "
                "(Plasma 5.27 and later offer ext-idle-notify-v1)",
            )
        if wayland is not None:
            text = translate(
                "kde",
                "the Wayland display cannot be reached ({error}), and KDE does not tell idle "
                "time over D-Bus on Wayland: time without input is counted as active; start "
                "socialtime inside your Plasma session, where WAYLAND_DISPLAY and "
                "XDG_RUNTIME_DIR are set",
            )
            return text.format(error=wayland.last_error or "?")
        return translate(
            "kde", "KDE does not tell idle time over D-Bus on Wayland: idle time is unknown"
        )

    def close(self) -> None:
        self.focus.close()
        if self._idle_conn is not None:
            dbusio.close_quietly(self._idle_conn)
            self._idle_conn = None
        if self.wayland_idle is not None:
            self.wayland_idle.close()
        if self.fallback is not None:
            self.fallback.close()
