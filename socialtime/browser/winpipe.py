"""The browser bridge on Windows: a named pipe in place of the AF_UNIX socket.

Why these choices:
- The name ``\\\\.\\pipe\\socialtime-<user SID>-<session id>-bridge`` is per user and per logon
  session, so two people, or one person in two sessions (console and remote desktop), each get
  their own bridge, and browser-host finds the recorder of its own session.
- ``PIPE_REJECT_REMOTE_CLIENTS``: a pipe is reachable over SMB by default; this one is refused to
  every other machine, so the promise "no connection, no listening port" holds.
- A security descriptor ``D:P(A;;GA;;;<user SID>)`` (protected, one entry): only this user may
  open the pipe or create instances of it, not even administrators or SYSTEM by default.
- ``FILE_FLAG_FIRST_PIPE_INSTANCE`` on the first instance: when the name already exists (another
  recorder of ours, or a squatter that created it first to read the hostnames), creating fails
  with ERROR_ACCESS_DENIED, and the bridge says it is unavailable instead of sharing the name.
  It also replaces the Unix lock file: one recorder per user and session.
- Both ends check that the process at the other end runs as this user (the client's and the
  server's process token), and the client opens with SECURITY_IDENTIFICATION so that a
  server cannot act as the user with its token.
- Blocking I/O, one thread per connected client (a handful of browsers): the listener thread
  blocks in ConnectNamedPipe, each client's thread in ReadFile. ``close()`` wakes them:
  CancelIoEx for the readers, and a connection to the pipe itself for the listener (retried
  until the listener has gone, so a listener that was between two instances is caught too).
- The same cap as on Unix (peers.MAX_PEERS served at once), and the kernel's bound on top:
  at most MAX_PEERS + 1 instances, the one more waiting for the next client, which is told
  the status and closed at once when the bridge is full, as the socket does. Peers past
  their deadline are dropped (their read cancelled) whenever the listener wakes: at each new
  client, the only time their slot is wanted, and in its pauses.
- Nothing ends the listener but ``close()``: a failed call is logged once, and it pauses
  ACCEPT_PAUSE and goes on; a reader that fails drops its client only.

Importing this module does nothing on any platform: the Win32 calls go through win32api's
``Api`` (WinApi, the real one, loads its DLLs on first use), and tests hand the server and the
client a fake ``Api``. Untested on real Windows here: the logic is tested on Linux through that
fake.
"""

from __future__ import annotations

import contextlib
import logging
import threading

from socialtime.base.i18n import translate
from socialtime.browser.channel import BridgeUnavailable
from socialtime.browser.peers import ACCEPT_PAUSE, MAX_PEERS, Hub, Peer
from socialtime.browser.win32api import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_NOT_FOUND,
    ERROR_PIPE_BUSY,
    ERROR_PIPE_NOT_CONNECTED,
    FILE_FLAG_FIRST_PIPE_INSTANCE,
    PIPE_ACCESS_DUPLEX,
    PIPE_READMODE_BYTE,
    PIPE_REJECT_REMOTE_CLIENTS,
    PIPE_TYPE_BYTE,
    PIPE_WAIT,
    Api,
    PipeError,
)

__all__ = ["PipeConnection", "PipeServer", "open_pipe", "pipe_name"]

log = logging.getLogger("socialtime.browser")

WAIT_MS = 2000  # how long the client waits for a free instance (all busy)
INSTANCES = MAX_PEERS + 1  # the peers served, and one instance to refuse the next client


def pipe_name(api: Api) -> str:
    """``\\\\.\\pipe\\socialtime-<SID>-<session>-bridge``: this user's, in this session."""
    return rf"\\.\pipe\socialtime-{api.user_sid()}-{api.session_id()}-bridge"


def user_only(sid: str) -> str:
    """The SDDL of the pipe: a protected DACL whose single entry gives ``sid`` all access."""
    return f"D:P(A;;GA;;;{sid})"


class PipeServer:
    """The recorder's end: the bridge's transport on Windows (see channel.Transport)."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.name = ""
        self._sid = ""
        self._first: int | None = None  # the instance created by listen()
        self._stopping = threading.Event()
        self._done = threading.Event()
        self._lock = threading.Lock()
        # handle -> its reader thread and peer; a handle leaves it before it is closed, so a
        # handle found here under the lock is still open (safe to cancel).
        self._clients: dict[int, tuple[threading.Thread, Peer]] = {}

    # --- Transport -------------------------------------------------------------------------

    def listen(self) -> None:
        try:
            self._sid = self.api.user_sid()
            self.name = pipe_name(self.api)
            self._first = self._create(first=True)
        except PipeError as e:
            if e.code == ERROR_ACCESS_DENIED:  # the name exists: not ours to use
                raise BridgeUnavailable(
                    translate(
                        "bridge",
                        "another socialtime (the tray or `socialtime track`) or another "
                        "program already has the browser's pipe; this one uses window titles",
                    )
                ) from None
            text = translate("bridge", "{path}: cannot listen ({error})")
            raise BridgeUnavailable(text.format(path=self.name or "pipe", error=e)) from None

    def serve(self, hub: Hub) -> None:
        """The listener thread: one instance waits for a client; once one connects, a new
        instance is created to wait for the next, and the connected one goes to a reader."""
        with self._lock:
            handle, self._first = self._first, None
        last_error = ""
        try:
            while not self._stopping.is_set():
                try:
                    handle = self._step(hub, handle)
                    last_error = ""
                except Exception as e:  # never the end of the listener: say so (once), pause
                    handle = None  # _step closed what it held
                    if repr(e) != last_error:
                        log.warning("browser bridge: %r; listening on", e)
                        log.debug("browser bridge", exc_info=True)
                    last_error = repr(e)
                    self._stopping.wait(ACCEPT_PAUSE)
        finally:
            if handle is not None:
                self.api.close(handle)
            self._done.set()

    def _step(self, hub: Hub, handle: int | None) -> int | None:
        """Wait for one client on ``handle`` (made first when None) and hand it over; returns
        the instance that waits for the next (None: make one). When it raises, it has closed
        every handle it held; a failure with one client is that client's only."""
        if handle is None:
            try:
                handle = self._create(first=False)
            except PipeError as e:
                if e.code != ERROR_PIPE_BUSY:  # out of resources: said once, as on Unix
                    hub.accept_failed(e)
                # else every instance is in use: readers of dropped peers are closing theirs
                self._sweep()
                self._stopping.wait(ACCEPT_PAUSE)
                return None
        try:
            self.api.connect(handle)
        except PipeError as e:  # e.g. the client came and went: about that client only
            log.debug("browser bridge: %s", e)
            self.api.close(handle)
            return None
        except BaseException:
            self.api.close(handle)
            raise
        if self._stopping.is_set():
            return handle  # our own wake-up call; serve() closes it
        following = None
        try:
            hub.accepting()
            self._sweep()  # a slot held by a peer past its deadline is free now
            # The next instance first, while this one is still open: the name never vanishes
            # while we serve, so no one else can create it in between.
            with contextlib.suppress(PipeError):  # retried at the top of the loop
                following = self._create(first=False)
        except BaseException:
            self.api.close(handle)
            raise
        try:
            self._hand_over(handle, hub)  # closes the handle, or gives it to a reader
        except Exception as e:  # about this client only; ``following`` awaits the next
            log.warning("browser bridge: dropped a new connection (%r)", e)
            log.debug("browser bridge", exc_info=True)
        return following

    def close(self) -> None:
        """Wake the listener and every reader, and wait (a few seconds at most) for them."""
        self._stopping.set()
        with self._lock:
            first, self._first = self._first, None
            clients = dict(self._clients)
            for handle in clients:  # under the lock: each is still open (see _clients)
                self.api.cancel(handle)
        if first is not None:  # listen() succeeded but serve() never ran
            self.api.close(first)
            self._done.set()
        for _ in range(50):  # the listener may be between two instances: call until it hears
            if self._done.is_set() or not self.name:
                break
            with contextlib.suppress(PipeError):
                self.api.close(self.api.open_pipe(self.name, 100))
            self._done.wait(0.1)
        for thread, _ in clients.values():
            thread.join(2)

    # --- inside ----------------------------------------------------------------------------

    def _create(self, first: bool) -> int:
        open_mode = PIPE_ACCESS_DUPLEX | (FILE_FLAG_FIRST_PIPE_INSTANCE if first else 0)
        pipe_mode = PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS
        return self.api.create_pipe(
            self.name, open_mode, pipe_mode, user_only(self._sid), INSTANCES
        )

    def _hand_over(self, handle: int, hub: Hub) -> None:
        """To a reader thread, or closed (another user's, or refused: the bridge is full).
        Closed too when anything here raises."""
        peer: Peer | None = None
        try:
            try:
                same = self.api.peer_sid(handle, server=False) == self._sid
            except PipeError:
                same = False
            if not same:
                log.warning("browser bridge: refused a connection from another user")
            else:
                peer = hub.new_peer()
                if peer.admitted:
                    thread = threading.Thread(
                        target=self._receive, args=(handle, peer), name="browser-bridge-client"
                    )
                    thread.daemon = True
                    with self._lock:
                        self._clients[handle] = (thread, peer)
                    thread.start()
                    return  # the reader owns the handle now
                # Full: say so (doctor reads it) and hang up at once. No FlushFileBuffers: it
                # waits for the client to read, and browser-host never reads; closing (not
                # disconnecting) leaves the written bytes to the client.
                with contextlib.suppress(PipeError):
                    self.api.write(handle, peer.refusal())
        except BaseException:
            with self._lock:
                self._clients.pop(handle, None)
            if peer is not None:
                peer.close()
            self.api.close(handle)
            raise
        self.api.close(handle)

    def _sweep(self) -> None:
        """Drop the peers past their deadline: forgotten now, their reads cancelled (each
        reader then closes its handle)."""
        with self._lock:
            for handle, (_, peer) in self._clients.items():
                if not peer.closed and peer.expired():
                    peer.close(timed_out=True)
                    self.api.cancel(handle)

    def _receive(self, handle: int, peer: Peer) -> None:
        try:
            while not self._stopping.is_set() and not peer.closed:
                try:
                    data = self.api.read(handle, 65536)
                except PipeError:
                    data = b""
                if not data:
                    return
                answer = peer.feed(data)
                if answer is not None:  # a status query from doctor: answer and hang up
                    try:
                        self.api.write(handle, answer)
                        self.api.flush(handle)  # the client reads it before the pipe closes
                    except PipeError:
                        pass
                    return
        except Exception as e:  # a bug in handling this peer's bytes: drop it, go on
            log.warning("browser bridge: dropped a connection after an error (%r)", e)
            log.debug("browser bridge", exc_info=True)
        finally:
            peer.close()
            with self._lock:
                self._clients.pop(handle, None)
            self.api.close(handle)


class PipeConnection:
    """browser-host's (and doctor's) end of the pipe, with the socket methods they use.
    ``timeout`` bounds ``recv`` (a timer cancels the read), as settimeout does for a socket."""

    def __init__(self, api: Api, handle: int, timeout: float | None = None) -> None:
        self.api = api
        self.handle: int | None = handle
        self.timeout = timeout

    def sendall(self, data: bytes) -> None:
        if self.handle is None:
            raise PipeError(ERROR_PIPE_NOT_CONNECTED, "WriteFile")
        self.api.write(self.handle, data)

    def recv(self, size: int) -> bytes:
        if self.handle is None:
            return b""
        if self.timeout is None:
            return self.api.read(self.handle, size)
        timer = threading.Timer(self.timeout, self.api.cancel, (self.handle,))
        timer.daemon = True
        timer.start()
        try:
            return self.api.read(self.handle, size)
        finally:
            timer.cancel()

    def close(self) -> None:
        if self.handle is not None:
            self.api.close(self.handle)
            self.handle = None


def open_pipe(api: Api, timeout_ms: int = WAIT_MS, timeout: float | None = None) -> PipeConnection:
    """Connect to this user's recorder: FileNotFoundError when none listens, PipeError when
    all instances stay busy or the process at the other end is not this user's (a squatter:
    nothing is sent to it)."""
    try:
        handle = api.open_pipe(pipe_name(api), timeout_ms)
    except PipeError as e:
        if e.code == ERROR_FILE_NOT_FOUND:
            raise FileNotFoundError(str(e)) from None
        raise
    try:
        same = api.peer_sid(handle, server=True) == api.user_sid()
    except PipeError:
        same = False
    if not same:
        api.close(handle)
        log.warning("browser bridge: the pipe belongs to another user; nothing sent")
        raise PipeError(ERROR_ACCESS_DENIED, "GetNamedPipeServerProcessId")
    return PipeConnection(api, handle, timeout)
