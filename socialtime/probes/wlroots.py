"""wlroots compositors (sway, Hyprland, river, labwc, Wayfire, niri...): native Wayland windows.

What is seen, through socialtime's own pure-Python Wayland client (wayland_client.py):
- the window in front, its title and app id: wlr-foreign-toplevel-management
  (zwlr_foreign_toplevel_manager_v1), which these compositors offer to any client;
- idle time: ext-idle-notify-v1, else org_kde_kwin_idle (sway before 1.8), as events for a
  timeout equal to the idle setting (see wayland_client for how seconds are derived);
- the process: the app id turned into the process name the classifier knows (app_ids.py);
  on sway the window's pid too, from sway's IPC socket (sway_ipc.py), so the browser bridge
  finds the browser's report. Other compositors tell no pid: there title rules apply.
X11 apps under XWayland are in the same list of toplevels; the X11 probe is the fallback only
while the Wayland display cannot be reached or lacks a protocol.

Threading and cost: all calls come from the tracker's thread; each reads what the compositor
sent since the last one (non-blocking); connecting waits at most a few tens of milliseconds.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from socialtime.base.i18n import format_number, translate
from socialtime.probes.app_ids import window_process
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
from socialtime.probes.sway_ipc import SwayIpc
from socialtime.probes.wayland_client import PROTOCOL_NAMES, Toplevel, WaylandClient

# XDG_CURRENT_DESKTOP values (lowercased) of wlroots-based compositors.
WLROOTS_DESKTOPS = frozenset(
    {"sway", "hyprland", "river", "labwc", "wayfire", "niri", "dwl", "hikari", "cage", "qtile"}
)
PID_RETRY = 10.0  # s before sway is asked again for a window whose pid it did not tell
PROTOCOLS = PROTOCOL_NAMES  # the idle protocols' names as people look them up


@dataclass(frozen=True)
class _Owner:
    """What the probe found out about one window (kept in Toplevel.owner)."""

    app_id: str
    pid: int | None
    process: str
    retry_at: float


def compositor(environ: Mapping[str, str]) -> str | None:
    """The wlroots compositor this session runs under, or None."""
    if environ.get("SWAYSOCK"):
        return "sway"
    if environ.get("HYPRLAND_INSTANCE_SIGNATURE"):
        return "Hyprland"
    for name in environ.get("XDG_CURRENT_DESKTOP", "").lower().split(":"):
        if name in WLROOTS_DESKTOPS:
            return name
    return None


class WlrootsProbe:
    """Native Wayland windows and idle time under a wlroots compositor; `fallback` (X11 under
    XWayland) answers while the Wayland display cannot."""

    name = "wlroots"

    def __init__(
        self,
        compositor: str,
        fallback: Probe | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        idle_threshold: Callable[[], float] | None = None,
        client: WaylandClient | None = None,
        pids: SwayIpc | None = None,
        process_name: Callable[[int], str] = process_name,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Connects to nothing: the Wayland display is reached on first use."""
        environ = os.environ if environ is None else environ
        self.compositor = compositor
        self.fallback = fallback
        self.client = client or WaylandClient(environ, idle_timeout=idle_threshold, clock=clock)
        swaysock = environ.get("SWAYSOCK", "")
        self.pids = pids if pids is not None else (SwayIpc(swaysock) if swaysock else None)
        self._process_name = process_name
        self._clock = clock

    def __repr__(self) -> str:
        return f"WlrootsProbe({self.compositor!r}, {self.client!r}, fallback={self.fallback!r})"

    # --- queries ---------------------------------------------------------------------------

    def foreground(self) -> Foreground | None:
        if not (self.client.poll() and self.client.sees_windows):
            return self.fallback.foreground() if self.fallback else None
        found = self.client.active()
        if found is None:
            return None
        pid, process = self._owner(found[1])
        return Foreground(process, found[1].title, pid)

    def _owner(self, top: Toplevel) -> tuple[int | None, str]:
        """The window's pid (sway only) and process name, found once per window and app id;
        a pid sway did not tell is asked for again after PID_RETRY s."""
        cached = top.owner
        if (
            isinstance(cached, _Owner)
            and cached.app_id == top.app_id
            and (cached.pid is not None or self._clock() < cached.retry_at)
        ):
            return cached.pid, cached.process
        pid = self._ask_pid(top.app_id, top.title)
        name = window_process(top.app_id, pid or 0, self._process_name)
        top.owner = _Owner(top.app_id, pid, name, self._clock() + PID_RETRY)
        return pid, name

    def _ask_pid(self, app_id: str, title: str) -> int | None:
        if self.pids is None:
            return None
        focused = self.pids.focused()
        # sway's focus and the toplevel events are two streams: take the pid only when sway's
        # focused window is the one the toplevel events put in front.
        if focused is None or focused.title != title or focused.app_id.lower() != app_id.lower():
            return None
        return focused.pid

    def idle_seconds(self) -> float | None:
        if self.client.poll() and self.client.sees_idle:
            return self.client.idle_seconds()
        return self.fallback.idle_seconds() if self.fallback else None

    def locked(self) -> bool | None:
        """Compositors tell no client about their lock screen; logind and the screensaver are
        heard over D-Bus (make_probe wraps this probe in a LockAwareProbe)."""
        return self.fallback.locked() if self.fallback else None

    # --- doctor ----------------------------------------------------------------------------

    def diagnose(self) -> list[Check]:
        self.client.retry_now()
        ready = self.client.poll()
        fallback = {c.name: c for c in self.fallback.diagnose()} if self.fallback else {}
        front = self._front_check(ready, fallback)
        titles = Check(WINDOW_TITLES, front.ok, self._titles_detail(front.ok))
        return [front, titles, self._idle_check(ready, fallback), self._lock_check(fallback)]

    def _with_fallback(self, problem: str, fallback: dict[str, Check], name: str) -> Check:
        """The problem, then what XWayland sees instead. Native windows stay unseen, so the
        foreground line is never ok this way; idle time is as good as XWayland's."""
        other = fallback.get(name)
        if other is None:
            return Check(name, False, problem)
        text = translate("wlroots", "{problem}; XWayland: {detail}")
        ok = other.ok and name != FOREGROUND_WINDOW
        return Check(name, ok, text.format(problem=problem, detail=other.detail))

    def _front_check(self, ready: bool, fallback: dict[str, Check]) -> Check:
        client = self.client
        if not ready:
            text = translate(
                "wlroots",
                "{compositor}: cannot reach the Wayland display ({error}); start socialtime "
                "from inside your desktop session, where WAYLAND_DISPLAY and XDG_RUNTIME_DIR "
                "are set",
            )
            problem = text.format(compositor=self.compositor, error=client.last_error or "?")
            return self._with_fallback(problem, fallback, FOREGROUND_WINDOW)
        if not client.sees_windows:
            text = translate(
                "wlroots",
                "{compositor} does not offer wlr-foreign-toplevel-management "
                "(zwlr_foreign_toplevel_manager_v1): native Wayland windows cannot be seen; "
                "sway, Hyprland, labwc, Wayfire and river offer it",
            )
            problem = text.format(compositor=self.compositor)
            return self._with_fallback(problem, fallback, FOREGROUND_WINDOW)
        found = client.active()
        if found is None:
            front = translate("wlroots", "no window in front")
        else:
            _, process = self._owner(found[1])
            front = translate("wlroots", "in front: {process} (app id {app_id})").format(
                process=process or "?", app_id=found[1].app_id or "?"
            )
        text = translate(
            "wlroots",
            "{compositor}, Wayland display {display}: windows seen through "
            "wlr-foreign-toplevel-management ({count} open); {front}",
        )
        return Check(
            FOREGROUND_WINDOW,
            True,
            text.format(
                compositor=self.compositor,
                display=client.path,
                count=len(client.toplevels),
                front=front,
            ),
        )

    def _titles_detail(self, ok: bool) -> str:
        if not ok:
            return translate("wlroots", "no titles without the foreground window (see above)")
        text = translate(
            "wlroots",
            "titles and app ids from the same protocol, used in memory only, never stored",
        )
        if self.pids is not None:
            pids = translate(
                "wlroots", "process ids from sway's IPC socket, for the browser extension"
            )
        else:
            pids = translate(
                "wlroots",
                "{compositor} tells no process ids: the browser extension's pages cannot be "
                "matched to their window, so titles are used",
            ).format(compositor=self.compositor)
        return f"{text}; {pids}"

    def _idle_check(self, ready: bool, fallback: dict[str, Check]) -> Check:
        client = self.client
        if ready and client.sees_idle:
            seconds = format_number(client.timeout)
            idle = client.idle_seconds() or 0.0
            if idle >= client.timeout:
                state = translate("wlroots", "idle for {seconds} s").format(
                    seconds=format_number(idle)
                )
            else:
                state = translate("wlroots", "input within the last {seconds} s").format(
                    seconds=seconds
                )
            text = translate(
                "wlroots",
                "{protocol}: told after {seconds} s without input (the idle setting); {state}",
            )
            protocol = PROTOCOLS.get(client.idle_protocol, client.idle_protocol)
            return Check(
                IDLE_TIME, True, text.format(protocol=protocol, seconds=seconds, state=state)
            )
        if ready:
            problem = translate(
                "wlroots",
                "{compositor} offers neither ext-idle-notify-v1 nor org_kde_kwin_idle: "
                "time without input is counted as active",
            ).format(compositor=self.compositor)
        else:
            problem = translate("wlroots", "idle time is unknown without the Wayland display")
        return self._with_fallback(problem, fallback, IDLE_TIME)

    def _lock_check(self, fallback: dict[str, Check]) -> Check:
        problem = translate(
            "wlroots", "{compositor} tells no Wayland client whether the screen is locked"
        ).format(compositor=self.compositor)
        other = fallback.get(SCREEN_LOCK)
        return other if other is not None and other.ok else Check(SCREEN_LOCK, False, problem)

    def close(self) -> None:
        self.client.close()
        if self.pids is not None:
            self.pids.close()
        if self.fallback is not None:
            self.fallback.close()
