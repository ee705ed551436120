// Severities of the resource and GC rules, which the line-based fixture test does not check:
// never closed is a warning, closed only on the normal path is info, re-enabled gc is info.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scan/checker.h"
#include "scan/registry.h"

namespace pypyready::scan {
namespace {

std::vector<Severity> severities(std::string_view code, std::string_view source) {
  const RuleEntry* entry = find_rule(code);
  EXPECT_NE(entry, nullptr) << code;
  if (entry == nullptr) return {};
  Checker checker({entry});
  std::vector<Severity> found;
  for (const Finding& finding : checker.check("example.py", source).findings)
    found.push_back(finding.severity);
  return found;
}

TEST(ResourceSeverity, FileNeverClosedIsAWarning) {
  EXPECT_EQ(severities("PPY003", "def f(p):\n    h = open(p)\n    return h.read()\n"),
            std::vector<Severity>{Severity::kWarning});
}

TEST(ResourceSeverity, FileClosedOnlyOnTheNormalPathIsInfo) {
  EXPECT_EQ(severities("PPY003",
                       "def f(p):\n    h = open(p)\n    data = h.read()\n    h.close()\n    return data\n"),
            std::vector<Severity>{Severity::kInfo});
}

TEST(ResourceSeverity, FileClosedInFinallyIsNotReported) {
  EXPECT_TRUE(severities("PPY003",
                         "def f(p):\n    h = open(p)\n    try:\n        return h.read()\n    finally:\n"
                         "        h.close()\n")
                  .empty());
}

TEST(ResourceSeverity, AttributeClosedOnlyInDelIsInfo) {
  EXPECT_EQ(severities("PPY003",
                       "class A:\n    def __init__(self, p):\n        self.h = open(p)\n"
                       "    def __del__(self):\n        self.h.close()\n"),
            std::vector<Severity>{Severity::kInfo});
}

TEST(ResourceSeverity, ProcessWaitedOnlyOnTheNormalPathIsInfo) {
  EXPECT_EQ(severities("PPY004",
                       "import subprocess\ndef f(c):\n    p = subprocess.Popen(c)\n    log(p.pid)\n"
                       "    return p.wait()\n"),
            std::vector<Severity>{Severity::kInfo});
}

TEST(ResourceSeverity, SqliteWithBlockDoesNotClose) {
  EXPECT_EQ(severities("PPY004",
                       "import sqlite3\ndef f(p):\n    with sqlite3.connect(p) as c:\n"
                       "        c.execute('select 1')\n"),
            std::vector<Severity>{Severity::kWarning});
  EXPECT_TRUE(severities("PPY004",
                         "import sqlite3\ndef f(p):\n    with sqlite3.connect(p) as c:\n"
                         "        c.execute('select 1')\n    c.close()\n")
                  .empty());
}

TEST(GcDisableSeverity, ReenabledIsInfoLeftDisabledIsAWarning) {
  EXPECT_EQ(severities("PPY009",
                       "import gc\ndef f(w):\n    gc.disable()\n    try:\n        w()\n    finally:\n"
                       "        gc.enable()\n"),
            std::vector<Severity>{Severity::kInfo});
  EXPECT_EQ(severities("PPY009", "import gc\ndef f(w):\n    gc.disable()\n    w()\n"),
            std::vector<Severity>{Severity::kWarning});
}

TEST(WeakrefSeverity, ContainerIsInfoDeathAssertionIsAWarning) {
  EXPECT_EQ(severities("PPY008",
                       "import weakref\ndef t(o):\n    r = weakref.ref(o)\n    del o\n"
                       "    assert r() is None\n"),
            std::vector<Severity>{Severity::kWarning});
  EXPECT_EQ(severities("PPY008", "import weakref\ncache = weakref.WeakValueDictionary()\n"),
            std::vector<Severity>{Severity::kInfo});
}

TEST(HookSeverity, BranchingOnEventsIsAWarningCheckingThemIsInfo) {
  std::string branching =
      "import sys\ndef hook(frame, event, arg):\n    if event == 'call':\n        count()\n"
      "sys.settrace(hook)\n";
  EXPECT_EQ(severities("PPY023", branching), std::vector<Severity>{Severity::kWarning});
  std::string checking =
      "import sys\ndef hook(frame, event, arg):\n    if event == 'exception':\n"
      "        assert isinstance(arg[1], Exception)\n    return hook\nsys.settrace(hook)\n";
  EXPECT_EQ(severities("PPY023", checking), std::vector<Severity>{Severity::kInfo});
}

TEST(RecursionSeverity, ThreadStackSizeIsInfo) {
  EXPECT_EQ(severities("PPY026", "import threading\nthreading.stack_size(262144)\n"),
            std::vector<Severity>{Severity::kInfo});
  EXPECT_EQ(severities("PPY026", "import sys\nsys.setrecursionlimit(100000)\n").size(), 1u);
}

}  // namespace
}  // namespace pypyready::scan
