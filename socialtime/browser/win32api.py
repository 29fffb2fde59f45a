"""The Win32 calls of the Windows bridge (winpipe), behind a Protocol so that tests fake them.

``Api`` is everything winpipe's server and client ask of Windows; ``WinApi`` makes the real calls
through ctypes. Importing this module does nothing on any platform: ``ctypes.WinDLL`` and
``ctypes.wintypes`` are used inside WinApi's methods only, so it imports on Linux and macOS,
where the tests hand winpipe a fake ``Api`` instead.
"""

from __future__ import annotations

import ctypes
from typing import Any, Protocol

__all__ = ["Api", "PipeError", "WinApi"]

# CreateNamedPipeW's modes.
PIPE_ACCESS_DUPLEX = 0x00000003  # duplex: doctor's status query gets an answer
FILE_FLAG_FIRST_PIPE_INSTANCE = 0x00080000
PIPE_TYPE_BYTE = 0x0
PIPE_READMODE_BYTE = 0x0
PIPE_WAIT = 0x0
PIPE_REJECT_REMOTE_CLIENTS = 0x00000008
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


class PipeError(OSError):
    """A failed Win32 call; ``code`` is GetLastError's value (portable, unlike winerror)."""

    def __init__(self, code: int, what: str) -> None:
        super().__init__(f"{what} failed (error {code})")
        self.code = code


class Api(Protocol):
    """The Win32 calls the bridge makes; WinApi is the real one. Handles are ints.

    A failed call raises PipeError. ``read`` returns b"" at the end of the stream (the other
    end closed, or ``cancel`` was called). ``create_pipe`` fails with ERROR_PIPE_BUSY once
    ``max_instances`` instances of the name exist (the same number for each of them).
    """

    def user_sid(self) -> str: ...
    def session_id(self) -> int: ...
    def create_pipe(
        self, name: str, open_mode: int, pipe_mode: int, sddl: str, max_instances: int
    ) -> int: ...
    def connect(self, handle: int) -> None: ...
    def open_pipe(self, name: str, timeout_ms: int) -> int: ...
    def read(self, handle: int, size: int) -> bytes: ...
    def write(self, handle: int, data: bytes) -> None: ...
    def flush(self, handle: int) -> None: ...
    def cancel(self, handle: int) -> None: ...
    def close(self, handle: int) -> None: ...
    def peer_sid(self, handle: int, server: bool) -> str | None: ...


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

    def create_pipe(
        self, name: str, open_mode: int, pipe_mode: int, sddl: str, max_instances: int
    ) -> int:
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
                max_instances,
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
