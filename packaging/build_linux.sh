#!/usr/bin/env bash
# Build the Linux bundle: dist/cchc-desktop/ (cchc-desktop = the GUI, cchc = the command line),
# then run its smoke test (packaging/smoke_test.sh).
#
# Usage: bash packaging/build_linux.sh [--no-smoke]
#
# Output folders: CCHC_DIST_DIR (default dist/) and CCHC_BUILD_DIR (default build/, PyInstaller's
# work files); tests/packaging/test_bundle.py points them at a temporary folder.
#
# On a fresh Debian 12 as root it installs what is missing (Qt's system libraries through
# scripts/setup.sh, binutils for PyInstaller) and the build extra into .venv
# (pip install -e '.[build]': PyInstaller, pinned).  Takes about a minute on two cores.
# PyInstaller is not a cross-compiler: this builds for Linux only (Windows: build_windows.ps1).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf 'build: %s\n' "$*" >&2; }
trap 'log "FAILED (line $LINENO, exit $?)"' ERR

SMOKE=1
for arg in "$@"; do
    case "$arg" in
        --no-smoke) SMOKE=0 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) log "unknown argument: $arg (expected --no-smoke)"; exit 2 ;;
    esac
done

# Qt's system libraries and .venv with the project (idempotent, quick when done already).
bash "$ROOT/scripts/setup.sh"

# PyInstaller calls objdump, objcopy and strip (binutils) and ldd.
if ! command -v objcopy >/dev/null 2>&1 || ! command -v objdump >/dev/null 2>&1; then
    if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "installing binutils (objdump, objcopy, strip)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends binutils </dev/null >/dev/null
    else
        log "PyInstaller needs binutils: sudo apt-get install --no-install-recommends binutils"
        exit 1
    fi
fi

VPY="$ROOT/.venv/bin/python"
WANT="$(sed -n 's/.*"pyinstaller==\([^"]*\)".*/\1/p;T;q' pyproject.toml)"
HAVE="$("$VPY" -c 'import PyInstaller; print(PyInstaller.__version__)' 2>/dev/null || true)"
if [[ -z "$WANT" || "$HAVE" != "$WANT" ]]; then
    log "installing the build extra into .venv (pip install -e '.[build]')"
    "$VPY" -m pip install -q --disable-pip-version-check -e '.[build]'
fi

DIST="${CCHC_DIST_DIR:-$ROOT/dist}"
WORK="${CCHC_BUILD_DIR:-$ROOT/build}"
log "PyInstaller $("$VPY" -c 'import PyInstaller; print(PyInstaller.__version__)'): packaging/cchc.spec -> $DIST/cchc-desktop"
START=$SECONDS
rm -rf "$DIST/cchc-desktop"
"$VPY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" "$ROOT/packaging/cchc.spec"
log "built $DIST/cchc-desktop in $((SECONDS - START)) s, $(du -sh "$DIST/cchc-desktop" | cut -f1)"

if (( SMOKE )); then
    bash "$ROOT/packaging/smoke_test.sh" "$DIST/cchc-desktop"
fi
