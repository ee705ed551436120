#!/usr/bin/env bash
# The README's main command: `pypyready check` on the bundled examples, from the project to a
# decision. logstats is a log-aggregation batch job where PyPy pays off (after a few fixes);
# confcheck is a short-lived CLI built on a C extension, which should stay on CPython.
# Each example's bench time budget (in its pyproject.toml) keeps it under three minutes.
# Usage: scripts/demo.sh BUILD_DIR
set -uo pipefail
cd "$(dirname "$0")/.."
pypyready="${1:-build/release}/pypyready"

bold=; plain=
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then bold=$'\033[1m'; plain=$'\033[0m'; fi

for example in logstats confcheck; do
  report_dir="pypyready-report/$example"
  printf '\n%s== pypyready check examples/%s%s\n' "$bold" "$example" "$plain"
  started=$SECONDS
  # Exit 1 means "migrate after fixes": a verdict, not a failure of the demo.
  "$pypyready" check "examples/$example" --report-dir "$report_dir"
  status=$?
  if [[ $status -gt 1 ]]; then
    echo "pypyready check failed with exit code $status" >&2
    exit "$status"
  fi
  printf '%s(%d s; report: %s/index.html, report.json and report.md)%s\n' "$bold" $((SECONDS - started)) \
    "$report_dir" "$plain"
done
exit 0
