"""``socialtime browser install|uninstall``: register the native messaging host with browsers.

A browser finds a native host through a small JSON manifest at a documented place: a folder per
browser on Linux and macOS, a registry key pointing to the file on Windows. The manifest names an
absolute executable (Chrome requires one), so a tiny launcher script is written beside our other
files; it ``exec``s this Python with ``-m socialtime browser-host``, which keeps the browser as
the host's parent (the pid match in the bridge depends on that).

Everything here takes a :class:`Machine` (platform, home, filesystem root, environment, winreg),
so the Linux paths are tested for real in temporary folders and the Windows and macOS logic with
fakes. Uninstall removes only files and keys that are ours (checked by content), never another
program's manifest that happens to sit in the same folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast

from socialtime.base import files
from socialtime.base.i18n import translate

__all__ = [
    "BROWSERS",
    "EXTENSION_ID",
    "GECKO_ID",
    "HOST_NAME",
    "Machine",
    "Target",
    "install",
    "installed",
    "launcher_command",
    "targets",
    "uninstall",
]

HOST_NAME = "org.socialtime.bridge"
# Pinned by the "key" in packaging/browser-extension/manifest.json: the first 32 hex digits of
# the SHA-256 of that public key, with 0-f written as a-p.
EXTENSION_ID = "iahgaffbchcnofoohgaijblghbghiieb"
GECKO_ID = "browser-bridge@socialtime"
BROWSERS = ("chrome", "chromium", "edge", "brave", "firefox")
# Manifest content, read by browsers (not shown as a message): it stays English.
DESCRIPTION = (
    "socialtime: the active tab's hostname, "  # i18n: ignore - manifest content
    "for your own count of time on social sites"
)

# Per-user folders under the config dir ($XDG_CONFIG_HOME or ~/.config) on Linux.
_LINUX_USER = {
    "chrome": "google-chrome",
    "chromium": "chromium",
    "edge": "microsoft-edge",
    "brave": "BraveSoftware/Brave-Browser",
}
# System folders (Brave reads Chrome's; Firefox's 64-bit Fedora builds also read lib64).
_LINUX_SYSTEM = {
    "chrome": "etc/opt/chrome/native-messaging-hosts",
    "chromium": "etc/chromium/native-messaging-hosts",
    "edge": "etc/opt/edge/native-messaging-hosts",
    "brave": "etc/opt/chrome/native-messaging-hosts",
    "firefox": "usr/lib/mozilla/native-messaging-hosts",
}
# Under ~/Library/Application Support on macOS.
_APP_SUPPORT = "Library/Application Support"  # i18n: ignore - a macOS folder
_MAC_USER = {
    "chrome": "Google/Chrome",
    "chromium": "Chromium",
    "edge": "Microsoft Edge",  # i18n: ignore - a macOS folder
    "brave": "BraveSoftware/Brave-Browser",
    "firefox": "Mozilla",
}
_MAC_SYSTEM = {
    "chrome": "Library/Google/Chrome/NativeMessagingHosts",
    "chromium": f"{_APP_SUPPORT}/Chromium/NativeMessagingHosts",
    "edge": "Library/Microsoft/Edge/NativeMessagingHosts",
    "brave": f"{_APP_SUPPORT}/BraveSoftware/Brave-Browser/NativeMessagingHosts",
    "firefox": f"{_APP_SUPPORT}/Mozilla/NativeMessagingHosts",
}
# Under HKCU (per user) or HKLM (system) on Windows; the default value is the manifest's path.
_WIN_KEYS = {
    "chrome": r"Software\Google\Chrome\NativeMessagingHosts",
    "chromium": r"Software\Chromium\NativeMessagingHosts",
    "edge": r"Software\Microsoft\Edge\NativeMessagingHosts",
    "brave": r"Software\BraveSoftware\Brave-Browser\NativeMessagingHosts",
    "firefox": r"Software\Mozilla\NativeMessagingHosts",
}


class WinReg(Protocol):
    """The part of the standard ``winreg`` module used here (a fake in tests)."""

    HKEY_CURRENT_USER: Any
    HKEY_LOCAL_MACHINE: Any
    REG_SZ: int

    def SetValue(self, key: Any, sub_key: str, type: int, value: str) -> None: ...
    def QueryValue(self, key: Any, sub_key: str | None) -> str: ...
    def DeleteKey(self, key: Any, sub_key: str) -> None: ...


def _default_winreg() -> WinReg | None:
    if sys.platform != "win32":
        return None
    import winreg

    return cast(WinReg, winreg)


@dataclass(frozen=True)
class Machine:
    """Where things go: the real machine by default, a temporary one in tests."""

    platform: str = sys.platform
    home: Path = field(default_factory=Path.home)
    root: Path = Path("/")
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    winreg: WinReg | None = field(default_factory=_default_winreg)

    @property
    def windows(self) -> bool:
        return self.platform == "win32"

    @property
    def mac(self) -> bool:
        return self.platform == "darwin"

    def base(self, system: bool) -> Path:
        """Our own folder for the launcher (and, on Windows, the manifests)."""
        env = self.environ
        if self.windows:
            if system:
                default = str(self.root / "Program Files")  # i18n: ignore - a Windows folder
                return Path(env.get("ProgramFiles", default), "socialtime")
            local = env.get("LOCALAPPDATA", str(self.home / "AppData" / "Local"))
            return Path(local, "socialtime", "browser-host")
        if self.mac:
            if system:
                return self.root / _APP_SUPPORT / "socialtime"
            return self.home / _APP_SUPPORT / "socialtime/browser-host"
        if system:
            return self.root / "usr/local/lib/socialtime"
        data = env.get("XDG_DATA_HOME") or str(self.home / ".local/share")
        return Path(data, "socialtime", "browser-host")

    def launcher(self, system: bool) -> Path:
        name = "socialtime-browser-host.bat" if self.windows else "socialtime-browser-host"
        return self.base(system) / name


@dataclass(frozen=True)
class Target:
    """One registration: the manifest file, and on Windows the key that points to it.
    ``detect`` is a folder whose existence says the browser is used here (None: unknown)."""

    browser: str
    manifest: Path
    registry_key: str | None = None
    detect: Path | None = None


def targets(browser: str, system: bool, machine: Machine) -> list[Target]:
    """Where ``browser``'s manifest goes on ``machine`` (per user, or for all users)."""
    if browser not in BROWSERS:
        raise ValueError(_unknown(browser))
    file = f"{HOST_NAME}.json"
    if machine.windows:
        kind = "firefox" if browser == "firefox" else "chromium"
        manifest = machine.base(system) / f"{HOST_NAME}.{kind}.json"
        return [Target(browser, manifest, rf"{_WIN_KEYS[browser]}\{HOST_NAME}")]
    if machine.mac:
        if system:
            return [Target(browser, machine.root / _MAC_SYSTEM[browser] / file)]
        app = machine.home / _APP_SUPPORT / _MAC_USER[browser]
        return [Target(browser, app / "NativeMessagingHosts" / file, detect=app)]
    if system:
        found = [Target(browser, machine.root / _LINUX_SYSTEM[browser] / file)]
        lib64 = machine.root / "usr/lib64/mozilla"
        if browser == "firefox" and lib64.is_dir():
            found.append(Target(browser, lib64 / "native-messaging-hosts" / file))
        return found
    if browser == "firefox":
        mozilla = machine.home / ".mozilla"
        return [Target(browser, mozilla / "native-messaging-hosts" / file, detect=mozilla)]
    config = Path(machine.environ.get("XDG_CONFIG_HOME") or machine.home / ".config")
    profile = config / _LINUX_USER[browser]
    return [Target(browser, profile / "NativeMessagingHosts" / file, detect=profile)]


def manifest_for(browser: str, launcher: Path) -> dict[str, object]:
    doc: dict[str, object] = {
        "name": HOST_NAME,
        "description": DESCRIPTION,
        "path": str(launcher),
        "type": "stdio",
    }
    if browser == "firefox":
        doc["allowed_extensions"] = [GECKO_ID]
    else:
        doc["allowed_origins"] = [f"chrome-extension://{EXTENSION_ID}/"]
    return doc


def launcher_command() -> list[str]:
    """How to run ``socialtime browser-host`` with this very installation."""
    if getattr(sys, "frozen", False):  # a PyInstaller build: the executable is socialtime
        return [sys.executable, "browser-host"]
    return [sys.executable, "-m", "socialtime", "browser-host"]


def launcher_text(command: Sequence[str], windows: bool) -> str:
    if windows:
        quoted = " ".join(f'"{part}"' for part in command)
        return (
            "@echo off\r\n"
            "rem Written by `socialtime browser install`.\r\n"  # i18n: ignore - script content
            f"{quoted} %*\r\n"
        )
    return (
        "#!/bin/sh\n"
        "# Started by the browser for the socialtime extension (native messaging).\n"
        "# Written by `socialtime browser install`; removed by `socialtime browser uninstall`.\n"
        f'exec {shlex.join(command)} "$@"\n'  # i18n: ignore - the launcher script's content
    )


def _hive(machine: Machine, system: bool) -> Any:
    assert machine.winreg is not None
    return machine.winreg.HKEY_LOCAL_MACHINE if system else machine.winreg.HKEY_CURRENT_USER


def _write(path: Path, text: str, mode: int) -> None:
    """A manifest (0644) or the launcher (0755), whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    files.write_private(path, text, mode=mode)


def _unknown(browser: str) -> str:
    text = translate("browser_install", "unknown browser {browser}; expected one of {choices}")
    return text.format(browser=repr(browser), choices=", ".join(BROWSERS))


def _chosen(browsers: Iterable[str]) -> list[str]:
    chosen = list(BROWSERS) if "all" in browsers else list(dict.fromkeys(browsers))
    for browser in chosen:
        if browser not in BROWSERS:
            raise ValueError(_unknown(browser))
    return chosen


def install(
    browsers: Iterable[str],
    system: bool = False,
    machine: Machine | None = None,
    command: Sequence[str] | None = None,
) -> list[str]:
    """Write the launcher and the manifests; return one line per browser saying what was done.

    With "all", per-user registration skips browsers whose profile folder does not exist (so
    that no ``~/.config/vivaldi`` appears for someone without Vivaldi); a browser named
    explicitly is always registered.
    """
    machine = machine or Machine()
    if machine.windows and machine.winreg is None:
        raise RuntimeError(translate("browser_install", "the Windows registry is not available"))
    explicit = "all" not in browsers
    launcher = machine.launcher(system)
    _write(launcher, launcher_text(command or launcher_command(), machine.windows), 0o755)
    lines = [translate("browser_install", "launcher: {path}").format(path=launcher)]
    for browser in _chosen(browsers):
        for target in targets(browser, system, machine):
            if not explicit and target.detect is not None and not target.detect.is_dir():
                text = translate("browser_install", "{browser}: skipped (not found: {folder})")
                lines.append(text.format(browser=browser, folder=target.detect))
                continue
            text = json.dumps(manifest_for(browser, launcher), indent=2) + "\n"
            _write(target.manifest, text, 0o644)
            where = str(target.manifest)
            if target.registry_key is not None:
                assert machine.winreg is not None
                reg = machine.winreg
                reg.SetValue(_hive(machine, system), target.registry_key, reg.REG_SZ, where)
                hive = "HKLM" if system else "HKCU"
                where = f"{hive}\\{target.registry_key} -> {where}"
            lines.append(
                translate("browser_install", "{browser}: {where}").format(
                    browser=browser, where=where
                )
            )
    return lines


def _is_ours(path: Path) -> bool:
    try:
        doc = files.read_json(path, files.SMALL_LIMIT)
    except files.ReadError:
        return False
    return isinstance(doc, dict) and doc.get("name") == HOST_NAME


def uninstall(
    browsers: Iterable[str] = ("all",), system: bool = False, machine: Machine | None = None
) -> list[str]:
    """Remove our manifests, keys and, when no registration is left, the launcher."""
    machine = machine or Machine()
    chosen = _chosen(browsers)
    lines: list[str] = []
    for browser in chosen:
        for target in targets(browser, system, machine):
            if target.registry_key is not None and machine.winreg is not None:
                value = _key_value(machine, system, target.registry_key)
                key = target.registry_key
                if value is not None and Path(value) == target.manifest:
                    machine.winreg.DeleteKey(_hive(machine, system), key)
                    text = translate("browser_install", "{browser}: removed the registry key {key}")
                    lines.append(text.format(browser=browser, key=key))
                elif value is not None:
                    text = translate("browser_install", "{browser}: left {key} (not ours: {value})")
                    lines.append(text.format(browser=browser, key=key, value=value))
            if not target.manifest.exists():
                continue
            if not _is_ours(target.manifest):
                text = translate("browser_install", "{browser}: left {path} (not ours)")
                lines.append(text.format(browser=browser, path=target.manifest))
                continue
            users = _other_users(target.manifest, chosen, system, machine)
            if users:
                text = translate("browser_install", "{browser}: kept {path} (also used by {users})")
                lines.append(
                    text.format(browser=browser, path=target.manifest, users=", ".join(users))
                )
                continue
            target.manifest.unlink()
            text = translate("browser_install", "{browser}: removed {path}")
            lines.append(text.format(browser=browser, path=target.manifest))
    if not installed(system, machine):
        launcher = machine.launcher(system)
        if launcher.exists():
            launcher.unlink()
            lines.append(translate("browser_install", "removed {path}").format(path=launcher))
        with contextlib.suppress(OSError):
            launcher.parent.rmdir()  # only when empty
    return lines


def _key_value(machine: Machine, system: bool, key: str) -> str | None:
    assert machine.winreg is not None
    try:
        return machine.winreg.QueryValue(_hive(machine, system), key)
    except OSError:
        return None


def _other_users(manifest: Path, chosen: list[str], system: bool, machine: Machine) -> list[str]:
    """Browsers not being uninstalled that read the same manifest file: Brave reads Chrome's
    system folder on Linux; on Windows the Chromium family shares one file, in use while a key
    of another browser points to it."""
    users = []
    for browser in BROWSERS:
        if browser in chosen:
            continue
        for other in targets(browser, system, machine):
            if other.manifest != manifest:
                continue
            if other.registry_key is not None and machine.winreg is not None:
                value = _key_value(machine, system, other.registry_key)
                if value is None or Path(value) != manifest:
                    continue
            users.append(browser)
    return users


def installed(system: bool = False, machine: Machine | None = None) -> list[str]:
    """The browsers for which our manifest is registered (per user, or system-wide)."""
    machine = machine or Machine()
    found = []
    for browser in BROWSERS:
        for target in targets(browser, system, machine):
            if target.registry_key is not None:
                if machine.winreg is None:
                    continue
                value = _key_value(machine, system, target.registry_key)
                if value is None or Path(value) != target.manifest:
                    continue
            if target.manifest.exists() and _is_ours(target.manifest):
                found.append(browser)
                break
    return found
