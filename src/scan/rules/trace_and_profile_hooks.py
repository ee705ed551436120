# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import sys
import threading
from sys import setprofile as set_profiler

import cProfile  # expect: PPY023
from coverage import Coverage  # expect: PPY023
import pdb

hits = {}


def tracer(frame, event, arg):
    if event == "line":
        hits[frame.f_lineno] = hits.get(frame.f_lineno, 0) + 1
    return tracer


def profiler(frame, event, arg):
    print(frame, event, arg)


sys.settrace(tracer)  # expect: PPY023
set_profiler(profiler)  # expect: PPY023
threading.settrace(profiler)  # expect: PPY023
pdb.set_trace()  # expect: PPY023


class Stepper:
    def dispatch(self, frame, event, arg):
        if event == "call":
            return self.dispatch
        return None

    def start(self):
        sys.settrace(self.dispatch)  # expect: PPY023
        sys._getframe().f_trace = self.dispatch  # expect: PPY023


def jump(frame):
    frame.f_lineno = 10  # expect: PPY023


# Removing or restoring a hook, debugger behind a flag, guarded import.
old = sys.gettrace()
sys.settrace(None)
sys.settrace(old)
sys.setprofile(sys.getprofile())
sys._getframe().f_trace = None
if "--debug" in sys.argv:
    pdb.set_trace()
try:
    import coverage
except ImportError:
    coverage = None
from bdb import BdbQuit
from bdb import Bdb  # expect: PPY023


def set_break(flag):
    def breaker():
        pdb.set_trace()

    return breaker
import bdb


def quit_requested(error):
    return isinstance(error, bdb.BdbQuit)
