#!/usr/bin/env bash
# Runs every speed benchmark of pypyready against the machine's CPython standard library.
# Usage: bench/run-all.sh BUILD_DIR. Results are printed; bench/README.md records them by hand
# with the command, the machine and the date.
set -euo pipefail
build_dir=${1:-build/release}
stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')

echo "== machine: $(nproc) cores, $(uname -r), load: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "== tokenizer (single thread) on $stdlib"
"$build_dir/bench/tokenize_bench" "$stdlib" 5
echo "== parser vs CPython compile(..., PyCF_ONLY_AST) on $stdlib"
"$build_dir/bench/parse_bench" "$stdlib" python3 1
