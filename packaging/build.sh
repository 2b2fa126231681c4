#!/usr/bin/env bash
# Build the Linux onedir bundle in one command:
#
#   packaging/build.sh            -> dist/coprod-desktop/{coprod-desktop,coprod,_internal/}
#
# It creates (or reuses) a build virtualenv, installs the project with its team-mode extra and
# PyInstaller into it, freezes packaging/coprod-desktop.spec and prints the bundle's size.
# Environment:
#   BUILD_VENV   the virtualenv to use (default: .venv-build in the checkout; created if missing)
#   PYTHON       the interpreter that creates it (default: python3; 3.11 or newer — pyproject.toml
#                keeps Python 3.11 on PySide6 6.11, see README "Python and Qt")
#   BUILD_NO_INSTALL=1  use BUILD_VENV as it is (a development venv that already has the project
#                editable with the postgres and packaging extras)
# Then run packaging/smoke_test.sh to check the result.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
venv=${BUILD_VENV:-$root/.venv-build}
python=${PYTHON:-python3}

if [ ! -x "$venv/bin/python" ]; then
    echo "== creating the build virtualenv $venv"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
fi
if [ "${BUILD_NO_INSTALL:-}" != 1 ]; then
    echo "== installing coprod-desktop (editable, team-mode extra) and PyInstaller into $venv"
    "$venv/bin/python" -m pip install --quiet -e "$root[postgres,packaging]"
fi
"$venv/bin/python" -c "import coprod_desktop, PyInstaller, PySide6.QtPdf" \
    || { echo "the build venv lacks the project, QtPdf or PyInstaller" >&2; exit 1; }
# The bundle freezes this interpreter and Qt binding: refuse one that over-releases None/True/False
# (PySide6 6.12.0 on Python 3.11 aborts the app after ~30,000 Qt calls; README, "Python and Qt").
echo "== checking the Qt binding ($("$venv/bin/python" -c 'import sys, PySide6; print(f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}")'))"
"$venv/bin/python" "$root/packaging/check_qt_binding.py" 3000 1000000 >/dev/null \
    || { echo "this Python + PySide6 combination is unsafe (packaging/check_qt_binding.py failed)" >&2; exit 1; }

version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/pyproject.toml" | head -1)
grep -q "<release version=\"$version\"" "$root/packaging/linux/dk.coprod.CoprodDesktop.metainfo.xml" ||
    echo "warning: packaging/linux/dk.coprod.CoprodDesktop.metainfo.xml has no <release> for $version" >&2

echo "== freezing (PyInstaller onedir)"
cd "$root"
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$root/dist" --workpath "$root/build/pyinstaller" \
    packaging/coprod-desktop.spec

bundle="$root/dist/coprod-desktop"
test -x "$bundle/coprod-desktop" && test -x "$bundle/coprod"
size=$(du -sm "$bundle" | cut -f1)
files=$(find "$bundle" -type f | wc -l)
echo "== built $bundle: ${size} MB unpacked, $files files"
echo "   largest parts of _internal:"
du -sm "$bundle/_internal"/* "$bundle/_internal/PySide6/Qt"/* 2>/dev/null | sort -rn | head -8 | sed 's/^/     /'
if [ "$size" -gt 250 ]; then
    echo "warning: the bundle is larger than the 250 MB aim" >&2
fi
