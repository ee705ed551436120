#include "scan/discovery.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <numeric>
#include <optional>
#include <set>
#include <system_error>
#include <thread>
#include <utility>

#include "core/file_io.h"
#include "scan/gitignore.h"

namespace pypyready::scan {
namespace fs = std::filesystem;

bool glob_match(std::string_view pattern, std::string_view path) {
  // Iterative matcher with backtracking for the last '*' (or '**').
  std::size_t p = 0, s = 0, star_p = std::string_view::npos, star_s = 0;
  bool star_crosses = false;
  while (s < path.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star_crosses = p + 1 < pattern.size() && pattern[p + 1] == '*';
      p += star_crosses ? 2 : 1;
      if (star_crosses && p < pattern.size() && pattern[p] == '/') {
        // `**/` also matches zero folders.
        if (glob_match(pattern.substr(p + 1), path.substr(s))) return true;
      }
      star_p = p;
      star_s = s;
      continue;
    }
    if (p < pattern.size() && (pattern[p] == '?' ? path[s] != '/' : pattern[p] == path[s])) {
      ++p;
      ++s;
      continue;
    }
    if (p < pattern.size() && pattern[p] == '[') {
      std::size_t close = pattern.find(']', p + 1);
      if (close != std::string_view::npos) {
        std::string_view set = pattern.substr(p + 1, close - p - 1);
        bool negate = !set.empty() && (set[0] == '!' || set[0] == '^');
        if (negate) set.remove_prefix(1);
        bool in = false;
        for (std::size_t i = 0; i < set.size(); ++i) {
          if (i + 2 < set.size() && set[i + 1] == '-') {
            in = in || (path[s] >= set[i] && path[s] <= set[i + 2]);
            i += 2;
          } else {
            in = in || path[s] == set[i];
          }
        }
        if (in != negate && path[s] != '/') {
          p = close + 1;
          ++s;
          continue;
        }
      }
    }
    if (star_p != std::string_view::npos && (star_crosses || path[star_s] != '/')) {
      p = star_p;
      s = ++star_s;
      continue;
    }
    return false;
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

namespace {

constexpr std::array<std::string_view, 14> kSkippedFolders{
    ".git",        ".hg",  ".svn", ".venv",       "venv",          ".env",        "node_modules",
    "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs"};

bool excluded(const fs::path& path, const fs::path& root, const std::vector<std::string>& patterns) {
  if (patterns.empty()) return false;
  std::string relative = path.lexically_relative(root).generic_string();
  std::string name = path.filename().string();
  for (const std::string& pattern : patterns) {
    std::string_view trimmed = pattern;
    if (trimmed.ends_with("/")) trimmed.remove_suffix(1);
    if (glob_match(trimmed, relative) || glob_match(trimmed, name) ||
        glob_match(trimmed, path.generic_string())) {
      return true;
    }
  }
  return false;
}

struct Walker {
  const DiscoveryOptions& options;
  Discovered& out;
  std::set<std::pair<dev_t, ino_t>> visited;
  std::vector<std::pair<std::size_t, GitignoreFile>> ignores;  // (depth, file): a stack of nested .gitignore

  bool ignored(const fs::path& path, bool is_directory) const {
    std::optional<bool> verdict;
    for (const auto& [depth, file] : ignores) {
      if (std::optional<bool> match = file.match(path, is_directory)) verdict = match;
    }
    return verdict.value_or(false);
  }

  void walk(const fs::path& root) {
    // Explicit stack of (folder, depth); .gitignore files are popped when leaving their folder.
    std::vector<std::pair<fs::path, std::size_t>> stack{{root, 0}};
    std::vector<fs::path> python_files;
    while (!stack.empty()) {
      auto [folder, depth] = stack.back();
      stack.pop_back();
      while (!ignores.empty() && ignores.back().first >= depth)
        ignores.pop_back();
      struct stat info {};
      if (::stat(folder.c_str(), &info) != 0) {
        out.errors.push_back(folder.string() + ": cannot read folder (broken link or no permission)");
        continue;
      }
      if (!visited.insert({info.st_dev, info.st_ino}).second) {
        out.errors.push_back(folder.string() + ": symlink loop or repeated folder, skipped");
        continue;
      }
      if (options.respect_gitignore) {
        fs::path gitignore = folder / ".gitignore";
        std::error_code error;
        if (fs::is_regular_file(gitignore, error)) {
          if (core::Result<std::string> text = core::read_file(gitignore))
            ignores.emplace_back(depth, GitignoreFile(folder, *text));
        }
      }
      std::error_code error;
      fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
      if (error) {
        out.errors.push_back(folder.string() + ": cannot list folder: " + error.message());
        continue;
      }
      std::vector<fs::path> subfolders;
      for (; it != fs::directory_iterator(); it.increment(error)) {
        if (error) break;
        const fs::path& path = it->path();
        std::string name = path.filename().string();
        std::error_code status_error;
        bool is_directory = it->is_directory(status_error);
        if (is_directory) {
          if (std::find(kSkippedFolders.begin(), kSkippedFolders.end(), name) != kSkippedFolders.end())
            continue;
          if (excluded(path, root, options.exclude) || (options.respect_gitignore && ignored(path, true)))
            continue;
          subfolders.push_back(path);
          continue;
        }
        bool wanted = path.extension() == ".py" || (options.include_pyi && path.extension() == ".pyi") ||
                      (options.also_wanted && options.also_wanted(name));
        if (!wanted) continue;
        if (excluded(path, root, options.exclude) || (options.respect_gitignore && ignored(path, false)))
          continue;
        out.files.push_back(path);
      }
      if (error) out.errors.push_back(folder.string() + ": cannot list folder: " + error.message());
      std::sort(subfolders.rbegin(), subfolders.rend());
      for (fs::path& subfolder : subfolders)
        stack.emplace_back(std::move(subfolder), depth + 1);
    }
  }
};

}  // namespace

namespace {

// What a stat of each root says, measured on all cores when there are many roots (a list of
// thousands of files named on the command line): one stat costs several microseconds here.
struct RootStatus {
  bool exists = false;
  bool directory = false;
  std::uintmax_t size = kUnknownFileSize;
};

std::vector<RootStatus> stat_roots(const std::vector<fs::path>& roots) {
  std::vector<RootStatus> statuses(roots.size());
  auto measure = [&](std::size_t begin, std::size_t end) {
    for (std::size_t index = begin; index < end; ++index) {
      struct stat info {};
      if (::stat(roots[index].c_str(), &info) != 0) continue;
      statuses[index].exists = true;
      statuses[index].directory = S_ISDIR(info.st_mode);
      if (S_ISREG(info.st_mode)) statuses[index].size = static_cast<std::uintmax_t>(info.st_size);
    }
  };
  constexpr std::size_t kRootsPerThread = 256;
  const std::size_t threads = std::clamp<std::size_t>(roots.size() / kRootsPerThread, 1,
                                                      std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  const std::size_t share = (roots.size() + threads - 1) / threads;
  for (std::size_t begin = share; begin < roots.size(); begin += share)
    pool.emplace_back(measure, begin, std::min(roots.size(), begin + share));
  measure(0, std::min(roots.size(), share));
  for (std::thread& thread : pool)
    thread.join();
  return statuses;
}

}  // namespace

Discovered discover_files(const std::vector<fs::path>& roots, const DiscoveryOptions& options) {
  Discovered out;
  Walker walker{options, out, {}, {}};
  std::vector<RootStatus> statuses = stat_roots(roots);
  for (std::size_t index = 0; index < roots.size(); ++index) {
    const fs::path& root = roots[index];
    if (!statuses[index].exists) {
      out.errors.push_back(root.string() + ": no such file or folder");
      continue;
    }
    if (statuses[index].directory) {
      walker.ignores.clear();
      walker.walk(root);
    } else if (!excluded(root, root.parent_path(), options.exclude)) {
      out.files.push_back(root);
      out.sizes.resize(out.files.size(), kUnknownFileSize);
      out.sizes.back() = statuses[index].size;
    }
  }
  out.sizes.resize(out.files.size(), kUnknownFileSize);
  std::vector<std::size_t> order = path_order(out.files);
  Discovered sorted;
  sorted.errors = std::move(out.errors);
  for (std::size_t index : order) {
    if (!sorted.files.empty() && sorted.files.back() == out.files[index]) continue;  // named twice
    sorted.files.push_back(std::move(out.files[index]));
    sorted.sizes.push_back(out.sizes[index]);
  }
  return sorted;
}

std::vector<std::size_t> path_order(const std::vector<fs::path>& paths) {
  std::vector<std::size_t> order(paths.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // The order of path::compare (component by component) is that of the strings compared byte
  // by byte with '/' below every other byte, as long as no path has an empty component ("a//b",
  // "a/") and either all or none are absolute. Comparing keys so made costs a fraction of
  // path::compare, which walks components: that sort was a third of the time spent before the
  // first file is read when thousands of files are named on the command line.
  std::vector<std::string> keys;
  keys.reserve(paths.size());
  for (const fs::path& path : paths) {
    const std::string& text = path.native();
    if (text.empty() || text.back() == '/' || text.find("//") != std::string::npos ||
        (text.front() == '/') != (paths.front().native().front() == '/')) {
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return paths[a] < paths[b]; });
      return order;
    }
    std::string& key = keys.emplace_back(text);
    std::replace(key.begin(), key.end(), '/', '\0');
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  return order;
}

}  // namespace pypyready::scan
