// jemalloc's settings for this executable, read by jemalloc itself before the first allocation.
//
// Transparent huge pages for the heap: a scan touches tens of megabytes of fresh memory (source
// text, tokens, trees) and, with 4 KB pages, one page fault per 4 KB was 8 % of a scan of the
// standard library on a virtual machine, where faults are expensive. Most kernels (Debian's
// among them) give huge pages only to memory that asks for them, which glibc's malloc does only
// when an environment variable says so; jemalloc can be told here. Measured in bench/README.md.
#ifdef PYPYREADY_JEMALLOC
extern "C" {
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): the name and type jemalloc reads
const char* malloc_conf = "thp:always,metadata_thp:always";
}
#endif
