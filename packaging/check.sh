#!/bin/sh
# Build every package this Linux machine can build, and check each one (CI runs this after the
# tests, from packaging/setup.sh test). Run from anywhere:
#
#   sh packaging/check.sh
#
# Steps: tools -> wheel and sdist -> PyInstaller folder (and runs the frozen app) -> .deb
# (contents, control, lintian, install and purge in a throwaway root) -> MSI (tables and rows;
# built around the Linux folder as a STAND-IN payload: it checks the MSI's structure, it is not a
# Windows program) -> the MSI's install logic under wine (when wine64 is installed) -> ADMX/ADML
# -> example policies against socialtime's policy reader.
# Prints what it checked and the time of each step; exits non-zero at the first failure, naming
# the step and the reason. Outputs in dist/ and build/ (ignored by git). Not checked here:
# the macOS recipe (no Mac) and the MSI on real Windows.
set -eu
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export QT_QPA_PLATFORM=offscreen

current=setup
summary=""
passed=0
tmp=$(mktemp -d)
finish() {
  rc=$?
  rm -rf "$tmp"
  if [ "$rc" != 0 ]; then
    echo "packaging check FAILED in step '$current' (exit $rc): see the message above" >&2
    echo "packaging: $passed passed, 1 failed"
  fi
}
trap finish EXIT

fail() {
  echo "packaging check: $current: $*" >&2
  exit 1
}

now() { date +%s.%N; }
step() {
  current=$1
  shift
  echo "== packaging: $current"
  started=$(now)
  "$@"
  took=$(echo "$(now) $started" | awk '{printf "%.1f", $1 - $2}')
  echo "   $current: ok (${took} s)"
  passed=$((passed + 1))
  summary="$summary$(printf '  %-12s %7s s' "$current" "$took")
"
}

version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')

# --- tools ----------------------------------------------------------------------------------
check_tools() {
  [ -x "$PY" ] || fail "$PY is missing (sh packaging/setup.sh test makes .venv)"
  "$PY" -c 'import PyInstaller, build' 2>/dev/null \
    || fail "PyInstaller or build is missing in .venv: .venv/bin/pip install -e '.[package]'"
  missing=""
  for tool in dpkg-deb dpkg-shlibdeps lintian objdump wixl wixl-heat msiinfo msibuild; do
    command -v "$tool" >/dev/null || missing="$missing $tool"
  done
  [ -z "$missing" ] || fail "missing:$missing (Debian: apt install dpkg-dev lintian binutils wixl msitools)"
  echo "   PyInstaller $("$PY" -c 'import PyInstaller; print(PyInstaller.__version__)'), $(lintian --version), $(wixl --version 2>&1 | head -n1)"
}

# --- wheel and sdist ------------------------------------------------------------------------
check_wheel() {
  sh packaging/build.sh wheel >/dev/null || fail "python -m build failed"
  wheel=dist/socialtime-$version-py3-none-any.whl
  sdist=dist/socialtime-$version.tar.gz
  [ -f "$wheel" ] && [ -f "$sdist" ] || fail "expected $wheel and $sdist"
  "$PY" - "$wheel" "$sdist" <<'PY' || fail "the wheel or the sdist lacks files (above)"
import sys, tarfile, zipfile
from pathlib import Path

wheel, sdist = sys.argv[1:]
names = set(zipfile.ZipFile(wheel).namelist())
assets = Path("assets")
want = {"socialtime/__init__.py", "socialtime/cli/__init__.py", "socialtime/assets/sites.toml"}
for ext in Path("packaging/gnome-shell-extension").glob("*@socialtime.org"):
    want |= {f"socialtime/assets/gnome-shell-extension/{ext.name}/{f}"
             for f in ("metadata.json", "extension.js")}
want |= {f"socialtime/assets/icons/{p.name}" for p in (assets / "icons").glob("*.svg")}
for pattern in ("*.qm", "*.ts"):
    want |= {f"socialtime/assets/translations/{p.name}" for p in (assets / "translations").glob(pattern)}
missing = sorted(want - names)
entry = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
scripts = zipfile.ZipFile(wheel).read(entry[0]).decode() if entry else ""
if "socialtime = socialtime.cli:main" not in scripts:
    missing.append("entry point socialtime = socialtime.cli:main")
top = Path(sdist).name.removesuffix(".tar.gz")
sdist_names = set(tarfile.open(sdist).getnames())
missing += [f"sdist: {n}" for n in ("pyproject.toml", "assets/sites.toml", "socialtime/cli/__init__.py")
            if f"{top}/{n}" not in sdist_names]
for m in missing:
    print(f"   missing: {m}", file=sys.stderr)
icons = sum(1 for n in names if n.startswith("socialtime/assets/icons/"))
qm = sum(1 for n in names if n.endswith(".qm"))
ts = sum(1 for n in names if n.endswith(".ts"))
print(f"   wheel: {len(names)} files, assets: sites.toml, {icons} icons, {qm} .qm, {ts} .ts; "
      f"entry point socialtime; sdist: {len(sdist_names)} entries")
sys.exit(1 if missing else 0)
PY
  # The installed wheel finds its assets and runs (its dependencies are those of .venv).
  "$PY" -m pip install --quiet --disable-pip-version-check --no-deps --target "$tmp/wheel" "$wheel" \
    || fail "pip cannot install the wheel"
  py=$PWD/$PY
  out=$(cd "$tmp" && PYTHONPATH="$tmp/wheel" "$py" -c '
import sys, socialtime
from socialtime.base.paths import assets_dir
assert socialtime.__file__.startswith(sys.argv[1]), socialtime.__file__
assert (assets_dir() / "sites.toml").is_file() and str(assets_dir()).startswith(sys.argv[1])
from socialtime.cli import main
sys.exit(main(["report", "--json", "--data-dir", sys.argv[2]]))' "$tmp/wheel" "$tmp/wheel-data") \
    || fail "the installed wheel does not run or does not find its assets"
  echo "   installed wheel: assets found in the package; report --json: $out"
}

# --- PyInstaller ----------------------------------------------------------------------------
check_pyinstaller() {
  rm -rf dist/pyinstaller
  sh packaging/build.sh pyinstaller > "$tmp/pyinstaller.log" 2>&1 \
    || { cat "$tmp/pyinstaller.log" >&2; fail "PyInstaller failed"; }
  # (its warnings about Windows DLLs wanted by the Windows probe are expected on Linux)
  grep -v "required via ctypes not found" "$tmp/pyinstaller.log" | sed 's/^/   /'
  app=dist/pyinstaller/socialtime
  [ -x "$app/socialtime" ] || fail "PyInstaller did not build $app/socialtime"
  internal=$app/_internal
  for f in socialtime/assets/sites.toml socialtime/assets/icons/recording.svg \
    PySide6/Qt/plugins/platforms/libqxcb.so PySide6/Qt/plugins/platforms/libqwayland.so \
    PySide6/Qt/plugins/platforms/libqoffscreen.so PySide6/Qt/plugins/imageformats/libqsvg.so \
    PySide6/Qt/plugins/iconengines/libqsvgicon.so PySide6/QtSvg.abi3.so \
    socialtime/assets/gnome-shell-extension/socialtime@socialtime.org/extension.js \
    socialtime/assets/gnome-shell-extension/socialtime-gnome43@socialtime.org/extension.js; do
    [ -e "$internal/$f" ] || fail "the bundle lacks _internal/$f"
  done
  for f in assets/translations/*.qm; do
    [ -e "$f" ] || continue
    [ -e "$internal/socialtime/$f" ] || fail "the bundle lacks _internal/socialtime/$f"
  done
  # Every module of the socialtime package (probes and UI are imported inside functions) and
  # matplotlib's QtAgg, Agg and SVG backends are in the archive; tkinter is not.
  "$PY" -m PyInstaller.utils.cliutils.archive_viewer -r -b "$app/socialtime" > "$tmp/pyz.txt" \
    || fail "pyi-archive_viewer cannot read the executable"
  "$PY" - "$tmp/pyz.txt" <<'PY' || fail "modules missing from the frozen app (above)"
import sys
from pathlib import Path

listed = {line.strip().strip("',") for line in open(sys.argv[1])}
want = {
    ".".join(p.with_suffix("").parts).removesuffix(".__init__")
    for p in Path("socialtime").rglob("*.py")
}
want |= {f"matplotlib.backends.backend_{b}" for b in ("qtagg", "agg", "svg")}
missing = sorted(m for m in want if m not in listed)
present = sorted(m for m in listed if m.split(".")[0] in ("tkinter", "_tkinter"))
for m in missing:
    print(f"   missing module: {m}", file=sys.stderr)
for m in present:
    print(f"   unwanted module: {m}", file=sys.stderr)
print(f"   archive: all {len(want) - 3} socialtime modules, matplotlib QtAgg/Agg/SVG; no tkinter")
sys.exit(1 if missing or present else 0)
PY
  # Trimmed: nothing of these may be in the folder.
  unwanted=$(cd "$internal" && find . \( -name '_tkinter*' -o -name 'tcl*' -o -name 'libQt6Qml*' \
    -o -name 'libQt6Quick*' -o -name 'libQt6WebEngine*' -o -name 'QtQml*' -o -name 'QtQuick*' \
    -o -name 'QtWebEngine*' -o -name 'QtDBus.abi3.so' -o -name 'libqgtk3.so' -o -name 'libgtk-3*' \
    -o -name 'libX11.so*' -o -name 'libfontconfig.so*' \) -print)
  [ -z "$unwanted" ] || fail "the bundle should not contain: $unwanted"
  echo "   size $(du -sh "$app" | cut -f1), $(find "$app" -type f | wc -l) files; no tkinter, Qml, Quick, WebEngine, GTK, system X11/fontconfig"

  # The frozen app runs: --version, report on an empty data dir, report --json.
  got=$("$app/socialtime" --version) || fail "socialtime --version failed"
  [ "$got" = "socialtime $version" ] || fail "--version printed '$got', expected 'socialtime $version'"
  mkdir -p "$tmp/data" "$tmp/bin"
  "$app/socialtime" report --data-dir "$tmp/data" > "$tmp/report.txt" \
    || fail "socialtime report on an empty data dir failed"
  [ -s "$tmp/report.txt" ] || fail "socialtime report printed nothing"
  # Through a symbolic link, as /usr/bin/socialtime runs it.
  ln -s "$PWD/$app/socialtime" "$tmp/bin/socialtime"
  "$tmp/bin/socialtime" report --json --data-dir "$tmp/data" > "$tmp/report.json" \
    || fail "socialtime report --json (through a symlink) failed"
  python3 - "$tmp/report.json" <<'PY' || fail "report --json is not the expected JSON (above)"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["active_seconds"] == 0 and doc["social_seconds"] == 0 and doc["sites"] == {}, doc
PY
  echo "   frozen app: --version '$got'; report on an empty data dir: '$(head -n2 "$tmp/report.txt" | tr '\n' ' ')'; report --json parses"

  # The tray application itself, offscreen, asked for its dashboard (Qt plugins, SVG icons,
  # matplotlib's Qt backend): still running after 10 s, no traceback. Its own home and runtime
  # dirs; nothing is recorded (no consent).
  gui=$tmp/gui
  mkdir -p "$gui/run" && chmod 700 "$gui/run"
  status=0
  HOME=$gui XDG_RUNTIME_DIR=$gui/run XDG_CONFIG_HOME=$gui/config XDG_DATA_HOME=$gui/share \
    XDG_CACHE_HOME=$gui/cache timeout -k 5 10 "$app/socialtime" --data-dir "$gui/data" \
    --show dashboard > "$gui/out.txt" 2>&1 || status=$?
  if [ "$status" != 124 ] || grep -qiE "traceback|error|could not|cannot|no module" "$gui/out.txt"; then
    cat "$gui/out.txt" >&2
    fail "the tray application (offscreen, --show dashboard) exited with $status or printed errors"
  fi
  echo "   tray app offscreen with --show dashboard: running after 10 s, no error"
}

# --- Debian package ----------------------------------------------------------------------------
check_deb() {
  deb=$(PY=$PY sh packaging/build.sh deb | tail -n1)
  [ -f "$deb" ] || fail "no .deb was built"
  echo "   $deb ($(du -h "$deb" | cut -f1))"
  dpkg-deb --info "$deb" > "$tmp/info.txt" || fail "dpkg-deb --info failed"
  dpkg-deb --contents "$deb" > "$tmp/contents.txt" || fail "dpkg-deb --contents failed"
  for field in "Package: socialtime" "Version: $version-" "Depends: .*libc6" "Depends: .*libxcb-cursor0" \
    "Depends: .*libegl1"; do
    grep -q "^ $field" "$tmp/info.txt" || fail "control lacks '$field'"
  done
  dpkg-deb --info "$deb" conffiles | grep -qx /etc/socialtime/policy.toml \
    || fail "/etc/socialtime/policy.toml is not a conffile"
  for path in ./opt/socialtime/socialtime ./opt/socialtime/_internal/socialtime/assets/sites.toml \
    "./usr/bin/socialtime -> /opt/socialtime/socialtime" \
    ./usr/share/applications/socialtime.desktop \
    ./usr/share/icons/hicolor/scalable/apps/socialtime.svg \
    ./usr/share/socialtime/socialtime-invite.desktop ./etc/socialtime/policy.toml \
    ./etc/socialtime/policy.d/ ./usr/share/doc/socialtime/copyright \
    ./usr/share/doc/socialtime/changelog.Debian.gz ./usr/share/doc/socialtime/README.Debian \
    ./usr/share/man/man1/socialtime.1.gz ./usr/share/lintian/overrides/socialtime \
    ./usr/share/gnome-shell/extensions/socialtime@socialtime.org/extension.js \
    ./usr/share/gnome-shell/extensions/socialtime@socialtime.org/metadata.json \
    ./usr/share/gnome-shell/extensions/socialtime-gnome43@socialtime.org/extension.js \
    ./usr/share/gnome-shell/extensions/socialtime-gnome43@socialtime.org/metadata.json; do
    grep -q " $path\$" "$tmp/contents.txt" || fail "the package lacks $path"
  done
  # The login invitation is shipped but not active: nothing in an autostart folder.
  if grep -q "/autostart/" "$tmp/contents.txt"; then fail "the package must not install an autostart entry"; fi
  if grep -v " root/root " "$tmp/contents.txt" | grep -q .; then fail "files not owned by root"; fi
  echo "   contents: $(wc -l < "$tmp/contents.txt") entries, all root:root; conffile /etc/socialtime/policy.toml; no autostart entry"
  echo "   $(grep '^ Depends:' "$tmp/info.txt" | cut -c1-110)..."

  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate packaging/debian/socialtime.desktop packaging/debian/socialtime-invite.desktop \
      || fail "desktop-file-validate"
  fi
  grep -qx "Exec=socialtime --invite" packaging/debian/socialtime-invite.desktop \
    || fail "socialtime-invite.desktop does not run socialtime --invite"
  dist/pyinstaller/socialtime/socialtime --help | grep -q -- "--invite" \
    || fail "the frozen app has no --invite option, which the login entry runs"

  lint_start=$(now)
  status=0
  lintian --display-info --fail-on error,warning "$deb" > "$tmp/lintian.txt" 2>&1 || status=$?
  tags=$(grep -E '^[EWIXP]: ' "$tmp/lintian.txt" || true)
  if [ "$status" != 0 ] || [ -n "$tags" ]; then
    cat "$tmp/lintian.txt" >&2
    fail "lintian exit status $status, tags above: fix them or override them with a reason in packaging/debian/lintian-overrides"
  fi
  echo "   lintian (errors, warnings, info; $(echo "$(now) $lint_start" | awk '{printf "%.0f", $1 - $2}') s): exit 0, no tag left ($(grep -c '^[a-z]' packaging/debian/lintian-overrides) overrides, each with its reason)"

  # Install, remove and purge in a throwaway root (dpkg --root; no maintainer scripts).
  root=$tmp/root
  mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
  : > "$root/var/lib/dpkg/status"
  dpkg --root="$root" --force-not-root --force-depends -i "$deb" > "$tmp/dpkg.txt" 2>&1 \
    || { cat "$tmp/dpkg.txt" >&2; fail "dpkg -i into a throwaway root failed"; }
  [ "$(readlink "$root/usr/bin/socialtime")" = /opt/socialtime/socialtime ] || fail "/usr/bin/socialtime link"
  got=$("$root/opt/socialtime/socialtime" --version) || fail "the installed app does not run"
  [ "$got" = "socialtime $version" ] || fail "the installed app printed '$got'"
  dpkg --root="$root" --force-not-root -s socialtime | grep -q "^ /etc/socialtime/policy.toml " \
    || fail "dpkg does not know policy.toml as a conffile"
  dpkg --root="$root" --force-not-root -r socialtime > "$tmp/dpkg.txt" 2>&1 || fail "dpkg -r failed"
  left=$(cd "$root" && find . -path ./var -prune -o ! -type d -print)
  [ "$left" = "./etc/socialtime/policy.toml" ] || fail "after removal, expected only the conffile, found: $left"
  dpkg --root="$root" --force-not-root -P socialtime > "$tmp/dpkg.txt" 2>&1 || fail "dpkg -P failed"
  left=$(cd "$root" && find . -path ./var -prune -o -print | grep -v '^\.$' || true)
  [ -z "$left" ] || fail "after purge, left behind: $left"
  echo "   throwaway root: installed (the app runs: '$got'), removed (the conffile stays), purged (nothing left)"
}

# --- MSI ------------------------------------------------------------------------------------
check_msi() {
  echo "   NOTE: the payload is the Linux build standing in for the Windows one: this checks the"
  echo "   MSI's structure; the MSI itself is not a Windows program."
  msi=$(sh packaging/build.sh msi | tail -n1)
  [ -f "$msi" ] || fail "no MSI was built"
  echo "   $msi ($(du -h "$msi" | cut -f1))"
  python3 packaging/windows/check_msi.py "$msi" "$version" build/msi/payload \
    || fail "the MSI lacks what is named above"
  python3 packaging/windows/wixl_fixups.py check packaging/windows/socialtime.wxs "$msi" \
    || fail "the MSI lacks the .wxs's component conditions or secure properties"
  msiinfo export "$msi" Registry > "$tmp/registry.idt"
}

# --- MSI install logic under wine ----------------------------------------------------------
# Debian's wine64 runs msiexec: install with properties (values written only when given, a bad
# 0/1 value refused), uninstall (everything gone). The files are the Linux stand-in's: only the
# installer's logic is exercised, not socialtime on Windows.
check_msi_wine() {
  wine=/usr/lib/wine/wine64
  if [ ! -x "$wine" ]; then
    echo "   skipped: wine64 is not installed (apt install wine64)"
    return 0
  fi
  (
    export WINEPREFIX="$tmp/wine" WINEDEBUG=-all
    unset DISPLAY WAYLAND_DISPLAY
    trap '/usr/lib/wine/wineserver -k 2>/dev/null || true' EXIT
    cp "$msi" "$tmp/s.msi"
    msi_win="Z:$(echo "$tmp/s.msi" | tr / '\\')"
    policies() {
      "$wine" reg query 'HKLM\SOFTWARE\Policies\socialtime' 2>/dev/null | tr -d '\r' | grep REG_ || true
      "$wine" reg query 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Run' 2>/dev/null \
        | tr -d '\r' | grep socialtime || true
    }
    "$wine" wineboot --init >/dev/null 2>&1 || fail "wineboot failed"
    if "$wine" msiexec /i "$msi_win" /qn INVITE_AT_LOGIN=7 >/dev/null 2>&1; then
      fail "msiexec accepted INVITE_AT_LOGIN=7"
    fi
    "$wine" msiexec /i "$msi_win" /qn INVITE_AT_LOGIN=1 TEAM_SUMMARIES_ALLOWED=0 \
      WORK_HOURS="09:00-12:30, 13:30-18:00" >/dev/null 2>&1 || fail "msiexec /i failed"
    got=$(policies)
    for want in "InviteAtLogin    REG_DWORD    0x1" "TeamSummariesAllowed    REG_DWORD    0x0" \
      "WorkHoursMon    REG_SZ    09:00-12:30, 13:30-18:00" "WorkHoursFri    REG_SZ    09:00-12:30, 13:30-18:00" \
      'socialtime-invite    REG_SZ    "C:\Program Files\socialtime\socialtime.exe" --invite'; do
      printf "%s\n" "$got" | grep -qF "$want" || { printf "%s\n" "$got" >&2; fail "after install, no '$want'"; }
    done
    if printf "%s\n" "$got" | grep -q "TeamGoalFile\|DisabledSites\|WorkHoursSat"; then
      printf "%s\n" "$got" >&2; fail "values written that were not given"
    fi
    [ -f "$WINEPREFIX/drive_c/Program Files/socialtime/socialtime.exe" ] || fail "no socialtime.exe installed"
    "$wine" msiexec /x "$msi_win" /qn >/dev/null 2>&1 || fail "msiexec /x failed"
    left=$(policies)
    [ -z "$left" ] || { echo "$left" >&2; fail "after uninstall, registry values are left"; }
    [ ! -e "$WINEPREFIX/drive_c/Program Files/socialtime" ] || fail "after uninstall, files are left"
    echo "   wine msiexec: INVITE_AT_LOGIN=7 refused; /i with 3 properties wrote exactly their values"
    echo "   and the Run value; /x removed files, values and the Run value"
  )
}

# --- ADMX/ADML ------------------------------------------------------------------------------
check_admx() {
  if command -v xmllint >/dev/null; then
    xmllint --noout packaging/windows/admx/socialtime.admx packaging/windows/admx/*/socialtime.adml \
      packaging/windows/socialtime.wxs packaging/macos/socialtime.mobileconfig || fail "xmllint"
    echo "   xmllint: ADMX, ADMLs, .wxs and .mobileconfig are well-formed"
  fi
  python3 packaging/windows/check_admx.py packaging/windows/admx || fail "ADMX/ADML (above)"
}

# --- example policies -----------------------------------------------------------------------
check_policies() {
  "$PY" packaging/check_policy_files.py "$tmp/registry.idt" \
    || fail "the example policies do not match what socialtime reads (above)"
}

total_start=$(now)
step tools check_tools
step wheel check_wheel
step pyinstaller check_pyinstaller
step deb check_deb
step msi check_msi
step msi-wine check_msi_wine
step admx check_admx
step policies check_policies
current=done
total=$(echo "$(now) $total_start" | awk '{printf "%.1f", $1 - $2}')
echo "== packaging check passed: wheel, sdist, PyInstaller folder, .deb, MSI (stand-in payload; its install logic under wine), ADMX/ADML, example policies"
printf '%s' "$summary"
printf '  %-12s %7s s\n' total "$total"
echo "   not checked here: the macOS recipe (packaging/macos, no Mac), the MSI on real Windows"
echo "packaging: $passed passed, 0 failed"
