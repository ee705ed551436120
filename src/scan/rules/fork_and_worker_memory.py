# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import Pool

pid = os.fork()  # expect: PPY038
multiprocessing.set_start_method("fork")  # expect: PPY038
context = multiprocessing.get_context("fork")  # expect: PPY038
gc.freeze()  # expect: PPY038
pool = Pool()  # expect: PPY038
big = multiprocessing.Pool(processes=32)  # expect: PPY038
executor = ProcessPoolExecutor(max_workers=os.cpu_count() * 2)  # expect: PPY038
default = ProcessPoolExecutor()  # expect: PPY038

# Small or unknown pool sizes, other start methods, threads and guarded freeze are fine.
small = Pool(4)
sized = ProcessPoolExecutor(max_workers=WORKERS)
options = {"max_workers": 2}
configured = ProcessPoolExecutor(**options)
spawn = multiprocessing.get_context("spawn")
multiprocessing.set_start_method("forkserver")
threads = ThreadPoolExecutor()
if hasattr(gc, "freeze"):
    gc.freeze()


class Tree:
    def fork(self):
        return Tree()


Tree().fork()
