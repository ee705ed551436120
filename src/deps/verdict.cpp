#include "deps/verdict.h"

#include <fmt/format.h>

#include <algorithm>

#include "deps/specifier.h"

namespace pypyready::deps {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

Verdict from_knowledge(const KnowledgeEntry& entry) {
  if (entry.status == "works") return Verdict::kWorks;
  if (entry.status == "slower" || entry.status == "withdrawn") return Verdict::kSlower;
  if (entry.status == "replace") return Verdict::kReplace;
  if (entry.status == "partial") return entry.alternative.empty() ? Verdict::kSlower : Verdict::kReplace;
  if (entry.status == "broken") return entry.alternative.empty() ? Verdict::kBlocked : Verdict::kReplace;
  return Verdict::kUnknown;
}

std::string schema_kind(const std::string& kind) {
  if (kind == "pybind11") return "c-api";
  if (kind == "builtin") return "c-api";
  return kind;
}

std::string module_kind(BinaryKind kind) {
  switch (kind) {
    case BinaryKind::kCython:
      return "cython";
    case BinaryKind::kPyO3:
      return "pyo3";
    case BinaryKind::kCffi:
      return "cffi";
    case BinaryKind::kLibrary:
      return "ctypes";
    default:
      return "c-api";
  }
}

int kind_rank(const std::string& kind) {
  static const std::vector<std::string> kOrder = {"pure", "ctypes", "cffi", "c-api", "cython", "pyo3"};
  auto it = std::find(kOrder.begin(), kOrder.end(), kind);
  return it == kOrder.end() ? -1 : static_cast<int>(it - kOrder.begin());
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items)
    out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

// What the files of an installed distribution say.
struct InstalledFinding {
  Verdict verdict = Verdict::kWorks;
  std::string kind = "pure";
  std::vector<Evidence> evidence;
  bool fallback = false;
};

InstalledFinding judge_installed(const Distribution& dist) {
  InstalledFinding found;
  std::vector<const ExtensionModule*> modules;
  for (const ExtensionModule& ext : dist.extensions) {
    if (ext.kind != BinaryKind::kLibrary) modules.push_back(&ext);
  }
  bool bundles_library = modules.size() != dist.extensions.size();
  if (modules.empty()) {
    found.kind = dist.uses_cffi ? "cffi" : (dist.uses_ctypes || bundles_library) ? "ctypes" : "pure";
    std::string detail =
        fmt::format("no compiled extension modules among {} installed files", dist.files.size());
    if (found.kind == "cffi") detail += "; imports cffi, which is built into PyPy";
    if (found.kind == "ctypes")
      detail += "; loads native libraries through ctypes (works on PyPy, slower than cffi)";
    found.evidence.push_back(Evidence{"metadata", detail, {}});
    return found;
  }
  std::vector<std::string> blocking_symbols, hint_symbols, abi3, pypy_built, blocking_modules;
  std::size_t with_fallback = 0;
  for (const ExtensionModule* ext : modules) {
    found.kind =
        kind_rank(module_kind(ext->kind)) > kind_rank(found.kind) ? module_kind(ext->kind) : found.kind;
    if (ext->built_for_pypy) pypy_built.push_back(ext->module);
    if (ext->abi_tag == "abi3") abi3.push_back(ext->module);
    if (ext->has_fallback) ++with_fallback;
    bool blocks = false;
    for (const MissingSymbol& symbol : ext->missing) {
      bool real = symbol.gap == GapClass::kPublicApi || symbol.gap == GapClass::kCpythonInternal;
      auto& bucket = real ? blocking_symbols : hint_symbols;
      if (std::find(bucket.begin(), bucket.end(), symbol.name) == bucket.end()) bucket.push_back(symbol.name);
      blocks = blocks || real;
    }
    if (blocks && !ext->has_fallback) blocking_modules.push_back(ext->module);
  }
  found.fallback = with_fallback == modules.size();
  if (pypy_built.size() == modules.size() && blocking_modules.empty()) {
    found.verdict = Verdict::kSlower;
    found.evidence.push_back(
        Evidence{"elf",
                 fmt::format("{} extension module(s) already built for PyPy; they run through "
                             "cpyext, the C-API emulation",
                             modules.size()),
                 {}});
    return found;
  }
  std::sort(blocking_symbols.begin(), blocking_symbols.end());
  std::sort(hint_symbols.begin(), hint_symbols.end());
  if (!blocking_symbols.empty()) {
    std::vector<std::string> with_gaps;
    for (const ExtensionModule* ext : modules) {
      if (ext->blocks()) with_gaps.push_back(ext->module + (ext->has_fallback ? " (has a fallback)" : ""));
    }
    found.evidence.push_back(Evidence{
        "elf",
        fmt::format(
            "{} of {} extension module(s) call C-API functions PyPy's cpyext lacks even after a rebuild: {}",
            with_gaps.size(), modules.size(), join(with_gaps, ", ")),
        blocking_symbols, !blocking_modules.empty()});
  }
  if (!blocking_modules.empty()) {
    found.verdict = Verdict::kBlocked;
  } else if (found.fallback) {
    found.verdict = Verdict::kSlower;
    found.evidence.push_back(
        Evidence{"metadata",
                 "every extension module is optional: a pure-Python fallback is used when "
                 "it cannot load, so PyPy runs without the accelerator",
                 {}});
  } else if (found.kind == "pyo3") {
    found.verdict = Verdict::kBlocked;
    found.evidence.push_back(
        Evidence{"elf",
                 "Rust (PyO3) extension: PyPy needs a ppXY wheel from the project; a CPython "
                 "build never loads",
                 {}});
  } else if (found.kind == "cffi") {
    found.verdict = Verdict::kWorks;
    found.evidence.push_back(
        Evidence{"elf", "cffi extension: rebuilt against PyPy's built-in cffi it runs at full speed", {}});
  } else {
    found.verdict = Verdict::kSlower;
    found.evidence.push_back(Evidence{
        "elf",
        fmt::format("{} {} extension module(s) use only C API that PyPy's cpyext provides after a rebuild; "
                    "a PyPy build (ppXY wheel or sdist) is needed and runs slower through cpyext",
                    modules.size(), found.kind),
        {}});
  }
  if (!hint_symbols.empty()) {
    found.evidence.push_back(
        Evidence{"elf",
                 "CPython-only names emitted by the CPython 3.11 headers or by Cython/pybind11 "
                 "(a PyPy build replaces them)",
                 hint_symbols});
  }
  if (!abi3.empty()) {
    found.evidence.push_back(
        Evidence{"elf",
                 fmt::format("abi3 module(s) {}: PyPy never accepts abi3 builds, the project "
                             "must publish ppXY wheels",
                             join(abi3, ", ")),
                 {}});
  }
  return found;
}

// Wheel names from a lock file: is there a wheel this PyPy accepts?
std::optional<Evidence> judge_artifacts(const std::vector<std::string>& artifacts, const Target& target,
                                        Verdict& verdict) {
  if (artifacts.empty()) return std::nullopt;
  std::vector<std::string> pypy, pure, other;
  bool sdist = false;
  for (const std::string& file : artifacts) {
    if (file.size() < 4 || file.substr(file.size() - 4) != ".whl") {
      sdist = true;
      continue;
    }
    if (contains(file, "-" + target.wheel_tag + "-") || contains(file, "." + target.wheel_tag + "-")) {
      pypy.push_back(file);
    } else if (contains(file, "-none-any.whl")) {
      pure.push_back(file);
    } else {
      other.push_back(file);
    }
  }
  if (!pypy.empty()) {
    verdict = Verdict::kSlower;
    return Evidence{
        "index", fmt::format("the lock file lists a {} wheel: {}", target.wheel_tag, pypy.front()), {}};
  }
  if (!pure.empty()) {
    verdict = Verdict::kWorks;
    return Evidence{"index", fmt::format("the lock file lists a pure wheel: {}", pure.front()), {}};
  }
  if (sdist) {
    verdict = Verdict::kUnknown;
    return Evidence{"index",
                    fmt::format("no {} wheel in the lock file, only CPython wheels and an sdist: PyPy must "
                                "build it from source",
                                target.wheel_tag),
                    {}};
  }
  verdict = Verdict::kBlocked;
  return Evidence{
      "index", fmt::format("the lock file has only CPython wheels ({}) and no sdist", other.front()), {}};
}

}  // namespace

Target pypy_target(const std::string& python_version) {
  Target target;
  target.markers = MarkerEnvironment::pypy(python_version);
  target.python_version = python_version;
  std::string digits = python_version;
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  target.wheel_tag = "pp" + digits;
  return target;
}

DependencyResult decide(const DependencyFacts& facts, const Target& target) {
  DependencyResult result;
  result.key = facts.key;
  result.name = facts.installed ? facts.installed->name : facts.name;
  if (facts.installed) result.version = facts.installed->version;
  for (const Declared* declared : facts.declarations) {
    result.declared_in.push_back(declared->line > 0 ? fmt::format("{}:{}", declared->file, declared->line)
                                                    : declared->file);
    if (result.version.empty() && !declared->locked_version.empty())
      result.version = declared->locked_version;
    // A declared exact pin names the version that will be installed.
    if (result.version.empty() && declared->requirement &&
        declared->requirement->specifiers.clauses.size() == 1) {
      const Specifier& only = declared->requirement->specifiers.clauses.front();
      if (only.op == "==" && !only.wildcard) result.version = only.version;
    }
  }

  // 1. Markers: declared only for other interpreters means PyPy never installs it.
  bool any_applies = facts.declarations.empty();
  std::string excluding_marker;
  for (const Declared* declared : facts.declarations) {
    if (!declared->requirement || declared->requirement->applies(target.markers, {})) {
      any_applies = true;
    } else if (declared->requirement->marker) {
      excluding_marker = declared->requirement->marker->text();
    }
  }
  if (!any_applies && !excluding_marker.empty()) {
    result.verdict = Verdict::kWorks;
    result.evidence.push_back(
        Evidence{"metadata",
                 fmt::format("not installed on PyPy: its marker `{}` is false there", excluding_marker),
                 {}});
  }

  // 2. Requires-Python against the target's language level.
  if (facts.installed && !facts.installed->requires_python.empty() && result.evidence.empty()) {
    auto spec = SpecifierSet::parse(facts.installed->requires_python);
    auto level = Version::parse(target.markers.values.at("python_full_version"));
    if (spec && level && !spec->contains(*level, true)) {
      result.verdict = Verdict::kBlocked;
      result.evidence.push_back(Evidence{"metadata",
                                         fmt::format("Requires-Python {} excludes PyPy's Python {}",
                                                     facts.installed->requires_python, target.python_version),
                                         {}});
    }
  }

  std::optional<InstalledFinding> installed;
  if (facts.installed) installed = judge_installed(*facts.installed);
  const bool decided = !result.evidence.empty();

  // 3. Reviewed knowledge first, then the lock file's wheels, then the installed files. Knowledge
  // wins over the ELF check of an installed CPython build: that build cannot show the
  // `#ifdef PYPY_VERSION` paths a PyPy build compiles instead (NumPy 1.24's CPython build imports
  // PyInterpreterState_Main, its PyPy wheels do not). The ELF evidence is still listed.
  if (facts.knowledge) {
    const KnowledgeEntry& entry = *facts.knowledge;
    if (!decided) result.verdict = from_knowledge(entry);
    result.kind = schema_kind(entry.kind);
    result.alternative = entry.alternative;
    result.has_fallback = entry.fallback;
    std::string detail = fmt::format("{} on PyPy ({}): {}", entry.status, entry.kind, entry.note);
    if (!entry.sources.empty()) detail += fmt::format(" [{}]", join(entry.sources, " ; "));
    result.evidence.push_back(Evidence{"knowledge", detail, {}});
  }
  for (const Declared* declared : facts.declarations) {
    Verdict from_lock = Verdict::kUnknown;
    if (auto evidence = judge_artifacts(declared->artifacts, target, from_lock)) {
      if (!decided && !facts.knowledge && !installed) result.verdict = from_lock;
      result.evidence.push_back(std::move(*evidence));
      break;
    }
  }
  if (installed) {
    if (!decided && !facts.knowledge) {
      result.verdict = installed->verdict;
      result.has_fallback = installed->fallback;
    }
    if (!facts.knowledge) result.kind = installed->kind;
    for (Evidence& evidence : installed->evidence)
      result.evidence.push_back(std::move(evidence));
    result.modules = facts.installed->extensions;
  }
  if (result.evidence.empty()) {
    result.verdict = Verdict::kUnknown;
    result.evidence.push_back(
        Evidence{"metadata",
                 "not installed where checked and not in the knowledge base; pass --site or "
                 "--python to inspect an environment that has it, or --try-install",
                 {}});
  }
  return result;
}

}  // namespace pypyready::deps
