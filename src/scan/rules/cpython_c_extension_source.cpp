// PPY033 cpython-c-extension-source: C/C++ sources written against the CPython C API (and the
// build files that compile them). On PyPy they run through cpyext, which emulates the API: it is
// slower and rejects some CPython-internal tricks, reported here line by line.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "core/text.h"
#include "scan/file_context.h"
#include "scan/rules/c_source_text.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kCpythonCExtensionSource{
    .code = "PPY033",
    .name = "cpython-c-extension-source",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds C and C++ sources that use the CPython C API (Python.h, pybind11, nanobind, "
                "PyInit_/PyModule_Create/PyArg_ParseTuple/Py_INCREF), setup.py files with ext_modules, and "
                "pyproject.toml build backends for native code. Within a C source it reports, as errors, "
                "the constructs cpyext cannot honour: reference-count reads and writes (ob_refcnt, "
                "Py_REFCNT, Py_SET_REFCNT), assignment to ob_type or to tp_as_* slots after PyType_Ready, "
                "PyFrameObject fields PyPy's frame lacks, and private _Py* functions PyPy does not provide; "
                "as warnings, direct list storage access (PyList_GET_ITEM, PySequence_Fast_ITEMS, ob_item) "
                "and other private _Py* names. Each construct is reported once per file, where it first "
                "appears.",
        .why = "PyPy runs C extensions through cpyext, an emulation of the C API: every object crossing "
               "the boundary gets a C-level proxy whose reference count is emulated, list items are copied "
               "to C storage on first direct access, frames only have f_back/f_code/f_globals/f_locals/"
               "f_lineno, and most private _Py* functions do not exist. Such code works slowly at best "
               "and fails to build or import at worst; cffi or a pure-Python fallback is faster on PyPy.",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#c-api-differences",
        .example = "#include <Python.h>\nif (Py_REFCNT(self) == 1) { /* reuse in place */ }",
        .use_instead = "Write the binding with cffi (or HPy), or keep a pure-Python fallback that PyPy "
                       "uses:\ntry:\n    from ._speedups import scan\nexcept ImportError:\n    from "
                       "._pure import scan",
    }};

namespace {

// The first line that marks a C source as a CPython extension, if any.
struct Marker {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string what;
};

std::optional<Marker> include_marker(std::string_view source) {
  std::optional<Marker> found;
  for_each_line(source, [&](std::string_view line, std::size_t offset) {
    if (found) return;
    std::string_view text = core::trim(line);
    if (!text.starts_with("#")) return;
    text = core::trim(text.substr(1));
    if (!text.starts_with("include")) return;
    std::string_view header = core::trim(text.substr(7));
    if (header.size() < 3) return;
    std::string_view name = header.substr(1);
    std::size_t leading = static_cast<std::size_t>(line.find('#'));
    // The marker spans `#include <...>` up to the closing bracket or quote.
    std::size_t close =
        line.find(header.front() == '<' ? '>' : '"', static_cast<std::size_t>(name.data() - line.data()));
    std::size_t length = (close == std::string_view::npos ? line.size() : close + 1) - leading;
    if (name.starts_with("Python.h")) {
      found = Marker{offset + leading, length, "includes Python.h"};
    } else if (name.starts_with("pybind11/")) {
      found = Marker{offset + leading, length, "is a pybind11 extension (pybind11 supports PyPy)"};
    } else if (name.starts_with("nanobind/")) {
      found = Marker{offset + leading, length, "is a nanobind extension"};
    }
  });
  return found;
}

constexpr std::array<std::string_view, 5> kApiMarkers{"PyInit_", "PyModule_Create", "PyArg_ParseTuple",
                                                      "Py_INCREF", "Py_DECREF"};

// Fields of CPython's PyFrameObject that PyPy's frameobject.h does not declare (PyPy 7.3.11).
constexpr std::array<std::string_view, 9> kMissingFrameFields{"f_lasti",      "f_trace",      "f_builtins",
                                                              "f_localsplus", "f_valuestack", "f_stacktop",
                                                              "f_iblock",     "f_blockstack", "f_gen"};

// Private names PyPy 7.3.11's headers define (checked against /usr/include/pypy3.9): no finding.
constexpr std::array<std::string_view, 31> kProvidedPrivate{"_PyObject_CAST",
                                                            "_PyObject_CAST_CONST",
                                                            "_Py_NoneStruct",
                                                            "_Py_TrueStruct",
                                                            "_Py_FalseStruct",
                                                            "_Py_NotImplementedStruct",
                                                            "_Py_EllipsisObject",
                                                            "_PyObject_New",
                                                            "_PyObject_NewVar",
                                                            "_PyObject_GC_New",
                                                            "_PyObject_GC_NewVar",
                                                            "_Py_Dealloc",
                                                            "_PyBytes_Resize",
                                                            "_PyTuple_Resize",
                                                            "_PyArg_Parser",
                                                            "_PyArg_NoKeywords",
                                                            "_Py_HashDouble",
                                                            "_PyLong_FromByteArray",
                                                            "_PyLong_AsByteArray",
                                                            "_PyLong_Sign",
                                                            "_PyLong_NumBits",
                                                            "_PyUnicode_AsString",
                                                            "_PyUnicode_Ready",
                                                            "_PyType_Lookup",
                                                            "_PyObject_GetDictPtr",
                                                            "_PyErr_WriteUnraisableMsg",
                                                            "_PyThreadState_UncheckedGet",
                                                            "_PyObject_Vectorcall",
                                                            "_PyFloat_Unpack8",
                                                            "_PyObject_GC_UNTRACK",
                                                            "_PyBytes_Join"};

// Private names in common use that PyPy 7.3.11's headers do not define.
constexpr std::array<std::string_view, 9> kMissingPrivate{
    "_Py_IDENTIFIER",           "_PyObject_CallMethodId",       "_PyDict_GetItemId",
    "_PyEval_EvalFrameDefault", "_PyInterpreterState_Get",      "_PyObject_LookupSpecial",
    "_PyFloat_Pack8",           "_PyObject_NextNotImplemented", "_PyUnicode_FromId"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

char next_non_space(std::string_view code, std::size_t from) {
  while (from < code.size() && (code[from] == ' ' || code[from] == '\t' || code[from] == '\n'))
    ++from;
  return from < code.size() ? code[from] : '\0';
}

// `=` that assigns (not `==`) right after position `from`.
bool assigned_at(std::string_view code, std::size_t from) {
  while (from < code.size() && (code[from] == ' ' || code[from] == '\t'))
    ++from;
  return from < code.size() && code[from] == '=' && (from + 1 >= code.size() || code[from + 1] != '=');
}

// `x.name`, `x->name`, `f().name`, `a[i].name`; not a designated initializer `{ .name = ... }`.
bool after_member_access(std::string_view code, std::size_t offset) {
  std::size_t at = offset;
  while (at > 0 && (code[at - 1] == ' ' || code[at - 1] == '\t'))
    --at;
  if (at >= 2 && code[at - 2] == '-' && code[at - 1] == '>') return true;
  if (at < 2 || code[at - 1] != '.') return false;
  char before = code[at - 2];
  return std::isalnum(static_cast<unsigned char>(before)) != 0 || before == '_' || before == ')' ||
         before == ']';
}

struct Construct {
  std::size_t offset;
  std::size_t length;
  std::string message;
  Severity severity;
  std::size_t uses = 0;
};

bool is_header_name(std::string_view name) {
  for (std::string_view suffix : {".h", ".hh", ".hpp", ".hxx", ".inc"})
    if (name.ends_with(suffix)) return true;
  return false;
}

class CpythonCExtensionSource final : public FileRule {
 public:
  bool wants(std::string_view name) const override {
    return is_c_source_name(name) || name == "setup.py" || name == "pyproject.toml";
  }

  void check(std::string_view bytes, FileRuleContext& context) const override {
    if (context.file_name() == "setup.py") return check_setup_py(bytes, context);
    if (context.file_name() == "pyproject.toml") return check_pyproject(bytes, context);
    check_c_source(bytes, context);
  }

 private:
  static void check_setup_py(std::string_view bytes, FileRuleContext& context) {
    bool reported = false;
    for_each_line(bytes, [&](std::string_view line, std::size_t offset) {
      std::string_view text = core::trim(line);
      if (reported || text.starts_with("#")) return;
      for (std::string_view marker : {"ext_modules", "Extension("}) {
        std::size_t at = line.find(marker);
        if (at == std::string_view::npos) continue;
        context.report_at(offset + at, marker.size(),
                          "setup.py builds C extension modules: on PyPy they run through cpyext (slower, "
                          "some CPython internals unsupported); keep a pure-Python fallback");
        reported = true;
        return;
      }
    });
  }

  static void check_pyproject(std::string_view bytes, FileRuleContext& context) {
    struct Backend {
      std::string_view name;
      bool pyo3;
    };
    static constexpr std::array<Backend, 6> kBackends{{{"scikit-build-core", false},
                                                       {"meson-python", false},
                                                       {"py-build-cmake", false},
                                                       {"setuptools-rust", true},
                                                       {"maturin", true},
                                                       {"enscons", false}}};
    std::vector<std::string_view> seen;
    for_each_line(bytes, [&](std::string_view line, std::size_t offset) {
      std::string_view text = core::trim(line);
      if (text.starts_with("#")) return;
      for (const Backend& backend : kBackends) {
        std::size_t at = line.find(backend.name);
        if (at == std::string_view::npos || std::find(seen.begin(), seen.end(), backend.name) != seen.end())
          continue;
        // A quoted requirement or backend name, not a mention in a description.
        if (at == 0 || (line[at - 1] != '"' && line[at - 1] != '\'')) continue;
        seen.push_back(backend.name);
        if (backend.pyo3) {
          context.report_at(offset + at, backend.name.size(),
                            fmt::format("`{}` builds a Rust (PyO3) extension: PyO3 supports PyPy, but the "
                                        "module still runs through cpyext; build it for PyPy too",
                                        backend.name),
                            Severity::kInfo);
        } else {
          context.report_at(offset + at, backend.name.size(),
                            fmt::format("`{}` builds native extension modules: on PyPy they run through "
                                        "cpyext (slower, some CPython internals unsupported)",
                                        backend.name));
        }
      }
    });
  }

  static void check_c_source(std::string_view bytes, FileRuleContext& context) {
    std::string code = blank_comments_and_literals(bytes);
    std::vector<CIdentifier> identifiers = c_identifiers(code);
    std::optional<Marker> marker = include_marker(bytes);
    if (!marker) {
      for (const CIdentifier& identifier : identifiers) {
        for (std::string_view api : kApiMarkers) {
          if (identifier.name.starts_with(api)) {
            marker = Marker{identifier.offset, identifier.name.size(),
                            fmt::format("uses the CPython C API ({})", identifier.name)};
            break;
          }
        }
        if (marker) break;
      }
    }
    if (!marker) return;
    // A .c/.cpp file with no #include at all is not compiled on its own (test input such as
    // CPython's clinic.test.c, or a fragment #included elsewhere, which is reported there).
    if (!is_header_name(context.file_name()) && code.find("#include") == std::string::npos &&
        code.find("# include") == std::string::npos)
      return;
    context.report_at(marker->offset, marker->length,
                      fmt::format("this file {}: on PyPy it runs through cpyext, which emulates the C API "
                                  "(slower; see the findings below for what it cannot do)",
                                  marker->what));

    const bool frames = std::any_of(identifiers.begin(), identifiers.end(),
                                    [](const CIdentifier& id) { return id.name == "PyFrameObject"; });
    std::optional<std::size_t> type_ready;        // offset of the first PyType_Ready call
    std::map<std::string, Construct> constructs;  // one finding per construct, where it first appears
    auto note = [&](std::string key, const CIdentifier& id, std::string message, Severity severity) {
      auto [entry, inserted] = constructs.try_emplace(
          std::move(key), Construct{id.offset, id.name.size(), std::move(message), severity});
      ++entry->second.uses;
    };
    for (const CIdentifier& id : identifiers) {
      std::string_view name = id.name;
      std::size_t after = id.offset + name.size();
      if (name == "PyType_Ready" && !type_ready) type_ready = id.offset;
      if (name == "ob_refcnt" && after_member_access(code, id.offset)) {
        note("ob_refcnt", id,
             "reads or writes ob_refcnt directly: cpyext's reference counts are emulated and do not "
             "mean what they mean on CPython",
             Severity::kError);
      } else if (name == "Py_REFCNT" || name == "Py_SET_REFCNT") {
        note(std::string(name), id,
             fmt::format("{} assumes CPython's reference counts: cpyext adds a large count of its own "
                         "to objects that also live on the PyPy side, so tests such as `== 1` do not "
                         "mean \"unshared\"",
                         name),
             Severity::kError);
      } else if (name == "ob_type" && after_member_access(code, id.offset) && assigned_at(code, after)) {
        note("ob_type", id, "assigns ob_type: the C proxy's type changes but the PyPy object's does not",
             Severity::kError);
      } else if (name.starts_with("tp_as_") && type_ready && after_member_access(code, id.offset) &&
                 assigned_at(code, after)) {
        note(std::string(name), id,
             fmt::format("assigns {} after PyType_Ready: cpyext copies the slots when the type is readied "
                         "and never sees the change",
                         name),
             Severity::kError);
      } else if (frames && after_member_access(code, id.offset) && listed(kMissingFrameFields, name)) {
        note(std::string(name), id,
             fmt::format("PyFrameObject has no `{}` on PyPy (its frames only have f_back, f_code, f_globals, "
                         "f_locals, f_lineno): this does not compile against PyPy's headers",
                         name),
             Severity::kError);
      } else if (name == "PyList_GET_ITEM" || name == "PyList_SET_ITEM" || name == "PySequence_Fast_ITEMS" ||
                 (name == "ob_item" && after_member_access(code, id.offset) &&
                  next_non_space(code, after) == '[')) {
        note(std::string(name), id,
             fmt::format("{} reaches into list storage: cpyext first copies the PyPy list to C storage and "
                         "later mutations from Python are not seen through stale item pointers",
                         name),
             Severity::kWarning);
      } else if (name.starts_with("_Py") && !listed(kProvidedPrivate, name)) {
        if (listed(kMissingPrivate, name)) {
          note(std::string(name), id,
               fmt::format("private CPython API `{}` is not provided by PyPy's cpyext: the module fails to "
                           "build or import",
                           name),
               Severity::kError);
        } else {
          note(std::string(name), id,
               fmt::format("private CPython API `{}`: cpyext implements only some _Py* functions; check "
                           "that PyPy provides it",
                           name),
               Severity::kWarning);
        }
      }
    }
    for (auto& [key, construct] : constructs) {
      std::string message = std::move(construct.message);
      if (construct.uses > 1) message += fmt::format(" ({} uses in this file)", construct.uses);
      context.report_at(construct.offset, construct.length, std::move(message), construct.severity);
    }
  }
};

}  // namespace

std::unique_ptr<FileRule> make_cpython_c_extension_source() {
  return std::make_unique<CpythonCExtensionSource>();
}

}  // namespace pypyready::scan::rules
