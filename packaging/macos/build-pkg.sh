#!/bin/sh
# UNTESTED HERE (no Mac in this project's CI): the macOS recipe, to run on a Mac.
#
#   python3 -m venv .venv && .venv/bin/pip install -e . pyinstaller
#   sh packaging/macos/build-pkg.sh
#
# 1. PyInstaller builds dist/pyinstaller/socialtime.app from packaging/pyinstaller/socialtime.spec
#    (its BUNDLE part: bundle id org.socialtime.socialtime, LSUIElement = a menu-bar app with no
#    Dock icon). Set SOCIALTIME_CODESIGN_IDENTITY="Developer ID Application: ..." to sign it.
# 2. pkgbuild wraps it into dist/socialtime-<version>.pkg, installed to /Applications; set
#    SOCIALTIME_INSTALLER_IDENTITY="Developer ID Installer: ..." to sign the package.
# 3. Notarise and staple (needs an Apple account; see README.md):
#      xcrun notarytool submit dist/socialtime-<version>.pkg --keychain-profile PROFILE --wait
#      xcrun stapler staple dist/socialtime-<version>.pkg
# Nothing starts at login and nothing is recorded until each user accepts the notice.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
[ "$(uname -s)" = Darwin ] || { echo "build-pkg: run this on macOS" >&2; exit 1; }
PY=${PY:-.venv/bin/python}
version=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')

"$PY" -m PyInstaller --noconfirm --clean --distpath dist/pyinstaller --workpath build/pyinstaller \
  packaging/pyinstaller/socialtime.spec
app=dist/pyinstaller/socialtime.app
[ -d "$app" ] || { echo "build-pkg: $app was not built" >&2; exit 1; }
/usr/libexec/PlistBuddy -c 'Print :LSUIElement' "$app/Contents/Info.plist"

pkg=dist/socialtime-$version.pkg
set -- --component "$app" --install-location /Applications \
  --identifier org.socialtime.socialtime --version "$version"
if [ -n "${SOCIALTIME_INSTALLER_IDENTITY:-}" ]; then
  set -- "$@" --sign "$SOCIALTIME_INSTALLER_IDENTITY"
fi
pkgbuild "$@" "$pkg"
pkgutil --check-signature "$pkg" || true
echo "$pkg"
