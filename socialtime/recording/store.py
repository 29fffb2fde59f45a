"""The local database: time spans, consent and pause state, nothing else.

One SQLite file (WAL) in the user's data directory, readable by the user only. A span is
``(start, end, site)`` in Unix seconds; ``site`` is a catalogue id such as ``facebook.com`` or
NULL for "other" (active, not social) time — no title, URL, path or process name is ever stored,
because there is no column to put it in.

Why each write commits at once: a ``kill -9`` or a power cut must lose at most the last tick.
WAL with ``synchronous=NORMAL`` keeps that cheap (no fsync per tick).

Why the file is recognised before it is used: ``socialtime.db`` could be anything a user or
another program left there, and SQLite would happily add our tables to another program's
database. So the file carries a mark, ``PRAGMA application_id`` = ``APPLICATION_ID`` (the
ASCII of "SoTi"; the header field SQLite reserves for telling one application's files from
another's, at offset 68), and is read *as bytes* before SQLite opens it: an empty file is
new (it gets the schema and the mark), a file with the mark is ours, a database from before
the mark (id 0, schema 1, exactly our tables and columns) is adopted and marked; anything else
is refused and never modified (SQLite is not even allowed to open it for writing, which would
create a ``-wal`` and ``-shm`` beside a WAL database: it is inspected read-only and
``immutable``). How the file and its folder are opened (no symbolic link, the user's own,
0600 in 0700) is ``socialtime.base.private_files``' rule.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

from socialtime.base.i18n import translate
from socialtime.base.private_files import (
    UnsafePath,
    make_private_fd,
    open_private,
    private_dir,
    refuse_link,
)
from socialtime.rules.periods import MAX_PAUSE_SECONDS, wall_clock

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
# PRAGMA application_id of every socialtime database: the bytes "SoTi" read as a big-endian
# 32-bit integer (0x536F5469 = 1399805033). Never change it: it is how a file is known as ours.
APPLICATION_ID = int.from_bytes(b"SoTi", "big")
# What schema 1 was before the mark existed, as (column, type affinity, not null, primary key):
# a file with exactly these tables, schema 1 and application id 0 is an older socialtime's.
PRE_MARK_TABLES = {
    "spans": (
        ("id", "INTEGER", 0, 1),
        ("start", "REAL", 1, 0),
        ("end", "REAL", 1, 0),
        ("site", "TEXT", 0, 0),
    ),
    "meta": (("key", "TEXT", 0, 1), ("value", "TEXT", 1, 0)),
}
SQLITE_MAGIC = b"SQLite format 3\x00"

# Meta keys: the only non-span facts stored.
CONSENT_VERSION = "consent_version"
CONSENT_AT = "consent_at"
PAUSED_UNTIL = "paused_until"
# What an erase of everything keeps in the meta table: the user's standing choices, not
# anything recorded about them. Consent stays (erasing data is not withdrawing: recording goes
# on, and withdrawing is its own command, which removes these two); a pause stays (erasing
# must never resume a recording the user paused). Everything else goes: what the nudges and
# the weekly reflection have shown, the team summary tokens, the first-run guide's mark. The
# database's own identity and schema are not rows of this table but header fields
# (PRAGMA application_id and user_version), and they stay, so the file is still known as ours.
KEPT_BY_ERASE_ALL = frozenset({CONSENT_VERSION, CONSENT_AT, PAUSED_UNTIL})
# How long a recorder's connection waits for another program's write lock before it fails
# (StoreUnavailable), from its first record() on; a command's waits 5 s. record() is the
# recorder's write at every tick, and a tick that waited would stop looking meanwhile (and
# freeze the tray); the tracker keeps what it could not write and tries again later
# (socialtime.recording.outage), and the tray's other writes say when they could not be made.
RECORD_BUSY_MS = 250


class StoreError(Exception):
    """The database (or its data folder) cannot be used; the message names the file and what
    to do."""


class StoreUnavailable(StoreError):
    """The database is sound but cannot be used for now: the disk is full, another program
    holds its write lock, or the disk reported an I/O error. What was saved before is safe
    (SQLite rolls back a write that fails), and the same call may succeed later, so a recorder
    keeps what it saw and tries again (socialtime.recording.outage) instead of stopping; a one-off
    command says so and exits 1. ``reason`` is one of ``BUSY``, ``FULL``, ``IO``."""

    BUSY, FULL, IO = "busy", "full", "io"

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


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


# SQLite's primary result codes (the low byte of the extended code on sqlite3.Error) that
# pass by themselves: another connection's lock (BUSY; LOCKED within one process; PROTOCOL is a
# lost race for the WAL's locks, which SQLite's own docs say to retry), a full disk (FULL), and
# I/O errors (IOERR: a full disk also shows as IOERR_SHMSIZE when the WAL index cannot grow,
# and as IOERR_WRITE on some file systems). None of them means the file is damaged.
_TRANSIENT = {
    sqlite3.SQLITE_BUSY: StoreUnavailable.BUSY,
    sqlite3.SQLITE_LOCKED: StoreUnavailable.BUSY,
    sqlite3.SQLITE_PROTOCOL: StoreUnavailable.BUSY,
    sqlite3.SQLITE_FULL: StoreUnavailable.FULL,
    sqlite3.SQLITE_IOERR: StoreUnavailable.IO,
}
# What only a person can fix, and that retrying would hide: a file or folder that cannot be
# opened or written (CANTOPEN: permissions, a folder that is gone, a path that is a folder;
# READONLY, PERM). Not "unreadable": the file may be perfectly sound.
_ACCESS = {sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM}
# Really unreadable: not an SQLite file at all, or a damaged one.
_UNREADABLE = {sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_FORMAT}


def _unavailable(path: str, reason: str, error: sqlite3.Error) -> StoreUnavailable:
    if reason == StoreUnavailable.FULL:
        message = translate(
            "store",
            "{path}: the disk is full ({error}). Nothing saved before is lost; free some "
            "space and socialtime can write again.",
        )
    elif reason == StoreUnavailable.BUSY:
        message = translate(
            "store",
            "{path}: the database is busy: another program is writing to it ({error}). "
            "Nothing saved before is lost; try again in a moment.",
        )
    else:
        message = translate(
            "store",
            "{path}: the disk could not be read or written ({error}). Nothing saved before "
            "is lost; try again, and check the disk if this lasts.",
        )
    return StoreUnavailable(message.format(path=path, error=error), reason)


def _store_error(path: str, error: sqlite3.Error) -> StoreError:
    """The StoreError for ``error``, classified by SQLite's result code (the message alone is
    no guide: "database or disk is full" is not a broken file). Only a file that is really
    unreadable is called so; only then does the message offer to move it away."""
    code = getattr(error, "sqlite_errorcode", None)  # absent on the driver's own errors
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in _TRANSIENT:
        return _unavailable(path, _TRANSIENT[primary], error)
    if primary in _UNREADABLE:
        message = translate(
            "store",
            "{path}: not a readable socialtime database ({error}). It was left untouched: "
            "move it away to start afresh, or restore it from a backup.",
        )
    elif primary in _ACCESS:
        message = translate(
            "store",
            "{path}: the database cannot be opened or written ({error}). It was left "
            "untouched: check that the file and its folder are yours and can be written.",
        )
    else:
        message = translate(
            "store", "{path}: socialtime cannot use this database ({error}). It was left untouched."
        )
    return StoreError(message.format(path=path, error=error))


@contextlib.contextmanager
def _guard(path: str, on_error: Callable[[], None] | None = None) -> Iterator[None]:
    """Turn sqlite3 errors into a StoreError that names the file and leaves it untouched;
    a fault that passes (busy, disk full, I/O) becomes a StoreUnavailable. ``on_error`` runs
    first when anything is raised."""
    try:
        yield
    except BaseException as e:
        if on_error is not None:
            on_error()
        if isinstance(e, sqlite3.DatabaseError):
            raise _store_error(path, e) from e
        raise


def _use_folder(data_dir: Path, make_private: bool = True) -> None:
    """private_dir's check of the data folder, its refusals as StoreErrors."""
    try:
        private_dir(data_dir, make_private=make_private)
    except UnsafePath as e:
        raise StoreError(str(e)) from None
    except OSError as e:
        message = translate("store", "{path}: cannot use this data directory ({error})")
        raise StoreError(message.format(path=data_dir, error=e.strerror)) from e


def _recognise(path: Path) -> None:
    """Create ``path`` (empty) or check that it is a socialtime database, before SQLite opens
    it; StoreError naming the file and why when it is refused, and then it was not modified
    (not even its mode). Its mode becomes 0600 once it is known to be ours."""
    try:
        fd = open_private(path, os.O_RDWR | os.O_CREAT, make_private=False)
    except UnsafePath as e:
        raise StoreError(str(e)) from None
    except OSError as e:
        message = translate("store", "{path}: cannot open this file ({error})")
        raise StoreError(message.format(path=path, error=e.strerror)) from e
    try:
        header = os.read(fd, 100)
        if header:
            _check_header(path, header)
        for suffix in ("-wal", "-shm", "-journal"):  # SQLite opens these by name
            refuse_link(path.with_name(path.name + suffix))
        make_private_fd(fd)
    except UnsafePath as e:
        raise StoreError(str(e)) from None
    except OSError as e:
        message = translate("store", "{path}: cannot open this file ({error})")
        raise StoreError(message.format(path=path, error=e.strerror)) from e
    finally:
        os.close(fd)


def _check_header(path: Path, header: bytes) -> None:
    """Refuse what is not ours, from the database header's bytes (application id at offset
    68, user_version at 60: https://sqlite.org/fileformat2.html#database_header); a file
    without the mark is looked into, read-only, for the tables of a socialtime from before it."""
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        message = translate(
            "store",
            "{path}: not a readable socialtime database (this is not an SQLite file). It was "
            "left untouched: move it away to start afresh, or restore it from a backup.",
        )
        raise StoreError(message.format(path=path))
    app_id = int.from_bytes(header[68:72], "big")
    if app_id == APPLICATION_ID:
        return
    if app_id != 0:
        reason = translate("store", "application id {id}; socialtime's is {ours}")
        _refuse_foreign(path, reason.format(id=f"0x{app_id:08x}", ours=f"0x{APPLICATION_ID:08x}"))
    tables = _tables(path)
    version = int.from_bytes(header[60:64], "big")
    if version == 1 and tables == PRE_MARK_TABLES:
        return  # an older socialtime's: _migrate marks it
    names = ", ".join(sorted(tables)) or translate("store", "none")
    reason = translate(
        "store", "no socialtime mark, and its tables ({tables}) are not socialtime's"
    )
    _refuse_foreign(path, reason.format(tables=names))


def _refuse_foreign(path: Path, reason: str) -> NoReturn:
    message = translate(
        "store",
        "{path}: this SQLite database is not socialtime's ({reason}). It was left untouched: "
        "move it away, or choose another data folder (--data-dir).",
    )
    raise StoreError(message.format(path=path, reason=reason))


def _tables(path: Path) -> dict[str, tuple[tuple[str, str, int, int], ...]]:
    """Tables, views and triggers of the database at ``path`` (views and triggers with no
    columns), each table's columns as (name, type affinity, not null, primary key), read
    through an ``immutable`` read-only connection: SQLite then takes no lock and creates no
    file (a plain read-only one would leave a -wal and a -shm beside a WAL database)."""
    uri = Path(os.path.abspath(path)).as_uri() + "?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True)
    try:
        objects = conn.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger') "
            "AND name NOT LIKE 'sqlite!_%' ESCAPE '!'"
        ).fetchall()
        found: dict[str, tuple[tuple[str, str, int, int], ...]] = {}
        for kind, name in objects:
            columns: tuple[tuple[str, str, int, int], ...] = ()
            if kind == "table":
                rows = conn.execute(
                    'SELECT name, type, "notnull", pk FROM pragma_table_info(?)', [name]
                ).fetchall()
                columns = tuple((c, _affinity(t), n, k) for c, t, n, k in rows)
            found[str(name)] = columns
        return found
    finally:
        conn.close()


def _affinity(declared: str) -> str:
    """SQLite's type affinity of a declared column type (https://sqlite.org/datatype3.html,
    3.1): older sqlite-utils wrote FLOAT where newer ones write REAL."""
    t = declared.upper()
    if "INT" in t:
        return "INTEGER"
    if any(word in t for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if not t or "BLOB" in t:
        return "BLOB"
    if any(word in t for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


class Store:
    """Spans and a few settings in SQLite. Not thread-safe: one Store per thread."""

    _recorder = False  # record() has been called: waits for locks are short (RECORD_BUSY_MS)

    def __init__(self, path: Path | str = ":memory:") -> None:
        self.path = str(path)
        self._last: tuple[int, str | None, float] | None = None  # id, site, end of newest span
        self._meta: dict[str, str] = {}
        self._meta_version = -1
        self._depth = 0
        with _guard(self.path, on_error=self._abandon):
            if self.path != ":memory:":
                _recognise(Path(self.path))
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

    def _abandon(self) -> None:
        """Close the connection of a Store that failed to open. Left to the garbage collector
        it would linger, kept alive by the error (and a recorder keeps the error while it
        tries again), and a connection whose WAL index could not be made (a full disk) shares
        that broken index with the next one: other processes then take themselves for the
        only users, delete the WAL on closing, and what the next one writes is lost."""
        conn = getattr(self, "conn", None)
        if conn is not None:
            conn.close()

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Open (creating if needed) the database in ``data_dir``: directory 0700, file 0600,
        both the user's own and reached through no symbolic link but the user's own link to
        their folder (``socialtime.base.private_files``)."""
        # The folder is checked first, and made 0700 only once the database in it is known to
        # be ours: a folder holding another program's database is left as it is, like that file.
        _use_folder(data_dir, make_private=False)
        store = cls(data_dir / DB_NAME)
        try:
            _use_folder(data_dir)
        except StoreError:
            store.close()
            raise
        return store

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
        if version < SCHEMA_VERSION:
            db = _schema_tool(self.conn)
            for number in range(version + 1, SCHEMA_VERSION + 1):
                with db.atomic():
                    MIGRATIONS[number - 1](db)
                    db.execute(f"PRAGMA user_version = {number}")
                    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        elif self.conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            # A database from before the mark, recognised by _recognise: mark it, and let the
            # mark reach the file itself now rather than at the next checkpoint, so the next
            # start reads it from the header instead of inspecting the tables again.
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.conn.commit()
            with contextlib.suppress(sqlite3.OperationalError):
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @property
    def application_id(self) -> int:
        return int(self.conn.execute("PRAGMA application_id").fetchone()[0])

    # --- spans --------------------------------------------------------------------------

    def record(self, site: str | None, start: float, end: float, max_gap: float) -> None:
        """Add ``[start, end)`` for ``site``: extend the newest span when it is the same site
        and no more than ``max_gap`` seconds before ``start``, else insert a new span."""
        if end <= start:
            return
        # ``_last`` changes only once the statement has committed: after a write that failed
        # (StoreUnavailable: disk full, busy) it still names the newest row really written, so
        # that the same span, written again later, extends that row as it would have.
        with _guard(self.path):
            if not self._recorder:
                self.conn.execute(f"PRAGMA busy_timeout = {RECORD_BUSY_MS}")
                self._recorder = True
            self._write_span(site, start, end, max_gap)

    def _write_span(self, site: str | None, start: float, end: float, max_gap: float) -> None:
        last = self._last
        if last is not None and last[1] == site and 0 <= start - last[2] <= max_gap:
            cur = self.conn.execute("UPDATE spans SET end = ? WHERE id = ?", [end, last[0]])
            if cur.rowcount == 1:
                self._last = (last[0], site, end)
                return
            # No such row any more: another process erased it. Start a new span.
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

    def extent(self, start: float, end: float) -> tuple[float, float] | None:
        """The first and last instants recorded inside ``[start, end)``; None when empty."""
        with _guard(self.path):
            lo, hi = self.conn.execute(
                "SELECT MIN(start), MAX(end) FROM spans WHERE end > ? AND start < ?", [start, end]
            ).fetchone()
        return None if lo is None else (max(lo, start), min(hi, end))

    def totals_between(self, edges: Sequence[float]) -> list[Totals]:
        """Active and per-site seconds of each interval ``[edges[i], edges[i + 1])``, in one
        SQL query (the fast path of socialtime.insights.report.build: a year of days costs
        one aggregate, not a span loop in Python). ``edges`` rise; the caller gives the
        local midnights, so the store stays free of calendars.

        Why the join is quick: a span that overlaps an interval ends within the interval or
        less than the longest span (of those inside the edges) after it, so each interval
        reads one range of the ``end`` index instead of every span after it."""
        if len(edges) < 2:
            return []
        bounds = json.dumps(list(itertools.pairwise(edges)))
        with _guard(self.path):
            rows = self.conn.execute(
                "WITH cuts(i, a, b) AS (SELECT key, json_extract(value, '$[0]'),"
                " json_extract(value, '$[1]') FROM json_each(:cuts)),"
                " longest(n) AS (SELECT COALESCE(MAX(end - start), 0) FROM spans"
                " WHERE end > :lo AND start < :hi) "
                "SELECT cuts.i, spans.site, SUM(MIN(spans.end, cuts.b) - MAX(spans.start, cuts.a))"
                " FROM cuts, longest JOIN spans"
                " ON spans.end > cuts.a AND spans.end <= cuts.b + longest.n"
                " AND spans.start < cuts.b GROUP BY cuts.i, spans.site",
                {"cuts": bounds, "lo": edges[0], "hi": edges[-1]},
            ).fetchall()
        out = [Totals() for _ in edges[1:]]
        for i, site, seconds in rows:
            out[i].active_seconds += seconds
            if site is not None:
                out[i].sites[site] = seconds
        return out

    def erase(self, start: float | None = None, end: float | None = None) -> float:
        """Remove everything inside ``[start, end)`` (all when both are None); spans that
        cross an edge are cut there. Returns the seconds erased. Erasing all also empties the
        meta table but for KEPT_BY_ERASE_ALL (nudges, reflection, team tokens: see there)."""
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
            if start is None and end is None:
                kept = sorted(KEPT_BY_ERASE_ALL)
                marks = ", ".join("?" for _ in kept)
                self.conn.execute(f"DELETE FROM meta WHERE key NOT IN ({marks})", kept)
                self._meta_version = -1
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

    def days_with_data(self, start: float | None = None, end: float | None = None) -> int:
        """On how many days (of the local calendar) something is recorded inside
        ``[start, end)``: what a person counts when asked "Erase 3 days of data?"."""
        lo = float("-inf") if start is None else start
        hi = float("inf") if end is None else end
        days: set[int] = set()  # ordinals of dates
        with _guard(self.path):
            rows = self.conn.execute(
                "SELECT start, end FROM spans WHERE end > ? AND start < ?", [lo, hi]
            ).fetchall()
        for s, e in rows:
            first, last = wall_clock(max(s, lo)).date(), wall_clock(min(e, hi) - 1e-6).date()
            days.update(range(first.toordinal(), last.toordinal() + 1))
        return len(days)

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
