"""How often can any stopping rule beat hyperfine on both width and time? A resampling study.

stop-rule-simulation.py OUT_DIR [--trials N] [--seed S]

OUT_DIR is a directory bench-vs-hyperfine.sh wrote. Its reference runs (ten times hyperfine's
run count, on pypyready's CPU) are taken as each workload's population of process times. Each
trial draws, with replacement from those populations:
  * a hyperfine run with its defaults (the first run sets the count: at least 10 runs and 3 s
    per command, as hyperfine does), its 95 % interval (Welch on logs, as peer_summary.py) and
    its time (the sum of its runs);
  * pypyready runs under several stopping rules, each charged the fixed cost the real pypyready
    run in OUT_DIR spent outside its measured processes (start-up rounds, probing, CPU choice).
It prints, per workload and rule, the median width and time and how often the rule's interval
was no wider *and* its time no longer than hyperfine's in the same trial ("wins").

Draws are independent, so machine drift is averaged out: this measures statistical efficiency
only, which is where the two tools are alike (both estimate a ratio of mean process times).
The rules compared:
  default      pypyready's: 5 pairs at least, stop at half-width <= 5 % or when the interval
               lies wholly on one side of 1.2x
  same-time    pairs until the next would pass the time hyperfine spent in this trial
  same-width   pairs until the interval is as narrow as hyperfine's in this trial
"""
import argparse
import json
import math
import os
import random
import statistics

from peer_summary import welch

WORKLOADS = ["cli", "loop", "objects", "recursion", "regex"]
MAX_PAIRS = 200


def reference_population(out, name, side):
    times = []
    for block in range(1, 100):
        path = os.path.join(out, f"{name}-ref-{side}-{block}.json")
        if not os.path.exists(path):
            break
        times += json.load(open(path))["results"][0]["times"]
    return times


def fixed_cost(out, name):
    """Seconds the real pypyready run spent outside its measured processes."""
    bench = json.load(open(os.path.join(out, f"{name}-pypyready.json")))["bench"]["benchmarks"][0]
    measured = sum(p["wall_s"] for side in bench["per_interpreter"].values() for p in side["processes"])
    return max(0.0, bench["total_s"] - measured)


def hyperfine_trial(populations, rng):
    runs, spent = [], 0.0
    for population in populations:
        first = rng.choice(population)
        count = max(10, math.ceil(3.0 / first))
        times = [first] + [rng.choice(population) for _ in range(count - 1)]
        runs.append(times)
        spent += sum(times)
    estimate, low, high = welch(*runs)
    return (high - low) / estimate, spent


def pypyready_trial(populations, rng, overhead, stop):
    """stop(estimate, low, high, spent, next_pair_cost) -> bool, asked after every pair from the 5th."""
    baseline, candidate, spent = [], [], overhead
    for pair in range(MAX_PAIRS):
        a, b = rng.choice(populations[0]), rng.choice(populations[1])
        baseline.append(a)
        candidate.append(b)
        spent += a + b
        if pair + 1 < 5:
            continue
        estimate, low, high = welch(baseline, candidate)
        if stop(estimate, low, high, spent, spent / (pair + 1)):
            break
    return (high - low) / estimate, spent


def rules(hyperfine_width, hyperfine_time):
    return {
        "default": lambda e, lo, hi, spent, per: (hi - lo) / 2 <= 0.05 * e or lo > 1.2 or hi < 1.2,
        "same-time": lambda e, lo, hi, spent, per: spent + per > hyperfine_time,
        "same-width": lambda e, lo, hi, spent, per: (hi - lo) / e <= hyperfine_width,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print("| workload | hyperfine: width, time | rule | pypyready: width, time | wins |")
    print("|---|---|---|---|---:|")
    for name in WORKLOADS:
        populations = [reference_population(args.out, name, side) for side in ("cpython", "pypy")]
        if min(len(p) for p in populations) < 2:
            continue
        overhead = fixed_cost(args.out, name)
        outcomes = {}
        hyperfine = []
        for _ in range(args.trials):
            hf_width, hf_time = hyperfine_trial(populations, rng)
            hyperfine.append((hf_width, hf_time))
            for rule, stop in rules(hf_width, hf_time).items():
                width, spent = pypyready_trial(populations, rng, overhead, stop)
                outcomes.setdefault(rule, []).append((width, spent, width <= hf_width and spent <= hf_time))
        hf = (f"{100 * statistics.median(w for w, _ in hyperfine):.1f} %, "
              f"{statistics.median(t for _, t in hyperfine):.1f} s")
        for rule, results in outcomes.items():
            wins = sum(1 for *_, won in results if won) / len(results)
            print(f"| {name} | {hf} | {rule} | {100 * statistics.median(w for w, _, _ in results):.1f} %, "
                  f"{statistics.median(t for _, t, _ in results):.1f} s | {100 * wins:.0f} % |")


if __name__ == "__main__":
    main()
