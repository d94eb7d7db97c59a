#!/usr/bin/env bash
# One command for every benchmark of docs/benchmarks.md: prints each table (ratios against
# baselines measured in the same run).  Add --write-doc to refresh docs/benchmarks.md.
#   bash bench/all.sh [--write-doc]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DOC=()
[[ "${1:-}" == "--write-doc" ]] && DOC=(--write-doc)
echo "== Packages: export vs cp -r + sync, verify vs openssl dgst, peak memory (100 MiB and 1 GiB) =="
"$PY" bench/package_bench.py --gb 1.0 "${DOC[@]}" | sed -n '/^| section/,/^$/p;/^| evidence/,/^$/p'
echo "== Application: start-up, score-update latency (300+ items), council importing 150 packages, ranking =="
"$PY" bench/app_bench.py --agencies 150 "${DOC[@]}" | sed -n '/^| measure/,$p'
echo "== Council: dashboard, ranking, review switching on 150 agencies x 100 items =="
"$PY" bench/council_bench.py --agencies 150 "${DOC[@]}" | sed -n '/^| measure/,$p'
if [[ -f bench/report_bench.py ]]; then
  echo "== Council reports: the 150-agency ranking PDF and workbook (time, peak memory) =="
  "$PY" bench/report_bench.py "${DOC[@]}" | sed -n '/^| /,$p'
fi
echo "== Crash soak (>= 50 SIGKILL trials) =="
"$PY" bench/crash_soak.py --trials 50 "${DOC[@]}" | grep -E '^\| (kind|edits|gui|evidence|export|import|\*\*total)' | head -7
echo "== Fuzzing the package reader (>= 10,000 inputs; needs: pip install -e '.[fuzz]') =="
if "$PY" -c "import atheris" 2>/dev/null; then
  "$PY" bench/fuzz_package.py --runs 10000 "${DOC[@]}" | grep -E '^\| (mutators|libFuzzer)' || true
else
  echo "atheris is not installed: .venv/bin/pip install -e '.[fuzz]'"
fi
