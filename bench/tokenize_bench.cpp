// Tokenizer throughput on a tree of Python files (by default the python3 standard library),
// single-threaded, files already in memory: `tokenize_bench [DIR] [ROUNDS]`.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "python/source_decoder.h"
#include "python/testing/stdlib_sources.h"
#include "python/tokenizer.h"

namespace {

namespace fs = std::filesystem;
using pypyready::python::DecodeResult;

std::vector<std::string> load_sources(const fs::path& root, std::size_t& decode_errors) {
  std::vector<std::string> sources;
  for (const fs::path& path : pypyready::python::testing::stdlib_sources(root)) {
    auto bytes = pypyready::core::read_file(path);
    if (!bytes) continue;
    DecodeResult decoded = pypyready::python::decode_source(*bytes);
    if (decoded.error) {
      ++decode_errors;
      continue;
    }
    sources.push_back(std::move(decoded.source.text));
  }
  return sources;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path root = argc > 1 ? fs::path(argv[1]) : fs::path("/usr/lib/python3.11");
  int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  std::size_t decode_errors = 0;
  std::vector<std::string> sources = load_sources(root, decode_errors);
  std::size_t bytes = 0;
  for (const std::string& source : sources)
    bytes += source.size();
  if (sources.empty()) {
    std::fprintf(stderr, "error: no .py files under %s; pass a directory\n", root.c_str());
    return 2;
  }

  // Wall time, and this thread's CPU time, which leaves out time spent waiting for a core
  // on a busy machine.
  auto thread_cpu_seconds = [] {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
  };
  double best = 1e9;
  double best_cpu = 1e9;
  std::size_t tokens = 0;
  std::size_t errors = 0;
  for (int round = 0; round < rounds; ++round) {
    tokens = errors = 0;
    auto start = std::chrono::steady_clock::now();
    double cpu_start = thread_cpu_seconds();
    for (const std::string& source : sources) {
      pypyready::python::TokenizedSource result = pypyready::python::tokenize(source);
      tokens += result.tokens.size() + result.trivia.size();
      errors += result.error.has_value();
    }
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    best = std::min(best, elapsed.count());
    best_cpu = std::min(best_cpu, thread_cpu_seconds() - cpu_start);
  }
  std::printf("files %zu (%zu not decodable), %.1f MB, %zu tokens, %zu files with token errors\n",
              sources.size(), decode_errors, static_cast<double>(bytes) / 1e6, tokens, errors);
  std::printf("best of %d rounds: %.3f s wall, %.3f s CPU; %.0f MB/s, %.1f M tokens/s (CPU)\n", rounds, best,
              best_cpu, static_cast<double>(bytes) / 1e6 / best_cpu,
              static_cast<double>(tokens) / 1e6 / best_cpu);
  return 0;
}
