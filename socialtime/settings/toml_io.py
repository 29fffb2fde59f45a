"""TOML in and out: reading a settings or policy file without ever raising, and the quoting
that writes a string, an array or a key as TOML would.

Shared by the settings (.loaded reads, .writer writes, .schema names a key in an error as TOML
writes it) and the policy (.policy_sources reads its files with the same messages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from socialtime.base import file_problems, files

__all__ = ["TomlFile", "read_toml", "toml_array", "toml_key", "toml_str"]


@dataclass(frozen=True)
class TomlFile:
    """What reading a TOML file gave: the document, or in words why not."""

    data: dict[str, Any] | None  # the parsed document; None when missing or malformed
    problem: str | None  # why there is no document; None when the file simply is not there
    read: bool  # the bytes could be read (a malformed file was still read)


def read_toml(path: Path, limit: int = files.SETTINGS_LIMIT) -> TomlFile:
    """Read a settings or policy file through the bounded reader (socialtime.base.files: at
    most ``limit`` bytes, a regular file, UTF-8, at most ``files.MAX_DEPTH`` levels); never
    raises for a bad or missing file."""
    try:
        return TomlFile(files.read_toml(path, limit), None, read=True)
    except files.ReadError as error:
        if error.kind == files.MISSING:
            return TomlFile(None, None, read=False)
        return TomlFile(None, file_problems.problem(error), read=error.read)


def toml_str(text: str) -> str:
    """A TOML string: literal ('...') for regexes with backslashes when possible, else basic."""
    plain = all(ch == "\t" or (ch >= " " and ch != "\x7f") for ch in text)
    if "\\" in text and "'" not in text and plain:
        return f"'{text}'"
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    out = []
    for ch in text:
        if ch in escapes:
            out.append(escapes[ch])
        elif ch < " " or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_array(items: Any) -> str:
    return "[" + ", ".join(toml_str(str(item)) for item in items) + "]"


def toml_value(value: Any) -> str:
    """A value of one of the settings as TOML writes it: ``true``, ``180``, ``5`` for 5.0 but
    ``2.5``, a string, or an array of strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return toml_str(value)
    return toml_array(value)


def toml_key(key: str) -> str:
    """A key as TOML writes it: bare when it can be, else quoted ("youtube.com")."""
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_str(key)
