#include "profile/model.h"

#include <gtest/gtest.h>

#include "profile/report.h"

namespace pypyready::profile {
namespace {

// An attribution with these seconds per category (the shares follow).
Attribution with_seconds(std::map<std::string, double> seconds) {
  Attribution a;
  for (const char* category : kCategories)
    a.seconds[category] = seconds.count(category) ? seconds[category] : 0;
  for (const auto& [category, value] : a.seconds)
    a.total_s += value;
  for (const auto& [category, value] : a.seconds)
    a.shares[category] = value / a.total_s;
  return a;
}

// Parameters with round numbers, so the expected times can be written out.
ModelParameters round_parameters() {
  ModelParameters p;
  p.python_compiled_speedup = 4;
  p.python_rest_speedup = 5;
  p.python_recursive_speedup = 2;
  p.native_factors = {0.5, 0.25, 3, 1.25, 1.5, 1.2};
  p.system_factor = 2;
  p.jit_warmup_s = 0.1;
  p.range_factor = 1.5;
  p.pypy_startup_s = 0.05;
  return p;
}

TEST(Model, PurePythonIsSplitIntoCompiledRecursiveAndTheRest) {
  Attribution a = with_seconds({{"python", 10}, {"startup", 0.05}});
  a.python_compiled_s = 6;
  a.python_recursive_s = 2;
  Prediction prediction = predict(a, round_parameters());
  EXPECT_NEAR(prediction.inputs.python_rest_s, 2, 1e-9);
  double jit_share = 10 / 10.05;
  double modelled = 0.1 * jit_share + 6 / 4.0 + 2 / 2.0 + 2 / 5.0;
  EXPECT_NEAR(prediction.pypy_middle_s, 0.05 + modelled, 1e-9);
  EXPECT_NEAR(prediction.pypy_fast_s, 0.05 + modelled / 1.5, 1e-9);
  EXPECT_NEAR(prediction.pypy_slow_s, 0.05 + modelled * 1.5, 1e-9);
  EXPECT_NEAR(prediction.speedup_high, 10.05 / (0.05 + modelled / 1.5), 1e-9);
  EXPECT_EQ(prediction.outlook, "likely-faster");
  EXPECT_TRUE(prediction.notes.empty());  // long enough, no extensions, short start-up
  // The same time all recursive gains less than mostly compiled code.
  Attribution recursive = a;
  recursive.python_compiled_s = 0;
  recursive.python_recursive_s = 10;
  EXPECT_LT(range_middle(predict(recursive, round_parameters())), range_middle(prediction));
}

TEST(Model, BytesReadCostPyPyTimePerGigabyte) {
  Attribution a = with_seconds({{"system", 1}, {"startup", 0.05}});
  ModelParameters p = round_parameters();
  p.read_cost_s_per_gb = 0.5;
  double before = predict(a, p).pypy_middle_s;
  a.read_bytes = 3e9;
  Prediction prediction = predict(a, p);
  EXPECT_NEAR(prediction.inputs.read_gb, 3, 1e-12);
  EXPECT_NEAR(prediction.pypy_middle_s - before, 1.5, 1e-9);
  // Fitted, so widened by the range like the other fitted parts.
  EXPECT_NEAR(
      prediction.pypy_slow_s - predict(with_seconds({{"system", 1}, {"startup", 0.05}}), p).pypy_slow_s,
      1.5 * 1.5, 1e-9);
  bool noted = false;
  for (const std::string& note : prediction.notes)
    noted = noted || note.find("read 3.00 GB") != std::string::npos;
  EXPECT_TRUE(noted);
  a.read_bytes = -1;  // a nonsensical count adds nothing
  EXPECT_NEAR(predict(a, p).pypy_middle_s, before, 1e-12);
}

TEST(Model, CompiledAndRecursivePartsAreClampedToThePythonTime) {
  Attribution a = with_seconds({{"python", 1}});
  a.python_recursive_s = 0.8;
  a.python_compiled_s = 0.5;  // inconsistent figures must not make negative time
  ModelInputs in = model_inputs(a);
  EXPECT_NEAR(in.python_recursive_s, 0.8, 1e-9);
  EXPECT_NEAR(in.python_compiled_s, 0.2, 1e-9);
  EXPECT_NEAR(in.python_rest_s, 0, 1e-9);
}

TEST(Model, NativeTimeIsWeighedByItsGroup) {
  Attribution a = with_seconds({{"native_stdlib", 2}, {"system", 0.5}, {"wait", 0.5}});
  a.native_by_callee.push_back({"_heapq", "native_stdlib", 1, 0.25, "heappop"});
  a.native_by_callee.push_back({"builtins", "native_stdlib", 0.5, 0.125, "sorted"});
  // 0.5 s not in the per-callable list: counted as "other".
  Prediction prediction = predict(a, round_parameters());
  EXPECT_NEAR(prediction.inputs.native_s[0], 1, 1e-9);
  EXPECT_NEAR(prediction.inputs.native_s[2], 0.5, 1e-9);
  EXPECT_NEAR(prediction.inputs.native_s[5], 0.5, 1e-9);
  EXPECT_NEAR(prediction.inputs.system_s, 0.5, 1e-9);
  // System time is weighed by f_sys (fitted, so inside the range's uncertainty); waiting is the
  // same on PyPy and outside it.
  double modelled = 0.1 * (1.0 / 3) + 1 * 0.5 + 0.5 * 3 + 0.5 * 1.2 + 0.5 * 2;
  EXPECT_NEAR(prediction.pypy_middle_s, 0.05 + 0.5 + modelled, 1e-9);
  EXPECT_NEAR(prediction.pypy_slow_s, 0.05 + 0.5 + modelled * 1.5, 1e-9);
  bool sorting = false;
  for (const auto& note : prediction.notes)
    sorting = sorting || note.find("sorting") != std::string::npos;
  EXPECT_TRUE(sorting);
}

TEST(Model, WaitingProgramsGetANarrowRangeNearOne) {
  Prediction prediction = predict(with_seconds({{"wait", 10}, {"startup", 0.05}}), round_parameters());
  EXPECT_NEAR(prediction.speedup_low, prediction.speedup_high, 1e-9);
  EXPECT_NEAR(prediction.speedup_low, 1.0, 1e-9);
}

TEST(Model, NoPromiseBelowFortyPercentPurePython) {
  // 39 % pure Python, the rest waiting: even the optimistic end says no gain is to be expected.
  Attribution a = with_seconds({{"python", 3.9}, {"wait", 6.1}});
  Prediction prediction = predict(a);
  EXPECT_EQ(prediction.outlook, "no-gain-expected");
  EXPECT_NE(prediction.summary.find("do not expect a gain"), std::string::npos) << prediction.summary;
  Attribution more = with_seconds({{"python", 4.1}, {"wait", 5.9}});
  EXPECT_NE(predict(more).outlook, "no-gain-expected");
}

TEST(Model, JitFriendlyNativeCodeLiftsTheNoPromiseRule) {
  Attribution a = with_seconds({{"python", 1}, {"native_stdlib", 9}});
  a.native_by_callee.push_back({"_heapq", "native_stdlib", 9, 0.9, "heappop"});
  a.native_by_module.push_back({"_heapq", "native_stdlib", 9, 0.9, ""});
  Prediction prediction = predict(a);
  EXPECT_NE(prediction.outlook, "no-gain-expected");
  EXPECT_NE(prediction.summary.find("_heapq"), std::string::npos) << prediction.summary;
  // The same time in json's C code keeps the rule.
  Attribution json = with_seconds({{"python", 1}, {"native_stdlib", 9}});
  json.native_by_callee.push_back({"_json", "native_stdlib", 9, 0.9, "Scanner"});
  json.native_by_module.push_back({"_json", "native_stdlib", 9, 0.9, ""});
  EXPECT_EQ(predict(json).outlook, "no-gain-expected");
}

TEST(Model, UncertainWhenTheLowEndIsNotAGain) {
  Attribution a = with_seconds({{"python", 5}, {"native_stdlib", 5}});
  Prediction prediction = predict(a);
  EXPECT_LT(prediction.speedup_low, kFasterAbove);
  EXPECT_EQ(prediction.outlook, "uncertain");
}

TEST(Model, WarmupWeighsMoreOnShortRuns) {
  Attribution short_run = with_seconds({{"python", 0.3}});
  short_run.python_compiled_s = 0.3;
  Attribution long_run = with_seconds({{"python", 3}});
  long_run.python_compiled_s = 3;
  EXPECT_LT(range_middle(predict(short_run, round_parameters())),
            range_middle(predict(long_run, round_parameters())));
}

TEST(Model, ShortRunsGetTheWarmupWarning) {
  Prediction prediction = predict(with_seconds({{"python", 0.5}, {"startup", 0.02}}));
  ASSERT_FALSE(prediction.notes.empty());
  EXPECT_NE(prediction.notes[0].find("JIT warm-up"), std::string::npos);
  EXPECT_EQ(predict(with_seconds({{"python", 1.5}})).notes.size(), 0u);
}

TEST(Model, ExtensionsAreSlowerOnPyPyAndNamed) {
  Attribution a = with_seconds({{"python", 1}, {"native_extensions", 2}});
  a.native_by_module.push_back({"fastops", "native_extensions", 2, 2.0 / 3, ""});
  ModelParameters p = round_parameters();
  p.pypy_startup_s = 0;
  Prediction prediction = predict(a, p);
  EXPECT_NEAR(prediction.pypy_slow_s, (0.1 / 3 + 1 / 5.0) * 1.5 + 2 * 6.0, 1e-9);
  EXPECT_LT(prediction.speedup_high, 1.0);
  bool named = false;
  for (const auto& note : prediction.notes)
    named = named || note.find("fastops") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST(Model, CollectionTimeCostsPyPyAFittedMultipleOfIt) {
  Attribution a = with_seconds({{"python", 2}, {"startup", 0.05}});
  a.python_recursive_s = 2;  // all of it recursive: all the collection time counts
  ModelParameters p = round_parameters();
  p.gc_factor = 1.5;
  Prediction without = predict(a, p);
  a.gc_s = 0.4;
  Prediction with = predict(a, p);
  EXPECT_DOUBLE_EQ(with.inputs.gc_s, 0.4);
  // Part of the fitted time: 0.4 s x 1.5 in the middle, widened by the range factor at the ends.
  EXPECT_NEAR(with.pypy_middle_s - without.pypy_middle_s, 0.6, 1e-9);
  EXPECT_NEAR(with.pypy_slow_s - without.pypy_slow_s, 0.6 * 1.5, 1e-9);
  EXPECT_LT(with.speedup_high, without.speedup_high);
  // The count of collections alone does not weigh: the time does.
  a.gc_collections = 5000;
  EXPECT_NEAR(predict(a, p).pypy_middle_s, with.pypy_middle_s, 1e-12);
  a.gc_s = -0.3;  // nonsense from a probe never lowers the time
  EXPECT_NEAR(predict(a, p).pypy_middle_s, without.pypy_middle_s, 1e-12);
  // Counted in proportion to the recursive share: a quarter recursive, a quarter of it; none
  // for loops alone.
  a.gc_s = 0.4;
  a.python_recursive_s = 0.5;
  EXPECT_NEAR(predict(a, p).inputs.gc_s, 0.1, 1e-9);
  a.python_recursive_s = 0;
  Attribution loops = a;
  loops.gc_s = 0;
  EXPECT_NEAR(predict(a, p).pypy_middle_s, predict(loops, p).pypy_middle_s, 1e-12);
}

TEST(Model, CollectionTermFollowsTheRunsOwnSpeed) {
  // The same program profiled on a machine running it half as fast: every second doubles, the
  // collections' too. Without start-up and warm-up (fixed seconds) the predicted speedup must not
  // move; a fixed time per collection would have made the slower profile look faster on PyPy.
  ModelParameters p = round_parameters();
  p.gc_factor = 2;
  p.pypy_startup_s = 0;
  p.jit_warmup_s = 0;
  Attribution fast = with_seconds({{"python", 1}, {"native_stdlib", 0.2}});
  fast.python_recursive_s = 0.8;
  fast.gc_s = 0.3;
  fast.gc_collections = 2000;
  Attribution slow = with_seconds({{"python", 2}, {"native_stdlib", 0.4}});
  slow.python_recursive_s = 1.6;
  slow.gc_s = 0.6;
  slow.gc_collections = 2000;
  Prediction at_fast = predict(fast, p);
  Prediction at_slow = predict(slow, p);
  EXPECT_NEAR(at_fast.speedup_low, at_slow.speedup_low, 1e-9);
  EXPECT_NEAR(at_fast.speedup_high, at_slow.speedup_high, 1e-9);
  // And the term is there: 0.3 s x 0.8 recursive share x 2 on the faster profile.
  fast.gc_s = 0;
  EXPECT_NEAR(at_fast.pypy_middle_s - predict(fast, p).pypy_middle_s, 0.48, 1e-9);
}

TEST(Model, ChildInterpretersPayPyPysStartUp) {
  Attribution a = with_seconds({{"wait", 1}, {"startup", 0.02}});
  ModelParameters p = round_parameters();  // PyPy's start-up 0.05 s
  Prediction alone = predict(a, p);
  a.interpreter_children = 4;
  Prediction with = predict(a, p);
  EXPECT_NEAR(child_startup_s(with.inputs, p), 4 * (0.05 - 0.02), 1e-12);
  // Known, not fitted: the same amount at both ends of the range.
  EXPECT_NEAR(with.pypy_fast_s - alone.pypy_fast_s, 0.12, 1e-9);
  EXPECT_NEAR(with.pypy_slow_s - alone.pypy_slow_s, 0.12, 1e-9);
  // A start-up slower on CPython than PyPy's never makes a child a gain.
  p.pypy_startup_s = 0.01;
  EXPECT_DOUBLE_EQ(child_startup_s(predict(a, p).inputs, p), 0);
}

TEST(Model, Directions) {
  EXPECT_EQ(direction_of(1.15), "faster");
  EXPECT_EQ(direction_of(1.0), "same");
  EXPECT_EQ(direction_of(0.87), "slower");
}

TEST(Verify, InsideAndOutsideTheRange) {
  Prediction prediction;
  prediction.speedup_low = 1.0;
  prediction.speedup_high = 4.0;  // middle 2.0
  Verification inside = verify_prediction(prediction, 2.5, 2.2, 2.8);
  EXPECT_TRUE(inside.within_range);
  EXPECT_NEAR(inside.error_factor, 1.25, 1e-9);
  EXPECT_EQ(inside.predicted_direction, "faster");
  EXPECT_EQ(inside.measured_direction, "faster");
  Verification outside = verify_prediction(prediction, 0.5, 0.4, 0.6);
  EXPECT_FALSE(outside.within_range);
  EXPECT_NEAR(outside.error_factor, 4.0, 1e-9);
  EXPECT_EQ(outside.measured_direction, "slower");
}

TEST(StackedBar, CellsAddUpToTheWidth) {
  Attribution a = with_seconds({{"python", 1}, {"native_stdlib", 1}, {"wait", 1}});
  std::string bar = stacked_bar(a, 10);
  // Each glyph is one cell; count them by their UTF-8 lead bytes.
  std::size_t cells = 0;
  for (unsigned char c : bar)
    cells += (c & 0xC0) != 0x80 ? 1 : 0;
  EXPECT_EQ(cells, 10u);
  EXPECT_EQ(bar.find("█"), 0u);
  EXPECT_NE(bar.find("·"), std::string::npos);
  EXPECT_EQ(stacked_bar(with_seconds({{"python", 1}}), 5), "█████");
}

}  // namespace
}  // namespace pypyready::profile
