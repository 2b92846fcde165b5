#!/usr/bin/env bash
# Benchmark: how long `./sandbox generate` takes until the preview answers, the first time (empty dependency
# cache: npm install runs) and the second time (the cache is reused). Uses a fresh sandbox root.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$ROOT/sandbox" --help >/dev/null   # build the program first, so it is not timed
for run in first second; do
  start=$(date +%s.%N)
  SANDBOX_ROOT="$WORK" "$ROOT/sandbox" generate "Create a modern landing page for a coffee subscription" --check >"$WORK/$run.out" 2>"$WORK/$run.err"
  end=$(date +%s.%N)
  printf '%-6s generate until the preview answered: %6.1f s   (%s)\n' "$run" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" \
    "$(grep -o 'install[^)]*)' "$WORK/$run.err" | head -1 || true)"
done
grep -h "cache" "$WORK/second.err" | head -1 || true
