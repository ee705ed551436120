#!/usr/bin/env bash
# The question "how much faster is PyPy on this program?" answered three ways on each workload of
# bench/workloads/: hyperfine with its defaults, pypyready bench with its defaults (and once more
# asked for hyperfine's precision), and a reference run about ten times longer (hyperfine's runs
# repeated in alternating blocks, so machine drift hits both interpreters alike).
#
# Usage: bench/bench-vs-hyperfine.sh [PYPYREADY] [OUT_DIR]
#   PYPYREADY defaults to build/release/pypyready, OUT_DIR to /tmp/pypyready-vs-hyperfine.
# Needs python3, pypy3 and hyperfine on PATH. Prints a Markdown table (also OUT_DIR/table.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pypyready="${1:-$here/../build/release/pypyready}"
out="${2:-/tmp/pypyready-vs-hyperfine}"
mkdir -p "$out"
# Both tools must time the same executables: `python3` on PATH may be a pyenv shim (a bash script
# that runs `pyenv exec`), which adds a second or more per run under load.
cpython="$(python3 -c 'import sys; print(sys.executable)')"
pypy="$(pypy3 -c 'import sys; print(sys.executable)')"
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 2))" "$1" "$2"; }

{
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "python3: $(python3 -VV | head -1)"
  echo "pypy3: $(pypy3 -VV 2>&1 | tr '\n' ' ')"
  echo "hyperfine: $(hyperfine --version)"
} >"$out/machine.txt"

for workload in "$here"/workloads/*.py; do
  name="$(basename "$workload" .py)"
  echo "== $name (load $(cut -d' ' -f1 /proc/loadavg))" >&2

  # 1. hyperfine, defaults (no shell).
  t0=$(now)
  hyperfine -N --export-json "$out/$name-hyperfine.json" "$cpython $workload" "$pypy $workload" >"$out/$name-hyperfine.txt"
  t1=$(now)
  echo "$(elapsed "$t0" "$t1")" >"$out/$name-hyperfine.seconds"

  # 2. pypyready, defaults.
  t0=$(now)
  "$pypyready" bench --quiet --format json --python "$cpython" --pypy "$pypy" "$workload" >"$out/$name-pypyready.json"
  t1=$(now)
  echo "$(elapsed "$t0" "$t1")" >"$out/$name-pypyready.seconds"

  # 3. pypyready asked for hyperfine's precision (its 95 % half-width), the decision not ending it.
  half=$(python3 "$here/peer_summary.py" half-width "$out/$name-hyperfine.json")
  t0=$(now)
  "$pypyready" bench --quiet --format json --python "$cpython" --pypy "$pypy" --ci-width "$half" --min-speedup 0 --time-budget 2m \
    "$workload" >"$out/$name-pypyready-matched.json"
  t1=$(now)
  echo "$(elapsed "$t0" "$t1")" >"$out/$name-pypyready-matched.seconds"

  # 4. Reference: ten times hyperfine's default runs per interpreter, in 5 alternating blocks.
  read -r runs_cpython runs_pypy < <(python3 "$here/peer_summary.py" runs "$out/$name-hyperfine.json")
  for block in 1 2 3 4 5; do
    hyperfine -N --runs $((2 * runs_cpython)) --export-json "$out/$name-ref-cpython-$block.json" \
      "$cpython $workload" >/dev/null
    hyperfine -N --runs $((2 * runs_pypy)) --export-json "$out/$name-ref-pypy-$block.json" \
      "$pypy $workload" >/dev/null
  done
done

python3 "$here/peer_summary.py" table "$out" | tee "$out/table.md"
