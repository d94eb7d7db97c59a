#!/usr/bin/env bash
# Set everything up and run the whole test suite with Qt's offscreen platform.
# Extra arguments go to pytest (default: the testpaths in pyproject.toml, i.e. tests/).
# Exits with pytest's exit code (5 = no tests collected is reported, not hidden).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# --gui: Xvfb and the xcb libraries too, so the test that opens the real window on an X server
# (what scripts/run.sh does on a machine without a display) runs instead of being skipped.
# --postgres: Debian's PostgreSQL server, so tests/postgres can start a throwaway one.
bash "$ROOT/scripts/setup.sh" --gui --postgres

export QT_QPA_PLATFORM=offscreen

PYTEST_ARGS=()
if [[ -n "${CI:-}" ]]; then
    PYTEST_ARGS+=(-p no:cacheprovider)
fi

rc=0
"$ROOT/.venv/bin/python" -m pytest "${PYTEST_ARGS[@]}" "$@" || rc=$?
if [[ $rc -eq 5 ]]; then
    echo "test: pytest collected no tests (exit code 5)" >&2
fi
exit "$rc"
