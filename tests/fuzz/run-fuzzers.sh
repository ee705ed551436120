#!/usr/bin/env bash
# Runs every libFuzzer target of a PYPYREADY_FUZZ=ON build for a number of seconds each.
# usage: tests/fuzz/run-fuzzers.sh BUILD_DIR [SECONDS] [TARGET...]
# The committed corpus (tests/fuzz/corpus/<target>) seeds a working corpus under BUILD_DIR, so
# new inputs found while fuzzing never land in the source tree; crashes go to
# BUILD_DIR/fuzz-artifacts/. Exits 1 if a target crashed.
set -euo pipefail

build_dir=${1:?usage: run-fuzzers.sh BUILD_DIR [SECONDS] [TARGET...]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
source_dir=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for binary in "$build_dir"/fuzz/fuzz_*; do
    [ -x "$binary" ] && targets+=("$(basename "$binary" | sed 's/^fuzz_//')")
  done
fi
if [ ${#targets[@]} -eq 0 ]; then
  echo "error: no fuzz targets in $build_dir/fuzz; configure with -DPYPYREADY_FUZZ=ON and build first" >&2
  exit 2
fi

status=0
mkdir -p "$build_dir/fuzz-artifacts"
for target in "${targets[@]}"; do
  corpus="$build_dir/fuzz-corpus/$target"
  mkdir -p "$corpus"
  cp -n "$source_dir/corpus/$target"/* "$corpus"/ 2>/dev/null || true
  echo "== fuzz_$target for ${seconds}s"
  # timeout is a safety net in case libFuzzer hangs past its own limit.
  if ! timeout --kill-after=30 $((seconds + 120)) "$build_dir/fuzz/fuzz_$target" "$corpus" \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$build_dir/fuzz-artifacts/$target-"; then
    echo "fuzz_$target failed: see $build_dir/fuzz-artifacts/" >&2
    status=1
  fi
done
exit $status
