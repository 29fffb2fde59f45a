import csv
import io
import json
import sqlite3
import stat

import pytest

from socialtime.store import DB_NAME, SCHEMA_VERSION, Store, StoreError

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
