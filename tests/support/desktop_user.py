"""A desktop user for end-to-end tests on real Wayland compositors (sway, GNOME Shell, KWin).

Why a separate user: no compositor runs as root, and the tests run as root in CI. So the tests
make an ordinary user (`useradd -m`, once), give it a private XDG_RUNTIME_DIR (0700, its own),
a Python it can read (Debian's /usr/bin/python3 in a venv: the pyenv Python under /root is not
readable by others), and run the compositor, its windows and `socialtime` as that user with
`runuser -u USER --`. When the tests do not run as root, the current user is the desktop user
and commands run directly.

What runs is this checkout: its `socialtime/`, `assets/` and the desktop integrations that
socialtime installs itself (packaging/gnome-shell-extension/) are copied for each session into
a folder the user can read, and put on PYTHONPATH (the checkout itself may sit under /root, and a
copy is always the code under test, with no reinstall). The venv holds only the dependencies;
it is built once per list of dependencies and Python version (a hash of them names the folder,
under /var/tmp/socialtime-e2e/), reused by later sessions and by every other worktree, and
removed after a week unused.

Use (see wayland_session.py for a compositor on top of it):

    user = DesktopUser.create(workdir)       # as root: the user, its runtime dir, the venv
    path = user.write("config.toml", text)   # a file the user owns, in user.home_dir
    proc = user.spawn(["sway", "-c", conf], "sway.log", env={...})   # as the user, own group
    proc = user.spawn(argv, "shell.log", env, as_root_first=SCRIPT)  # SCRIPT as root, in a
                                             # private mount namespace, then argv as the user
    ctl = user.spawn(argv, "ctl.log", env, pipes=True)              # stdin/stdout are pipes
    done = user.socialtime("report", "--json", env=env)              # CompletedProcess[str]
    code = user.terminate(proc)              # SIGTERM to the command itself, its exit status
    user.cleanup()                           # kills everything spawned, newest first

A missing program fails the test (CI installs them: packaging/setup.sh), unless
SOCIALTIME_SKIP_WAYLAND=1 is set, for a developer's machine without them.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[2]  # the checkout
USER = "socialtime-e2e"
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, readable by every user
VENV_CACHE = Path("/var/tmp/socialtime-e2e")
VENV_KEEP = 7 * 86400  # s: a venv no session used for this long is removed
SKIP_ENV = "SOCIALTIME_SKIP_WAYLAND"
STEP_TIMEOUT = 15.0
# Parts of packaging/ that socialtime itself installs (`socialtime desktop install`), and the
# browser extension that the browser tests load.
SHIPPED = ("packaging/gnome-shell-extension", "packaging/browser-extension")


def wait_for(
    condition: Callable[[], T], what: str, timeout: float = STEP_TIMEOUT, interval: float = 0.02
) -> T:
    """Poll `condition` until it returns something truthy; fail the test after `timeout` s.
    The sleep is only the polling interval of a loop bounded by a deadline."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            pytest.fail(f"timed out after {timeout:.1f} s waiting for {what}")
        time.sleep(interval)


def require(programs: Mapping[str, str], what: str) -> None:
    """Fail (or, with SOCIALTIME_SKIP_WAYLAND=1, skip) when a program is missing.
    `programs` maps each program to the Debian package that provides it."""
    missing = {prog: pkg for prog, pkg in programs.items() if shutil.which(prog) is None}
    if not missing:
        return
    message = (
        f"{what} needs {', '.join(sorted(missing))}: apt-get install "
        + " ".join(sorted(set(missing.values())))
        + " (packaging/setup.sh test installs them)"
    )
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"{message}; skipped because {SKIP_ENV}=1")
    pytest.fail(message)


def kill_group(proc: subprocess.Popen[Any], timeout: float = 5.0) -> None:
    """SIGTERM the process group of `proc` (started with start_new_session), SIGKILL if needed.

    runuser stays the group leader and forwards signals; the group id still names everything
    it started (the compositor, a terminal's child...)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            break
        try:
            proc.wait(timeout=timeout)
            break
        except subprocess.TimeoutExpired:
            continue
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)  # children left after the leader exited
    if proc.poll() is None:
        proc.wait(timeout=timeout)


# --- the venv: dependencies of pyproject.toml, once per version of that file -------------------


def _dependencies() -> list[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(data["project"]["dependencies"])


def venv_python(python: str = SYSTEM_PYTHON, cache: Path = VENV_CACHE) -> Path:
    """The python of a venv made with `python` holding pyproject.toml's dependencies: built
    on first use (pip, from the package index or pip's cache), then reused. Readable by all.
    The venv's name hashes the Python version and the dependencies, so that a change of
    pyproject.toml elsewhere (a marker, a lint rule) does not build another one."""
    version = subprocess.run(
        [python, "-c", "import sys; print(sys.version)"], capture_output=True, text=True
    ).stdout
    wanted = "\n".join([version, *_dependencies()])
    key = hashlib.sha256(wanted.encode()).hexdigest()
    folder = cache / f"venv-{key[:16]}"
    done = folder / "socialtime-deps-ok"
    if done.exists():
        os.utime(done)  # in use: not pruned
        return folder / "bin" / "python"
    cache.mkdir(parents=True, exist_ok=True)
    cache.chmod(0o755)
    with open(cache / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another session may be building the same venv
        for old in cache.glob("venv-*/socialtime-deps-ok"):  # unused for a week: ~450 MB each
            if time.time() - old.stat().st_mtime > VENV_KEEP:
                shutil.rmtree(old.parent, ignore_errors=True)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            steps = [
                [python, "-m", "venv", str(folder)],
                [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet",
                 "--disable-pip-version-check", *_dependencies()],
            ]  # fmt: skip
            for argv in steps:
                result = subprocess.run(argv, capture_output=True, text=True, timeout=900)
                if result.returncode != 0:
                    shutil.rmtree(folder, ignore_errors=True)
                    pytest.fail(f"building the test user's venv failed: {argv}\n{result.stderr}")
            subprocess.run(["chmod", "-R", "a+rX", str(folder)], check=True)
            done.write_text(" ".join(_dependencies()) + "\n")
    return folder / "bin" / "python"


# --- the user ------------------------------------------------------------------------------


class DesktopUser:
    """An ordinary user with its own runtime dir, Python and work folder; see the module doc.

    Attributes: `name`, `uid`, `gid`, `runtime_dir` (XDG_RUNTIME_DIR), `home_dir` (this
    session's folder, owned by the user), `python`, `code_dir` (on PYTHONPATH)."""

    def __init__(
        self, name: str, workdir: Path, python: Path, code_dir: Path, *, owned: bool = False
    ) -> None:
        entry = pwd.getpwnam(name)
        self.name = name
        self.uid, self.gid = entry.pw_uid, entry.pw_gid
        self.home = Path(entry.pw_dir)
        self.workdir = workdir  # reachable by the user; logs are written here
        self._owned = owned  # workdir was made for this user: removed by cleanup()
        self.python = python
        self.code_dir = code_dir
        self.as_root = os.geteuid() == 0 and self.uid != 0
        self.runtime_dir = self.make_dir(workdir / "runtime", mode=0o700)
        self.home_dir = self.make_dir(workdir / "home")
        self._procs: list[subprocess.Popen[bytes]] = []

    def __repr__(self) -> str:
        return f"DesktopUser({self.name!r}, uid={self.uid})"

    @classmethod
    def create(cls, workdir: Path, name: str = USER) -> DesktopUser:
        """The test user (made once: `useradd -m`), with a fresh runtime dir under `workdir`,
        or under a fresh folder in /tmp when the user cannot reach `workdir` (pytest's
        tmp_path is 0700). Call cleanup() at the end."""
        require({"runuser": "util-linux"} if os.geteuid() == 0 else {}, "the desktop user")
        if os.geteuid() != 0:  # not root: the current user is the desktop user
            name = pwd.getpwuid(os.getuid()).pw_name
            return cls(name, workdir, Path(sys.executable), ROOT)
        try:
            pwd.getpwnam(name)
        except KeyError:
            result = subprocess.run(
                ["useradd", "-m", "-s", "/bin/sh", name], capture_output=True, text=True
            )
            if result.returncode not in (0, 9):  # 9: it exists (made meanwhile by another run)
                pytest.fail(f"useradd {name} failed: {result.stderr}")
        python = venv_python()
        reachable, owned = _reachable(workdir)
        return cls(name, reachable, python, _copy_code(reachable), owned=owned)

    # --- files the user owns ---------------------------------------------------------------

    def make_dir(self, path: Path, mode: int = 0o755) -> Path:
        path.mkdir(parents=True, exist_ok=True)
        path.chmod(mode)
        if self.as_root:
            os.chown(path, self.uid, self.gid)
        return path

    def write(self, relative: str, text: str) -> Path:
        """Write `text` to home_dir/relative, owned by the user (folders made as needed)."""
        path = self.home_dir / relative
        self.make_dir(path.parent)
        path.write_text(text, encoding="utf-8")
        if self.as_root:
            os.chown(path, self.uid, self.gid)
        return path

    # --- running as the user -----------------------------------------------------------------

    def base_env(self) -> dict[str, str]:
        """A small, clean environment: nothing of root's session (DISPLAY, DBUS_*, pyenv...)."""
        return {
            "HOME": str(self.home_dir),
            "USER": self.name,
            "LOGNAME": self.name,
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "LANGUAGE": "en",
            "XDG_RUNTIME_DIR": str(self.runtime_dir),
            "PYTHONPATH": str(self.code_dir),
            "PYTHONDONTWRITEBYTECODE": "1",
            "SOCIALTIME_POLICY_DIR": str(self.make_dir(self.workdir / "no-policy")),
        }

    def argv(self, argv: Sequence[str], env: Mapping[str, str]) -> list[str]:
        """`argv` with `env`, run as the user (runuser when we are root)."""
        assignments = [f"{key}={value}" for key, value in env.items()]
        command = ["env", "-i", *assignments, *argv]
        return ["runuser", "-u", self.name, "--", *command] if self.as_root else command

    def spawn(
        self,
        argv: Sequence[str],
        log: str,
        env: Mapping[str, str],
        *,
        as_root_first: str | None = None,
        pipes: bool = False,
    ) -> subprocess.Popen[bytes]:
        """Start `argv` as the user in its own process group, output to workdir/log.

        `as_root_first`: a shell script run as root in a private mount namespace (`unshare
        --mount`) before `argv` is started there as the user; what it mounts is seen by that
        process tree only, and what it starts in the background stays in the process group
        (stop() ends it). Not root: the script is skipped and `argv` runs as is.
        `pipes`: stdin and stdout are pipes to the caller (stderr still goes to the log)."""
        command = self.argv(argv, env)
        if as_root_first is not None and self.as_root:
            script = f'{as_root_first}\nexec "$@"\n'
            command = ["unshare", "--mount", "--propagation", "private",
                       "sh", "-ec", script, "sh", *command]  # fmt: skip
        with open(self.workdir / log, "ab") as out:
            proc = subprocess.Popen(
                command,
                stdin=subprocess.PIPE if pipes else subprocess.DEVNULL,
                stdout=subprocess.PIPE if pipes else out,
                stderr=out if pipes else subprocess.STDOUT,
                start_new_session=True,
                cwd=self.home_dir,
            )
        self._procs.append(proc)
        return proc

    def run(
        self, argv: Sequence[str], env: Mapping[str, str], timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.argv(argv, env),
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.home_dir,
            stdin=subprocess.DEVNULL,
        )

    def socialtime_argv(self, *args: str) -> list[str]:
        return [str(self.python), "-m", "socialtime", *args]

    def socialtime(
        self, *args: str, env: Mapping[str, str], timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        """`socialtime ARGS` as the user (this checkout's code, the user's venv)."""
        return self.run(self.socialtime_argv(*args), env, timeout)

    def terminate(self, proc: subprocess.Popen[bytes], timeout: float = 15) -> int:
        """SIGTERM the user's command started by spawn() and return its exit status.

        As root the signal goes to runuser's child, the command itself: runuser, signalled,
        would wait 2 s, kill its child and exit with the signal whatever the command did."""
        target = proc.pid
        if self.as_root:
            children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
            found = wait_for(lambda: children.read_text().split(), "runuser's child", 5)
            target = int(found[0])
        os.kill(target, signal.SIGTERM)
        return proc.wait(timeout)

    def log(self, name: str, tail: int = 3000) -> str:
        path = self.workdir / name
        return path.read_text(errors="replace")[-tail:] if path.exists() else ""

    def stop(self) -> None:
        """Kill everything spawned, newest first."""
        for proc in reversed(self._procs):
            with contextlib.suppress(Exception):
                kill_group(proc)
        self._procs.clear()

    def forget(self, proc: subprocess.Popen[bytes]) -> None:
        """`proc` was ended by the caller: stop() need not kill it."""
        if proc in self._procs:
            self._procs.remove(proc)

    def cleanup(self) -> None:
        """stop(), then remove the session's folder if it was made for this user."""
        self.stop()
        if self._owned:
            shutil.rmtree(self.workdir, ignore_errors=True)


def _reachable(workdir: Path) -> tuple[Path, bool]:
    """A folder for this session that the desktop user can enter, and whether it was made
    here: `workdir` when it and every parent let others through (o+x), else a fresh one."""
    path = workdir.resolve()
    if all(os.stat(p).st_mode & 0o001 for p in [path, *path.parents]):
        return path, False
    fresh = Path(tempfile.mkdtemp(prefix="socialtime-e2e-"))
    fresh.chmod(0o755)
    return fresh, True


def _copy_code(workdir: Path) -> Path:
    """This checkout's package and assets, copied where the user can read them."""
    target = workdir / "code"
    if target.exists():
        shutil.rmtree(target)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "socialtime", target / "socialtime", ignore=ignore)
    shutil.copytree(ROOT / "assets", target / "assets", ignore=ignore)
    for part in SHIPPED:
        shutil.copytree(ROOT / part, target / part, ignore=ignore)
    subprocess.run(["chmod", "-R", "a+rX", str(target)], check=True)
    return target
