# pypyready profile: runs a Python program inside this process under a wall-clock sampling timer
# and, when it ends, writes where its time went as one JSON line to the data pipe
# (PYPYREADY_DATA_FD). The program's own stdout, stderr and exit status stay its own.
#
# argv after -c: INTERVAL_S MODE TARGET ARGS...   MODE: script (TARGET is a file), module (-m),
# code (-c). Python 3.8+, standard library only. It also runs on PyPy, where the native split
# means nothing (there is no CPython C code to be in).
#
# Per sample (SIGALRM from ITIMER_REAL, every INTERVAL_S of wall time), from the main thread:
# - wall, on-CPU and run-queue time since the last sample (/proc/thread-self/schedstat; a
#   thread CPU clock without it) and system time (getrusage RUSAGE_THREAD);
# - off-CPU time that was not queueing is waiting (sleep, blocking I/O);
# - CPU time is native when the sampled frame stands on a call instruction (CPython checks for
#   signals right after a C function returns, never in the middle of one) and, otherwise, as far
#   as the handler ran more than half an interval late for reasons other than waiting (C code
#   that does not reach a signal check, such as a regex engine driven by a for loop); the rest
#   is pure-Python bytecode;
# - a frame of importlib anywhere on the stack makes the whole sample import time;
# - of the pure-Python time, the part whose sampled function is also further down the stack
#   (recursion) and, of the rest, the part weighted by the share of compiled instructions in the
#   innermost loop around the sampled instruction: those PyPy's tracing JIT turns into a few
#   machine instructions (arithmetic, comparisons, attribute access through maps, integer
#   subscripts of list strategies, calls to Python functions, which it inlines into the trace).
#   The model uses it to pick how much the JIT gains (compiled code most, recursion little).
# Per run: the garbage collections CPython made (each one follows about 700 container objects
# allocated and still alive: the survivors PyPy's nursery must copy out) and the on-CPU seconds
# they took (gc.callbacks: a cost in this run's own speed, where a count would take the machine's
# speed from the training runs), and the child processes started on a Python interpreter (each
# one pays PyPy's longer start-up there).
import os
import signal
import sys
import time

_LOADED = time.perf_counter()  # the probe's own set-up is measured from here, not start-up


def _startup_queue():
    """Seconds this thread waited for a CPU since the process started (exec does not reset it)."""
    try:
        with open("/proc/thread-self/schedstat", "rb") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


_STARTUP_QUEUE = _startup_queue()
_STARTUP_CPU = time.process_time()  # CPU of start-up so far: immune to waiting for a CPU
_CALL_OPS = ("CALL", "PRECALL", "CALL_FUNCTION", "CALL_FUNCTION_KW", "CALL_FUNCTION_EX", "CALL_METHOD",
             "CALL_KW")
_PLUMBING = frozenset(("LOAD_FAST", "STORE_FAST", "LOAD_CONST", "NOP", "RESUME", "CACHE", "EXTENDED_ARG",
                       "POP_TOP", "PRECALL", "KW_NAMES", "PUSH_NULL", "COPY", "SWAP", "RETURN_VALUE",
                       "LOAD_FAST__LOAD_FAST", "ROT_TWO", "ROT_THREE", "DUP_TOP", "LOAD_NAME", "STORE_NAME",
                       "LOAD_GLOBAL", "STORE_GLOBAL", "LOAD_DEREF", "STORE_DEREF", "LOAD_CLOSURE", "FOR_ITER",
                       "GET_ITER"))
_COMPILED = frozenset(("BINARY_OP", "COMPARE_OP", "IS_OP", "LOAD_ATTR", "STORE_ATTR", "LOAD_METHOD"))
# Subscripts by an index or key; right after BUILD_SLICE they copy a slice instead, which the JIT
# does not shorten (training: counting container building and slices as compiled fitted worse).
_SUBSCRIPTS = frozenset(("BINARY_SUBSCR", "STORE_SUBSCR", "DELETE_SUBSCR"))
# Builtins that never hold the thread for long: a sample at one of them is charged to the C
# iterator of the loop around it (Sampler.loop_iterator) when there is one.
_CHEAP_BUILTINS = frozenset(("len", "isinstance", "dict.get", "dict.setdefault", "list.append", "set.add",
                             "abs", "int", "float", "bool", "hash", "id", "type", "ord", "chr", "getattr",
                             "hasattr", "iter", "next", "range", "enumerate", "zip", "list.pop", "dict.pop"))
_PY311 = sys.version_info >= (3, 11)
_PY312 = sys.version_info >= (3, 12)


def _stdlib_dirs():
    import sysconfig
    dirs = set()
    for key in ("stdlib", "platstdlib"):
        path = sysconfig.get_paths().get(key)
        if path:
            dirs.add(os.path.realpath(path) + os.sep)
    return sorted(dirs)


def _site_dirs():
    dirs = set()
    for path in sys.path:
        if path and ("site-packages" in path or "dist-packages" in path):
            dirs.add(os.path.realpath(path) + os.sep)
    return sorted(dirs)


class _Code:
    """One code object's instructions, decoded once: lists of (offset, opcode, argument)."""

    def __init__(self, code):
        import opcode
        self.code = code  # kept alive, so its id() is never reused while cached
        self.ops = []
        self.index = {}
        raw = code.co_code
        extended = 0
        cache_op = opcode.opmap.get("CACHE", -1)
        for offset in range(0, len(raw) - 1, 2):
            op, arg = raw[offset], raw[offset + 1] | extended
            if op == opcode.EXTENDED_ARG:
                extended = arg << 8
                continue
            extended = 0
            if op == cache_op:
                continue
            self.index[offset] = len(self.ops)
            self.ops.append((offset, op, arg))
        self.sites = {}  # offset -> (kind, module, callee) for call sites, None for other bytecode
        # Loops as (first, last) offsets: a backward jump and its target (3.11+: relative to the
        # next instruction, in instructions; before: JUMP_ABSOLUTE's target, which counts
        # instructions from 3.10 on).
        names = self.opname = opcode.opname
        scale = 2 if sys.version_info >= (3, 10) else 1
        self.loops = []
        for offset, op, arg in self.ops:
            name = names[op]
            if name in ("JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT"):
                self.loops.append((offset + 2 - 2 * arg, offset))
            elif name == "JUMP_ABSOLUTE" and arg * scale <= offset:
                self.loops.append((arg * scale, offset))
        self.compiled_at = {}
        self.iterators = {}  # offset -> loop_iterator() of a sample there
        self.lines = None

    def line_of(self, offset):
        if self.lines is None:
            import dis
            self.lines = sorted(dis.findlinestarts(self.code))
        line = None
        for start, number in self.lines:
            if start > offset:
                break
            if number is not None:
                line = number
        return line

    def loop_head(self, position):
        """The index of the FOR_ITER reached by walking back from `position` without passing a
        signal check (a call, a backward jump); None when a check comes first."""
        j = position - 1
        while j >= 0 and self.opname[self.ops[j][1]] in ("PRECALL", "KW_NAMES"):
            j -= 1  # the sampled call's own preparation
        for _ in range(60):
            if j < 0:
                return None
            name = self.opname[self.ops[j][1]]
            if name == "FOR_ITER":
                return j
            if name in _CALL_OPS or "BACKWARD" in name or name == "JUMP_ABSOLUTE":
                return None
            j -= 1
        return None

    def compiled(self, lasti, is_python_call):
        """The share of compiled instructions (arithmetic, comparisons, attribute access, index
        subscripts, calls for which `is_python_call(offset)` holds) among those that do work (not
        local loads and stores, constants, stack shuffles, jumps) in the innermost loop around
        `lasti` (the whole function outside loops), against container building, slicing,
        string formatting and calls into C."""
        share = self.compiled_at.get(lasti)
        if share is not None:
            return share
        first, last = 0, len(self.code.co_code)
        for start, end in self.loops:
            if start <= lasti <= end and end - start < last - first:
                first, last = start, end
        work = compiled = 0
        previous = ""
        for offset, op, arg in self.ops:
            if offset < first or offset > last:
                continue
            name = self.opname[op]
            if name in _PLUMBING or "JUMP" in name:
                continue
            work += 1
            if name in _COMPILED or (name.startswith(("BINARY_", "INPLACE_", "UNARY_")) and "SUBSCR" not in name):
                compiled += 1
            elif name in _SUBSCRIPTS and previous != "BUILD_SLICE":
                compiled += 1
            elif name in _CALL_OPS and is_python_call(offset):
                compiled += 1
            previous = name
        share = self.compiled_at[lasti] = compiled / work if work else 0.0
        return share


class Sampler:
    def __init__(self, interval):
        import opcode
        self.opname = opcode.opname
        self.have_argument = opcode.HAVE_ARGUMENT
        self.stack_effect = getattr(opcode, "stack_effect", None)  # absent on some PyPy versions
        self.interval = interval
        self.stdlib = tuple(_stdlib_dirs())
        self.sites_dirs = tuple(_site_dirs())
        self.codes = {}
        self.file_kinds = {}
        self.module_kinds = {}
        self.records = {}
        self.samples = 0
        self.python_recursive_s = 0.0
        self.python_compiled_s = 0.0
        self.queue_s = 0.0
        self.overhead_s = 0.0
        self.last_overhead = 0.0
        try:
            self.stat_fd = os.open("/proc/thread-self/schedstat", os.O_RDONLY)
        except OSError:
            self.stat_fd = -1
        try:
            import resource
            self.rusage = resource.getrusage
            self.who = getattr(resource, "RUSAGE_THREAD", resource.RUSAGE_SELF)
        except ImportError:
            self.rusage = None
        self.thread_id = None
        self.busy = False
        self.pid = os.getpid()
        self.gc_collections = 0
        self.gc_s = 0.0
        self.gc_began = None
        self.interpreter_children = 0
        self.io_start = (0, 0)
        self.read_bytes = 0
        self.written_bytes = 0
        self.watching = False

    # --- clocks -------------------------------------------------------------------------------
    def cpu_queue(self):
        # schedstat's on-CPU field lags by up to a scheduler tick; the thread clock does not.
        # Its run-queue field is current whenever this thread runs, as the handler does.
        if self.stat_fd >= 0:
            return time.thread_time(), int(os.pread(self.stat_fd, 96, 0).split()[1]) / 1e9
        return time.thread_time(), 0.0

    def system(self):
        return self.rusage(self.who).ru_stime if self.rusage else 0.0

    def start(self):
        import threading
        self.thread_id = threading.get_ident()
        self.started = time.perf_counter()
        self.last_wall = self.started
        self.last_cpu, self.last_queue = self.cpu_queue()
        self.start_cpu = self.last_cpu
        self.last_sys = self.system()
        self.next_expiry = self.started + self.interval
        signal.signal(signal.SIGALRM, self.handler)
        signal.siginterrupt(signal.SIGALRM, False)  # blocking calls restart: waiting shows as lateness
        signal.setitimer(signal.ITIMER_REAL, self.interval, self.interval)
        self.gc_start = _gc_collections()
        self.io_start = _io_bytes()
        callbacks = _gc_callbacks()
        if callbacks is not None:
            callbacks.append(self.gc_event)
        self.watching = True
        if hasattr(sys, "addaudithook"):  # a hook cannot be removed: it checks `watching`
            sys.addaudithook(self.audit)

    def stop(self):
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        self.watching = False
        self.gc_collections = max(0, _gc_collections() - self.gc_start)
        read, written = _io_bytes()
        self.read_bytes = max(0, read - self.io_start[0])
        self.written_bytes = max(0, written - self.io_start[1])
        callbacks = _gc_callbacks()
        if callbacks is not None and self.gc_event in callbacks:
            callbacks.remove(self.gc_event)
        self.replaced = signal.getsignal(signal.SIGALRM) != self.handler
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        self.finished = time.perf_counter()
        self.end_cpu = self.cpu_queue()[0]

    def gc_event(self, phase, info):
        # Runs around every collection: the thread's CPU clock leaves out time spent queueing
        # behind other processes, as the rest of the profile does. A collection only starts
        # between two "start"/"stop" pairs, never inside one.
        if phase == "start":
            self.gc_began = time.thread_time()
        elif self.gc_began is not None:
            self.gc_s += time.thread_time() - self.gc_began
            self.gc_began = None

    # --- child interpreters -------------------------------------------------------------------
    def audit(self, event, args):
        # Runs on every audited event (open, import, ...): the cheap comparison comes first.
        if event != "subprocess.Popen" and event != "os.system":
            return
        if not self.watching or os.getpid() != self.pid:
            return
        try:
            if event == "os.system":
                command = args[0].decode() if isinstance(args[0], bytes) else str(args[0])
                program = command.split()[0] if command.split() else ""
            else:
                program = args[0] if args[0] is not None else args[1]
                if not isinstance(program, (str, bytes, os.PathLike)):
                    program = list(program)[0]  # an argument list: its first item
            if _is_interpreter(os.fsdecode(program)):
                self.interpreter_children += 1
        except Exception:
            pass  # an unusual argument shape: not counted

    # --- the signal handler -------------------------------------------------------------------
    def handler(self, signum, frame):
        # A signal that arrives while the handler runs (first look at a call site, a descheduled
        # moment) would count the same interval twice: the next sample covers it instead.
        if self.busy:
            return
        self.busy = True
        try:
            self.sample(frame)
        finally:
            self.busy = False

    def sample(self, frame):
        now = time.perf_counter()
        cpu, queue = self.cpu_queue()
        stime = self.system()
        remaining = signal.getitimer(signal.ITIMER_REAL)[0]
        # The previous handler's own work is in these deltas: take it out (it is CPU time).
        wall = now - self.last_wall - self.last_overhead
        on_cpu = max(0.0, cpu - self.last_cpu - self.last_overhead)
        queued = max(0.0, queue - self.last_queue)
        # Thread system time is split from user time in clock ticks: consume at most the CPU
        # time of this interval and carry the rest, so the sum stays right.
        sys_s = min(max(0.0, stime - self.last_sys), on_cpu)
        self.last_sys += sys_s
        waited = max(0.0, wall - on_cpu - queued)
        late = max(0.0, now - self.next_expiry)
        user = on_cpu - sys_s
        if frame is not None and frame.f_code is _GC_EVENT_CODE:
            frame = frame.f_back  # the signal check ran in gc_event: the collection's caller is sampled
        if frame is not None:
            self.record(frame, user, sys_s, waited, queued, late)
        self.samples += 1
        self.queue_s += queued
        self.last_wall, self.last_cpu, self.last_queue = now, cpu, queue
        self.next_expiry = now + (remaining if remaining > 0 else self.interval)
        self.last_overhead = time.perf_counter() - now
        self.overhead_s += self.last_overhead

    def record(self, frame, user, sys_s, waited, queued, late):
        code = frame.f_code
        site = self.site(frame, code, frame.f_lasti)
        in_import, user_frame, recursive = self.walk(frame)
        # runpy's own code on top is loading the program (reading and compiling it): import time.
        in_import = in_import or code.co_filename == "<frozen runpy>"
        where = (code.co_filename, code.co_name, frame.f_lineno or 0)
        caller = (user_frame.f_code.co_filename, user_frame.f_lineno or 0) if user_frame is not None else ("", 0)
        if in_import:
            self.add(("import", "", "") + where + caller, user, sys_s, waited)
            return
        # The part of the lateness that waiting and queueing do not explain ran in C. Reaching
        # the next signal check always takes a little bytecode; only a delay of more than half
        # an interval is taken as C code that held the thread.
        excess = late - waited - queued
        held = excess > 0.5 * self.interval
        if site is not None:
            if site[1] == "builtins" and site[2] in _CHEAP_BUILTINS:
                # The sample covers everything since the last signal check, and the cheap call
                # where the check ran is the smallest part of it: the loop's C iterator, when
                # there is one, is the likelier place the time went.
                found = self.loop_iterator(frame, code, frame.f_lasti)
                if found is not None:
                    site, where, caller = found[0], where[:2] + (found[1],), self.moved(caller, where, found[1])
            self.add(site + where + caller, user, sys_s, waited)
            return
        native = min(user, excess) if held else 0.0
        self.add(("python", "", "") + where + caller, user - native, sys_s, waited)
        decoded = self.codes.get(id(code))
        if recursive:
            self.python_recursive_s += user - native
        elif decoded is not None:
            # A call site resolves to None when it calls Python code (see site()).
            share = decoded.compiled(frame.f_lasti, lambda offset: self.site(frame, code, offset) is None)
            self.python_compiled_s += (user - native) * share
        if native > 0:
            found = self.loop_iterator(frame, code, frame.f_lasti)
            if found is not None:
                self.add(found[0] + where[:2] + (found[1],) + self.moved(caller, where, found[1]), native, 0.0, 0.0, 0)
            else:
                self.add(("native_stdlib", "(interpreter)", "") + where + caller, native, 0.0, 0.0, 0)

    @staticmethod
    def moved(caller, where, line):
        """The caller of a sample moved to `line` of its own frame: the same move when the
        sampled frame is the user's."""
        return (caller[0], line) if caller == (where[0], where[2]) else caller

    def add(self, key, user, sys_s, waited, count=1):
        entry = self.records.get(key)
        if entry is None:
            self.records[key] = [user, sys_s, waited, count]
        else:
            entry[0] += user
            entry[1] += sys_s
            entry[2] += waited
            entry[3] += count

    def walk(self, frame):
        """(whether importlib is on the stack, the innermost frame outside the stdlib, whether the
        sampled function also runs further down the stack)."""
        user_frame = None
        top = frame.f_code
        recursive = False
        depth = 0
        while frame is not None and depth < 400:
            code = frame.f_code
            filename = code.co_filename
            if filename.startswith("<frozen importlib"):
                return True, user_frame, False
            if user_frame is None and self.file_kind(filename) == "user":
                user_frame = frame
            if depth > 0 and code is top:
                recursive = True
            frame = frame.f_back
            depth += 1
        return False, user_frame, recursive

    def file_kind(self, filename):
        kind = self.file_kinds.get(filename)
        if kind is None:
            if filename == "<string>" or filename.startswith("<frozen"):
                kind = "tool"  # this probe (run with -c) and frozen modules
            else:
                real = os.path.realpath(filename)
                kind = "stdlib" if real.startswith(self.stdlib) and not real.startswith(self.sites_dirs) else "user"
            self.file_kinds[filename] = kind
        return kind

    # --- what a call instruction calls --------------------------------------------------------
    def site(self, frame, code, lasti):
        decoded = self.codes.get(id(code))
        if decoded is None:
            decoded = self.codes[id(code)] = _Code(code)
        if lasti in decoded.sites:
            return decoded.sites[lasti]
        result = None
        position = decoded.index.get(lasti)
        if position is not None:
            offset, op, arg = decoded.ops[position]
            if self.opname[op] in _CALL_OPS:
                result = self.resolve_call(frame, code, decoded, position, op, arg)
        decoded.sites[lasti] = result
        return result

    def resolve_call(self, frame, code, decoded, position, op, arg):
        name = self.opname[op]
        if name == "CALL_FUNCTION_EX":
            above = 1 + (arg & 1)
        elif name == "CALL_FUNCTION_KW":
            above = arg + 1
        else:
            above = arg
        if name == "CALL" and _PY311 and not _PY312:
            above = arg  # the PRECALL before it carries the same count
        target = load = None
        try:
            load = self.find_load(decoded, position, above)
            if load is not None:
                target = self.load_value(frame, code, decoded, load, 0)
        except Exception:
            target = None
        if target is None:
            return self.unknown_callee(code, decoded, load)
        return self.describe(target)

    def unknown_callee(self, code, decoded, load):
        """A C call whose callable is not known (a method of a call's result, an item of a
        container). Inside a standard-library module's Python code it is taken as that module's
        own C work (`re.sub` calls `_compile(...).sub`, the C method of the pattern it compiled)."""
        module = self.stdlib_module(code.co_filename)
        if module is None:
            return ("native_stdlib", "(unresolved)", "")
        callee = "(result)"
        if load is not None:
            offset, op, arg = decoded.ops[load]
            name = self.opname[op]
            if name in ("LOAD_ATTR", "LOAD_METHOD"):
                index = arg >> 1 if (_PY312 and name == "LOAD_ATTR") else arg
                callee = "(result)." + code.co_names[index]
        return (self.module_kind(module), module, callee)

    def stdlib_module(self, filename):
        """The top-level module a standard-library source file belongs to; None elsewhere."""
        if self.file_kind(filename) != "stdlib":
            return None
        real = os.path.realpath(filename)
        for directory in self.stdlib:
            if real.startswith(directory):
                first = real[len(directory):].split(os.sep)[0]
                return first[:-3] if first.endswith(".py") else first
        return None

    def loop_iterator(self, frame, code, lasti):
        """The C iterator of the loop whose FOR_ITER ran since the last signal check before
        `lasti`, as ((kind, module, callee), the `for` statement's line); None when there is none
        or it is the interpreter's own.

        CPython runs signal handlers only at calls and backward jumps, so C work done by FOR_ITER
        (`for m in pattern.finditer(text)`) is sampled at the next call in the loop body or at the
        loop's backward jump."""
        decoded = self.codes.get(id(code))
        if decoded is None:
            return None
        if lasti in decoded.iterators:
            return decoded.iterators[lasti]
        result = None
        position = decoded.index.get(lasti)
        try:
            start = decoded.loop_head(position) if position is not None else None
            if start is not None:
                site = self.iterator_source(frame, code, decoded, start)
                if site is not None:
                    result = (site, decoded.line_of(decoded.ops[start][0]) or frame.f_lineno or 0)
        except Exception:
            result = None
        decoded.iterators[lasti] = result
        return result

    def iterator_source(self, frame, code, decoded, for_iter):
        # for_iter - 1 is GET_ITER on the first pass; what pushed the iterable is before it.
        if for_iter < 2 or self.opname[decoded.ops[for_iter - 1][1]] != "GET_ITER":
            return None
        offset, op, arg = decoded.ops[for_iter - 2]
        if self.opname[op] in _CALL_OPS:
            site = self.site(frame, code, offset)
        else:
            value = self.load_value(frame, code, decoded, for_iter - 2, 0)
            if value is None:
                return None
            klass = _defining_class(type(value), ("__next__",))
            if klass is None or klass is object:
                return None
            module = klass.__module__ if isinstance(klass.__module__, str) else "builtins"
            site = (self.module_kind(module), module.split(".")[0], klass.__qualname__ + ".__next__")
        if site is None or site[1] in ("builtins", "(unresolved)"):
            return None  # range, enumerate, zip, a list's iterator: cheap, or not known
        return site

    def find_load(self, decoded, position, above):
        """Walks back over the arguments' instructions to the one that pushed the callable.

        `depth` counts the stack items between the callable and the point reached; an
        instruction that pushed more items than that pushed the callable (or the attribute load
        that produced it).
        """
        if self.stack_effect is None:
            return None
        j = position - 1
        while j >= 0 and self.opname[decoded.ops[j][1]] in ("PRECALL", "KW_NAMES"):
            j -= 1  # the call's own preparation
        depth = above
        for _ in range(120):
            if j < 0:
                return None
            offset, op, arg = decoded.ops[j]
            name = self.opname[op]
            effect = self.stack_effect(op, arg if op >= self.have_argument else None, jump=False)
            if name in ("PRECALL", "KW_NAMES", "NOP", "RESUME") or name.startswith(("STORE_", "POP_", "DELETE_")):
                pushes = 0
            else:
                pushes = max(effect, 1)
            if depth < pushes:
                return j
            depth -= effect
            j -= 1
        return None

    def load_value(self, frame, code, decoded, j, nesting):
        if nesting > 4 or j < 0:
            return None
        offset, op, arg = decoded.ops[j]
        name = self.opname[op]
        missing = object()
        if name == "LOAD_GLOBAL":
            key = code.co_names[arg >> 1] if _PY311 else code.co_names[arg]
            value = frame.f_globals.get(key, missing)
            if value is missing:
                value = frame.f_builtins.get(key)
            return value
        if name == "LOAD_CONST":
            return code.co_consts[arg]
        if name == "LOAD_NAME":
            key = code.co_names[arg]
            for space in (frame.f_locals, frame.f_globals, frame.f_builtins):
                if key in space:
                    return space[key]
            return None
        if name in ("LOAD_FAST", "LOAD_DEREF", "LOAD_CLASSDEREF"):
            if name == "LOAD_FAST":
                key = code.co_varnames[arg]
            elif hasattr(code, "_varname_from_oparg"):
                key = code._varname_from_oparg(arg)
            else:
                key = (code.co_cellvars + code.co_freevars)[arg]
            return frame.f_locals.get(key)
        if name in ("LOAD_ATTR", "LOAD_METHOD"):
            key = code.co_names[arg >> 1] if (_PY312 and name == "LOAD_ATTR") else code.co_names[arg]
            receiver = self.load_value(frame, code, decoded, j - 1, nesting + 1)
            return _static_attribute(receiver, key) if receiver is not None else None
        return None

    def describe(self, target):
        """(kind, module, callee) of a C callable; None for Python code.

        Only types are asked about the target before it is known to be a builtin, so no user
        __getattr__ or property runs inside the signal handler.
        """
        if target is None:
            return ("native_stdlib", "(unresolved)", "")
        for _ in range(4):
            kind_name = type(target).__name__
            if kind_name == "partial" and type(target).__module__ == "functools":
                target = target.func
            elif isinstance(target, (staticmethod, classmethod)):
                target = target.__func__
            else:
                break
        kind_name = type(target).__name__
        if kind_name in ("function", "method", "generator", "coroutine", "cell"):
            return None
        if kind_name == "builtin_function_or_method":
            owner = target.__self__
            if owner is not None and type(owner).__name__ == "module":
                module = owner.__name__
            elif isinstance(owner, type):
                module = owner.__module__
            elif owner is not None:
                module = type(owner).__module__
            else:
                module = target.__module__
            callee = target.__qualname__
        elif kind_name in ("method_descriptor", "wrapper_descriptor", "classmethod_descriptor"):
            module = target.__objclass__.__module__
            callee = target.__objclass__.__name__ + "." + target.__name__
        elif kind_name == "method-wrapper":
            module = type(target.__self__).__module__
            callee = type(target.__self__).__name__ + "." + target.__name__
        elif isinstance(target, type):
            # Creating an instance: Python code if __new__ or __init__ is Python, else the C code
            # of the class that defines them (object's for a plain Python class).
            owner = _defining_class(target, ("__new__", "__init__"))
            if owner is None:
                return None
            module = owner.__module__
            callee = target.__qualname__
        else:
            owner = _defining_class(type(target), ("__call__",))
            if owner is None:
                return None
            module = owner.__module__
            callee = type(target).__qualname__
        module = module if isinstance(module, str) and module else "builtins"
        return (self.module_kind(module), module.split(".")[0], str(callee))

    def module_kind(self, module):
        kind = self.module_kinds.get(module)
        if kind is None:
            top = module.split(".")[0]
            loaded = sys.modules.get(top)
            path = getattr(loaded, "__file__", None)
            if top in sys.builtin_module_names or top == "builtins" or not path:
                kind = "native_stdlib"
            else:
                real = os.path.realpath(path)
                stdlib = real.startswith(self.stdlib) and not real.startswith(self.sites_dirs)
                kind = "native_stdlib" if stdlib else "native_extensions"
            self.module_kinds[module] = kind
        return kind

    # --- the report ---------------------------------------------------------------------------
    def report(self, ending):
        records = []
        for key, (user, sys_s, waited, count) in self.records.items():
            records.append(list(key) + [round(user, 7), round(sys_s, 7), round(waited, 7), count])
        process_user = process_sys = 0.0
        if self.rusage is not None:
            import resource
            usage = resource.getrusage(resource.RUSAGE_SELF)
            process_user, process_sys = usage.ru_utime, usage.ru_stime
        return {
            "probe": "profile_sampler/1",
            "implementation": sys.implementation.name,
            "python_version": "%d.%d.%d" % sys.version_info[:3],
            "interval_s": self.interval,
            "samples": self.samples,
            "wall_s": self.finished - self.started,
            "setup_s": self.started - _LOADED,
            "startup_queue_s": _STARTUP_QUEUE,
            "startup_cpu_s": _STARTUP_CPU,
            "main_thread_cpu_s": self.end_cpu - self.start_cpu,
            "process_user_s": process_user,
            "process_sys_s": process_sys,
            "queue_s": self.queue_s,
            "python_recursive_s": self.python_recursive_s,
            "python_compiled_s": self.python_compiled_s,
            "gc_collections": self.gc_collections,
            "gc_s": self.gc_s,
            "interpreter_children": self.interpreter_children,
            "read_bytes": self.read_bytes,
            "written_bytes": self.written_bytes,
            "overhead_s": self.overhead_s,
            "schedstat": self.stat_fd >= 0,
            "handler_replaced": self.replaced,
            "stdlib_dirs": list(self.stdlib),
            "site_dirs": list(self.sites_dirs),
            "cwd": os.getcwd(),
            "ending": ending,
            "records": records,
        }


_GC_EVENT_CODE = Sampler.gc_event.__code__


def _gc_collections():
    """Collections of every generation so far: each one started when the allocations minus the
    deallocations of container objects passed gen-0's threshold (700 by default). 0 on PyPy,
    whose gc.get_stats() reports memory instead."""
    import gc
    stats = getattr(gc, "get_stats", None)
    try:
        return sum(generation["collections"] for generation in stats()) if stats else 0
    except Exception:
        return 0


def _io_bytes():
    """(bytes read, bytes written) by the whole process through read and write system calls so
    far, files, pipes and sockets alike (/proc/self/io's rchar and wchar; (0, 0) where the kernel
    does not account them). PyPy hands every read a fresh buffer from its garbage collector, so
    bulk reads cost it time per byte that CPython does not pay."""
    try:
        with open("/proc/self/io", "rb") as source:
            fields = dict(line.split(b":", 1) for line in source.read().splitlines() if b":" in line)
        return int(fields.get(b"rchar", 0)), int(fields.get(b"wchar", 0))
    except (OSError, ValueError):
        return 0, 0


def _gc_callbacks():
    """CPython's gc.callbacks list (None where there is none)."""
    import gc
    callbacks = getattr(gc, "callbacks", None)
    return callbacks if isinstance(callbacks, list) else None


def _is_interpreter(program):
    """Whether a child's program is a Python interpreter: this one, or python*/pypy* by name."""
    name = os.path.basename(program)
    if program and sys.executable and os.path.realpath(program) == os.path.realpath(sys.executable):
        return True
    stem = name.rstrip("0123456789.")
    return stem in ("python", "pypy", "python-dbg") or name.startswith(("python3.", "pypy3."))


def _static_attribute(owner, name):
    """An attribute found without running user code (no properties, no __getattr__)."""
    if type(owner).__name__ == "module":
        return owner.__dict__.get(name)
    if isinstance(owner, type):
        for klass in owner.__mro__:
            if name in klass.__dict__:
                return klass.__dict__[name]
        return None
    try:
        instance = object.__getattribute__(owner, "__dict__")
    except Exception:
        instance = None
    if isinstance(instance, dict) and name in instance:
        return instance[name]
    for klass in type(owner).__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None


def _defining_class(klass, names):
    """The first class of the MRO defining one of `names` in C; None when it is Python code."""
    for base in klass.__mro__:
        for name in names:
            value = base.__dict__.get(name)
            if value is None:
                continue
            if type(value).__name__ in ("function", "staticmethod", "classmethod"):
                return None
            return base
    return object


def _run(mode, target, args):
    import runpy
    if mode == "script":
        sys.argv = [target] + args
        sys.path[0] = os.path.dirname(os.path.abspath(target))
        runpy.run_path(target, run_name="__main__")
    elif mode == "module":
        sys.argv = [target] + args
        sys.path[0] = os.getcwd()
        runpy.run_module(target, run_name="__main__", alter_sys=True)
    else:
        import types
        sys.argv = ["-c"] + args
        main = types.ModuleType("__main__")
        sys.modules["__main__"] = main
        exec(compile(target, "<command>", "exec"), main.__dict__)


def _main():
    interval, mode, target, args = float(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
    fd = int(os.environ.pop("PYPYREADY_DATA_FD", "-1"))
    if fd >= 0:
        os.set_inheritable(fd, False)
    sampler = Sampler(interval)
    ending = {"kind": "returned"}
    sampler.start()
    try:
        _run(mode, target, args)
    except SystemExit as stop:
        ending = {"kind": "exit", "code": stop.code if isinstance(stop.code, int) else 1}
        raise
    except BaseException as error:
        ending = {"kind": "exception", "exception": "%s: %s" % (type(error).__name__, error)}
        raise
    finally:
        sampler.stop()
        # A forked child that returns here must not write a second report.
        if fd >= 0 and os.getpid() == sampler.pid:
            import json
            line = (json.dumps(sampler.report(ending)) + "\n").encode()
            while line:
                line = line[os.write(fd, line):]


_main()
