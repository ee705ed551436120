#include "deps/capi_check.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <set>

#include "deps/elf_file.h"

namespace pypyready::deps {
namespace {

bool contains(std::string_view bytes, std::string_view needle) {
  return ::memmem(bytes.data(), bytes.size(), needle.data(), needle.size()) != nullptr;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// CPython 3.11's headers expand these public macros into private calls; PyPy's headers provide
// the public spelling, so a rebuild does not need them (measured in deps.md section 2.2).
constexpr std::string_view kHeaderArtifacts[] = {
    "_Py_FatalErrorFunc",   "_PyErr_BadInternalCall",  "_PyTrash_begin",     "_PyTrash_end",
    "_Py_ascii_whitespace", "_PyUnicode_IsWhitespace", "_PyUnicode_IsDigit", "_PyByteArray_empty_string"};

class MappedFile {
 public:
  explicit MappedFile(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat info {};
    if (::fstat(fd, &info) == 0 && info.st_size > 0) {
      size_ = static_cast<std::size_t>(info.st_size);
      void* data = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
      data_ = data == MAP_FAILED ? nullptr : data;
    }
    ::close(fd);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(data_, size_);
  }
  std::string_view bytes() const {
    return data_ == nullptr ? std::string_view() : std::string_view(static_cast<const char*>(data_), size_);
  }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace

BinaryKind classify_binary(std::string_view bytes, bool exports_pyinit) {
  if (!exports_pyinit) {
    if (contains(bytes, "HPyInit")) return BinaryKind::kHpy;
    return BinaryKind::kLibrary;
  }
  // Most specific generators first: a PyO3 module may also embed cffi strings, a Cython module
  // may mention pybind11 in a docstring only rarely.
  if (contains(bytes, "pyo3") || contains(bytes, "rust_panic")) return BinaryKind::kPyO3;
  if (contains(bytes, "__pyx_") || contains(bytes, "__Pyx_") || contains(bytes, "cython_runtime")) {
    return BinaryKind::kCython;
  }
  if (contains(bytes, "pybind11")) return BinaryKind::kPybind11;
  if (contains(bytes, "_cffi_type_context") || contains(bytes, "_cffi_exports") ||
      contains(bytes, "_cffi_backend")) {
    return BinaryKind::kCffi;
  }
  if (contains(bytes, "fortranobject") || contains(bytes, "f2py")) return BinaryKind::kF2py;
  if (contains(bytes, "SWIG_") || contains(bytes, "swig_")) return BinaryKind::kSwig;
  return BinaryKind::kPlainC;
}

GapClass classify_gap(std::string_view symbol, BinaryKind kind) {
  for (std::string_view artifact : kHeaderArtifacts) {
    if (symbol == artifact) return GapClass::kHeaderArtifact;
  }
  // Generated code picks its C-API calls per target at compile time (CYTHON_COMPILING_IN_PYPY,
  // pybind11's PYPY_VERSION branches), so the names a CPython build imports say little.
  if (kind == BinaryKind::kCython || kind == BinaryKind::kPybind11) return GapClass::kGeneratorPath;
  return starts_with(symbol, "_") ? GapClass::kCpythonInternal : GapClass::kPublicApi;
}

std::string abi_tag_of(std::string_view file_name) {
  std::size_t so = file_name.rfind(".so");
  if (so == std::string_view::npos) so = file_name.rfind(".pyd");
  std::string_view stem = file_name.substr(0, so);
  std::size_t dot = stem.find('.');
  return dot == std::string_view::npos ? "" : std::string(stem.substr(dot + 1));
}

std::string module_name_of(std::string_view relative_path) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = relative_path.find('/', start);
    std::string_view part =
        relative_path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (slash == std::string_view::npos) {
      part = part.substr(0, part.find('.'));
      out += (out.empty() ? "" : ".") + std::string(part);
      return out;
    }
    out += (out.empty() ? "" : ".") + std::string(part);
    start = slash + 1;
  }
}

ExtensionModule check_extension(const std::filesystem::path& site, const std::string& relative_path,
                                const PyPyCapi& capi) {
  ExtensionModule ext;
  ext.path = relative_path;
  ext.module = module_name_of(relative_path);
  ext.abi_tag = abi_tag_of(std::filesystem::path(relative_path).filename().string());
  const std::filesystem::path full = site / relative_path;
  auto symbols = read_elf_symbols(full);
  if (!symbols) {
    ext.error = symbols.error().message;
    return ext;
  }
  bool exports_pyinit = std::any_of(symbols->defined.begin(), symbols->defined.end(),
                                    [](const std::string& name) { return starts_with(name, "PyInit_"); });
  MappedFile file(full);
  ext.kind = classify_binary(file.bytes(), exports_pyinit);
  std::set<std::string> needed;
  for (const std::string& name : symbols->undefined) {
    if (starts_with(name, "PyPy") || starts_with(name, "_PyPy")) ext.built_for_pypy = true;
    if (starts_with(name, "Py") || starts_with(name, "_Py")) needed.insert(name);
  }
  ext.capi_symbols = needed.size();
  if (!capi.loaded()) return ext;  // nothing to compare with
  for (const std::string& name : needed) {
    // A PyPy build already went through PyPy's headers: its names must be exported as spelled.
    // A CPython build is judged by what a rebuild against PyPy's headers would find.
    bool present = ext.built_for_pypy ? capi.exported.count(name) > 0 : capi.provides(name);
    if (!present) {
      GapClass gap = ext.built_for_pypy
                         ? (starts_with(name, "_") ? GapClass::kCpythonInternal : GapClass::kPublicApi)
                         : classify_gap(name, ext.kind);
      ext.missing.push_back(MissingSymbol{name, gap});
    }
  }
  return ext;
}

}  // namespace pypyready::deps
