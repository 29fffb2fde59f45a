#!/bin/sh
# Build the Windows installer from socialtime.wxs with wixl (Debian: apt install wixl msitools).
#
#   sh packaging/windows/build-msi.sh [PAYLOAD_DIR]
#
# PAYLOAD_DIR is the PyInstaller one-folder build made ON WINDOWS (socialtime.exe,
# socialtime-cli.exe, _internal\): the MSI then goes to dist/socialtime-<version>-x64.msi.
#
# Without PAYLOAD_DIR (what packaging/check.sh does on Linux), the Linux one-folder build
# (dist/pyinstaller/socialtime) is used as a STAND-IN payload, its executable copied under the
# two .exe names, only to build and inspect the MSI's structure (tables, registry values,
# shortcut, conditions). That MSI goes to build/msi/ and is NOT a working Windows program.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
for tool in wixl wixl-heat msibuild; do
  command -v "$tool" >/dev/null || {
    echo "build-msi: $tool is missing (Debian: apt install wixl msitools)" >&2; exit 1; }
done
version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
work=build/msi
rm -rf "$work"
mkdir -p "$work"

if [ $# -ge 1 ]; then
  payload=$1
  msi=dist/socialtime-$version-x64.msi
  [ -f "$payload/socialtime.exe" ] || { echo "build-msi: no socialtime.exe in $payload" >&2; exit 1; }
else
  bundle=dist/pyinstaller/socialtime
  [ -x "$bundle/socialtime" ] || {
    echo "build-msi: $bundle is missing: run sh packaging/build.sh pyinstaller first" >&2; exit 1; }
  echo "build-msi: STAND-IN payload: the Linux build $bundle, to check the MSI's structure only"
  payload=$work/payload
  cp -al "$bundle" "$payload" 2>/dev/null || cp -a "$bundle" "$payload"
  mv "$payload/socialtime" "$payload/socialtime.exe"
  ln "$payload/socialtime.exe" "$payload/socialtime-cli.exe" 2>/dev/null \
    || cp "$payload/socialtime.exe" "$payload/socialtime-cli.exe"
  msi=$work/socialtime-$version-x64-STAND-IN.msi
fi

# The file list of _internal\ (one component per file, GUIDs derived by wixl).
(cd "$payload" && find _internal -type f | LC_ALL=C sort) | sed 's|^|payload/|' \
  | wixl-heat --var var.PayloadDir --directory-ref INSTALLDIR --component-group CG.Internal \
      -p payload/ --win64 > "$work/payload.wxs"

wixl -a x64 -D Version="$version" -D PayloadDir="$payload" -D Win64=yes -D Wixl=1 \
  -o "$msi" "$here/socialtime.wxs" "$work/payload.wxs"

# What wixl cannot compile (component conditions, secure properties): see wixl_fixups.py.
python3 "$here/wixl_fixups.py" apply "$here/socialtime.wxs" "$msi"
python3 "$here/wixl_fixups.py" check "$here/socialtime.wxs" "$msi"
echo "$msi"
