"""A private D-Bus daemon for tests, `dbus-send` to raise signals on it, and a tiny fake service.

The same private bus plays both the "system" and the "session" bus: the code under test gets its
address injected and never touches the machine's buses. Every process started here is killed in
teardown; every wait polls a condition with a deadline (xserver.wait_for).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

import pytest

START_TIMEOUT = 10.0


class PrivateBus:
    """A running `dbus-daemon --session` with its own address."""

    def __init__(self, proc: subprocess.Popen[str], address: str) -> None:
        self.proc = proc
        self.address = address

    @classmethod
    @contextmanager
    def start(cls) -> Iterator[PrivateBus]:
        if shutil.which("dbus-daemon") is None or shutil.which("dbus-send") is None:
            pytest.fail("dbus-daemon and dbus-send are missing: apt install dbus (CI installs it)")
        proc = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            assert proc.stdout is not None
            address = _read_line(proc.stdout, START_TIMEOUT)
            if not address.startswith("unix:"):
                pytest.fail(f"dbus-daemon printed no address (got {address!r})")
            yield cls(proc, address)
        finally:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
            if proc.stdout is not None:
                proc.stdout.close()

    def send(self, path: str, signal_name: str, *args: str) -> None:
        """Emit a signal with dbus-send: send("/x", "org.example.I.Changed", "boolean:true")."""
        subprocess.run(
            ["dbus-send", f"--bus={self.address}", "--type=signal", path, signal_name, *args],
            check=True,
            timeout=10,
        )

    def call(self, dest: str, path: str, method: str, *args: str) -> str:
        """Call a method with dbus-send and return its printed reply."""
        result = subprocess.run(
            [
                "dbus-send",
                f"--bus={self.address}",
                "--print-reply",
                f"--dest={dest}",
                path,
                method,
                *args,
            ],
            check=True,
            timeout=10,
            capture_output=True,
            text=True,
        )
        return result.stdout


def _read_line(stream: Any, timeout: float) -> str:
    """The first line of `stream`, read on a helper thread so a silent daemon cannot hang us."""
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    return lines[0].strip() if lines else ""


Handler = Callable[[tuple[Any, ...]], tuple[str, tuple[Any, ...]]]


class FakeService:
    """Owns `name` on a bus and answers method calls from `handlers`, on its own thread.

    `handlers` maps (object path, interface, member) to a function of the call's body that
    returns (reply signature, reply body); a missing entry answers UnknownMethod, as a real
    service would. `calls` records what was asked.
    """

    def __init__(self, address: str, name: str, handlers: dict[tuple[str, str, str], Handler]):
        from jeepney.io.blocking import open_dbus_connection

        self.handlers = handlers
        self.calls: list[tuple[str, str, str, tuple[Any, ...]]] = []
        self.conn = open_dbus_connection(address)
        reply = self.conn.send_and_get_reply(_request_name(name), timeout=5)
        assert reply.body[0] == 1, f"could not own {name}"
        self._stop = threading.Event()
        self._sending = threading.Lock()  # replies (its thread) and emit (the test's)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        from jeepney import HeaderFields, MessageType, new_error, new_method_return

        while not self._stop.is_set():
            try:
                msg = self.conn.receive(timeout=0.2)
            except TimeoutError:
                continue
            except OSError:
                return
            if msg.header.message_type != MessageType.method_call:
                continue
            fields = msg.header.fields
            key = (
                fields.get(HeaderFields.path),
                fields.get(HeaderFields.interface),
                fields.get(HeaderFields.member),
            )
            self.calls.append((*key, tuple(msg.body)))
            handler = self.handlers.get(key)
            if handler is None:
                answer = new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", ("no",))
            else:
                sig, body = handler(tuple(msg.body))
                answer = new_method_return(msg, sig or None, body)
            with suppress(OSError), self._sending:
                self.conn.send(answer)

    def emit(self, path: str, interface: str, member: str, signature: str, body: tuple) -> None:
        """Send a signal from this service's own connection (its unique name is the sender,
        as for a real service; dbus-send would be another sender)."""
        from jeepney import DBusAddress, new_signal

        signal = new_signal(DBusAddress(path, interface=interface), member, signature, body)
        with self._sending:
            self.conn.send(signal)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.conn.close()


def _request_name(name: str) -> Any:
    from jeepney import message_bus

    return message_bus.RequestName(name, 4)  # DO_NOT_QUEUE
