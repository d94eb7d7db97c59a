#!/usr/bin/env bash
# Set up everything CCHC Desktop needs, idempotently:
#   1. Debian packages Qt needs (installed when running as root with apt-get;
#      otherwise only listed), plus openssl and poppler-utils for the tests;
#      with --gui also Xvfb and the xcb libraries for a real window;
#      with --postgres also Debian's PostgreSQL server (tests/postgres starts a throwaway one).
#   2. A virtual environment in .venv with the project installed editable
#      together with its test and build extras (tests/packaging builds the bundle with
#      PyInstaller). Skipped when pyproject.toml is unchanged since the last successful
#      install (stamp file .venv/.installed-<sha256>).
#
# Usage: bash scripts/setup.sh [--gui] [--postgres]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf 'setup: %s\n' "$*" >&2; }
trap 'log "FAILED (line $LINENO, exit $?)"' ERR

GUI=0
POSTGRES=0
for arg in "$@"; do
    case "$arg" in
        --gui) GUI=1 ;;
        --postgres) POSTGRES=1 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) log "unknown argument: $arg (expected --gui or --postgres)"; exit 2 ;;
    esac
done

VENV="$ROOT/.venv"
VPY="$VENV/bin/python"

# --- Python -----------------------------------------------------------------

py_ok() {  # $1 = interpreter; true if it is >= 3.11
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

find_python() {  # prints the first python >= 3.11 that can create a venv with pip
    local cand path
    for cand in python3.11 python3; do
        path="$(command -v "$cand" 2>/dev/null)" || continue
        if py_ok "$path" && "$path" -c 'import venv, ensurepip' >/dev/null 2>&1; then
            printf '%s\n' "$path"
            return 0
        fi
    done
    return 1
}

venv_ok() {  # .venv exists, runs, is >= 3.11 and has pip
    [[ -x "$VPY" ]] &&
        "$VPY" -c 'import sys, pip; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

# --- System packages ----------------------------------------------------------

PKGS=(
    # Qt offscreen platform (tests, CI)
    libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 libgssapi-krb5-2
    # tools used by the app and the tests; certificates for pip over HTTPS
    openssl poppler-utils ca-certificates softhsm2
    # PyInstaller (the bundle test, packaging/build_linux.sh): objdump, objcopy, strip
    binutils
)
if (( GUI )); then
    PKGS+=(
        xvfb xauth
        libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
        libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
    )
fi
if (( POSTGRES )); then
    # initdb/pg_ctl/postgres for the tests' own throwaway server (docs/postgresql.md); the tests
    # are skipped, saying why, where it cannot be installed.
    PKGS+=(postgresql)
fi
if ! venv_ok && ! find_python >/dev/null; then
    PKGS+=(python3 python3-venv python3-pip)
fi

pkg_installed() {  # same test as: dpkg-query -W -f='${Status}' PKG | grep -q "install ok installed"
    local status                 # (captured first: grep -q + pipefail could report SIGPIPE)
    status="$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" || return 1
    [[ "$status" == *"install ok installed"* ]]
}

if command -v dpkg-query >/dev/null 2>&1; then
    MISSING=()
    for p in "${PKGS[@]}"; do
        pkg_installed "$p" || MISSING+=("$p")
    done
    if (( ${#MISSING[@]} )); then
        if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
            log "installing system packages: ${MISSING[*]}"
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq </dev/null
            apt-get install -y -qq --no-install-recommends "${MISSING[@]}" </dev/null >/dev/null
        else
            log "WARNING: missing system packages (not root, or no apt-get): ${MISSING[*]}"
            log "         install them with: sudo apt-get install --no-install-recommends ${MISSING[*]}"
        fi
    fi
else
    log "note: not a Debian-like system (no dpkg-query); make sure these are present: ${PKGS[*]}"
fi

# --- Virtual environment ------------------------------------------------------

if ! venv_ok; then
    PY="$(find_python)" || {
        log "no python3 >= 3.11 with venv/ensurepip found (on Debian: apt-get install python3 python3-venv)"
        exit 1
    }
    log "creating .venv with $PY ($("$PY" -c 'import sys; print(sys.version.split()[0])'))"
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
    "$VPY" -m pip install -q --disable-pip-version-check --upgrade pip \
        || log "WARNING: could not upgrade pip; continuing with $("$VPY" -m pip --version)"
fi

EXTRAS="test,build"
HASH="$({ cat "$ROOT/pyproject.toml"; echo "$EXTRAS"; } | sha256sum | cut -d' ' -f1)"
STAMP="$VENV/.installed-$HASH"
if [[ ! -f "$STAMP" ]]; then
    log "installing the project and its test and build dependencies into .venv (pip install -e '.[$EXTRAS]')"
    "$VPY" -m pip install -q --disable-pip-version-check -e ".[$EXTRAS]"
    rm -f "$VENV"/.installed-*
    touch "$STAMP"
    log "done"
fi
