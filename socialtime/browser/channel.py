"""What the bridge and its transports share: the Transport protocol and BridgeUnavailable.

A transport (unixsock.UnixSocket on Linux and macOS, winpipe.PipeServer on Windows) carries
bytes; the bridge (bridge.BrowserBridge) makes sense of them, through the connections of
peers.py. Both import this module and peers.py, and no transport imports the bridge, so the
bridge can pick its transport without a circle.
"""

from __future__ import annotations

from typing import Protocol

from socialtime.browser.peers import Hub

__all__ = ["BridgeUnavailable", "Transport"]


class BridgeUnavailable(Exception):
    """The bridge cannot listen here; the message says why and what to do."""


class Transport(Protocol):
    """What differs between platforms: how the bridge listens and reads bytes.

    ``listen`` runs in ``start()`` and raises BridgeUnavailable; ``serve`` is the listener
    thread's body and returns after ``close``, which another thread calls to wake it and to
    release everything (the bridge then joins the thread). ``serve`` raises nothing while it
    runs: a failed accept() or peer is logged and dropped, and listening goes on (see Hub).
    """

    def listen(self) -> None: ...
    def serve(self, hub: Hub) -> None: ...
    def close(self) -> None: ...
