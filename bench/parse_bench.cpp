// Parser speed against CPython on a tree of Python files (by default the python3 standard
// library, site-packages excluded), single-threaded, files already in memory:
// `parse_bench [DIR] [PYTHON] [CPYTHON_ROUNDS]`. Times are CPU time of the parsing thread, best of
// three rounds for pypyready and of CPYTHON_ROUNDS (default 1) for CPython. pypyready's side is parse_python
// (decode, tokenize, parse) on each file's bytes; CPython's side is compile(src, path, "exec",
// ast.PyCF_ONLY_AST) over the same files, timed inside that interpreter. Prints both times, the ratio and the
// peak resident memory of this process.

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "python/parser.h"
#include "python/testing/stdlib_sources.h"

namespace {

namespace fs = std::filesystem;

struct Corpus {
  std::vector<std::string> paths;
  std::vector<std::string> bytes;
  std::size_t lines = 0;
};

Corpus load(const fs::path& root) {
  Corpus corpus;
  for (const fs::path& path : pypyready::python::testing::stdlib_sources(root)) {
    auto bytes = pypyready::core::read_file(path);
    if (!bytes) continue;
    for (char c : *bytes)
      corpus.lines += c == '\n';
    corpus.paths.push_back(path.string());
    corpus.bytes.push_back(std::move(*bytes));
  }
  return corpus;
}

double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

// CPython's own timing of compile(..., PyCF_ONLY_AST) over the listed files; -1 on failure.
double cpython_seconds(const std::string& python, const Corpus& corpus, int rounds) {
  fs::path listing = fs::temp_directory_path() / "pypyready_parse_bench_files.txt";
  std::string text;
  for (const std::string& path : corpus.paths)
    text += path + "\n";
  if (!pypyready::core::write_file_atomically(listing, text)) return -1;
  std::string script =
      "import ast,sys,time\n"
      "paths=open(sys.argv[1]).read().splitlines()\n"
      "data=[open(p,'rb').read() for p in paths]\n"
      "best=1e9\n"
      "for r in range(int(sys.argv[2])):\n"
      "  t=time.thread_time()\n"
      "  for p,d in zip(paths,data):\n"
      "    try: compile(d,p,'exec',ast.PyCF_ONLY_AST)\n"
      "    except (SyntaxError,ValueError): pass\n"
      "  best=min(best,time.thread_time()-t)\n"
      "print(best)\n";
  fs::path script_path = fs::temp_directory_path() / "pypyready_parse_bench.py";
  if (!pypyready::core::write_file_atomically(script_path, script)) return -1;
  // setsid + timeout: the child gets its own process group and cannot outlive the run.
  std::string command = "setsid timeout 600 " + python + " -W ignore " + script_path.string() + " " +
                        listing.string() + " " + std::to_string(rounds);
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  double seconds = -1;
  if (std::fscanf(pipe, "%lf", &seconds) != 1) seconds = -1;
  pclose(pipe);
  fs::remove(listing);
  fs::remove(script_path);
  return seconds;
}

int run(int argc, char** argv) {
  std::string root = argc > 1 ? argv[1] : "/root/.pyenv/versions/3.11.7/lib/python3.11";
  std::string python = argc > 2 ? argv[2] : "python3";
  if (!fs::is_directory(root)) {
    std::fprintf(stderr, "parse_bench: %s is not a directory\n", root.c_str());
    return 2;
  }
  Corpus corpus = load(root);
  std::size_t errors = 0;
  std::size_t bytes = 0;
  // The best of three rounds, in CPU time of this thread, so that other load on the machine
  // shows as little as possible.
  double ours = 1e9;
  for (int round = 0; round < 3; ++round) {
    double begin = thread_cpu_seconds();
    errors = 0;
    bytes = 0;
    for (const std::string& source : corpus.bytes) {
      pypyready::python::ParsedFile parsed = pypyready::python::parse_python(source);
      errors += parsed.error.has_value();
      bytes += source.size();
    }
    ours = std::min(ours, thread_cpu_seconds() - begin);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  int cpython_rounds = argc > 3 ? std::atoi(argv[3]) : 1;
  double theirs = cpython_seconds(python, corpus, cpython_rounds);
  std::printf("corpus: %s (%zu files, %zu lines, %.1f MB)\n", root.c_str(), corpus.paths.size(), corpus.lines,
              bytes / 1e6);
  std::printf("pypyready parse_python: %.3f s CPU (%zu files rejected), peak RSS %.1f MB\n", ours, errors,
              usage.ru_maxrss / 1024.0);
  if (theirs > 0) {
    std::printf("CPython compile(PyCF_ONLY_AST) [%s]: %.3f s CPU\n", python.c_str(), theirs);
    std::printf("ratio: %.1fx\n", theirs / ours);
  } else {
    std::printf("CPython: could not run %s\n", python.c_str());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // A file that vanishes or cannot be listed mid-walk throws: say so instead of aborting.
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "parse_bench: %s\n", error.what());
    return 1;
  }
}
