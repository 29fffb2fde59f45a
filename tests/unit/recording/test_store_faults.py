"""The store's errors, classified by SQLite's result code: a fault that passes (busy, a full disk,
I/O) is a StoreUnavailable that says the data is safe; only a file that is really unreadable is
called so and may be moved away. And a write that failed leaves the store's idea of its newest
span true, so that writing the same span again later extends it as it would have."""

from __future__ import annotations

import os
import sqlite3
import time

import pytest

from socialtime.recording.store import (
    DB_NAME,
    SCHEMA_VERSION,
    Store,
    StoreError,
    StoreUnavailable,
    _guard,
)

GAP = 10.0


def rows(store: Store) -> list[tuple[float, float, str | None]]:
    return [(s.start, s.end, s.site) for s in store.spans()]


def sqlite_error(message: str, code: int) -> sqlite3.Error:
    """An error as the driver raises it, with SQLite's extended result code."""
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


def raised(error: BaseException) -> StoreError:
    with pytest.raises(StoreError) as info, _guard("/home/me/socialtime.db"):
        raise error
    return info.value


@pytest.mark.parametrize(
    ("code", "message", "reason", "words"),
    [
        (sqlite3.SQLITE_FULL, "database or disk is full", "full", "the disk is full"),
        (sqlite3.SQLITE_IOERR_SHMSIZE, "disk I/O error", "io", "could not be read or written"),
        (sqlite3.SQLITE_IOERR_WRITE, "disk I/O error", "io", "could not be read or written"),
        (sqlite3.SQLITE_BUSY, "database is locked", "busy", "another program is writing"),
        (sqlite3.SQLITE_BUSY_SNAPSHOT, "database is locked", "busy", "is busy"),
        (sqlite3.SQLITE_LOCKED, "database table is locked", "busy", "is busy"),
        (sqlite3.SQLITE_PROTOCOL, "locking protocol", "busy", "is busy"),
    ],
)
def test_faults_that_pass_say_the_data_is_safe(code, message, reason, words):
    error = raised(sqlite_error(message, code))
    assert isinstance(error, StoreUnavailable) and error.reason == reason
    text = str(error)
    assert text.startswith("/home/me/socialtime.db: ") and words in text and message in text
    assert "Nothing saved before is lost" in text
    assert "move it away" not in text and "not a readable" not in text


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (sqlite3.SQLITE_NOTADB, "not a readable socialtime database"),
        (sqlite3.SQLITE_CORRUPT, "not a readable socialtime database"),
        (sqlite3.SQLITE_CORRUPT_INDEX, "not a readable socialtime database"),
        (sqlite3.SQLITE_CANTOPEN, "cannot be opened or written"),
        (sqlite3.SQLITE_READONLY, "cannot be opened or written"),
        (sqlite3.SQLITE_ERROR, "cannot use this database"),
    ],
)
def test_lasting_errors_are_not_retried(code, words):
    error = raised(sqlite_error("something", code))
    assert not isinstance(error, StoreUnavailable)
    assert words in str(error) and "left untouched" in str(error)
    # Only a file that cannot be read is worth moving away.
    assert ("move it away" in str(error)) == words.startswith("not a readable")


def test_an_error_of_the_driver_without_a_code_is_not_called_unreadable():
    error = raised(sqlite3.ProgrammingError("Cannot operate on a closed database."))
    assert not isinstance(error, StoreUnavailable) and "move it away" not in str(error)


def test_a_database_that_reaches_its_size_limit_is_full_not_unreadable(tmp_path):
    """SQLite's own SQLITE_FULL, from a page limit instead of a disk (the disk-full case itself
    is tests/e2e/test_e2e_faults.py, on a small tmpfs)."""
    store = Store.open(tmp_path)
    store.record("x.com", 0, 5, GAP)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreUnavailable) as info:
        for i in range(1000):
            store.record(f"site-{i}.example" * 20, 100 * i + 10, 100 * i + 15, GAP)
    assert info.value.reason == StoreUnavailable.FULL
    assert str(tmp_path / DB_NAME) in str(info.value) and "disk is full" in str(info.value)
    assert store.count() >= 1 and rows(store)[0] == (0, 5, "x.com")
    store.close()


@pytest.fixture
def locked(tmp_path):
    """A store, and another connection that can take its write lock (``holder``)."""
    store = Store.open(tmp_path)
    holder = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None, timeout=0)
    yield store, holder
    holder.close()
    store.close()


def test_a_write_that_meets_a_lock_fails_soon_and_is_written_later_as_one_span(locked):
    store, holder = locked
    store.record("x.com", 0, 5, GAP)
    holder.execute("BEGIN IMMEDIATE")
    began = time.monotonic()
    with pytest.raises(StoreUnavailable) as info:
        store.record("x.com", 5, 10, GAP)  # would extend the span
    waited = time.monotonic() - began
    assert info.value.reason == StoreUnavailable.BUSY
    assert waited < 2.5, waited  # the store's 5 s are for commands, not for the tick
    with pytest.raises(StoreUnavailable):
        store.record("y.com", 10, 15, GAP)  # would insert one
    holder.execute("ROLLBACK")
    store.record("x.com", 5, 10, GAP)  # the tracker writes what it kept, in order
    store.record("y.com", 10, 15, GAP)
    store.record("y.com", 15, 20, GAP)
    assert rows(store) == [(0, 10, "x.com"), (10, 20, "y.com")]


def test_only_a_recorder_waits_less_than_5_s_for_a_lock(tmp_path):
    command, recorder = Store.open(tmp_path), Store.open(tmp_path)
    recorder.record("x.com", 0, 5, GAP)
    waits = [s.conn.execute("PRAGMA busy_timeout").fetchone()[0] for s in (command, recorder)]
    assert waits == [5000, 250]
    command.close()
    recorder.close()


def test_a_span_erased_by_another_process_is_started_afresh(locked):
    store, holder = locked
    store.record("x.com", 0, 5, GAP)
    holder.execute("DELETE FROM spans")  # `socialtime erase --all` while recording
    store.record("x.com", 5, 10, GAP)
    assert rows(store) == [(5, 10, "x.com")]  # not lost into a row that is gone


def test_too_new_and_unreadable_databases_still_stop_track_at_once(run):
    run.data.mkdir()
    (run.data / DB_NAME).write_bytes(b"\x00garbage" * 1000)
    began = time.monotonic()
    code, _, err = run("track")
    assert code == 1 and "not a readable socialtime database" in err
    (run.data / DB_NAME).unlink()
    Store.open(run.data).close()
    conn = sqlite3.connect(run.data / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    code, _, err = run("track")
    assert code == 1 and "newer socialtime" in err
    assert time.monotonic() - began < 4  # no back-off: nothing is waited for


def test_the_full_disk_message_in_french(french):
    text = str(raised(sqlite_error("database or disk is full", sqlite3.SQLITE_FULL)))
    assert text.startswith("/home/me/socialtime.db\u00a0: le disque est plein")
    assert "déplacer" not in text


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts descriptors in /proc")
def test_a_store_that_fails_to_open_leaves_no_connection_behind(tmp_path):
    """A recorder keeps the error while it tries again; the connection it holds must be
    closed, or (after a full disk) it would share a broken WAL index with the next one."""
    path = tmp_path / DB_NAME
    path.write_bytes(b"this is not a database " * 200)
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path)
    kept = info.value  # alive, with its traceback, as Outage.error keeps it
    open_files = {os.path.realpath(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")}
    assert str(path) not in open_files and kept.__traceback__ is not None
