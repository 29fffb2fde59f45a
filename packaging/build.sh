#!/bin/sh
# Build socialtime's packages from this checkout (Debian 12 / Ubuntu; run from anywhere).
#
#   sh packaging/build.sh [STEP...]        STEP: wheel pyinstaller deb msi (default: all four)
#
#   wheel        dist/socialtime-<version>-py3-none-any.whl and dist/socialtime-<version>.tar.gz
#                (python -m build: hatchling comes from PyPI into an isolated build env)
#   pyinstaller  dist/pyinstaller/socialtime/ (one-folder app; packaging/pyinstaller/socialtime.spec)
#   deb          dist/socialtime_<version>-<rev>_<arch>.deb from that folder (packaging/debian/)
#   msi          build/msi/socialtime-<version>-x64-STAND-IN.msi: the Windows installer built
#                around the LINUX folder as a stand-in payload, to check the MSI's structure only.
#                For a real MSI, build the app on Windows and run
#                packaging/windows/build-msi.sh PAYLOAD_DIR (see packaging/README.md).
#
# Needs the project's .venv with the `package` extra (pip install -e '.[package]': build,
# PyInstaller) and, for deb and msi, Debian's dpkg-dev, binutils, wixl and msitools;
# `sh packaging/setup.sh test` installs all of them. packaging/check.sh builds and checks all.
# Outputs go to dist/ and build/ (both ignored by git).
set -eu
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

if [ ! -x "$PY" ]; then
  echo "build: $PY is missing: run sh packaging/setup.sh test (or make .venv) first" >&2
  exit 1
fi

build_wheel() {
  rm -f dist/socialtime-*.whl dist/socialtime-*.tar.gz
  mkdir -p build
  "$PY" -m build --outdir dist . >build/wheel.log 2>&1 || { cat build/wheel.log >&2; return 1; }
  ls dist/socialtime-*.whl dist/socialtime-*.tar.gz
}

build_pyinstaller() {
  # Qt stays quiet about the missing display while PyInstaller's hooks import it.
  QT_QPA_PLATFORM=offscreen "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist/pyinstaller --workpath build/pyinstaller packaging/pyinstaller/socialtime.spec
  echo "dist/pyinstaller/socialtime ($(du -sh dist/pyinstaller/socialtime | cut -f1))"
}

build_deb() { PY=$PY sh packaging/debian/build-deb.sh; }

build_msi() { sh packaging/windows/build-msi.sh; }

[ $# -gt 0 ] || set -- wheel pyinstaller deb msi
for step in "$@"; do
  case "$step" in
    wheel|pyinstaller|deb|msi) echo "== build $step"; "build_$step" ;;
    *) echo "usage: sh packaging/build.sh [wheel] [pyinstaller] [deb] [msi]" >&2; exit 2 ;;
  esac
done
