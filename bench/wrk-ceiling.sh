#!/usr/bin/env bash
# wrk's own ceiling on this machine, with pypyready's Lua script (one connection per wrk thread,
# one record per response), against the trivial in-process server of `pypyready bench
# --ceiling-only`: the most requests per second any `bench --service` figure here can show.
# Results: bench/README.md ("wrk's ceiling").
# Usage: bench/wrk-ceiling.sh BUILD_DIR [SECONDS] [REPEATS]
set -euo pipefail
build_dir=${1:-build/release}
seconds=${2:-5}
repeats=${3:-3}
pypyready="$build_dir/pypyready"

echo "== machine: $(nproc) cores, $(uname -r), load: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "== $(wrk -v 2>&1 | head -1)"
echo "connections  requests/s (best second of each of $repeats runs of ${seconds} s)"
for connections in 1 4 8 16 32; do
  figures=()
  for _ in $(seq "$repeats"); do
    figures+=("$("$pypyready" bench --ceiling-only --connections "$connections" --duration "$seconds" --format json |
      python3 -c 'import json,sys; print(round(json.load(sys.stdin)["wrk_ceiling_rps"]))')")
  done
  printf '%11s  %s\n' "$connections" "${figures[*]}"
done
