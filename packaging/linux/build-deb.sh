#!/usr/bin/env bash
# Wrap the frozen bundle (packaging/build.sh) in a .deb: dist/coprod-desktop_VERSION_ARCH.deb
# Its Depends are the system libraries Qt's xcb platform needs (see packaging/linux/README.md);
# build on the oldest Debian/Ubuntu release you support (the bundle needs its glibc or newer).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/pyproject.toml" | head -1)
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
chmod 755 "$stage"
trap 'rm -rf "$stage"' EXIT

"$here/install.sh" --destdir "$stage" "${1:-$root/dist/coprod-desktop}"
mkdir -p "$stage/DEBIAN"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" \
    -e "s/@SIZE@/$(du -sk "$stage" | cut -f1)/" "$here/debian-control" >"$stage/DEBIAN/control"
deb="$root/dist/coprod-desktop_${version}_${arch}.deb"
dpkg-deb --root-owner-group ${DEB_COMPRESSION:+-Z"$DEB_COMPRESSION"} --build "$stage" "$deb"
ls -l "$deb"
