#!/bin/sh
# Set up socialtime from this checkout on Debian 12 / Ubuntu with Python 3.11+.
#   sh packaging/setup.sh app    install what the app needs and start it
#   sh packaging/setup.sh test   install what the tests need and run every check and test
# Debian packages are installed only when missing (with sudo when not root); Python packages go
# into .venv in the checkout, so nothing touches the system Python.
set -eu
mode=${1:-}
case "$mode" in
  app|test) ;;
  *) echo "usage: sh packaging/setup.sh app|test" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

# Qt's own system libraries (offscreen and X11), then the X server tools the end-to-end tests use.
debs="libegl1 libgl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 libxcb-cursor0
  libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0"
if [ "$mode" = test ]; then
  debs="$debs xvfb xauth openbox xdotool xterm x11-utils imagemagick trayer"
  # Lock and suspend tests: a private dbus-daemon, signals raised with dbus-send.
  debs="$debs dbus"
  # The browser extension: end to end in Debian's Chromium; its script's unit test runs on Node.
  debs="$debs chromium nodejs"
  # Watching is not idle: a PulseAudio null sink for Chromium and paplay to play into, pactl
  # (the recorder's source), openssl for the loopback youtube.com certificate of the e2e test.
  debs="$debs pulseaudio pulseaudio-utils openssl"
  # Native Wayland end to end: headless sway and foot windows, run by a test user with a venv
  # of Debian's python3 (tests/support/desktop_user.py), since no compositor runs as root.
  debs="$debs sway foot python3-venv"
  # Headless KWin 5.27 for the KDE end to end (tests/support/kwin_session.py): 137 packages, ~40 MB
  # to download, ~170 MB installed, ~35 s here (Qt 5 and KDE Frameworks; no recommends).
  debs="$debs kwin-wayland"
  # GNOME end to end: a headless GNOME Shell 43 (about 95 MB to download, 375 MB installed,
  # ~35 s to install here), gsettings to enable socialtime's Shell extension.
  debs="$debs gnome-shell libglib2.0-bin"
  # Real Firefox ESR, native on Wayland under the headless sway (tests/e2e/test_e2e_firefox_wayland.py):
  # one package once the above are in (its libraries come with them), ~80 MB to download,
  # ~310 MB installed, ~14 s to install here from the downloaded .deb.
  debs="$debs firefox-esr"
fi
if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
  debs="$debs python3-venv"
fi
# Install the Debian packages named in $@ that are not installed yet.
install_missing() {
  missing=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "Installing Debian packages:$missing"
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
  fi
}
# shellcheck disable=SC2086 # one word per package
install_missing $debs

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "socialtime needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv

if [ "$mode" = app ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check .
  exec .venv/bin/socialtime
fi

.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
echo "== ruff"
.venv/bin/ruff check socialtime tests packaging
.venv/bin/ruff format --check socialtime tests packaging
echo "== mypy"
.venv/bin/mypy
# pytest exits 5 when it collected no test: that is a failure here, never a pass.
run_pytest() {
  status=0
  .venv/bin/python -m pytest "$@" || status=$?
  if [ "$status" = 5 ]; then
    echo "pytest collected no tests: that is a failure" >&2
    exit 1
  fi
  [ "$status" = 0 ] || exit "$status"
}
echo "== pytest"
run_pytest --ignore=tests/bench
echo "== benchmarks (figures to read, not timed assertions)"
run_pytest tests/bench -q -s

# Packages (packaging/check.sh): the wheel and sdist, the PyInstaller folder, the .deb, the MSI
# (stand-in payload, installed and removed under wine), the ADMX/ADML and example policies,
# each built and checked. Its Debian tools are installed only when missing; PyInstaller and
# build come with the `package` extra. SOCIALTIME_SKIP_PACKAGING=1 skips this part (~2 min).
if [ "${SOCIALTIME_SKIP_PACKAGING:-}" = 1 ]; then
  echo "== packaging: skipped (SOCIALTIME_SKIP_PACKAGING=1)"
else
  debs="binutils dpkg-dev lintian wixl msitools libxml2-utils desktop-file-utils wine64"
  # PyInstaller needs the interpreter's shared library: Debian's python has it in a package.
  case "$(.venv/bin/python -c 'import sys; print(sys.base_prefix)')" in
    /usr) debs="$debs libpython$(.venv/bin/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')" ;;
  esac
  # shellcheck disable=SC2086 # one word per package
  install_missing $debs
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[package]'
  sh packaging/check.sh
fi
