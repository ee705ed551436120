#include "deps/extension_module.h"

namespace pypyready::deps {

const char* binary_kind_name(BinaryKind kind) {
  switch (kind) {
    case BinaryKind::kPlainC:
      return "plain-c";
    case BinaryKind::kCython:
      return "cython";
    case BinaryKind::kPybind11:
      return "pybind11";
    case BinaryKind::kPyO3:
      return "pyo3";
    case BinaryKind::kCffi:
      return "cffi";
    case BinaryKind::kF2py:
      return "f2py";
    case BinaryKind::kSwig:
      return "swig";
    case BinaryKind::kHpy:
      return "hpy";
    case BinaryKind::kLibrary:
      return "library";
  }
  return "unknown";
}

const char* gap_class_name(GapClass gap) {
  switch (gap) {
    case GapClass::kPublicApi:
      return "public-api";
    case GapClass::kCpythonInternal:
      return "cpython-internal";
    case GapClass::kHeaderArtifact:
      return "header-artifact";
    case GapClass::kGeneratorPath:
      return "generator-path";
  }
  return "unknown";
}

bool ExtensionModule::blocks() const {
  for (const MissingSymbol& symbol : missing) {
    if (symbol.gap == GapClass::kPublicApi || symbol.gap == GapClass::kCpythonInternal) return true;
  }
  return false;
}

}  // namespace pypyready::deps
