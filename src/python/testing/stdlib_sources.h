#pragma once
// The .py files of a standard library tree, for the tests and benchmarks that run over all of them: every
// file below `root` except those of site-packages (installed packages, not the library), in the order the
// directory walk meets them.

#include <filesystem>
#include <vector>

namespace pypyready::python::testing {

inline std::vector<std::filesystem::path> stdlib_sources(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied);
       it != fs::recursive_directory_iterator(); ++it) {
    if (it->is_directory() && it->path().filename() == "site-packages") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".py") files.push_back(it->path());
  }
  return files;
}

}  // namespace pypyready::python::testing
