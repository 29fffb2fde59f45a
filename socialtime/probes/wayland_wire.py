"""The Wayland wire protocol, in pure Python: a local socket, messages in, messages out.

Why hand-written rather than a library: socialtime needs a dozen messages of six interfaces
(wl_display, wl_registry, wl_callback, wl_seat, the wlr foreign-toplevel manager and its
handles, ext-idle-notify-v1 and KDE's org_kde_kwin_idle). libwayland's Python bindings
(pywayland) are compiled; PyPI's pure-Python `python-wayland` builds some 200 protocol classes
on import, prints a warning when WAYLAND_DISPLAY is unset and lacks org_kde_kwin_idle, the
only idle protocol of sway 1.7 and of older KWin. The wire format itself is small and stable
(https://wayland.freedesktop.org/docs/html/ch04.html): this module is about 200 lines.

The socket is AF_UNIX only (a Wayland display is a filesystem path; nothing here can reach a
network) and non-blocking: `read()` returns what has arrived and never waits, `flush()` writes
what the kernel takes. File descriptors are never expected: if a compositor sent one, the
kernel closes it for us, since no ancillary buffer is given to recv().
"""

from __future__ import annotations

import errno
import os
import select
import socket
import struct
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from socialtime.base.i18n import translate

DISPLAY_ID = 1  # wl_display, always object 1
SERVER_ID_START = 0xFF000000  # ids from here on are made by the compositor
HEADER = struct.Struct("=II")  # object id; message size << 16 | opcode
MAX_MESSAGE = 4096  # libwayland's limit for one message
READ_LIMIT = 1 << 20  # bytes read per call at most: a flood cannot hold the tracker's thread

Arg = int | str | bytes | None


class WireError(Exception):
    """The connection is unusable (closed, refused, malformed data); str() says why."""


def lost(exc: OSError) -> WireError:
    text = translate("wayland", "lost the compositor: {error}")
    return WireError(text.format(error=exc.strerror or exc))


@dataclass(frozen=True)
class Message:
    """One event as it came off the wire: its object, opcode and undecoded arguments."""

    object_id: int
    opcode: int
    payload: bytes


def socket_path(environ: Mapping[str, str]) -> str:
    """The compositor's socket, as libwayland finds it: $WAYLAND_DISPLAY (default
    "wayland-0"), relative to $XDG_RUNTIME_DIR unless it is an absolute path."""
    name = environ.get("WAYLAND_DISPLAY") or "wayland-0"
    if name.startswith("/"):
        return name
    runtime = environ.get("XDG_RUNTIME_DIR")
    if not runtime:
        raise WireError(translate("wayland", "XDG_RUNTIME_DIR is not set"))
    return os.path.join(runtime, name)


def unix_stream(path: str, timeout: float) -> socket.socket:
    """A non-blocking stream socket connected to the filesystem path `path`.

    Raises WireError. A Unix socket connects at once or fails at once; `timeout` only bounds a
    listener whose backlog is full."""
    if sys.platform == "win32":  # pragma: no cover - Wayland is a Unix thing
        raise WireError(translate("wayland", "no Unix sockets on this platform"))
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(path)
        sock.setblocking(False)
    except OSError as exc:
        sock.close()
        text = translate("wayland", "cannot connect to {path}: {error}")
        raise WireError(text.format(path=path, error=exc.strerror or exc)) from exc
    return sock


# --- arguments ---------------------------------------------------------------------------------
# Signatures use libwayland's letters: i int, u uint, f fixed, s string, o object, n new_id,
# a array. (h, a file descriptor, is not used by any message socialtime sends or decodes.)


def _pad(n: int) -> int:
    return (n + 3) & ~3


def encode(object_id: int, opcode: int, signature: str, args: tuple[Arg, ...]) -> bytes:
    """One request, ready to send."""
    body = bytearray()
    for kind, value in zip(signature, args, strict=True):
        if kind in "uon":
            body += struct.pack("=I", int(value or 0))
        elif kind == "i":
            body += struct.pack("=i", int(value or 0))
        elif kind == "f":
            body += struct.pack("=i", int(value or 0))  # already in 24.8 fixed point
        elif kind == "s":
            if value is None:
                body += struct.pack("=I", 0)
            else:
                raw = (value if isinstance(value, bytes) else str(value).encode()) + b"\0"
                body += struct.pack("=I", len(raw)) + raw.ljust(_pad(len(raw)), b"\0")
        elif kind == "a":
            raw = value if isinstance(value, bytes) else b""
            body += struct.pack("=I", len(raw)) + raw.ljust(_pad(len(raw)), b"\0")
        else:
            raise ValueError(f"unknown argument type {kind!r}")  # i18n: ignore - a bug
    size = HEADER.size + len(body)
    return HEADER.pack(object_id, size << 16 | opcode) + bytes(body)


def decode(signature: str, payload: bytes) -> list[Arg]:
    """The arguments of an event; raises WireError when the payload does not fit."""
    out: list[Arg] = []
    pos = 0
    try:
        for kind in signature:
            if kind in "uon":
                out.append(struct.unpack_from("=I", payload, pos)[0])
                pos += 4
            elif kind in "if":
                out.append(struct.unpack_from("=i", payload, pos)[0])
                pos += 4
            elif kind in "sa":
                (length,) = struct.unpack_from("=I", payload, pos)
                pos += 4
                raw = payload[pos : pos + length]
                if len(raw) != length:
                    raise WireError(
                        translate("wayland", "an argument runs past the end of its message")
                    )
                pos += _pad(length)
                if kind == "a":
                    out.append(raw)
                elif length == 0:
                    out.append(None)
                else:
                    out.append(raw.rstrip(b"\0").decode("utf-8", "replace"))
            else:
                raise ValueError(f"unknown argument type {kind!r}")  # i18n: ignore - a bug
    except struct.error as exc:
        raise WireError(translate("wayland", "short message: {error}").format(error=exc)) from exc
    return out


def uint_array(raw: bytes) -> list[int]:
    """An `array` argument holding uint32 values (e.g. a toplevel's states)."""
    count = len(raw) // 4
    return list(struct.unpack_from(f"={count}I", raw)) if count else []


# --- the connection ----------------------------------------------------------------------------


class Connection:
    """One client connection: object ids, a send buffer, a receive buffer.

    Object ids are handed out as libwayland does: the lowest id the compositor has released
    (wl_display.delete_id) first, else the next one. A compositor refuses a new id that skips
    one or that it has not released yet, and one that never reuses ids would grow its tables.
    """

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self._out = bytearray()
        self._in = bytearray()
        self._next_id = DISPLAY_ID + 1
        self._free: list[int] = []
        self.closed = False

    def new_id(self) -> int:
        if self._free:
            self._free.sort()
            return self._free.pop(0)
        number = self._next_id
        self._next_id += 1
        return number

    def release(self, object_id: int) -> None:
        """The compositor deleted `object_id` (wl_display.delete_id): it may be used again."""
        if DISPLAY_ID < object_id < self._next_id and object_id not in self._free:
            self._free.append(object_id)

    def request(self, object_id: int, opcode: int, signature: str = "", *args: Arg) -> None:
        """Queue a request; `flush()` sends it."""
        self._out += encode(object_id, opcode, signature, args)

    def flush(self) -> None:
        """Send what the kernel takes now; the rest waits for the next flush."""
        while self._out:
            try:
                sent = self.sock.send(self._out)
            except BlockingIOError:
                return
            except OSError as exc:
                raise lost(exc) from exc
            del self._out[:sent]

    def read(self) -> list[Message]:
        """The events that have arrived, without waiting. Raises WireError at end of file
        (after the last complete events, which the next call would not see: they are lost
        with the connection anyway)."""
        received = 0
        while received < READ_LIMIT:
            try:
                chunk = self.sock.recv(65536)
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:
                raise lost(exc) from exc
            if not chunk:
                self.closed = True
                break
            self._in += chunk
            received += len(chunk)
        if self.closed:
            raise WireError(translate("wayland", "the compositor closed the connection"))
        return list(self._messages())

    def _messages(self) -> Iterator[Message]:
        buf = self._in
        while len(buf) >= HEADER.size:
            object_id, word = HEADER.unpack_from(buf)
            size, opcode = word >> 16, word & 0xFFFF
            if size < HEADER.size or size > MAX_MESSAGE or size % 4:
                text = translate("wayland", "malformed message of {size} bytes")
                raise WireError(text.format(size=size))
            if len(buf) < size:
                break
            payload = bytes(buf[HEADER.size : size])
            del buf[:size]
            yield Message(object_id, opcode, payload)

    def wait(self, timeout: float) -> bool:
        """Wait at most `timeout` s for data to read; True if some came. For start-up only."""
        try:
            ready, _, _ = select.select([self.sock], [], [], max(0.0, timeout))
        except (OSError, ValueError):
            return True  # a broken socket: the next read() says so
        return bool(ready)

    def close(self) -> None:
        self.closed = True
        try:
            self.sock.close()
        except OSError as exc:  # pragma: no cover - close of a local socket
            if exc.errno != errno.EBADF:
                raise
