"""The bridge's socket under floods and faults: a cap on the peers served at once, refusals
told at once, deadlines for peers that say nothing, accept() failing (descriptors really
exhausted, in a child process), and a peer whose handling fails. The listener never dies,
and doctor says what is going on throughout.

Deadlines run on an injected monotonic clock (``mono``): a test moves it, then wakes the
listener with a connection, which is when a held slot matters."""

from __future__ import annotations

import errno
import json
import logging
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes import FakeClock
from helpers import ROOT
from xserver import wait_for

from socialtime.browser import unixsock
from socialtime.browser.bridge import BrowserBridge, bridge_status
from socialtime.browser.host import RecorderLink
from socialtime.browser.peers import ACCEPT_PAUSE, HANDSHAKE_SECONDS, IDLE_SECONDS, MAX_PEERS
from socialtime.browser.protocol import FrameDecoder, encode
from socialtime.browser.unixsock import UnixSocket
from socialtime.probes.base import Foreground
from socialtime.rules.sites import load_catalogue

PID = 31337
T0 = 1_800_000_000.0
FLOOD = 1100


@pytest.fixture
def runtime() -> Iterator[Path]:
    """A short private folder: a socket path must fit in 108 bytes, pytest's tmp_path may not."""
    path = Path(tempfile.mkdtemp(prefix="st-", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def mono() -> FakeClock:
    return FakeClock(1000.0)


@pytest.fixture
def bridge(runtime: Path, mono: FakeClock) -> Iterator[BrowserBridge]:
    path = runtime / "socialtime" / "bridge.sock"
    bridge = BrowserBridge(load_catalogue(), 5.0, path, FakeClock(T0), monotonic=mono)
    assert bridge.start(), bridge.problem
    yield bridge
    bridge.stop()


@pytest.fixture
def link(bridge: BrowserBridge) -> Iterator[RecorderLink]:
    link = RecorderLink(bridge.path)
    yield link
    link.close()


@pytest.fixture
def descriptors() -> Iterator[None]:
    """Room for the flood's client ends in this process (they share it with the bridge):
    the soft RLIMIT_NOFILE raised when it is below FLOOD plus a margin, restored after."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = FLOOD + 256
    if soft != resource.RLIM_INFINITY and soft < needed:
        if hard != resource.RLIM_INFINITY and hard < needed:
            pytest.skip(f"RLIMIT_NOFILE hard limit {hard} < {needed}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def report(link: RecorderLink, host: str | None, pid: int = PID) -> None:
    assert link.send(encode({"host": host, "pid": pid, "time": T0}))


def arrived(bridge: BrowserBridge, expected: str | None, pid: int = PID) -> None:
    def holds() -> bool:
        with bridge._lock:
            got = bridge._reports.get(pid)
        return got is not None and got.host == expected

    wait_for(holds, f"the bridge to hold {expected!r} for pid {pid}")


def peer_socket(path: Path) -> socket.socket:
    """A connection as a flooding program makes it: a blocking connect() waits while the
    backlog is full (with a timeout, an AF_UNIX connect() fails at once instead)."""
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(os.fspath(path))
    client.settimeout(10)
    return client


def hung_up(client: socket.socket) -> bool:
    """The bridge closed this connection (whatever it said first)."""
    client.settimeout(10)
    try:
        while client.recv(4096):
            pass
    except ConnectionResetError:
        pass
    return True


def told(client: socket.socket) -> dict[str, object] | None:
    """What the bridge said before hanging up, or None while it keeps the connection open."""
    client.settimeout(0)
    decoder = FrameDecoder()
    try:
        data = client.recv(4096)
    except BlockingIOError:
        return None
    frames = decoder.feed(data)
    assert hung_up(client)
    return json.loads(frames[0]) if frames else {}


def frames(*docs: object) -> bytes:
    return b"".join(
        len(raw).to_bytes(4, sys.byteorder) + raw for raw in (json.dumps(d).encode() for d in docs)
    )


def browser_host(runtime: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime))
    return subprocess.Popen(
        [sys.executable, "-m", "socialtime", "browser-host", "chrome-extension://abc/"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )


def host_of(bridge: BrowserBridge, pid: int) -> str | None:
    return bridge.host_for(Foreground("chromium", "Some page - Chromium", pid), T0)


def listener_alive(bridge: BrowserBridge) -> bool:
    return bridge._thread is not None and bridge._thread.is_alive()


# --- the cap -------------------------------------------------------------------------------------


def test_a_flood_is_refused_at_the_cap_and_a_browser_still_gets_through(
    bridge, link, mono, runtime, descriptors
):
    report(link, "www.facebook.com")  # a browser at work before the flood
    arrived(bridge, "www.facebook.com")

    flood = [peer_socket(bridge.path) for _ in range(FLOOD)]  # all held open
    # doctor is refused too, but told why; and it comes after the flood, so once it has its
    # answer, every connection of the flood has had its own.
    check = bridge_status(bridge.path)
    assert not check.ok
    assert check.detail.startswith("listening, but refusing new connections: 16 are open")
    refusals = FLOOD - (MAX_PEERS - 1)
    assert f"{refusals + 1:,} connections refused since start" in check.detail
    assert bridge.refused == refusals + 1
    assert listener_alive(bridge)
    status = bridge.status()
    assert (status.peers, status.browsers, status.limit) == (MAX_PEERS, 1, 16)
    answers = [told(client) for client in flood]
    held = [client for client, answer in zip(flood, answers, strict=True) if answer is None]
    refused = [answer for answer in answers if answer is not None]
    assert len(held) == MAX_PEERS - 1
    assert len(refused) == refusals
    assert all(a["full"] is True and a["limit"] == MAX_PEERS for a in refused)  # type: ignore[index]

    # The browser already in keeps its slot and its reports go on.
    report(link, "www.youtube.com")
    arrived(bridge, "www.youtube.com")

    # The silent ones pass their deadline: the next browser-host to connect takes a slot.
    mono.advance(HANDSHAKE_SECONDS + 0.5)
    host = browser_host(runtime)
    try:
        assert host.stdin is not None
        host.stdin.write(frames({"host": "www.linkedin.com"}))
        host.stdin.flush()
        arrived(bridge, "www.linkedin.com", pid=os.getpid())  # we are its "browser"
        host.stdin.close()
        assert host.wait(30) == 0
    finally:
        if host.poll() is None:
            host.kill()
            host.wait(10)
    assert all(hung_up(client) for client in held)
    assert bridge.dropped == MAX_PEERS - 1
    assert host_of(bridge, PID) == "www.youtube.com"  # not pushed out by anyone
    check = bridge_status(bridge.path)
    assert check.ok, check.detail
    assert check.detail.startswith("connected (1 browser)")  # browser-host has gone again
    assert "15 silent connections dropped" in check.detail
    for client in flood:
        client.close()


def test_peers_that_say_nothing_or_stop_talking_are_dropped_and_talkers_never(bridge, link, mono):
    silent = peer_socket(bridge.path)
    wait_for(lambda: bridge.status().peers == 1, "the silent peer to be served")
    mono.advance(HANDSHAKE_SECONDS - 1)
    assert "1 browser" not in bridge_status(bridge.path).detail  # doctor wakes the listener
    assert told(silent) is None  # still within its handshake time

    # A browser that reports every 2 s (the extension's heartbeat) is never dropped.
    for i in range(int(IDLE_SECONDS)):  # 120 s of fake time, twice the idle limit
        mono.advance(2)
        host = "www.facebook.com" if i % 2 else "www.reddit.com"
        report(link, host)
        arrived(bridge, host)
    assert hung_up(silent)
    assert (bridge.dropped, bridge.browsers()) == (1, 1)

    # One that goes quiet is dropped, and its next report reconnects at once.
    mono.advance(IDLE_SECONDS + 1)
    check = bridge_status(bridge.path)
    assert "no browser is connected" in check.detail
    assert "2 silent connections dropped" in check.detail
    assert host_of(bridge, PID) is None
    report(link, "www.x.com")
    arrived(bridge, "www.x.com")


def test_the_windows_cap_is_the_same_number(bridge):
    from socialtime.browser import winpipe

    assert winpipe.INSTANCES == MAX_PEERS + 1  # one more instance, to tell the next it is full


# --- faults ---------------------------------------------------------------------------------------


class FailingAccept(UnixSocket):
    """A real socket whose accept() first fails as the script says (then works)."""

    def __init__(self, path: Path, failures: list[int]) -> None:
        super().__init__(path)
        self.failures = failures

    def listen(self) -> None:
        super().listen()
        assert self._server is not None
        self._server = ServerProxy(self._server, self.failures)  # type: ignore[assignment]


class ServerProxy:
    def __init__(self, real: socket.socket, failures: list[int]) -> None:
        self.real, self.failures = real, failures
        self.calls = 0

    def accept(self) -> tuple[socket.socket, object]:
        self.calls += 1
        if self.failures:
            code = self.failures.pop(0)
            raise OSError(code, os.strerror(code))
        return self.real.accept()

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)


def test_accept_errors_pause_it_briefly_say_so_once_and_it_listens_on(runtime, mono, caplog):
    caplog.set_level(logging.WARNING, "socialtime.browser")
    path = runtime / "socialtime" / "bridge.sock"
    failures = [errno.ECONNABORTED, errno.EMFILE, errno.ENFILE, errno.ENOBUFS]
    transport = FailingAccept(path, failures)
    bridge = BrowserBridge(load_catalogue(), 5.0, path, FakeClock(T0), transport, mono)
    assert bridge.start()
    link = RecorderLink(path)
    try:
        report(link, "www.facebook.com")  # into the backlog: accept() is about to fail
        # ECONNABORTED (that client gave up): next at once; EMFILE: a pause, said once.
        wait_for(lambda: bridge.shortages == 1 and not failures[:-2], "EMFILE")
        calls = transport._server.calls  # type: ignore[union-attr]
        assert calls == 2  # paused: no busy loop on a socket that stays readable
        for _ in range(2):  # ENFILE, ENOBUFS: the pause again, no new message
            mono.advance(ACCEPT_PAUSE)
            wait_for(lambda c=calls: transport._server.calls > c, "accept() to be tried again")  # type: ignore[union-attr,misc]
            calls = transport._server.calls  # type: ignore[union-attr]
        mono.advance(ACCEPT_PAUSE)
        arrived(bridge, "www.facebook.com")  # the connection waited in the backlog, intact
        assert listener_alive(bridge)
        assert bridge.shortages == 1
        messages = [r.getMessage() for r in caplog.records]
        assert sum("cannot accept a connection" in m for m in messages) == 1
        assert any("Too many open files" in m for m in messages)
        assert sum("accepting connections again" in m for m in messages) == 1
        check = bridge_status(path)
        assert check.ok and "1 time short of file descriptors or memory" in check.detail
    finally:
        link.close()
        bridge.stop()
    assert "Traceback" not in caplog.text


def test_a_peer_whose_handling_fails_is_dropped_and_the_listener_goes_on(
    bridge, link, monkeypatch, caplog
):
    caplog.set_level(logging.WARNING, "socialtime.browser")
    real_relay = bridge.relay
    calls: list[int] = []

    def relay_failing_once(conn_id, message):
        calls.append(conn_id)
        if len(calls) == 1:
            raise RuntimeError("a bug in handling a report")
        real_relay(conn_id, message)

    monkeypatch.setattr(bridge, "relay", relay_failing_once)
    report(link, "www.facebook.com")
    wait_for(lambda: calls and bridge.status().peers == 0, "the failing peer to be dropped")
    assert listener_alive(bridge)
    assert "dropped a connection after an error (RuntimeError('a bug" in caplog.text

    def same_user_failing(conn):
        raise ValueError("a bug in admitting a connection")

    monkeypatch.setattr(unixsock, "_same_user", same_user_failing)
    doomed = peer_socket(bridge.path)
    assert hung_up(doomed)
    assert "dropped a new connection (ValueError('a bug" in caplog.text
    monkeypatch.undo()

    report(link, "www.youtube.com")  # the old connection is gone: the link reconnects
    arrived(bridge, "www.youtube.com")
    assert listener_alive(bridge)
    assert "Traceback" not in caplog.text


# --- descriptors really exhausted, in a child process ---------------------------------------------

CHILD = """
import errno, logging, os, resource, sys
from pathlib import Path
logging.basicConfig(level=logging.WARNING, format="%(message)s")
from socialtime.browser.bridge import BrowserBridge
from socialtime.rules.sites import load_catalogue

bridge = BrowserBridge(load_catalogue(), 5.0, Path(sys.argv[1]))
assert bridge.start(), bridge.problem
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(soft, 128), hard))
hog = []
while True:
    try:
        hog.append(os.open(os.devnull, os.O_RDONLY))
    except OSError as e:
        assert e.errno == errno.EMFILE, e
        break
print("exhausted", len(hog), flush=True)
sys.stdin.readline()
for fd in hog:
    os.close(fd)
print("freed", flush=True)
sys.stdin.readline()
print("alive" if bridge._thread.is_alive() else "dead", flush=True)
bridge.stop()
"""


def test_out_of_descriptors_the_listener_survives_and_serves_again_once_freed(runtime, tmp_path):
    path = runtime / "socialtime" / "bridge.sock"
    log = tmp_path / "child.log"
    with open(log, "wb") as err:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, cwd=ROOT,
        )  # fmt: skip
    assert child.stdin is not None and child.stdout is not None
    link = RecorderLink(path)
    try:
        line = child.stdout.readline().decode()
        assert line.startswith("exhausted"), log.read_text()
        report(link, "www.facebook.com")  # connected (in the backlog), sent, not yet read
        wait_for(lambda: "cannot accept" in log.read_text(), "the bridge to say it cannot accept")
        # doctor: listening, but no answer; meanwhile the listener retries, silently.
        check = bridge_status(path, timeout=1.5)
        assert not check.ok
        assert "listening, but the recorder did not answer within 1.5 s" in check.detail

        child.stdin.write(b"free\n")
        child.stdin.flush()
        assert child.stdout.readline() == b"freed\n"
        # The connection that waited is taken, its report read; doctor is answered again.
        wait_for(lambda: bridge_status(path).ok, "doctor to see the browser")
        check = bridge_status(path)
        assert check.detail.startswith("connected (1 browser)")
        assert "1 time short of file descriptors or memory" in check.detail

        child.stdin.write(b"done\n")
        child.stdin.flush()
        assert child.stdout.readline() == b"alive\n"
        assert child.wait(30) == 0
    finally:
        link.close()
        if child.poll() is None:
            child.kill()
            child.wait(10)
    text = log.read_text()
    assert text.count("cannot accept a connection (Too many open files)") == 1, text
    assert text.count("accepting connections again") == 1, text
    assert "Traceback" not in text


def test_many_silent_peers_at_once_from_threads_never_exceed_the_cap(bridge, mono):
    """Connections racing from several threads: the cap holds exactly."""
    clients: list[socket.socket] = []
    lock = threading.Lock()

    def connect(n: int) -> None:
        for _ in range(n):
            client = peer_socket(bridge.path)
            with lock:
                clients.append(client)

    threads = [threading.Thread(target=connect, args=(25,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert "refusing new connections" in bridge_status(bridge.path).detail  # after them all
    assert bridge.refused == 100 - MAX_PEERS + 1
    assert bridge.status().peers == MAX_PEERS
    assert sum(told(client) is None for client in clients) == MAX_PEERS
    for client in clients:
        client.close()


@pytest.mark.parametrize(
    "answer", [b"[" * 2000 + b"]" * 2000, b"\xff\xfe not utf-8", b'{"browsers": "many"}']
)
def test_doctor_takes_a_strange_answer_for_no_answer(tmp_path, answer):
    """Whatever listens on the socket may answer anything: doctor says the recorder did not
    answer, and never raises (a deep answer was a RecursionError)."""
    path = tmp_path / "bridge.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)

    def answer_once() -> None:
        conn, _ = server.accept()
        with conn:
            conn.sendall(len(answer).to_bytes(4, sys.byteorder) + answer)

    thread = threading.Thread(target=answer_once, daemon=True)
    thread.start()
    try:
        check = bridge_status(path, timeout=2.0)
    finally:
        thread.join(5)
        server.close()
    assert not check.ok
    assert check.detail == f"{path}: the recorder did not answer"
