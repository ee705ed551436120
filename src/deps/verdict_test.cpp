#include "deps/verdict.h"

#include <gtest/gtest.h>

#include "deps/analyze.h"
#include "deps/dependency_graph.h"
#include "deps/render.h"

namespace pypyready::deps {
namespace {

Requirement req(const std::string& text) {
  return *Requirement::parse(text);
}

ExtensionModule module(const std::string& name, BinaryKind kind, std::vector<MissingSymbol> missing = {}) {
  ExtensionModule ext;
  ext.module = name;
  ext.path = name + ".cpython-311-x86_64-linux-gnu.so";
  ext.abi_tag = "cpython-311-x86_64-linux-gnu";
  ext.kind = kind;
  ext.missing = std::move(missing);
  return ext;
}

Distribution dist(const std::string& key, std::vector<ExtensionModule> extensions = {}) {
  Distribution d;
  d.name = key;
  d.key = key;
  d.version = "1.0";
  d.files = {key + "/__init__.py"};
  d.extensions = std::move(extensions);
  return d;
}

const Target kTarget = pypy_target("3.9");

TEST(VerdictTest, PureInstalledWorks) {
  Distribution d = dist("purelib");
  DependencyResult r = decide(DependencyFacts{"purelib", "purelib", {}, &d, nullptr}, kTarget);
  EXPECT_EQ(r.verdict, Verdict::kWorks);
  EXPECT_EQ(r.kind, "pure");
}

TEST(VerdictTest, PublicGapBlocksAndHintsDoNot) {
  Distribution blocked =
      dist("hand", {module("hand._c", BinaryKind::kPlainC, {{"PyFrame_GetBack", GapClass::kPublicApi}})});
  DependencyResult r = decide(DependencyFacts{"hand", "hand", {}, &blocked, nullptr}, kTarget);
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.evidence.front().missing_symbols, std::vector<std::string>{"PyFrame_GetBack"});
  EXPECT_TRUE(r.evidence.front().blocking);

  Distribution cython =
      dist("cy",
           {module("cy._x", BinaryKind::kCython, {{"_PyDict_GetItem_KnownHash", GapClass::kGeneratorPath}})});
  DependencyResult c = decide(DependencyFacts{"cy", "cy", {}, &cython, nullptr}, kTarget);
  EXPECT_EQ(c.verdict, Verdict::kSlower);
  EXPECT_EQ(c.kind, "cython");
  EXPECT_FALSE(c.evidence.back().blocking);

  ExtensionModule optional =
      module("fb._speedups", BinaryKind::kPlainC, {{"PyIter_Send", GapClass::kPublicApi}});
  optional.has_fallback = true;
  Distribution with_fallback = dist("fb", {optional});
  DependencyResult f = decide(DependencyFacts{"fb", "fb", {}, &with_fallback, nullptr}, kTarget);
  EXPECT_EQ(f.verdict, Verdict::kSlower);
  EXPECT_TRUE(f.has_fallback);
}

TEST(VerdictTest, Abi3PyO3BlocksWithoutKnowledge) {
  ExtensionModule rust = module("r._rust", BinaryKind::kPyO3);
  rust.abi_tag = "abi3";
  Distribution d = dist("rusty", {rust});
  DependencyResult r = decide(DependencyFacts{"rusty", "rusty", {}, &d, nullptr}, kTarget);
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.kind, "pyo3");
  bool mentions_abi3 = false;
  for (const auto& e : r.evidence)
    mentions_abi3 = mentions_abi3 || e.detail.find("abi3") != std::string::npos;
  EXPECT_TRUE(mentions_abi3);
}

TEST(VerdictTest, KnowledgeMarkersAndRequiresPython) {
  KnowledgeEntry entry{"psycopg2", "c-api", "replace", false, "psycopg2cffi", "note", {"https://x"}, 1};
  DependencyResult k = decide(DependencyFacts{"psycopg2", "psycopg2", {}, nullptr, &entry}, kTarget);
  EXPECT_EQ(k.verdict, Verdict::kReplace);
  EXPECT_EQ(k.alternative, "psycopg2cffi");
  EXPECT_EQ(k.evidence.front().source, "knowledge");

  Declared guarded;
  guarded.key = "greenlet";
  guarded.requirement = req("greenlet; platform_python_implementation == 'CPython'");
  guarded.file = "requirements.txt";
  guarded.line = 3;
  DependencyResult m = decide(DependencyFacts{"greenlet", "greenlet", {&guarded}, nullptr, nullptr}, kTarget);
  EXPECT_EQ(m.verdict, Verdict::kWorks);
  EXPECT_EQ(m.declared_in, std::vector<std::string>{"requirements.txt:3"});
  EXPECT_NE(m.evidence.front().detail.find("marker"), std::string::npos);

  Distribution newer = dist("newer");
  newer.requires_python = ">=3.10";
  EXPECT_EQ(decide(DependencyFacts{"newer", "newer", {}, &newer, nullptr}, kTarget).verdict,
            Verdict::kBlocked);
  EXPECT_EQ(decide(DependencyFacts{"newer", "newer", {}, &newer, nullptr}, pypy_target("3.10")).verdict,
            Verdict::kWorks);

  DependencyResult none = decide(DependencyFacts{"mystery", "mystery", {}, nullptr, nullptr}, kTarget);
  EXPECT_EQ(none.verdict, Verdict::kUnknown);
}

TEST(VerdictTest, KnowledgeDecidesAndElfEvidenceIsKept) {
  Distribution gap = dist(
      "fast", {module("fast._c", BinaryKind::kPlainC, {{"PyInterpreterState_Main", GapClass::kPublicApi}})});
  KnowledgeEntry slower{"fast", "c-api", "slower", false, "", "ships PyPy wheels", {"https://x"}, 1};
  DependencyResult r = decide(DependencyFacts{"fast", "fast", {}, &gap, &slower}, kTarget);
  EXPECT_EQ(r.verdict, Verdict::kSlower);
  EXPECT_EQ(r.evidence.front().source, "knowledge");
  EXPECT_EQ(r.evidence.back().missing_symbols, std::vector<std::string>{"PyInterpreterState_Main"});
}

TEST(VerdictTest, LockFileWheels) {
  Declared locked;
  locked.key = "ujson";
  locked.requirement = req("ujson==5.8.0");
  locked.group = "lock";
  locked.artifacts = {"ujson-5.8.0-cp311-cp311-manylinux_2_17_x86_64.whl",
                      "ujson-5.8.0-pp39-pypy39_pp73-manylinux_2_17_x86_64.whl"};
  DependencyResult r = decide(DependencyFacts{"ujson", "ujson", {&locked}, nullptr, nullptr}, kTarget);
  EXPECT_EQ(r.verdict, Verdict::kSlower);
  EXPECT_EQ(r.evidence.front().source, "index");
  locked.artifacts = {"x-1-cp311-cp311-linux_x86_64.whl"};
  EXPECT_EQ(decide(DependencyFacts{"ujson", "ujson", {&locked}, nullptr, nullptr}, kTarget).verdict,
            Verdict::kBlocked);
  locked.artifacts = {"x-1-py3-none-any.whl"};
  EXPECT_EQ(decide(DependencyFacts{"ujson", "ujson", {&locked}, nullptr, nullptr}, kTarget).verdict,
            Verdict::kWorks);
}

TEST(GraphTest, ShortestPathsHonourMarkersAndExtras) {
  InstalledEnvironment env;
  Distribution app = dist("app");
  app.requires_dist = {req("web"), req("fast; extra == 'speed'"),
                       req("cpy-only; platform_python_implementation == 'CPython'")};
  Distribution web = dist("web");
  web.requires_dist = {req("core"), req("app")};  // a cycle back to the root
  Distribution core = dist("core");
  env.distributions = {app, web, core, dist("fast"), dist("cpy-only")};
  auto paths = paths_from_roots(env, {Root{"app", {}}}, kTarget.markers);
  EXPECT_EQ(paths["web"], (std::vector<std::vector<std::string>>{{"app"}}));
  EXPECT_EQ(paths["core"], (std::vector<std::vector<std::string>>{{"app", "web"}}));
  EXPECT_EQ(paths.count("fast"), 0u);
  EXPECT_EQ(paths.count("cpy-only"), 0u);
  auto with_extra = paths_from_roots(env, {Root{"app", {"speed"}}}, kTarget.markers);
  EXPECT_EQ(with_extra.count("fast"), 1u);
  auto roots = unrequired_distributions(env, kTarget.markers);
  std::vector<std::string> keys;
  for (const Root& root : roots)
    keys.push_back(root.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"fast", "cpy-only"}));
}

TEST(AnalyzeTest, DeclaredDependenciesWithInstalledEvidenceAndRendering) {
  Declarations declared;
  Declared item;
  item.key = "app";
  item.requirement = req("app>=1");
  item.file = "requirements.txt";
  item.line = 1;
  declared.items.push_back(item);
  Declared dev = item;
  dev.key = "pytest";
  dev.requirement = req("pytest");
  dev.group = "dev";
  declared.items.push_back(dev);
  declared.errors.push_back(core::Error{"setup.cfg:4: broken"});
  InstalledEnvironment env;
  Distribution app = dist("app");
  app.requires_dist = {req("hand")};
  env.distributions = {
      app,
      dist("hand", {module("hand._c", BinaryKind::kPlainC, {{"PyFrame_GetBack", GapClass::kPublicApi}})})};
  DepsInput input;
  input.declarations = &declared;
  input.installed = &env;
  input.target = kTarget;
  DepsReport report = analyze_dependencies(input);
  ASSERT_EQ(report.dependencies.size(), 2u);  // dev group left out by default
  EXPECT_EQ(report.dependencies[0].key, "hand");
  EXPECT_EQ(report.dependencies[0].verdict, Verdict::kBlocked);
  EXPECT_EQ(report.dependencies[0].pulled_in_by, (std::vector<std::vector<std::string>>{{"app"}}));
  EXPECT_EQ(report.errors, std::vector<std::string>{"setup.cfg:4: broken"});

  std::string text = render_deps_text(report, RenderOptions{});
  EXPECT_NE(text.find("blocked  hand"), std::string::npos) << text;
  EXPECT_NE(text.find("missing: PyFrame_GetBack"), std::string::npos);
  EXPECT_NE(text.find("pulled in by: app -> hand"), std::string::npos);
  EXPECT_EQ(text.find("\033["), std::string::npos);
  EXPECT_NE(render_deps_text(report, RenderOptions{true, false, false}).find("\033[1;31mblocked"),
            std::string::npos);
  nlohmann::json json = deps_to_json(report);
  EXPECT_EQ(json["dependencies"][0]["verdict"], "blocked");
  EXPECT_EQ(json["dependencies"][0]["evidence"][0]["missing_symbols"][0], "PyFrame_GetBack");
  EXPECT_EQ(json["summary"]["counts"]["blocked"], 1);
  EXPECT_EQ(json["dependencies"][1]["declared_in"][0], "requirements.txt:1");
  std::string markdown = render_deps_markdown(report, RenderOptions{false, false, true});
  EXPECT_NE(markdown.find("| blocked | hand | 1.0 | c-api |"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("| `hand._c` | hand | plain-c |"), std::string::npos) << markdown;
  EXPECT_EQ(deps_summary_line(report),
            "2 dependencies: 1 work, 0 slower on PyPy, 0 replace, 1 blocked, 0 unknown");
}

}  // namespace
}  // namespace pypyready::deps
