#!/usr/bin/env bash
# Refresh the English translation of the GUI:
#   1. pyside6-lupdate merges every tr()/translate() string of cchc_desktop/gui/**/*.py (plus
#      resources/translations/extra_strings.py, strings lupdate cannot see in the sources) into
#      resources/translations/cchc_en.ts.  Existing translations are kept; new strings are
#      added as "unfinished"; strings no longer in the sources are dropped (-no-obsolete).
#   2. pyside6-lrelease compiles the .ts into resources/translations/cchc_en.qm.
#   3. Prints how many messages still have no finished translation and exits 1 if any remain
#      (translate them in the .ts, e.g. with pyside6-linguist, and run this script again).
#
# Usage: bash scripts/update_translations.sh
# The tools come from .venv/bin unless LUPDATE / LRELEASE / PYTHON point elsewhere.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

LUPDATE="${LUPDATE:-$ROOT/.venv/bin/pyside6-lupdate}"
LRELEASE="${LRELEASE:-$ROOT/.venv/bin/pyside6-lrelease}"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
for tool in "$LUPDATE" "$LRELEASE" "$PYTHON"; do
    if [[ ! -x "$tool" ]]; then
        echo "update_translations: $tool not found (run scripts/setup.sh first)" >&2
        exit 2
    fi
done

TS=resources/translations/cchc_en.ts
QM=resources/translations/cchc_en.qm
EXTRA=resources/translations/extra_strings.py

# Relative paths, sorted: the .ts records them, so it does not depend on where the repo lives.
mapfile -t SOURCES < <(find cchc_desktop/gui -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort)
[[ -f "$EXTRA" ]] && SOURCES+=("$EXTRA")

"$LUPDATE" -source-language vi_VN -target-language en_GB -locations relative -no-obsolete \
    "${SOURCES[@]}" -ts "$TS"
"$LRELEASE" "$TS" -qm "$QM"

# Unfinished = marked unfinished, or a finished translation that is empty (numerus forms included).
"$PYTHON" - "$TS" <<'EOF'
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
total = 0
todo = []
for ctx in root.iter("context"):
    name = ctx.findtext("name") or ""
    for msg in ctx.iter("message"):
        tr = msg.find("translation")
        if tr is not None and tr.get("type") in ("obsolete", "vanished"):
            continue
        total += 1
        if tr is None or tr.get("type") == "unfinished":
            todo.append((name, msg.findtext("source") or ""))
            continue
        forms = tr.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [tr.text or ""]
        if any(not t.strip() for t in texts):
            todo.append((name, msg.findtext("source") or ""))
print(f"update_translations: {total} messages, {len(todo)} unfinished")
for name, source in todo:
    print(f"  [{name or '<no context>'}] {source!r}")
sys.exit(1 if todo else 0)
EOF
