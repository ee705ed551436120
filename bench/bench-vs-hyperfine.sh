#!/usr/bin/env bash
# The question "how much faster is PyPy on this program?" answered on each workload of
# bench/workloads/ by hyperfine with its defaults, pypyready bench with its defaults, pypyready given
# the time hyperfine took, hyperfine once more on the CPU pypyready pinned its processes to, and two
# references about ten times longer on that CPU (hyperfine's runs repeated in alternating blocks, so
# machine drift hits both alike, and pypyready given ten times hyperfine's time).
#
# Usage: [REFERENCE=around|after] bench/bench-vs-hyperfine.sh [PYPYREADY] [OUT_DIR]
#   PYPYREADY defaults to build/release/pypyready, OUT_DIR to /tmp/pypyready-vs-hyperfine.
#   REFERENCE=around (the default) takes each reference in two halves, one just before and one just
#   after the run given hyperfine's time, so a reference measures the speedup of the minutes that
#   run sits in; REFERENCE=after takes both after it, one whole (the runs before 2026-12-07).
# Needs python3, pypy3, hyperfine and taskset on PATH. Prints a Markdown table (also OUT_DIR/table.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pypyready="${1:-$here/../build/release/pypyready}"
out="${2:-/tmp/pypyready-vs-hyperfine}"
placement="${REFERENCE:-around}"
case "$placement" in around | after) ;; *) echo "REFERENCE must be around or after, not '$placement'" >&2; exit 2 ;; esac
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
  echo "references: $placement"
} >"$out/machine.txt"

for workload in "$here"/workloads/*.py; do
  name="$(basename "$workload" .py)"
  echo "== $name (load $(cut -d' ' -f1 /proc/loadavg))" >&2

  # 1. hyperfine, defaults (no shell).
  t0=$(now)
  hyperfine -N --export-json "$out/$name-hyperfine.json" "$cpython $workload" "$pypy $workload" >"$out/$name-hyperfine.txt"
  t1=$(now)
  hf_seconds=$(elapsed "$t0" "$t1")
  echo "$hf_seconds" >"$out/$name-hyperfine.seconds"

  # 2. pypyready, defaults.
  t0=$(now)
  "$pypyready" bench --quiet --format json --python "$cpython" --pypy "$pypy" "$workload" >"$out/$name-pypyready.json"
  t1=$(now)
  echo "$(elapsed "$t0" "$t1")" >"$out/$name-pypyready.seconds"

  # 3. hyperfine with its defaults on the CPU pypyready chose (pypyready pins every measured process
  # to one CPU; this row shows what the same pinning gives hyperfine).
  cpu=$(python3 "$here/peer_summary.py" pinned-cpu "$out/$name-pypyready.json")
  pin=()
  same_cpu=()
  [ -n "$cpu" ] && same_cpu=(--cpu "$cpu")
  if [ -n "$cpu" ]; then
    pin=(taskset -c "$cpu")
    t0=$(now)
    "${pin[@]}" hyperfine -N --export-json "$out/$name-hyperfine-pinned.json" "$cpython $workload" "$pypy $workload" \
      >"$out/$name-hyperfine-pinned.txt"
    t1=$(now)
    echo "$(elapsed "$t0" "$t1")" >"$out/$name-hyperfine-pinned.seconds"
  fi

  read -r runs_cpython runs_pypy < <(python3 "$here/peer_summary.py" runs "$out/$name-hyperfine.json")

  # The hyperfine-blocks reference: ten times hyperfine's default runs per interpreter in
  # alternating blocks, on the same CPU as pypyready (a machine's CPUs can differ in speed, so that
  # is the figure it estimates): blocks FIRST to LAST of COUNT, each a COUNT-th of the runs.
  hyperfine_reference_blocks() {
    local first=$1 last=$2 count=$3
    for block in $(seq "$first" "$last"); do
      "${pin[@]}" hyperfine -N --runs $((10 * runs_cpython / count)) \
        --export-json "$out/$name-ref-cpython-$block.json" "$cpython $workload" >/dev/null
      "${pin[@]}" hyperfine -N --runs $((10 * runs_pypy / count)) \
        --export-json "$out/$name-ref-pypy-$block.json" "$pypy $workload" >/dev/null
    done
  }
  # pypyready's own reference (or half of it), TIMES times hyperfine's time: precision the only
  # aim, same CPU.
  own_reference() {
    local budget file=$2
    budget=$(python3 -c "import sys; print(float(sys.argv[1]) * float(sys.argv[2]))" "$1" "$hf_seconds")
    "$pypyready" bench --quiet --format json --python "$cpython" --pypy "$pypy" "${same_cpu[@]}" \
      --time-budget "${budget}s" --min-speedup 0 --ci-width 0.1% --max-runs 100000 \
      "$workload" >"$out/$name-$file.json"
  }

  if [ "$placement" = around ]; then
    hyperfine_reference_blocks 1 2 4
    own_reference 5 pypyready-ref-before
  fi

  # 4. pypyready given the time hyperfine took: the budget (which counts from the command's start)
  # set to hyperfine's seconds, precision the only aim (no decision stop, no width reached), so the
  # run ends on the budget and the widths compare at equal time; on the CPU of the default run,
  # where the references are taken.
  t0=$(now)
  "$pypyready" bench --quiet --format json --python "$cpython" --pypy "$pypy" "${same_cpu[@]}" \
    --time-budget "${hf_seconds}s" --min-speedup 0 --ci-width 0.1% --max-runs 1000 \
    "$workload" >"$out/$name-pypyready-same-time.json"
  t1=$(now)
  echo "$(elapsed "$t0" "$t1")" >"$out/$name-pypyready-same-time.seconds"

  # 5. and 6. The references (or their second halves).
  if [ "$placement" = around ]; then
    own_reference 5 pypyready-ref-after
    hyperfine_reference_blocks 3 4 4
  else
    hyperfine_reference_blocks 1 5 5
    own_reference 10 pypyready-ref
  fi
done

python3 "$here/peer_summary.py" table "$out" | tee "$out/table.md"
