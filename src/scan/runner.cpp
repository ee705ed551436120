#include "scan/runner.h"

#include <fmt/format.h>
#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <numeric>
#include <thread>

#include "core/file_io.h"
#include "scan/discovery.h"
#include "scan/selection.h"
#include "scan/unified_diff.h"

namespace pypyready::scan {
namespace {

constexpr std::size_t kWorkerStackBytes = std::size_t{64} * 1024 * 1024;
// Larger files are generated data, not code to port; parsing one would take gigabytes.
constexpr std::uintmax_t kMaxSourceBytes = std::uintmax_t{16} * 1024 * 1024;

struct Work;
// Run once, by the last thread to finish measuring sizes (std::barrier wants it noexcept).
struct OrderLargestFirst {
  Work* work;
  void operator()() const noexcept;
};

// The pool's shared state. The threads first measure the file sizes (a stat each: on thousands
// of files that is most of the time spent outside the scan, so they share it), then one of them
// orders the files largest first, then all of them scan.
struct Work {
  const std::vector<std::filesystem::path>* files;
  const Checker* checker;
  const RunOptions* options;
  std::vector<FileResult>* results;
  // Sizes measured once for the ordering, reused for the size limit (no second stat per file);
  // kUnknownFileSize where the size could not be read (read_file then reports why).
  std::vector<std::uintmax_t> sizes;
  std::vector<std::size_t> order{};  // indices into files, largest file first
  std::atomic<std::size_t> next_size{0};
  std::atomic<std::size_t> next{0};
  std::barrier<OrderLargestFirst>* sizes_measured = nullptr;  // its completion fills `order`
};

bool looks_binary(std::string_view bytes) {
  return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

// Drops the findings that per-file-ignores silence for this file.
void apply_per_file_ignores(const std::filesystem::path& path, const std::string& shown,
                            const RunOptions& options, FileResult& result) {
  if (options.per_file_ignores.empty()) return;
  std::string relative =
      options.root.empty() ? shown : path.lexically_relative(options.root).generic_string();
  for (const PerFileIgnore& ignore : options.per_file_ignores) {
    if (!glob_match(ignore.pattern, relative) && !glob_match(ignore.pattern, path.filename().string()))
      continue;
    std::erase_if(result.findings, [&](const Finding& finding) {
      return std::any_of(ignore.codes.begin(), ignore.codes.end(),
                         [&](const std::string& code) { return code_matches(finding.code, code); });
    });
  }
}

// Writes fixed bytes over the file a path names (through symbolic links), keeping its mode.
std::optional<std::string> write_fixed(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code error;
  std::filesystem::path target = std::filesystem::canonical(path, error);
  if (error) return path.generic_string() + ": fixes not written: " + error.message();
  std::filesystem::perms mode = std::filesystem::status(target, error).permissions();
  if (core::Status written = core::write_file_atomically(target, bytes); !written)
    return written.error().message;
  if (!error) std::filesystem::permissions(target, mode, error);
  return std::nullopt;
}

FileResult check_one(const std::filesystem::path& path, std::uintmax_t size, const Checker& checker,
                     const RunOptions& options) {
  std::string shown = path.generic_string();
  if (size != kUnknownFileSize && size > kMaxSourceBytes) {
    FileResult result;
    result.path = shown;
    result.read_error = fmt::format("{}: file too large ({} MiB, the limit is {} MiB), not scanned", shown,
                                    size >> 20, kMaxSourceBytes >> 20);
    return result;
  }
  core::Result<std::string> bytes = core::read_file(path);
  if (!bytes) {
    FileResult result;
    result.path = shown;
    result.read_error = bytes.error().message;
    return result;
  }
  // Non-Python files reach here only for the file rules that asked for them (binaries too).
  const bool python = checker.is_python_source(shown);
  if (python && looks_binary(*bytes)) {
    FileResult result;
    result.path = shown;
    result.read_error = shown + ": binary file (contains NUL bytes), not Python source";
    return result;
  }
  auto check = [&](std::string_view source) {
    FileResult result = checker.check(shown, source);
    apply_per_file_ignores(path, shown, options, result);
    return result;
  };
  if (options.fix == FixMode::kOff || !python) return check(*bytes);

  std::string original = *bytes;
  FixedSource fixed = fix_source(shown, std::move(*bytes), check);
  FileResult result = std::move(fixed.result);
  result.fix_error = std::move(fixed.error);
  if (fixed.fixed == 0) return result;
  if (options.fix == FixMode::kDiff) {
    result.fixed = fixed.fixed;
    result.diff = unified_diff(original, fixed.bytes, shown);
  } else if (std::optional<std::string> error = write_fixed(path, fixed.bytes)) {
    result = check(original);  // the file is unchanged: its findings are the original ones
    result.fix_error = std::move(error);
  } else {
    result.fixed = fixed.fixed;
  }
  return result;
}

// The largest files start first, so that no thread is left with a big file at the end while
// the others wait; results keep the order of `files`.
// Unreadable sizes sort as 0 (last).
std::vector<std::size_t> largest_first(const std::vector<std::uintmax_t>& sizes) {
  auto known = [&](std::size_t index) { return sizes[index] == kUnknownFileSize ? 0 : sizes[index]; };
  std::vector<std::size_t> order(sizes.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return known(a) > known(b); });
  return order;
}

void OrderLargestFirst::operator()() const noexcept {
  work->order = largest_first(work->sizes);
}

void* worker(void* argument) {
  auto* work = static_cast<Work*>(argument);
  for (;;) {
    std::size_t index = work->next_size.fetch_add(1);
    if (index >= work->files->size()) break;
    if (work->sizes[index] != kUnknownFileSize) continue;  // discovery measured it
    std::error_code error;
    std::uintmax_t size = std::filesystem::file_size((*work->files)[index], error);
    if (!error) work->sizes[index] = size;
  }
  work->sizes_measured->arrive_and_wait();
  for (;;) {
    std::size_t position = work->next.fetch_add(1);
    if (position >= work->order.size()) break;
    std::size_t index = work->order[position];
    (*work->results)[index] =
        check_one((*work->files)[index], work->sizes[index], *work->checker, *work->options);
  }
  return nullptr;
}

}  // namespace

std::vector<FileResult> run_scan(const std::vector<std::filesystem::path>& files, const Checker& checker,
                                 const RunOptions& options, const std::vector<std::uintmax_t>& known_sizes) {
  std::vector<FileResult> results(files.size());
  unsigned threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(files.size(), 1)));
  std::vector<std::uintmax_t> sizes = known_sizes;
  sizes.resize(files.size(), kUnknownFileSize);
  Work work{&files, &checker, &options, &results, std::move(sizes)};
  std::barrier<OrderLargestFirst> sizes_measured(threads, OrderLargestFirst{&work});
  work.sizes_measured = &sizes_measured;

  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, kWorkerStackBytes);
  std::vector<pthread_t> pool;
  for (unsigned index = 0; index < threads; ++index) {
    pthread_t thread;
    if (pthread_create(&thread, &attributes, worker, &work) == 0) pool.push_back(thread);
  }
  pthread_attr_destroy(&attributes);
  // Threads that could not start (resource limits) leave the barrier; without any, scan here
  // rather than not at all.
  for (std::size_t missing = pool.size(); missing < threads - (pool.empty() ? 1 : 0); ++missing)
    sizes_measured.arrive_and_drop();
  if (pool.empty()) worker(&work);
  for (pthread_t thread : pool)
    pthread_join(thread, nullptr);
  return results;
}

}  // namespace pypyready::scan
