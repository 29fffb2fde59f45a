"""``socialtime track``: record without a window, until Ctrl+C or SIGTERM.

The same :class:`~socialtime.tracker.Tracker` as the tray's, driven by a plain loop instead of a
QTimer, with the browser bridge and the recorder lock around it; each change of state is said
once on standard error. Registered from socialtime/cli.py through :func:`register`.
"""

from __future__ import annotations

import argparse
import signal
import threading
import time
from collections.abc import Callable
from types import FrameType

from socialtime import i18n
from socialtime.cli_context import EXIT_OK, Command, Context, eprint, say, when
from socialtime.config import Config
from socialtime.i18n import translate
from socialtime.recorder_lock import RecorderLock
from socialtime.store import Store
from socialtime.tracker import State, Tracker


def register(command: Command) -> None:
    """Add ``track`` through socialtime.cli's ``command(name, func, help)`` helper."""
    command(
        "track",
        cmd_track,
        translate("cli", "Record without a window until Ctrl+C or SIGTERM, then save and exit."),
    )


def cmd_track(ctx: Context, args: argparse.Namespace) -> int:
    from socialtime.browser import BrowserBridge, socket_path
    from socialtime.probes import make_probe

    config = ctx.config(strict=True)
    catalogue = ctx.catalogue(config)
    store = ctx.store()
    probe = make_probe(idle_threshold=lambda: config.idle_seconds)
    bridge = BrowserBridge(catalogue, config.sample_seconds, socket_path(ctx.data_dir))
    tracker = Tracker(
        store,
        probe,
        config,
        catalogue,
        host_source=bridge.host_for,
        front_source=bridge.focused_window,
    )
    store.apply_retention(config.retention_days, time.time())

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    with RecorderLock(ctx.data_dir):
        if not bridge.start():
            message = translate("cli", "socialtime: browser bridge off: {problem}")
            eprint(message.format(problem=bridge.problem))
        message = translate("cli", "socialtime: started; data in {path}, a look every {seconds} s.")
        eprint(message.format(path=store.path, seconds=seconds_text(config.sample_seconds)))
        eprint(
            translate(
                "cli",
                "Stop with Ctrl+C. Nothing is counted outside your work hours or without consent.",
            )
        )
        pump = getattr(probe, "pump", None)  # macOS: its notifications need the run loop
        wait = pumping(pump, stop) if callable(pump) else stop.wait
        try:
            _track_loop(tracker, store, config, stop, wait)
        finally:
            bridge.stop()
            probe.close()
    eprint(translate("cli", "socialtime: stopped; everything recorded is saved."))
    return EXIT_OK


def pumping(
    pump: Callable[[float], object],
    stop: threading.Event,
    clock: Callable[[], float] = time.monotonic,
) -> Callable[[float], object]:
    """A wait that turns the platform's run loop meanwhile, in short turns so that Ctrl+C is
    heard: on macOS the workspace, sleep and lock notifications arrive through the main run
    loop, which a plain wait would leave still (the tray has Qt's event loop for that)."""

    def wait(seconds: float) -> bool:
        end = clock() + seconds
        while not stop.is_set() and (left := end - clock()) > 0:
            pump(min(left, 0.25))
        return stop.is_set()

    return wait


def _track_loop(
    tracker: Tracker,
    store: Store,
    config: Config,
    stop: threading.Event,
    wait: Callable[[float], object] | None = None,
) -> None:
    """Tick every sample interval until ``stop``; the database is committed at every tick.
    Between ticks, ``wait`` (default: ``stop.wait``) passes the time."""
    wait = stop.wait if wait is None else wait
    state: State | None = None
    next_retention = time.time() + 86400
    interval = config.sample_seconds
    deadline = time.monotonic()
    while not stop.is_set():
        result = tracker.tick()
        if result.state is not state:
            state = result.state
            say(_describe(state, store, config))
        if time.time() >= next_retention:
            store.apply_retention(config.retention_days, time.time())
            next_retention = time.time() + 86400
        deadline += interval
        delay = deadline - time.monotonic()
        if delay < 0:  # fell behind (suspend, load): skip ticks instead of bursting
            deadline, delay = time.monotonic(), 0.0
        wait(delay)


def _describe(state: State, store: Store, config: Config) -> str:
    if state is State.NO_CONSENT:
        return translate(
            "cli", "waiting for your consent: read and accept with `socialtime consent --accept`."
        )
    if state is State.OUTSIDE_HOURS:
        start = config.work_hours.next_start(time.time())
        if start:
            message = translate("cli", "outside your work hours; recording resumes at {when}.")
            return message.format(when=when(start))
        return translate("cli", "outside your work hours.")
    if state is State.PAUSED:
        until = store.paused_until()
        if until:
            return translate("cli", "paused until {when}.").format(when=when(until))
        return translate("cli", "paused.")
    if state is State.UNAVAILABLE:
        return translate("cli", "cannot see the desktop here; `socialtime doctor` tells why.")
    return state.text + "."


def seconds_text(value: float) -> str:
    """5 -> "5", 2.5 -> "2.5" ("2,5" in French)."""
    return i18n.format_number(value, len(f"{value:g}".partition(".")[2]))
