"""The last fallback: a probe that sees nothing and says so honestly.

Why not raise instead: the tray, `socialtime doctor` and the settings still work on a platform
we cannot observe; the tracker then records nothing, and doctor tells the user why and what to do.
"""

from __future__ import annotations

from socialtime.probes.base import PROBE_CHECKS, Check, Foreground


class UnsupportedProbe:
    """Sees nothing: every query answers None, diagnose() repeats the reason on each line."""

    name = "unsupported"

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def __repr__(self) -> str:
        return f"UnsupportedProbe({self.reason!r})"

    def foreground(self) -> Foreground | None:
        return None

    def idle_seconds(self) -> float | None:
        return None

    def locked(self) -> bool | None:
        return None

    def diagnose(self) -> list[Check]:
        return [Check(name, False, self.reason) for name in PROBE_CHECKS]

    def close(self) -> None:
        pass
