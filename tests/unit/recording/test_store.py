import csv
import io
import json
import os
import sqlite3
import stat

import pytest

from socialtime.recording.store import (
    APPLICATION_ID,
    DB_NAME,
    KEPT_BY_ERASE_ALL,
    PRE_MARK_TABLES,
    SCHEMA_VERSION,
    Store,
    StoreError,
)

GAP = 10.0


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


def rows(store):
    return [(s.start, s.end, s.site) for s in store.spans()]


def test_contiguous_same_site_extends_one_span(store):
    store.record("facebook.com", 100, 105, GAP)
    store.record("facebook.com", 105, 110, GAP)
    store.record("facebook.com", 112, 117, GAP)  # a small gap (<= max_gap) still merges
    assert rows(store) == [(100, 117, "facebook.com")]


def test_other_site_or_long_gap_starts_a_new_span(store):
    store.record("facebook.com", 100, 105, GAP)
    store.record("x.com", 105, 110, GAP)
    store.record("x.com", 130, 135, GAP)  # 20 s gap > max_gap
    store.record(None, 135, 140, GAP)
    assert rows(store) == [
        (100, 105, "facebook.com"),
        (105, 110, "x.com"),
        (130, 135, "x.com"),
        (135, 140, None),
    ]


def test_other_time_is_stored_without_any_label(store):
    store.record(None, 0, 5, GAP)
    assert store.conn.execute("SELECT site FROM spans").fetchall() == [(None,)]
    columns = [r[1] for r in store.conn.execute("PRAGMA table_info(spans)")]
    assert columns == ["id", "start", "end", "site"]  # nowhere to put a title or URL


def test_empty_or_reversed_span_is_ignored(store):
    store.record("x.com", 10, 10, GAP)
    store.record("x.com", 10, 5, GAP)
    assert store.count() == 0


def test_totals_clip_to_the_period(store):
    store.record("youtube.com", 0, 100, GAP)
    store.record(None, 100, 300, GAP)
    t = store.totals(50, 200)
    assert t.active_seconds == 150
    assert t.sites == {"youtube.com": 50}
    assert t.social_seconds == 50


def test_erase_range_cuts_spans_at_the_edges(store):
    store.record("x.com", 0, 100, GAP)
    store.record(None, 100, 200, GAP)
    erased = store.erase(50, 150)
    assert erased == 100
    assert rows(store) == [(0, 50, "x.com"), (150, 200, None)]


def test_erase_inside_one_span_splits_it(store):
    store.record("x.com", 0, 100, GAP)
    store.erase(40, 60)
    assert rows(store) == [(0, 40, "x.com"), (60, 100, "x.com")]


def test_erase_all(store):
    store.record("x.com", 0, 100, GAP)
    store.set_consent(1, 5.0)
    store.erase()
    assert store.count() == 0
    assert store.consent_version() == 1  # consent is not data; withdrawing it is separate
    store.record("x.com", 100, 105, GAP)  # the cached newest span was forgotten too
    assert rows(store) == [(100, 105, "x.com")]


def _fill_meta(store):
    """Every kind of state the program keeps in the meta table, as each writer writes it."""
    from socialtime.insights import nudges
    from socialtime.team import summary

    store.set_consent(1, 5.0)
    store.set_paused_until(500.0)
    store.set_meta(nudges.SHOWN_META, '{"day": "2026-11-24", "keys": ["all:80", "site:x.com:100"]}')
    store.set_meta(nudges.SNOOZED_META, "2026-11-24")
    store.set_meta(nudges.WEEK_META, "2026-W48")
    store.set_meta(nudges.WEEKLY_META, '{"week": "2026-W48", "keys": ["weekly:80"]}')
    summary.remember_token(store, "Support", "2026-W48", "ab" * 16)
    store.set_meta("first_run_guide", "1")


def test_erase_all_leaves_only_the_users_standing_choices_in_meta(store):
    store.record("x.com", 0, 100, GAP)
    _fill_meta(store)
    assert len(store.meta()) >= 9
    store.erase()
    assert set(store.meta()) == {"consent_version", "consent_at", "paused_until"}
    assert set(store.meta()) == KEPT_BY_ERASE_ALL
    # The database is still known as ours: the mark and the schema are header fields.
    assert store.application_id == APPLICATION_ID
    assert store.schema_version == SCHEMA_VERSION


def test_withdraw_then_erase_all_leaves_the_meta_table_empty(store):
    store.record("x.com", 0, 100, GAP)
    _fill_meta(store)
    store.set_paused_until(None)
    store.withdraw_consent()
    store.erase()
    assert store.meta() == {}
    assert store.conn.execute("SELECT COUNT(*) FROM meta").fetchone()[0] == 0
    assert store.count() == 0


def test_erasing_a_range_keeps_the_meta_table(store):
    store.record("x.com", 0, 100, GAP)
    _fill_meta(store)
    before = dict(store.meta())
    store.erase(0, 50)
    assert store.meta() == before


def test_retention_erases_only_old_days(store):
    day = 86400
    store.record("x.com", 0, 100, GAP)
    store.record("x.com", 10 * day, 10 * day + 100, GAP)
    store.apply_retention(5, now=12 * day)
    assert rows(store) == [(10 * day, 10 * day + 100, "x.com")]
    store.apply_retention(0, now=1000 * day)  # 0 = keep forever
    assert store.count() == 1


def test_consent_and_pause_round_trip(store):
    assert store.consent_version() is None
    store.set_consent(1, 123.5)
    assert store.consent_version() == 1
    store.set_paused_until(500.0)
    assert store.paused_until(0.0) == 500.0
    store.set_paused_until(None)
    assert store.paused_until(0.0) is None
    store.withdraw_consent()
    assert store.consent_version() is None


def test_meta_written_by_another_connection_is_seen(tmp_path):
    a = Store.open(tmp_path)
    b = Store.open(tmp_path)
    assert a.consent_version() is None
    b.set_consent(1, 1.0)
    assert a.consent_version() == 1
    b.withdraw_consent()
    assert a.consent_version() is None
    a.close()
    b.close()


def test_files_are_private(tmp_path):
    data = tmp_path / "data"
    s = Store.open(data)
    s.record("x.com", 0, 5, GAP)
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for f in data.iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    s.close()


def test_wal_mode_and_schema_version(tmp_path):
    s = Store.open(tmp_path)
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.schema_version == SCHEMA_VERSION
    s.close()


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    Store.open(tmp_path).close()
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"newer socialtime") as info:
        Store.open(tmp_path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def test_corrupted_file_is_reported_with_its_path_and_kept(tmp_path):
    path = tmp_path / DB_NAME
    garbage = b"this is not a database " * 200
    path.write_bytes(garbage)
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path)
    assert str(path) in str(info.value)
    assert "left untouched" in str(info.value)
    assert path.read_bytes() == garbage


def test_migration_from_an_empty_file(tmp_path):
    path = tmp_path / DB_NAME
    path.touch()
    s = Store(path)
    assert s.schema_version == SCHEMA_VERSION
    s.close()


def test_reopen_continues_the_newest_span(tmp_path):
    s = Store.open(tmp_path)
    s.record("x.com", 0, 5, GAP)
    s.close()
    s = Store.open(tmp_path)
    s.record("x.com", 5, 10, GAP)
    assert rows(s) == [(0, 10, "x.com")]
    s.close()


def test_export_csv_and_json(store):
    store.record("x.com", 0, 5, GAP)
    store.record(None, 5, 65, GAP)
    store.set_consent(1, 0.0)
    out = io.StringIO()
    assert store.export_csv(out, str) == 2
    parsed = list(csv.reader(io.StringIO(out.getvalue())))
    assert parsed == [
        ["start", "end", "seconds", "site"],
        ["0.0", "5.0", "5.0", "x.com"],
        ["5.0", "65.0", "60.0", ""],
    ]
    out = io.StringIO()
    store.export_json(out, str)
    doc = json.loads(out.getvalue())
    assert doc["format"] == "socialtime-export"
    assert doc["consent"] == {"notice_version": "1", "accepted_at": "0.0"}
    assert [s["site"] for s in doc["spans"]] == ["x.com", None]


def test_erased_bytes_do_not_linger_in_the_file(tmp_path):
    s = Store.open(tmp_path)
    s.record("canary-site.example", 0, 5, GAP)
    s.erase(None, None)
    s.close()
    for f in tmp_path.iterdir():
        assert b"canary-site" not in f.read_bytes(), f


def test_unusable_data_directory_is_reported(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError, match="cannot use this data directory") as info:
        Store.open(blocker / "data")
    assert str(blocker / "data") in str(info.value)


def test_a_corrupted_file_is_explained_in_french(french, tmp_path):
    path = tmp_path / DB_NAME
    path.write_bytes(b"this is not a database " * 200)
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path)
    message = str(info.value)
    assert message.startswith(f"{path}\u00a0: ce n'est pas une base de données socialtime lisible")
    assert "Elle n'a pas été modifiée" in message


# --- recognising the file: the mark, foreign databases, links ----------------------------------


def snapshot(folder):
    """Every file in ``folder``: its bytes and mode (a refused file is not modified at all)."""
    return {p.name: (p.read_bytes(), stat.S_IMODE(p.lstat().st_mode)) for p in folder.iterdir()}


def foreign_database(path, wal=False, application_id=0):
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
    if application_id:
        conn.execute(f"PRAGMA application_id = {application_id}")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('my notes')")
    conn.commit()
    conn.close()
    os.chmod(path, 0o644)


def test_a_new_database_carries_the_mark(tmp_path):
    Store.open(tmp_path).close()
    header = (tmp_path / DB_NAME).read_bytes()[:100]
    assert header[68:72] == b"SoTi" and APPLICATION_ID == 0x536F5469
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION


def test_the_pre_mark_tables_are_those_schema_1_creates(store):
    """PRE_MARK_TABLES, by which a database from before the mark is known, is what _v1 makes."""
    assert _tables_of(store.conn) == PRE_MARK_TABLES


def _tables_of(conn):
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        name: tuple(
            (c, {"FLOAT": "REAL"}.get(t, t), n, k)
            for c, t, n, k in conn.execute(
                'SELECT name, type, "notnull", pk FROM pragma_table_info(?)', [name]
            )
        )
        for name in names
    }


@pytest.mark.parametrize(
    ("wal", "application_id"),
    [(False, 0), (True, 0), (False, 0x47504B47), (True, 0x47504B47)],
    ids=["rollback", "wal", "geopackage", "geopackage-wal"],
)
def test_another_programs_database_is_refused_and_not_modified(tmp_path, wal, application_id):
    path = tmp_path / DB_NAME
    foreign_database(path, wal, application_id)
    os.chmod(tmp_path, 0o755)
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path)
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755  # its folder is not changed either
    message = str(info.value)
    assert message.startswith(f"{path}: this SQLite database is not socialtime's (")
    assert message.endswith(
        "It was left untouched: move it away, or choose another data folder (--data-dir)."
    )
    if application_id:
        assert "(application id 0x47504b47; socialtime's is 0x536f5469)" in message
    else:
        assert "(no socialtime mark, and its tables (notes) are not socialtime's)" in message
    assert snapshot(tmp_path) == before  # same bytes, same mode, no -wal, -shm or -journal


def test_a_database_with_our_tables_and_one_more_is_refused(tmp_path):
    path = tmp_path / DB_NAME
    Store.open(tmp_path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0")
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()
    before = snapshot(tmp_path)
    with pytest.raises(StoreError, match=r"its tables \(meta, spans, users\) are not socialtime's"):
        Store.open(tmp_path)
    assert snapshot(tmp_path) == before


def test_a_database_from_before_the_mark_is_adopted(tmp_path):
    """A socialtime database written before the mark existed (id 0, schema 1, our tables) is
    used as before, and marked."""
    path = tmp_path / DB_NAME
    s = Store.open(tmp_path)
    s.record("x.com", 0, 5, GAP)
    s.set_consent(1, 0.0)
    s.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0")
    conn.close()
    assert path.read_bytes()[68:72] == b"\0\0\0\0"
    s = Store.open(tmp_path)
    assert rows(s) == [(0, 5, "x.com")] and s.consent_version() == 1
    assert s.application_id == APPLICATION_ID
    s.close()
    assert path.read_bytes()[68:72] == b"SoTi"


def test_a_database_from_an_older_sqlite_utils_is_adopted(tmp_path):
    """Older sqlite-utils declared float columns FLOAT, newer ones REAL: the same affinity."""
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.executescript(
        'CREATE TABLE "spans" ("id" INTEGER PRIMARY KEY, "start" FLOAT NOT NULL, '
        '"end" FLOAT NOT NULL, "site" TEXT);'
        'CREATE INDEX "spans_end" ON "spans" ("end");'
        'CREATE TABLE "meta" ("key" TEXT PRIMARY KEY, "value" TEXT NOT NULL);'
        "INSERT INTO spans (start, end, site) VALUES (0, 60, 'x.com');"
        "PRAGMA user_version = 1;"
    )
    conn.close()
    s = Store.open(tmp_path)
    assert rows(s) == [(0, 60, "x.com")] and s.application_id == APPLICATION_ID
    s.close()


def test_a_database_link_is_refused_and_its_target_kept(tmp_path):
    """The rule: the database must be a regular file, not a symbolic link, even to a file of
    the user's own; the file it points to keeps its bytes and its mode."""
    target = tmp_path / "elsewhere.db"
    Store.open(tmp_path / "old").close()
    target.write_bytes((tmp_path / "old" / DB_NAME).read_bytes())
    os.chmod(target, 0o644)
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_NAME).symlink_to(target)
    before = target.read_bytes()
    with pytest.raises(StoreError) as info:
        Store.open(data)
    assert str(info.value) == (
        f"{data / DB_NAME} is a symbolic link; socialtime opens only a regular file it owns"
    )
    assert target.read_bytes() == before
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_dangling_database_link_creates_nothing_where_it_points(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)  # like /tmp
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_NAME).symlink_to(shared / "socialtime.db")
    with pytest.raises(StoreError, match=r"socialtime.db is a symbolic link; socialtime opens"):
        Store.open(data)
    assert list(shared.iterdir()) == []
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME]


def test_a_link_in_place_of_the_write_ahead_log_is_refused(tmp_path):
    Store.open(tmp_path).close()
    (tmp_path / f"{DB_NAME}-wal").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(StoreError, match=r"socialtime.db-wal is a symbolic link"):
        Store.open(tmp_path)
    assert not (tmp_path / "elsewhere").exists()


def test_a_database_of_another_user_is_refused(tmp_path, monkeypatch):
    from helpers import OTHER_UID, owned_by_another_user

    Store.open(tmp_path).close()
    owned_by_another_user(tmp_path / DB_NAME, monkeypatch)
    with pytest.raises(StoreError, match=rf"belongs to another user \(uid {OTHER_UID}\)"):
        Store.open(tmp_path)


def test_a_foreign_database_is_explained_in_french(french, tmp_path):
    path = tmp_path / DB_NAME
    foreign_database(path)
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path)
    assert str(info.value).startswith(
        f"{path}\u00a0: cette base SQLite n'est pas celle de socialtime (aucune marque de "
        "socialtime, et ses tables (notes) ne sont pas les siennes)"
    )
