"""The tick's CPU on KWin or GNOME Shell, measured inside the test user's session
(test_bench_wayland.py runs it as that user: their session bus lets no other user in, root
included).

    python session_tick.py DATA_DIR  (WAYLAND_DISPLAY, DBUS_SESSION_BUS_ADDRESS of the session)

The probe + classify + store, as `socialtime track` runs them, on a clock that moves 5 s per
tick. Prints one JSON line once the window in front is seen, then answers commands read on
stdin, one JSON line each:
    steady N        N ticks; the CPU seconds of each
    until SITE      ticks until one records SITE ("-" for other); the CPU seconds of each
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from socialtime.probes import make_probe
from socialtime.probes.base import Probe
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.store import Store
from socialtime.recording.tracker import TickResult, Tracker
from socialtime.rules.sites import load_catalogue
from socialtime.rules.work_hours import WorkHours
from socialtime.settings import Config

ALL_DAY = WorkHours.from_strings(
    {d: "00:00-24:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
)
WAIT = 10.0  # s for a window change to reach the tracker


def ticks_until(tick: Callable[[], TickResult], site: str | None, probe: Probe) -> list[float]:
    cpu: list[float] = []
    deadline = time.monotonic() + WAIT
    got = None
    while time.monotonic() < deadline:
        start = time.process_time()
        got = tick()
        cpu.append(time.process_time() - start)
        if got.site == site:
            return cpu
        time.sleep(0.01)  # the listener thread takes KWin's call meanwhile
    raise SystemExit(
        f"the tracker never recorded {site!r}; the last tick: {got}; {probe!r} sees "
        f"{probe.foreground()}"
    )


def main() -> int:
    store = Store.open(Path(sys.argv[1]))
    store.set_consent(NOTICE_VERSION, 0)
    probe = make_probe(idle_threshold=lambda: 3600)
    config = Config(sample_seconds=5, idle_seconds=3600, work_hours=ALL_DAY)
    now = [time.time()]
    tracker = Tracker(store, probe, config, load_catalogue(), clock=lambda: now[0])

    def tick() -> TickResult:
        now[0] += 5
        return tracker.tick()

    start = time.process_time()
    tick()  # the listener's thread, the script loaded, the Wayland idle client connected
    first = time.process_time() - start
    ready = ticks_until(tick, "facebook.com", probe)
    print(json.dumps({"probe": probe.name, "first": first, "ready": len(ready)}), flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "steady":
            cpu = []
            for _ in range(int(argument)):
                start = time.process_time()
                tick()
                cpu.append(time.process_time() - start)
        else:
            cpu = ticks_until(tick, None if argument == "-" else argument, probe)
        print(json.dumps(cpu), flush=True)
    probe.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
