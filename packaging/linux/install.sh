#!/usr/bin/env bash
# Install the frozen bundle (packaging/build.sh) with its menu entry, icons and AppStream data.
#
#   sudo packaging/linux/install.sh            system-wide: /opt/coprod-desktop, /usr/local/bin,
#                                              /usr/local/share/{applications,metainfo,icons}
#   packaging/linux/install.sh --user          for one user: ~/.local/lib/coprod-desktop,
#                                              ~/.local/bin, ~/.local/share/...
#   packaging/linux/install.sh --destdir DIR   into a staging root for a package (build-deb.sh):
#                                              DIR/opt/coprod-desktop, DIR/usr/bin, DIR/usr/share
# A last argument names another bundle folder (default: dist/coprod-desktop).
# The system libraries Qt needs are listed in packaging/linux/README.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=system destdir=""
while [ $# -gt 0 ]; do
    case $1 in
        --user) mode=user ;;
        --destdir) mode=destdir destdir=$(mkdir -p "$2" && cd "$2" && pwd); shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) bundle=$1 ;;
    esac
    shift
done
bundle=$(cd "${bundle:-$root/dist/coprod-desktop}" && pwd)
[ -x "$bundle/coprod-desktop" ] || { echo "no bundle in $bundle: run packaging/build.sh" >&2; exit 1; }

case $mode in
    system) app=/opt/coprod-desktop bin=/usr/local/bin share=/usr/local/share stage="" ;;
    user) app=$HOME/.local/lib/coprod-desktop bin=$HOME/.local/bin share=$HOME/.local/share stage="" ;;
    destdir) app=/opt/coprod-desktop bin=/usr/bin share=/usr/share stage=$destdir ;;
esac
id=dk.coprod.CoprodDesktop

echo "installing $bundle -> $stage$app"
rm -rf "$stage$app"
mkdir -p "$stage$app" "$stage$bin" "$stage$share/applications" "$stage$share/metainfo"
cp -a "$bundle/." "$stage$app/"
ln -sfn "$app/coprod-desktop" "$stage$bin/coprod-desktop"
ln -sfn "$app/coprod" "$stage$bin/coprod"

# The menu entry starts the executable by its full path (~/.local/bin is not always on PATH).
sed -e "s|^Exec=coprod-desktop|Exec=$bin/coprod-desktop|" \
    -e "s|^TryExec=coprod-desktop|TryExec=$bin/coprod-desktop|" \
    "$here/$id.desktop" >"$stage$share/applications/$id.desktop"
chmod 644 "$stage$share/applications/$id.desktop"
install -m 644 "$here/$id.metainfo.xml" "$stage$share/metainfo/$id.metainfo.xml"
for png in "$root"/resources/icons/hicolor/*/apps/coprod-desktop.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    install -D -m 644 "$png" "$stage$share/icons/hicolor/$size/apps/coprod-desktop.png"
done
install -D -m 644 "$root/resources/icons/coprod-desktop.svg" \
    "$stage$share/icons/hicolor/scalable/apps/coprod-desktop.svg"

if [ -z "$stage" ]; then  # refresh the desktop's caches when installing for real
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
fi
echo "done: $bin/coprod-desktop (GUI) and $bin/coprod (command line)"
