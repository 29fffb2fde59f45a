"""`socialtime track` on a platform whose notifications need its run loop turned (macOS)."""

from __future__ import annotations

import threading

import pytest

from socialtime.cli.track import pumping


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_the_wait_turns_the_run_loop_in_short_turns_until_the_time_is_up() -> None:
    clock, stop, turns = Clock(), threading.Event(), []

    def pump(seconds: float) -> None:
        turns.append(seconds)
        clock.t += seconds  # the run loop ran for that long

    assert pumping(pump, stop, clock)(1.1) is False
    assert turns == [0.25, 0.25, 0.25, 0.25, pytest.approx(0.1)]
    assert clock.t == pytest.approx(101.1)


def test_a_stop_during_a_turn_ends_the_wait() -> None:
    clock, stop, turns = Clock(), threading.Event(), []

    def pump(seconds: float) -> None:
        turns.append(seconds)
        clock.t += seconds
        if len(turns) == 2:
            stop.set()  # Ctrl+C arrived while the run loop was turning

    assert pumping(pump, stop, clock)(5) is True
    assert len(turns) == 2


def test_nothing_to_wait_turns_nothing() -> None:
    turns: list[float] = []
    assert pumping(turns.append, threading.Event(), Clock())(0) is False
    assert turns == []
