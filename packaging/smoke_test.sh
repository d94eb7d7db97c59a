#!/usr/bin/env bash
# Smoke test of a built bundle: only the bundle's own programs and files are used, with a
# throw-away HOME so nothing is read from or left in the user's settings.
#
# Usage: bash packaging/smoke_test.sh [BUNDLE]      (default: dist/cchc-desktop)
#
#   0. the fonts, translations, frameworks, migrations and licences are in the bundle
#   1. cchc --version                       prints the version of the sources
#   2. cchc framework check                 every framework in the bundle's forms/, by path and by id
#   3. cchc workspace init / assess fill / assess score   (Alembic migrations run from the bundle)
#   4. cchc-desktop WORKSPACE --quit-after  the GUI starts offscreen and shows its window
#   5. portable mode                        a copy with portable.txt keeps workspace and settings beside it
# Exits non-zero at the first failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUNDLE="$(cd "${1:-$ROOT/dist/cchc-desktop}" 2>/dev/null && pwd)" || {
    echo "smoke: FAIL: no bundle at ${1:-$ROOT/dist/cchc-desktop} (build it: bash packaging/build_linux.sh)" >&2
    exit 1
}
CCHC="$BUNDLE/cchc"
GUI="$BUNDLE/cchc-desktop"
FORMS="$BUNDLE/_internal/forms"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" XDG_DATA_HOME="$TMP/home/.local/share"
export XDG_CACHE_HOME="$TMP/home/.cache"
mkdir -p "$HOME"
unset CCHC_WORKSPACE CCHC_LANG CCHC_PASSPHRASE
export QT_QPA_PLATFORM=offscreen

step() { printf 'smoke: %s\n' "$*"; }
fail() { printf 'smoke: FAIL: %s\n' "$*" >&2; exit 1; }
run() {  # run CMD...; on failure show its output and stop
    local out rc=0
    out="$("$@" 2>&1)" || rc=$?
    if (( rc != 0 )); then
        printf '%s\n' "$out" >&2
        fail "exit $rc: $*"
    fi
    printf '%s\n' "$out"
}

[[ -x "$CCHC" ]] || fail "$CCHC is missing"
[[ -x "$GUI" ]] || fail "$GUI is missing"

# 0. The data files the programs open at run time ---------------------------------------------------
MIG="cchc_desktop/core/storage/migrations"
for pattern in "resources/fonts/*.ttf" "resources/translations/*.qm" "forms/*.json" \
        "$MIG/env.py" "$MIG/versions/*.py" "licenses/LICENSES.txt"; do
    compgen -G "$BUNDLE/_internal/$pattern" >/dev/null || fail "the bundle has no _internal/$pattern"
done
for rev in "$ROOT/$MIG"/versions/*.py; do  # every migration of the sources, or old workspaces break
    [[ -f "$BUNDLE/_internal/$MIG/versions/${rev##*/}" ]] || fail "the bundle lacks the migration ${rev##*/}"
done
step "data files: fonts, translations, forms, migrations, licences present"

# 1. Version -------------------------------------------------------------------------------------
WANT="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/cchc_desktop/__init__.py")"
OUT="$(run "$CCHC" --version)"
step "cchc --version -> $OUT"
[[ "$OUT" == "cchc $WANT" ]] || fail "expected 'cchc $WANT'"

# 2. Framework check on the bundled frameworks -----------------------------------------------------
N=0
for form in "$FORMS"/*.json; do
    [[ "$form" == *.schema.json ]] && continue
    OUT="$(run "$CCHC" framework check "$form")"
    step "cchc framework check ${form#"$BUNDLE"/} -> ${OUT%%$'\n'*}"
    N=$((N + 1))
done
(( N > 0 )) || fail "no framework in $FORMS"
OUT="$(run "$CCHC" framework check mau-xa-2026 --json)"  # by id: found through sys._MEIPASS
[[ "$OUT" == *'"id": "mau-xa-2026"'* ]] || fail "framework check by id did not report mau-xa-2026"
step "cchc framework check mau-xa-2026 (by id) -> ok"

# 3. A workspace made and scored by the bundle ------------------------------------------------------
WS="$TMP/ws"
# No "| head" here: under pipefail a producer still writing when head exits dies of SIGPIPE (141).
OUT="$(run "$CCHC" workspace init "$WS" --role agency --framework mau-xa-2026 \
    --agency-code XA-01 --agency-name "UBND xã Thử" --year 2026)"
step "${OUT%%$'\n'*}"
if [[ -f "$ROOT/docs/examples/answers.json" ]]; then
    OUT="$(run "$CCHC" assess fill "$WS" --answers "$ROOT/docs/examples/answers.json")"
    step "${OUT%%$'\n'*}"
fi
SCORE="$(run "$CCHC" assess score "$WS" --json)"
[[ "$SCORE" == *'"final_points"'* ]] || fail "assess score --json has no total"
FP="$(grep -m1 '"final_points"' <<<"$SCORE" | tr -d ' ,' || true)"
step "cchc assess score -> $FP"
if [[ -x "$ROOT/.venv/bin/cchc" ]]; then  # the bundle scores exactly as the sources do
    REF="$("$ROOT/.venv/bin/cchc" assess score "$WS" --json 2>&1)" || fail "the sources' cchc failed: $REF"
    [[ "$REF" == "$SCORE" ]] || fail "the bundle's score differs from the sources' score"
    step "same score as .venv/bin/cchc"
fi

# 4. The GUI, offscreen ------------------------------------------------------------------------------
OUT="$(timeout 120 "$GUI" "$WS" --quit-after 1000 2>&1)" || fail "cchc-desktop exited with $?: $OUT"
LINE="$(printf '%s\n' "$OUT" | grep -m1 '^WINDOW ' || true)"
step "cchc-desktop -> ${LINE:-<no WINDOW line>}"
[[ "$LINE" == *"visible=True"* ]] || { printf '%s\n' "$OUT" >&2; fail "the window was not shown"; }

# 5. Portable mode: a copy of the bundle with portable.txt beside the programs ----------------------
USB="$TMP/usb/cchc-desktop"
mkdir -p "$TMP/usb"
cp -a "$BUNDLE" "$USB"
touch "$USB/portable.txt"
run "$USB/cchc" workspace init "$USB/workspace" --role agency --framework mau-xa-2026 \
    --agency-code XA-02 --agency-name "UBND xã Di Động" --year 2026 >/dev/null
# a fresh home folder, to see that the portable program writes nothing there
export HOME="$TMP/home2" XDG_CONFIG_HOME="$TMP/home2/.config" XDG_DATA_HOME="$TMP/home2/.local/share"
mkdir -p "$HOME"
OUT="$(timeout 120 "$USB/cchc-desktop" --quit-after 1000 2>&1)" || fail "portable cchc-desktop exited with $?: $OUT"
[[ "$OUT" == *"WINDOW visible=True"* ]] || { printf '%s\n' "$OUT" >&2; fail "portable: the window was not shown"; }
INI="$(find "$USB/settings" -name '*.ini' -print -quit 2>/dev/null)"
[[ -n "$INI" ]] || fail "portable: no settings file under $USB/settings"
grep -q "$USB/workspace" "$INI" || fail "portable: $INI does not name the workspace beside the program"
LEFT="$(find "$HOME" \( -path '*CCHC Desktop*' -o -path '*cchc-desktop*' \) -print 2>/dev/null)"
if [[ -n "$LEFT" ]]; then
    fail "portable: files were written to the home folder: $LEFT"
fi
step "portable: opened ${USB#"$TMP"/}/workspace, settings in ${INI#"$TMP"/}, nothing in the home folder"

step "OK ($(du -sh "$BUNDLE" | cut -f1) bundle)"
