#include "profile/attribution.h"

#include <gtest/gtest.h>

#include "profile/hotspots.h"

namespace pypyready::profile {
namespace {

SampleRecord record(std::string kind, std::string module, double user, double sys = 0, double wait = 0) {
  SampleRecord r;
  r.kind = std::move(kind);
  r.module = std::move(module);
  r.file = "/home/u/app/main.py";
  r.function = "work";
  r.line = 12;
  r.user_s = user;
  r.sys_s = sys;
  r.wait_s = wait;
  r.samples = 10;
  return r;
}

ProbeReport probe_with(std::vector<SampleRecord> records, double wall_s) {
  ProbeReport probe;
  probe.implementation = "cpython";
  probe.interval_s = 0.005;
  probe.samples = 400;
  probe.wall_s = wall_s;
  probe.schedstat = true;
  probe.cwd = "/home/u/app";
  probe.stdlib_dirs = {"/usr/lib/python3.11/"};
  probe.site_dirs = {"/usr/lib/python3/dist-packages/"};
  probe.records = std::move(records);
  return probe;
}

TEST(Attribution, SplitsEachRecordIntoItsCategories) {
  // 1.0 s Python, 0.5 s _json, 0.25 s fastops with 0.1 s system and 0.05 s wait, 0.1 s import.
  ProbeReport probe = probe_with(
      {record("python", "", 1.0), record("native_stdlib", "_json", 0.5, 0.1),
       record("native_extensions", "fastops", 0.25, 0, 0.05), record("import", "", 0.05, 0.03, 0.02)},
      2.0);
  Attribution a = attribute(probe, 2.1);  // 0.1 s of start-up the sampler did not see
  EXPECT_NEAR(a.seconds["python"], 1.0, 1e-9);
  EXPECT_NEAR(a.seconds["native_stdlib"], 0.5, 1e-9);
  EXPECT_NEAR(a.seconds["native_extensions"], 0.25, 1e-9);
  EXPECT_NEAR(a.seconds["system"], 0.1, 1e-9);
  EXPECT_NEAR(a.seconds["wait"], 0.05, 1e-9);
  EXPECT_NEAR(a.seconds["import"], 0.1, 1e-9);  // all of the import record's time
  EXPECT_NEAR(a.seconds["startup"], 0.1, 1e-9);
  EXPECT_NEAR(a.total_s, 2.1, 1e-9);
  double sum = 0;
  for (const auto& [category, share] : a.shares)
    sum += share;
  EXPECT_NEAR(sum, 1.0, 1e-9);
  ASSERT_EQ(a.native_by_module.size(), 2u);
  EXPECT_EQ(a.native_by_module[0].module, "_json");
  EXPECT_EQ(a.native_by_module[1].kind, "native_extensions");
}

TEST(Attribution, StartUpIsNeverNegative) {
  Attribution a = attribute(probe_with({record("python", "", 1.0)}, 1.2), 1.1);
  EXPECT_EQ(a.seconds["startup"], 0);
  EXPECT_NEAR(a.shares["python"], 1.0, 1e-9);
}

TEST(Attribution, StartUpLeavesOutWaitingForACpu) {
  ProbeReport probe = probe_with({record("python", "", 1.0)}, 1.0);
  probe.setup_s = 0.01;
  probe.startup_queue_s = 0.05;
  Attribution a = attribute(probe, 1.2);  // 0.2 s outside the sampler: 0.01 set-up, 0.05 queueing
  EXPECT_NEAR(a.seconds["startup"], 0.14, 1e-9);
  probe.startup_cpu_s = 0.03;  // a busy machine: the CPU time of start-up is the smaller estimate
  EXPECT_NEAR(attribute(probe, 1.2).seconds["startup"], 0.03, 1e-9);
}

TEST(Attribution, EmptyRunHasZeroShares) {
  Attribution a = attribute(probe_with({}, 0), 0);
  EXPECT_EQ(a.total_s, 0);
  EXPECT_EQ(a.shares["python"], 0);
}

TEST(Attribution, MarginShrinksWithSamples) {
  EXPECT_NEAR(sampling_margin(0.5, 100), 0.098, 0.001);
  EXPECT_LT(sampling_margin(0.5, 10000), 0.01);
  EXPECT_EQ(sampling_margin(0.0, 100), 0);
  EXPECT_EQ(sampling_margin(0.5, 0), 1);
}

TEST(Attribution, FewSamplesSayTheSharesAreRough) {
  ProbeReport probe = probe_with({record("python", "", 0.1)}, 0.1);
  probe.samples = 20;
  Attribution a = attribute(probe, 0.12);
  EXPECT_NE(a.confidence.find("only 20 samples"), std::string::npos) << a.confidence;
}

TEST(Attribution, WarnsAboutOtherThreadsAndBusyMachines) {
  ProbeReport probe = probe_with({record("python", "", 0.5, 0, 0.5)}, 1.0);
  probe.main_thread_cpu_s = 0.5;
  probe.process_user_s = 1.5;  // a worker thread burnt a second
  probe.queue_s = 0.4;
  Attribution a = attribute(probe, 1.0);
  EXPECT_NEAR(a.other_threads_cpu_s, 1.0, 1e-9);
  ASSERT_EQ(a.warnings.size(), 2u);
  EXPECT_NE(a.warnings[0].find("threads other than the main one"), std::string::npos);
  EXPECT_NE(a.warnings[1].find("waiting for a CPU"), std::string::npos);
}

TEST(Hotspots, NativeLinesNameTheCalleeAndTheCallingLine) {
  SampleRecord json = record("native_stdlib", "_json", 0.6, 0.1);
  json.file = "/usr/lib/python3.11/json/decoder.py";
  json.function = "raw_decode";
  json.line = 353;
  json.callee = "Scanner";
  json.caller_file = "/home/u/app/main.py";
  json.caller_line = 20;
  ProbeReport probe = probe_with({record("python", "", 0.3), json}, 1.0);
  Hotspots spots = find_hotspots(probe, 1.0);
  ASSERT_EQ(spots.lines.size(), 3u);  // the native part, Python, then the native line's system part
  EXPECT_EQ(spots.lines[0].kind, "native_stdlib");
  EXPECT_EQ(spots.lines[0].file, "stdlib:json/decoder.py");
  EXPECT_EQ(spots.lines[0].callee, "Scanner");
  EXPECT_EQ(spots.lines[0].caller_file, "main.py");
  EXPECT_EQ(spots.lines[0].caller_line, 20);
  EXPECT_EQ(spots.lines[2].kind, "system");
  ASSERT_EQ(spots.functions.size(), 2u);
  EXPECT_EQ(spots.functions[0].function, "raw_decode");
  EXPECT_EQ(spots.functions[0].kind, "native_stdlib");
  EXPECT_NEAR(spots.functions[0].share, 0.7, 1e-9);
}

TEST(Hotspots, PathsAreShortened) {
  ProbeReport probe = probe_with({}, 0);
  EXPECT_EQ(display_path("/usr/lib/python3/dist-packages/numpy/core/x.py", probe), "site:numpy/core/x.py");
  EXPECT_EQ(display_path("/usr/lib/python3.11/re/__init__.py", probe), "stdlib:re/__init__.py");
  EXPECT_EQ(display_path("/home/u/app/pkg/a.py", probe), "pkg/a.py");
  EXPECT_EQ(display_path("<command>", probe), "<command>");
}

TEST(ProbeReport, ParsesTheLastLine) {
  std::string line =
      R"({"implementation": "cpython", "python_version": "3.11.2", "interval_s": 0.005, "samples": 3, )"
      R"("wall_s": 0.02, "records": [["python", "", "", "/a.py", "f", 3, "/a.py", 3, 0.01, 0.0, 0.0, 2]], )"
      R"("ending": {"kind": "returned"}})";
  auto parsed = parse_probe_report("garbage\n" + line + "\n");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->samples, 3);
  EXPECT_EQ(parsed->ending, "returned");
  ASSERT_EQ(parsed->records.size(), 1u);
  EXPECT_EQ(parsed->records[0].line, 3);
  EXPECT_EQ(parsed->records[0].samples, 2);
}

TEST(ProbeReport, CollectionsAndChildInterpretersReachTheAttribution) {
  std::string line =
      R"({"interval_s": 0.005, "samples": 1, "wall_s": 1, "records": [], "gc_collections": 2350, )"
      R"("gc_s": 0.25, "interpreter_children": 3})";
  auto parsed = parse_probe_report(line);
  ASSERT_TRUE(parsed) << parsed.error().message;
  Attribution a = attribute(*parsed, 1.1);
  EXPECT_EQ(a.gc_collections, 2350);
  EXPECT_DOUBLE_EQ(a.gc_s, 0.25);
  EXPECT_EQ(a.interpreter_children, 3);
  // An older probe without them: none.
  auto older = parse_probe_report(R"({"interval_s": 0.005, "samples": 1, "wall_s": 1, "records": []})");
  ASSERT_TRUE(older);
  EXPECT_EQ(older->gc_collections, 0);
  EXPECT_DOUBLE_EQ(older->gc_s, 0);
  EXPECT_EQ(older->interpreter_children, 0);
}

TEST(ProbeReport, MissingOrBrokenReportsAreErrors) {
  EXPECT_FALSE(parse_probe_report(""));
  EXPECT_FALSE(parse_probe_report("{not json"));
  EXPECT_FALSE(parse_probe_report(R"({"interval_s": 0.005})"));
  EXPECT_FALSE(parse_probe_report(
      R"({"interval_s": 0.005, "samples": 1, "wall_s": 1, "records": [["python", "", ""]]})"));
}

}  // namespace
}  // namespace pypyready::profile
