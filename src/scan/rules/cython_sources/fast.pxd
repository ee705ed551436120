
cdef long total_of(long[:] values)  # expect: PPY039
