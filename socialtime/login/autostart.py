"""Start at login: one per-user entry, written only when the user turns it on.

Promise 6 (easy exit) means the program leaves nothing behind that the user did not ask for.
So nothing here runs at import or construction, nothing is written before :meth:`enable`, and
:meth:`disable` removes our own entry only (one file or one registry value, by its fixed name).
No system-wide location is ever touched: an entry that IT installs for everybody is theirs.

One mechanism per OS, each the per-user one that the desktop itself honours:

- Linux and the BSDs: an XDG autostart entry, ``$XDG_CONFIG_HOME/autostart/socialtime.desktop``
  (freedesktop "Desktop Application Autostart" and "Desktop Entry" specifications).
- Windows: the value ``socialtime`` under the key
  ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.
- macOS: a launchd agent, ``~/Library/LaunchAgents/<bundle id>.plist`` with ``RunAtLoad``.

The platform, home directory, environment and ``winreg`` module are injectable, so that all
three are tested on Linux. Files are written atomically (a temporary file renamed into place).
"""

from __future__ import annotations

import importlib
import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from socialtime.base import files
from socialtime.base.i18n import QT_TRANSLATE_NOOP, language, translate
from socialtime.base.paths import BUNDLE_ID

__all__ = ["Autostart", "desktop_exec", "launch_argv"]

APP = "socialtime"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
# Task Manager's "Disable" on the Startup tab leaves the Run value and records the choice here.
APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"

# Desktop Entry spec, "The Exec key": an argument holding any of these must be quoted.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# ... and inside double quotes, these take a backslash.
_QUOTED_ESCAPES = frozenset('"`$\\')
_GROUP = "[Desktop Entry]"  # i18n: ignore - the name the Desktop Entry spec gives the group
# The entry's Comment (shown by the desktop's start-up settings): English, and also in the
# user's language as Comment[fr] (Desktop Entry spec, "Localized values for keys").
_COMMENT = QT_TRANSLATE_NOOP(
    "autostart", "See, for yourself only, how much of your work time goes to social sites"
)


def launch_argv() -> list[str]:
    """The command that starts this installation of the tray app.

    A frozen build (PyInstaller) is its own executable. Otherwise the running interpreter
    with ``-m socialtime``, so that a virtual environment is honoured; on Windows the
    console-less ``pythonw.exe`` next to it, so that no console window opens at login.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable]
    python = Path(sys.executable)
    if python.name.lower() == "python.exe" and (python.parent / "pythonw.exe").exists():
        python = python.parent / "pythonw.exe"
    return [str(python), "-m", APP]


def _quote_arg(arg: str) -> str:
    if arg and not any(ch in _RESERVED for ch in arg):
        return arg
    return '"' + "".join("\\" + ch if ch in _QUOTED_ESCAPES else ch for ch in arg) + '"'


def desktop_exec(argv: Sequence[str]) -> str:
    """The value of an ``Exec`` key that runs ``argv`` exactly, as the spec asks.

    Three layers, inner first: quote each argument that needs it; double ``%`` (field codes
    such as ``%f`` would otherwise be expanded); then apply the escapes of the "string" type
    (``\\\\``, ``\\n``, ``\\t``, ``\\r``), which readers undo before the quoting. Hence a
    backslash in a quoted argument is written as four.
    """
    if not argv:
        raise ValueError(translate("autostart", "an empty command cannot be started"))
    line = " ".join(_quote_arg(arg) for arg in argv).replace("%", "%%")
    for raw, escaped in (("\\", "\\\\"), ("\n", "\\n"), ("\t", "\\t"), ("\r", "\\r")):
        line = line.replace(raw, escaped)
    return line


def _write_entry(path: Path, data: bytes) -> None:
    """The entry, whole or not at all (socialtime.base.files.write_private), mode 0644:
    mkstemp makes 0600, and launchd and desktops read it as the user."""
    path.parent.mkdir(parents=True, exist_ok=True)
    files.write_private(path, data, mode=0o644)


class Autostart:
    """The per-user start-at-login entry of socialtime on one platform.

    ``platform`` is a ``sys.platform`` value; ``home`` the user's home directory;
    ``config_dir`` the XDG config directory (default: ``$XDG_CONFIG_HOME`` or ``~/.config``);
    ``winreg`` a stand-in for the Windows module in tests. All default lazily.
    """

    def __init__(
        self,
        *,
        platform: str | None = None,
        home: Path | None = None,
        config_dir: Path | None = None,
        environ: Mapping[str, str] | None = None,
        winreg: Any = None,
        bundle_id: str = BUNDLE_ID,
    ) -> None:
        self.platform = sys.platform if platform is None else platform
        self._home = home
        self._config_dir = config_dir
        self._environ = os.environ if environ is None else environ
        self._winreg = winreg
        self.bundle_id = bundle_id

    @property
    def kind(self) -> str:
        """ "windows", "macos" or "xdg" (Linux, the BSDs and other freedesktop systems)."""
        if self.platform.startswith("win"):
            return "windows"
        return "macos" if self.platform == "darwin" else "xdg"

    def _home_dir(self) -> Path:
        return self._home if self._home is not None else Path.home()

    def path(self) -> Path | None:
        """The file holding the entry; None on Windows (a registry value)."""
        if self.kind == "windows":
            return None
        if self.kind == "macos":
            return self._home_dir() / "Library" / "LaunchAgents" / f"{self.bundle_id}.plist"
        base = self._config_dir
        if base is None:
            xdg = self._environ.get("XDG_CONFIG_HOME", "")
            # The spec: a relative path in an XDG variable is invalid and is ignored.
            base = Path(xdg) if os.path.isabs(xdg) else self._home_dir() / ".config"
        return base / "autostart" / f"{APP}.desktop"

    def location(self) -> str:
        """Where the entry lives, for the user to read."""
        path = self.path()
        if path is None:
            return f'HKEY_CURRENT_USER\\{RUN_KEY} (value "{APP}")'
        return str(path)

    # -- the three operations -----------------------------------------------------------

    def is_enabled(self) -> bool:
        """Is our entry there and not switched off by the desktop's own settings?"""
        if self.kind == "windows":
            return self._win_enabled()
        path = self.path()
        assert path is not None
        try:
            data = files.read_bytes(path, files.SMALL_LIMIT)
            plist = files.parse_plist(data, path) if self.kind == "macos" else None
        except files.ReadError:
            return False
        if self.kind == "macos":
            return (
                isinstance(plist, dict)
                and bool(plist.get("RunAtLoad"))
                and not plist.get("Disabled", False)
            )
        return _desktop_entry_enabled(data.decode("utf-8", "replace"))

    def enable(self, argv: Sequence[str]) -> None:
        """Start ``argv`` at each login from now on (replaces an older entry of ours)."""
        argv = [str(arg) for arg in argv]
        if not argv:
            raise ValueError(translate("autostart", "an empty command cannot be started"))
        if self.kind == "windows":
            self._win_enable(subprocess.list2cmdline(argv))
            return
        path = self.path()
        assert path is not None
        if self.kind == "macos":
            plist = {
                "Label": self.bundle_id,
                "ProgramArguments": argv,
                "RunAtLoad": True,
                "ProcessType": "Interactive",
                "LimitLoadToSessionType": "Aqua",  # the graphical session, not ssh
            }
            _write_entry(path, plistlib.dumps(plist))
        else:
            _write_entry(path, _desktop_entry(argv).encode("utf-8"))

    def disable(self) -> None:
        """Remove our entry; nothing happens when there is none."""
        if self.kind == "windows":
            self._win_delete(RUN_KEY)
            return
        path = self.path()
        assert path is not None
        path.unlink(missing_ok=True)

    # -- Windows ------------------------------------------------------------------------

    def _reg(self) -> Any:
        """The winreg module, imported only when a Windows entry is asked for."""
        if self._winreg is None:
            self._winreg = importlib.import_module("winreg")
        return self._winreg

    def _win_enabled(self) -> bool:
        reg = self._reg()
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                reg.QueryValueEx(key, APP)
        except OSError:  # FileNotFoundError: no key or no value
            return False
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, APPROVED_KEY) as key:
                state, _type = reg.QueryValueEx(key, APP)
        except OSError:
            return True
        # 12 bytes; the first is 2 (or 6) when enabled, 3 (or 7) when disabled in Task Manager.
        return not (isinstance(state, bytes) and state[:1] and state[0] & 1)

    def _win_enable(self, command: str) -> None:
        reg = self._reg()
        with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
            reg.SetValueEx(key, APP, 0, reg.REG_SZ, command)
        # The user has just asked for it: an old "disabled" mark from Task Manager would
        # otherwise silently win.
        self._win_delete(APPROVED_KEY)

    def _win_delete(self, subkey: str) -> None:
        reg = self._reg()
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, subkey, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, APP)
        except FileNotFoundError:
            pass


def _desktop_entry(argv: Sequence[str]) -> str:
    comment = translate("autostart", _COMMENT)
    localized = [f"Comment[{language()}]={comment}"] if comment != _COMMENT else []
    return "\n".join(
        [
            _GROUP,
            "Type=Application",
            "Version=1.5",
            "Name=socialtime",
            f"Comment={_COMMENT}",
            *localized,
            f"Exec={desktop_exec(argv)}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def _desktop_entry_enabled(text: str) -> bool:
    """False when the user switched the entry off in their desktop (GNOME writes
    ``X-GNOME-Autostart-enabled=false``, others ``Hidden=true``)."""
    values: dict[str, str] = {}
    section, found = "", False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
            found = found or section == _GROUP
        elif section == _GROUP and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return (
        found
        and values.get("Hidden", "false") != "true"
        and values.get("X-GNOME-Autostart-enabled", "true") != "false"
    )
