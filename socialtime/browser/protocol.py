"""The wire formats of the browser bridge, and their strict validation.

Two links carry the same framing, native messaging's: a 4-byte length in native byte order,
then that many bytes of UTF-8 JSON.

- browser -> ``socialtime browser-host`` (stdin): ``{"host": "<hostname>", "focused": true}``
  or ``{"host": null, "focused": ...}`` (a private window, or a page that is not http(s));
  ``focused`` says whether a window of this browser has the focus (false for a private one).
  An older extension sends ``{"host": ...}`` alone: the focus is then unknown.
- ``browser-host`` -> the recorder (a local AF_UNIX socket; a named pipe on Windows):
  ``{"host": ..., "pid": <browser pid>, "time": <unix time>}``, plus ``"focused": <bool>`` when
  the browser told it; and, for ``socialtime doctor``, ``{"query": "status"}``, which the
  recorder answers with ``{"browsers": <n>, "focus": <m>}`` (m: how many of them tell the
  focus).

Why so strict: whatever arrives here comes from another process. Anything but these exact
shapes is dropped and logged (the reason only, never the content, which may hold a hostname), so
that junk can never reach the classifier and a hostile or broken peer can never crash the
recorder. Frames are small (a hostname is at most 253 characters), so a 4 KiB limit is ample; a
longer frame is skipped as it streams by, without buffering it.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import math
import re
import struct
from collections.abc import Mapping
from dataclasses import dataclass

from socialtime.rules.sites import normalize_host

__all__ = [
    "MAX_FRAME",
    "BrowserReport",
    "FrameDecoder",
    "ProtocolError",
    "Relay",
    "clean_host",
    "encode",
    "parse_host_message",
    "parse_relay",
]

log = logging.getLogger("socialtime.browser")

MAX_FRAME = 4096
HEADER = struct.Struct("=I")  # native byte order, as Chrome and Firefox write it


class ProtocolError(ValueError):
    """A message that is not one of the accepted shapes; the text says why, without content.

    The text goes to the log only (a person never reads it as a message), so it stays English.
    """


def encode(message: Mapping[str, object]) -> bytes:
    """One frame: the length header and the compact JSON of ``message``."""
    payload = json.dumps(message, separators=(",", ":"), allow_nan=False).encode("utf-8")
    if len(payload) > MAX_FRAME:
        reason = f"message of {len(payload)} bytes exceeds {MAX_FRAME}"  # i18n: ignore - log
        raise ProtocolError(reason)
    return HEADER.pack(len(payload)) + payload


class FrameDecoder:
    """Cuts a byte stream into frame payloads, whatever the chunking of the reads.

    A frame longer than ``limit`` is counted as dropped and its bytes are discarded as they
    arrive, so memory stays bounded by ``limit`` plus one read, even for a declared length of
    4 GiB. ``finish()`` at end of input reports a truncated last frame.
    """

    def __init__(self, limit: int = MAX_FRAME) -> None:
        self.limit = limit
        self.dropped = 0
        self._buf = bytearray()
        self._skip = 0

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        frames: list[bytes] = []
        while True:
            if self._skip:
                n = min(self._skip, len(self._buf))
                del self._buf[:n]
                self._skip -= n
                if self._skip:
                    return frames
            if len(self._buf) < HEADER.size:
                return frames
            (length,) = HEADER.unpack_from(self._buf)
            if length > self.limit:
                self.dropped += 1
                log.warning("dropped a frame of %d bytes (limit %d)", length, self.limit)
                del self._buf[: HEADER.size]
                self._skip = length
                continue
            end = HEADER.size + length
            if len(self._buf) < end:
                return frames
            frames.append(bytes(self._buf[HEADER.size : end]))
            del self._buf[:end]

    def finish(self) -> None:
        """End of input: a partial frame left over is dropped (and said so)."""
        if self._buf or self._skip:
            self.dropped += 1
            log.warning("input ended inside a frame; its bytes were dropped")
        self._buf.clear()
        self._skip = 0


# What URL.hostname gives for http(s) pages: an ASCII name (IDNs in punycode), a dotted IPv4
# address or a bracketed IPv6 address. No port, no whitespace, no user info.
_NAME_CHARS = re.compile(r"[A-Za-z0-9._-]{1,253}\Z")


def clean_host(value: object) -> str:
    """The hostname in canonical form (lowercase, no trailing dot), or an IP literal.

    IP literals are valid input (a router's page, a local dev server) but never match the
    catalogue, so they count as "other". Raises ProtocolError for anything else.
    """
    if not isinstance(value, str):
        raise ProtocolError("host is neither a string nor null")  # i18n: ignore - log
    if value.startswith("[") and value.endswith("]"):
        try:
            return f"[{ipaddress.IPv6Address(value[1:-1]).compressed}]"
        except ValueError:
            raise ProtocolError("host is not a valid IPv6 literal") from None  # i18n: ignore - log
    if not _NAME_CHARS.match(value):
        raise ProtocolError("host has characters a hostname cannot have")  # i18n: ignore - log
    name = normalize_host(value)
    if name is not None:
        return name
    try:
        return str(ipaddress.IPv4Address(value))
    except ValueError:
        raise ProtocolError("host is not a valid hostname") from None  # i18n: ignore - log


def _load_object(payload: bytes) -> dict[str, object]:
    """A JSON object without duplicate keys, or ProtocolError."""

    def no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
        keys = [k for k, _ in pairs]
        if len(set(keys)) != len(keys):
            raise ProtocolError("duplicate key")  # i18n: ignore - log
        return dict(pairs)

    try:
        text = payload.decode("utf-8")
        doc = json.loads(text, object_pairs_hook=no_duplicates)
    except UnicodeDecodeError:
        raise ProtocolError("not UTF-8") from None  # i18n: ignore - log
    except RecursionError:
        raise ProtocolError("JSON nested too deeply") from None  # i18n: ignore - log
    except ValueError as e:
        if isinstance(e, ProtocolError):
            raise
        raise ProtocolError("not JSON") from None  # i18n: ignore - log
    if not isinstance(doc, dict):
        raise ProtocolError("not a JSON object")  # i18n: ignore - log
    return doc


@dataclass(frozen=True)
class BrowserReport:
    """What the extension tells: the active tab's hostname (None: private or not a web page)
    and whether a window of the browser has the focus (None: an extension that does not say)."""

    host: str | None
    focused: bool | None = None


def parse_host_message(payload: bytes) -> BrowserReport:
    """The browser's message, checked: the clean hostname and the focus."""
    doc = _load_object(payload)
    if set(doc) not in ({"host"}, {"host", "focused"}):
        raise ProtocolError(
            "expected the key 'host', and 'focused' or nothing else"  # i18n: ignore - log
        )
    host = doc["host"]
    return BrowserReport(None if host is None else clean_host(host), _focused(doc))


def _focused(doc: Mapping[str, object]) -> bool | None:
    if "focused" not in doc:
        return None
    focused = doc["focused"]
    if not isinstance(focused, bool):
        raise ProtocolError("focused is not true or false")  # i18n: ignore - log
    return focused


@dataclass(frozen=True)
class Relay:
    """What browser-host tells the recorder: a tab's hostname (None: private or not a web
    page), the browser's process id, when the browser said it, and whether a window of that
    browser has the focus (None: the browser did not say)."""

    host: str | None
    pid: int
    time: float
    focused: bool | None = None

    def encode(self) -> bytes:
        message: dict[str, object] = {"host": self.host, "pid": self.pid, "time": self.time}
        if self.focused is not None:
            message["focused"] = self.focused
        return encode(message)


def parse_relay(payload: bytes) -> Relay | str:
    """A relayed message, or the query string of a status request ("status")."""
    doc = _load_object(payload)
    if set(doc) == {"query"}:
        if doc["query"] != "status":
            raise ProtocolError("unknown query")  # i18n: ignore - log
        return "status"
    if set(doc) not in ({"host", "pid", "time"}, {"host", "pid", "time", "focused"}):
        raise ProtocolError(
            "expected the keys 'host', 'pid', 'time' and maybe 'focused'"  # i18n: ignore - log
        )
    pid, when, host = doc["pid"], doc["time"], doc["host"]
    if not isinstance(pid, int) or isinstance(pid, bool) or not 0 < pid < 2**31:
        raise ProtocolError("pid is not a process id")  # i18n: ignore - log
    if not isinstance(when, int | float) or isinstance(when, bool) or not math.isfinite(when):
        raise ProtocolError("time is not a number")  # i18n: ignore - log
    return Relay(None if host is None else clean_host(host), pid, float(when), _focused(doc))
