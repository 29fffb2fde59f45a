"""A year of realistic use, made up: 250 work days of 8 hours with frequent switches."""

from __future__ import annotations

import random
from datetime import date, timedelta

from socialtime.recording.store import Store
from socialtime.rules.periods import local_midnight

SITES = ["youtube.com", "linkedin.com", "reddit.com", "x.com", "facebook.com", "instagram.com"]


def work_days(first: date, count: int) -> list[date]:
    days, day = [], first
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def fill_year(store: Store, first: date = date(2025, 1, 6), seed: int = 7) -> int:
    """Record 250 work days as the tracker would (5 s ticks merged into spans); returns the
    number of spans. About 120 switches a day between work and social sites, plus gaps."""
    return fill_days(store, work_days(first, 250), seed)


def fill_days(store: Store, days: list[date], seed: int = 7) -> int:
    """Record the work hours (09:00-17:00) of ``days`` as in :func:`fill_year`."""
    rng = random.Random(seed)
    with store.atomic():
        for day in days:
            t = local_midnight(day) + 9 * 3600
            end = t + 8 * 3600
            while t < end:
                site = rng.choice(SITES) if rng.random() < 0.3 else None
                length = rng.uniform(30, 400) if site else rng.uniform(60, 600)
                stop = min(end, t + length)
                while t < stop:  # one record per 5 s tick, as the tracker does
                    store.record(site, t, min(stop, t + 5), max_gap=10)
                    t += 5
                if rng.random() < 0.1:
                    t += rng.uniform(200, 1200)  # idle or away: a gap
    return store.count()
