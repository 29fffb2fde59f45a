"""User input for the KWin end-to-end tests (kwin_session.py): a pointer motion through KWin's
org_kde_kwin_fake_input for each line read on stdin, answered "moved" once KWin has handled it.

    $WAYLAND_DISPLAY, $XDG_RUNTIME_DIR: KWin's socket. Prints "ready" once bound, or
    "error: ..." and exits 1 when KWin does not offer the protocol to this program.

KWin offers org_kde_kwin_fake_input only to a program whose .desktop file lists it in
X-KDE-Wayland-Interfaces, and checks /proc/PID/exe against that file's Exec: the harness runs
this script under its own copy of python3 with such a file. Self-contained on purpose (its own
few lines of the Wayland wire format): the harness does not lean on the code under test.
"""

from __future__ import annotations

import os
import select
import socket
import struct
import sys

FAKE_INPUT = "org_kde_kwin_fake_input"
DISPLAY, REGISTRY = 1, 2


class Wire:
    def __init__(self, path: str) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.next_id = REGISTRY + 1
        self.buffer = b""

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def send(self, object_id: int, opcode: int, *args: int | str) -> None:
        body = b""
        for arg in args:
            if isinstance(arg, str):
                raw = arg.encode() + b"\0"
                body += struct.pack("=I", len(raw)) + raw + b"\0" * (-len(raw) % 4)
            else:
                body += struct.pack("=i" if arg < 0 else "=I", arg)
        self.sock.sendall(struct.pack("=II", object_id, (8 + len(body)) << 16 | opcode) + body)

    def roundtrip(self, timeout: float = 5.0) -> list[tuple[int, int, bytes]]:
        """wl_display.sync, then every event until its callback is done."""
        callback = self.new_id()
        self.send(DISPLAY, 0, callback)
        events = []
        while True:
            while len(self.buffer) >= 8:
                object_id, word = struct.unpack_from("=II", self.buffer)
                size = word >> 16
                if len(self.buffer) < size:
                    break
                payload, self.buffer = self.buffer[8:size], self.buffer[size:]
                if object_id == callback:
                    return events
                if object_id == DISPLAY and word & 0xFFFF == 0:
                    raise SystemExit(f"error: protocol error {payload!r}")
                events.append((object_id, word & 0xFFFF, payload))
            if not select.select([self.sock], [], [], timeout)[0]:
                raise SystemExit("error: KWin did not answer")
            chunk = self.sock.recv(65536)
            if not chunk:
                raise SystemExit("error: KWin closed the connection")
            self.buffer += chunk


def offered(events: list[tuple[int, int, bytes]]) -> dict[str, tuple[int, int]]:
    """interface -> (registry name, version), from wl_registry.global events."""
    found = {}
    for object_id, opcode, payload in events:
        if object_id == REGISTRY and opcode == 0:
            name, length = struct.unpack_from("=II", payload)
            interface = payload[8 : 8 + length - 1].decode()
            (version,) = struct.unpack_from("=I", payload, 8 + length + (-length % 4))
            found[interface] = (name, version)
    return found


def main() -> int:
    path = os.path.join(os.environ["XDG_RUNTIME_DIR"], os.environ["WAYLAND_DISPLAY"])
    wire = Wire(path)
    wire.send(DISPLAY, 1, REGISTRY)  # get_registry
    globals_ = offered(wire.roundtrip())
    if FAKE_INPUT not in globals_:
        print(f"error: KWin does not offer {FAKE_INPUT} to {sys.executable}", flush=True)
        return 1
    name, version = globals_[FAKE_INPUT]
    fake = wire.new_id()
    wire.send(REGISTRY, 0, name, FAKE_INPUT, min(version, 4), fake)  # bind
    wire.send(fake, 0, "socialtime tests", "end-to-end tests move the pointer")  # authenticate
    wire.roundtrip()
    print("ready", flush=True)
    step = 1
    for _ in sys.stdin:
        step = -step
        wire.send(fake, 1, 3 * 256 * step, 2 * 256 * step)  # pointer_motion, 24.8 fixed point
        wire.roundtrip()
        print("moved", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
