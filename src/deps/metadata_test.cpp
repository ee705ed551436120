#include "deps/metadata.h"

#include <gtest/gtest.h>

#include "deps/python_sources.h"

namespace pypyready::deps {
namespace {

TEST(MetadataTest, HeadersContinuationsAndRepeats) {
  MetadataFields fields = parse_metadata(
      "Metadata-Version: 2.1\r\nName: Foo.Bar\nVersion: 1.0\nRequires-Dist: a>=1\nRequires-Dist: b; extra == "
      "'x'\n"
      "License: MIT\n  continued here\nRequires-Python: >=3.8\n\nName: body text is not a header\n");
  EXPECT_EQ(fields.get("name"), "Foo.Bar");
  EXPECT_EQ(fields.all("requires-dist"), (std::vector<std::string>{"a>=1", "b; extra == 'x'"}));
  EXPECT_EQ(fields.get("license"), "MIT continued here");
  EXPECT_EQ(fields.get("requires-python"), ">=3.8");
  EXPECT_EQ(fields.all("name").size(), 1u);
  EXPECT_EQ(fields.get("missing"), "");
}

TEST(MetadataTest, RequiresTxtSections) {
  auto lines = requires_txt_to_pep508(
      "six\n\n[woff:platform_python_implementation == \"CPython\"]\nbrotli>=1.0.1\n"
      "[woff:platform_python_implementation != \"CPython\"]\nbrotlicffi; python_version >= '3.7'\n"
      "[:sys_platform == 'win32']\ncolorama\n");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], (std::pair<std::string, int>{"six", 1}));
  EXPECT_EQ(lines[1].first,
            "brotli>=1.0.1; extra == 'woff' and (platform_python_implementation == \"CPython\")");
  EXPECT_EQ(lines[2].first,
            "brotlicffi; (python_version >= '3.7') and extra == 'woff' and (platform_python_implementation "
            "!= \"CPython\")");
  EXPECT_EQ(lines[3].first, "colorama; (sys_platform == 'win32')");
  EXPECT_EQ(lines[3].second, 8);
}

TEST(MetadataTest, WheelAndRecord) {
  WheelInfo wheel = parse_wheel_file(
      "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp311-cp311-linux_x86_64\nTag: cp311-abi3-any\n");
  EXPECT_FALSE(wheel.root_is_purelib);
  EXPECT_EQ(wheel.tags.size(), 2u);
  EXPECT_TRUE(parse_wheel_file("").root_is_purelib);
  auto paths = parse_record(
      "a/__init__.py,sha256=x,1\n\"b/with,comma.py\",sha256=y,2\n\"c/q\"\"uote.py\",,\nd.dist-info/"
      "RECORD,,\n");
  EXPECT_EQ(paths, (std::vector<std::string>{"a/__init__.py", "b/with,comma.py", "c/q\"uote.py",
                                             "d.dist-info/RECORD"}));
}

TEST(PythonSourcesTest, GuardedImports) {
  const char* markupsafe =
      "try:\n    from ._speedups import escape as escape\nexcept ImportError:\n    from ._native import "
      "escape\n";
  EXPECT_TRUE(import_is_guarded(markupsafe, "_speedups"));
  EXPECT_FALSE(import_is_unguarded(markupsafe, "_speedups"));
  const char* wrapt =
      "try:\n    if not os.environ.get('X'):\n        from ._wrappers import (ObjectProxy,\n            "
      "Other)\n"
      "except ImportError:\n    pass\n";
  EXPECT_TRUE(import_is_guarded(wrapt, "_wrappers"));
  const char* plain = "import os\nfrom lxml import etree\n";
  EXPECT_FALSE(import_is_guarded(plain, "etree"));
  EXPECT_TRUE(import_is_unguarded(plain, "etree"));
  const char* other_handler = "try:\n    import _fast\nexcept KeyError:\n    pass\n";
  EXPECT_FALSE(import_is_guarded(other_handler, "_fast"));
  const char* reraises =
      "try:\n    from . import _multiarray_umath\nexcept ImportError as exc:\n    msg = 'broken'\n"
      "    raise ImportError(msg)\n";
  EXPECT_FALSE(import_is_guarded(reraises, "_multiarray_umath"));
  const char* reraises_after_text =
      "try:\n    from . import multiarray\nexcept ImportError as exc:\n    msg = \"\"\"\n"
      "Help text at column 0\n\"\"\" % exc\n    raise ImportError(msg)\n";
  EXPECT_FALSE(import_is_guarded(reraises_after_text, "multiarray"));
  const char* broad =
      "try:\n    run()\n    if x:\n        from scalene import pywhere\nexcept Exception:\n    pass\n";
  EXPECT_FALSE(import_is_guarded(broad, "pywhere"));
  const char* unrelated_try = "try:\n    x = 1\nfinally:\n    pass\nimport _fast\n";
  EXPECT_FALSE(import_is_guarded(unrelated_try, "_fast"));
}

TEST(PythonSourcesTest, CtypesAndCffi) {
  EXPECT_TRUE(uses_ctypes_loading("import ctypes\nlib = ctypes.CDLL('libc.so.6')\n"));
  EXPECT_TRUE(uses_ctypes_loading("from ctypes.util import find_library\nfind_library('m')\n"));
  EXPECT_FALSE(uses_ctypes_loading("import ctypes\nctypes.c_int(3)\n"));
  EXPECT_TRUE(imports_cffi("from cffi import FFI\n"));
  EXPECT_FALSE(imports_cffi("import json\n"));
}

}  // namespace
}  // namespace pypyready::deps
