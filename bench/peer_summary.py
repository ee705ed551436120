"""Reads the files bench-vs-hyperfine.sh writes and prints the comparison table.

peer_summary.py pinned-cpu PYPYREADY.json   the CPU pypyready pinned its processes to ("" if none)
peer_summary.py runs HYPERFINE.json         runs hyperfine made of each command
peer_summary.py table OUT_DIR               the Markdown table
peer_summary.py agreement OUT_DIR...        per run and workload, the run given hyperfine's time
                                            against hyperfine's width and time and against both
                                            references, then the counts

hyperfine reports a ratio of means with a propagated standard deviation, not an interval; to
compare like with like, its exported run times get the same 95 % interval pypyready uses
(Welch t on the logs of the samples).
"""
import glob
import json
import math
import os
import statistics
import sys

T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262,
        10: 2.228, 12: 2.179, 15: 2.131, 20: 2.086, 25: 2.060, 30: 2.042, 40: 2.021, 60: 2.000,
        120: 1.980}


def t975(df):
    keys = sorted(T975)
    if df >= keys[-1]:
        return 1.96
    for low, high in zip(keys, keys[1:]):
        if low <= df <= high:  # interpolate in 1/df
            x, x0, x1 = 1 / df, 1 / low, 1 / high
            return T975[low] + (T975[high] - T975[low]) * (x - x0) / (x1 - x0)
    return T975[1]


def welch(baseline, candidate):
    """Ratio of geometric means baseline / candidate and its 95 % interval."""
    a = [math.log(v) for v in baseline]
    b = [math.log(v) for v in candidate]
    va = statistics.variance(a) / len(a)
    vb = statistics.variance(b) / len(b)
    se = math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1)) if se > 0 else 1e9
    d = statistics.mean(a) - statistics.mean(b)
    h = t975(df) * se
    return math.exp(d), math.exp(d - h), math.exp(d + h)


def hyperfine_times(path):
    results = json.load(open(path))["results"]
    return [r["times"] for r in results]


def hyperfine_own(path):
    """What hyperfine prints: ratio of means +- the propagated standard deviation."""
    (c, p) = json.load(open(path))["results"]
    ratio = c["mean"] / p["mean"]
    sigma = ratio * math.sqrt((c["stddev"] / c["mean"]) ** 2 + (p["stddev"] / p["mean"]) ** 2)
    return ratio, sigma


def seconds(path):
    return float(open(path).read().strip())


def pypyready_answer(path):
    bench = json.load(open(path))["bench"]["benchmarks"][0]
    s = bench["speedup"]
    if s is None:
        return None
    per = list(bench["per_interpreter"].values())
    return (s["estimate"], s["ci95"][0], s["ci95"][1], [len(x["processes"]) for x in per],
            bench["stopped_because"], bench["total_s"], bench.get("load_average_start", 0))


def log_ratios(path):
    """Per counted round of a FILE.py or -- CMD run, log(baseline time / candidate time), in the
    order the rounds ran."""
    per = json.load(open(path))["bench"]["benchmarks"][0]["per_interpreter"]
    baseline, candidate = (per[i]["processes"] for i in per)
    return [math.log(a["wall_s"] / b["wall_s"]) for a, b in zip(baseline, candidate)
            if a["counted"] and b["counted"]]


def own_reference(out, name):
    """pypyready's ten-times reference as an answer: NAME-pypyready-ref.json when it was taken
    whole; else its two halves, NAME-pypyready-ref-before.json and -after.json, taken around the
    run given hyperfine's time, as one run (the mean log ratio over the rounds of both, with a plain
    paired t interval). None when absent."""
    whole = os.path.join(out, name + "-pypyready-ref.json")
    if os.path.exists(whole):
        return pypyready_answer(whole)
    halves = [os.path.join(out, name + "-pypyready-ref-%s.json" % part) for part in ("before", "after")]
    if not all(os.path.exists(p) for p in halves):
        return None
    ratios = sum((log_ratios(p) for p in halves), [])
    if len(ratios) < 2:
        return None
    return paired_interval(ratios) + ([len(ratios), len(ratios)], "around", 0, 0)


def paired_interval(log_ratios_in_order, widening=1.0):
    """The speedup and its 95 % paired t interval from per-round log ratios, the half-width
    multiplied by `widening`."""
    n = len(log_ratios_in_order)
    mean = statistics.mean(log_ratios_in_order)
    half = widening * t975(n - 1) * statistics.stdev(log_ratios_in_order) / math.sqrt(n)
    return math.exp(mean), math.exp(mean - half), math.exp(mean + half)


def width(lo, hi, estimate):
    return (hi - lo) / estimate


def table(out):
    rows = []
    header = ("| workload | hyperfine: speedup [95% CI] | hyperfine: ± σ as printed | hyperfine: runs (C/P) | "
              "hyperfine: time | pypyready: speedup [95% CI] | pypyready: processes (C/P), stopped, CPU | "
              "pypyready: time | pypyready in hyperfine's time: speedup [95% CI], rounds, time | "
              "hyperfine on pypyready's CPU: speedup [95% CI], time | "
              "reference (10x, same CPU): speedup [95% CI] | reference inside: hyperfine / pypyready / "
              "pypyready in hyperfine's time / hyperfine on the CPU | "
              "pypyready's own reference (10x time): speedup [95% CI] | own reference inside: pypyready / "
              "pypyready in hyperfine's time |")
    rows.append(header)
    rows.append("|" + "---|" * (header.count("|") - 1))
    for path in sorted(glob.glob(os.path.join(out, "*-hyperfine.json"))):
        name = os.path.basename(path)[: -len("-hyperfine.json")]
        try:
            rows.append(row(out, path, name))
        except (ValueError, OSError, KeyError, IndexError, TypeError):
            rows.append("| %s | (incomplete: the run was stopped before this workload finished) |" % name)
    return "\n".join(rows)


def interval_text(answer):
    return "%.2fx [%.2f-%.2f] (width %.1f %%)" % (answer[0], answer[1], answer[2],
                                                 100 * width(answer[1], answer[2], answer[0]))


def optional_answer(out, name, suffix):
    """pypyready's answer from NAME-SUFFIX.json and the seconds it took (0 when not timed), or
    (None, 0) when that run is absent."""
    path = os.path.join(out, name + suffix + ".json")
    if not os.path.exists(path):
        return None, 0
    timed = os.path.join(out, name + suffix + ".seconds")
    return pypyready_answer(path), seconds(timed) if os.path.exists(timed) else 0


def holds(answer, reference):
    """Whether the reference's estimate lies inside the answer's interval ("-" without an answer)."""
    return "-" if not answer else ("yes" if answer[1] <= reference[0] <= answer[2] else "no")


def row(out, path, name):
    times = hyperfine_times(path)
    hf = welch(times[0], times[1])
    own, sigma = hyperfine_own(path)
    hf_s = seconds(os.path.join(out, name + "-hyperfine.seconds"))
    pypyready_path = os.path.join(out, name + "-pypyready.json")
    pr = pypyready_answer(pypyready_path)
    pr_s = seconds(os.path.join(out, name + "-pypyready.seconds"))
    same, same_s = optional_answer(out, name, "-pypyready-same-time")
    cpu = pinned_cpu(pypyready_path)
    pinned_path = os.path.join(out, name + "-hyperfine-pinned.json")
    pinned = welch(*hyperfine_times(pinned_path)) if os.path.exists(pinned_path) else None
    pinned_s = seconds(os.path.join(out, name + "-hyperfine-pinned.seconds")) if pinned else 0
    blocks = hyperfine_reference(out, name)
    ref, runs_c, runs_p = blocks if blocks else (None, 0, 0)

    inside = "%s / %s / %s / %s" % (holds(hf, ref), holds(pr, ref), holds(same, ref), holds(pinned, ref)) \
        if ref else "-"
    own_ref = own_reference(out, name)
    own_inside = "%s / %s" % (holds(pr, own_ref), holds(same, own_ref)) if own_ref else "-"
    cells = "| %s | %s | %.2f ± %.2f | %d/%d | %.1f s | %s | %s, %s, %s | %.1f s |" + " %s |" * 6
    return (cells % (
        name, interval_text(hf), own, sigma, len(times[0]), len(times[1]), hf_s,
        interval_text(pr) if pr else "none", "%d/%d" % tuple(pr[3][:2]) if pr else "-", pr[4] if pr else "-",
        "CPU %s" % cpu if cpu != "" else "not pinned", pr_s,
        ("%s, %d, %.1f s" % (interval_text(same), same[3][0], same_s)) if same else "-",
        (interval_text(pinned) + ", %.1f s" % pinned_s) if pinned else "-",
        (interval_text(ref) + ", %d/%d runs" % (runs_c, runs_p)) if ref else "-", inside,
        (interval_text(own_ref) + ", %d rounds" % own_ref[3][0]) if own_ref else "-", own_inside))


def hyperfine_reference(out, name):
    """The hyperfine-blocks reference (all its blocks pooled) and its run counts, or None."""
    ref_c = sum((hyperfine_times(p)[0] for p in sorted(glob.glob(os.path.join(out, name + "-ref-cpython-*.json")))), [])
    ref_p = sum((hyperfine_times(p)[0] for p in sorted(glob.glob(os.path.join(out, name + "-ref-pypy-*.json")))), [])
    return (welch(ref_c, ref_p), len(ref_c), len(ref_p)) if len(ref_c) > 1 and len(ref_p) > 1 else None


def agreement(dirs):
    print("| run | workload | in hyperfine's time: speedup [95% CI], width | hyperfine: width | "
          "time: pypyready / hyperfine | own reference (10x) | inside | hyperfine-blocks reference (10x) | inside |")
    print("|---|---|---|---|---|---|---|---|---|")
    counts = {"runs": 0, "no wider": 0, "no more time": 0, "own inside": 0, "own": 0, "blocks inside": 0, "blocks": 0}
    for out in dirs:
        placement = "after"
        for line in open(os.path.join(out, "machine.txt")):
            if line.startswith("references:"):
                placement = line.split(":", 1)[1].strip()
        for path in sorted(glob.glob(os.path.join(out, "*-pypyready-same-time.json"))):
            name = os.path.basename(path)[: -len("-pypyready-same-time.json")]
            answer = pypyready_answer(path)
            hyperfine = welch(*hyperfine_times(os.path.join(out, name + "-hyperfine.json")))
            spent = seconds(os.path.join(out, name + "-pypyready-same-time.seconds"))
            hyperfine_spent = seconds(os.path.join(out, name + "-hyperfine.seconds"))
            own = own_reference(out, name)
            blocks = hyperfine_reference(out, name)
            counts["runs"] += 1
            counts["no wider"] += width(*answer[1:3], answer[0]) <= width(*hyperfine[1:3], hyperfine[0])
            counts["no more time"] += spent <= hyperfine_spent
            for key, reference in (("own", own), ("blocks", blocks and blocks[0])):
                if reference:
                    counts[key] += 1
                    counts[key + " inside"] += holds(answer, reference) == "yes"
            print("| %s (%s) | %s | %.3fx [%.3f-%.3f], %.1f %% | %.1f %% | %.1f / %.1f s | %s | %s | %s | %s |" % (
                os.path.basename(out), placement, name, answer[0], answer[1], answer[2],
                100 * width(answer[1], answer[2], answer[0]), 100 * width(hyperfine[1], hyperfine[2], hyperfine[0]),
                spent, hyperfine_spent, "%.3fx" % own[0] if own else "-", holds(answer, own) if own else "-",
                "%.3fx" % blocks[0][0] if blocks else "-", holds(answer, blocks[0]) if blocks else "-"))
    print("\nno wider than hyperfine's defaults %(no wider)d of %(runs)d, no more time %(no more time)d of %(runs)d; "
          "own reference inside %(own inside)d of %(own)d, hyperfine-blocks reference inside %(blocks inside)d of "
          "%(blocks)d" % counts)


def pinned_cpu(path):
    """The CPU pypyready ran its processes on, or "" when it did not pin them."""
    cpu = json.load(open(path))["bench"]["benchmarks"][0].get("pinned_cpu")
    return "" if cpu is None else str(cpu)


def main():
    command = sys.argv[1]
    if command == "pinned-cpu":
        print(pinned_cpu(sys.argv[2]))
    elif command == "runs":
        times = hyperfine_times(sys.argv[2])
        print(len(times[0]), len(times[1]))
    elif command == "table":
        print(table(sys.argv[2]))
    elif command == "agreement":
        agreement(sys.argv[2:])


if __name__ == "__main__":
    main()
