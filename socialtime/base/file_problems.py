"""Why a file gave no document, in the user's language: the one wording of every ReadError.

socialtime.base.files reads (it imports nothing of socialtime, i18n included); this module says
what went wrong, so that the settings, a policy, a team goal file, a team summary or the site
catalogue each fail with the same sentence for the same fault. A caller puts the problem in
its own frame (a ``ConfigError`` of the file, a ``TeamError``, a line of ``team aggregate``);
each frame names the file.
"""

from __future__ import annotations

from socialtime.base import files
from socialtime.base.files import ReadError
from socialtime.base.i18n import translate

__all__ = ["message", "problem"]

_KEY_MAX = 80


def _size(limit: int) -> str:
    if limit % (1024 * 1024) == 0:
        text = translate("files", "too large (more than {size} MiB)")
        return text.format(size=limit // (1024 * 1024))
    return translate("files", "too large (more than {size} KiB)").format(size=limit // 1024)


def _too_deep(error: ReadError) -> str:
    if error.line:
        text = translate(
            "files", "nested more than {limit} levels deep (at line {line}, column {column})"
        )
        return text.format(limit=error.limit, line=error.line, column=error.column)
    if error.key:
        key = error.key if len(error.key) <= _KEY_MAX else error.key[: _KEY_MAX - 3] + "..."
        text = translate("files", "nested more than {limit} levels deep (at key {key})")
        return text.format(limit=error.limit, key=key)
    text = translate("files", "nested more than {limit} levels deep")
    return text.format(limit=error.limit)


def _syntax(error: ReadError) -> str:
    if error.fmt == "json" and error.line:
        text = translate(
            "files",
            "not valid JSON, truncated or damaged ({error} at line {line}, column {column})",
        )
        return text.format(error=error.detail, line=error.line, column=error.column)
    if error.fmt == "json":
        return translate("files", "not valid JSON: {error}").format(error=error.detail)
    if error.fmt == "plist":
        return translate("files", "not a property list ({error})").format(error=error.detail)
    # tomllib's message (English: the stdlib has no French) ends "(at line L, column C)"
    return translate("files", "not valid TOML: {error}").format(error=error.detail)


def problem(error: ReadError) -> str:
    """What is wrong with the file, without its name (the caller's frame gives it)."""
    kind = error.kind
    if kind in (files.MISSING, files.UNREADABLE):
        return translate("files", "cannot read the file ({error})").format(error=error.detail)
    if kind == files.SPECIAL:
        why = translate("files", "not a regular file but a device, a pipe or a socket")
        return translate("files", "cannot read the file ({error})").format(error=why)
    if kind == files.TOO_LARGE:
        return _size(error.limit)
    if kind == files.NOT_UTF8:
        text = translate("files", "not a UTF-8 text file (bad byte at offset {offset})")
        return text.format(offset=error.offset)
    if kind == files.TOO_DEEP:
        return _too_deep(error)
    return _syntax(error)


def message(error: ReadError) -> str:
    """``file: problem``, for a caller with no frame of its own."""
    return translate("files", "{file}: {problem}").format(file=error.path, problem=problem(error))
