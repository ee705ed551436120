#!/usr/bin/env bash
# `pypyready scan` against other Python linters on the same files, in one run.
#
# usage: bench/scan-vs-peers.sh BUILD_DIR [STDLIB_DIR] [PYLINT_SAMPLE]
#
# The files: every *.py under STDLIB_DIR (default: pyenv's CPython 3.11.7 standard library)
# outside site-packages, sorted; every tool gets the same list. Each tool runs once untimed
# (warm page cache), then ROUNDS (default 5) times for pypyready and PEER_ROUNDS (default 1)
# times for the others under /usr/bin/time; the best wall time is kept with its CPU time
# (user + system) and peak RSS. Tools:
#   pypyready   scan, all rules, default threads (one per core)
#   pyflakes    pyflakes3, one process
#   flake8      flake8 with its default checks and its default -j auto (one process per core)
#   pylint      --disable=all --enable=consider-using-with, on a random sample of PYLINT_SAMPLE
#               files (default 150; seed fixed), extrapolated to all files by line count
#   ruff-wasm   ruff's WebAssembly build in Node (bench/ruff-wasm), single thread, warm: its
#               own best round after a warm-up round, ruff's default rules (E4,E7,E9,F);
#               then PAIRS (default 3) back-to-back rounds of pypyready and ruff-wasm pinned
#               to each CPU in turn (this VM's vCPUs differ in speed), whose ratios are printed
#               after the table. ONLY_PAIRS=1 skips everything else.
# Raw outputs go to bench/results/scan-vs-peers-<time>/; a Markdown table is printed.
set -euo pipefail

build_dir=${1:?usage: bench/scan-vs-peers.sh BUILD_DIR [STDLIB_DIR] [PYLINT_SAMPLE]}
stdlib=${2:-/root/.pyenv/versions/3.11.7/lib/python3.11}
pylint_sample=${3:-150}
rounds=${ROUNDS:-5}            # pypyready: best of 5
peer_rounds=${PEER_ROUNDS:-1}  # the others: one timed run after the warm-up run
here=$(cd "$(dirname "$0")" && pwd)
pypyready=$(cd "$build_dir" && pwd)/pypyready
[[ -x $pypyready ]] || pypyready=$(cd "$build_dir" && pwd)/src/app/pypyready
out=$here/results/scan-vs-peers-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"

find "$stdlib" -name '*.py' -not -path '*/site-packages/*' | LC_ALL=C sort >"$out/files.list"
mapfile -t files <"$out/files.list"
total_lines=$(cat "${files[@]}" | wc -l)
python3 - "$out/files.list" "$pylint_sample" >"$out/pylint-sample.list" <<'EOF'
import random, sys
paths = open(sys.argv[1]).read().split()
random.Random(20261123).shuffle(paths)
print("\n".join(sorted(paths[: int(sys.argv[2])])))
EOF
mapfile -t sample <"$out/pylint-sample.list"
sample_lines=$(cat "${sample[@]}" | wc -l)

{
  echo "date: $(date -u +%FT%TZ)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "files: ${#files[@]}, lines: $total_lines; pylint sample: ${#sample[@]} files, $sample_lines lines"
  echo "pypyready: $("$pypyready" --version 2>/dev/null || echo '?')"
  echo "pyflakes: $(pyflakes3 --version 2>/dev/null || echo absent)"
  echo "flake8: $(flake8 --version 2>/dev/null | head -1 || echo absent)"
  echo "pylint: $(pylint --version 2>/dev/null | head -1 || echo absent)"
  echo "node: $(node --version 2>/dev/null || echo absent)"
} | tee "$out/machine.txt"

# measure NAME COMMAND...: best of $rounds by wall time; writes NAME.time as "wall cpu rss_kb".
measure() {
  local name=$1
  shift
  "$@" >"$out/$name.out" 2>"$out/$name.err" || true
  local best=""
  for _ in $(seq "$rounds"); do
    /usr/bin/time -f '%e %U %S %M' -o "$out/$name.round" "$@" >"$out/$name.out" 2>"$out/$name.err" || true
    # /usr/bin/time puts "Command exited with non-zero status N" first when a linter reports findings.
    read -r wall user system rss < <(tail -n 1 "$out/$name.round")
    local cpu
    cpu=$(echo "$user + $system" | bc)
    if [[ -z $best ]] || (($(echo "$wall < ${best%% *}" | bc))); then best="$wall $cpu $rss"; fi
  done
  echo "$best" >"$out/$name.time"
}

if [[ -z ${ONLY_PAIRS:-} ]]; then
measure pypyready "$pypyready" scan --exit-zero --statistics "${files[@]}"
measure pypyready-dir "$pypyready" scan "$stdlib" --exit-zero --statistics --exclude site-packages
rounds=$peer_rounds
if command -v pyflakes3 >/dev/null; then measure pyflakes pyflakes3 "${files[@]}"; fi
if command -v flake8 >/dev/null; then measure flake8 flake8 "${files[@]}"; fi
if command -v pylint >/dev/null; then
  rounds=1 measure pylint-sample pylint --disable=all --enable=consider-using-with --score=n "${sample[@]}"
fi
if [[ -d $here/ruff-wasm/node_modules/@astral-sh/ruff-wasm-nodejs ]]; then
  rounds=1 measure ruff-wasm-process node "$here/ruff-wasm/check-files.mjs" "$out/files.list" 3
  cp "$out/ruff-wasm-process.out" "$out/ruff-wasm.json"
  python3 - "$out/ruff-wasm.json" "$out/ruff-wasm-process.time" >"$out/ruff-wasm.time" <<'EOF'
import json, sys
result = json.load(open(sys.argv[1]))
process = open(sys.argv[2]).read().split()
print(result["warm_wall_s"], result["warm_cpu_s"], process[2])
EOF
fi
fi  # ONLY_PAIRS
if [[ -d $here/ruff-wasm/node_modules/@astral-sh/ruff-wasm-nodejs ]]; then
  # The machine's speed drifts by tens of per cent within minutes and its vCPUs differ, so the
  # ratio that the target is about is also taken from PAIRS back-to-back rounds: pypyready (best
  # of 3, all CPUs) and then one ruff-wasm process pinned to each CPU (its best warm round).
  for pair in $(seq "${PAIRS:-3}"); do
    rounds=3 measure "pair-$pair-pypyready" "$pypyready" scan --exit-zero --statistics "${files[@]}"
    for cpu in $(seq 0 $(($(nproc) - 1))); do
      rounds=1 measure "pair-$pair-ruff-cpu$cpu-process" taskset -c "$cpu" \
        node "$here/ruff-wasm/check-files.mjs" "$out/files.list" 3
      python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["warm_wall_s"])' \
        "$out/pair-$pair-ruff-cpu$cpu-process.out" >"$out/pair-$pair-ruff-cpu$cpu.wall"
    done
  done
else
  echo "bench/ruff-wasm: run 'npm install' there first; ruff-wasm skipped" >&2
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"

python3 - "$out" "$total_lines" "$sample_lines" <<'EOF'
import os, sys
out, total_lines, sample_lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def load(name):
    path = os.path.join(out, name + ".time")
    if not os.path.exists(path):
        return None
    wall, cpu, rss = open(path).read().split()
    return float(wall), float(cpu), int(rss) / 1024
rows = [("pypyready scan (all rules, file list)", load("pypyready"), ""),
        ("pypyready scan (all rules, folder)", load("pypyready-dir"), ""),
        ("pyflakes3", load("pyflakes"), ""),
        ("flake8 (-j auto)", load("flake8"), ""),
        ("ruff-wasm (warm, 1 thread)", load("ruff-wasm"), "")]
pylint = load("pylint-sample")
if pylint:
    scale = total_lines / sample_lines
    rows.append(("pylint consider-using-with (extrapolated)",
                 (pylint[0] * scale, pylint[1] * scale, pylint[2]), f"sample x{scale:.1f}"))
base = rows[0][1]
if base is None:  # ONLY_PAIRS
    sys.exit(0)
print("| tool | wall s | CPU s | peak RSS MB | pypyready faster (wall) | (CPU) | note |")
print("|---|---|---|---|---|---|---|")
for name, figures, note in rows:
    if figures is None:
        continue
    wall, cpu, rss = figures
    print(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {wall / base[0]:.1f}x | {cpu / base[1]:.1f}x | {note} |")
EOF
python3 - "$out" <<'EOF'
import glob, os, statistics, sys
out = sys.argv[1]
ratios = {}
for ruff_path in sorted(glob.glob(os.path.join(out, "pair-*-ruff-cpu*.wall"))):
    _, pair, _, cpu = os.path.basename(ruff_path)[: -len(".wall")].split("-")
    ruff = float(open(ruff_path).read())
    ours = float(open(os.path.join(out, f"pair-{pair}-pypyready.time")).read().split()[0])
    ratios.setdefault(cpu, []).append(ruff / ours)
    print(f"round {pair}: pypyready {ours:.2f} s, ruff-wasm on {cpu} {ruff:.2f} s, ratio {ruff / ours:.2f}x")
for cpu, values in sorted(ratios.items()):
    print(f"ruff-wasm on {cpu} / pypyready over {len(values)} rounds: median {statistics.median(values):.2f}x, "
          f"range {min(values):.2f}-{max(values):.2f}x")
EOF
echo "raw results: $out"
