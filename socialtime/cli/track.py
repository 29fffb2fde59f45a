"""``socialtime track``: record without a window, until Ctrl+C or SIGTERM.

The same recorder as the tray's (socialtime.recording.recorder.Recorder: the store, the probe,
the browser bridge, the tracker, the recorder lock, the retention), driven by a plain loop
instead of a QTimer; what is here is that loop, the signals, and the lines said on standard
error, each change of state once. Registered from socialtime/cli/program.py through
:func:`register`.

A database that is busy or on a full disk (socialtime.recording.store.StoreUnavailable) never
ends it: at start it is waited for, while recording what is seen is kept in memory and written
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
from socialtime.cli.context import Command, Context, ExitStatus, eprint, say, when
from socialtime.recording.outage import FIRST_DELAY
from socialtime.recording.recorder import OPENING, READING, FaultChange, Recorder
from socialtime.recording.store import Store, StoreUnavailable
from socialtime.recording.tracker import State
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
    catalogue = ctx.catalogue(config)  # a custom site that cannot be used: status 2, at once
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    handlers = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        return _track(Recorder(ctx.data_dir, config, catalogue=catalogue), stop)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def _track(recorder: Recorder, stop: threading.Event) -> int:
    if not start(recorder, stop.wait):  # Ctrl+C is heard while it waits
        eprint(translate("cli", "socialtime: stopped before the database could be opened."))
        return ExitStatus.OK
    try:
        assert recorder.store is not None
        if recorder.bridge_problem is not None:
            message = translate("cli", "socialtime: browser bridge off: {problem}")
            eprint(message.format(problem=recorder.bridge_problem))
        message = translate("cli", "socialtime: started; data in {path}, a look every {seconds} s.")
        seconds = seconds_text(recorder.config.sample_seconds)
        eprint(message.format(path=recorder.store.path, seconds=seconds))
        eprint(
            translate(
                "cli",
                "Stop with Ctrl+C. Nothing is counted outside your work hours or without consent.",
            )
        )
        pump = getattr(recorder.probe, "pump", None)  # macOS: its notifications need the run loop
        _track_loop(recorder, stop, pumping(pump, stop) if callable(pump) else stop.wait)
    finally:
        stopped = recorder.stop()  # one last try for what a fault kept in memory
    if stopped.error is not None:
        raise stopped.error
    if stopped.lost_seconds > 0:
        message = translate(
            "cli",
            "socialtime: stopped; {duration} recorded while the database could not be written "
            "is lost.",
        )
        eprint(message.format(duration=format_duration(stopped.lost_seconds)))
        return ExitStatus.OK
    eprint(translate("cli", "socialtime: stopped; everything recorded is saved."))
    return ExitStatus.OK


def start(recorder: Recorder, wait: Callable[[float], object]) -> bool:
    """``recorder.start()``, tried again with back-off (said once) for as long as the database
    is busy or its disk full; a database that cannot be used at all still raises StoreError
    at once. ``wait(seconds)`` passes the time between tries and returns true when told to
    stop; then the result is False."""
    while True:
        change = recorder.start()
        if change is not None:
            say(fault_line(change))
        if recorder.started:
            return True
        if wait(recorder.opening.delay):
            return False


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
    recorder: Recorder,
    stop: threading.Event,
    wait: Callable[[float], object] | None = None,
) -> None:
    """Tick every sample interval until ``stop``; the database is committed at every tick.
    Between ticks, ``wait`` (default: ``stop.wait``) passes the time."""
    wait = stop.wait if wait is None else wait
    state: State | None = None
    deadline = time.monotonic()
    while not stop.is_set():
        tick = recorder.tick()
        if tick.change is not None:
            say(fault_line(tick.change))
        assert tick.result is not None and recorder.store is not None  # track is not shared
        if tick.result.state is not state:
            state = tick.result.state
            if state is not State.STORE_UNAVAILABLE:  # the fault's own line has said it
                say(_describe(state, recorder.store, recorder.config))
        deadline += recorder.config.sample_seconds
        delay = deadline - time.monotonic()
        if delay < 0:  # fell behind (suspend, load): skip ticks instead of bursting
            deadline, delay = time.monotonic(), 0.0
        wait(delay)


def fault_line(change: FaultChange) -> str:
    """What ``track`` says when an outage of the database begins or ends (never per tick)."""
    seconds = seconds_text(FIRST_DELAY)
    if change.began and change.doing == OPENING:
        message = translate(
            "cli",
            "cannot open the database for now: {problem}\nsocialtime tries again "
            "(after {seconds} s, then less often, at least once a minute) and starts "
            "recording as soon as it can.",
        )
        return message.format(problem=change.error, seconds=seconds)
    if change.began and change.doing == READING:
        message = translate(
            "cli",
            "cannot read the database for now: {problem}\nNothing is counted until it can "
            "be read (tried again after {seconds} s, then less often, at least once a "
            "minute).",
        )
        return message.format(problem=change.error, seconds=seconds)
    if change.began:
        message = translate(
            "cli",
            "cannot save for now: {problem}\nRecording goes on: what is seen is kept in "
            "memory and saved as soon as the database can be written (tried again after "
            "{seconds} s, then less often, at least once a minute).",
        )
        return message.format(problem=change.error, seconds=seconds)
    if change.doing == OPENING:
        return translate("cli", "the database can be used again.")
    if change.lost_seconds > 0:
        message = translate("cli", "saving again; {duration} recorded meanwhile could not be kept.")
        return message.format(duration=format_duration(change.lost_seconds))
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
