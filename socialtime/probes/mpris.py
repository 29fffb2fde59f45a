"""Media players that say they play, over MPRIS on the session bus (Linux and BSD desktops).

MPRIS is the desktop's standard for media players: each player owns a bus name
``org.mpris.MediaPlayer2.<something>`` and tells its ``PlaybackStatus`` ("Playing", "Paused",
"Stopped") on ``/org/mpris/MediaPlayer2``. Chromium and Firefox register one for a tab that
plays sound, as do players (VLC, mpv with its plugin, Spotify...). The bus daemon tells which
process owns each connection (GetConnectionUnixProcessID), so "the window in front plays" is
"a player whose process is the window's is Playing".

Threading: one daemon thread owns the connection, reads the current players once, then follows
NameOwnerChanged (players coming and going) and PropertiesChanged (a player's status) as
signals, so the tracker's question costs a look at a set, and the bus nothing while nobody
plays or pauses. A bus that is missing or lost makes the answer "cannot tell" (None) and is
tried again every RETRY_AFTER seconds; nothing here raises into the tracker.

What is kept: for each player's connection, its process id and its status, in memory; never
its name, its metadata (the title of what plays) or anything else it publishes.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from socialtime.base.i18n import translate
from socialtime.probes import dbusio

__all__ = ["MprisWatcher"]

PREFIX = "org.mpris.MediaPlayer2."
PATH = "/org/mpris/MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"
PROPERTIES = "org.freedesktop.DBus.Properties"
BUS = "org.freedesktop.DBus"
BUS_PATH = "/org/freedesktop/DBus"
PLAYING = "Playing"
RETRY_AFTER = 10.0  # seconds between attempts to reach a bus that is missing or was lost
READ_TIMEOUT = 5.0  # the listener also wakes this often to notice close()


@dataclass
class _Player:
    pid: int | None
    status: str


class MprisWatcher:
    """Follows the MPRIS players of ``bus`` ("SESSION": the environment's; or an address).

    ``playing_pids`` answers at once from what the listener thread last heard.
    """

    name = "MPRIS"  # i18n: ignore - a proper name

    def __init__(
        self,
        bus: str = dbusio.SESSION,
        *,
        connect: Callable[[str], Any] = dbusio.connect,
        retry_after: float = RETRY_AFTER,
    ) -> None:
        self.bus = bus
        self._connect = connect
        self._retry_after = retry_after
        self._guard = threading.Lock()
        self._players: dict[str, _Player] = {}  # a player's unique connection name -> it
        self._owners: dict[str, str] = {}  # an MPRIS bus name -> the unique name owning it
        self._playing: frozenset[int] | None = None  # None: not connected, cannot tell
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._conn: Any = None
        self.problem: str | None = None  # why the bus cannot be used, for doctor

    def __repr__(self) -> str:
        return f"MprisWatcher({self.bus!r}, playing={self._playing!r})"

    # --- what the tracker reads --------------------------------------------------------------

    def playing_pids(self) -> frozenset[int] | None:
        return self._playing

    # --- life cycle --------------------------------------------------------------------------

    def start(self) -> None:
        """Start listening (once; again after close())."""
        with self._guard:
            if self._thread is not None:
                return
            self._stop = stop = threading.Event()
            self._ready = ready = threading.Event()
            self._thread = threading.Thread(
                target=self._run, args=(stop, ready), name="socialtime-mpris", daemon=True
            )
            self._thread.start()

    def wait_ready(self, timeout: float) -> bool:
        """Wait until the players were read once, or the bus failed."""
        return self._ready.wait(timeout)

    def close(self) -> None:
        """Stop listening and wait for the thread (about a second at most)."""
        with self._guard:
            self._stop.set()
            if self._conn is not None:
                dbusio.wake(self._conn)
            thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(READ_TIMEOUT + 1.0)
        self._playing = None

    def describe(self) -> tuple[bool, str]:
        """For doctor: how many players there are, or why the bus cannot be used."""
        if self._playing is None:
            return False, self.problem or translate("mpris", "no answer from the session bus yet")
        with self._guard:
            players = len(self._players)
        if not players:
            return True, translate("mpris", "no media player on the session bus now")
        text = translate("mpris", "%n media player(s) on the session bus", None, players)
        return True, text

    # --- the listener thread -----------------------------------------------------------------

    def _run(self, stop: threading.Event, ready: threading.Event) -> None:
        while not stop.is_set():
            conn = None
            try:
                conn = self._connect(self.bus)
                with self._guard:
                    if stop.is_set():
                        break
                    self._conn = conn
                queued = _collect_signals(conn)
                self._subscribe(conn)
                self._read_all(conn)
                self.problem = None
                ready.set()
                while not stop.is_set():
                    if len(queued) == queued.maxlen:  # some may have been lost: read again
                        queued.clear()
                        self._read_all(conn)
                    while queued:  # signals that came while a call waited for its reply
                        self._handle(conn, queued.popleft())
                    try:
                        msg = conn.receive(timeout=READ_TIMEOUT)
                    except TimeoutError:
                        continue
                    self._handle(conn, msg)
            except dbusio.BusError as exc:
                self.problem = str(exc)
            # A system boundary: a broken socket raises OSError, ConnectionResetError, parser
            # errors...; the listener survives them all and tries again later.
            except Exception as exc:
                if not stop.is_set():
                    text = translate("mpris", "lost {bus}: {error}")
                    self.problem = text.format(bus=dbusio.describe(self.bus), error=repr(exc))
            finally:
                if conn is not None:
                    dbusio.close_quietly(conn)
                with self._guard:
                    self._conn = None
                    self._players.clear()
                    self._owners.clear()
                self._playing = None
                ready.set()
            stop.wait(self._retry_after)

    def _subscribe(self, conn: Any) -> None:
        from jeepney import MatchRule, message_bus

        owners = MatchRule(
            type="signal", sender=BUS, interface=BUS, member="NameOwnerChanged", path=BUS_PATH
        )
        owners.add_arg_condition(0, PREFIX.rstrip("."), kind="namespace")
        status = MatchRule(
            type="signal", interface=PROPERTIES, member="PropertiesChanged", path=PATH
        )
        for rule in (owners, status):
            try:
                conn.send_and_get_reply(message_bus.AddMatch(rule), timeout=dbusio.CALL_TIMEOUT)
            except Exception as exc:
                text = translate("mpris", "cannot follow the media players: {error}")
                raise dbusio.BusError(text.format(error=exc)) from exc

    def _read_all(self, conn: Any) -> None:
        names = dbusio.call(conn, BUS, BUS_PATH, BUS, "ListNames")[0]
        with self._guard:
            self._players.clear()
            self._owners.clear()
        for name in names:
            if isinstance(name, str) and name.startswith(PREFIX):
                self._add(conn, name)
        self._publish()

    def _add(self, conn: Any, name: str) -> None:
        """Learn the player that owns ``name``: its connection, process and status. A player
        that went away meanwhile (or does not answer) is left out."""
        try:
            owner = str(dbusio.call(conn, BUS, BUS_PATH, BUS, "GetNameOwner", "s", (name,))[0])
            pid_body = dbusio.call(
                conn, BUS, BUS_PATH, BUS, "GetConnectionUnixProcessID", "s", (name,)
            )
        except dbusio.CallError:
            return  # the player is gone already
        pid = pid_body[0] if pid_body and isinstance(pid_body[0], int) else None
        status = _status(conn, name)
        with self._guard:
            self._owners[name] = owner
            self._players[owner] = _Player(pid, status)

    def _remove(self, name: str) -> None:
        with self._guard:
            owner = self._owners.pop(name, None)
            if owner is not None and owner not in self._owners.values():
                self._players.pop(owner, None)

    def _handle(self, conn: Any, msg: Any) -> None:
        kind, path, iface, member = dbusio.header(msg)
        if kind != "signal":
            return
        if iface == BUS and member == "NameOwnerChanged" and len(msg.body) == 3:
            name, old, new = msg.body
            if not isinstance(name, str) or not name.startswith(PREFIX):
                return
            if old:
                self._remove(name)
            if new:
                self._add(conn, name)
            self._publish()
        elif iface == PROPERTIES and member == "PropertiesChanged" and path == PATH:
            self._status_changed(conn, msg)

    def _status_changed(self, conn: Any, msg: Any) -> None:
        from jeepney import HeaderFields

        if len(msg.body) < 3 or msg.body[0] != PLAYER:
            return
        sender = msg.header.fields.get(HeaderFields.sender)
        changed, invalidated = msg.body[1], msg.body[2]
        with self._guard:
            player = self._players.get(sender)
        if player is None:
            return  # not a player we know (or a program faking one): ignored
        if "PlaybackStatus" in changed:
            value = changed["PlaybackStatus"][1]
            status = value if isinstance(value, str) else ""
        elif "PlaybackStatus" in invalidated:
            status = _status(conn, sender)
        else:
            return
        with self._guard:
            player.status = status
        self._publish()

    def _publish(self) -> None:
        with self._guard:
            pids = frozenset(p.pid for p in self._players.values() if p.status == PLAYING and p.pid)
        self._playing = pids


def _status(conn: Any, name: str) -> str:
    """A player's PlaybackStatus; "" (not playing) when it does not answer in time or has
    none: one hung player must not cost the others their answers."""
    try:
        value = dbusio.get_property(conn, name, PATH, PLAYER, "PlaybackStatus")
    except dbusio.BusError:
        return ""
    return value if isinstance(value, str) else ""


def _collect_signals(conn: Any) -> deque[Any]:
    """Keep signals that arrive while a method call waits for its reply (jeepney would drop
    them): they are handled after it."""
    from jeepney import MatchRule

    queued: deque[Any] = deque(maxlen=256)
    conn.filter(MatchRule(type="signal"), queue=queued)
    return queued
