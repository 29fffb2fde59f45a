"""What the end-to-end tests on real compositors share: a data dir and a config of the desktop
user, `socialtime` run against them as that user (track in the background, the others to the
end), and the scenario's timeline.

    desk = Desk(session, "name")        # session: a Sway or a GnomeShell (.user and .env)
    desk.run("consent", "--accept")
    with desk.tracking() as proc:       # `socialtime track`, waited for until it has started
        at = desk.wait_for_state("recording")
        seen = on_screen(6)             # what the screen shows for about 6 s
        desk.stop(proc)                 # SIGTERM; it must save and exit 0
    desk.report()                       # `socialtime report --json`
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from subprocess import Popen
from typing import Protocol

from desktop_user import DesktopUser, wait_for

CANARY = "CANARY-w4Yv8"
CANARY_APP = "org.example.CanaryApp-k2Jq"  # an app id nobody knows: "other"
TOLERANCE = 3.0  # seconds, per site
ALL_DAYS = "\n".join(
    f'{d} = "00:00-24:00"' for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
)


class Session(Protocol):
    user: DesktopUser
    env: dict[str, str]


class Desk:
    """A data dir and a config of the session's user, and socialtime run against them."""

    def __init__(self, session: Session, name: str) -> None:
        self.session = session
        self.user = session.user
        self.data = self.user.make_dir(self.user.home_dir / f"data-{name}")
        self.config = self.user.write(
            f"config-{name}.toml",
            f"sample_seconds = 1\nidle_seconds = 3\n[work_hours]\n{ALL_DAYS}\n",
        )
        self.log = f"track-{name}.log"

    def args(self, *args: str) -> list[str]:
        return [*args, "--data-dir", str(self.data), "--config", str(self.config)]

    def run(self, *args: str) -> str:
        done = self.user.socialtime(*self.args(*args), env=self.session.env)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def report(self) -> dict:
        return json.loads(self.run("report", "--json"))

    @contextmanager
    def tracking(self) -> Iterator[Popen[bytes]]:
        argv = self.user.socialtime_argv(*self.args("track"))
        proc = self.user.spawn(argv, self.log, self.session.env)
        try:
            wait_for(lambda: "socialtime: " in self.user.log(self.log), "track to start")
            yield proc
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)

    def stop(self, proc: Popen[bytes]) -> None:
        assert self.user.terminate(proc) == 0, self.user.log(self.log)
        assert "everything recorded is saved" in self.user.log(self.log)

    def wait_for_state(self, text: str, after: int = 0, timeout: float = 15) -> int:
        """Wait until the track log says `text` past offset `after`; the offset after it."""

        def said() -> int:
            log = self.user.log(self.log, tail=1 << 20)
            at = log.find(text, after)
            return at + len(text) if at >= 0 else 0

        return wait_for(said, f"track to say {text!r}", timeout)


def on_screen(seconds: float) -> float:
    """Stay in the current state for ``seconds``; return the time it really lasted."""
    start = time.monotonic()
    time.sleep(seconds)  # the scenario's own timeline: this is what is on screen
    return time.monotonic() - start


def assert_matches(got: dict, seen: dict[str, float], other: float) -> None:
    """The report ``got`` says what was on screen: each site of ``seen`` and the ``other``
    active time within TOLERANCE, no site more, and social time the sum of the sites."""
    print(f"on screen: { {k: round(v, 1) for k, v in seen.items()} }, other {other:.1f}")
    assert set(got["sites"]) == set(seen), got
    for site, seconds in seen.items():
        assert abs(got["sites"][site] - seconds) <= TOLERANCE, (site, got["sites"][site], seconds)
    assert got["social_seconds"] == sum(got["sites"].values())
    reported_other = got["active_seconds"] - got["social_seconds"]
    assert abs(reported_other - other) <= TOLERANCE, (reported_other, other)


def all_bytes(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file())
