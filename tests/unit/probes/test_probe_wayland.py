"""socialtime's Wayland client and the wlroots probe, against a fake compositor on a socketpair
(fake_wayland.py), with a fake clock: the wire format, the protocol's state, idle seconds
derived from events, reconnection, and what the probe and doctor make of it."""

from __future__ import annotations

import json
import socket

import pytest
from fake_wayland import FakeCompositor
from fakes import FakeClock, FakeProbe

from socialtime.probes import sway_ipc, wayland_client
from socialtime.probes import wayland_wire as wire
from socialtime.probes.base import Foreground
from socialtime.probes.kde import KdeProbe
from socialtime.probes.sway_ipc import Focused, SwayIpc, focused_node
from socialtime.probes.wayland_client import WaylandClient
from socialtime.probes.wlroots import WlrootsProbe

ENV = {"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": "/run/user/1000"}


@pytest.fixture(autouse=True)
def no_connect_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    # The fake answers only when pumped: the client must not wait for it at connect.
    monkeypatch.setattr(wayland_client, "CONNECT_WAIT", 0.0)


@pytest.fixture
def compositor() -> FakeCompositor:
    fake = FakeCompositor()
    yield fake
    fake.close()


def make_client(fake: FakeCompositor, clock: FakeClock, timeout: float = 180.0) -> WaylandClient:
    threshold = [timeout]
    client = WaylandClient(
        ENV, idle_timeout=lambda: threshold[0], clock=clock, connect=fake.connect
    )
    client.threshold = threshold  # type: ignore[attr-defined]
    return client


def settle(client: WaylandClient, fake: FakeCompositor, rounds: int = 4) -> bool:
    """Let the client and the fake exchange messages until the client is ready."""
    ready = client.poll()
    for _ in range(rounds):
        fake.pump()
        ready = client.poll()
    return ready


# --- the wire format ---------------------------------------------------------------------------


def test_encode_and_decode_round_trip() -> None:
    raw = wire.encode(7, 3, "usiaso", (1, "wl_seat", -5, b"\x02\0\0\0", None, 42))
    msg = wire.Connection.__new__(wire.Connection)
    msg._in = bytearray(raw)  # type: ignore[attr-defined]
    (parsed,) = list(msg._messages())  # type: ignore[attr-defined]
    assert (parsed.object_id, parsed.opcode) == (7, 3)
    assert len(raw) % 4 == 0 and int.from_bytes(raw[4:8], "little") >> 16 == len(raw)
    args = wire.decode("usiaso", parsed.payload)
    assert args == [1, "wl_seat", -5, b"\x02\0\0\0", None, 42]
    assert wire.uint_array(b"\x02\0\0\0\x00\0\0\0") == [2, 0]


def test_a_short_or_malformed_message_is_a_wire_error() -> None:
    with pytest.raises(wire.WireError):
        wire.decode("s", b"\x10\0\0\0abc")  # a string longer than its message
    conn = wire.Connection.__new__(wire.Connection)
    conn._in = bytearray(b"\1\0\0\0\x03\0\x02\0")  # type: ignore[attr-defined]  # size 2 < 8
    with pytest.raises(wire.WireError):
        list(conn._messages())  # type: ignore[attr-defined]


def test_the_socket_path_follows_libwayland() -> None:
    assert wire.socket_path(ENV) == "/run/user/1000/wayland-1"
    assert wire.socket_path({"XDG_RUNTIME_DIR": "/r"}) == "/r/wayland-0"
    assert wire.socket_path({"WAYLAND_DISPLAY": "/tmp/w"}) == "/tmp/w"
    with pytest.raises(wire.WireError, match="XDG_RUNTIME_DIR"):
        wire.socket_path({"WAYLAND_DISPLAY": "wayland-0"})


def test_ids_released_by_the_compositor_are_used_again_lowest_first() -> None:
    conn = wire.Connection.__new__(wire.Connection)
    wire.Connection.__init__(conn, None)  # type: ignore[arg-type]
    assert [conn.new_id() for _ in range(3)] == [2, 3, 4]
    conn.release(4)
    conn.release(3)
    conn.release(99)  # never handed out: ignored
    assert [conn.new_id(), conn.new_id(), conn.new_id()] == [3, 4, 5]


# --- windows -----------------------------------------------------------------------------------


def test_connects_lazily_and_sees_the_window_in_front(compositor: FakeCompositor) -> None:
    compositor.open("notes", "foot")
    compositor.open("(3) Facebook — Mozilla Firefox", "firefox")
    client = make_client(compositor, FakeClock(0))
    assert compositor.connects == 0  # nothing before the first poll
    assert settle(client, compositor)
    assert compositor.versions["zwlr_foreign_toplevel_manager_v1"] == 3
    assert compositor.versions["wl_seat"] == 1
    handle, top = client.active()
    assert (top.app_id, top.title) == ("firefox", "(3) Facebook — Mozilla Firefox")
    assert len(client.toplevels) == 2


def test_focus_and_title_changes_apply_at_done(compositor: FakeCompositor) -> None:
    notes = compositor.open("notes", "foot")
    firefox = compositor.open("Facebook — Mozilla Firefox", "firefox")
    client = make_client(compositor, FakeClock(0))
    settle(client, compositor)
    compositor.focus(notes)
    client.poll()
    assert client.active()[1].title == "notes"
    compositor.set_title(notes, "half", done=False)
    client.poll()
    assert client.active()[1].title == "notes"  # not applied before done
    compositor.set_title(notes, "todo.txt")
    client.poll()
    assert client.active()[1].title == "todo.txt"
    compositor.focus(firefox)
    client.poll()
    assert client.active()[1].app_id == "firefox"


def test_a_closed_window_is_destroyed_and_forgotten(compositor: FakeCompositor) -> None:
    window = compositor.open("notes", "foot")
    client = make_client(compositor, FakeClock(0))
    settle(client, compositor)
    compositor.close_window(window)
    client.poll()
    assert client.active() is None and client.toplevels == {}
    compositor.pump()
    assert compositor.destroyed == [window.handle]


def test_without_the_toplevel_protocol_no_windows_are_seen(compositor: FakeCompositor) -> None:
    compositor.globals = [("wl_seat", 7), ("ext_idle_notifier_v1", 2)]
    client = make_client(compositor, FakeClock(0))
    assert settle(client, compositor)
    assert not client.sees_windows and client.sees_idle
    assert client.active() is None


# --- idle ----------------------------------------------------------------------------------------


def test_idle_seconds_come_from_the_events_and_the_timeout(compositor: FakeCompositor) -> None:
    clock = FakeClock(1000.0)
    client = make_client(compositor, clock, timeout=180)
    settle(client, compositor)
    (note,) = compositor.notifications
    assert (note.interface, note.timeout_ms, note.seat) == (
        "kde",
        180_000,
        compositor.bound["wl_seat"],
    )
    assert client.idle_protocol == "org_kde_kwin_idle"
    assert client.idle_seconds() == 0.0  # not idle: somewhere below 180 s
    clock.advance(180)
    compositor.idle()
    client.poll()  # read at 1180: 180 s since the last input
    clock.advance(25)
    assert client.idle_seconds() == pytest.approx(205.0)
    compositor.idle(resumed=True)
    client.poll()
    assert client.idle_seconds() == 0.0


def test_ext_idle_notify_is_preferred_and_counts_input_only(compositor: FakeCompositor) -> None:
    compositor.globals = [
        ("wl_seat", 7),
        ("org_kde_kwin_idle", 1),
        ("ext_idle_notifier_v1", 2),
        ("zwlr_foreign_toplevel_manager_v1", 3),
    ]
    client = make_client(compositor, FakeClock(0), timeout=3)
    settle(client, compositor)
    (note,) = compositor.notifications
    assert (note.interface, note.opcode, note.timeout_ms) == ("ext", 2, 3000)
    assert "org_kde_kwin_idle" not in compositor.bound


def test_ext_idle_notify_version_1_uses_get_idle_notification(compositor: FakeCompositor) -> None:
    compositor.globals = [("wl_seat", 7), ("ext_idle_notifier_v1", 1)]
    client = make_client(compositor, FakeClock(0), timeout=60)
    settle(client, compositor)
    (note,) = compositor.notifications
    assert (note.opcode, note.timeout_ms) == (1, 60_000)


def test_a_new_idle_setting_makes_a_new_notification(compositor: FakeCompositor) -> None:
    clock = FakeClock(0)
    client = make_client(compositor, clock, timeout=180)
    settle(client, compositor)
    compositor.idle()
    client.poll()
    assert client.idle_seconds() == 180.0
    client.threshold[0] = 300  # type: ignore[attr-defined]
    client.poll()
    compositor.pump()
    old, new = compositor.notifications
    assert compositor.destroyed == [old.object_id] and new.timeout_ms == 300_000
    assert client.idle_seconds() == 0.0 and client.timeout == 300
    client.poll()  # the released id comes back with delete_id
    assert client._conn.new_id() == old.object_id  # type: ignore[union-attr]


# --- failures ------------------------------------------------------------------------------------


def test_no_display_is_an_answer_not_an_exception() -> None:
    def refuse(path: str, timeout: float) -> None:
        raise wire.WireError(f"cannot connect to {path}: No such file or directory")

    clock = FakeClock(0)
    client = WaylandClient(ENV, clock=clock, connect=refuse)
    assert client.poll() is False
    assert "wayland-1" in client.last_error and client.idle_seconds() is None
    assert client.active() is None


def test_a_lost_compositor_is_reached_again_later(compositor: FakeCompositor) -> None:
    clock = FakeClock(0)
    fakes = [compositor]
    client = WaylandClient(ENV, clock=clock, connect=lambda p, t: fakes[-1].connect(p, t))
    compositor.open("notes", "foot")
    assert settle(client, compositor)
    compositor.hang_up()
    assert client.poll() is False
    assert "closed" in client.last_error and client.toplevels == {}
    second = FakeCompositor()
    second.open("(3) Facebook — Mozilla Firefox", "firefox")
    fakes.append(second)
    try:
        assert client.poll() is False and second.connects == 0  # not before RECONNECT_AFTER
        clock.advance(wayland_client.RECONNECT_AFTER)
        assert settle(client, second)
        assert client.active()[1].app_id == "firefox"
    finally:
        second.close()


def test_a_protocol_error_drops_the_connection(compositor: FakeCompositor) -> None:
    client = make_client(compositor, FakeClock(0))
    settle(client, compositor)
    compositor.protocol_error("invalid object")
    assert client.poll() is False
    assert "protocol error 3" in client.last_error and "invalid object" in client.last_error


def test_garbage_from_the_compositor_is_a_lost_connection(compositor: FakeCompositor) -> None:
    client = make_client(compositor, FakeClock(0))
    settle(client, compositor)
    compositor.server.send(b"\1\0\0\0\x03\0\x02\0")  # a message of 2 bytes
    assert client.poll() is False and "malformed" in client.last_error


# --- the probe ------------------------------------------------------------------------------------


class FakePids:
    def __init__(self, answer: Focused | None) -> None:
        self.answer = answer
        self.asked = 0

    def focused(self) -> Focused | None:
        self.asked += 1
        return self.answer

    def close(self) -> None:
        pass


def make_probe(
    fake: FakeCompositor, pids: FakePids | None = None, fallback: FakeProbe | None = None
) -> WlrootsProbe:
    clock = FakeClock(0)
    client = make_client(fake, clock, timeout=3)
    return WlrootsProbe(
        "sway",
        fallback,
        environ=ENV,
        client=client,
        pids=pids,  # type: ignore[arg-type]
        process_name=lambda pid: "foot",
        clock=clock,
    )


def test_the_probe_turns_app_ids_into_process_names(compositor: FakeCompositor) -> None:
    compositor.open("(3) Facebook — Mozilla Firefox", "org.mozilla.firefox")
    pids = FakePids(Focused(4242, "org.mozilla.firefox", "(3) Facebook — Mozilla Firefox"))
    probe = make_probe(compositor, pids)
    settle(probe.client, compositor)
    front = probe.foreground()
    assert front == Foreground("firefox", "(3) Facebook — Mozilla Firefox", 4242)
    assert probe.foreground() == front and pids.asked == 1  # cached for the window
    assert probe.idle_seconds() == 0.0


def test_a_reused_handle_id_is_a_new_window(compositor: FakeCompositor) -> None:
    firefox = compositor.open("(3) Facebook — Mozilla Firefox", "firefox")
    pids = FakePids(Focused(10, "firefox", "(3) Facebook — Mozilla Firefox"))
    probe = make_probe(compositor, pids)
    settle(probe.client, compositor)
    assert probe.foreground() == Foreground("firefox", "(3) Facebook — Mozilla Firefox", 10)
    compositor.close_window(firefox)
    probe.client.poll()
    compositor.pump()
    compositor.open("Telegram", "org.telegram.desktop", handle=firefox.handle)
    pids.answer = Focused(20, "org.telegram.desktop", "Telegram")
    assert probe.foreground() == Foreground("telegram-desktop", "Telegram", 20)


def test_the_pid_is_taken_only_from_the_same_window(compositor: FakeCompositor) -> None:
    compositor.open("Telegram", "org.telegram.desktop")
    pids = FakePids(Focused(99, "foot", "notes"))  # sway already focused another window
    probe = make_probe(compositor, pids)
    settle(probe.client, compositor)
    assert probe.foreground() == Foreground("telegram-desktop", "Telegram", None)


def test_an_unknown_app_id_uses_the_process_name_of_its_pid(compositor: FakeCompositor) -> None:
    compositor.open("~", "org.example.Terminal")
    probe = make_probe(compositor, FakePids(Focused(7, "org.example.Terminal", "~")))
    settle(probe.client, compositor)
    assert probe.foreground() == Foreground("foot", "~", 7)
    other = FakeCompositor()
    try:
        other.open("~", "org.example.Terminal")
        no_pid = make_probe(other)
        settle(no_pid.client, other)
        assert no_pid.foreground() == Foreground("terminal", "~", None)
    finally:
        other.close()


def test_the_probe_falls_back_to_xwayland_without_the_display() -> None:
    def refuse(path: str, timeout: float) -> None:
        raise wire.WireError("cannot connect")

    fallback = FakeProbe(idle=12.0)
    fallback.show("firefox", "X11 Facebook")
    client = WaylandClient(ENV, connect=refuse)
    probe = WlrootsProbe("sway", fallback, environ=ENV, client=client)  # type: ignore[arg-type]
    assert probe.foreground() == fallback.front and probe.idle_seconds() == 12.0
    alone = WlrootsProbe("sway", None, environ=ENV, client=WaylandClient(ENV, connect=refuse))
    assert alone.foreground() is None and alone.idle_seconds() is None
    assert alone.locked() is None


def test_doctor_lines_on_a_full_compositor(compositor: FakeCompositor) -> None:
    compositor.open("(3) Facebook — Mozilla Firefox", "firefox")
    probe = make_probe(compositor, FakePids(None))
    settle(probe.client, compositor)
    checks = {c.name: c for c in probe.diagnose()}
    front = checks["foreground window"]
    assert front.ok and "wlr-foreign-toplevel-management (1 open)" in front.detail
    assert "in front: firefox (app id firefox)" in front.detail
    assert checks["window titles"].ok and "sway's IPC socket" in checks["window titles"].detail
    idle = checks["idle time"]
    assert idle.ok and idle.detail.startswith("org_kde_kwin_idle: told after 3 s without input")
    assert not checks["screen lock"].ok


def test_doctor_lines_say_what_the_compositor_lacks(compositor: FakeCompositor) -> None:
    compositor.globals = [("wl_seat", 7)]
    probe = make_probe(compositor, None, FakeProbe())
    probe.pids = None
    settle(probe.client, compositor)
    checks = {c.name: c for c in probe.diagnose()}
    front = checks["foreground window"]
    assert "does not offer wlr-foreign-toplevel-management" in front.detail
    assert "XWayland: fake" in front.detail
    assert "neither ext-idle-notify-v1 nor org_kde_kwin_idle" in checks["idle time"].detail


def test_doctor_without_a_display_says_how_to_fix_it() -> None:
    def refuse(path: str, timeout: float) -> None:
        raise wire.WireError(f"cannot connect to {path}: No such file or directory")

    probe = WlrootsProbe("sway", None, environ=ENV, client=WaylandClient(ENV, connect=refuse))
    checks = {c.name: c for c in probe.diagnose()}
    front = checks["foreground window"]
    assert not front.ok and "/run/user/1000/wayland-1" in front.detail
    assert "WAYLAND_DISPLAY" in front.detail
    assert not checks["idle time"].ok


# --- sway's IPC: the pid of the focused window -------------------------------------------------

TREE = {
    "id": 1,
    "type": "root",
    "nodes": [
        {
            "type": "output",
            "nodes": [
                {
                    "type": "workspace",
                    "nodes": [{"type": "con", "app_id": "foot", "name": "notes", "pid": 10}],
                    "floating_nodes": [
                        {
                            "type": "floating_con",
                            "app_id": None,
                            "name": "Facebook",
                            "pid": 11,
                            "focused": True,
                            "window_properties": {"class": "Firefox-esr"},
                        }
                    ],
                }
            ],
        }
    ],
}


def test_the_focused_node_of_a_sway_tree() -> None:
    assert focused_node(TREE) == Focused(11, "Firefox-esr", "Facebook")
    assert focused_node({"nodes": [{"focused": True, "type": "workspace"}]}) is None


def test_sway_ipc_asks_get_tree_over_its_socket() -> None:
    server, client = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    payload = json.dumps(TREE).encode()
    server.sendall(sway_ipc.HEADER.pack(b"i3-ipc", len(payload), 4) + payload)  # answered early
    ipc = SwayIpc("/run/user/1000/sway-ipc.sock", connect=lambda path, timeout: client)
    try:
        assert ipc.focused() == Focused(11, "Firefox-esr", "Facebook")
        asked = server.recv(64)
        assert asked == sway_ipc.HEADER.pack(b"i3-ipc", 0, 4)
        # No answer in time: None, and the connection is dropped (a late answer is not read).
        silent, client2 = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        ipc._sock = client2
        assert ipc.focused() is None and "did not answer" in ipc.last_error
        assert ipc._sock is None and client2.fileno() == -1
        silent.close()
    finally:
        server.close()
        ipc.close()


def test_sway_ipc_without_sway_is_none() -> None:
    def refuse(path: str, timeout: float) -> None:
        raise wire.WireError(f"cannot connect to {path}")

    ipc = SwayIpc("/nonexistent", connect=refuse)
    assert ipc.focused() is None and "/nonexistent" in ipc.last_error


# --- KDE: idle time over Wayland -------------------------------------------------------------


def test_kde_takes_idle_time_from_the_wayland_protocol(compositor: FakeCompositor) -> None:
    compositor.globals = [("wl_seat", 7), ("ext_idle_notifier_v1", 2)]
    clock = FakeClock(0)
    client = make_client(compositor, clock, timeout=60)
    settle(client, compositor)

    def no_bus(address: str) -> None:
        raise AssertionError("D-Bus must not be asked while Wayland tells idle time")

    probe = KdeProbe("unix:path=/nonexistent", connect=no_bus, wayland_idle=client)
    compositor.idle()
    client.poll()
    clock.advance(5)
    assert probe.idle_seconds() == 65.0
    detail = probe._idle_detail(65.0)
    assert detail == (
        "Wayland ext-idle-notify-v1: told after 60 s without input (the idle setting); "
        "idle for 65 s"
    )
