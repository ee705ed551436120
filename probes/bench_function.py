# pypyready in-process benchmark probe: imports the target module once, then calls one function
# repeatedly and writes per-iteration wall and CPU nanoseconds to the data pipe named by
# PYPYREADY_DATA_FD, one "wall_ns cpu_ns" line per iteration, so the program's stdout stays its own.
# Usage: bench_function.py calibrate|run FILE FUNC LOOPS MIN_ITERS MAX_ITERS MAX_SECONDS TARGET_NS
# Standard library only; Python 3.8+ syntax; runs on CPython and PyPy.
import importlib.util
import os
import sys
import time


def report(out, kind, error):
    message = str(error).replace("\n", " ")
    out.write("error %s %s: %s\n" % (kind, type(error).__name__, message))
    out.flush()


def main():
    out = os.fdopen(int(os.environ["PYPYREADY_DATA_FD"]), "w")
    mode, path, func_name = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    loops, min_iters, max_iters = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
    max_seconds, target_ns = float(sys.argv[7]), int(sys.argv[8])
    sys.path.insert(0, os.path.dirname(path))
    name = os.path.splitext(os.path.basename(path))[0]

    started = time.perf_counter_ns()
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        func = getattr(module, func_name)
    except BaseException as error:
        report(out, "import", error)
        return 3
    out.write("import_ns %d\n" % (time.perf_counter_ns() - started))
    out.flush()

    wall = time.perf_counter_ns
    cpu = time.process_time_ns
    sink = []
    try:
        if mode == "calibrate":
            # Double the loop count until one batch lasts at least target_ns (pyperf's method).
            loops = 1
            while True:
                w0 = wall()
                for _ in range(loops):
                    sink.append(func())
                elapsed = wall() - w0
                del sink[:]
                if elapsed >= target_ns or loops >= 1 << 30:
                    break
                loops *= 2
            out.write("loops %d %d\n" % (loops, elapsed))
            out.flush()
            return 0
        deadline = started + int(max_seconds * 1e9)
        for i in range(max_iters):
            w0 = wall()
            c0 = cpu()
            for _ in range(loops):
                sink.append(func())
            c1 = cpu()
            w1 = wall()
            # Results are kept until after the timing so the work cannot be optimised away.
            del sink[:]
            out.write("%d %d\n" % (w1 - w0, c1 - c0))
            out.flush()
            if i + 1 >= min_iters and w1 >= deadline:
                break
    except BaseException as error:
        report(out, "call", error)
        return 4
    return 0


sys.exit(main())
