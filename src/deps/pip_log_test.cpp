#include "deps/pip_log.h"

#include <gtest/gtest.h>

#include "core/file_io.h"

namespace pypyready::deps {
namespace {

std::string log(const char* name) {
  auto text = core::read_file(std::string(PYPYREADY_SOURCE_DIR) + "/tests/deps/pip_logs/" + name);
  EXPECT_TRUE(text.ok());
  return text.ok() ? *text : "";
}

TEST(PipLogTest, CapturedFailures) {
  PipFailure cponly = parse_pip_failure(log("pip_s2.txt"));
  EXPECT_EQ(cponly.kind, PipFailureKind::kNoMatchingDistribution);
  EXPECT_EQ(cponly.detail, "no distribution PyPy accepts for cponly");
  PipFailure newpy = parse_pip_failure(log("pip_s3.txt"));
  EXPECT_EQ(newpy.kind, PipFailureKind::kRequiresPython);
  EXPECT_EQ(newpy.detail, "Package 'newpy' requires a different Python: 3.9.16 not in '>=3.10'");
  PipFailure build_deps = parse_pip_failure(log("pip_s5.txt"));
  EXPECT_EQ(build_deps.kind, PipFailureKind::kBuildDependency);
  EXPECT_EQ(build_deps.detail, "build dependency not available: setuptools>=61");
  PipFailure compile = parse_pip_failure(log("pip_s8.txt"));
  EXPECT_EQ(compile.kind, PipFailureKind::kBuildFailure);
  EXPECT_EQ(compile.detail,
            "cext_internal.c:5:27: error: ‘PyThreadState’ {aka ‘struct _ts’} has no member named ‘frame’");
  PipFailure metadata = parse_pip_failure(log("pip_s10.txt"));
  EXPECT_EQ(metadata.kind, PipFailureKind::kMetadataFailure);
  EXPECT_EQ(metadata.detail, "error: invalid command 'bdist_wheel'");
  EXPECT_EQ(parse_pip_failure("ERROR: something odd\n").detail, "something odd");
}

TEST(PipLogTest, ImportProbe) {
  auto checks = parse_import_probe(
      "noise\nok purepkg\nfail cext_missing\tImportError: /v/cext_missing.pypy39-pp73-x86_64-linux-gnu.so: "
      "undefined "
      "symbol: PyObject_GC_IsFinalized\nfail other\tModuleNotFoundError: No module named 'x'\n");
  ASSERT_EQ(checks.size(), 3u);
  EXPECT_TRUE(checks[0].ok);
  EXPECT_EQ(checks[1].module, "cext_missing");
  EXPECT_EQ(checks[1].missing_symbol, "PyObject_GC_IsFinalized");
  EXPECT_EQ(checks[2].missing_symbol, "");
  EXPECT_EQ(checks[2].error, "ModuleNotFoundError: No module named 'x'");
}

}  // namespace
}  // namespace pypyready::deps
