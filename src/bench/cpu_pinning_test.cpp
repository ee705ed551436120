#include "bench/cpu_pinning.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace pypyready::bench {
namespace {

const char* const kBefore =
    "cpu  300 0 100 1000 10 0 0 0 0 0\n"
    "cpu0 200 0 50 400 5 0 0 0 0 0\n"
    "cpu1 100 0 50 600 5 0 0 0 0 0\n"
    "intr 12345\n";

TEST(CpuPinning, ParsesPerCpuLinesOnly) {
  auto times = parse_cpu_times(kBefore);
  ASSERT_EQ(times.size(), 2U);
  EXPECT_EQ(times[0].busy, 250U);
  EXPECT_EQ(times[0].total, 655U);
  EXPECT_EQ(times[1].busy, 150U);
}

TEST(CpuPinning, PicksTheCpuThatWasLeastBusyInBetween) {
  auto before = parse_cpu_times(kBefore);
  // CPU 0 idles, CPU 1 works: CPU 0 wins although its busy total is higher.
  auto after = parse_cpu_times(
      "cpu0 201 0 50 499 5 0 0 0 0 0\n"
      "cpu1 190 0 50 610 5 0 0 0 0 0\n");
  CpuChoice choice = least_busy_cpu({0, 1}, before, after);
  EXPECT_EQ(choice.cpu, 0);
  EXPECT_DOUBLE_EQ(choice.busy_share, 0.01);
  // Only CPU 1 allowed: it is the answer however busy.
  choice = least_busy_cpu({1}, before, after);
  EXPECT_EQ(choice.cpu, 1);
  EXPECT_DOUBLE_EQ(choice.busy_share, 0.9);
}

TEST(CpuPinning, TieGoesToTheHighestCpu) {
  auto times = parse_cpu_times(kBefore);
  EXPECT_EQ(least_busy_cpu({0, 1}, times, times).cpu, 1);
  EXPECT_EQ(least_busy_cpu({}, times, times).cpu, -1);
}

TEST(CpuPinning, RequestsAreCheckedAgainstTheAffinityMask) {
  EXPECT_EQ(*choose_cpu("any"), -1);
  std::vector<int> allowed = allowed_cpus();
  ASSERT_FALSE(allowed.empty());
  EXPECT_EQ(*choose_cpu(std::to_string(allowed.back())), allowed.back());
  auto automatic = choose_cpu("auto");  // a CPU we may use, or none when all are busy
  ASSERT_TRUE(automatic.ok());
  EXPECT_TRUE(*automatic == -1 || std::find(allowed.begin(), allowed.end(), *automatic) != allowed.end());
  auto bad = choose_cpu("4096");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("--cpu 4096: expected auto, any, or one of"), std::string::npos);
  EXPECT_FALSE(choose_cpu("fast").ok());
}

}  // namespace
}  // namespace pypyready::bench
