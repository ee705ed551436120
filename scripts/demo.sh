#!/usr/bin/env bash
# The README's main command: pypyready's analyses on the bundled example project, in the order
# of a careful migration (dependencies, differences in the code, measurements).
# Usage: scripts/demo.sh BUILD_DIR
set -uo pipefail
cd "$(dirname "$0")/.."
pypyready="${1:-build/release}/pypyready"
project=examples/logstats

bold=; plain=
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then bold=$'\033[1m'; plain=$'\033[0m'; fi
step() { printf '\n%s== %s%s\n$ %s\n' "$bold" "$1" "$plain" "${*:2}"; "${@:2}"; }

step "Interpreters on this machine" "$pypyready" interpreters
step "1. Dependencies and their PyPy verdicts" "$pypyready" deps "$project"
# Findings make scan exit 1; the demo goes on to the measurements.
step "4. Code that behaves differently on PyPy" "$pypyready" scan "$project"
step "3. Both interpreters on the project's hot path" \
  "$pypyready" bench "$project/bench/bench_parse.py:run_once" --time-budget 30s
exit 0
