"""Test doubles: a clock that only moves when told, a probe that shows what it is told, and
`gsettings` / `gnome-shell --version` as GNOME's installer runs them."""

from __future__ import annotations

import subprocess
from typing import Any

from socialtime.probes.base import Check, Foreground


class FakeClock:
    def __init__(self, t: float) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> float:
        self.t += seconds
        return self.t


class FakeProbe:
    """Shows ``front`` as the foreground window; ``idle`` seconds since input; ``lock``."""

    name = "fake"

    def __init__(self, front: Foreground | None = None, idle: float | None = 0.0) -> None:
        self.front = front
        self.idle = idle
        self.lock: bool | None = False
        self.calls = 0

    def show(self, process: str, title: str, pid: int | None = 1234) -> None:
        self.front = Foreground(process, title, pid)

    def foreground(self) -> Foreground | None:
        self.calls += 1
        return self.front

    def idle_seconds(self) -> float | None:
        self.calls += 1
        return self.idle

    def locked(self) -> bool | None:
        self.calls += 1
        return self.lock

    def diagnose(self) -> list[Check]:
        return [Check("foreground window", True, "fake")]

    def close(self) -> None:
        pass


class FakeBridge:
    """A browser bridge that listens (or not: ``refuse`` gives its problem) and knows no tab;
    ``made`` keeps what the recorder gave it, ``stopped`` and ``updates`` what it was told."""

    def __init__(self, catalogue, sample_seconds: float, path, refuse: str | None = None) -> None:
        self.made = (catalogue, sample_seconds, path)
        self.refuse = refuse
        self.problem: str | None = None
        self.started = self.stopped = False
        self.updates: list[tuple[object, float]] = []

    def start(self) -> bool:
        self.problem = self.refuse
        self.started = self.refuse is None
        return self.started

    def stop(self) -> None:
        self.stopped = True

    def update(self, catalogue, sample_seconds: float) -> None:
        self.updates.append((catalogue, sample_seconds))

    def host_for(self, foreground: Foreground, now: float) -> str | None:
        return None

    def focused_window(self, now: float) -> Foreground | None:
        return None

    def audible_for(self, foreground: Foreground, now: float) -> bool | None:
        return None


class FakeMedia:
    """The desktop's media sources (socialtime.probes.media.DesktopMedia): ``answer`` for
    every window; ``starts`` and ``closes`` count what it was told."""

    def __init__(self, answer: bool | None = None) -> None:
        self.answer = answer
        self.starts = self.closes = 0
        self.listening = False

    def start(self) -> None:
        self.starts += 1
        self.listening = True

    def close(self) -> None:
        self.closes += 1
        self.listening = False

    def playing(self, foreground: Foreground, now: float) -> bool | None:
        return self.answer


class FakeGsettings:
    """Stands in for `subprocess.run` where the installer runs gsettings (and gnome-shell)."""

    def __init__(self, version: str | None = "43.9", **values: str) -> None:
        self.values = {"enabled-extensions": "@as []", "disabled-extensions": "@as []",
                       "disable-user-extensions": "false", **values}  # fmt: skip
        self.version = version
        self.calls: list[list[str]] = []

    def __call__(self, argv: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        self.calls.append(argv)
        if argv[0] == "gnome-shell":
            if self.version is None:
                raise FileNotFoundError(2, "No such file or directory", "gnome-shell")
            return subprocess.CompletedProcess(argv, 0, f"GNOME Shell {self.version}\n", "")
        assert argv[:3] in (["gsettings", "get", "org.gnome.shell"],
                            ["gsettings", "set", "org.gnome.shell"]), argv  # fmt: skip
        key = argv[3].replace("_", "-")
        if argv[1] == "set":
            self.values[key] = argv[4]
            return subprocess.CompletedProcess(argv, 0, "", "")
        return subprocess.CompletedProcess(argv, 0, self.values[key] + "\n", "")

    def enabled(self) -> list[str]:
        from socialtime.probes.gnome_extension import parse_strv

        return parse_strv(self.values["enabled-extensions"])
