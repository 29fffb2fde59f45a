"""The bridge on Windows, run on Linux: the named pipe's server and client through a fake
``Api`` that simulates pipes in memory (one byte queue per direction and per connection).

What this cannot show: that the real Win32 calls behave as the fake does (CancelIoEx waking a
synchronous ReadFile, the SDDL's effect, PIPE_REJECT_REMOTE_CLIENTS). Those need Windows."""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes import FakeClock
from xserver import wait_for

from socialtime.browser import winpipe
from socialtime.browser.bridge import NO_BROWSER, BrowserBridge, bridge_status
from socialtime.browser.host import RecorderLink, browser_pid
from socialtime.browser.peers import HANDSHAKE_SECONDS, MAX_PEERS
from socialtime.browser.protocol import FrameDecoder, encode
from socialtime.browser.win32api import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_NOT_FOUND,
    ERROR_NO_DATA,
    ERROR_OPERATION_ABORTED,
    ERROR_PIPE_BUSY,
    FILE_FLAG_FIRST_PIPE_INSTANCE,
    PIPE_ACCESS_DUPLEX,
    PIPE_REJECT_REMOTE_CLIENTS,
    PipeError,
)
from socialtime.browser.winpipe import PipeServer
from socialtime.probes.base import Foreground
from socialtime.rules.sites import load_catalogue

PID = 4242
ERROR_NO_SYSTEM_RESOURCES = 1450
T0 = 1_800_000_000.0
SID = "S-1-5-21-1000-2000-3000-1001"
NAME = rf"\\.\pipe\socialtime-{SID}-2-bridge"
EOF = None
LOCK = threading.Lock()  # the fake "kernel": one client per instance


class End:
    """One end of a connected pipe: what it reads arrives in ``inbox``."""

    def __init__(self) -> None:
        self.inbox: queue.Queue[bytes | None] = queue.Queue()
        self.left = b""
        self.peer: End | None = None
        self.closed = False
        self.sid = SID


class Instance(End):
    """A server instance, waiting for a client until one connects."""

    def __init__(self) -> None:
        super().__init__()
        self.attached = threading.Event()
        self.cancelled = False


class FakeApi:
    """Named pipes in memory, shared by the server's and the clients' api (``pipes``)."""

    def __init__(self, pipes: dict[str, list[Instance]] | None = None, sid: str = SID) -> None:
        self.pipes: dict[str, list[Instance]] = {} if pipes is None else pipes
        self.sid = sid
        self.handles: dict[int, End] = {}
        self.created: list[tuple[str, int, int, str, int]] = []
        self.next = 100
        self.peak = 0  # the most instances of one name at once
        self.failures: list[int] = []  # errors the next create_pipe calls fail with

    def _new(self, end: End) -> int:
        self.next += 1
        self.handles[self.next] = end
        return self.next

    def user_sid(self) -> str:
        return self.sid

    def session_id(self) -> int:
        return 2

    def create_pipe(
        self, name: str, open_mode: int, pipe_mode: int, sddl: str, max_instances: int
    ) -> int:
        self.created.append((name, open_mode, pipe_mode, sddl, max_instances))
        if open_mode & FILE_FLAG_FIRST_PIPE_INSTANCE and name in self.pipes:
            raise PipeError(ERROR_ACCESS_DENIED, "CreateNamedPipeW")
        if len(self.pipes.get(name, [])) >= max_instances:  # as the kernel bounds them
            raise PipeError(ERROR_PIPE_BUSY, "CreateNamedPipeW")
        if self.failures:
            raise PipeError(self.failures.pop(0), "CreateNamedPipeW")
        instance = Instance()
        instance.sid = self.sid
        self.pipes.setdefault(name, []).append(instance)
        self.peak = max(self.peak, len(self.pipes[name]))
        return self._new(instance)

    def connect(self, handle: int) -> None:
        instance = self.handles[handle]
        assert isinstance(instance, Instance)
        instance.attached.wait()
        if instance.cancelled:
            raise PipeError(ERROR_OPERATION_ABORTED, "ConnectNamedPipe")

    def open_pipe(self, name: str, timeout_ms: int) -> int:
        """CreateFileW, and WaitNamedPipeW (up to ``timeout_ms``) while every instance is busy."""
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            if not self.pipes.get(name):
                raise PipeError(ERROR_FILE_NOT_FOUND, "CreateFileW")
            with LOCK:
                for instance in list(self.pipes.get(name, [])):
                    if instance.peer is None and not instance.closed:
                        client = End()
                        client.sid = self.sid
                        client.peer, instance.peer = instance, client
                        instance.attached.set()
                        return self._new(client)
            if time.monotonic() > deadline:
                raise PipeError(ERROR_PIPE_BUSY, "CreateFileW")
            time.sleep(0.005)  # WaitNamedPipeW

    def read(self, handle: int, size: int) -> bytes:
        end = self.handles[handle]
        if not end.left:
            got = end.inbox.get()
            if got is EOF:
                end.inbox.put(EOF)  # stays at the end
                return b""
            end.left = got
        data, end.left = end.left[:size], end.left[size:]
        return data

    def write(self, handle: int, data: bytes) -> None:
        end = self.handles[handle]
        if end.peer is None or end.peer.closed:
            raise PipeError(ERROR_NO_DATA, "WriteFile")
        end.peer.inbox.put(bytes(data))

    def flush(self, handle: int) -> None:
        pass

    def cancel(self, handle: int) -> None:
        end = self.handles[handle]
        if isinstance(end, Instance) and end.peer is None:
            end.cancelled = True
            end.attached.set()
        end.inbox.put(EOF)

    def close(self, handle: int) -> None:
        end = self.handles.pop(handle)
        end.closed = True
        if end.peer is not None:
            end.peer.inbox.put(EOF)
        for name, instances in list(self.pipes.items()):
            if end in instances:
                instances.remove(end)
                if not instances:
                    del self.pipes[name]  # the last instance gone: the name is free again

    def peer_sid(self, handle: int, server: bool) -> str | None:
        peer = self.handles[handle].peer
        return None if peer is None else peer.sid


@pytest.fixture
def pipes() -> dict[str, list[Instance]]:
    return {}


@pytest.fixture
def api(pipes) -> FakeApi:
    return FakeApi(pipes)


@pytest.fixture
def mono() -> FakeClock:
    return FakeClock(1000.0)


@pytest.fixture
def bridge(api: FakeApi, mono: FakeClock) -> Iterator[BrowserBridge]:
    bridge = BrowserBridge(
        load_catalogue(), 5.0, Path("unused"), FakeClock(T0), PipeServer(api), monotonic=mono
    )
    assert bridge.start(), bridge.problem
    yield bridge
    bridge.stop()


@pytest.fixture
def link(pipes) -> Iterator[RecorderLink]:
    link = RecorderLink(Path("unused"), api=FakeApi(pipes))
    yield link
    link.close()


def report(link: RecorderLink, host: str | None, pid: int = PID) -> None:
    assert link.send(encode({"host": host, "pid": pid, "time": T0}))


def arrived(bridge: BrowserBridge, expected: str | None, pid: int = PID) -> None:
    def holds() -> bool:
        with bridge._lock:
            got = bridge._reports.get(pid)
        return got is not None and got.host == expected

    wait_for(holds, f"the bridge to hold {expected!r} for pid {pid}")


def front(pid: int = PID) -> Foreground:
    return Foreground("chrome.exe", "Some page - Google Chrome", pid)


def test_the_pipe_is_local_and_for_this_user_only(bridge, api):
    name, open_mode, pipe_mode, sddl, max_instances = api.created[0]
    assert name == NAME
    assert open_mode == PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE
    assert pipe_mode & PIPE_REJECT_REMOTE_CLIENTS
    assert pipe_mode & 0b110 == 0  # byte type, byte read mode
    assert sddl == f"D:P(A;;GA;;;{SID})"
    assert max_instances == MAX_PEERS + 1  # the peers served, and one to refuse the next


def test_a_report_through_the_pipe_reaches_the_tracker(bridge, link, api):
    report(link, "www.facebook.com")
    arrived(bridge, "www.facebook.com")
    assert bridge.host_for(front(), T0) == "www.facebook.com"
    assert bridge.host_for(front(PID + 1), T0) is None
    assert bridge.connected()
    wait_for(lambda: len(api.created) >= 2, "an instance for the next client")
    later = api.created[1:]
    assert all(not c[1] & FILE_FLAG_FIRST_PIPE_INSTANCE for c in later)
    assert all(c[2] & PIPE_REJECT_REMOTE_CLIENTS and c[3:] == api.created[0][3:] for c in later)


def test_junk_and_oversized_frames_are_dropped_and_the_connection_goes_on(bridge, link):
    assert link.send(encode({"host": "x.com/path", "pid": PID, "time": T0}))
    assert link.send(b"\x05\x00\x00\x00nope!")
    assert link.send((5000).to_bytes(4, "little") + b"y" * 5000)  # longer than MAX_FRAME
    report(link, "www.instagram.com")
    arrived(bridge, "www.instagram.com")


def test_a_closed_browser_is_forgotten(bridge, link):
    report(link, "www.reddit.com")
    arrived(bridge, "www.reddit.com")
    link.close()
    wait_for(lambda: not bridge.connected(), "the bridge to see the browser go")
    assert bridge.host_for(front(), T0) is None


def test_stop_wakes_the_listener_and_the_readers(bridge, link, pipes):
    report(link, "www.reddit.com")
    arrived(bridge, "www.reddit.com")
    thread = bridge._thread
    assert thread is not None and thread.is_alive()
    bridge.stop()
    assert not thread.is_alive()
    assert not [t for t in threading.enumerate() if t.name.startswith("browser-bridge")]
    assert pipes == {}  # every instance closed: the name is free
    assert bridge.host_for(front(), T0) is None


def test_a_restarted_recorder_gets_reports_again(bridge, link, api, pipes):
    report(link, "www.facebook.com")
    arrived(bridge, "www.facebook.com")
    bridge.stop()
    again = BrowserBridge(load_catalogue(), 5.0, None, FakeClock(T0), PipeServer(FakeApi(pipes)))
    assert again.start(), again.problem
    try:
        report(link, "www.youtube.com")  # the old pipe is broken: the link reconnects at once
        arrived(again, "www.youtube.com")
    finally:
        again.stop()


def test_a_link_without_recorder_retries_at_most_once_a_second(pipes):
    now = [0.0]
    api = FakeApi(pipes)
    opened: list[str] = []
    real_open = api.open_pipe

    def counting_open(name: str, timeout_ms: int) -> int:
        opened.append(name)
        return real_open(name, timeout_ms)

    api.open_pipe = counting_open  # type: ignore[method-assign]
    link = RecorderLink(Path("unused"), clock=lambda: now[0], api=api)
    assert not link.send(b"x")
    assert not link.send(b"x")
    assert opened == [NAME]
    now[0] = 1.5
    assert not link.send(b"x")
    assert len(opened) == 2


def test_an_existing_pipe_is_not_used(api, pipes):
    squatter = FakeApi(pipes, sid="S-1-5-21-6666")
    squatter.create_pipe(NAME, PIPE_ACCESS_DUPLEX, PIPE_REJECT_REMOTE_CLIENTS, "D:", 1)
    bridge = BrowserBridge(load_catalogue(), 5.0, None, FakeClock(T0), PipeServer(api))
    assert not bridge.start()
    assert "already has the browser's pipe" in (bridge.problem or "")
    assert bridge.diagnose().ok is False
    bridge.stop()  # harmless
    # ...and browser-host sends nothing to a pipe served by another user.
    link = RecorderLink(Path("unused"), api=FakeApi(pipes))
    assert not link.send(encode({"host": "www.facebook.com", "pid": PID, "time": T0}))
    (instance,) = pipes[NAME]
    assert list(instance.inbox.queue) == [EOF]  # connected, found foreign, closed: no bytes


def test_a_client_of_another_user_is_refused(bridge, pipes):
    other = FakeApi(pipes, sid="S-1-5-21-6666")
    handle = other.open_pipe(NAME, 100)
    other.write(handle, encode({"host": "www.facebook.com", "pid": PID, "time": T0}))
    wait_for(lambda: other.read(handle, 10) == b"", "the bridge to hang up")
    assert bridge.host_for(front(), T0) is None


def test_doctor_asks_through_the_pipe(bridge, link, pipes):
    doctor = FakeApi(pipes)
    assert bridge_status(api=doctor).detail == NO_BROWSER
    report(link, "www.facebook.com")
    arrived(bridge, "www.facebook.com")
    status = bridge_status(api=doctor)
    assert status.ok and "1 browser" in status.detail


def test_doctor_without_a_recorder(pipes):
    status = bridge_status(api=FakeApi(pipes))
    assert not status.ok and "not listening" in status.detail


def test_doctor_in_french_without_a_recorder(pipes, french):
    status = bridge_status(api=FakeApi(pipes))
    assert status.detail.startswith("pas d'écoute\u00a0: lancez socialtime")


def test_the_name_is_per_user_and_session():
    assert winpipe.pipe_name(FakeApi()) == NAME


def test_the_browser_is_found_behind_the_bat_launcher():
    tree = {10: (9, "cmd.exe"), 9: (8, "chrome.exe"), 20: (8, "firefox.exe")}
    assert browser_pid(10, tree.get) == 8
    assert browser_pid(20, tree.get) == 8
    assert browser_pid(10, {10: (9, "CMD.EXE")}.get) == 9  # cmd's parent unknown: cmd itself


# --- floods and faults ----------------------------------------------------------------------------


def read_all(api: FakeApi, handle: int) -> bytes:
    """Everything the server writes until it closes its end."""
    data = b""
    while chunk := api.read(handle, 4096):
        data += chunk
    return data


def test_the_pipe_is_capped_a_flood_refused_and_a_browser_gets_in_after_the_deadline(
    bridge, api, pipes, mono
):
    silent = []  # connected, and saying nothing
    for _ in range(MAX_PEERS):
        client = FakeApi(pipes)
        silent.append((client, client.open_pipe(NAME, 2000)))
    wait_for(lambda: bridge.status().peers == MAX_PEERS, "the silent clients to be served")
    flood = 100
    for _ in range(flood):
        client = FakeApi(pipes)
        told = read_all(client, client.open_pipe(NAME, 2000))  # the instance that refuses
        (answer,) = FrameDecoder().feed(told)
        assert json.loads(answer)["full"] is True
    assert bridge.refused == flood
    assert api.peak == MAX_PEERS + 1  # never more instances, hence never more threads
    assert len([t for t in threading.enumerate() if t.name == "browser-bridge-client"]) == 16
    check = bridge_status(api=FakeApi(pipes))  # refused too, and told why
    assert check.detail.startswith("listening, but refusing new connections: 16 are open")
    assert "101 connections refused since start" in check.detail

    mono.advance(HANDSHAKE_SECONDS + 0.5)
    link = RecorderLink(Path("unused"), api=FakeApi(pipes))
    try:
        report(link, "www.facebook.com")
        arrived(bridge, "www.facebook.com")
    finally:
        link.close()
    for client, handle in silent:
        assert read_all(client, handle) == b""  # dropped: its read was cancelled, pipe closed
    assert bridge.dropped == MAX_PEERS
    assert bridge._thread is not None and bridge._thread.is_alive()


def test_the_listener_survives_failing_calls_and_says_so_once(api, pipes, mono, caplog):
    caplog.set_level(logging.WARNING, "socialtime.browser")
    server = PipeServer(api)
    bridge = BrowserBridge(load_catalogue(), 5.0, None, FakeClock(T0), server, monotonic=mono)
    assert bridge.start()
    api.failures = [ERROR_NO_SYSTEM_RESOURCES, ERROR_NO_SYSTEM_RESOURCES]
    link = RecorderLink(Path("unused"), api=FakeApi(pipes))
    try:
        report(link, "www.facebook.com")  # the first instance: then the next cannot be made
        arrived(bridge, "www.facebook.com")
        wait_for(lambda: not api.failures and len(pipes[NAME]) == 2, "an instance again")
        assert bridge.shortages == 1
        messages = [r.getMessage() for r in caplog.records]
        assert sum("cannot accept a connection" in m for m in messages) == 1
        assert bridge_status(api=FakeApi(pipes)).ok
        assert sum("accepting connections again" in m for m in messages) <= 1

        def relay_failing(conn_id, message):
            raise RuntimeError("a bug in handling a report")

        bridge.relay = relay_failing  # type: ignore[method-assign]
        report(link, "www.youtube.com")
        wait_for(lambda: not bridge.connected(), "the failing reader to drop its client")
        assert "dropped a connection after an error (RuntimeError" in caplog.text
        del bridge.relay  # the real one again
        report(link, "www.youtube.com")  # the link reconnects
        arrived(bridge, "www.youtube.com")
        assert bridge._thread is not None and bridge._thread.is_alive()
    finally:
        link.close()
        bridge.stop()
    assert "Traceback" not in caplog.text


def test_an_error_in_the_listener_closes_that_client_only_and_it_listens_on(
    bridge, api, pipes, link, caplog
):
    caplog.set_level(logging.WARNING, "socialtime.browser")
    real_peer_sid = api.peer_sid
    calls: list[int] = []

    def peer_sid_failing_once(handle: int, server: bool) -> str | None:
        calls.append(handle)
        if len(calls) == 1:
            raise RuntimeError("a bug in checking the client")
        return real_peer_sid(handle, server)

    api.peer_sid = peer_sid_failing_once  # type: ignore[method-assign]
    doomed = FakeApi(pipes)
    assert read_all(doomed, doomed.open_pipe(NAME, 2000)) == b""  # closed, nothing said
    # The listener thread logs once it has closed the pipe: wait for it, not race it.
    said = "dropped a new connection (RuntimeError('a bug in checking the client'))"
    wait_for(lambda: said in caplog.text, "the listener to say it dropped the client")
    report(link, "www.facebook.com")  # the next client is served
    arrived(bridge, "www.facebook.com")
    assert bridge.status().peers == 1

    def open_server_handles() -> int:
        return len([h for h, end in list(api.handles.items()) if not end.closed])

    # the reader's instance and the one waiting: none leaked (the waiting one is made next)
    wait_for(lambda: open_server_handles() == 2, "two pipe instances, none leaked")
    assert open_server_handles() == 2
    assert "Traceback" not in caplog.text
