"""Every file socialtime writes whole goes through socialtime.base.files.write_private: whole or
not at all, 0600 unless others must read it, a link in its place replaced and never followed,
and an error that names the file asked for."""

from __future__ import annotations

import ast
import os
import stat
from pathlib import Path

import pytest
from helpers import ROOT

from socialtime.base.files import write_private, write_private_with
from socialtime.browser.install import Machine, install
from socialtime.login import invite
from socialtime.login.autostart import Autostart

PACKAGE = ROOT / "socialtime"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_text_is_written_whole_with_its_line_ends_and_readable_by_the_user_only(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("old\n", encoding="utf-8")
    os.chmod(path, 0o644)
    write_private(path, "a = 1\r\nb = 'é'\n")
    assert path.read_bytes() == "a = 1\r\nb = 'é'\n".encode()
    assert mode(path) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml"]


def test_bytes_and_another_mode_when_others_read_the_file(tmp_path):
    path = tmp_path / "entry.plist"
    write_private(path, b"\x00\x01plist", mode=0o644)
    assert path.read_bytes() == b"\x00\x01plist" and mode(path) == 0o644
    write_private(tmp_path / "launcher", "#!/bin/sh\n", mode=0o755)
    assert mode(tmp_path / "launcher") == 0o755


def test_a_link_in_the_files_place_is_replaced_not_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text("not yours to change", encoding="utf-8")
    link = tmp_path / "declined"
    link.symlink_to(elsewhere)
    write_private(link, "2026-11-24\n")
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "2026-11-24\n"
    assert elsewhere.read_text(encoding="utf-8") == "not yours to change"


def test_an_error_names_the_file_asked_for_and_leaves_nothing(tmp_path):
    missing = tmp_path / "no-such-folder" / "export.csv"
    with pytest.raises(FileNotFoundError) as error:
        write_private(missing, "x")
    assert error.value.filename == str(missing) and str(missing) in str(error.value)

    def broken(handle):
        handle.write("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_private_with(tmp_path / "export.csv", broken)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_refuses_is_named_as_the_file(tmp_path, monkeypatch):
    def refused(dir, prefix, suffix):  # as mkstemp fails in a folder the user may not write
        raise PermissionError(13, "Permission denied", os.path.join(dir, f"{prefix}x1y2{suffix}"))

    monkeypatch.setattr("socialtime.base.files.tempfile.mkstemp", refused)
    with pytest.raises(PermissionError) as error:
        write_private(tmp_path / "summary.json", "{}")
    assert error.value.filename == str(tmp_path / "summary.json")


# --- the writers that used to have their own copy ---------------------------------------------


def test_the_autostart_entry_is_whole_and_readable_by_the_desktop(tmp_path):
    autostart = Autostart(platform="linux", home=tmp_path, config_dir=tmp_path / "config")
    autostart.enable(["/usr/bin/socialtime"])
    entry = autostart.path()
    assert entry is not None and mode(entry) == 0o644
    assert "Exec=/usr/bin/socialtime" in entry.read_text(encoding="utf-8")
    assert sorted(p.name for p in entry.parent.iterdir()) == [entry.name]


def test_the_browser_files_leave_no_temporary_file(tmp_path):
    machine = Machine("linux", tmp_path / "home", tmp_path / "root", {}, None)
    install(["chromium"], machine=machine, command=["/usr/bin/socialtime", "browser-host"])
    launcher = machine.launcher(False)
    assert mode(launcher) == 0o755
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written and not [p for p in written if p.name.endswith(".tmp")]


def test_a_declined_invitation_replaces_a_link_instead_of_following_it(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    target = tmp_path / "target"
    target.write_text("keep", encoding="utf-8")
    invite.declined_path(data).symlink_to(target)
    invite.record_declined(data)
    assert target.read_text(encoding="utf-8") == "keep"
    assert mode(invite.declined_path(data)) == 0o600


# --- no other copy -------------------------------------------------------------------------------

# Files written another way, on purpose: the tray's request file is a file of the data folder,
# opened without following a link as socialtime.base.private_files says; KWin's script is a
# temporary file in a folder of its own (0700) that KWin reads, not a file of the user's.
OTHER_WAYS = {"ui/single_instance.py", "probes/kwin_focus.py"}
WRITES = {"mkstemp", "replace", "rename", "write_text", "write_bytes", "NamedTemporaryFile"}


def writes(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            owner = node.func.value
            if name in {"replace", "rename"} and not (
                isinstance(owner, ast.Name) and owner.id == "os"
            ):
                continue  # str.replace, dataclasses.replace, datetime.replace
            if name in WRITES:
                found.append(f"line {node.lineno}: {name}")
    return found


@pytest.mark.parametrize(
    "path",
    sorted(
        p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).as_posix() != "base/files.py"
    ),
    ids=lambda p: p.relative_to(PACKAGE).as_posix(),
)
def test_only_base_files_writes_a_file_whole(path):
    found = writes(path)
    if path.relative_to(PACKAGE).as_posix() in OTHER_WAYS:
        return
    assert found == [], "use socialtime.base.files.write_private"


def test_the_check_finds_a_writer_of_its_own(tmp_path):
    copy = tmp_path / "copy.py"
    copy.write_text(
        "import os, tempfile\n"
        "fd, tmp = tempfile.mkstemp()\n"
        "os.replace(tmp, 'x')\n"
        "'a'.replace('a', 'b')\n",
        encoding="utf-8",
    )
    assert writes(copy) == ["line 2: mkstemp", "line 3: replace"]
