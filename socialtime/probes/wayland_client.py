"""What a Wayland compositor tells a client about windows and idle time, kept up to date.

Protocols (each optional; `offers` says which the compositor has):
- zwlr_foreign_toplevel_manager_v1 (wlr-foreign-toplevel-management, wlroots compositors):
  every window's title, app id and states, "activated" marking the one in front. Changes come
  as events, applied atomically at each handle's `done`.
- ext_idle_notifier_v1 (ext-idle-notify-v1), else org_kde_kwin_idle (sway < 1.8, KWin): one
  notification with a fixed timeout T, which says "idled" after T s without input and
  "resumed" at the next input. These protocols give events, not a number of seconds, so
  `idle_seconds()` is derived: T plus the time since "idled" was read while idle; 0 while not
  idle (the truth is then somewhere below T, which is all the tracker asks: idle or not, at
  T). Two limits follow from the protocol: a fresh notification is not idle, whatever came
  before, so after a (re)connection idleness is seen T s later at the earliest; and an event
  is timestamped when it is read, at most one tick late. T is the idle threshold of the
  settings (`idle_timeout`), and the notification is made again when it changes.

Threading: one thread (the tracker's). `poll()` never blocks for long: it connects lazily,
waits at most CONNECT_WAIT s for the compositor's first answers after connecting, then only
reads what has already arrived. A lost compositor is retried every RECONNECT_AFTER s. Nothing
here raises for a compositor problem; `last_error` says what went wrong.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from socialtime.base.i18n import translate
from socialtime.probes import wayland_wire as wire

CONNECT_WAIT = 0.04  # s: the first round trips after connecting (a local compositor: < 1 ms)
RECONNECT_AFTER = 2.0  # s between attempts to reach a compositor that failed or went away
ACTIVATED = 2  # zwlr_foreign_toplevel_handle_v1.state.activated

TOPLEVELS = "zwlr_foreign_toplevel_manager_v1"
EXT_IDLE = "ext_idle_notifier_v1"
KDE_IDLE = "org_kde_kwin_idle"
SEAT = "wl_seat"
# The idle protocols' names as people look them up (doctor's lines).
PROTOCOL_NAMES = {EXT_IDLE: "ext-idle-notify-v1", KDE_IDLE: "org_kde_kwin_idle"}
# Interface -> the highest version socialtime speaks.
VERSIONS = {SEAT: 1, TOPLEVELS: 3, EXT_IDLE: 2, KDE_IDLE: 1}

# Event signatures, per interface and opcode (wayland_wire letters).
EVENTS: dict[str, tuple[str, ...]] = {
    "wl_display": ("ous", "u"),  # error, delete_id
    "wl_registry": ("usu", "u"),  # global, global_remove
    "wl_callback": ("u",),  # done
    "wl_seat": ("u", "s"),  # capabilities, name
    TOPLEVELS: ("n", ""),  # toplevel, finished
    # title, app_id, output_enter, output_leave, state, done, closed, parent
    "zwlr_foreign_toplevel_handle_v1": ("s", "s", "o", "o", "a", "", "", "o"),
    "ext_idle_notification_v1": ("", ""),  # idled, resumed
    "org_kde_kwin_idle_timeout": ("", ""),  # idle, resumed
}


@dataclass
class Toplevel:
    """One window, as its handle last described it (after `done`)."""

    title: str = ""
    app_id: str = ""
    activated: bool = False
    since: int = 0  # order in which it became activated (the newest wins)
    # What the probe found out about this window once (its pid, process name...). Kept on
    # the window itself: a compositor reuses the ids of closed windows, and a new connection
    # starts them again from the first.
    owner: object = field(default=None, repr=False)
    # Pending until the next `done` event.
    pending: dict[str, object] = field(default_factory=dict, repr=False)


class WaylandClient:
    """A connection to the compositor at $WAYLAND_DISPLAY, made on first `poll()`."""

    def __init__(
        self,
        environ: Mapping[str, str],
        *,
        idle_timeout: Callable[[], float] | None = None,
        windows: bool = True,
        clock: Callable[[], float] = time.monotonic,
        connect: Callable[[str, float], object] = wire.unix_stream,
    ) -> None:
        """Connects to nothing yet. `windows` False: idle time only (KDE's probe)."""
        self.environ = dict(environ)
        self.windows = windows
        self.idle_timeout = idle_timeout or (lambda: 180.0)
        self.clock = clock
        self._connect = connect
        self.last_error = ""
        self.path = ""
        self._retry_at = float("-inf")
        self._conn: wire.Connection | None = None
        self._reset()

    def _reset(self) -> None:
        self.offers: dict[str, int] = {}  # interface -> version offered
        self.ready = False  # the first round trips are done: what we see is complete
        self.toplevels: dict[int, Toplevel] = {}
        self.idle_protocol = ""  # EXT_IDLE or KDE_IDLE once a notification exists
        self._objects: dict[int, str] = {}  # object id -> interface
        self._globals: dict[int, tuple[str, int]] = {}  # registry name -> (interface, version)
        self._bound: dict[str, int] = {}  # interface -> object id
        self._bound_names: dict[int, str] = {}  # registry name -> interface, for removals
        self._versions: dict[str, int] = {}  # interface -> version bound
        self._registry = 0
        self._sync: dict[int, str] = {}  # callback id -> stage ("globals", "initial")
        self._notification = 0
        self._timeout = 0.0  # s, of the current notification
        self._idle_since: float | None = None
        self._order = 0

    def __repr__(self) -> str:
        return f"WaylandClient({self.path!r}, ready={self.ready})"

    @property
    def connected(self) -> bool:
        return self._conn is not None

    # --- connection ----------------------------------------------------------------------

    def poll(self) -> bool:
        """Connect if needed, apply the events that arrived; True when connected and ready."""
        conn = self._conn
        if conn is None:
            conn = self._open()
            if conn is None:
                return False
        try:
            self._dispatch(conn)
            if self.ready:
                self._keep_timeout(conn)
            conn.flush()
        except wire.WireError as exc:
            self._lost(str(exc))
            return False
        return self.ready

    def _open(self) -> wire.Connection | None:
        now = self.clock()
        if now < self._retry_at:
            return None
        self._retry_at = now + RECONNECT_AFTER
        try:
            self.path = wire.socket_path(self.environ)
            conn = wire.Connection(self._connect(self.path, CONNECT_WAIT))  # type: ignore[arg-type]
        except wire.WireError as exc:
            self.last_error = str(exc)
            return None
        self._reset()
        self._conn = conn
        self._objects[wire.DISPLAY_ID] = "wl_display"
        self._registry = self._new(conn, "wl_registry")
        conn.request(wire.DISPLAY_ID, 1, "n", self._registry)  # wl_display.get_registry
        self._roundtrip(conn, "globals")
        deadline = time.monotonic() + CONNECT_WAIT
        try:
            conn.flush()
            while not self.ready and conn.wait(deadline - time.monotonic()):
                self._dispatch(conn)
                conn.flush()
                if time.monotonic() >= deadline:
                    break
        except wire.WireError as exc:
            self._lost(str(exc))
            return None
        self.last_error = ""
        return conn

    def _lost(self, why: str) -> None:
        self.last_error = why
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._reset()
        self._retry_at = self.clock() + RECONNECT_AFTER

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._reset()
        self._retry_at = float("-inf")

    def retry_now(self) -> None:
        """Let the next poll() try to connect at once (doctor: the user asked now)."""
        if self._conn is None:
            self._retry_at = float("-inf")

    def _new(self, conn: wire.Connection, interface: str) -> int:
        number = conn.new_id()
        self._objects[number] = interface
        return number

    def _roundtrip(self, conn: wire.Connection, stage: str) -> None:
        callback = self._new(conn, "wl_callback")
        self._sync[callback] = stage
        conn.request(wire.DISPLAY_ID, 0, "n", callback)  # wl_display.sync

    # --- events --------------------------------------------------------------------------

    def _dispatch(self, conn: wire.Connection) -> None:
        for msg in conn.read():
            interface = self._objects.get(msg.object_id)
            if interface is None:
                continue  # an object we destroyed, whose last events were on their way
            signatures = EVENTS.get(interface, ())
            if msg.opcode >= len(signatures):
                continue  # an event of a newer version than we bound: not ours to know
            args = wire.decode(signatures[msg.opcode], msg.payload)
            self._event(conn, interface, msg.object_id, msg.opcode, args)

    def _event(
        self, conn: wire.Connection, interface: str, oid: int, opcode: int, args: list[wire.Arg]
    ) -> None:
        if interface == "zwlr_foreign_toplevel_handle_v1":
            self._toplevel_event(conn, oid, opcode, args)
        elif interface == "wl_display":
            if opcode == 0:
                culprit = self._objects.get(int(args[0] or 0), "?")
                text = translate("wayland", "protocol error {code} on {interface}: {message}")
                raise wire.WireError(text.format(code=args[1], interface=culprit, message=args[2]))
            self._objects.pop(int(args[0] or 0), None)
            conn.release(int(args[0] or 0))
        elif interface == "wl_registry":
            if opcode == 0:
                self._globals[int(args[0] or 0)] = (str(args[1]), int(args[2] or 0))
                name = str(args[1])
                self.offers[name] = max(self.offers.get(name, 0), int(args[2] or 0))
            else:
                self._global_removed(int(args[0] or 0))
        elif interface == "wl_callback":
            stage = self._sync.pop(oid, "")
            if stage == "globals":
                self._bind_all(conn)
                self._roundtrip(conn, "initial")  # the toplevels' first state, then ready
            elif stage == "initial":
                self.ready = True
        elif interface == TOPLEVELS:
            if opcode == 0:
                self._objects[int(args[0] or 0)] = "zwlr_foreign_toplevel_handle_v1"
                self.toplevels[int(args[0] or 0)] = Toplevel()
            else:  # finished: the compositor stopped telling
                self._objects.pop(oid, None)
                self._bound.pop(TOPLEVELS, None)
        elif oid == self._notification:  # ext_idle_notification_v1, org_kde_kwin_idle_timeout
            self._idle_since = self.clock() if opcode == 0 else None

    def _toplevel_event(
        self, conn: wire.Connection, oid: int, opcode: int, args: list[wire.Arg]
    ) -> None:
        top = self.toplevels.get(oid)
        if top is None:
            return
        if opcode == 0:
            top.pending["title"] = str(args[0] or "")
        elif opcode == 1:
            top.pending["app_id"] = str(args[0] or "")
        elif opcode == 4:
            raw = args[0] if isinstance(args[0], bytes) else b""
            top.pending["activated"] = ACTIVATED in wire.uint_array(raw)
        elif opcode == 5:  # done: apply atomically
            pending, top.pending = top.pending, {}
            top.title = str(pending.get("title", top.title))
            top.app_id = str(pending.get("app_id", top.app_id))
            activated = bool(pending.get("activated", top.activated))
            if activated and not top.activated:
                self._order += 1
                top.since = self._order
            top.activated = activated
        elif opcode == 6:  # closed: no more events; destroy our handle
            self.toplevels.pop(oid, None)
            self._objects.pop(oid, None)
            conn.request(oid, 7)  # zwlr_foreign_toplevel_handle_v1.destroy

    def _global_removed(self, name: int) -> None:
        self._globals.pop(name, None)
        interface = self._bound_names.pop(name, None)
        if interface == SEAT or interface in (EXT_IDLE, KDE_IDLE):
            self._notification = 0  # the seat or the notifier went: idle is unknown now
            self.idle_protocol = ""
            self._idle_since = None

    # --- binding -------------------------------------------------------------------------

    def _bind(self, conn: wire.Connection, interface: str) -> int:
        for name, (offered, version) in sorted(self._globals.items()):
            if offered == interface:
                number = self._new(conn, interface)
                use = min(version, VERSIONS[interface])
                # wl_registry.bind: an untyped new_id is sent as interface, version, id
                conn.request(self._registry, 0, "usun", name, interface, use, number)
                self._bound[interface] = number
                self._bound_names[name] = interface
                self._versions[interface] = use
                return number
        return 0

    def _bind_all(self, conn: wire.Connection) -> None:
        if self.windows:
            self._bind(conn, TOPLEVELS)
        if self._bind(conn, SEAT) and not self._bind(conn, EXT_IDLE):
            self._bind(conn, KDE_IDLE)
        self._make_notification(conn)

    def _make_notification(self, conn: wire.Connection) -> None:
        seat = self._bound.get(SEAT, 0)
        self._timeout = max(1.0, float(self.idle_timeout()))
        ms = min(int(self._timeout * 1000), 0xFFFFFFFF)
        self._idle_since = None
        if seat and EXT_IDLE in self._bound:
            self._notification = self._new(conn, "ext_idle_notification_v1")
            # get_input_idle_notification (v2) counts input only, as the X11 idle counter
            # does; get_idle_notification (v1) also honours idle inhibitors (a video player).
            opcode = 2 if self._versions.get(EXT_IDLE, 1) >= 2 else 1
            conn.request(self._bound[EXT_IDLE], opcode, "nuo", self._notification, ms, seat)
            self.idle_protocol = EXT_IDLE
        elif seat and KDE_IDLE in self._bound:
            self._notification = self._new(conn, "org_kde_kwin_idle_timeout")
            conn.request(self._bound[KDE_IDLE], 0, "nou", self._notification, seat, ms)
            self.idle_protocol = KDE_IDLE

    def _keep_timeout(self, conn: wire.Connection) -> None:
        """Make the notification again when the idle threshold of the settings changed."""
        if not self._notification:
            return
        wanted = max(1.0, float(self.idle_timeout()))
        if abs(wanted - self._timeout) < 0.5:
            return
        old = self._notification
        self._objects.pop(old, None)
        conn.request(old, 0)  # ext: destroy; kde: release (both opcode 0, destructors)
        self._make_notification(conn)

    # --- answers -------------------------------------------------------------------------

    @property
    def sees_windows(self) -> bool:
        return TOPLEVELS in self._bound

    @property
    def sees_idle(self) -> bool:
        return bool(self._notification)

    @property
    def timeout(self) -> float:
        """The current notification's timeout in seconds (0 without one)."""
        return self._timeout if self._notification else 0.0

    def active(self) -> tuple[int, Toplevel] | None:
        """The window in front (handle id, toplevel), or None."""
        best: tuple[int, Toplevel] | None = None
        for oid, top in self.toplevels.items():
            if top.activated and (best is None or top.since > best[1].since):
                best = (oid, top)
        return best

    def idle_seconds(self) -> float | None:
        """Seconds without input as far as the notification tells (see the module's doc);
        None without an idle notification."""
        if not self._notification:
            return None
        if self._idle_since is None:
            return 0.0
        return max(0.0, self.clock() - self._idle_since) + self._timeout
