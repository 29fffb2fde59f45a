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

Importing this module does nothing on any platform: ``ctypes.windll``/``ctypes.wintypes`` are
used inside WinApi's methods only, and tests hand the server and the client a fake ``Api``.
Untested on real Windows here: the logic is tested on Linux through that fake.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from socialtime.browser.bridge import BridgeUnavailable, Peer
from socialtime.i18n import translate

__all__ = ["Api", "PipeConnection", "PipeError", "PipeServer", "WinApi", "open_pipe", "pipe_name"]

log = logging.getLogger("socialtime.browser")

# CreateNamedPipeW's modes.
PIPE_ACCESS_DUPLEX = 0x00000003  # duplex: doctor's status query gets an answer
FILE_FLAG_FIRST_PIPE_INSTANCE = 0x00080000
PIPE_TYPE_BYTE = 0x0
PIPE_READMODE_BYTE = 0x0
PIPE_WAIT = 0x0
PIPE_REJECT_REMOTE_CLIENTS = 0x00000008
MAX_INSTANCES = 16  # connected browsers and doctors at once; bounds the threads too
BUFFER = 4096
# CreateFileW's.
GENERIC_READ = 0x80000000
GENERIC_WRITE = 0x40000000
OPEN_EXISTING = 3
SECURITY_SQOS_PRESENT = 0x00100000
SECURITY_IDENTIFICATION = 0x00010000
# Errors (GetLastError).
ERROR_FILE_NOT_FOUND = 2
ERROR_ACCESS_DENIED = 5
ERROR_BROKEN_PIPE = 109
ERROR_SEM_TIMEOUT = 121
ERROR_INSUFFICIENT_BUFFER = 122
ERROR_PIPE_BUSY = 231
ERROR_NO_DATA = 232
ERROR_PIPE_NOT_CONNECTED = 233
ERROR_PIPE_CONNECTED = 535
ERROR_OPERATION_ABORTED = 995
# Process tokens.
TOKEN_QUERY = 0x0008
TOKEN_USER = 1  # the TOKEN_INFORMATION_CLASS
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000

WAIT_MS = 2000  # how long the client waits for a free instance (all busy)
RETRY_SECONDS = 1.0  # the listener's pause when it cannot create an instance


class PipeError(OSError):
    """A failed Win32 call; ``code`` is GetLastError's value (portable, unlike winerror)."""

    def __init__(self, code: int, what: str) -> None:
        super().__init__(f"{what} failed (error {code})")
        self.code = code


class Api(Protocol):
    """The Win32 calls the bridge makes; WinApi is the real one. Handles are ints.

    A failed call raises PipeError. ``read`` returns b"" at the end of the stream (the other
    end closed, or ``cancel`` was called).
    """

    def user_sid(self) -> str: ...
    def session_id(self) -> int: ...
    def create_pipe(self, name: str, open_mode: int, pipe_mode: int, sddl: str) -> int: ...
    def connect(self, handle: int) -> None: ...
    def open_pipe(self, name: str, timeout_ms: int) -> int: ...
    def read(self, handle: int, size: int) -> bytes: ...
    def write(self, handle: int, data: bytes) -> None: ...
    def flush(self, handle: int) -> None: ...
    def cancel(self, handle: int) -> None: ...
    def close(self, handle: int) -> None: ...
    def peer_sid(self, handle: int, server: bool) -> str | None: ...


def pipe_name(api: Api) -> str:
    """``\\\\.\\pipe\\socialtime-<SID>-<session>-bridge``: this user's, in this session."""
    return rf"\\.\pipe\socialtime-{api.user_sid()}-{api.session_id()}-bridge"


def user_only(sid: str) -> str:
    """The SDDL of the pipe: a protected DACL whose single entry gives ``sid`` all access."""
    return f"D:P(A;;GA;;;{sid})"


class PipeServer:
    """The recorder's end: the bridge's transport on Windows (see bridge.Transport)."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.name = ""
        self._sid = ""
        self._first: int | None = None  # the instance created by listen()
        self._stopping = threading.Event()
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._clients: dict[int, threading.Thread] = {}  # handle -> its reader thread

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

    def serve(self, new_peer: Callable[[], Peer]) -> None:
        """The listener thread: one instance waits for a client; once one connects, a new
        instance is created to wait for the next, and the connected one goes to a reader."""
        with self._lock:
            handle, self._first = self._first, None
        try:
            while not self._stopping.is_set():
                if handle is None:
                    try:
                        handle = self._create(first=False)
                    except PipeError as e:  # all instances busy, or out of resources
                        log.warning("browser bridge: %s", e)
                        self._stopping.wait(RETRY_SECONDS)
                        continue
                try:
                    self.api.connect(handle)
                except PipeError as e:
                    log.warning("browser bridge: %s", e)
                    self.api.close(handle)
                    handle = None
                    continue
                if self._stopping.is_set():
                    break  # our own wake-up call
                # The next instance first, while this one is still open: the name never
                # vanishes while we serve, so no one else can create it in between.
                following = None
                with contextlib.suppress(PipeError):  # retried at the top of the loop
                    following = self._create(first=False)
                self._hand_over(handle, new_peer)
                handle = following
        finally:
            if handle is not None:
                self.api.close(handle)
            self._done.set()

    def close(self) -> None:
        """Wake the listener and every reader, and wait (a few seconds at most) for them."""
        self._stopping.set()
        with self._lock:
            first, self._first = self._first, None
            clients = dict(self._clients)
        if first is not None:  # listen() succeeded but serve() never ran
            self.api.close(first)
            self._done.set()
        for handle in clients:
            self.api.cancel(handle)
        for _ in range(50):  # the listener may be between two instances: call until it hears
            if self._done.is_set() or not self.name:
                break
            with contextlib.suppress(PipeError):
                self.api.close(self.api.open_pipe(self.name, 100))
            self._done.wait(0.1)
        for thread in clients.values():
            thread.join(2)

    # --- inside ----------------------------------------------------------------------------

    def _create(self, first: bool) -> int:
        open_mode = PIPE_ACCESS_DUPLEX | (FILE_FLAG_FIRST_PIPE_INSTANCE if first else 0)
        pipe_mode = PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS
        return self.api.create_pipe(self.name, open_mode, pipe_mode, user_only(self._sid))

    def _hand_over(self, handle: int, new_peer: Callable[[], Peer]) -> None:
        try:
            same = self.api.peer_sid(handle, server=False) == self._sid
        except PipeError:
            same = False
        if not same:
            log.warning("browser bridge: refused a connection from another user")
            self.api.close(handle)
            return
        thread = threading.Thread(
            target=self._receive, args=(handle, new_peer()), name="browser-bridge-client"
        )
        thread.daemon = True
        with self._lock:
            self._clients[handle] = thread
        thread.start()

    def _receive(self, handle: int, peer: Peer) -> None:
        try:
            while not self._stopping.is_set():
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
        except Exception:  # never let the thread die silently
            log.exception("browser bridge: a connection failed")
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


def _last_error() -> int:
    return int(ctypes.get_last_error())  # type: ignore[attr-defined]  # exists on Windows only


class WinApi:
    """The real calls through ctypes. kernel32 and advapi32 are loaded privately (with
    use_last_error) on first use, so setting their argtypes affects no other module."""

    def __init__(self) -> None:
        self._dlls: dict[str, Any] = {}

    def _dll(self, name: str) -> Any:
        if name not in self._dlls:
            self._dlls[name] = ctypes.WinDLL(name, use_last_error=True)  # type: ignore[attr-defined]
            self._declare(name, self._dlls[name])
        return self._dlls[name]

    @staticmethod
    def _declare(name: str, dll: Any) -> None:
        from ctypes import wintypes as w

        handle, dword, ptr = ctypes.c_void_p, w.DWORD, ctypes.c_void_p
        pdword = ctypes.POINTER(w.DWORD)
        signatures: dict[str, tuple[Any, list[Any]]] = (
            {
                "GetCurrentProcess": (handle, []),
                "GetCurrentProcessId": (dword, []),
                "ProcessIdToSessionId": (w.BOOL, [dword, pdword]),
                "CreateNamedPipeW": (
                    handle,
                    [w.LPCWSTR, dword, dword, dword, dword, dword, dword, ptr],
                ),
                "ConnectNamedPipe": (w.BOOL, [handle, ptr]),
                "WaitNamedPipeW": (w.BOOL, [w.LPCWSTR, dword]),
                "CreateFileW": (handle, [w.LPCWSTR, dword, dword, ptr, dword, dword, handle]),
                "ReadFile": (w.BOOL, [handle, ptr, dword, pdword, ptr]),
                "WriteFile": (w.BOOL, [handle, ptr, dword, pdword, ptr]),
                "FlushFileBuffers": (w.BOOL, [handle]),
                "CancelIoEx": (w.BOOL, [handle, ptr]),
                "CloseHandle": (w.BOOL, [handle]),
                "LocalFree": (ptr, [ptr]),
                "OpenProcess": (handle, [dword, w.BOOL, dword]),
                "GetNamedPipeClientProcessId": (w.BOOL, [handle, pdword]),
                "GetNamedPipeServerProcessId": (w.BOOL, [handle, pdword]),
            }
            if name == "kernel32"
            else {
                "OpenProcessToken": (w.BOOL, [handle, dword, ctypes.POINTER(handle)]),
                "GetTokenInformation": (w.BOOL, [handle, ctypes.c_int, ptr, dword, pdword]),
                "ConvertSidToStringSidW": (w.BOOL, [ptr, ctypes.POINTER(w.LPWSTR)]),
                "ConvertStringSecurityDescriptorToSecurityDescriptorW": (
                    w.BOOL,
                    [w.LPCWSTR, dword, ctypes.POINTER(ptr), pdword],
                ),
            }
        )
        for function, (restype, argtypes) in signatures.items():
            getattr(dll, function).restype = restype
            getattr(dll, function).argtypes = argtypes

    @property
    def k32(self) -> Any:
        return self._dll("kernel32")

    @property
    def adv(self) -> Any:
        return self._dll("advapi32")

    @staticmethod
    def _error(what: str) -> PipeError:
        return PipeError(_last_error(), what)

    @staticmethod
    def _valid(handle: int | None) -> bool:
        return handle is not None and handle != ctypes.c_void_p(-1).value  # INVALID_HANDLE_VALUE

    # --- who we are ------------------------------------------------------------------------

    def user_sid(self) -> str:
        return self._process_sid(self.k32.GetCurrentProcess())

    def session_id(self) -> int:
        session = ctypes.c_ulong(0)
        if not self.k32.ProcessIdToSessionId(self.k32.GetCurrentProcessId(), ctypes.byref(session)):
            raise self._error("ProcessIdToSessionId")
        return int(session.value)

    def _process_sid(self, process: int) -> str:
        """The user SID of ``process``'s token, as "S-1-5-21-…"."""
        token = ctypes.c_void_p()
        if not self.adv.OpenProcessToken(process, TOKEN_QUERY, ctypes.byref(token)):
            raise self._error("OpenProcessToken")
        try:
            needed = ctypes.c_ulong(0)
            self.adv.GetTokenInformation(token, TOKEN_USER, None, 0, ctypes.byref(needed))
            buf = ctypes.create_string_buffer(max(needed.value, 1))
            if not self.adv.GetTokenInformation(
                token, TOKEN_USER, buf, needed.value, ctypes.byref(needed)
            ):
                raise self._error("GetTokenInformation")
            sid = ctypes.cast(buf, ctypes.POINTER(ctypes.c_void_p))[0]  # TOKEN_USER.User.Sid
            text = ctypes.c_wchar_p()
            if not self.adv.ConvertSidToStringSidW(sid, ctypes.byref(text)):
                raise self._error("ConvertSidToStringSidW")
            try:
                return str(text.value)
            finally:
                self.k32.LocalFree(ctypes.cast(text, ctypes.c_void_p))
        finally:
            self.k32.CloseHandle(token)

    def peer_sid(self, handle: int, server: bool) -> str | None:
        pid = ctypes.c_ulong(0)
        get = (
            self.k32.GetNamedPipeServerProcessId if server else self.k32.GetNamedPipeClientProcessId
        )
        if not get(handle, ctypes.byref(pid)):
            raise self._error("GetNamedPipeProcessId")
        process = self.k32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid.value)
        if not process:
            return None
        try:
            return self._process_sid(process)
        finally:
            self.k32.CloseHandle(process)

    # --- the pipe --------------------------------------------------------------------------

    def create_pipe(self, name: str, open_mode: int, pipe_mode: int, sddl: str) -> int:
        class SecurityAttributes(ctypes.Structure):
            _fields_ = (
                ("nLength", ctypes.c_ulong),
                ("lpSecurityDescriptor", ctypes.c_void_p),
                ("bInheritHandle", ctypes.c_int),
            )

        descriptor = ctypes.c_void_p()
        if not self.adv.ConvertStringSecurityDescriptorToSecurityDescriptorW(
            sddl, 1, ctypes.byref(descriptor), None
        ):
            raise self._error("ConvertStringSecurityDescriptorToSecurityDescriptorW")
        try:
            attributes = SecurityAttributes(ctypes.sizeof(SecurityAttributes), descriptor, 0)
            handle = self.k32.CreateNamedPipeW(
                name,
                open_mode,
                pipe_mode,
                MAX_INSTANCES,
                BUFFER,
                BUFFER,
                0,
                ctypes.byref(attributes),
            )
            if not self._valid(handle):
                raise self._error("CreateNamedPipeW")
            return int(handle)
        finally:
            self.k32.LocalFree(descriptor)

    def connect(self, handle: int) -> None:
        if not self.k32.ConnectNamedPipe(handle, None):
            error = _last_error()
            if error != ERROR_PIPE_CONNECTED:  # a client came between create and connect
                raise PipeError(error, "ConnectNamedPipe")

    def open_pipe(self, name: str, timeout_ms: int) -> int:
        for _ in range(2):
            handle = self.k32.CreateFileW(
                name,
                GENERIC_READ | GENERIC_WRITE,
                0,
                None,
                OPEN_EXISTING,
                SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION,
                None,
            )
            if self._valid(handle):
                return int(handle)
            error = _last_error()
            if error != ERROR_PIPE_BUSY or not self.k32.WaitNamedPipeW(name, timeout_ms):
                raise PipeError(error, "CreateFileW")
        raise PipeError(ERROR_PIPE_BUSY, "CreateFileW")

    def read(self, handle: int, size: int) -> bytes:
        buf = ctypes.create_string_buffer(size)
        got = ctypes.c_ulong(0)
        if not self.k32.ReadFile(handle, buf, size, ctypes.byref(got), None):
            error = _last_error()
            if error in (ERROR_BROKEN_PIPE, ERROR_OPERATION_ABORTED, ERROR_PIPE_NOT_CONNECTED):
                return b""
            raise PipeError(error, "ReadFile")
        return buf.raw[: got.value]

    def write(self, handle: int, data: bytes) -> None:
        view = memoryview(data)
        while view:
            chunk = bytes(view[:BUFFER])
            done = ctypes.c_ulong(0)
            if not self.k32.WriteFile(handle, chunk, len(chunk), ctypes.byref(done), None):
                raise self._error("WriteFile")
            view = view[done.value :]

    def flush(self, handle: int) -> None:
        if not self.k32.FlushFileBuffers(handle):
            raise self._error("FlushFileBuffers")

    def cancel(self, handle: int) -> None:
        self.k32.CancelIoEx(handle, None)  # fails harmlessly when nothing is pending

    def close(self, handle: int) -> None:
        self.k32.CloseHandle(handle)
