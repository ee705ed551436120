#include "deps/install_trial.h"

#include <gtest/gtest.h>

namespace pypyready::deps {
namespace {

DependencyResult dep(const std::string& key, Verdict verdict) {
  DependencyResult result;
  result.key = key;
  result.name = key;
  result.verdict = verdict;
  result.evidence.push_back(Evidence{"knowledge", "known", {}});
  return result;
}

TEST(InstallTrialTest, FailuresDecideAndSuccessConfirms) {
  DepsReport report;
  report.dependencies = {dep("fine", Verdict::kUnknown), dep("cext", Verdict::kSlower),
                         dep("old", Verdict::kWorks), dep("orjson", Verdict::kReplace)};
  TrialResult fine{"fine", "fine", true, std::nullopt, {ImportCheck{"fine", true, "", ""}}};
  TrialResult cext{
      "cext",
      "cext",
      true,
      std::nullopt,
      {ImportCheck{"cext", false, "ImportError: x.so: undefined symbol: PyIter_Send", "PyIter_Send"}}};
  TrialResult old{"old", "old", false, PipFailure{PipFailureKind::kRequiresPython, "needs >=3.10"}, {}};
  TrialResult orjson{
      "orjson", "orjson", false, PipFailure{PipFailureKind::kNoMatchingDistribution, "no wheel"}, {}};
  TrialResult extra{"newcomer==1", "newcomer", true, std::nullopt, {}};
  apply_trial(report, {fine, cext, old, orjson, extra});

  auto find = [&](const std::string& key) -> const DependencyResult& {
    for (const auto& d : report.dependencies) {
      if (d.key == key) return d;
    }
    throw std::runtime_error(key);
  };
  EXPECT_EQ(find("fine").verdict, Verdict::kWorks);
  EXPECT_EQ(find("fine").evidence.front().source, "install");
  EXPECT_EQ(find("cext").verdict, Verdict::kBlocked);
  EXPECT_EQ(find("cext").evidence.front().source, "import");
  EXPECT_EQ(find("cext").evidence.front().missing_symbols, std::vector<std::string>{"PyIter_Send"});
  EXPECT_EQ(find("old").verdict, Verdict::kBlocked);
  EXPECT_EQ(find("old").evidence.front().detail,
            "pip install old under PyPy failed (requires-python): needs >=3.10");
  EXPECT_EQ(find("orjson").verdict, Verdict::kReplace);  // a known replacement stays a replacement
  EXPECT_EQ(find("newcomer").verdict, Verdict::kWorks);
  EXPECT_EQ(report.dependencies.front().verdict, Verdict::kBlocked);  // blockers first again
}

TEST(InstallTrialTest, AnInstallOutweighsTheIndex) {
  DepsReport report;
  DependencyResult guessed = dep("guessed", Verdict::kBlocked);
  guessed.evidence.insert(guessed.evidence.begin(),
                          Evidence{"index", "1.0 has no file PyPy can install", {}, true});
  report.dependencies = {guessed};
  apply_trial(report, {TrialResult{
                          "guessed", "guessed", true, std::nullopt, {ImportCheck{"guessed", true, "", ""}}}});
  EXPECT_EQ(report.dependencies.front().verdict, Verdict::kWorks);
  EXPECT_EQ(report.dependencies.front().evidence.front().source, "install");
}

}  // namespace
}  // namespace pypyready::deps
