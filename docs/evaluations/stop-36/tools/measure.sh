#!/usr/bin/env bash
# measure.sh CHECKOUT OUT : scores seeds, both devsets, clean corpus; keeps every JSON for compare.py
set -uo pipefail
CO=$(realpath "$1"); OUT=$(mkdir -p "$2" && realpath "$2")
EVAL=/work/shared/eval/score.py
cd "$CO"   # python -m puts the working directory first on sys.path: run from the checkout measured
dump() { # name, then score args
  local name=$1; shift
  FL_DUMP="$OUT/$name.json" PYTHONPATH="$CO" python "$EVAL" "$@" --cmd "/work/notes/s37/fl" > "$OUT/$name.txt" 2>&1
}
dump seeds gold --gold /work/shared/seeds/gold.yaml -v
dump realfic gold --gold /work/shared/devset/realfic/gold.yaml -v
dump written gold --gold /work/shared/devset/written/gold.yaml -v
dump corpus clean /work/shared/corpus -v
for n in seeds realfic written corpus; do echo "== $n"; grep -E -i "recall|precision|per 10,000|overall" "$OUT/$n.txt" | head -4; done
