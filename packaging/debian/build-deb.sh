#!/bin/sh
# Build dist/socialtime_<version>_<arch>.deb from the PyInstaller folder (dist/pyinstaller/socialtime,
# made by `sh packaging/build.sh pyinstaller`). Run from anywhere; needs dpkg-deb, dpkg-shlibdeps
# (dpkg-dev) and the .venv that made the build (for the licence texts).
#
# Layout: /opt/socialtime (the frozen app), /usr/bin/socialtime -> /opt/socialtime/socialtime,
# the menu entry and icon, the example policy /etc/socialtime/policy.toml (a conffile, all keys
# commented out), the login invitation /usr/share/socialtime/socialtime-invite.desktop (NOT
# active: see README.Debian), socialtime's GNOME Shell extension in both forms in
# /usr/share/gnome-shell/extensions/ (each loads only on its GNOME versions; enabled per user by
# `socialtime desktop install`), man page, copyright, changelogs, licences, lintian overrides.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
PY=${PY:-.venv/bin/python}
bundle=dist/pyinstaller/socialtime
if [ ! -x "$bundle/socialtime" ]; then
  echo "build-deb: $bundle/socialtime is missing: run sh packaging/build.sh pyinstaller first" >&2
  exit 1
fi

upstream=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
version=$(sed -n '1s/^socialtime (\([^)]*\)).*/\1/p' "$here/changelog")
case "$version" in
  "$upstream"-*) ;;
  *) echo "build-deb: packaging/debian/changelog is at $version but pyproject.toml at $upstream:" \
       "add a changelog entry" >&2; exit 1 ;;
esac
arch=$(dpkg --print-architecture)
# The date of the last changelog entry: file dates, gzip headers and the man page follow it.
SOURCE_DATE_EPOCH=$(date -d "$(sed -n 's/^ -- .*>  //p' "$here/changelog" | head -n1)" +%s)
export SOURCE_DATE_EPOCH

work=build/deb
root=$work/socialtime
rm -rf "$work"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/socialtime" \
  "$root/usr/share/man/man1" "$root/usr/share/doc/socialtime" \
  "$root/usr/share/lintian/overrides" "$root/etc/socialtime/policy.d"

cp -a "$bundle" "$root/opt/socialtime"
ln -s /opt/socialtime/socialtime "$root/usr/bin/socialtime"
install -m 644 "$here/socialtime.desktop" "$root/usr/share/applications/socialtime.desktop"
# The app's icon is the tray's "recording" state (assets/icons): one scalable SVG.
install -m 644 assets/icons/recording.svg "$root/usr/share/icons/hicolor/scalable/apps/socialtime.svg"
install -m 644 "$here/socialtime-invite.desktop" "$root/usr/share/socialtime/socialtime-invite.desktop"
install -m 644 "$here/policy.toml" "$root/etc/socialtime/policy.toml"
# GNOME Shell finds system-wide extensions there; none is enabled by installing the package.
for ext in packaging/gnome-shell-extension/*@socialtime.org; do
  mkdir -p "$root/usr/share/gnome-shell/extensions/${ext##*/}"
  install -m 644 "$ext/metadata.json" "$ext/extension.js" \
    "$root/usr/share/gnome-shell/extensions/${ext##*/}/"
done
# policy.d/ exists so that admins see where drop-in files go; dpkg removes it when empty.
doc=$root/usr/share/doc/socialtime
install -m 644 "$here/copyright" "$doc/copyright"
install -m 644 "$here/README.Debian" "$doc/README.Debian"
gzip -9n < "$here/changelog" > "$doc/changelog.Debian.gz"
gzip -9n < CHANGELOG.md > "$doc/changelog.gz"
gzip -9n < "$here/socialtime.1" > "$root/usr/share/man/man1/socialtime.1.gz"
install -m 644 "$here/lintian-overrides" "$root/usr/share/lintian/overrides/socialtime"
"$PY" packaging/licenses.py "$doc/licenses" >/dev/null

# Ownership is root's (--root-owner-group); modes normalised: directories and the one
# executable 755, everything else (shared libraries included) 644.
find "$root" -type d -exec chmod 755 {} +
find "$root" -type f -exec chmod 644 {} +
chmod 755 "$root/opt/socialtime/socialtime"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

# Depends: what the ELF files of the bundle link from the system (the spec leaves the
# distribution's own libraries out of the bundle), as dpkg-shlibdeps computes it.
mkdir -p "$work/debian"
printf 'Source: socialtime\n\nPackage: socialtime\nArchitecture: any\n' > "$work/debian/control"
elfs=$(cd "$work" && find socialtime/opt -type f \( -name '*.so*' -o -name socialtime \) \
  -exec sh -c 'for f; do head -c4 "$f" | grep -q "ELF" && echo "$f"; done' _ {} +)
libdirs=$(printf '%s\n' $elfs | xargs -n1 dirname | sort -u | sed 's/^/-l/')
# (warnings about useless links inside the wheels' libraries are not ours to fix: quiet)
depends=$(cd "$work" && dpkg-shlibdeps -O --warnings=0 --ignore-missing-info $libdirs \
  $(printf -- '-e%s ' $elfs) 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
if [ -z "$depends" ]; then
  echo "build-deb: dpkg-shlibdeps found no dependency (is dpkg-dev installed?)" >&2
  exit 1
fi
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
  -e "s/@DEPENDS@/$depends/" "$here/control.in" > "$root/DEBIAN/control"
echo /etc/socialtime/policy.toml > "$root/DEBIAN/conffiles"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z \
  | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"

mkdir -p dist
deb=dist/socialtime_${version}_${arch}.deb
# xz with a thread per core (dpkg-deb's default level; -Zxz -z6).
dpkg-deb --root-owner-group -Zxz --threads-max="$(nproc)" --build "$root" "$deb" >/dev/null
echo "$deb"
