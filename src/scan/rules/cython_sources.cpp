// PPY039 cython-sources: Cython modules (.pyx/.pxd/.pxi) and the build files that compile them.
// Their output is a CPython C extension, which PyPy runs through cpyext.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>  // memmem

#include "core/text.h"
#include "scan/file_context.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kCythonSources{
    .code = "PPY039",
    .name = "cython-sources",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds Cython sources (*.pyx, *.pxd, *.pxi) at their first line of code, their direct uses "
                "of the CPython C API (`cimport cpython`, `cdef extern from \"Python.h\"`), `cythonize(` or "
                "`Cython.Build` in setup.py, Cython in the [build-system] requirements of pyproject.toml, "
                "and (as info) Python files written in Cython's pure-Python mode (`import cython`, "
                "`# cython:` directives).",
        .why = "Cython translates a module into a CPython C extension. PyPy can load it only through "
               "cpyext, its emulation of the C API, which makes calls across the boundary slow; for "
               "modules compiled for speed, the plain-Python version is usually faster under PyPy's JIT.",
        .source = "https://doc.pypy.org/en/latest/faq.html#do-c-extension-modules-work-with-pypy",
        .example =
            "# setup.py\nfrom Cython.Build import cythonize\nsetup(ext_modules=cythonize(\"fast.pyx\"))",
        .use_instead =
            "Keep a pure-Python fallback and skip the extension on PyPy:\n"
            "import platform\n"
            "ext = [] if platform.python_implementation() == \"PyPy\" else cythonize(\"fast.pyx\")",
    }};

namespace {

bool is_cython_name(std::string_view name) {
  return name.ends_with(".pyx") || name.ends_with(".pxd") || name.ends_with(".pxi");
}

// `cython` as a quoted requirement: "cython", 'Cython>=3', "cython[extras]".
std::optional<std::size_t> quoted_cython(std::string_view line) {
  for (std::size_t at = 0; at + 7 <= line.size(); ++at) {
    if (line[at] != '"' && line[at] != '\'') continue;
    std::string_view word = line.substr(at + 1, 6);
    bool cython = std::equal(word.begin(), word.end(), std::string_view("cython").begin(),
                             [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    if (!cython) continue;
    char next = at + 7 < line.size() ? line[at + 7] : '\0';
    if (std::isalnum(static_cast<unsigned char>(next)) == 0 && next != '_' && next != '-') return at + 1;
  }
  return std::nullopt;
}

// Whether "cython" or "Cython" occurs. Searched as "ython" with memmem, whose scan skips ahead
// on a rare letter: string_view::find stops at every 'c' and 'C', which made this test cost a
// tenth of the time spent on each Python file.
bool mentions_cython(std::string_view bytes) {
  const char* begin = bytes.data();
  const char* end = begin + bytes.size();
  for (const char* at = begin + 1; at < end;) {
    const auto* found =
        static_cast<const char*>(::memmem(at, static_cast<std::size_t>(end - at), "ython", 5));
    if (found == nullptr) return false;
    if (found[-1] == 'c' || found[-1] == 'C') return true;
    at = found + 1;
  }
  return false;
}

class CythonSources final : public FileRule {
 public:
  bool wants(std::string_view name) const override {
    return is_cython_name(name) || name.ends_with(".py") || name == "pyproject.toml";
  }

  void check(std::string_view bytes, FileRuleContext& context) const override {
    std::string_view name = context.file_name();
    if (is_cython_name(name)) return check_cython(bytes, context);
    if (name == "pyproject.toml") return check_pyproject(bytes, context);
    check_python(bytes, context, name == "setup.py");
  }

 private:
  static void check_cython(std::string_view bytes, FileRuleContext& context) {
    bool module_reported = false, cpython_reported = false;
    for_each_line(bytes, [&](std::string_view line, std::size_t offset) {
      std::string_view text = core::trim(line);
      if (text.empty() || text.starts_with("#")) return;
      std::size_t indent = static_cast<std::size_t>(text.data() - line.data());
      if (!module_reported) {
        context.report_at(offset + indent, text.size(),
                          fmt::format("Cython source: `{}` compiles to a CPython C extension, which PyPy "
                                      "runs through cpyext (slow calls across the boundary); keep a "
                                      "pure-Python version for PyPy",
                                      context.file_name()));
        module_reported = true;
      }
      bool cpython =
          (text.starts_with("from cpython") && text.find(" cimport ") != std::string_view::npos) ||
          text.starts_with("cimport cpython") ||
          (text.starts_with("cdef extern from") && text.find("Python.h") != std::string_view::npos);
      if (cpython && !cpython_reported) {
        context.report_at(
            offset + indent, text.size(),
            "uses the CPython C API directly from Cython: the same cpyext limits as C code apply "
            "(emulated reference counts, missing private functions)");
        cpython_reported = true;
      }
    });
  }

  static void check_pyproject(std::string_view bytes, FileRuleContext& context) {
    std::string_view table;
    bool reported = false;
    for_each_line(bytes, [&](std::string_view line, std::size_t offset) {
      std::string_view text = core::trim(line);
      if (text.starts_with("[")) {
        table = text;
        return;
      }
      if (reported || table != "[build-system]" || text.starts_with("#")) return;
      if (std::optional<std::size_t> at = quoted_cython(line)) {
        context.report_at(offset + *at, 6,
                          "the build requires Cython: the package ships Cython-compiled C extensions, which "
                          "PyPy runs through cpyext");
        reported = true;
      }
    });
  }

  static void check_python(std::string_view bytes, FileRuleContext& context, bool setup_py) {
    // Every marker below holds "cython" or "Cython", which nearly no Python file does: one
    // search of the whole file spares most files the trimming and testing of every line.
    if (!mentions_cython(bytes)) return;
    bool build_reported = false, pure_reported = false;
    bool header = true;  // `# cython:` directives count only in the comment block at the top
    for_each_line(bytes, [&](std::string_view line, std::size_t offset) {
      std::string_view text = core::trim(line);
      std::size_t indent = static_cast<std::size_t>(text.data() - line.data());
      if (!text.starts_with("#") && !text.empty()) header = false;
      if (header && text.starts_with("# cython:") && !pure_reported) {
        context.report_at(offset + indent, text.size(),
                          "Cython directives: this module is compiled by Cython for CPython; PyPy runs the "
                          "plain-Python version",
                          Severity::kInfo);
        pure_reported = true;
      }
      if (text.starts_with("#")) return;
      if (setup_py && !build_reported) {
        for (std::string_view marker : {"cythonize(", "Cython.Build"}) {
          std::size_t at = line.find(marker);
          if (at == std::string_view::npos) continue;
          context.report_at(
              offset + at, marker.size(),
              "setup.py compiles Cython modules into CPython C extensions, which PyPy runs through "
              "cpyext; skip them or keep a pure-Python fallback on PyPy");
          build_reported = true;
          break;
        }
      }
      bool imports_cython = text == "import cython" || text.starts_with("import cython ") ||
                            text.starts_with("import cython,") || text.starts_with("from cython import") ||
                            text.starts_with("from cython.");
      if (imports_cython && !pure_reported) {
        context.report_at(offset + indent, text.size(),
                          "Cython pure-Python mode: compiled for CPython, run as plain Python on PyPy (the "
                          "`cython` package must be importable there)",
                          Severity::kInfo);
        pure_reported = true;
      }
    });
  }
};

}  // namespace

std::unique_ptr<FileRule> make_cython_sources() {
  return std::make_unique<CythonSources>();
}

}  // namespace pypyready::scan::rules
