"""Work hours: is this instant inside them, and which parts of a span are?

Promise 3 says nothing is recorded outside the user's work hours, so this module decides it.
Work hours are written in local wall-clock time ("09:00-12:30, 13:30-18:00" per weekday) but
the tracker and the store speak Unix epoch seconds. A wall-clock range is therefore converted
to real instants *date by date*: one fixed offset per week would be wrong on the two days a
year when the clocks change.

Conversion rule (one rule, used for every start and end, which keeps ranges monotonic):
a wall-clock time HH:MM on date D becomes *the first instant at which the local clock on D
shows HH:MM or later*.

- Normal times: the obvious instant.
- Ambiguous times (the repeated hour when clocks go back): the first occurrence, i.e. zoneinfo's
  ``fold=0``. On the fall-back day "00:00-24:00" lasts 25 h and every real second counts once.
- Non-existent times (the skipped hour when clocks go forward): zoneinfo's ``fold=0`` reading
  lands *after* the gap (02:30 read with the old offset is 03:30 new time); we normalise it to
  the transition itself, the instant the clock jumps. So on the spring-forward day in Paris
  "01:00-04:00" lasts 2 h, "02:30-04:00" lasts 1 h and "02:00-02:30" is empty.
- "24:00" is 00:00 of the next date, so "...-24:00" on one day and "00:00-..." on the next meet
  without a gap or an overlap.

``tz=None`` uses the system's local time through naive datetimes (``datetime.fromtimestamp``
and ``datetime.timestamp``), which follow the system's DST rules; tests pass a ZoneInfo.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from itertools import pairwise

from socialtime.base.i18n import translate
from socialtime.rules.periods import wall_clock

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MINUTES_PER_DAY = 1440
_ONE_DAY = timedelta(days=1)
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_RANGE = re.compile(r"\s*([^\s\-–—]+)\s*[\-–—]\s*([^\s\-–—]+)\s*")  # "-", en dash, em dash
_CACHE_LIMIT = 1024  # dates; a year-long report fits, a long-running tracker stays small

Interval = tuple[float, float]


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class TimeRange:
    """Minutes after local midnight, half-open [start, end); end 1440 is "24:00"."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end <= _MINUTES_PER_DAY:
            raise ValueError(  # a programming error: parse_ranges checks what people write
                f"invalid time range {self.start}-{self.end} "  # i18n: ignore - for developers
                "(minutes after midnight, need 0 <= start < end <= 1440)"
            )

    def __str__(self) -> str:
        return f"{_hhmm(self.start)}-{_hhmm(self.end)}"


def _parse_time(text: str) -> int:
    match = _TIME.fullmatch(text)
    if match:
        hours, minutes = int(match[1]), int(match[2])
        if minutes < 60 and (hours < 24 or (hours == 24 and minutes == 0)):
            return hours * 60 + minutes
    message = translate("schedule", "'{value}' is not a time of day (HH:MM, 00:00-24:00)")
    raise ValueError(message.format(value=text))


def parse_ranges(text: str) -> tuple[TimeRange, ...]:
    """Parse "09:00-12:30, 13:30-18:00" into sorted ranges; "" is a day off.

    Lenient on form (spaces, "9:00", en or em dash, a stray comma) because people type it by
    hand; strict on meaning, with a message that says exactly what is wrong.
    A range cannot cross midnight: write "22:00-24:00" on one day and "00:00-06:00" on the next.
    """
    ranges: list[TimeRange] = []
    for item in text.split(","):
        if not item.strip():
            continue
        match = _RANGE.fullmatch(item)
        if not match:
            message = translate(
                "schedule", "'{value}' is not a range (HH:MM-HH:MM, e.g. 09:00-12:30)"
            )
            raise ValueError(message.format(value=item.strip()))
        start, end = _parse_time(match[1]), _parse_time(match[2])
        shown = f"{_hhmm(start)}-{_hhmm(end)}"
        if end < start:
            message = translate("schedule", "range {range} ends before it starts")
            raise ValueError(message.format(range=shown))
        if end == start:
            raise ValueError(translate("schedule", "range {range} is empty").format(range=shown))
        ranges.append(TimeRange(start, end))
    ranges.sort(key=lambda r: (r.start, r.end))
    for before, after in pairwise(ranges):
        if after.start < before.end:
            message = translate("schedule", "ranges {first} and {second} overlap")
            raise ValueError(message.format(first=before, second=after))
    return tuple(ranges)


def format_ranges(ranges: Iterable[TimeRange]) -> str:
    """The inverse of parse_ranges: "09:00-12:30, 13:30-18:00", or "" for a day off."""
    return ", ".join(str(r) for r in ranges)


@dataclass(frozen=True)
class WorkHours:
    """A weekly pattern of work hours plus dates off, in one time zone.

    ``days[0]`` is Monday. The converted instants of each date are cached (the tracker asks
    ``contains`` every few seconds), so a check costs one ``fromtimestamp`` and a few lookups.
    With ``tz=None`` the cache key includes ``time.tzname`` so that ``time.tzset()`` after a
    change of zone is honoured.
    """

    days: tuple[tuple[TimeRange, ...], ...]
    days_off: frozenset[date] = frozenset()
    tz: tzinfo | None = None
    _cache: dict[object, tuple[Interval, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError(  # a programming error: from_strings always gives 7 days
                "work hours need 7 days (Monday first), "  # i18n: ignore - for developers
                f"got {len(self.days)}"
            )

    @classmethod
    def from_strings(
        cls,
        mapping: Mapping[str, str],
        days_off: Iterable[date] = (),
        tz: tzinfo | None = None,
    ) -> WorkHours:
        """Build from {"mon": "09:00-18:00", ...}; a missing day is a day off."""
        unknown = sorted(set(mapping) - set(DAY_KEYS))
        if unknown:
            message = translate("schedule", "unknown day {day} (expected one of {days})")
            raise ValueError(message.format(day=repr(unknown[0]), days=", ".join(DAY_KEYS)))
        days = []
        for key in DAY_KEYS:
            try:
                days.append(parse_ranges(mapping.get(key, "")))
            except ValueError as error:
                message = translate("schedule", "{day}: {error}")  # French spaces its colons
                raise ValueError(message.format(day=key, error=error)) from None
        return cls(tuple(days), frozenset(days_off), tz)

    # -- local time <-> epoch -------------------------------------------------------------

    def _local(self, t: float) -> datetime:
        """The naive local wall-clock reading at instant t."""
        return wall_clock(t, self.tz)

    def _epoch(self, wall: datetime, fold: int) -> float:
        if self.tz is None:
            return wall.replace(fold=fold).timestamp()
        return wall.replace(tzinfo=self.tz, fold=fold).timestamp()

    def _instant(self, wall: datetime) -> float:
        """The first instant at which the local clock shows `wall` or later (see module doc)."""
        first = self._epoch(wall, 0)
        if self._local(first) == wall:
            return first  # exists; fold=0 is the first occurrence when ambiguous
        # In a gap: the two folds read the time with the offsets before and after the jump,
        # so the transition lies between them. Transitions fall on whole seconds.
        lo, hi = sorted((first, self._epoch(wall, 1)))
        low, high = math.floor(lo), math.ceil(hi)
        if self._local(low) >= wall:
            return float(low)
        while high - low > 1:
            mid = (low + high) // 2
            if self._local(mid) >= wall:
                high = mid
            else:
                low = mid
        return float(high)

    def _intervals(self, day: date) -> tuple[Interval, ...]:
        """The instants of `day`'s work hours, sorted, adjacent ones merged, empty ones dropped."""
        key: object = day if self.tz is not None else (day, time.tzname)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        intervals: list[Interval] = []
        if day not in self.days_off:
            midnight = datetime(day.year, day.month, day.day)
            for r in self.days[day.weekday()]:
                start = self._instant(midnight + timedelta(minutes=r.start))
                end = self._instant(midnight + timedelta(minutes=r.end))
                if end <= start:
                    continue  # wholly inside a skipped hour
                if intervals and intervals[-1][1] == start:
                    intervals[-1] = (intervals[-1][0], end)
                else:
                    intervals.append((start, end))
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        result = self._cache[key] = tuple(intervals)
        return result

    # -- queries --------------------------------------------------------------------------

    def contains(self, t: float) -> bool:
        """Is instant t (epoch seconds) inside work hours? Ranges are half-open."""
        today = self._local(t).date()
        # The date's neighbours too: where clocks fall back across midnight, the clock may
        # show yesterday's date during an instant that belongs to today's hours.
        for day in (today - _ONE_DAY, today, today + _ONE_DAY):
            for start, end in self._intervals(day):
                if start <= t < end:
                    return True
        return False

    def intervals_inside(self, a: float, b: float) -> list[Interval]:
        """The parts of [a, b) inside work hours, in order; contiguous parts are merged."""
        out: list[Interval] = []
        if not b > a:
            return out
        day, last = self._local(a).date() - _ONE_DAY, self._local(b).date() + _ONE_DAY
        while day <= last:
            for start, end in self._intervals(day):
                lo, hi = max(start, a), min(end, b)
                if lo >= hi:
                    continue
                if out and out[-1][1] == lo:
                    out[-1] = (out[-1][0], hi)
                else:
                    out.append((lo, hi))
            day += _ONE_DAY
        return out

    def seconds_inside(self, a: float, b: float) -> float:
        """How many real seconds of [a, b) fall inside work hours."""
        return sum(end - start for start, end in self.intervals_inside(a, b))

    def next_start(self, t: float) -> float | None:
        """The first instant >= t inside work hours (t itself when already inside).

        For "Recording starts at 09:00". None when no weekday has work hours. The search
        stops a week past the later of t and the last day off: by then every weekday has
        come round without being a day off.
        """
        if not any(self.days):
            return None
        if self.contains(t):
            return t
        day = self._local(t).date() - _ONE_DAY
        last = max([day, *self.days_off]) + timedelta(days=9)
        while day <= last:
            for start, _end in self._intervals(day):
                if start >= t:
                    return start
            day += _ONE_DAY
        return None
