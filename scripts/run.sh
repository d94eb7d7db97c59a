#!/usr/bin/env bash
# Set everything up (including the GUI system libraries) and start CCHC Desktop.
# With no arguments the application opens its default workspace; any arguments
# are passed on to `python -m cchc_desktop`.
# Without a display (no DISPLAY / WAYLAND_DISPLAY) it runs inside Xvfb.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash "$ROOT/scripts/setup.sh" --gui

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    if ! command -v xvfb-run >/dev/null 2>&1; then
        echo "run: no DISPLAY/WAYLAND_DISPLAY and xvfb-run is not installed (apt-get install xvfb xauth)" >&2
        exit 1
    fi
    echo "run: no DISPLAY or WAYLAND_DISPLAY; running inside a virtual X server (xvfb-run, 1366x768)" >&2
    exec xvfb-run -a -s "-screen 0 1366x768x24" "$ROOT/.venv/bin/python" -m cchc_desktop "$@"
fi

exec "$ROOT/.venv/bin/python" -m cchc_desktop "$@"
