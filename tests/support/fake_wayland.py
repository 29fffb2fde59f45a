"""A fake Wayland compositor on a socketpair, driven step by step by the test (no thread).

It speaks the server side of the messages socialtime's client uses: the registry and its
globals, wl_display.sync, binds, the wlr foreign-toplevel manager with its handles,
ext_idle_notifier_v1 and org_kde_kwin_idle. `pump()` reads the client's requests and answers
them at once; the test then lets the client poll. Everything the client asked is in `log`.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field

from socialtime.probes import wayland_wire as wire

SERVER_IDS = 0xFF000000


@dataclass
class Window:
    title: str
    app_id: str
    activated: bool = False
    handle: int = 0


@dataclass
class Notification:
    object_id: int
    interface: str
    timeout_ms: int
    seat: int
    opcode: int  # the request that made it


@dataclass
class FakeCompositor:
    globals: list[tuple[str, int]] = field(
        default_factory=lambda: [
            ("wl_compositor", 4),
            ("wl_seat", 7),
            ("zwlr_foreign_toplevel_manager_v1", 3),
            ("org_kde_kwin_idle", 1),
        ]
    )
    windows: list[Window] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.server, self.client_sock = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.setblocking(False)
        self.conn = wire.Connection(self.server)
        self.registry = 0
        self.bound: dict[str, int] = {}  # interface -> client's object id
        self.versions: dict[str, int] = {}
        self.notifications: list[Notification] = []
        self.destroyed: list[int] = []  # object ids the client destroyed or released
        self.log: list[tuple[int, int]] = []  # (object id, opcode) of every request
        self._next_server_id = SERVER_IDS
        self.connects = 0

    # --- the client side's entry point -------------------------------------------------------

    def connect(self, path: str, timeout: float) -> socket.socket:
        """Stands in for wayland_wire.unix_stream."""
        self.connects += 1
        self.client_sock.setblocking(False)
        return self.client_sock

    # --- answering requests ------------------------------------------------------------------

    def send(self, object_id: int, opcode: int, signature: str = "", *args: wire.Arg) -> None:
        self.conn.request(object_id, opcode, signature, *args)  # same framing as an event

    def pump(self) -> None:
        """Answer every request that has arrived."""
        try:
            messages = self.conn.read()
        except wire.WireError:
            return
        for msg in messages:
            self.log.append((msg.object_id, msg.opcode))
            self._request(msg)
        self.conn.flush()

    def _request(self, msg: wire.Message) -> None:
        oid, op, payload = msg.object_id, msg.opcode, msg.payload
        if oid == 1 and op == 1:  # get_registry
            (self.registry,) = wire.decode("n", payload)
            for number, (interface, version) in enumerate(self.globals, start=1):
                self.send(self.registry, 0, "usu", number, interface, version)
        elif oid == 1 and op == 0:  # sync
            (callback,) = wire.decode("n", payload)
            self.send(callback, 0, "u", 1)
            self.send(1, 1, "u", callback)  # delete_id
        elif oid == self.registry and op == 0:  # bind
            name, interface, version, new = wire.decode("usun", payload)
            self.bound[str(interface)] = int(new or 0)
            self.versions[str(interface)] = int(version or 0)
            if interface == "zwlr_foreign_toplevel_manager_v1":
                for window in self.windows:
                    self._announce(window)
        elif oid == self.bound.get("ext_idle_notifier_v1") and op in (1, 2):
            new, ms, seat = wire.decode("nuo", payload)
            self.notifications.append(
                Notification(int(new or 0), "ext", int(ms or 0), int(seat or 0), op)
            )
        elif oid == self.bound.get("org_kde_kwin_idle") and op == 0:
            new, seat, ms = wire.decode("nou", payload)
            self.notifications.append(
                Notification(int(new or 0), "kde", int(ms or 0), int(seat or 0), op)
            )
        elif any(n.object_id == oid for n in self.notifications) and op == 0:
            self.destroyed.append(oid)  # destroy / release
            self.send(1, 1, "u", oid)  # delete_id
        elif oid >= SERVER_IDS and op == 7:  # a toplevel handle's destroy
            self.destroyed.append(oid)

    # --- what the compositor does --------------------------------------------------------------

    def _state(self, window: Window) -> bytes:
        return (2).to_bytes(4, "little") if window.activated else b""

    def _announce(self, window: Window) -> None:
        if not window.handle:
            window.handle = self._next_server_id
            self._next_server_id += 1
        self.send(self.bound["zwlr_foreign_toplevel_manager_v1"], 0, "n", window.handle)
        self.send(window.handle, 0, "s", window.title)
        self.send(window.handle, 1, "s", window.app_id)
        self.send(window.handle, 4, "a", self._state(window))
        self.send(window.handle, 5)

    def open(self, title: str, app_id: str, activated: bool = True, handle: int = 0) -> Window:
        """A new window (in front by default: the others lose the focus); `handle` reuses the
        id of a closed window's handle, as compositors do."""
        if activated:
            for other in self.windows:
                if other.activated:
                    other.activated = False
                    self.send(other.handle, 4, "a", b"")
                    self.send(other.handle, 5)
        window = Window(title, app_id, activated, handle)
        self.windows.append(window)
        if "zwlr_foreign_toplevel_manager_v1" in self.bound:
            self._announce(window)
        self.conn.flush()
        return window

    def focus(self, window: Window) -> None:
        for other in self.windows:
            if other.activated != (other is window):
                other.activated = other is window
                self.send(other.handle, 4, "a", self._state(other))
                self.send(other.handle, 5)
        self.conn.flush()

    def set_title(self, window: Window, title: str, done: bool = True) -> None:
        window.title = title
        self.send(window.handle, 0, "s", title)
        if done:
            self.send(window.handle, 5)
        self.conn.flush()

    def close_window(self, window: Window) -> None:
        self.windows.remove(window)
        self.send(window.handle, 6)  # closed
        self.conn.flush()

    def idle(self, resumed: bool = False) -> None:
        """The newest notification says idled (or resumed)."""
        self.send(self.notifications[-1].object_id, 1 if resumed else 0)
        self.conn.flush()

    def protocol_error(self, message: str) -> None:
        self.send(1, 0, "ous", 1, 3, message)
        self.conn.flush()

    def hang_up(self) -> None:
        self.server.close()

    def close(self) -> None:
        for sock in (self.server, self.client_sock):
            sock.close()
