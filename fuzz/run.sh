#!/bin/sh
# Run fuzz/fuzz_bundle.py in chunks until TOTAL cases have run or DEADLINE (epoch seconds) passes.
# Each chunk is a fresh process (so rules added meanwhile are picked up) sharing fuzz/corpus.
# Usage: fuzz/run.sh [TOTAL] [CHUNK] [DEADLINE]      e.g.  fuzz/run.sh 100000 5000
# Per chunk: $OUT/chunk-N.log; the tally of cases run without a failure: $OUT/total.txt
# (OUT defaults to fuzz/out; give each of several parallel runners its own, e.g. OUT=fuzz/out/2).
set -u
cd "$(dirname "$0")/.."
PY=${PYTHON:-/work/venv/bin/python}
TOTAL=${1:-100000}
CHUNK=${2:-5000}
DEADLINE=${3:-0}
OUT=${OUT:-fuzz/out}
mkdir -p "$OUT" fuzz/corpus
done_ok=0
failed=0
n=0
while [ "$done_ok" -lt "$TOTAL" ]; do
  if [ "$DEADLINE" -gt 0 ] && [ "$(date +%s)" -ge "$DEADLINE" ]; then
    echo "deadline reached" >> "$OUT/total.txt"
    break
  fi
  n=$((n + 1))
  log=$OUT/chunk-$n.log
  "$PY" fuzz/fuzz_bundle.py -runs="$CHUNK" -timeout=120 -rss_limit_mb=8192 -print_final_stats=1 \
    -artifact_prefix="$OUT/" fuzz/corpus > "$log" 2>&1
  rc=$?
  runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' | tail -1)
  if [ "$rc" -eq 0 ] && [ -n "$runs" ]; then
    done_ok=$((done_ok + runs))
  else
    failed=$((failed + 1))
  fi
  echo "chunk $n rc=$rc runs=${runs:-?} total_ok=$done_ok failed_chunks=$failed $(date -u +%H:%M:%S)" >> "$OUT/total.txt"
done
echo "finished: $done_ok cases in chunks without a failure; $failed chunks failed" >> "$OUT/total.txt"
