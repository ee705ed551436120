"""What the order of a process-mode run's rounds does to its speedup, read from saved runs.

python3 bench/round-series.py order RUN.json...
    per run: the lag-1 autocorrelation of the per-round log ratios (as measured, and
    corrected the way `pypyready bench` does), the width of the plain paired t interval and of the
    one widened for that correlation; and the carry-over of the ABBA order: each interpreter's
    median process time after a process of its own against after one of the other interpreter,
    and the speedup from all processes against the one from processes that followed their own.

python3 bench/round-series.py simulate
    how often the plain and the widened interval cover the true ratio over 2000 simulated runs
    whose per-round log ratios follow an AR(1) series (lag-1 correlation 0, 0.3, 0.5; 5, 8, 20 and
    60 rounds), and how much wider the widened one is.

python3 bench/round-series.py coverage OUT_DIR...
    for directories written by bench-vs-hyperfine.sh: the interval of the run given hyperfine's
    time (NAME-pypyready-same-time.json) recomputed plain and widened, and how often each holds
    the two ten-times references and is no wider than hyperfine's.

RUN.json is `pypyready bench --format json` output of a FILE.py or -- CMD target (one process is
one iteration), two interpreters.
"""
import importlib.util
import json
import math
import os
import random
import statistics
import sys

_spec = importlib.util.spec_from_file_location(
    "peer_summary", os.path.join(os.path.dirname(os.path.abspath(__file__)), "peer_summary.py"))
peer_summary = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(peer_summary)

WORKLOADS = ("cli", "loop", "objects", "recursion", "regex")


def processes(path):
    """The two interpreters' ids and their processes, in round order."""
    benchmark = json.load(open(path))["bench"]["benchmarks"][0]
    ids = list(benchmark["per_interpreter"])
    return ids, [benchmark["per_interpreter"][i]["processes"] for i in ids]


log_ratios = peer_summary.log_ratios


def lag1(values):
    m = statistics.mean(values)
    squares = sum((v - m) ** 2 for v in values)
    if squares == 0:
        return 0.0
    return sum((values[i] - m) * (values[i - 1] - m) for i in range(1, len(values))) / squares


def corrected_lag1(values):
    """As `stats::serial_correlation`: 0 under eight values, else corrected and held in 0-0.9."""
    if len(values) < 8:
        return 0.0
    r = lag1(values)
    return min(max(r + (1 + 3 * r) / len(values), 0.0), 0.9)


def interval(values, widened):
    """The speedup and its 95 % interval from per-round log ratios."""
    r = corrected_lag1(values) if widened else 0.0
    return peer_summary.paired_interval(values, math.sqrt((1 + r) / (1 - r)))


def relative_width(answer):
    return (answer[2] - answer[1]) / answer[0]


def carry_over(path):
    """Per interpreter: median time after its own process, after the other's; and the speedup
    from all processes and from those that followed their own."""
    ids, sides = processes(path)
    rounds = min(len(side) for side in sides)
    sequence = []
    for r in range(rounds):
        for i in ((0, 1) if r % 2 == 0 else (1, 0)):  # the harness's ABBA order
            sequence.append((i, sides[i][r]["wall_s"]))
    after_own = {0: [], 1: []}
    after_other = {0: [], 1: []}
    for (before, _), (i, seconds) in zip(sequence, sequence[1:]):
        (after_own if before == i else after_other)[i].append(seconds)
    every = {i: [s for j, s in sequence if j == i] for i in (0, 1)}
    speedup_all = statistics.mean(every[0]) / statistics.mean(every[1])
    speedup_own = statistics.mean(after_own[0]) / statistics.mean(after_own[1])
    medians = [(ids[i], statistics.median(after_own[i]), statistics.median(after_other[i])) for i in (0, 1)]
    return medians, speedup_all, speedup_own


def order(paths):
    shifts = []
    for path in paths:
        ratios = log_ratios(path)
        plain, widened = interval(ratios, False), interval(ratios, True)
        medians, speedup_all, speedup_own = carry_over(path)
        shifts.append(speedup_all / speedup_own)
        sides = "; ".join("%s %.4f after own, %.4f after other (x%.3f)" % (i, own, other, other / own)
                          for i, own, other in medians)
        print("%s: %d rounds, lag-1 %.2f (corrected %.2f), width plain %.1f %%, widened %.1f %%; %s; "
              "speedup %.4f, after own only %.4f (x%.4f)" % (
                  path, len(ratios), lag1(ratios), corrected_lag1(ratios), 100 * relative_width(plain),
                  100 * relative_width(widened), sides, speedup_all, speedup_own, speedup_all / speedup_own))
    if shifts:
        print("speedup from all processes over the one from processes after their own: median x%.4f, "
              "above 1 in %d of %d" % (statistics.median(shifts), sum(s > 1 for s in shifts), len(shifts)))


def references(out, name):
    """The hyperfine-blocks reference's estimate and pypyready's own reference's (or None)."""
    blocks = peer_summary.hyperfine_reference(out, name)
    own = peer_summary.own_reference(out, name)
    return blocks[0][0] if blocks else None, own[0] if own else None


def coverage(dirs):
    for widened in (False, True):
        inside_blocks = inside_own = owns = no_wider = runs = 0
        widths = []
        for out in dirs:
            for name in WORKLOADS:
                path = os.path.join(out, name + "-pypyready-same-time.json")
                if not os.path.exists(path):
                    continue
                answer = interval(log_ratios(path), widened)
                blocks, own = references(out, name)
                hyperfine = peer_summary.welch(*peer_summary.hyperfine_times(
                    os.path.join(out, name + "-hyperfine.json")))
                runs += 1
                inside_blocks += blocks is not None and answer[1] <= blocks <= answer[2]
                if own is not None:
                    owns += 1
                    inside_own += answer[1] <= own <= answer[2]
                widths.append(relative_width(answer))
                no_wider += relative_width(answer) <= relative_width(hyperfine)
        if runs:
            print("%s: hyperfine-blocks reference inside %d of %d, own reference inside %d of %d, "
                  "median width %.1f %%, no wider than hyperfine's %d of %d" % (
                      "widened" if widened else "plain", inside_blocks, runs, inside_own, owns,
                      100 * statistics.median(widths), no_wider, runs))


def autoregressive(rng, count, rho):
    values = [rng.gauss(0, 1)]
    while len(values) < count:
        values.append(rho * values[-1] + rng.gauss(0, math.sqrt(1 - rho * rho)))
    return values


def simulate(_):
    rng = random.Random(3)
    runs = 2000
    for rho in (0.0, 0.3, 0.5):
        for rounds in (5, 8, 20, 60):
            covered = {False: 0, True: 0}
            growth = []
            for _ in range(runs):
                ratios = autoregressive(rng, rounds, rho)
                answers = {widened: interval(ratios, widened) for widened in (False, True)}
                for widened, answer in answers.items():
                    covered[widened] += answer[1] <= 1 <= answer[2]
                growth.append(math.log(answers[True][2] / answers[True][1]) /
                              math.log(answers[False][2] / answers[False][1]))
            print("lag-1 %.1f, %2d rounds: plain covers %.3f, widened %.3f; widened as wide x%.2f in the "
                  "median, x%.2f in the mean" % (rho, rounds, covered[False] / runs, covered[True] / runs,
                                                 statistics.median(growth), statistics.mean(growth)))


def main():
    commands = {"order": order, "coverage": coverage, "simulate": simulate}
    if len(sys.argv) < 2 or sys.argv[1] not in commands or (sys.argv[1] != "simulate" and len(sys.argv) < 3):
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
