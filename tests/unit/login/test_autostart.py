"""Start at login on all three platforms, tested on Linux: files under tmp_path, a fake winreg."""

from __future__ import annotations

import configparser
import plistlib
import subprocess
import sys
from pathlib import Path

import pytest

from socialtime.login.autostart import APPROVED_KEY, RUN_KEY, Autostart, desktop_exec, launch_argv


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


# --- an independent reader of the Desktop Entry spec, to check what we write ----------------


def unescape_string(value: str) -> str:
    """The "string" type's escapes (\\s \\n \\t \\r \\\\), undone first."""
    out, i = [], 0
    table = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] in table:
            out.append(table[value[i + 1]])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def split_exec(value: str) -> list[str]:
    """Exec value -> argv, following the spec's quoting rules (no field codes expected)."""
    line = unescape_string(value)
    args: list[str] = []
    current: list[str] | None = None
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == " ":
            if current is not None:
                args.append("".join(current))
                current = None
            i += 1
            continue
        current = [] if current is None else current
        if ch == '"':
            i += 1
            while line[i] != '"':
                if line[i] == "\\" and line[i + 1] in '"`$\\':
                    i += 1
                elif line[i] == "%":  # GLib and KDE undo %% inside quotes too
                    assert line[i + 1] == "%", f"unexpected field code in {value!r}"
                    i += 1
                current.append(line[i])
                i += 1
            i += 1
            continue
        if ch == "%":
            assert line[i + 1] == "%", f"unexpected field code in {value!r}"
            i += 1
        current.append(line[i])
        i += 1
    if current is not None:
        args.append("".join(current))
    return args


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


# --- Linux / XDG -----------------------------------------------------------------------------


@pytest.fixture
def xdg(tmp_path: Path) -> Autostart:
    return Autostart(platform="linux", home=tmp_path / "home", environ={})


def test_nothing_is_written_before_enable(tmp_path: Path, xdg: Autostart) -> None:
    assert xdg.location() == str(tmp_path / "home/.config/autostart/socialtime.desktop")
    assert not xdg.is_enabled()
    xdg.disable()  # not enabled: a no-op, and it creates no directory either
    assert not xdg.is_enabled()
    assert files_under(tmp_path) == []


def test_linux_entry_is_written_valid_and_removed(tmp_path: Path, xdg: Autostart) -> None:
    xdg.enable(["/usr/bin/python3", "-m", "socialtime"])
    path = tmp_path / "home/.config/autostart/socialtime.desktop"
    assert files_under(tmp_path) == [path]  # no temporary file left behind
    assert xdg.is_enabled()
    entry = read_entry(path)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "socialtime"
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert entry["Exec"] == "/usr/bin/python3 -m socialtime"
    xdg.disable()
    assert not path.exists()
    assert not xdg.is_enabled()


@pytest.mark.parametrize(
    "argv",
    [
        ["/opt/My Apps/socialtime/bin/python", "-m", "socialtime"],
        ["/home/ann/it's here/socialtime"],
        ['/tmp/a "quoted" dir/$HOME/`x`/run'],
        ["C:\\odd\\back slash\\python.exe", "--config", "/tmp/100% sure.toml"],
        ["/usr/bin/socialtime", "", "tab\there", "semi;colon&amp"],
    ],
)
def test_exec_quoting_round_trips(tmp_path: Path, argv: list[str]) -> None:
    auto = Autostart(platform="linux", config_dir=tmp_path / "cfg")
    auto.enable(argv)
    value = read_entry(tmp_path / "cfg/autostart/socialtime.desktop")["Exec"]
    assert split_exec(value) == argv


def test_exec_quoting_by_the_book() -> None:
    assert desktop_exec(["/a b/c"]) == '"/a b/c"'
    # A backslash inside a quoted argument is written as four (spec, "The Exec key").
    assert desktop_exec(["/a b\\c"]) == '"/a b\\\\\\\\c"'
    assert desktop_exec(["x", "50%"]) == "x 50%%"
    with pytest.raises(ValueError):
        desktop_exec([])


def test_xdg_config_home_is_honoured_when_absolute(tmp_path: Path) -> None:
    home = tmp_path / "home"
    auto = Autostart(platform="freebsd14", home=home, environ={"XDG_CONFIG_HOME": "/x/cfg"})
    assert auto.location() == "/x/cfg/autostart/socialtime.desktop"
    relative = Autostart(platform="linux", home=home, environ={"XDG_CONFIG_HOME": "cfg"})
    assert relative.location() == str(home / ".config/autostart/socialtime.desktop")


def test_entry_switched_off_in_the_desktop_reads_as_disabled(xdg: Autostart) -> None:
    xdg.enable(["/usr/bin/socialtime"])
    path = Path(xdg.location())
    path.write_text(path.read_text().replace("enabled=true", "enabled=false"))
    assert not xdg.is_enabled()
    path.write_text("[Desktop Entry]\nType=Application\nExec=socialtime\nHidden=true\n")
    assert not xdg.is_enabled()
    xdg.enable(["/usr/bin/socialtime"])  # turning it on again replaces the entry
    assert xdg.is_enabled()


def test_disable_leaves_other_entries_alone(tmp_path: Path, xdg: Autostart) -> None:
    other = tmp_path / "home/.config/autostart/other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    xdg.enable(["/usr/bin/socialtime"])
    xdg.disable()
    assert files_under(tmp_path) == [other]


def test_enable_refuses_an_empty_command(xdg: Autostart, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        xdg.enable([])
    assert files_under(tmp_path) == []


# --- Windows, with a fake winreg ---------------------------------------------------------------


class FakeKey:
    def __init__(self, reg: FakeWinreg, path: str) -> None:
        self.reg, self.path = reg, path

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


class FakeWinreg:
    """Just enough of winreg: HKCU keys as dicts of name -> (value, type)."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_SET_VALUE = 2
    REG_SZ = 1
    REG_BINARY = 3

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, tuple[object, int]]] = {}
        self.calls: list[str] = []

    def OpenKey(self, root: str, sub: str, reserved: int = 0, access: int = 1) -> FakeKey:
        assert root == self.HKEY_CURRENT_USER
        self.calls.append(f"OpenKey {sub}")
        if sub not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return FakeKey(self, sub)

    def CreateKeyEx(self, root: str, sub: str, reserved: int = 0, access: int = 0) -> FakeKey:
        assert root == self.HKEY_CURRENT_USER
        self.keys.setdefault(sub, {})
        return FakeKey(self, sub)

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[object, int]:
        try:
            return self.keys[key.path][name]
        except KeyError:
            raise FileNotFoundError(2, "The system cannot find the file specified") from None

    def SetValueEx(self, key: FakeKey, name: str, reserved: int, kind: int, value: object) -> None:
        self.keys[key.path][name] = (value, kind)

    def DeleteValue(self, key: FakeKey, name: str) -> None:
        if name not in self.keys[key.path]:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del self.keys[key.path][name]


def test_windows_run_value_written_and_removed(tmp_path: Path) -> None:
    reg = FakeWinreg()
    reg.keys[RUN_KEY] = {"OneDrive": ('"C:\\OneDrive.exe" /background', reg.REG_SZ)}
    auto = Autostart(platform="win32", home=tmp_path, winreg=reg)
    assert "HKEY_CURRENT_USER" in auto.location() and "socialtime" in auto.location()
    assert not auto.is_enabled()
    auto.disable()  # not enabled: a no-op
    argv = ["C:\\Program Files\\socialtime\\socialtime.exe", "--config", 'C:\\a "b"\\c.toml']
    auto.enable(argv)
    value, kind = reg.keys[RUN_KEY]["socialtime"]
    assert kind == reg.REG_SZ
    assert value == subprocess.list2cmdline(argv)
    assert value.startswith('"C:\\Program Files\\socialtime\\socialtime.exe" --config ')
    assert auto.is_enabled()
    auto.disable()
    assert reg.keys[RUN_KEY] == {"OneDrive": ('"C:\\OneDrive.exe" /background', reg.REG_SZ)}
    assert not auto.is_enabled()
    assert files_under(tmp_path) == []


def test_windows_task_manager_disable_is_honoured_and_cleared_on_enable() -> None:
    reg = FakeWinreg()
    auto = Autostart(platform="win32", winreg=reg)
    auto.enable(["C:\\socialtime.exe"])
    reg.keys[APPROVED_KEY] = {"socialtime": (b"\x03" + bytes(11), reg.REG_BINARY)}
    assert not auto.is_enabled()
    reg.keys[APPROVED_KEY]["socialtime"] = (b"\x02" + bytes(11), reg.REG_BINARY)
    assert auto.is_enabled()
    reg.keys[APPROVED_KEY]["socialtime"] = (b"\x03" + bytes(11), reg.REG_BINARY)
    auto.enable(["C:\\socialtime.exe"])
    assert auto.is_enabled()
    assert "socialtime" not in reg.keys[APPROVED_KEY]


def test_winreg_is_imported_only_when_the_registry_is_used() -> None:
    # There is no winreg on Linux: importing it at construction, or to tell the location,
    # would raise here.
    auto = Autostart(platform="win32")
    assert "CurrentVersion\\Run" in auto.location()
    with pytest.raises(ModuleNotFoundError):
        auto.is_enabled()


# --- macOS -------------------------------------------------------------------------------------


def test_macos_plist_round_trip(tmp_path: Path) -> None:
    auto = Autostart(platform="darwin", home=tmp_path, bundle_id="org.example.socialtime")
    path = tmp_path / "Library/LaunchAgents/org.example.socialtime.plist"
    assert auto.location() == str(path)
    assert not auto.is_enabled()
    auto.disable()
    assert files_under(tmp_path) == []
    argv = ["/Applications/socialtime.app/Contents/MacOS/socialtime", "--data-dir", "/a b"]
    auto.enable(argv)
    assert files_under(tmp_path) == [path]
    plist = plistlib.loads(path.read_bytes())
    assert plist["Label"] == "org.example.socialtime"
    assert plist["ProgramArguments"] == argv
    assert plist["RunAtLoad"] is True
    assert auto.is_enabled()
    plist["Disabled"] = True
    path.write_bytes(plistlib.dumps(plist))
    assert not auto.is_enabled()
    path.write_bytes(b"not a plist")
    assert not auto.is_enabled()
    auto.disable()
    assert files_under(tmp_path) == []


# --- the command to start ---------------------------------------------------------------------


def test_launch_argv_runs_this_interpreter(monkeypatch: pytest.MonkeyPatch) -> None:
    assert launch_argv() == [sys.executable, "-m", "socialtime"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert launch_argv() == [sys.executable]
