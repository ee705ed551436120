// PPY034 prebuilt-cpython-binaries: extension modules, bytecode and wheels built for CPython
// that sit in the source tree. PyPy imports only extensions tagged for its own ABI.
#include <fmt/format.h>

#include <cctype>

#include "scan/file_context.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kPrebuiltCpythonBinaries{
    .code = "PPY034",
    .name = "prebuilt-cpython-binaries",
    .severity = Severity::kError,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds prebuilt binaries for CPython in the project: extension modules tagged for CPython "
                "(x.cpython-311-x86_64-linux-gnu.so, x.cp311-win_amd64.pyd) or for the stable ABI "
                "(x.abi3.so), untagged extension modules (a .so or .pyd exporting PyInit_), CPython "
                "bytecode outside __pycache__ (x.cpython-311.pyc), and vendored wheels tagged cp3*/abi3. "
                "Extensions tagged for a PyPy other than the target are reported as warnings. A finding "
                "about a binary is placed at line 1, column 1.",
        .why =
            "PyPy looks only for extension modules named with its own tag (on PyPy 7.3.11: "
            ".pypy39-pp73-x86_64-linux-gnu.so): it does not load CPython-tagged, abi3 or untagged modules, "
            "and it cannot read CPython bytecode. Such files have to be rebuilt (or replaced by their "
            "sources) for PyPy.",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#permitted-abi-tags-in-extensions",
        .example = "mypkg/_speedups.cpython-311-x86_64-linux-gnu.so  (committed to the repository)",
        .use_instead = "Build the extension when installing (pip install . under PyPy) and keep the "
                       "binaries out of the source tree.",
    }};

namespace {

// The Python version of a compact tag such as "311" or "39" ("3" then the minor).
std::optional<PythonVersion> tag_version(std::string_view digits) {
  if (digits.size() < 2 || digits.front() != '3') return std::nullopt;
  int minor = 0;
  for (char c : digits.substr(1)) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
    minor = minor * 10 + (c - '0');
  }
  return PythonVersion{3, minor};
}

// The digits that follow `prefix` in `name` ("cpython-311-x86_64" after "cpython-" gives "311").
std::string_view digits_after(std::string_view name, std::string_view prefix) {
  std::size_t at = name.find(prefix);
  if (at == std::string_view::npos) return {};
  std::size_t start = at + prefix.size(), end = start;
  while (end < name.size() && std::isdigit(static_cast<unsigned char>(name[end])) != 0)
    ++end;
  return name.substr(start, end - start);
}

class PrebuiltCpythonBinaries final : public FileRule {
 public:
  bool wants(std::string_view name) const override {
    return name.ends_with(".so") || name.ends_with(".pyd") || name.ends_with(".whl") ||
           (name.ends_with(".pyc") && name.find(".cpython-3") != std::string_view::npos);
  }

  void check(std::string_view bytes, FileRuleContext& context) const override {
    std::string_view name = context.file_name();
    if (name.ends_with(".whl")) return check_wheel(name, context);
    if (name.ends_with(".pyc")) {
      std::optional<PythonVersion> version = tag_version(digits_after(name, ".cpython-"));
      context.report_file(
          fmt::format("CPython {} bytecode without its source: PyPy cannot load it; ship the "
                      ".py file instead",
                      version ? version->to_string() : "3"));
      return;
    }
    check_extension(name, bytes, context);
  }

 private:
  static void check_extension(std::string_view name, std::string_view bytes, FileRuleContext& context) {
    const PythonVersion target = context.settings().target_python;
    if (std::string_view pypy = digits_after(name, ".pypy"); !pypy.empty()) {
      std::optional<PythonVersion> version = tag_version(pypy);
      if (version && *version != target) {
        context.report_file(fmt::format("extension built for a PyPy of Python {}, not the target's {}: "
                                        "rebuild it for the target",
                                        version->to_string(), target.to_string()),
                            Severity::kWarning);
      }
      return;
    }
    std::string_view cpython = digits_after(name, ".cpython-");
    if (cpython.empty()) cpython = digits_after(name, ".cp");
    if (std::optional<PythonVersion> version = tag_version(cpython)) {
      context.report_file(
          fmt::format("extension module built for CPython {}: PyPy imports only modules "
                      "tagged for PyPy; rebuild it under PyPy",
                      version->to_string()));
      return;
    }
    if (name.find(".abi3.") != std::string_view::npos) {
      context.report_file(
          "extension module built for CPython's stable ABI (abi3): PyPy does not load abi3 modules; "
          "rebuild it under PyPy");
      return;
    }
    // Untagged: an extension module only if it has a module initialiser.
    const bool binary = bytes.starts_with(
                            "\x7f"
                            "ELF") ||
                        bytes.starts_with("MZ") || bytes.starts_with("\xcf\xfa\xed\xfe");
    if (binary && bytes.find("PyInit_") != std::string_view::npos) {
      context.report_file(
          "untagged extension module (it exports PyInit_): PyPy only imports extensions named with its own "
          "tag, and this one was built for CPython's C API; rebuild it under PyPy");
    }
  }

  // name-version(-build)?-python-abi-platform.whl
  static void check_wheel(std::string_view name, FileRuleContext& context) {
    std::string_view stem = name.substr(0, name.size() - 4);
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
      std::size_t dash = stem.find('-', start);
      parts.push_back(stem.substr(start, dash == std::string_view::npos ? dash : dash - start));
      if (dash == std::string_view::npos) break;
      start = dash + 1;
    }
    if (parts.size() < 5) return;
    std::string_view python = parts[parts.size() - 3], abi = parts[parts.size() - 2];
    if (python.find("pp") != std::string_view::npos && python.find("cp") == std::string_view::npos) return;
    bool cpython_abi = abi.starts_with("cp3") || abi.find("abi3") != std::string_view::npos;
    if (!cpython_abi) return;
    context.report_file(
        fmt::format("vendored wheel built for CPython (tags {}-{}): PyPy cannot use its "
                    "extension modules; depend on the package instead so that pip builds it",
                    python, abi));
  }
};

}  // namespace

std::unique_ptr<FileRule> make_prebuilt_cpython_binaries() {
  return std::make_unique<PrebuiltCpythonBinaries>();
}

}  // namespace pypyready::scan::rules
