#!/usr/bin/env bash
# Smoke test of the frozen bundle (after packaging/build.sh):
#
#   packaging/smoke_test.sh [BUNDLE_DIR]        (default: dist/coprod-desktop)
#
# Runs the frozen `coprod` (version, demo, list, show, report brief, check, Danish messages, the
# PostgreSQL driver) and starts the frozen GUI offscreen — and on X11 under Xvfb when xvfb-run is
# installed — asking it to quit by itself (COPROD_QUIT_AFTER_MS). Everything happens in a
# temporary folder with its own HOME and XDG folders, from outside the checkout, with a minimal
# environment, so the bundle must be self-contained. Exit 0 when every check passed.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bundle=$(cd "${1:-$root/dist/coprod-desktop}" 2>/dev/null && pwd) || {
    echo "no bundle at ${1:-$root/dist/coprod-desktop}: run packaging/build.sh first" >&2
    exit 2
}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/pyproject.toml" | head -1)
gui_timeout=${SMOKE_GUI_TIMEOUT:-60}  # seconds the GUI may take to start and quit (slow CI)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/data"
db="$tmp/portfolio.sqlite"
cd "$tmp" || exit 2

# A clean, minimal environment: nothing from a venv, the checkout or the user's settings.
# Always called in a subshell ($(...), a pipeline or &), so exec keeps $! the program's own pid.
run() {
    exec env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 \
        XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share" \
        XDG_CACHE_HOME="$tmp/home/.cache" XDG_RUNTIME_DIR="$tmp/home" \
        COPROD_DATA_DIR="$tmp/data" "$@"
}

failures=0
pass() { echo "ok    $1"; }
fail() {
    echo "FAIL  $1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | tail -25 | sed 's/^/      /'
    failures=$((failures + 1))
}
# check NAME EXPECTED_EXIT COMMAND...: run it and compare the exit code; keeps output in $out
check() {
    local name=$1 expected=$2
    shift 2
    out=$(run "$@" 2>&1)
    local code=$?
    if [ "$code" -eq "$expected" ]; then pass "$name"; else fail "$name (exit $code, expected $expected)" "$out"; fi
    return $((code != expected))
}

coprod="$bundle/coprod"
gui="$bundle/coprod-desktop"
echo "== smoke test of $bundle ($(du -sm "$bundle" | cut -f1) MB unpacked)"
for exe in "$coprod" "$gui"; do
    [ -x "$exe" ] || { fail "executable $exe"; exit 1; }
done
dangling=$(find "$bundle" -xtype l)
if [ -z "$dangling" ]; then pass "no dangling symlinks in the bundle"; else fail "dangling symlinks" "$dangling"; fi

check "coprod --version" 0 "$coprod" --version &&
    { [ "$out" = "coprod $version" ] || fail "coprod --version says '$out', pyproject.toml says $version"; }
check "coprod demo (new database: migrations run from the bundle)" 0 "$coprod" --db "$db" demo
check "coprod list" 0 "$coprod" --db "$db" list &&
    { grep -q "CP-2024-001" <<<"$out" || fail "coprod list shows no CP-2024-001" "$out"; }
check "coprod list --format json" 0 "$coprod" --db "$db" list --format json &&
    { grep -q '"reference"' <<<"$out" || fail "coprod list --format json" "$out"; }
check "coprod show CP-2024-001 --format json" 0 "$coprod" --db "$db" show CP-2024-001 --format json
check "coprod --lang da list (Danish messages)" 0 "$coprod" --lang da --db "$db" list
check "coprod check (integrity, schema version)" 0 "$coprod" --db "$db" check
check "coprod import of a bad file exits 3" 3 "$coprod" --db "$db" import "$tmp/missing.json"

if run "$coprod" --help 2>&1 | grep -qE '^ +report '; then
    if check "coprod report brief CP-2024-001 -o brief.pdf" 0 \
        "$coprod" --db "$db" report brief CP-2024-001 -o "$tmp/brief.pdf"; then
        if [ "$(head -c 5 "$tmp/brief.pdf")" = "%PDF-" ] && [ "$(wc -c <"$tmp/brief.pdf")" -gt 2000 ]; then
            pass "brief.pdf is a PDF ($(wc -c <"$tmp/brief.pdf") bytes)"
        else
            fail "brief.pdf is not a PDF"
        fi
        grep -aq "DejaVu" "$tmp/brief.pdf" && pass "brief.pdf embeds the bundled DejaVu fonts" ||
            fail "brief.pdf does not embed the bundled fonts"
    fi
else
    fail "coprod has no 'report' command yet (report brief not tested)"
fi

# The PostgreSQL driver is in the bundle: an unreachable server is a database problem (exit 4),
# not a missing module (exit 1 with a traceback).
check "postgresql+psycopg URL, server unreachable: exit 4" 4 \
    "$coprod" --db "postgresql+psycopg://smoke@127.0.0.1:9/none" list

# The GUI: start it, let it show the main window and the database, and have it quit by itself.
gui_run() {
    local name=$1 log="$tmp/gui-$1.log"
    shift
    rm -f "$tmp/data/coprod-desktop.log"
    run COPROD_QUIT_AFTER_MS=3000 "$@" "$gui" --db "$db" >"$log" 2>&1 &
    local pid=$! waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt "$gui_timeout" ]; do
        sleep 1
        waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null
        sleep 2
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        fail "GUI ($name) still running after ${gui_timeout}s: it started, but did not quit by itself (does it honour COPROD_QUIT_AFTER_MS?)" "$(cat "$log")"
        return
    fi
    wait "$pid"
    local code=$?
    if [ "$code" -ne 0 ]; then
        fail "GUI ($name) exited with $code" "$(cat "$log"; cat "$tmp/data/coprod-desktop.log" 2>/dev/null)"
    elif grep -qiE "unexpected error|Traceback" "$log" "$tmp/data/coprod-desktop.log" 2>/dev/null; then
        fail "GUI ($name) logged an error" "$(cat "$log" "$tmp/data/coprod-desktop.log" 2>/dev/null)"
    elif grep -qiE "could not (find|load) the Qt platform plugin" "$log"; then
        fail "GUI ($name): Qt platform plugin problem" "$(cat "$log")"
    else
        pass "GUI ($name) started and quit cleanly after ${waited}s"
    fi
}
gui_run offscreen QT_QPA_PLATFORM=offscreen
if command -v xvfb-run >/dev/null; then
    # The xcb platform plugin against the system's X libraries (see packaging/linux/README.md).
    gui_run xcb QT_QPA_PLATFORM=xcb "$(command -v xvfb-run)" -a
else
    echo "skip  GUI on X11 (xcb): xvfb-run is not installed"
fi

if [ "$failures" -eq 0 ]; then
    echo "== smoke test passed"
else
    echo "== smoke test: $failures check(s) failed"
fi
exit $((failures > 0))
