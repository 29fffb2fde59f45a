"""Sound that plays, as the PulseAudio or PipeWire sound server sees it (Linux and BSD desktops).

Every program that plays sound has a stream on the sound server (a "sink input"), and the
server knows its process (``application.process.id``), whether it is paused ("corked") and
whether it is muted. A stream that is neither is "playing": a call in Discord, Telegram or
WhatsApp, a player, a browser. Chromium and Electron apps play from a child process (Chromium's
audio service), so a stream counts for its process and for that process's parent and
grandparent (ANCESTORS): the window in front belongs to one of them.

How, cheaply: ``pactl subscribe`` (pulseaudio-utils; it talks to PipeWire's pipewire-pulse as
well) runs beside the recorder and prints one line per change on the server; after a change of
a stream, and at start, ``pactl list sink-inputs`` is read once (a burst of changes is read
once, after SETTLE seconds of quiet or MAX_DELAY at most). Nothing is polled: while nothing
starts, stops or pauses, this costs nothing, and the tracker only looks at a set.

Local only (promise 1): pactl is always given the server explicitly, as the local socket
``$PULSE_SERVER`` names when that is a ``unix:`` path, else ``$PULSE_RUNTIME_PATH/native`` or
``$XDG_RUNTIME_DIR/pulse/native``. A ``PULSE_SERVER`` naming a network server is not used, and an
explicit server also keeps pactl from starting a sound server of its own.

What is kept: the set of process ids with a stream that plays, in memory. The streams' names
(which may be a media title) and the other properties pactl prints are read past, never kept.

Threading: one daemon thread owns the pactl child and reads it; the answer is replaced whole
(a frozenset), so the tracker's thread reads it without waiting. A server that is missing or
goes away makes the answer "cannot tell" (None), tried again every RETRY_AFTER seconds; nothing
here raises into the tracker.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from socialtime.base.i18n import translate

__all__ = ["PulseWatcher", "family", "playing_streams", "server_socket"]

RETRY_AFTER = 10.0  # seconds between attempts to reach a sound server that is missing or gone
SETTLE = 0.25  # after a change, wait this long for the rest of a burst before reading
MAX_DELAY = 1.0  # but read at least this soon after the first change of a burst
READ_TIMEOUT = 5.0  # the reader also wakes this often to notice close()
LIST_TIMEOUT = 2.0  # `pactl list` that takes longer: the answer is "cannot tell"
ANCESTORS = 2  # a stream counts for its process, its parent and its grandparent
MAX_LINE = 4096  # a line of pactl's longer than this is not one of its event lines


def server_socket(environ: Mapping[str, str]) -> tuple[Path | None, str | None]:
    """The local socket of the user's sound server, or None and why it is not used."""
    value = environ.get("PULSE_SERVER", "").strip()
    if value:
        for item in value.split():  # a list of servers, tried in order; only local ones here
            item = item.split("}", 1)[1] if item.startswith("{") else item  # {machine-id}
            if item.startswith("unix:"):
                return Path(item.removeprefix("unix:")), None
            if item.startswith("/"):
                return Path(item), None
        text = translate(
            "pulse", "PULSE_SERVER names a sound server that is not on this computer: not used"
        )
        return None, text
    folder = environ.get("PULSE_RUNTIME_PATH", "")
    if not folder:
        runtime = environ.get("XDG_RUNTIME_DIR", "")
        if not runtime:
            return None, translate(
                "pulse", "XDG_RUNTIME_DIR is not set: the sound server cannot be found"
            )
        folder = str(Path(runtime) / "pulse")
    return Path(folder) / "native", None


def playing_streams(text: str) -> list[int]:
    """The process ids of the streams that play in the output of ``LC_ALL=C pactl list
    sink-inputs``: neither corked nor muted, and with a process id."""
    pids: list[int] = []

    def done(block: dict[str, str]) -> None:
        pid = block.get("pid", "")
        if block.get("corked") == "no" and block.get("mute") == "no" and pid.isdigit():
            pids.append(int(pid))

    block: dict[str, str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if raw.startswith("Sink Input #"):  # i18n: ignore - pactl's words (LC_ALL=C)
            if block is not None:
                done(block)
            block = {}
        elif block is None:
            continue
        elif line.startswith("Corked:"):
            block["corked"] = line.removeprefix("Corked:").strip()
        elif line.startswith("Mute:"):
            block["mute"] = line.removeprefix("Mute:").strip()
        elif line.startswith("application.process.id = "):
            block["pid"] = line.removeprefix("application.process.id = ").strip().strip('"')
    if block is not None:
        done(block)
    return pids


def parent_pid(pid: int, proc: Path = Path("/proc")) -> int | None:
    """The parent of ``pid`` from /proc (None when it is gone, or there is no /proc)."""
    try:
        stat = (proc / str(pid) / "stat").read_bytes()
    except OSError:
        return None
    fields = stat.rsplit(b")", 1)[-1].split()  # after "pid (name)": state, then the parent
    try:
        parent = int(fields[1])
    except (IndexError, ValueError):
        return None
    return parent if parent > 1 else None


def family(
    pids: Iterable[int], parent: Callable[[int], int | None], depth: int = ANCESTORS
) -> frozenset[int]:
    """``pids`` with their parents, up to ``depth`` generations (init, pid 1, never)."""
    found: set[int] = set()
    for pid in pids:
        current: int | None = pid
        for _ in range(depth + 1):
            if current is None or current <= 1:
                break
            found.add(current)
            current = parent(current)
    return frozenset(found)


class PulseWatcher:
    """Follows the streams of the user's sound server; ``playing_pids`` answers at once.

    ``environ`` gives the server's socket and pactl's environment; ``pactl`` the program
    (default: found on PATH); ``proc`` the /proc used for parents (tests pass another).
    """

    name = "PulseAudio/PipeWire"  # i18n: ignore - proper names

    def __init__(
        self,
        environ: Mapping[str, str] | None = None,
        *,
        pactl: str | None = None,
        proc: Path = Path("/proc"),
        retry_after: float = RETRY_AFTER,
    ) -> None:
        self.environ = dict(os.environ if environ is None else environ)
        self.pactl = pactl
        self.proc = proc
        self._retry_after = retry_after
        self._guard = threading.Lock()
        self._playing: frozenset[int] | None = None
        self._streams = 0  # streams that play now, for doctor
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._child: subprocess.Popen[bytes] | None = None
        self.problem: str | None = None
        self.reads = 0  # how many times the streams were listed (tests, the benchmark)

    def __repr__(self) -> str:
        return f"PulseWatcher(playing={self._playing!r})"

    # --- what the tracker reads --------------------------------------------------------------

    def playing_pids(self) -> frozenset[int] | None:
        return self._playing

    # --- life cycle --------------------------------------------------------------------------

    def start(self) -> None:
        with self._guard:
            if self._thread is not None:
                return
            self._stop = stop = threading.Event()
            self._ready = ready = threading.Event()
            self._thread = threading.Thread(
                target=self._run, args=(stop, ready), name="socialtime-pulse", daemon=True
            )
            self._thread.start()

    def wait_ready(self, timeout: float) -> bool:
        return self._ready.wait(timeout)

    def close(self) -> None:
        """Stop: end the pactl child (the reader sees its output end) and wait for the thread."""
        with self._guard:
            self._stop.set()
            child = self._child
            thread, self._thread = self._thread, None
        if child is not None and child.poll() is None:
            with contextlib.suppress(OSError):  # it ended meanwhile
                child.terminate()  # the reader sees its output end, and reaps it
        if thread is not None:
            thread.join(READ_TIMEOUT + LIST_TIMEOUT + 1.0)
        self._playing = None

    def describe(self) -> tuple[bool, str]:
        if self._playing is None:
            return False, self.problem or translate("pulse", "no answer from the sound server yet")
        text = translate("pulse", "%n stream(s) playing now", None, self._streams)
        return True, text

    # --- the reader thread -------------------------------------------------------------------

    def _run(self, stop: threading.Event, ready: threading.Event) -> None:
        while not stop.is_set():
            problem = self._serve(stop, ready)
            self.problem = problem
            self._playing = None
            ready.set()
            stop.wait(self._retry_after)

    def _serve(self, stop: threading.Event, ready: threading.Event) -> str | None:
        """Follow the server until it goes away or ``stop``; the reason it ended."""
        pactl = self.pactl or shutil.which("pactl")
        if pactl is None:
            return translate(
                "pulse", "pactl is missing: install it (Debian: apt install pulseaudio-utils)"
            )
        path, problem = server_socket(self.environ)
        if path is None:
            return problem
        if not path.exists():
            return translate("pulse", "no sound server at {path}").format(path=path)
        argv = [pactl, f"--server=unix:{path}"]
        env = dict(self.environ, LC_ALL="C")  # pactl's words in English, to be read
        try:
            child = subprocess.Popen(
                [*argv, "subscribe"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
            )
        except OSError as exc:
            return translate("pulse", "cannot run pactl: {error}").format(error=exc)
        with self._guard:
            if stop.is_set():
                _end(child)
                return None
            self._child = child
        try:
            if not self._read(argv, env):
                return translate("pulse", "the sound server at {path} does not answer").format(
                    path=path
                )
            ready.set()
            assert child.stdout is not None
            self._follow(child.stdout, argv, env, stop)
        finally:
            _end(child)
            with self._guard:
                self._child = None
        return None if stop.is_set() else translate(
            "pulse", "lost the sound server at {path}"
        ).format(path=path)  # fmt: skip

    def _follow(
        self, out: IO[bytes], argv: list[str], env: dict[str, str], stop: threading.Event
    ) -> None:
        """Read pactl's event lines until its output ends; list the streams after a change."""
        fd = out.fileno()
        pending = b""
        changed_at: float | None = None  # when the first unread change of a burst came
        while not stop.is_set():
            timeout = READ_TIMEOUT if changed_at is None else SETTLE
            readable = select.select([fd], [], [], timeout)[0]
            if readable:
                chunk = os.read(fd, 4096)
                if not chunk:
                    return  # pactl ended: the server went away
                *lines, pending = (pending + chunk).split(b"\n")
                if len(pending) > MAX_LINE:
                    pending = b""
                if changed_at is None and any(b"sink-input" in line for line in lines):
                    changed_at = time.monotonic()
                if changed_at is None or time.monotonic() - changed_at < MAX_DELAY:
                    continue
            if changed_at is not None:
                changed_at = None
                if not self._read(argv, env):
                    return

    def _read(self, argv: list[str], env: dict[str, str]) -> bool:
        """List the streams and publish who plays; False when pactl failed."""
        try:
            done = subprocess.run(
                [*argv, "list", "sink-inputs"],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                env=env,
                timeout=LIST_TIMEOUT,
            )
        except (OSError, subprocess.TimeoutExpired):
            return False
        if done.returncode != 0:
            return False
        pids = playing_streams(done.stdout.decode("utf-8", "replace"))
        self._streams = len(pids)
        self._playing = family(pids, lambda pid: parent_pid(pid, self.proc))
        self.reads += 1
        return True


def _end(child: subprocess.Popen[Any]) -> None:
    """End a pactl child of ours and reap it."""
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(2.0)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(2.0)
    if child.stdout is not None:
        child.stdout.close()
