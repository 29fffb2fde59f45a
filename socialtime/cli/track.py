"""``socialtime track``: record without a window, until Ctrl+C or SIGTERM.

The same :class:`~socialtime.recording.tracker.Tracker` as the tray's, driven by a plain loop
instead of a QTimer, with the browser bridge and the recorder lock around it; each change of state
is said once on standard error. Registered from socialtime/cli/program.py through :func:`register`.

A database that is busy or on a full disk (socialtime.recording.store.StoreUnavailable) never
ends it: at start it is waited for, while recording the tracker keeps what it sees and writes it
when it can (socialtime.recording.outage); each is said once when it begins and once when it
ends. Only a database that cannot be used at all (unreadable, too new) stops it, with status 1.
"""

from __future__ import annotations

import argparse
import signal
import threading
import time
from collections.abc import Callable
from types import FrameType

from socialtime.base import i18n
from socialtime.base.i18n import format_duration, translate
from socialtime.cli.context import EXIT_OK, Command, Context, eprint, say, when
from socialtime.recording.outage import FIRST_DELAY, Outage
from socialtime.recording.recorder_lock import RecorderLock
from socialtime.recording.store import Store, StoreUnavailable
from socialtime.recording.tracker import State, TickResult, Tracker
from socialtime.rules.sites import Catalogue
from socialtime.settings import Config


def register(command: Command) -> None:
    """Add ``track`` through socialtime.cli's ``command(name, func, help)`` helper."""
    command(
        "track",
        cmd_track,
        translate("cli", "Record without a window until Ctrl+C or SIGTERM, then save and exit."),
    )


def cmd_track(ctx: Context, args: argparse.Namespace) -> int:
    config = ctx.config(strict=True)
    catalogue = ctx.catalogue(config)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    handlers = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        return _track(ctx, config, catalogue, stop)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def _track(ctx: Context, config: Config, catalogue: Catalogue, stop: threading.Event) -> int:
    from socialtime.browser import BrowserBridge, socket_path
    from socialtime.probes import make_probe

    store = open_store(ctx.store, stop.wait)  # Ctrl+C is heard while it waits
    if store is None:
        eprint(translate("cli", "socialtime: stopped before the database could be opened."))
        return EXIT_OK
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
            saved = tracker.flush()  # one last try for what a fault kept in memory
        finally:
            bridge.stop()
            probe.close()
    if not saved:
        message = translate(
            "cli",
            "socialtime: stopped; {duration} recorded while the database could not be written "
            "is lost.",
        )
        eprint(message.format(duration=format_duration(tracker.pending_seconds)))
        return EXIT_OK
    eprint(translate("cli", "socialtime: stopped; everything recorded is saved."))
    return EXIT_OK


def open_store(
    open_: Callable[[], Store],
    wait: Callable[[float], object],
    clock: Callable[[], float] = time.monotonic,
) -> Store | None:
    """``open_()``, tried again with back-off (said once) for as long as the database is busy
    or its disk full; a database that cannot be used at all still raises StoreError at once.
    ``wait(seconds)`` passes the time between tries and returns true when told to stop; then
    the result is None."""
    outage = Outage()
    while True:
        try:
            store = open_()
        except StoreUnavailable as e:
            if outage.failed(e, clock()):
                message = translate(
                    "cli",
                    "cannot open the database for now: {problem}\nsocialtime tries again "
                    "(after {seconds} s, then less often, at least once a minute) and starts "
                    "recording as soon as it can.",
                )
                say(message.format(problem=e, seconds=seconds_text(outage.delay)))
            if wait(outage.delay):
                return None
            continue
        if outage.cleared():
            say(translate("cli", "the database can be used again."))
        return store


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
    fault = Fault(tracker)
    next_retention = time.time()  # at start, then once a day
    interval = config.sample_seconds
    deadline = time.monotonic()
    while not stop.is_set():
        result = tracker.tick()
        change = fault.update(result)
        if change:
            say(change)
        if result.state is not state:
            state = result.state
            if state is not State.STORE_UNAVAILABLE:  # the fault's own line has said it
                say(_describe(state, store, config))
        if time.time() >= next_retention:
            try:
                store.apply_retention(config.retention_days, time.time())
                next_retention = time.time() + 86400
            except StoreUnavailable:
                next_retention = time.time() + 3600  # erasing old days can wait an hour
        deadline += interval
        delay = deadline - time.monotonic()
        if delay < 0:  # fell behind (suspend, load): skip ticks instead of bursting
            deadline, delay = time.monotonic(), 0.0
        wait(delay)


class Fault:
    """Turns the ticks' faults into the two lines ``track`` says about an outage: one when
    saving starts failing, one when it works again (never one per tick)."""

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self.failing = False
        self._lost_before = 0.0

    def update(self, result: TickResult) -> str | None:
        """The line to say after ``result``, if the outage began or ended with it."""
        if (result.fault is not None) == self.failing:
            return None
        self.failing = result.fault is not None
        if result.fault is not None and result.state is State.STORE_UNAVAILABLE:
            message = translate(
                "cli",
                "cannot read the database for now: {problem}\nNothing is counted until it can "
                "be read (tried again after {seconds} s, then less often, at least once a "
                "minute).",
            )
            return message.format(problem=result.fault, seconds=seconds_text(FIRST_DELAY))
        if result.fault is not None:
            self._lost_before = self.tracker.lost_seconds
            message = translate(
                "cli",
                "cannot save for now: {problem}\nRecording goes on: what is seen is kept in "
                "memory and saved as soon as the database can be written (tried again after "
                "{seconds} s, then less often, at least once a minute).",
            )
            return message.format(problem=result.fault, seconds=seconds_text(FIRST_DELAY))
        lost = self.tracker.lost_seconds - self._lost_before
        if lost > 0:
            message = translate(
                "cli", "saving again; {duration} recorded meanwhile could not be kept."
            )
            return message.format(duration=format_duration(lost))
        return translate("cli", "saving again; nothing recorded meanwhile was lost.")


def _describe(state: State, store: Store, config: Config) -> str:
    try:
        return _describe_state(state, store, config)
    except StoreUnavailable:
        return state.text + "."  # the pause's end could not be read: the state alone


def _describe_state(state: State, store: Store, config: Config) -> str:
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
        until = store.paused_until(time.time())
        if until:
            return translate("cli", "paused until {when}.").format(when=when(until))
        return translate("cli", "paused.")
    if state is State.UNAVAILABLE:
        return translate("cli", "cannot see the desktop here; `socialtime doctor` tells why.")
    return state.text + "."


def seconds_text(value: float) -> str:
    """5 -> "5", 2.5 -> "2.5" ("2,5" in French)."""
    return i18n.format_number(value, len(f"{value:g}".partition(".")[2]))
