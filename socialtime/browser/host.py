"""``socialtime browser-host``: the native messaging host the browser starts for the extension.

The browser runs it with the extension's port on stdin (it writes nothing back: the extension
needs no answer, and stdout belongs to the protocol, so logs go to stderr). Every valid message
is passed on to the running recorder with the browser's pid (this process's parent: the browser
starts native hosts itself, and the launcher script ``exec``s Python, so no shell sits between)
and the time. When no recorder listens, messages are dropped; the extension repeats its report
every 2 s, so a recorder that starts or restarts learns the current site within seconds.

The process lives as long as the browser keeps the port open and exits 0 at end of input.

On Windows the recorder is reached through its named pipe (see winpipe), and the launcher is a
``.bat`` file, so the parent is cmd.exe: the browser is cmd.exe's parent (see browser_pid).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from socialtime.browser.bridge import socket_path
from socialtime.browser.protocol import FrameDecoder, ProtocolError, Relay, parse_host_message

if TYPE_CHECKING:
    from socialtime.browser import win32api

__all__ = ["RecorderLink", "browser_pid", "main", "serve"]

log = logging.getLogger("socialtime.browser")

RETRY_SECONDS = 1.0
PROGRAM = "socialtime browser-host"  # i18n: ignore - the command's name, before its messages


class _Writer(Protocol):
    def sendall(self, data: bytes, /) -> None: ...
    def close(self) -> None: ...


class RecorderLink:
    """A connection to the recorder's bridge, made on demand and remade after a restart: the
    socket at ``path``, or on Windows (or with a fake ``api``) the named pipe.

    Connection attempts are at most one per ``RETRY_SECONDS``, so a browser sending messages
    while no recorder runs costs one failed ``connect`` a second, not one per message.
    """

    def __init__(
        self,
        path: Path,
        clock: Callable[[], float] = time.monotonic,
        api: win32api.Api | None = None,
    ) -> None:
        self.path = path
        self.clock = clock
        self.api = api
        if api is None and sys.platform == "win32":
            from socialtime.browser.win32api import WinApi

            self.api = WinApi()
        self._sock: _Writer | None = None
        self._next_try = 0.0

    def send(self, frame: bytes) -> bool:
        """Send one frame; True when the recorder got it."""
        for _ in range(2):  # a write to a dead recorder fails once; then reconnect at once
            sock = self._connect()
            if sock is None:
                return False
            try:
                sock.sendall(frame)
                return True
            except OSError:
                self.close()
                self._next_try = 0.0
        return False

    def _connect(self) -> _Writer | None:
        if self._sock is not None:
            return self._sock
        now = self.clock()
        if now < self._next_try:
            return None
        self._next_try = now + RETRY_SECONDS
        if self.api is not None:
            from socialtime.browser.winpipe import open_pipe

            try:
                self._sock = open_pipe(self.api)
            except OSError:
                return None
            return self._sock
        from socialtime.browser.unixsock import connect

        try:
            self._sock = connect(self.path, 2.0)
        except OSError:
            return None
        return self._sock

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None


def serve(
    read: Callable[[], bytes],
    send: Callable[[bytes], object],
    browser_pid: int,
    clock: Callable[[], float] = time.time,
) -> int:
    """Relay every valid message read from the browser until end of input; return the number
    of messages relayed. Invalid input is dropped and logged (the reason, never the content)."""
    decoder = FrameDecoder()
    relayed = 0
    while True:
        chunk = read()
        if not chunk:
            decoder.finish()
            return relayed
        for payload in decoder.feed(chunk):
            try:
                report = parse_host_message(payload)
            except ProtocolError as e:
                log.warning("dropped a message from the browser (%s)", e)
                continue
            send(Relay(report.host, browser_pid, clock(), report.focused).encode())
            relayed += 1


def main(argv: list[str], data_dir: Path | None = None) -> int:
    """Entry point; ``argv`` holds what the browser passes (its origin or manifest path),
    which is not needed: the host manifest already limits who may start this."""
    logging.basicConfig(level=logging.WARNING, format=f"{PROGRAM}: %(message)s")
    link = RecorderLink(socket_path(data_dir))
    fd = sys.stdin.buffer.fileno()
    pid = browser_pid(os.getpid(), _parent) if sys.platform == "win32" else os.getppid()
    try:
        serve(lambda: os.read(fd, 65536), link.send, pid)
    except KeyboardInterrupt:
        pass
    finally:
        link.close()
    return 0


def browser_pid(pid: int, parent: Callable[[int], tuple[int, str] | None]) -> int:
    """The browser's pid on Windows: the parent of ``pid``, or the parent's parent when the
    parent is the cmd.exe that ran the ``.bat`` launcher. ``parent(pid)`` gives (pid, exe
    name) or None."""
    first = parent(pid)
    if first is None:
        return os.getppid()
    if first[1].lower() == "cmd.exe":
        second = parent(first[0])
        if second is not None:
            return second[0]
    return first[0]


def _parent(pid: int) -> tuple[int, str] | None:
    import psutil

    try:
        process = psutil.Process(pid).parent()
        return None if process is None else (process.pid, process.name())
    except psutil.Error:
        return None
