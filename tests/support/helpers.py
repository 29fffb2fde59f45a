"""Plain helpers shared by test modules (their fixtures are in tests/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

from socialtime.settings import Policy, load_policy

# The checkout, and the folder where tests leave files for a person to look at (screenshots).
# Test modules take these rather than counting parents of their own __file__, so that moving a
# test file between folders of tests/ changes nothing in it.
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
# This folder (tests/support/): put it on sys.path of a Python process a test starts, so that
# the process can import the fakes too.
SUPPORT = Path(__file__).resolve().parent

# Work hours all day, every day: the tray records whenever the fake clock says.
ALL_DAY = "\n".join(
    f'{d} = "00:00-24:00"' for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
)


def write_policy(etc: Path, text: str, name: str = "policy.toml") -> Policy:
    """Write ``text`` to ``etc/name`` (making the folders) and load the Linux policy of ``etc``."""
    path = etc / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_policy(platform="linux", environ={}, etc_dir=etc)


def cli_runner(tmp_path: Path, capsys):
    """``socialtime ARGS…`` in-process: run(*args) gives (exit code, stdout, stderr), with
    --data-dir run.data (tmp_path/data) and --config run.config (tmp_path/config.toml); run.tmp
    is tmp_path. Sets nothing in the environment: the caller does."""
    from socialtime import cli

    data, config = tmp_path / "data", tmp_path / "config.toml"

    def invoke(*args):
        code = cli.main([*args, "--data-dir", str(data), "--config", str(config)])
        out, err = capsys.readouterr()
        return code, out, err

    invoke.data, invoke.config, invoke.tmp = data, config, tmp_path
    return invoke


# A user id that is nobody on the test machines: "another user" for the ownership checks.
OTHER_UID = 4242


def owned_by_another_user(path: Path, monkeypatch) -> None:
    """Make ``path`` itself (a link is not followed) belong to OTHER_UID: a real lchown as root
    (CI runs as root); otherwise os.lstat/os.stat/os.fstat are made to say so for that file,
    so the test runs (not skips) for anyone."""
    if os.geteuid() == 0:
        os.lchown(path, OTHER_UID, OTHER_UID)
        return
    st = os.lstat(path)
    key = (st.st_dev, st.st_ino)
    real_lstat, real_stat, real_fstat = os.lstat, os.stat, os.fstat

    def foreign(result: os.stat_result) -> os.stat_result:
        if (result.st_dev, result.st_ino) != key:
            return result
        fields = list(result[:10])
        fields[4] = OTHER_UID  # st_uid
        return os.stat_result(fields)

    monkeypatch.setattr(os, "lstat", lambda p, *a, **k: foreign(real_lstat(p, *a, **k)))
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: foreign(real_stat(p, *a, **k)))
    monkeypatch.setattr(os, "fstat", lambda fd: foreign(real_fstat(fd)))
