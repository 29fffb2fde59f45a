"""Reading and writing a small file of the user's: bounded when read, whole when written.

Writing: every file socialtime writes whole is written by ``write_private`` (or, bit by bit,
``write_private_with``): the settings, an export, the team goal file and what is remembered of
leaving a team, a weekly team summary, the declined invitation, the autostart entry, the browser
manifests and their launcher. Through a temporary file in the same directory, flushed to disk,
then renamed into place: a crash mid-write leaves the old file or the new one, never half of
one, and a symbolic link in the file's place is replaced, never followed. The temporary file
comes from ``tempfile.mkstemp`` (mode 0600), so the result is readable by the user only, unless
the caller asks for another mode because others read it too (0644 for an autostart entry or a
browser manifest, 0755 for the browser's launcher). An OSError names the file asked for, never
the temporary one.

Reading: every file that a person, an organisation or a team wrote (settings, policy files,
team goal files, team summaries, the site catalogue, records in the data folder, browser
manifests, autostart entries) goes through ``read_bytes`` and, for a document, one of
``read_toml``, ``read_json`` or ``read_plist``. Such a file may be anything: ``/dev/zero``, a
FIFO nobody writes to, a gigabyte, a binary, or ``[[[[...]]]]`` nested 3,000 deep, which makes
the standard parsers (recursive) raise RecursionError. So the reader

- opens without blocking (``O_NONBLOCK``) and refuses what is not a regular file, so a FIFO or
  a device can neither hang nor flood it;
- reads at most ``limit + 1`` bytes, and refuses a file longer than ``limit``;
- decodes UTF-8 (a byte order mark, as Notepad writes, is dropped);
- counts the brackets of a TOML or JSON text before parsing it, so that the parser never
  recurses deeper than ``MAX_DEPTH`` levels; catches RecursionError anyway; and checks the
  parsed document's depth without recursion (dotted keys and table headers nest without
  brackets; a binary property list may even hold a cycle);
- raises nothing but ``ReadError``, whose ``kind`` says which check failed and whose other
  fields hold what a message needs (socialtime.base.file_problems words it).

This module imports nothing of socialtime, so any module may use it without a cycle.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

T = TypeVar("T")

__all__ = [
    "MAX_DEPTH",
    "MISSING",
    "NOT_UTF8",
    "PRIVATE",
    "SETTINGS_LIMIT",
    "SMALL_LIMIT",
    "SPECIAL",
    "SYNTAX",
    "TOO_DEEP",
    "TOO_LARGE",
    "UNREADABLE",
    "ReadError",
    "decode_text",
    "depth_problem",
    "parse_json",
    "parse_plist",
    "parse_toml",
    "read_bytes",
    "read_json",
    "read_plist",
    "read_text",
    "read_toml",
    "write_private",
    "write_private_with",
]

# Settings and policy files, the site catalogue. The program writes a few hundred bytes; one
# written by hand with 2,000 custom sites (about 120 bytes each) still fits. Not more: tomllib
# is slow on hostile text (256 KiB of 31-part dotted keys costs it 1.2 s of CPU here, and the
# time grows with the size), and a bad file must never keep the tray from starting for long.
SETTINGS_LIMIT = 256 * 1024
# Team goal files and summaries (a few hundred bytes), browser manifests, autostart entries.
SMALL_LIMIT = 64 * 1024
# Levels of tables and arrays, the document itself counting as one. The deepest a settings
# or policy value goes is 6 (``mandatory.sites.custom[0].hosts``); 32 leaves room and keeps
# the recursive standard parsers far from Python's recursion limit, even when they are called
# from deep inside the Qt event loop.
MAX_DEPTH = 32

# ReadError.kind
MISSING = "missing"  # no such file (FileNotFoundError)
UNREADABLE = "unreadable"  # an OSError (permission, a directory, ...); ``detail`` is its text
SPECIAL = "special"  # a device, a FIFO or a socket: not a regular file
TOO_LARGE = "too-large"  # more than ``limit`` bytes
NOT_UTF8 = "not-utf8"  # ``offset`` is the first bad byte
SYNTAX = "syntax"  # the parser refused it; ``detail`` is its (English) message
TOO_DEEP = "too-deep"  # more than ``limit`` levels; at ``line``/``column`` or at ``key``

_READ = frozenset({TOO_LARGE, NOT_UTF8, SYNTAX, TOO_DEEP})

PRIVATE = 0o600  # the mode of what write_private writes, unless told otherwise


class ReadError(Exception):
    """A file that gave no document, and why. ``str()`` is for logs and tracebacks (English);
    a person reads ``socialtime.base.file_problems.problem(error)``, translated."""

    def __init__(
        self,
        path: Path | str,
        kind: str,
        detail: str = "",
        *,
        fmt: str = "",
        limit: int = 0,
        offset: int = -1,
        line: int = 0,
        column: int = 0,
        key: str = "",
    ) -> None:
        super().__init__(f"{path}: {kind}{': ' + detail if detail else ''}")
        self.path = Path(path)
        self.kind = kind
        self.detail = detail  # an OSError's text, or the parser's message
        self.fmt = fmt  # "toml", "json" or "plist" for SYNTAX and TOO_DEEP
        self.limit = limit  # bytes for TOO_LARGE, levels for TOO_DEEP
        self.offset = offset
        self.line, self.column = line, column  # 1-based; 0 when unknown
        self.key = key  # where a document is too deep, as a dotted key

    @property
    def read(self) -> bool:
        """The file was there and its bytes were read (a malformed file was still read)."""
        return self.kind in _READ


# -- bytes and text -----------------------------------------------------------------------


def read_bytes(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them; ReadError otherwise.

    Opened with O_NONBLOCK so that a FIFO without a writer does not block, then refused
    unless fstat says it is a regular file: only then is it read, ``limit + 1`` bytes at
    most, so that ``/dev/zero`` or a huge file cannot exhaust memory."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as error:
        raise ReadError(path, MISSING, error.strerror or str(error)) from None
    except OSError as error:
        raise ReadError(path, UNREADABLE, error.strerror or str(error)) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ReadError(path, UNREADABLE, os.strerror(errno.EISDIR))
        if not stat.S_ISREG(mode):
            raise ReadError(path, SPECIAL)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise ReadError(path, UNREADABLE, error.strerror or str(error)) from None
    finally:
        os.close(fd)
    if size > limit:
        raise ReadError(path, TOO_LARGE, limit=limit)
    return b"".join(chunks)


def decode_text(raw: bytes, path: Path | str) -> str:
    """UTF-8 text; a byte order mark (Notepad writes one) is harmless and dropped."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise ReadError(path, NOT_UTF8, offset=error.start) from None


def read_text(path: Path | str, limit: int) -> str:
    """The UTF-8 text of a regular file of at most ``limit`` bytes; ReadError otherwise."""
    return decode_text(read_bytes(path, limit), path)


# -- depth --------------------------------------------------------------------------------

# What may hold a bracket that does not nest: strings (the multi-line ones may end with one or
# two quotes of their content before the closing three) and, in TOML, comments. Then what
# nests: brackets, and in TOML the dots of a dotted key, with what ends a key.
_TOML_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"{1,2}(?!"))*"{3,5}'
    r"|'''(?:[^']|'{1,2}(?!'))*'{3,5}"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[\[\]{}.=,\n]",
    re.DOTALL,
)
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def _nesting(text: str, tokens: re.Pattern[str], start: int, limit: int) -> int:
    """The offset where ``text`` goes past ``limit`` levels (the document counting
    ``start``), or -1; only a bound: unbalanced brackets are the parser's to refuse.

    Brackets nest; so do the parts of a TOML dotted key (``a.b.c = 1``, ``[a.b.c]``): a key
    of more than ``limit`` parts is refused here, before tomllib, whose time grows with the
    square of a key's parts (100 KB of ``a.a.a…`` takes it 84 s). A dot in a value (a float,
    a time) is one at most between two separators, far from the limit."""
    depth, dots = start, 0
    for match in tokens.finditer(text):
        char = match.group()
        if char == ".":
            dots += 1
            if dots >= limit:  # a key of limit + 1 parts
                return match.start()
            continue
        if char in "[{":
            depth += 1
            if depth > limit:
                return match.start()
        elif char in "]}":
            depth = max(start, depth - 1)
        if len(char) == 1:
            dots = 0
    return -1


def _key(parent: str, name: object) -> str:
    if isinstance(name, int):
        return f"{parent}[{name}]"
    text = str(name)
    if not re.fullmatch(r"[A-Za-z0-9_-]+", text):
        text = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{parent}.{text}" if parent else text


def depth_problem(document: Any, limit: int = MAX_DEPTH) -> str | None:
    """None when no table or array of ``document`` is more than ``limit`` levels deep (the
    document itself is level 1); else the key of the first one that is ("" for the document).

    Without recursion. A table or array met a second time is refused the same way: TOML and
    JSON never share one, but a binary property list can, or can hold a cycle, which any code
    walking the document as a tree would follow forever (or, shared, many times over)."""
    stack: list[tuple[Any, int, str]] = [(document, 1, "")]
    seen: set[int] = set()
    while stack:
        value, level, key = stack.pop()
        if isinstance(value, dict):
            items: Any = value.items()
        elif isinstance(value, list):
            items = enumerate(value)
        else:
            continue
        if level > limit or id(value) in seen:
            return key
        seen.add(id(value))
        for name, item in items:
            if isinstance(item, dict | list):
                stack.append((item, level + 1, _key(key, name)))
    return None


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _too_deep(
    path: Path | str, fmt: str, limit: int, text: str = "", offset: int = -1
) -> ReadError:
    line, column = _line_column(text, offset) if offset >= 0 else (0, 0)
    return ReadError(path, TOO_DEEP, fmt=fmt, limit=limit, line=line, column=column)


def _checked(document: Any, path: Path | str, fmt: str, limit: int) -> Any:
    key = depth_problem(document, limit)
    if key is not None:
        raise ReadError(path, TOO_DEEP, fmt=fmt, limit=limit, key=key)
    return document


# -- documents ----------------------------------------------------------------------------


def parse_toml(text: str, path: Path | str, depth: int = MAX_DEPTH) -> dict[str, Any]:
    """A TOML document of at most ``depth`` levels; ReadError naming ``path`` otherwise."""
    import tomllib

    deep = _nesting(text, _TOML_TOKENS, 1, depth)  # the document is a table: level 1
    if deep >= 0:
        raise _too_deep(path, "toml", depth, text, deep)
    try:
        document = tomllib.loads(text)
    except RecursionError:  # not expected after the count; never let it out
        raise _too_deep(path, "toml", depth) from None
    except ValueError as error:  # TOMLDecodeError; also an integer of more than 4,300 digits
        raise ReadError(path, SYNTAX, str(error), fmt="toml") from None
    return _checked(document, path, "toml", depth)


def parse_json(text: str, path: Path | str, depth: int = MAX_DEPTH) -> Any:
    """A JSON document of at most ``depth`` levels; ReadError naming ``path`` otherwise."""
    import json

    text = text.removeprefix("\ufeff")
    deep = _nesting(text, _JSON_TOKENS, 0, depth)
    if deep >= 0:
        raise _too_deep(path, "json", depth, text, deep)
    try:
        document = json.loads(text)
    except RecursionError:
        raise _too_deep(path, "json", depth) from None
    except json.JSONDecodeError as error:
        raise ReadError(
            path, SYNTAX, error.msg, fmt="json", line=error.lineno, column=error.colno
        ) from None
    except ValueError as error:  # an integer of more than 4,300 digits
        raise ReadError(path, SYNTAX, str(error), fmt="json") from None
    return _checked(document, path, "json", depth)


def parse_plist(raw: bytes, path: Path | str, depth: int = MAX_DEPTH) -> Any:
    """A property list (XML or binary) of at most ``depth`` levels; ReadError otherwise."""
    import plistlib

    try:
        document = plistlib.loads(raw)
    except RecursionError:
        raise _too_deep(path, "plist", depth) from None
    except Exception as error:  # plistlib raises many kinds for a damaged file
        raise ReadError(path, SYNTAX, str(error) or type(error).__name__, fmt="plist") from None
    return _checked(document, path, "plist", depth)


def read_toml(
    path: Path | str, limit: int = SETTINGS_LIMIT, depth: int = MAX_DEPTH
) -> dict[str, Any]:
    """The TOML document in ``path``: bounded in size and depth, UTF-8; ReadError otherwise."""
    return parse_toml(read_text(path, limit), path, depth)


def read_json(path: Path | str, limit: int = SMALL_LIMIT, depth: int = MAX_DEPTH) -> Any:
    """The JSON document in ``path``: bounded in size and depth, UTF-8; ReadError otherwise."""
    return parse_json(read_text(path, limit), path, depth)


def read_plist(path: Path | str, limit: int = SETTINGS_LIMIT, depth: int = MAX_DEPTH) -> Any:
    """The property list in ``path``, bounded in size and depth; ReadError otherwise."""
    return parse_plist(read_bytes(path, limit), path, depth)


# -- writing ------------------------------------------------------------------------------


def write_private(path: Path, data: str | bytes, *, mode: int = PRIVATE) -> None:
    """Write ``data`` to ``path`` atomically: text as UTF-8 with its line ends as given, or
    bytes as they are; mode 0600 unless ``mode`` says otherwise.

    The directory must exist: creating it, and with which mode, is the caller's choice."""
    if isinstance(data, bytes):
        _write_whole(path, lambda handle: handle.write(data), mode, binary=True)
    else:
        _write_whole(path, lambda handle: handle.write(data), mode, binary=False)


def write_private_with(path: Path, fill: Callable[[IO[str]], T], *, mode: int = PRIVATE) -> T:
    """As :func:`write_private`, for a text file that ``fill`` writes bit by bit (an export);
    returns what ``fill`` returns. Any OSError (no such folder, no permission, disk full)
    leaves nothing behind: neither the temporary file nor a part of the new one."""
    return _write_whole(path, fill, mode, binary=False)


def _write_whole(path: Path, fill: Callable[[Any], T], mode: int, binary: bool) -> T:
    path = Path(path)
    # A short temporary name: one built from a long file name would be refused as too long
    # where the name itself is not.
    prefix, tmp = f".{path.name[:24]}.", ""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
        if binary:
            handle: IO[Any] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        with handle:
            result = fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if mode != PRIVATE:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as error:
        if tmp:
            with contextlib.suppress(OSError):
                Path(tmp).unlink(missing_ok=True)
        if isinstance(error, OSError) and _temporary(error.filename, path, prefix):
            error.filename = str(path)  # the file asked for, not a name the caller never gave
            error.filename2 = None
        raise
    return result


def _temporary(name: object, path: Path, prefix: str) -> bool:
    """Whether ``name`` (an OSError's file name) is a temporary file of ``_write_whole``."""
    if not isinstance(name, str) or not name.endswith(".tmp"):
        return False
    tmp = Path(name)
    return tmp.name.startswith(prefix) and tmp.parent == Path(os.path.abspath(path.parent))
