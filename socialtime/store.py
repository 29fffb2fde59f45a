"""The local database: time spans, consent and pause state, nothing else.

One SQLite file (WAL) in the user's data directory, readable by the user only. A span is
``(start, end, site)`` in Unix seconds; ``site`` is a catalogue id such as ``facebook.com`` or
NULL for "other" (active, not social) time — no title, URL, path or process name is ever stored,
because there is no column to put it in.

Why each write commits at once: a ``kill -9`` or a power cut must lose at most the last tick.
WAL with ``synchronous=NORMAL`` keeps that cheap (no fsync per tick).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from socialtime.i18n import translate
from socialtime.report import MAX_PAUSE_SECONDS

if TYPE_CHECKING:
    from sqlite_utils import Database


def _schema_tool(conn: sqlite3.Connection) -> Database:
    """sqlite-utils, for schema work (migrations) only: the tracker's and the tray's everyday
    queries use the stdlib driver, since sqlite-utils and what it imports (click, dateutil,
    pluggy) would add ~13 MB to a tray that must stay small. numpy and pandas, which it loads
    when installed only to accept their number types, are kept out (numpy is there for
    matplotlib, and would cost ~85 ms and more memory before any chart is shown)."""
    blocked = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail
    try:
        from sqlite_utils import Database
    finally:
        for name in blocked:
            if sys.modules.get(name) is None:
                del sys.modules[name]
    return Database(conn, execute_plugins=False, recursive_triggers=False)


DB_NAME = "socialtime.db"
SCHEMA_VERSION = 1

# Meta keys: the only non-span facts stored.
CONSENT_VERSION = "consent_version"
CONSENT_AT = "consent_at"
PAUSED_UNTIL = "paused_until"


class StoreError(Exception):
    """The database cannot be used; the message names the file and what to do."""


@dataclass(frozen=True)
class Span:
    start: float
    end: float
    site: str | None  # None = other (active, not social)

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass
class Totals:
    """Seconds of active time in a period; ``sites`` holds only social sites."""

    active_seconds: float = 0.0
    sites: dict[str, float] = field(default_factory=dict)

    @property
    def social_seconds(self) -> float:
        return sum(self.sites.values())


def _v1(db: Database) -> None:
    db.table("spans").create(
        {"id": int, "start": float, "end": float, "site": str},
        pk="id",
        not_null={"start", "end"},
    )
    db.table("spans").create_index(["end"], index_name="spans_end")
    db.table("meta").create({"key": str, "value": str}, pk="key", not_null={"value"})


# Migration N brings the schema from version N-1 to N; each runs in its own transaction.
MIGRATIONS: tuple[Callable[[Database], None], ...] = (_v1,)
assert len(MIGRATIONS) == SCHEMA_VERSION


@contextlib.contextmanager
def _guard(path: str) -> Iterator[None]:
    """Turn sqlite3 errors into a StoreError that names the file and leaves it untouched."""
    try:
        yield
    except sqlite3.DatabaseError as e:
        if isinstance(e, sqlite3.OperationalError) and "locked" in str(e):
            message = translate("store", "{path}: the database is busy ({error}); try again")
            raise StoreError(message.format(path=path, error=e)) from e
        message = translate(
            "store",
            "{path}: not a readable socialtime database ({error}). It was left untouched: "
            "move it away to start afresh, or restore it from a backup.",
        )
        raise StoreError(message.format(path=path, error=e)) from e


class Store:
    """Spans and a few settings in SQLite. Not thread-safe: one Store per thread."""

    def __init__(self, path: Path | str = ":memory:") -> None:
        self.path = str(path)
        self._last: tuple[int, str | None, float] | None = None  # id, site, end of newest span
        self._meta: dict[str, str] = {}
        self._meta_version = -1
        self._depth = 0
        with _guard(self.path):
            self.conn = sqlite3.connect(self.path, timeout=5.0)
            self._migrate()
            # From here on every statement commits at once, unless inside atomic().
            self.conn.isolation_level = None
            # Deleted rows are overwritten with zeros, so an erase leaves nothing to recover.
            self.conn.execute("PRAGMA secure_delete=ON")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            row = self.conn.execute(
                "SELECT id, site, end FROM spans ORDER BY end DESC LIMIT 1"
            ).fetchone()
            self._last = (row[0], row[1], row[2]) if row else None

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Open (creating if needed) the database in ``data_dir``: directory 0700, file 0600."""
        try:
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(data_dir, 0o700)
            path = data_dir / DB_NAME
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            os.close(fd)
            os.chmod(path, 0o600)
        except OSError as e:
            message = translate("store", "{path}: cannot use this data directory ({error})")
            raise StoreError(message.format(path=data_dir, error=e.strerror)) from e
        return cls(path)

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """A transaction (a savepoint when nested): all or nothing."""
        name = f"sp{self._depth}"
        self._depth += 1
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise
        else:
            self.conn.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

    # --- schema -------------------------------------------------------------------------

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            message = translate(
                "store",
                "{path}: this database was written by a newer socialtime (schema {version}; "
                "this program knows up to {known}). Upgrade socialtime; the file was left "
                "untouched.",
            )
            raise StoreError(message.format(path=self.path, version=version, known=SCHEMA_VERSION))
        if version == SCHEMA_VERSION:
            return
        db = _schema_tool(self.conn)
        for number in range(version + 1, SCHEMA_VERSION + 1):
            with db.atomic():
                MIGRATIONS[number - 1](db)
                db.execute(f"PRAGMA user_version = {number}")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # --- spans --------------------------------------------------------------------------

    def record(self, site: str | None, start: float, end: float, max_gap: float) -> None:
        """Add ``[start, end)`` for ``site``: extend the newest span when it is the same site
        and no more than ``max_gap`` seconds before ``start``, else insert a new span."""
        if end <= start:
            return
        with _guard(self.path):
            last = self._last
            if last is not None and last[1] == site and 0 <= start - last[2] <= max_gap:
                self.conn.execute("UPDATE spans SET end = ? WHERE id = ?", [end, last[0]])
                self._last = (last[0], site, end)
            else:
                cur = self.conn.execute(
                    "INSERT INTO spans (start, end, site) VALUES (?, ?, ?)", [start, end, site]
                )
                self._last = (int(cur.lastrowid or 0), site, end)

    def spans(self, start: float | None = None, end: float | None = None) -> Iterator[Span]:
        """Spans overlapping ``[start, end)``, clipped to it, oldest first."""
        lo = float("-inf") if start is None else start
        hi = float("inf") if end is None else end
        with _guard(self.path):
            rows = self.conn.execute(
                "SELECT start, end, site FROM spans WHERE end > ? AND start < ? ORDER BY start",
                [lo, hi],
            ).fetchall()
        for s, e, site in rows:
            yield Span(max(s, lo), min(e, hi), site)

    def totals(self, start: float, end: float) -> Totals:
        """Active and per-site seconds inside ``[start, end)``."""
        with _guard(self.path):
            rows = self.conn.execute(
                "SELECT site, SUM(MIN(end, :b) - MAX(start, :a)) FROM spans "
                "WHERE end > :a AND start < :b GROUP BY site",
                {"a": start, "b": end},
            ).fetchall()
        totals = Totals()
        for site, seconds in rows:
            totals.active_seconds += seconds
            if site is not None:
                totals.sites[site] = seconds
        return totals

    def erase(self, start: float | None = None, end: float | None = None) -> float:
        """Remove everything inside ``[start, end)`` (all when both are None); spans that
        cross an edge are cut there. Returns the seconds erased."""
        lo = float("-inf") if start is None else start
        hi = float("inf") if end is None else end
        with _guard(self.path), self.atomic():
            erased = self.totals(lo, hi).active_seconds
            crossing = self.conn.execute(
                "SELECT id, start, end, site FROM spans WHERE end > ? AND start < ? "
                "AND (start < ? OR end > ?)",
                [lo, hi, lo, hi],
            ).fetchall()
            self.conn.execute("DELETE FROM spans WHERE end > ? AND start < ?", [lo, hi])
            for _id, s, e, site in crossing:
                for a, b in ((s, min(e, lo)), (max(s, hi), e)):
                    if b > a:
                        self.conn.execute(
                            "INSERT INTO spans (start, end, site) VALUES (?, ?, ?)", [a, b, site]
                        )
        with _guard(self.path), contextlib.suppress(sqlite3.OperationalError):
            # Leave no erased bytes in the WAL either; an erase of everything also shrinks
            # the file back to its empty size.
            if start is None and end is None:
                self.conn.execute("VACUUM")
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        row = self.conn.execute("SELECT id, site, end FROM spans ORDER BY end DESC LIMIT 1")
        last = row.fetchone()
        self._last = (last[0], last[1], last[2]) if last else None
        return erased

    def apply_retention(self, days: int, now: float) -> float:
        """Erase what ended more than ``days`` days before ``now`` (0 = keep forever)."""
        if days <= 0:
            return 0.0
        with _guard(self.path):
            oldest = self.conn.execute("SELECT MIN(start) FROM spans").fetchone()[0]
        if oldest is None or oldest >= now - days * 86400:
            return 0.0
        return self.erase(None, now - days * 86400)

    def count(self) -> int:
        with _guard(self.path):
            return int(self.conn.execute("SELECT COUNT(*) FROM spans").fetchone()[0])

    def first_start(self) -> float | None:
        """When the oldest span starts; None when nothing is recorded."""
        with _guard(self.path):
            value = self.conn.execute("SELECT MIN(start) FROM spans").fetchone()[0]
        return None if value is None else float(value)

    # --- export -------------------------------------------------------------------------

    def export_csv(self, out: IO[str], iso: Callable[[float], str]) -> int:
        """Write every span as CSV (start, end, seconds, site); returns the number of rows."""
        import csv  # here: only when exporting

        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["start", "end", "seconds", "site"])
        n = 0
        for span in self.spans():
            writer.writerow(
                [iso(span.start), iso(span.end), round(span.seconds, 1), span.site or ""]
            )
            n += 1
        return n

    def export_json(self, out: IO[str], iso: Callable[[float], str]) -> int:
        """Write everything the database holds (spans, consent, pause) as one JSON object."""
        spans = [
            {
                "start": iso(s.start),
                "end": iso(s.end),
                "seconds": round(s.seconds, 1),
                "site": s.site,
            }
            for s in self.spans()
        ]
        meta = self.meta()
        doc = {
            "format": "socialtime-export",
            "version": 1,
            "consent": {
                "notice_version": meta.get(CONSENT_VERSION),
                "accepted_at": iso(float(meta[CONSENT_AT])) if CONSENT_AT in meta else None,
            },
            "spans": spans,
        }
        json.dump(doc, out, indent=1, ensure_ascii=False)
        out.write("\n")
        return len(spans)

    # --- meta (consent, pause) ----------------------------------------------------------

    def meta(self) -> dict[str, str]:
        """The meta table, re-read only when another connection changed the file."""
        with _guard(self.path):
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._meta_version:
                self._meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
                self._meta_version = version
        return self._meta

    def set_meta(self, key: str, value: str | None) -> None:
        with _guard(self.path):
            if value is None:
                self.conn.execute("DELETE FROM meta WHERE key = ?", [key])
            else:
                self.conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )
        self._meta_version = -1

    def consent_version(self) -> int | None:
        value = self.meta().get(CONSENT_VERSION)
        return int(value) if value is not None and value.isdigit() else None

    def set_consent(self, version: int, now: float) -> None:
        with self.atomic():
            self.set_meta(CONSENT_VERSION, str(version))
            self.set_meta(CONSENT_AT, repr(now))

    def withdraw_consent(self) -> None:
        with self.atomic():
            self.set_meta(CONSENT_VERSION, None)
            self.set_meta(CONSENT_AT, None)

    def paused_until(self, now: float) -> float | None:
        """When the pause ends (None: no pause), as seen at ``now``.

        What is stored may come from an older version or a hand: a value that is not a time
        (text, NaN, a negative number) is no pause at all, and one further than
        MAX_PAUSE_SECONDS after ``now`` (an 11,000-year pause, infinity) ends then: the user
        asked for a long pause, so it stays one, shown and ended like any other. Either way
        nothing downstream meets a time it cannot show."""
        value = self.meta().get(PAUSED_UNTIL)
        try:
            until = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        if not until >= 0:  # NaN too
            return None
        return min(until, now + MAX_PAUSE_SECONDS)

    def set_paused_until(self, until: float | None) -> None:
        self.set_meta(PAUSED_UNTIL, None if until is None else repr(until))
