"""The bridge's connections, whatever transport carries them: the cap on how many are served
at once, the deadlines of those that say nothing, and the status that doctor is told.

Why a cap and deadlines: every connection costs the recorder a file descriptor (on Windows, a
pipe instance and a thread). Without a limit, a program of the user's that opens connections
and holds them (about a thousand did) exhausts the recorder's descriptors: accept() fails, and
recording itself may follow. With MAX_PEERS, one more connection is told the status, marked
full (Peer.refusal), and closed at once, so the listen backlog never fills with connections
nobody takes; a connection that says nothing is dropped after HANDSHAKE_SECONDS, one that stops
talking after IDLE_SECONDS, so that such a program blocks new browsers for seconds, not for
good. A browser already connected and reporting is never pushed out by newcomers.

The clock of the deadlines is the bridge's ``monotonic`` (injected in tests).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from socialtime.base.i18n import QT_TRANSLATE_NOOP, translate
from socialtime.browser.protocol import FrameDecoder, ProtocolError, Relay, parse_relay
from socialtime.probes.base import BROWSER_BRIDGE, Check

__all__ = [
    "ACCEPT_PAUSE",
    "HANDSHAKE_SECONDS",
    "IDLE_SECONDS",
    "MAX_PEERS",
    "NOT_LISTENING",
    "NO_BROWSER",
    "BridgeStatus",
    "Hub",
    "Peer",
]

log = logging.getLogger("socialtime.browser")

# Connections served at once. One browser-host runs per browser profile that has the
# extension, and `socialtime doctor` connects for a moment: a person with two or three
# browsers and a few profiles each needs a handful; 16 leaves room to spare and bounds what a
# runaway program can take (16 descriptors, or on Windows 16 pipe instances and threads).
MAX_PEERS = 16
# browser-host connects only when it has a report in hand and doctor sends its query at once,
# so a first valid message later than this means a peer that holds a slot and says nothing.
HANDSHAKE_SECONDS = 10.0
# The extension's heartbeat is every 2 s: 60 s of silence is a dead peer. browser-host
# reconnects at once on its next report, so dropping a peer loses nothing.
IDLE_SECONDS = 60.0
# When accept() lacks descriptors or memory, the connection waits in the backlog; the
# transport stops asking for this long, then tries again (a busy loop would help no one).
ACCEPT_PAUSE = 0.5


class Owner(Protocol):
    """What a Peer asks of the bridge (BrowserBridge is the one); called from the transport's
    threads."""

    monotonic: Callable[[], float]

    def relay(self, conn_id: int, message: Relay) -> None: ...
    def forget(self, conn_id: int, timed_out: bool) -> None: ...
    def status_frame(self, full: bool) -> bytes: ...


class Peer:
    """One connection (browser-host, or doctor asking), whatever transport carries its bytes.

    A transport asks the bridge for one per connection it accepts (``Hub.new_peer``). When
    ``admitted`` is False the bridge is full: the transport sends ``refusal()`` if it can and
    hangs up at once. Otherwise it calls ``feed`` with every chunk it reads and ``close`` when
    the connection ends (more than once is harmless), and drops the peer, with
    ``close(timed_out=True)``, once ``expired()``. All of it runs in the transport's threads.
    """

    def __init__(self, bridge: Owner, conn_id: int, admitted: bool = True) -> None:
        self.bridge = bridge
        self.conn_id = conn_id
        self.admitted = admitted
        self.decoder = FrameDecoder()
        self.opened = bridge.monotonic()
        self.heard: float | None = None  # when the last valid message arrived
        self.closed = not admitted

    def feed(self, data: bytes) -> bytes | None:
        """Handle bytes received. Returns the answer to send, after which the transport hangs
        up, when the peer was doctor asking for the status; None otherwise."""
        for payload in self.decoder.feed(data):
            try:
                message = parse_relay(payload)
            except ProtocolError as e:
                log.warning("browser bridge: dropped a message (%s)", e)
                continue
            self.heard = self.bridge.monotonic()
            if isinstance(message, Relay):
                self.bridge.relay(self.conn_id, message)
            else:
                return self.bridge.status_frame(False)
        return None

    def refusal(self) -> bytes:
        """What a refused connection is told before the hang-up: the status, marked full (so
        that doctor, refused too, can still say what is going on)."""
        return self.bridge.status_frame(full=True)

    def deadline(self) -> float:
        """When this peer is dropped unless it speaks: HANDSHAKE_SECONDS after connecting for
        its first valid message, IDLE_SECONDS after each one for the next."""
        if self.heard is None:
            return self.opened + HANDSHAKE_SECONDS
        return self.heard + IDLE_SECONDS

    def remaining(self) -> float:
        """Seconds until ``deadline`` (0 once it has passed), on the bridge's clock."""
        return max(0.0, self.deadline() - self.bridge.monotonic())

    def expired(self) -> bool:
        return self.bridge.monotonic() >= self.deadline()

    def close(self, timed_out: bool = False) -> None:
        if self.closed:
            return
        self.closed = True
        self.bridge.forget(self.conn_id, timed_out)


class Hub(Protocol):
    """What a transport asks of the bridge while it serves (BrowserBridge is the one).

    ``new_peer`` for each connection accepted; ``accept_failed`` when accept() failed for
    another reason than a client that gave up (the transport then pauses ACCEPT_PAUSE, on the
    ``monotonic`` clock) and ``accepting`` when it works again, so that the episode is said
    once."""

    monotonic: Callable[[], float]

    def new_peer(self) -> Peer: ...
    def accept_failed(self, error: OSError) -> None: ...
    def accepting(self) -> None: ...


# Shown by doctor and the tray, translated there: translate("bridge", NO_BROWSER).
NO_BROWSER = QT_TRANSLATE_NOOP(
    "bridge",
    "no browser is connected: install the socialtime extension in your browser and run "
    "`socialtime browser install`; until then sites are recognised from window titles",
)
NOT_LISTENING = QT_TRANSLATE_NOOP(
    "bridge",
    "not listening: start socialtime (the tray) or `socialtime track` to receive the browser's "
    "sites",
)


@dataclass(frozen=True)
class BridgeStatus:
    """The bridge's state as doctor tells it; the status answer carries it as JSON (the keys
    after ``browsers`` came later: an older recorder's answer lacks them, read as 0)."""

    browsers: int  # browser-host processes connected that have reported
    peers: int = 0  # connections served now (browsers, and peers that said nothing yet)
    limit: int = MAX_PEERS
    refused: int = 0  # connections refused since start: the bridge was full
    dropped: int = 0  # connections dropped since start for saying nothing
    shortages: int = 0  # times accept() lacked descriptors or memory since start
    full: bool = False  # this answer is a refusal: new connections are refused now
    focus: int = 0  # connected browsers that tell whether one of their windows has the focus

    def to_json(self, full: bool = False) -> dict[str, object]:
        doc: dict[str, object] = {
            "browsers": self.browsers,
            "peers": self.peers,
            "limit": self.limit,
            "refused": self.refused,
            "dropped": self.dropped,
            "shortages": self.shortages,
            "focus": self.focus,
        }
        if full:
            doc["full"] = True
        return doc

    @classmethod
    def from_json(cls, doc: object) -> BridgeStatus | None:
        """The status in a recorder's answer, or None when it is not one."""
        if not isinstance(doc, dict):
            return None
        numbers = {}
        for key in ("browsers", "peers", "limit", "refused", "dropped", "shortages", "focus"):
            value = doc.get(key, 0 if key != "browsers" else None)
            if key == "limit" and key not in doc:
                value = MAX_PEERS
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                return None
            numbers[key] = value
        return cls(**numbers, full=doc.get("full") is True)

    def check(self) -> Check:
        """doctor's line: connected or not, and what went wrong since start, if anything."""
        if self.full:
            text = translate(
                "bridge",
                "listening, but refusing new connections: {limit} are open at once, the most it "
                "serves (a program may be holding them open; silent ones are dropped after "
                "{seconds} s)",
            )
            detail = text.format(limit=self.limit, seconds=f"{HANDSHAKE_SECONDS:g}")
            ok = False
        elif self.browsers:
            detail = translate("bridge", "connected (%n browser(s))", None, self.browsers)
            ok = True
        else:
            detail, ok = translate("bridge", NO_BROWSER), False
        notes = []
        if self.refused:
            text = translate(
                "bridge", "%n connection(s) refused since start (more than {limit} at once)",
                None, self.refused,
            )  # fmt: skip
            notes.append(text.format(limit=self.limit))
        if self.dropped:
            notes.append(translate("bridge", "%n silent connection(s) dropped", None, self.dropped))
        if self.shortages:
            notes.append(
                translate(
                    "bridge",
                    "%n time(s) short of file descriptors or memory (it kept listening)",
                    None,
                    self.shortages,
                )
            )
        return Check(BROWSER_BRIDGE, ok, "; ".join([detail, *notes]))
