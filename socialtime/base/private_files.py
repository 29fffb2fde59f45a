"""The data folder and the files in it: the user's own, opened without being led elsewhere.

The rule, on Linux and macOS (checked here, for the data folder, the database, every lock file
and the tray's request file):

- **A folder** (the data folder, the bridge's folder) must be a directory owned by the user
  that others may not write to (a folder only the user's group may write to, as a ``umask 002``
  makes on systems with a private group per user, is the user's and is made 0700 like any).
  It may be a symbolic link *that the user owns* to such a directory (say, data kept on
  another disk); a link made by anyone else is refused, and so is a link to nothing:
  socialtime never creates the folder a link points to.
  A folder socialtime creates is created 0700; an existing one is made 0700 through the opened
  directory (``fchmod``), never by name, so a folder swapped in between cannot be changed.
- **A file** (the database, ``recorder.lock``, ``tray.lock``, ``bridge.lock``, the tray's
  request file) must be a regular file owned by the user, never a symbolic link, not even the
  user's own: it is opened with ``O_NOFOLLOW`` and checked on the descriptor (``fstat``); its
  mode is set on that descriptor (``fchmod``) to 0600, whatever the umask.

Why a folder may be a link and a file may not: moving one's data folder with a link is a
common, deliberate thing to do, and the checks on the folder (owner, not writable by others)
keep everyone else from placing anything in it; a link to a file, in a folder only the user
can write to, is never needed, and following it would change another file's mode.

The folders above the data folder are not checked: whoever may rename them could as well
replace the user's home. On Windows none of this applies (no ``O_NOFOLLOW``, no uid): the
user's profile folder protects the data, and files are opened as before.

Each refusal is an ``UnsafePath`` whose message says which path and why, in the user's
language; callers turn it into their own error (a StoreError, the bridge being off, ...).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from pathlib import Path

from socialtime.base.i18n import translate

__all__ = [
    "UnsafePath",
    "check_private_file",
    "lock_file",
    "make_private_fd",
    "open_private",
    "private_dir",
    "refuse_link",
]

POSIX = os.name == "posix"
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
CLOEXEC = getattr(os, "O_CLOEXEC", 0)
BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation by os.read/os.write
NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO put in a file's place must not hang the open


class UnsafePath(Exception):
    """A folder or file socialtime refuses to use; the message names it and says why."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)


def private_dir(path: Path, *, make_private: bool = True) -> None:
    """Create the folder ``path`` (0700, with its parents) or check an existing one (see the
    module's rule), then make it 0700 (unless ``make_private`` is False: the caller first looks
    whether what the folder holds is its own). UnsafePath when it is refused, OSError when the
    system says no (a file in the way of a parent, no space, ...)."""
    path = Path(path)
    if not POSIX:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        return
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Made at the same moment by another socialtime: checked below like any other.
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, 0o700)
        st = os.lstat(path)
    uid = os.getuid()
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | CLOEXEC
    if stat.S_ISLNK(st.st_mode):
        if st.st_uid != uid:
            text = translate(
                "files",
                "{path} is a symbolic link made by another user (uid {uid}); socialtime keeps "
                "your data only in a folder of yours",
            )
            raise UnsafePath(path, text.format(path=path, uid=st.st_uid))
        if not path.exists():
            text = translate(
                "files",
                "{path} is a symbolic link to {target}, which does not exist; socialtime does "
                "not create the folder a link points to",
            )
            raise UnsafePath(path, text.format(path=path, target=os.readlink(path)))
    else:
        flags |= NOFOLLOW
    try:
        fd = os.open(path, flags)
    except OSError as e:
        if e.errno in (errno.ENOTDIR, errno.ELOOP):
            text = translate(
                "files", "{path} is not a folder; socialtime keeps your data only in a folder"
            )
            raise UnsafePath(path, text.format(path=path)) from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISDIR(st.st_mode):
            text = translate(
                "files", "{path} is not a folder; socialtime keeps your data only in a folder"
            )
            raise UnsafePath(path, text.format(path=path))
        if st.st_uid != uid:
            text = translate(
                "files",
                "{path} belongs to another user (uid {uid}); socialtime keeps your data only "
                "in a folder of yours",
            )
            raise UnsafePath(path, text.format(path=path, uid=st.st_uid))
        if st.st_mode & 0o002:
            text = translate(
                "files",
                "{path} can be written by other users (mode {mode}); socialtime keeps your "
                "data only in a folder that is yours alone: make it so with chmod 700, or "
                "choose another folder",
            )
            mode = f"{stat.S_IMODE(st.st_mode):04o}"
            raise UnsafePath(path, text.format(path=path, mode=mode))
        if make_private and stat.S_IMODE(st.st_mode) != 0o700:
            os.fchmod(fd, 0o700)
    finally:
        os.close(fd)


def open_private(path: Path, flags: int, *, make_private: bool = True) -> int:
    """``os.open(path, flags)`` for a file of the user's (see the module's rule): never through
    a symbolic link, only a regular file the user owns, made 0600 on the descriptor (unless
    ``make_private`` is False: the caller first looks whether the file is its own, then calls
    ``make_private_fd``). Add ``os.O_CREAT`` to create it. The caller closes the descriptor.
    UnsafePath when refused, OSError when the system says no."""
    path = Path(path)
    try:
        fd = os.open(path, flags | NOFOLLOW | CLOEXEC | BINARY | NONBLOCK, 0o600)
    except OSError as e:
        # ELOOP: the last part is a link (Linux, macOS); EMLINK says the same on FreeBSD.
        if e.errno in (errno.ELOOP, errno.EMLINK) and os.path.islink(path):
            raise UnsafePath(path, _is_a_link(path)) from None
        raise
    try:
        check_private_file(fd, path)
        if make_private:
            make_private_fd(fd)
    except BaseException:
        os.close(fd)
        raise
    return fd


def check_private_file(fd: int, path: Path) -> None:
    """UnsafePath unless ``fd`` (opened from ``path``) is a regular file the user owns."""
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        text = translate(
            "files", "{path} is not a regular file; socialtime opens only a regular file it owns"
        )
        raise UnsafePath(path, text.format(path=path))
    if POSIX and st.st_uid != os.getuid():
        text = translate(
            "files",
            "{path} belongs to another user (uid {uid}); socialtime opens only a regular file "
            "it owns",
        )
        raise UnsafePath(path, text.format(path=path, uid=st.st_uid))


def make_private_fd(fd: int) -> None:
    """Mode 0600 for the open file ``fd`` (nothing on Windows)."""
    if POSIX and stat.S_IMODE(os.fstat(fd).st_mode) != 0o600:
        os.fchmod(fd, 0o600)


def refuse_link(path: Path) -> None:
    """UnsafePath when ``path`` is a symbolic link (for files that others open by name, such
    as SQLite's ``-wal`` beside the database)."""
    if os.path.islink(path):
        raise UnsafePath(path, _is_a_link(path))


def _is_a_link(path: Path) -> str:
    text = translate(
        "files", "{path} is a symbolic link; socialtime opens only a regular file it owns"
    )
    return text.format(path=path)


def lock_file(path: Path) -> int | None:
    """An exclusive lock on ``path`` (created 0600, see ``open_private``), held until its
    descriptor is closed, and released by the system when the process dies, even by
    ``kill -9``. The descriptor, or None when another process holds the lock. UnsafePath or
    OSError when the file cannot be used."""
    fd = open_private(path, os.O_RDWR | os.O_CREAT)
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as e:
        os.close(fd)
        if sys.platform == "win32" or e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return None
        raise
    return fd
