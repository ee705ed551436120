#include "scan/runner.h"

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "core/file_io.h"
#include "scan/discovery.h"
#include "scan/selection.h"

namespace pypyready::scan {
namespace {

constexpr std::size_t kWorkerStackBytes = 64u * 1024u * 1024u;

struct Work {
  const std::vector<std::filesystem::path>* files;
  const Checker* checker;
  const RunOptions* options;
  std::vector<FileResult>* results;
  std::atomic<std::size_t> next{0};
};

bool looks_binary(std::string_view bytes) {
  return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

FileResult check_one(const std::filesystem::path& path, const Checker& checker, const RunOptions& options) {
  std::string shown = path.generic_string();
  core::Result<std::string> bytes = core::read_file(path);
  if (!bytes) {
    FileResult result;
    result.path = shown;
    result.read_error = bytes.error().message;
    return result;
  }
  if (looks_binary(*bytes)) {
    FileResult result;
    result.path = shown;
    result.read_error = shown + ": binary file (contains NUL bytes), not Python source";
    return result;
  }
  FileResult result = checker.check(shown, *bytes);
  if (!options.per_file_ignores.empty()) {
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
  return result;
}

void* worker(void* argument) {
  auto* work = static_cast<Work*>(argument);
  for (;;) {
    std::size_t index = work->next.fetch_add(1);
    if (index >= work->files->size()) break;
    (*work->results)[index] = check_one((*work->files)[index], *work->checker, *work->options);
  }
  return nullptr;
}

}  // namespace

std::vector<FileResult> run_scan(const std::vector<std::filesystem::path>& files, const Checker& checker,
                                 const RunOptions& options) {
  std::vector<FileResult> results(files.size());
  Work work{&files, &checker, &options, &results};
  unsigned threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(files.size(), 1)));

  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, kWorkerStackBytes);
  std::vector<pthread_t> pool;
  for (unsigned index = 0; index < threads; ++index) {
    pthread_t thread;
    if (pthread_create(&thread, &attributes, worker, &work) == 0) pool.push_back(thread);
  }
  pthread_attr_destroy(&attributes);
  // Without any thread (resource limits), scan here rather than not at all.
  if (pool.empty()) worker(&work);
  for (pthread_t thread : pool)
    pthread_join(thread, nullptr);
  return results;
}

}  // namespace pypyready::scan
