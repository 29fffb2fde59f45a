"""The data folder, the database and the lock files: the user's own, never reached through a
link someone else made, 0700/0600 whatever the umask (socialtime.base.private_files' rule)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import OTHER_UID, owned_by_another_user

from socialtime.base import private_files
from socialtime.base.private_files import UnsafePath, private_dir
from socialtime.browser.channel import BridgeUnavailable
from socialtime.browser.unixsock import UnixSocket
from socialtime.recording.recorder_lock import RecorderLock
from socialtime.recording.store import DB_NAME, Store, StoreError

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the rule is for Linux and macOS")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def shared(tmp_path) -> Path:
    """A world-writable folder with the sticky bit, like /tmp, that belongs to another user."""
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o1777)
    if os.geteuid() == 0:
        os.chown(folder, OTHER_UID, OTHER_UID)
    return folder


# --- modes whatever the umask ----------------------------------------------------------------


def test_every_file_is_0600_and_the_folder_0700_under_umask_000(tmp_path, umask_000):
    from socialtime.ui.single_instance import SingleInstance

    data = tmp_path / "data"
    store = Store.open(data)
    store.record("x.com", 0, 5, 10)  # the -wal and -shm exist now
    recorder = RecorderLock(data)
    recorder.acquire()
    tray = SingleInstance(data)
    assert tray.acquire()
    assert SingleInstance(data).send("show dashboard", timeout=0)
    bridge = UnixSocket(data / "bridge.sock")
    bridge.listen()
    try:
        names = sorted(p.name for p in data.iterdir())
        assert names == [
            "bridge.lock", "bridge.sock", "recorder.lock", DB_NAME, f"{DB_NAME}-shm",
            f"{DB_NAME}-wal", "tray.lock", "tray.request",
        ]  # fmt: skip
        assert mode(data) == 0o700
        assert {name: mode(data / name) for name in names} == dict.fromkeys(names, 0o600)
    finally:
        bridge._release()
        tray.release()
        recorder.release()
        store.close()


def test_an_existing_lock_file_is_made_0600(tmp_path):
    (tmp_path / "recorder.lock").touch(mode=0o666)
    os.chmod(tmp_path / "recorder.lock", 0o666)
    with RecorderLock(tmp_path):
        assert mode(tmp_path / "recorder.lock") == 0o600


# --- the folder ------------------------------------------------------------------------------


def test_a_readable_folder_of_the_users_is_made_0700(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    os.chmod(data, 0o755)
    Store.open(data).close()
    assert mode(data) == 0o700


def test_a_folder_only_the_users_group_may_write_to_is_made_0700(tmp_path):
    """`umask 002` (a private group per user, as on Ubuntu) makes folders 0775: the folder is
    still the user's own, and is made private like any other."""
    data = tmp_path / "data"
    data.mkdir()
    os.chmod(data, 0o775)
    Store.open(data).close()
    assert mode(data) == 0o700


def test_a_folder_others_may_write_to_is_refused_and_left_as_it_is(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    os.chmod(data, 0o777)
    with pytest.raises(StoreError) as info:
        Store.open(data)
    assert str(info.value) == (
        f"{data} can be written by other users (mode 0777); socialtime keeps your data only "
        "in a folder that is yours alone: make it so with chmod 700, or choose another folder"
    )
    assert mode(data) == 0o777
    assert list(data.iterdir()) == []


def test_a_folder_of_another_user_is_refused(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    owned_by_another_user(data, monkeypatch)
    with pytest.raises(StoreError) as info:
        Store.open(data)
    assert str(info.value) == (
        f"{data} belongs to another user (uid {OTHER_UID}); socialtime keeps your data only "
        "in a folder of yours"
    )
    assert list(data.iterdir()) == []


def test_the_users_own_link_to_their_own_folder_is_accepted(tmp_path):
    """The rule: the data folder may be a link you own to a folder you own (data kept on
    another disk); the folder it points to is made 0700."""
    real = tmp_path / "elsewhere"
    real.mkdir()
    os.chmod(real, 0o755)
    (tmp_path / "data").symlink_to(real)
    store = Store.open(tmp_path / "data")
    store.record("x.com", 0, 5, 10)
    store.close()
    assert mode(real) == 0o700
    assert (real / DB_NAME).is_file()


def test_a_link_to_a_missing_folder_is_refused_and_nothing_is_created(tmp_path, shared):
    link = tmp_path / "data"
    link.symlink_to(shared / "socialtime")
    with pytest.raises(StoreError) as info:
        Store.open(link)
    assert str(info.value) == (
        f"{link} is a symbolic link to {shared / 'socialtime'}, which does not exist; "
        "socialtime does not create the folder a link points to"
    )
    assert list(shared.iterdir()) == []


def test_a_data_folder_link_made_by_another_user_is_refused(tmp_path, shared, monkeypatch):
    """Another user's link in a shared folder, to a folder of ours: refused by its owner, before
    anything is changed where it points (not by a chmod that fails)."""
    ours = tmp_path / "ours"
    ours.mkdir()
    os.chmod(ours, 0o755)
    link = shared / "data"
    link.symlink_to(ours)
    owned_by_another_user(link, monkeypatch)
    with pytest.raises(StoreError) as info:
        Store.open(link)
    assert str(info.value) == (
        f"{link} is a symbolic link made by another user (uid {OTHER_UID}); socialtime keeps "
        "your data only in a folder of yours"
    )
    assert mode(ours) == 0o755
    assert list(ours.iterdir()) == []


def test_the_cli_names_a_refused_data_folder(run, tmp_path, monkeypatch):
    ours = tmp_path / "ours"
    ours.mkdir()
    run.data.symlink_to(ours)
    owned_by_another_user(run.data, monkeypatch)
    code, _, err = run("report")
    assert code == 1
    assert f"{run.data} is a symbolic link made by another user (uid {OTHER_UID})" in err
    assert "Traceback" not in err and "Operation not permitted" not in err
    assert list(ours.iterdir()) == []


def test_a_file_in_the_way_of_the_folder_is_refused(tmp_path):
    (tmp_path / "data").write_text("x")
    with pytest.raises(UnsafePath, match=r"data is not a folder"):
        private_dir(tmp_path / "data")


def test_the_refusal_in_french(french, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    os.chmod(data, 0o777)
    with pytest.raises(UnsafePath) as info:
        private_dir(data)
    assert str(info.value).startswith(
        f"{data} peut être modifié par d'autres utilisateurs (droits 0777)"
    )


# --- lock and request files ------------------------------------------------------------------


def test_a_recorder_lock_that_is_a_link_is_refused_and_its_target_kept(tmp_path):
    target = tmp_path / "precious"
    target.write_text("keep me")
    os.chmod(target, 0o644)
    (tmp_path / "recorder.lock").symlink_to(target)
    with pytest.raises(StoreError) as info:
        RecorderLock(tmp_path).acquire()
    assert str(info.value) == (
        f"{tmp_path / 'recorder.lock'} is a symbolic link; socialtime opens only a regular "
        "file it owns"
    )
    assert mode(target) == 0o644 and target.read_text() == "keep me"


def test_a_dangling_lock_link_creates_nothing_where_it_points(tmp_path, shared):
    from socialtime.ui.single_instance import SingleInstance

    (tmp_path / "tray.lock").symlink_to(shared / "tray.lock")
    (tmp_path / "bridge.lock").symlink_to(shared / "bridge.lock")
    with pytest.raises(UnsafePath, match=r"tray.lock is a symbolic link"):
        SingleInstance(tmp_path).acquire()
    with pytest.raises(BridgeUnavailable, match=r"bridge.lock is a symbolic link"):
        UnixSocket(tmp_path / "bridge.sock").listen()
    assert list(shared.iterdir()) == []


def test_a_request_link_is_not_followed(tmp_path, shared):
    from socialtime.ui.single_instance import REQUEST, SingleInstance

    part = tmp_path / f".{REQUEST}.{os.getpid()}"
    part.symlink_to(shared / "request")
    assert not SingleInstance(tmp_path).send("show dashboard", timeout=0)
    assert list(shared.iterdir()) == []


def test_a_lock_file_of_another_user_is_refused(tmp_path, monkeypatch):
    lock = tmp_path / "recorder.lock"
    lock.touch()
    owned_by_another_user(lock, monkeypatch)
    with pytest.raises(StoreError) as info:
        RecorderLock(tmp_path).acquire()
    assert str(info.value) == (
        f"{lock} belongs to another user (uid {OTHER_UID}); socialtime opens only a regular "
        "file it owns"
    )


def test_a_fifo_in_a_files_place_is_refused_without_hanging(tmp_path):
    os.mkfifo(tmp_path / "recorder.lock")
    with pytest.raises(StoreError, match=r"recorder.lock is not a regular file"):
        RecorderLock(tmp_path).acquire()


def test_the_helper_fakes_another_owner_without_root(tmp_path, monkeypatch):
    """owned_by_another_user's fallback for a non-root run, checked here even as root."""
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    owned_by_another_user(data, monkeypatch)
    assert os.stat(data).st_uid == OTHER_UID
    with pytest.raises(UnsafePath, match=rf"belongs to another user \(uid {OTHER_UID}\)"):
        private_files.private_dir(data)
    assert os.stat(tmp_path).st_uid == os.getuid()  # other files keep their owner
