"""End to end, the real ``socialtime track`` process against real faults: a disk that fills up
(a small tmpfs) and another program holding the database's write lock for 12 s, while recording
and at start. It must keep running, say so once, and record again when the fault passes, with
nothing lost meanwhile. The probe is a fake one (tests/support/fakes.py, through a small
wrapper), so no X server is needed; every wait is on a condition with a deadline.

The tmpfs is mounted inside a private mount namespace (``unshare --mount``) that lives only as
long as the ``track`` process: nothing is left mounted, whatever happens to the test. Commands
that open the database there run in that namespace too (``nsenter``): SQLite resolves
/proc/PID/root's link, so a path through it would reach the host's empty mount point instead.
"""

from __future__ import annotations

import errno
import json
import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers import ALL_DAY, SUPPORT
from xserver import wait_for

pytestmark = pytest.mark.slow

SAVING_FAILS = "cannot save for now"
SAVING_AGAIN = "saving again"
# Seconds: how far the recorded time may fall short of the time the fake window was in front
# (the first tick only sets the starting point; the last one may not have come yet).
SHORT_BY = 3.0

# `socialtime ARGS…` with make_probe() giving a FakeProbe that shows Facebook, active.
FAKE_PROBE = textwrap.dedent(
    f"""
    import sys
    sys.path.insert(0, {str(SUPPORT)!r})
    from fakes import FakeProbe
    import socialtime.probes

    def make_probe(*args, **kwargs):
        probe = FakeProbe()
        probe.show("firefox", "(3) Facebook — Mozilla Firefox")
        return probe

    socialtime.probes.make_probe = make_probe
    from socialtime.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


class Tracking:
    """A data dir, a config, and ``socialtime track`` (with the fake probe) run against them;
    ``namespace``: inside a private mount namespace with a tmpfs of that size on ``mount``."""

    def __init__(self, tmp: Path, data: Path) -> None:
        self.tmp, self.data = tmp, data
        self.config = tmp / "config.toml"
        self.config.write_text(f"sample_seconds = 1\n[work_hours]\n{ALL_DAY}\n")
        self.wrapper = tmp / "fake_probe.py"
        self.wrapper.write_text(FAKE_PROBE)
        self.log = tmp / "track.log"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("SOCIALTIME_")}
        self.env["SOCIALTIME_POLICY_DIR"] = os.environ["SOCIALTIME_POLICY_DIR"]  # none
        runtime = tmp / "runtime"  # the browser bridge's socket: ours alone
        runtime.mkdir(mode=0o700)
        self.env["XDG_RUNTIME_DIR"] = str(runtime)
        self.proc: subprocess.Popen[bytes] | None = None
        self.prefix: list[str] = []  # what runs a command where the track process is

    def argv(self, *args: str) -> list[str]:
        return [sys.executable, str(self.wrapper), *args, "--data-dir", str(self.data),
                "--config", str(self.config)]  # fmt: skip

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.prefix, *self.argv(*args)],
            env=self.env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    def report(self) -> dict:
        done = self.run("report", "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def facebook(self) -> float:
        return float(self.report()["sites"].get("facebook.com", 0))

    @contextmanager
    def tracking(
        self, tmpfs: tuple[Path, str] | None = None, first: str = ""
    ) -> Iterator[subprocess.Popen[bytes]]:
        """``track`` running; with ``tmpfs`` (mount point, size), in its namespace, after the
        shell commands ``first`` have run there."""
        argv = self.argv("track")
        if tmpfs is not None:
            mount, size = tmpfs
            script = (
                f'mount -t tmpfs -o size="$1",mode=0700 tmpfs "$0" && shift && {first} exec "$@"'
            )
            argv = ["unshare", "--mount", "--propagation", "private",
                    "sh", "-c", script, str(mount), size, *argv]  # fmt: skip
        with open(self.log, "wb") as log:
            # unshare and sh exec into python: the process is `track` itself.
            self.proc = subprocess.Popen(argv, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        if tmpfs is not None:
            self.prefix = ["nsenter", "--target", str(self.proc.pid), "--mount"]
        try:
            self.wait_for_text("socialtime: ", "track to start")
            yield self.proc
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait(10)

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for_text(self, text: str, what: str, timeout: float = 30.0) -> float:
        """Wait until the log says ``text`` (failing at once if track ended); its time."""

        def said() -> bool:
            assert self.proc is not None
            if self.proc.poll() is not None:
                code = self.proc.returncode
                pytest.fail(f"track ended ({code}) waiting for {what}:\n{self.text()}")
            return text in self.text()

        wait_for(said, what, timeout=timeout, interval=0.05)
        return time.monotonic()

    def keep_running(self, seconds: float) -> None:
        """The fault's timeline: it lasts ``seconds``, and track must be running all along."""
        assert self.proc is not None
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.text()
            time.sleep(0.1)  # the polling interval of a loop bounded by the fault's length

    def stop(self) -> str:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        assert self.proc.wait(15) == 0, self.text()
        return self.text()


def fill(folder: Path) -> Path:
    """Write a file in ``folder`` until its file system is full."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError as e:
            assert e.errno == errno.ENOSPC, e
        try:
            while True:  # the last few bytes, so that not even a page is left
                f.write(b"\0" * 512)
        except OSError as e:
            assert e.errno == errno.ENOSPC, e
    return filler


def can_mount_tmpfs() -> str | None:
    """Why this machine cannot run the disk-full test (None: it can)."""
    if os.geteuid() != 0:
        return "mounting a tmpfs in a private mount namespace needs root (CI runs as root)"
    for program in ("unshare", "nsenter", "mount"):
        if shutil.which(program) is None:
            return f"{program} (util-linux) is missing"
    return None


@pytest.mark.skipif(can_mount_tmpfs() is not None, reason=str(can_mount_tmpfs()))
def test_a_full_disk_is_waited_out_and_nothing_is_lost(tmp_path: Path) -> None:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    t = Tracking(tmp_path, mount / "data")
    with t.tracking(tmpfs=(mount, "1m")) as proc:
        inside = Path(f"/proc/{proc.pid}/root") / mount.relative_to("/")  # plain files only
        assert t.run("consent", "--accept").returncode == 0
        began = t.wait_for_text("socialtime: recording", "recording to start")
        filler = fill(inside)
        full = t.wait_for_text(SAVING_FAILS, "track to say it cannot save")
        assert "disk is full" in t.text() and "move it away" not in t.text()
        t.keep_running(6)  # full for a while: writes fail, the ticks go on
        assert proc.poll() is None
        filler.unlink()
        freed = t.wait_for_text(SAVING_AGAIN, "track to save again", timeout=90)
        after_recovery = t.facebook()
        t.keep_running(3)
        now = time.monotonic()
        recorded = t.facebook()
        text = t.stop()
    assert text.count(SAVING_FAILS) == 1 and text.count(SAVING_AGAIN) == 1, text
    assert "nothing recorded meanwhile was lost" in text
    assert "everything recorded is saved" in text
    # What was seen while the disk was full was kept and written; and it records again.
    assert now - began - SHORT_BY <= recorded <= now - began + 1.5, (recorded, now - began)
    assert after_recovery >= freed - began - SHORT_BY - 1.5, (after_recovery, freed - began)
    assert recorded - after_recovery >= 2.0
    print(f"full for {freed - full:.1f} s; recorded {recorded:.0f} s of {now - began:.1f} s")


@pytest.mark.skipif(can_mount_tmpfs() is not None, reason=str(can_mount_tmpfs()))
def test_a_disk_full_at_start_is_waited_for(tmp_path: Path) -> None:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    t = Tracking(tmp_path, mount / "data")
    # Consent, then a full disk, then `track`: opening the database needs room for its index
    # of the write-ahead log (SQLite says SQLITE_IOERR_SHMSIZE).
    consent = shlex.join(t.argv("consent", "--accept"))
    first = (
        f"{consent} >/dev/null && (cat /dev/zero > {shlex.quote(str(mount))}/filler) 2>/dev/null;"
    )
    with t.tracking(tmpfs=(mount, "1m"), first=first) as proc:
        t.wait_for_text("cannot open the database for now", "track to say it waits")
        assert "could not be read or written" in t.text() and "move it away" not in t.text()
        t.keep_running(6)
        (Path(f"/proc/{proc.pid}/root") / mount.relative_to("/") / "filler").unlink()
        t.wait_for_text("the database can be used again", "track to open it", timeout=70)
        began = t.wait_for_text("socialtime: recording", "recording to start")
        # Seen by another process (`report`): written to the WAL that everyone shares, not
        # to one that another process deleted on closing, taking itself for the last user.
        wait_for(lambda: t.facebook() >= 3, "three seconds to be recorded", interval=0.2)
        t.keep_running(3)
        now = time.monotonic()
        recorded = t.facebook()
        assert now - began - SHORT_BY <= recorded <= now - began + 1.5, (recorded, now - began)
        text = t.stop()
    assert text.count("cannot open the database for now") == 1, text
    print(f"full at start; recorded {recorded:.0f} s of {now - began:.1f} s once it opened")


def test_a_write_lock_held_for_12_s_is_waited_out_and_nothing_is_lost(tmp_path: Path) -> None:
    t = Tracking(tmp_path, tmp_path / "data")
    assert t.run("consent", "--accept").returncode == 0
    with t.tracking():
        began = t.wait_for_text("socialtime: recording", "recording to start")
        holder = sqlite3.connect(t.data / "socialtime.db", isolation_level=None, timeout=0)
        holder.execute("BEGIN IMMEDIATE")  # another program writing, for 12 s
        held = time.monotonic()
        t.wait_for_text(SAVING_FAILS, "track to say it cannot save")
        assert "database is busy" in t.text()
        t.keep_running(12 - (time.monotonic() - held))
        holder.execute("ROLLBACK")
        holder.close()
        freed = t.wait_for_text(SAVING_AGAIN, "track to save again", timeout=70)
        t.keep_running(3)
        now = time.monotonic()
        recorded = t.facebook()
        text = t.stop()
    assert text.count(SAVING_FAILS) == 1 and text.count(SAVING_AGAIN) == 1, text
    assert now - began - SHORT_BY <= recorded <= now - began + 1.5, (recorded, now - began)
    print(f"locked for 12 s; saving again {freed - held:.1f} s after the lock was taken; ")
    print(f"recorded {recorded:.0f} s of {now - began:.1f} s")


def test_a_database_locked_at_start_is_waited_for(tmp_path: Path) -> None:
    t = Tracking(tmp_path, tmp_path / "data")
    t.data.mkdir(mode=0o700)
    holder = sqlite3.connect(t.data / "socialtime.db", isolation_level=None, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")  # a fresh file: not even the schema can be read
    held = time.monotonic()
    with t.tracking():
        t.wait_for_text("cannot open the database for now", "track to say it waits")
        t.keep_running(12 - (time.monotonic() - held))
        holder.execute("ROLLBACK")
        holder.close()
        t.wait_for_text("the database can be used again", "track to open it", timeout=70)
        t.wait_for_text("waiting for your consent", "track to start")
        assert t.run("consent", "--accept").returncode == 0
        t.wait_for_text("socialtime: recording", "recording to start")
        wait_for(lambda: t.facebook() >= 2, "two seconds to be recorded", interval=0.2)
        text = t.stop()
    assert text.count("cannot open the database for now") == 1, text
    assert "move it away" not in text
