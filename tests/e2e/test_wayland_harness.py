"""The shared harness of the Wayland end-to-end tests: a real user, its sway, its socialtime."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from wayland_session import Sway

pytestmark = [pytest.mark.wayland, pytest.mark.slow]


def owner(pid: int) -> int:
    return os.stat(f"/proc/{pid}").st_uid


def test_sway_runs_as_the_test_user_with_a_private_runtime_dir(sway: Sway) -> None:
    user = sway.user
    assert user.uid != 0
    runtime = os.stat(user.runtime_dir)
    assert runtime.st_uid == user.uid and stat.S_IMODE(runtime.st_mode) == 0o700
    assert (user.runtime_dir / sway.display).is_socket()
    assert owner(sway.proc.pid) in (0, user.uid)  # runuser, as root, leads the group
    window = sway.open_window("foot", "harness check")
    try:
        assert owner(window.pid) == user.uid
        window.focus()
        assert sway.focused() == window.con_id
        sway.input()  # accepted by sway
    finally:
        window.close()


def test_socialtime_runs_as_the_user_from_this_checkout(sway: Sway) -> None:
    user = sway.user
    code = "import socialtime, sys; print(socialtime.__file__); print(sys.version_info[:2])"
    done = user.run([str(user.python), "-c", code], sway.env)
    assert done.returncode == 0, done.stderr
    path, version = done.stdout.splitlines()
    assert Path(path).is_relative_to(user.code_dir)
    if user.as_root:
        assert str(user.python).startswith("/var/tmp/") and version == "(3, 11)"
    data = user.home_dir / "harness-data"
    done = user.socialtime("--data-dir", str(data), "report", "--json", env=sway.env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["active_seconds"] == 0
    assert os.stat(data).st_uid == user.uid  # the user made it, not root
