"""The pid of sway's focused window, from sway's IPC socket ($SWAYSOCK).

Why: wlr-foreign-toplevel-management names a window's app and title but not its process, and
the browser bridge matches a browser's report to the window in front by pid. sway's IPC
(i3's protocol: "i3-ipc", a length, a type, JSON) tells the pid of every window. It is asked
only when a window comes in front that has no pid yet (`swaymsg -t get_tree` would cost a
process per question), and the answer is cached per window by the probe.

The socket is a local AF_UNIX one (wayland_wire.unix_stream). A question waits at most
REPLY_WAIT s for sway's answer; a late answer is dropped with the connection.
"""

from __future__ import annotations

import contextlib
import json
import select
import struct
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from socialtime.base.i18n import format_number, translate
from socialtime.probes import wayland_wire as wire

MAGIC = b"i3-ipc"
HEADER = struct.Struct("=6sII")  # magic, payload length, message type
GET_TREE = 4
REPLY_WAIT = 0.03  # s; sway answers a local question in about a millisecond
MAX_REPLY = 32 << 20  # bytes: a tree bigger than this is not a tree


@dataclass(frozen=True)
class Focused:
    """sway's focused window: its pid, app id (or X11 class under XWayland) and title."""

    pid: int
    app_id: str
    title: str


def focused_node(tree: dict[str, Any]) -> Focused | None:
    """The focused window of a get_tree answer, or None (nothing focused, or a workspace)."""
    stack: list[dict[str, Any]] = [tree]
    while stack:
        node = stack.pop()
        if node.get("focused") and node.get("pid"):
            props = node.get("window_properties") or {}
            app_id = node.get("app_id") or props.get("class") or ""
            return Focused(int(node["pid"]), str(app_id), str(node.get("name") or ""))
        stack.extend(node.get("nodes") or ())
        stack.extend(node.get("floating_nodes") or ())
    return None


class SwayIpc:
    """Questions to sway over $SWAYSOCK; connects on first use. Never raises."""

    def __init__(
        self,
        path: str,
        *,
        connect: Callable[[str, float], Any] = wire.unix_stream,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self.last_error = ""
        self._connect = connect
        self._clock = clock
        self._sock: Any = None

    def __repr__(self) -> str:
        return f"SwayIpc({self.path!r})"

    def focused(self) -> Focused | None:
        """sway's focused window now, or None when sway does not answer in time."""
        tree = self._ask(GET_TREE)
        try:
            return focused_node(tree) if isinstance(tree, dict) else None
        except (AttributeError, TypeError, ValueError) as exc:  # not the tree sway documents
            self.last_error = repr(exc)
            return None

    def _ask(self, kind: int) -> Any:
        try:
            if self._sock is None:
                self._sock = self._connect(self.path, REPLY_WAIT)
            self._sock.sendall(HEADER.pack(MAGIC, 0, kind))
            payload = self._reply(kind)
            return json.loads(payload)
        except (wire.WireError, OSError, ValueError) as exc:
            self.last_error = str(exc) or type(exc).__name__
            self.close()
            return None

    def _reply(self, kind: int) -> bytes:
        deadline = self._clock() + REPLY_WAIT
        buf = bytearray()
        for chunk in self._chunks(deadline):
            buf += chunk
            while len(buf) >= HEADER.size:
                magic, length, got = HEADER.unpack_from(buf)
                if magic != MAGIC or length > MAX_REPLY:
                    raise wire.WireError(translate("sway", "sway's IPC answered something else"))
                if len(buf) < HEADER.size + length:
                    break
                payload = bytes(buf[HEADER.size : HEADER.size + length])
                del buf[: HEADER.size + length]
                if got == kind:
                    return payload  # (an event would have the high bit set: not subscribed)
        text = translate("sway", "sway did not answer within {seconds} s")
        raise wire.WireError(text.format(seconds=format_number(REPLY_WAIT, 2)))

    def _chunks(self, deadline: float) -> Iterator[bytes]:
        while True:
            remaining = deadline - self._clock()
            if remaining <= 0:
                return
            ready, _, _ = select.select([self._sock], [], [], remaining)
            if not ready:
                return
            try:
                chunk = self._sock.recv(1 << 16)
            except BlockingIOError:
                continue
            if not chunk:
                raise wire.WireError(translate("sway", "sway closed its IPC socket"))
            yield chunk

    def close(self) -> None:
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.close()
            self._sock = None
