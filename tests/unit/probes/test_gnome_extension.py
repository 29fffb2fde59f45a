"""socialtime's GNOME Shell extension (packaging/gnome-shell-extension/) and its installer.

The extension's two forms are run by Node with fake Gio, GLib and `global` (what GNOME Shell
gives an extension): what each exports on the bus, what it answers, and which properties of the
window it reads — its title, WM class, application ids and pid, nothing else. The end-to-end test
(test_e2e_gnome.py) loads the GNOME 43 form in a real GNOME Shell; the GNOME 45 form cannot be
loaded here (Debian 12 has GNOME 43), so both forms must carry the very same service code.

The installer is run against temporary home and system folders, with gsettings stood in for by
a fake (or by the real one on a keyfile backend, for the command line).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from fakes import FakeGsettings
from helpers import ROOT

from socialtime import cli
from socialtime.probes import gnome_extension as ext

PACKAGED = ROOT / "packaging" / "gnome-shell-extension"
LEGACY = PACKAGED / "socialtime-gnome43@socialtime.org"
MODULE = PACKAGED / "socialtime@socialtime.org"
SERVICE = re.compile(r"// --- the service:.*?// --- end of the service ---", re.S)

HARNESS = r"""
const fs = require("fs"), vm = require("vm");
const [legacyPath, modulePath] = process.argv.slice(1);

function fakes() {
  const log = { exported: [], unexported: 0, owned: [], unowned: [], read: [] };
  class Variant { constructor(sig, value) { this.sig = sig; this.value = value; } }
  const Gio = {
    DBus: { session: "SESSION-CONNECTION" },
    BusNameOwnerFlags: { NONE: 0 },
    DBusExportedObject: {
      wrapJSObject(xml, impl) {
        return {
          export(conn, path) { log.exported.push({ xml, conn, path }); log.impl = impl; },
          unexport() { log.unexported += 1; },
        };
      },
    },
    bus_own_name_on_connection(conn, name, flags) {
      log.owned.push({ conn, name, flags });
      return 42;
    },
    bus_unown_name(id) { log.unowned.push(id); },
  };
  const watch = (name, target) => new Proxy(target, {
    get(t, key) { if (typeof key === "string") log.read.push(`${name}.${key}`); return t[key]; },
  });
  const display = { focus_window: null };
  const global = watch("global",
    { display: watch("display", display), get_window_actors: () => [] });
  const window = (fields) => watch("window", {
    get_title: () => fields.title, get_wm_class: () => fields.wm_class,
    get_gtk_application_id: () => fields.gtk, get_sandboxed_app_id: () => fields.sandboxed,
    get_pid: () => fields.pid,
    get_frame_rect: () => ({ x: 1 }), get_workspace: () => null, get_description: () => "x",
  });
  return { log, Gio, GLib: { Variant }, global, display, window };
}

const plain = (dict) => Object.fromEntries(
  Object.entries(dict).map(([k, v]) =>
    [k, v instanceof Object && "sig" in v ? [v.sig, v.value] : v]));

function exercise(enable, disable, f) {
  const out = {};
  enable();
  out.exported = f.log.exported.map((e) => ({ conn: e.conn, path: e.path, xml: e.xml }));
  out.owned = f.log.owned;
  f.display.focus_window = null;
  out.none = plain(f.log.impl.FocusedWindow());
  f.display.focus_window = f.window({ title: "(3) Facebook — Mozilla Firefox", wm_class: "firefox",
    gtk: "org.mozilla.firefox", sandboxed: "org.mozilla.firefox", pid: 4242 });
  f.log.read.length = 0;
  out.full = plain(f.log.impl.FocusedWindow());
  out.read = [...new Set(f.log.read)].sort();
  f.display.focus_window = f.window(
    { title: "", wm_class: "foot", gtk: null, sandboxed: null, pid: 0 });
  out.partial = plain(f.log.impl.FocusedWindow());
  disable();
  out.unexported = f.log.unexported;
  out.unowned = f.log.unowned;
  return out;
}

const results = {};
{
  const f = fakes();
  const context = vm.createContext(
    { imports: { gi: { Gio: f.Gio, GLib: f.GLib } }, global: f.global });
  vm.runInContext(fs.readFileSync(legacyPath, "utf8"), context);
  const extension = vm.runInContext("init()", context);
  results.legacy = exercise(() => extension.enable(), () => extension.disable(), f);
}
{
  const f = fakes();
  class Extension { constructor(metadata) { this.metadata = metadata; } }
  const source = fs.readFileSync(modulePath, "utf8")
    .replace(/^import .*$/gm, "")
    .replace("export default class", "globalThis.Loaded = class");
  const context = vm.createContext({ Gio: f.Gio, GLib: f.GLib, Extension, global: f.global });
  vm.runInContext(source, context);
  const extension = new context.Loaded({ uuid: "socialtime@socialtime.org" });
  results.module = exercise(() => extension.enable(), () => extension.disable(), f);
}
console.log(JSON.stringify(results));
"""


def node() -> str:
    found = shutil.which("node") or shutil.which("nodejs")
    if found is None:
        pytest.fail("this test needs Node.js to run the extension: apt-get install nodejs")
    return found


@pytest.fixture(scope="module")
def shells() -> dict[str, Any]:
    done = subprocess.run(
        [node(), "-e", HARNESS, str(LEGACY / "extension.js"), str(MODULE / "extension.js")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("form", ["legacy", "module"])
def test_it_exports_one_method_under_socialtimes_own_name(shells, form):
    got = shells[form]
    assert got["owned"] == [
        {"conn": "SESSION-CONNECTION", "name": "org.socialtime.Shell", "flags": 0}
    ]
    (exported,) = got["exported"]
    assert exported["conn"] == "SESSION-CONNECTION" and exported["path"] == "/org/socialtime/Shell"
    node_ = ET.fromstring(exported["xml"])
    (interface,) = node_.findall("interface")
    assert interface.get("name") == "org.socialtime.Shell"
    # One method, one out argument; no property, no signal, no way to ask for anything else.
    assert [child.tag for child in interface] == ["method"]
    (method,) = interface
    assert method.get("name") == "FocusedWindow"
    assert [(a.get("type"), a.get("direction")) for a in method] == [("a{sv}", "out")]
    assert got["unexported"] == 1 and got["unowned"] == [42]  # disable() takes it all back


@pytest.mark.parametrize("form", ["legacy", "module"])
def test_it_tells_the_focused_window_and_nothing_else(shells, form):
    got = shells[form]
    assert got["none"] == {}  # no window has the focus
    assert got["full"] == {
        "title": ["s", "(3) Facebook — Mozilla Firefox"],
        "wm_class": ["s", "firefox"],
        "gtk_application_id": ["s", "org.mozilla.firefox"],
        "sandboxed_app_id": ["s", "org.mozilla.firefox"],
        "pid": ["u", 4242],
    }
    assert got["partial"] == {"wm_class": ["s", "foot"]}  # unset values are left out
    # What it looked at: the focused window, and of it only these five getters.
    assert got["read"] == [
        "display.focus_window",
        "global.display",
        "window.get_gtk_application_id",
        "window.get_pid",
        "window.get_sandboxed_app_id",
        "window.get_title",
        "window.get_wm_class",
    ]


def test_both_forms_carry_the_same_service():
    legacy = SERVICE.search((LEGACY / "extension.js").read_text(encoding="utf-8"))
    module = SERVICE.search((MODULE / "extension.js").read_text(encoding="utf-8"))
    assert legacy and module
    assert legacy.group(0) == module.group(0)


def test_each_form_parses_as_what_its_gnome_loads(tmp_path):
    """GNOME 43/44 load a script, GNOME 45 and later an ES module."""
    shutil.copy(LEGACY / "extension.js", tmp_path / "legacy.js")
    shutil.copy(MODULE / "extension.js", tmp_path / "module.mjs")
    for name in ("legacy.js", "module.mjs"):
        done = subprocess.run([node(), "--check", str(tmp_path / name)], capture_output=True)
        assert done.returncode == 0, done.stderr
    assert "function init()" in (LEGACY / "extension.js").read_text(encoding="utf-8")
    text = (MODULE / "extension.js").read_text(encoding="utf-8")
    assert "export default class SocialtimeExtension extends Extension" in text
    assert "imports." not in text  # GNOME 45 refuses the old import system in a module


def test_each_metadata_names_its_folder_and_the_gnome_versions_of_its_form():
    for form in ext.FORMS:
        meta = json.loads((PACKAGED / form.uuid / "metadata.json").read_text(encoding="utf-8"))
        assert meta["uuid"] == form.uuid
        assert meta["name"] and meta["description"]
        versions = [int(v) for v in meta["shell-version"]]
        assert all(form.fits(v) for v in versions), (form.uuid, versions)
        assert versions[0] == form.first
        assert set(meta) <= {"uuid", "name", "description", "shell-version", "version"}
    assert json.loads((LEGACY / "metadata.json").read_text())["shell-version"] == ["43", "44"]
    assert json.loads((MODULE / "metadata.json").read_text())["shell-version"][:3] == [
        "45",
        "46",
        "47",
    ]


@pytest.mark.parametrize(
    ("version", "uuid"),
    [
        ("43.9", "socialtime-gnome43@socialtime.org"),
        ("44.beta", "socialtime-gnome43@socialtime.org"),
        ("45.0", "socialtime@socialtime.org"),
        ("46.rc", "socialtime@socialtime.org"),
        ("47", "socialtime@socialtime.org"),
        ("50.1", "socialtime@socialtime.org"),
        ("42.5", None),
        ("3.38.4", None),
        ("GNOME", None),
    ],
)
def test_the_form_for_each_gnome_version(version, uuid):
    form = ext.form_for(version)
    assert (form.uuid if form else None) == uuid


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("@as []", []),
        ("['a@b.org']", ["a@b.org"]),
        (
            "['ubuntu-dock@ubuntu.com', 'x@y', \"it's@z\"]",
            ["ubuntu-dock@ubuntu.com", "x@y", "it's@z"],
        ),
        ("['a\\'b']", ["a'b"]),
    ],
)
def test_gsettings_lists_are_read_and_written_back(text, items):
    assert ext.parse_strv(text) == items
    assert ext.parse_strv(ext.format_strv(items)) == items


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "home").mkdir()
    return {"HOME": str(tmp_path / "home"), "XDG_DATA_DIRS": str(tmp_path / "usr-share")}


def user_copy(environ: dict[str, str], uuid: str) -> Path:
    return Path(environ["HOME"]) / ".local/share/gnome-shell/extensions" / uuid


def test_install_copies_the_form_this_gnome_needs_and_enables_it(home):
    run = FakeGsettings("43.9", **{"enabled-extensions": "['ubuntu-dock@ubuntu.com']"})
    outcome = ext.install(None, home, run=run)
    legacy = user_copy(home, "socialtime-gnome43@socialtime.org")
    assert sorted(p.name for p in legacy.iterdir()) == ["extension.js", "metadata.json"]
    assert (legacy / "extension.js").read_bytes() == (LEGACY / "extension.js").read_bytes()
    assert not user_copy(home, "socialtime@socialtime.org").exists()
    assert run.enabled() == ["ubuntu-dock@ubuntu.com", "socialtime-gnome43@socialtime.org"]
    text = "\n".join(outcome.lines)
    assert "GNOME Shell 43.9 needs the GNOME 43/44 form" in text
    assert "log out and back in" in text


def test_install_after_an_upgrade_replaces_the_other_form(home):
    run = FakeGsettings("43.9", **{"disabled-extensions": "['socialtime@socialtime.org']"})
    ext.install(None, home, run=run)
    stale = user_copy(home, "socialtime-gnome43@socialtime.org") / "old.js"
    stale.write_text("left over")
    run.version = "46.2"
    outcome = ext.install(None, home, run=run)
    assert not user_copy(home, "socialtime-gnome43@socialtime.org").exists()
    assert (user_copy(home, "socialtime@socialtime.org") / "extension.js").is_file()
    assert run.enabled() == ["socialtime@socialtime.org"]
    assert ext.parse_strv(run.values["disabled-extensions"]) == []
    assert any("Removed" in line and "gnome43" in line for line in outcome.lines)
    # Installing again is harmless: one entry, one folder.
    ext.install(None, home, run=run)
    assert run.enabled() == ["socialtime@socialtime.org"]


def test_install_uses_a_copy_installed_for_all_users(home):
    system = (
        Path(home["XDG_DATA_DIRS"]) / "gnome-shell/extensions/socialtime-gnome43@socialtime.org"
    )
    shutil.copytree(LEGACY, system)
    run = FakeGsettings("43.9")
    outcome = ext.install(None, home, run=run)
    assert not user_copy(home, "socialtime-gnome43@socialtime.org").exists()
    assert run.enabled() == ["socialtime-gnome43@socialtime.org"]
    assert any(f"for all users in {system}" in line for line in outcome.lines)


def test_install_says_when_user_extensions_are_switched_off(home):
    run = FakeGsettings("45.1", **{"disable-user-extensions": "true"})
    outcome = ext.install(None, home, run=run)
    assert any("User extensions are switched off" in line for line in outcome.lines)


@pytest.mark.parametrize(
    ("version", "given", "words"),
    [
        ("42.9", None, "needs GNOME 43 or later"),
        (None, None, "--shell-version"),
        (None, "3.38", "needs GNOME 43 or later"),
    ],
)
def test_install_refuses_what_it_cannot_serve(home, version, given, words):
    with pytest.raises(ext.ExtensionError, match=re.escape(words)):
        ext.install(None, home, version=given, run=FakeGsettings(version))
    assert not (Path(home["HOME"]) / ".local").exists()


def test_install_without_gsettings_says_what_is_missing(home):
    def run(argv: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        raise FileNotFoundError(2, "No such file or directory", argv[0])

    with pytest.raises(ext.ExtensionError, match="gsettings is missing"):
        ext.install(None, home, version="46", run=run)


def test_uninstall_disables_both_and_removes_only_the_users_copies(home):
    run = FakeGsettings("46.0", **{"enabled-extensions": "['other@x']"})
    ext.install(None, home, run=run)
    system = (
        Path(home["XDG_DATA_DIRS"]) / "gnome-shell/extensions/socialtime-gnome43@socialtime.org"
    )
    shutil.copytree(LEGACY, system)
    outcome = ext.uninstall(None, home, run=run)
    assert run.enabled() == ["other@x"]
    assert not user_copy(home, "socialtime@socialtime.org").exists()
    assert system.is_dir()  # the package's copy stays
    text = "\n".join(outcome.lines)
    assert "Disabled socialtime@socialtime.org" in text and f"{system} stays" in text
    assert ext.uninstall(None, home, run=run).lines == [f"{system} stays: it was installed for "
                                                        "all users by a package (it no longer "
                                                        "runs for you)."]  # fmt: skip


@pytest.mark.parametrize(
    ("setup", "ok", "words"),
    [
        ("none", False, "not installed; `socialtime desktop install`"),
        ("copied", False, "installed for you, not enabled"),
        ("enabled", False, "enabled, not loaded yet: log out and back in"),
        ("switched-off", False, "user extensions are switched off"),
    ],
)
def test_doctor_says_what_is_missing_without_a_running_shell(home, setup, ok, words):
    run = FakeGsettings("43.9")
    if setup != "none":
        ext.install(None, home, run=run)
    if setup == "copied":
        run.values["enabled-extensions"] = "@as []"
    if setup == "switched-off":
        run.values["disable-user-extensions"] = "true"
    got_ok, detail = ext.diagnose(None, home, run)
    assert got_ok is ok
    assert detail.startswith("GNOME Shell 43.9 needs the GNOME 43/44 form (socialtime-gnome43@")
    assert words in detail, detail


def test_the_command_line_installs_through_the_real_gsettings(tmp_path, monkeypatch, capsys):
    """`socialtime desktop install` with Debian's gsettings on a keyfile backend (the user's
    real settings are never touched) and no session bus: GNOME's version from the option."""
    if shutil.which("gsettings") is None:
        pytest.fail("this test needs gsettings: apt-get install libglib2.0-bin (CI has it)")
    schemas = subprocess.run(["gsettings", "list-schemas"], capture_output=True, text=True)
    if "org.gnome.shell\n" not in schemas.stdout:
        pytest.fail("this test needs GNOME Shell's settings schema: apt-get install gnome-shell")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "none"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("GSETTINGS_BACKEND", "keyfile")
    monkeypatch.setenv("GSETTINGS_SCHEMA_DIR", "/usr/share/glib-2.0/schemas")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)

    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = run("desktop", "install", "--shell-version", "46.1")
    assert code == 0, err
    assert "GNOME Shell 46.1 needs the GNOME 45 and later form" in out
    folder = tmp_path / "home/.local/share/gnome-shell/extensions/socialtime@socialtime.org"
    assert (folder / "metadata.json").is_file()
    keyfile = (tmp_path / "config/glib-2.0/settings/keyfile").read_text()
    assert "enabled-extensions=['socialtime@socialtime.org']" in keyfile
    code, out, err = run("desktop", "uninstall")
    assert code == 0 and not folder.exists()
    assert "enabled-extensions=[]" in (tmp_path / "config/glib-2.0/settings/keyfile").read_text()
    code, out, err = run("desktop", "install", "--shell-version", "42")
    assert code == 1 and "needs GNOME 43 or later" in err
