"""Plain helpers shared by test modules (their fixtures are in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from socialtime.settings import Policy, load_policy

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
