#!/usr/bin/env bash
# Run step of action.yml: the command, the SARIF file for code scanning, the Markdown summary
# for $GITHUB_STEP_SUMMARY, and the step outputs (exit-code, sarif, report-dir). The exit code is
# passed on as an output, not returned, so the SARIF upload still runs; the last step fails.
# Environment: COMMAND (scan|check), PROJECT, ARGS (word-split on purpose), and GitHub's
# GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP.
set -uo pipefail

out="${RUNNER_TEMP:-/tmp}/pypyready"
mkdir -p "$out"
sarif="$out/pypyready.sarif"
summary="${GITHUB_STEP_SUMMARY:-/dev/stdout}"
read -r -a extra <<<"${ARGS:-}"

case "$COMMAND" in
  scan)
    pypyready scan "$PROJECT" "${extra[@]}"
    status=$?
    pypyready scan "$PROJECT" "${extra[@]}" --format sarif --output "$sarif" --exit-zero >/dev/null
    { echo "## pypyready scan"; echo; pypyready scan "$PROJECT" "${extra[@]}" --format markdown --exit-zero; } \
      >>"$summary"
    ;;
  check)
    report_dir="$out/report"
    pypyready check "$PROJECT" --report-dir "$report_dir" --no-color "${extra[@]}"
    status=$?
    # Code scanning wants the findings alone; the verdict goes to the summary.
    pypyready scan "$PROJECT" --format sarif --output "$sarif" --exit-zero >/dev/null
    if [[ -f "$report_dir/report.md" ]]; then cat "$report_dir/report.md" >>"$summary"; fi
    echo "report-dir=$report_dir" >>"${GITHUB_OUTPUT:-/dev/null}"
    ;;
  *)
    echo "pypyready action: command must be scan or check, not '$COMMAND'" >&2
    status=2
    ;;
esac
if [[ -s "$sarif" ]]; then echo "sarif=$sarif" >>"${GITHUB_OUTPUT:-/dev/null}"; fi
echo "exit-code=$status" >>"${GITHUB_OUTPUT:-/dev/null}"
echo "pypyready $COMMAND exited $status"
exit 0
