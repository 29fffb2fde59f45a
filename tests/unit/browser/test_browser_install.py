"""Registering the native messaging host: the documented places per browser and platform, real
files in temporary folders (Linux for real, macOS paths alike), Windows keys in a fake registry,
and an uninstall that removes ours and only ours."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

from socialtime import cli
from socialtime.browser.install import (
    BROWSERS,
    EXTENSION_ID,
    GECKO_ID,
    HOST_NAME,
    Machine,
    install,
    installed,
    targets,
    uninstall,
)

EXTENSION = ROOT / "packaging" / "browser-extension"
COMMAND = ["/opt/socialtime/bin/python", "-m", "socialtime", "browser-host"]
FILE = f"{HOST_NAME}.json"


class FakeWinReg:
    """The registry as a dict: (hive, key) -> default value."""

    HKEY_CURRENT_USER = "HKCU"
    HKEY_LOCAL_MACHINE = "HKLM"
    REG_SZ = 1

    def __init__(self) -> None:
        self.keys: dict[tuple[str, str], str] = {}

    def SetValue(self, key: str, sub_key: str, type: int, value: str) -> None:
        assert type == self.REG_SZ
        self.keys[(key, sub_key)] = value

    def QueryValue(self, key: str, sub_key: str | None) -> str:
        try:
            return self.keys[(key, sub_key or "")]
        except KeyError:
            raise FileNotFoundError(2, "The system cannot find the file specified") from None

    def DeleteKey(self, key: str, sub_key: str) -> None:
        if self.keys.pop((key, sub_key), None) is None:
            raise FileNotFoundError(2, "The system cannot find the file specified")


def linux(tmp_path: Path, **environ: str) -> Machine:
    return Machine("linux", tmp_path / "home", tmp_path / "root", environ, None)


def mac(tmp_path: Path) -> Machine:
    return Machine("darwin", tmp_path / "Users/me", tmp_path / "root", {}, None)


def windows(tmp_path: Path, registry: FakeWinReg) -> Machine:
    env = {
        "LOCALAPPDATA": str(tmp_path / "Users/me/AppData/Local"),
        "ProgramFiles": str(tmp_path / "Program Files"),
    }
    return Machine("win32", tmp_path / "Users/me", tmp_path, env, registry)


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# --- where -------------------------------------------------------------------------------------

LINUX_USER = {
    "chrome": "home/.config/google-chrome/NativeMessagingHosts",
    "chromium": "home/.config/chromium/NativeMessagingHosts",
    "edge": "home/.config/microsoft-edge/NativeMessagingHosts",
    "brave": "home/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
    "firefox": "home/.mozilla/native-messaging-hosts",
}
LINUX_SYSTEM = {
    "chrome": "root/etc/opt/chrome/native-messaging-hosts",
    "chromium": "root/etc/chromium/native-messaging-hosts",
    "edge": "root/etc/opt/edge/native-messaging-hosts",
    "brave": "root/etc/opt/chrome/native-messaging-hosts",
    "firefox": "root/usr/lib/mozilla/native-messaging-hosts",
}
MAC_USER = {
    "chrome": "Users/me/Library/Application Support/Google/Chrome/NativeMessagingHosts",
    "chromium": "Users/me/Library/Application Support/Chromium/NativeMessagingHosts",
    "edge": "Users/me/Library/Application Support/Microsoft Edge/NativeMessagingHosts",
    "brave": "Users/me/Library/Application Support/BraveSoftware/Brave-Browser/"
    "NativeMessagingHosts",
    "firefox": "Users/me/Library/Application Support/Mozilla/NativeMessagingHosts",
}
MAC_SYSTEM = {
    "chrome": "root/Library/Google/Chrome/NativeMessagingHosts",
    "chromium": "root/Library/Application Support/Chromium/NativeMessagingHosts",
    "edge": "root/Library/Microsoft/Edge/NativeMessagingHosts",
    "brave": "root/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
    "firefox": "root/Library/Application Support/Mozilla/NativeMessagingHosts",
}
WINDOWS_KEYS = {
    "chrome": r"Software\Google\Chrome\NativeMessagingHosts",
    "chromium": r"Software\Chromium\NativeMessagingHosts",
    "edge": r"Software\Microsoft\Edge\NativeMessagingHosts",
    "brave": r"Software\BraveSoftware\Brave-Browser\NativeMessagingHosts",
    "firefox": r"Software\Mozilla\NativeMessagingHosts",
}


@pytest.mark.parametrize("browser", BROWSERS)
def test_linux_per_user_for_real(tmp_path, browser):
    machine = linux(tmp_path)
    lines = install([browser], machine=machine, command=COMMAND)
    manifest = tmp_path / LINUX_USER[browser] / FILE
    assert f"{browser}: {manifest}" in lines
    doc = read(manifest)
    launcher = tmp_path / "home/.local/share/socialtime/browser-host/socialtime-browser-host"
    assert doc["name"] == HOST_NAME and doc["type"] == "stdio"
    assert doc["path"] == str(launcher) and Path(doc["path"]).is_absolute()
    if browser == "firefox":
        assert doc["allowed_extensions"] == [GECKO_ID] and "allowed_origins" not in doc
    else:
        assert doc["allowed_origins"] == [f"chrome-extension://{EXTENSION_ID}/"]
        assert "allowed_extensions" not in doc
    assert stat.S_IMODE(manifest.stat().st_mode) == 0o644
    assert stat.S_IMODE(launcher.stat().st_mode) == 0o755
    assert launcher.read_text().splitlines()[-1] == (
        'exec /opt/socialtime/bin/python -m socialtime browser-host "$@"'
    )
    assert installed(False, machine) == [browser]


@pytest.mark.parametrize("browser", BROWSERS)
def test_linux_system_wide_for_real(tmp_path, browser):
    machine = linux(tmp_path)
    install([browser], system=True, machine=machine, command=COMMAND)
    doc = read(tmp_path / LINUX_SYSTEM[browser] / FILE)
    assert doc["path"] == str(tmp_path / "root/usr/local/lib/socialtime/socialtime-browser-host")
    assert not (tmp_path / "home").exists()  # a system install touches no home


def test_linux_honours_xdg_folders(tmp_path):
    machine = linux(
        tmp_path, XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "data")
    )
    install(["chromium"], machine=machine, command=COMMAND)
    doc = read(tmp_path / "cfg/chromium/NativeMessagingHosts" / FILE)
    assert doc["path"] == str(tmp_path / "data/socialtime/browser-host/socialtime-browser-host")


def test_firefox_on_a_lib64_system_gets_both_folders(tmp_path):
    (tmp_path / "root/usr/lib64/mozilla").mkdir(parents=True)
    found = [t.manifest for t in targets("firefox", True, linux(tmp_path))]
    assert found == [
        tmp_path / "root/usr/lib/mozilla/native-messaging-hosts" / FILE,
        tmp_path / "root/usr/lib64/mozilla/native-messaging-hosts" / FILE,
    ]


def test_all_registers_only_the_browsers_found(tmp_path):
    machine = linux(tmp_path)
    (tmp_path / "home/.config/chromium").mkdir(parents=True)
    (tmp_path / "home/.mozilla").mkdir(parents=True)
    lines = install(["all"], machine=machine, command=COMMAND)
    assert installed(False, machine) == ["chromium", "firefox"]
    assert any(line.startswith("chrome: skipped") for line in lines)
    assert not (tmp_path / "home/.config/google-chrome").exists()
    assert not (tmp_path / "home/.config/BraveSoftware").exists()


@pytest.mark.parametrize("browser", BROWSERS)
def test_macos_paths(tmp_path, browser):
    machine = mac(tmp_path)
    install([browser], machine=machine, command=COMMAND)
    install([browser], system=True, machine=machine, command=COMMAND)
    user, system = (
        read(tmp_path / MAC_USER[browser] / FILE),
        read(tmp_path / MAC_SYSTEM[browser] / FILE),
    )
    assert user["path"] == str(
        tmp_path / "Users/me/Library/Application Support/socialtime/browser-host"
        / "socialtime-browser-host"
    )  # fmt: skip
    assert system["path"] == str(
        tmp_path / "root/Library/Application Support/socialtime/socialtime-browser-host"
    )


@pytest.mark.parametrize("system", [False, True])
@pytest.mark.parametrize("browser", BROWSERS)
def test_windows_registry_keys(tmp_path, browser, system):
    registry = FakeWinReg()
    machine = windows(tmp_path, registry)
    install([browser], system=system, machine=machine, command=[r"C:\Py\python.exe", "-m", "x"])
    hive = "HKLM" if system else "HKCU"
    key = rf"{WINDOWS_KEYS[browser]}\{HOST_NAME}"
    base = tmp_path / (
        "Program Files/socialtime" if system else "Users/me/AppData/Local/socialtime/browser-host"
    )
    kind = "firefox" if browser == "firefox" else "chromium"
    manifest = base / f"{HOST_NAME}.{kind}.json"
    assert registry.keys == {(hive, key): str(manifest)}
    doc = read(manifest)
    assert doc["path"] == str(base / "socialtime-browser-host.bat")
    bat = (base / "socialtime-browser-host.bat").read_bytes()
    assert bat.endswith(b'"C:\\Py\\python.exe" "-m" "x" %*\r\n')
    assert installed(system, machine) == [browser]


# --- uninstall: ours and only ours ---------------------------------------------------------------


def test_what_was_done_is_told_in_french(tmp_path, french):
    machine = linux(tmp_path)
    (tmp_path / "home/.mozilla").mkdir(parents=True)
    lines = install(["all"], machine=machine, command=COMMAND)
    assert lines[0].startswith("lanceur\u00a0: ")
    chrome = tmp_path / "home/.config/google-chrome"
    assert f"chrome\u00a0: ignoré (introuvable\u00a0: {chrome})" in lines
    assert f"firefox\u00a0: {tmp_path / LINUX_USER['firefox'] / FILE}" in lines
    lines = uninstall(["firefox"], machine=machine)
    assert f"firefox\u00a0: {tmp_path / LINUX_USER['firefox'] / FILE} supprimé" in lines


def test_uninstall_removes_only_ours(tmp_path):
    machine = linux(tmp_path)
    install(["chromium", "firefox"], machine=machine, command=COMMAND)
    folder = tmp_path / LINUX_USER["chromium"]
    other = folder / "com.example.password_manager.json"
    other.write_text(json.dumps({"name": "com.example.password_manager", "path": "/x"}))
    impostor = tmp_path / LINUX_USER["firefox"] / FILE
    impostor.write_text(json.dumps({"name": "org.someone.else", "path": "/y"}))
    lines = uninstall(["all"], machine=machine)
    assert not (folder / FILE).exists()
    assert other.exists() and impostor.exists()
    assert any("not ours" in line for line in lines)
    assert installed(False, machine) == []
    launcher_dir = tmp_path / "home/.local/share/socialtime/browser-host"
    assert not launcher_dir.exists()


def test_uninstall_one_browser_keeps_the_launcher_for_the_others(tmp_path):
    machine = linux(tmp_path)
    install(["chromium", "firefox"], machine=machine, command=COMMAND)
    uninstall(["chromium"], machine=machine)
    assert installed(False, machine) == ["firefox"]
    assert Path(read(tmp_path / LINUX_USER["firefox"] / FILE)["path"]).exists()


def test_uninstall_keeps_a_system_manifest_another_browser_reads(tmp_path):
    machine = linux(tmp_path)
    install(["chrome", "brave"], system=True, machine=machine, command=COMMAND)
    lines = uninstall(["brave"], system=True, machine=machine)
    assert (tmp_path / LINUX_SYSTEM["chrome"] / FILE).exists()
    assert any("also used by chrome" in line for line in lines)
    uninstall(["all"], system=True, machine=machine)
    assert not (tmp_path / LINUX_SYSTEM["chrome"] / FILE).exists()
    assert not (tmp_path / "root/usr/local/lib/socialtime").exists()


def test_uninstall_on_windows_removes_our_keys_and_leaves_others(tmp_path):
    registry = FakeWinReg()
    machine = windows(tmp_path, registry)
    install(["chrome", "edge", "firefox"], machine=machine, command=["python.exe"])
    foreign = ("HKCU", rf"{WINDOWS_KEYS['brave']}\{HOST_NAME}")
    registry.keys[foreign] = r"C:\elsewhere\manifest.json"
    uninstall(["chrome"], machine=machine)
    shared = (
        tmp_path / "Users/me/AppData/Local/socialtime/browser-host" / f"{HOST_NAME}.chromium.json"
    )
    assert shared.exists()  # Edge still points to it
    uninstall(["all"], machine=machine)
    assert registry.keys == {foreign: r"C:\elsewhere\manifest.json"}
    assert not shared.exists()
    assert not (tmp_path / "Users/me/AppData/Local/socialtime/browser-host").exists()


def test_uninstall_with_nothing_installed_is_harmless(tmp_path):
    assert uninstall(["all"], machine=linux(tmp_path)) == []


# --- the real thing ------------------------------------------------------------------------------


def test_the_launcher_starts_browser_host_with_this_python(tmp_path):
    machine = linux(tmp_path)
    install(["chromium"], machine=machine)  # the default command: this very Python
    launcher = Path(read(tmp_path / LINUX_USER["chromium"] / FILE)["path"])
    env = dict(os.environ, XDG_RUNTIME_DIR=str(tmp_path))
    done = subprocess.run(
        [str(launcher), f"chrome-extension://{EXTENSION_ID}/"],
        input=b"",
        capture_output=True,
        env=env,
        cwd=launcher.parent,  # as the browser does
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert sys.executable in launcher.read_text()


def test_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home/.config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home/.local/share"))
    assert cli.main(["browser", "install", "--browser", "chromium", "--browser", "firefox"]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / LINUX_USER["chromium"] / FILE) in out
    assert (tmp_path / LINUX_USER["firefox"] / FILE).exists()
    assert cli.main(["browser", "uninstall"]) == 0
    assert not (tmp_path / LINUX_USER["chromium"] / FILE).exists()
    assert cli.main(["browser", "uninstall"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out


def test_a_system_install_without_rights_says_so(tmp_path, monkeypatch, capsys):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/etc/opt/chrome/native-messaging-hosts")

    monkeypatch.setattr("socialtime.browser.install.install", refuse)
    assert cli.main(["browser", "install", "--system"]) == 1
    assert "sudo" in capsys.readouterr().err


def test_the_pinned_key_gives_the_extension_id():
    manifest = read(EXTENSION / "manifest.json")
    digest = hashlib.sha256(base64.b64decode(manifest["key"])).hexdigest()[:32]
    assert "".join(chr(ord("a") + int(c, 16)) for c in digest) == EXTENSION_ID
    assert manifest["browser_specific_settings"]["gecko"]["id"] == GECKO_ID
    assert manifest["manifest_version"] == 3
    assert manifest["background"] == {
        "service_worker": "background.js",
        "scripts": ["background.js"],
    }
    assert "PRIVATE" not in json.dumps(manifest)
    assert not list(EXTENSION.rglob("*.pem"))  # only the public key is in the repository


def test_the_it_recipes_name_the_pinned_ids():
    it = ROOT / "packaging" / "it"
    chrome = read(it / "chrome-extension-policy.json")
    assert chrome["ExtensionInstallForcelist"][0].startswith(f"{EXTENSION_ID};https://")
    firefox = read(it / "firefox-policies.json")
    assert firefox["policies"]["ExtensionSettings"][GECKO_ID]["installation_mode"] == (
        "force_installed"
    )
    assert f"appid='{EXTENSION_ID}'" in (it / "chrome-update.xml").read_text()
    reg = (it / "chrome-edge-forcelist.reg").read_text()
    assert reg.count(f'"1"="{EXTENSION_ID};https://') == 2
    guide = (it / "browser-extension.md").read_text()
    assert EXTENSION_ID in guide and GECKO_ID in guide and HOST_NAME in guide
