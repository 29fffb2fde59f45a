"""What the bridge and its transports say to each other: the two sides of the local channel.

A transport (unixsock.UnixSocket on Linux and macOS, winpipe.PipeServer on Windows) carries
bytes; the bridge (bridge.BrowserBridge) makes sense of them. Both import this module and
neither imports the other's, so the bridge can pick its transport without a circle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

__all__ = ["BridgeUnavailable", "Peer", "Transport"]


class BridgeUnavailable(Exception):
    """The bridge cannot listen here; the message says why and what to do."""


class Peer(Protocol):
    """One connection as a transport sees it (the bridge's is bridge.BridgePeer).

    A transport calls ``feed`` with every chunk it reads and ``close`` once when the connection
    ends; both run in the transport's threads. ``feed`` returns the answer to send, after which
    the transport hangs up, or None to keep reading.
    """

    def feed(self, data: bytes) -> bytes | None: ...
    def close(self) -> None: ...


class Transport(Protocol):
    """What differs between platforms: how the bridge listens and reads bytes.

    ``listen`` runs in ``start()`` and raises BridgeUnavailable; ``serve`` is the listener
    thread's body and returns after ``close``, which another thread calls to wake it and to
    release everything (the bridge then joins the thread).
    """

    def listen(self) -> None: ...
    def serve(self, new_peer: Callable[[], Peer]) -> None: ...
    def close(self) -> None: ...
