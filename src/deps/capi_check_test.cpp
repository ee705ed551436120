#include "deps/capi_check.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace pypyready::deps {
namespace {

namespace fs = std::filesystem;

const PyPyCapi* system_pypy() {
  static const std::optional<PyPyCapi> capi = []() -> std::optional<PyPyCapi> {
    auto installation = locate_pypy("pypy3");
    if (!installation) return std::nullopt;
    auto loaded = load_pypy_capi(*installation);
    if (!loaded) return std::nullopt;
    return std::move(*loaded);
  }();
  return capi ? &*capi : nullptr;
}

std::vector<std::string> names(const ExtensionModule& ext) {
  std::vector<std::string> out;
  for (const auto& symbol : ext.missing)
    out.push_back(symbol.name);
  return out;
}

TEST(CapiNamesTest, SpellingsAndFileNames) {
  EXPECT_EQ(cpython_spelling("PyPyList_New"), "PyList_New");
  EXPECT_EQ(cpython_spelling("_PyPy_NoneStruct"), "_Py_NoneStruct");
  EXPECT_EQ(cpython_spelling("PyPyExc_TypeError"), "PyExc_TypeError");
  EXPECT_EQ(cpython_spelling("PyArg_ValidateKeywordArguments"), "PyArg_ValidateKeywordArguments");
  EXPECT_EQ(abi_tag_of("_yaml.cpython-311-x86_64-linux-gnu.so"), "cpython-311-x86_64-linux-gnu");
  EXPECT_EQ(abi_tag_of("_rust.abi3.so"), "abi3");
  EXPECT_EQ(abi_tag_of("plain.so"), "");
  EXPECT_EQ(module_name_of("pkg/sub/_x.cpython-311-x86_64-linux-gnu.so"), "pkg.sub._x");
  EXPECT_EQ(module_name_of("top.abi3.so"), "top");
}

TEST(CapiClassifyTest, KindsFromBytes) {
  EXPECT_EQ(classify_binary("...__pyx_module_is_main...", true), BinaryKind::kCython);
  EXPECT_EQ(classify_binary("builtins cython_runtime", true), BinaryKind::kCython);
  EXPECT_EQ(classify_binary("pybind11_object", true), BinaryKind::kPybind11);
  EXPECT_EQ(classify_binary("/rustc/abc pyo3::err", true), BinaryKind::kPyO3);
  EXPECT_EQ(classify_binary("_cffi_type_context", true), BinaryKind::kCffi);
  EXPECT_EQ(classify_binary("fortranobject.c", true), BinaryKind::kF2py);
  EXPECT_EQ(classify_binary("nothing special", true), BinaryKind::kPlainC);
  EXPECT_EQ(classify_binary("__pyx_", false), BinaryKind::kLibrary);
}

TEST(CapiClassifyTest, GapClasses) {
  EXPECT_EQ(classify_gap("_Py_FatalErrorFunc", BinaryKind::kPlainC), GapClass::kHeaderArtifact);
  EXPECT_EQ(classify_gap("_PyDict_GetItem_KnownHash", BinaryKind::kCython), GapClass::kGeneratorPath);
  EXPECT_EQ(classify_gap("PyFrame_GetBack", BinaryKind::kPybind11), GapClass::kGeneratorPath);
  EXPECT_EQ(classify_gap("PyFrame_GetBack", BinaryKind::kPlainC), GapClass::kPublicApi);
  EXPECT_EQ(classify_gap("_Py_ctype_toupper", BinaryKind::kPlainC), GapClass::kCpythonInternal);
}

TEST(PyPyCapiTest, LibraryAndHeadersOfDebianPyPy) {
  const PyPyCapi* capi = system_pypy();
  if (capi == nullptr) GTEST_SKIP() << "no pypy3 with libpypy3.9-c.so on this machine";
  EXPECT_GT(capi->exported_symbols, 500u);
  EXPECT_TRUE(capi->provides("PyList_New"));       // exported as PyPyList_New
  EXPECT_TRUE(capi->provides("PyExc_TypeError"));  // data, exported as PyPyExc_TypeError
  EXPECT_TRUE(capi->provides("Py_INCREF"));        // a header macro
  EXPECT_FALSE(capi->provides("PyObject_GC_IsFinalized"));
  EXPECT_FALSE(capi->provides("PyFrame_GetBack"));
  if (!capi->installation.include_dir.empty()) {
    EXPECT_FALSE(capi->provides("PyImport_ImportModuleLevel"));  // renamed to a PyPy name it does not export
    EXPECT_EQ(capi->renamed_to_missing.count("PyImport_ImportModuleLevel"), 1u);
  }
}

TEST(CapiCheckTest, CPythonBuildsOfTheFixtures) {
  const PyPyCapi* capi = system_pypy();
  const fs::path site = PYPYREADY_DEPS_SITE;
  const std::string ok = "cextdemo/cext_ok.cpython-311-x86_64-linux-gnu.so";
  const std::string missing = "cextdemo/cext_missing.cpython-311-x86_64-linux-gnu.so";
  if (capi == nullptr || !fs::exists(site / ok)) GTEST_SKIP() << "needs pypy3 and the CPython 3.11 headers";
  ExtensionModule good = check_extension(site, ok, *capi);
  EXPECT_EQ(good.error, "");
  EXPECT_EQ(good.kind, BinaryKind::kPlainC);
  EXPECT_EQ(good.module, "cextdemo.cext_ok");
  EXPECT_FALSE(good.built_for_pypy);
  EXPECT_GE(good.capi_symbols, 4u);
  EXPECT_TRUE(good.missing.empty()) << names(good).front();
  EXPECT_FALSE(good.blocks());
  ExtensionModule bad = check_extension(site, missing, *capi);
  EXPECT_EQ(names(bad), std::vector<std::string>{"PyObject_GC_IsFinalized"});
  EXPECT_EQ(bad.missing.front().gap, GapClass::kPublicApi);
  EXPECT_TRUE(bad.blocks());
}

TEST(CapiCheckTest, PyPyBuildsOfTheFixtures) {
  const PyPyCapi* capi = system_pypy();
  const fs::path site = PYPYREADY_DEPS_PYPY_SITE;
  const std::string ok = "cext_ok.pypy39-pp73-x86_64-linux-gnu.so";
  if (capi == nullptr || !fs::exists(site / ok)) GTEST_SKIP() << "needs pypy3-dev";
  ExtensionModule good = check_extension(site, ok, *capi);
  EXPECT_TRUE(good.built_for_pypy);
  EXPECT_TRUE(good.missing.empty()) << names(good).front();
  ExtensionModule bad = check_extension(site, "cext_missing.pypy39-pp73-x86_64-linux-gnu.so", *capi);
  EXPECT_TRUE(bad.built_for_pypy);
  EXPECT_EQ(names(bad), std::vector<std::string>{"PyObject_GC_IsFinalized"});
  EXPECT_TRUE(bad.blocks());
}

TEST(CapiCheckTest, UnreadableFileIsAnError) {
  PyPyCapi empty;
  ExtensionModule ext = check_extension(PYPYREADY_SOURCE_DIR, "tests/deps/cext/cext_ok.c", empty);
  EXPECT_NE(ext.error.find("not an ELF file"), std::string::npos) << ext.error;
}

}  // namespace
}  // namespace pypyready::deps
