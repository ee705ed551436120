#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "deps/index_client.h"
#include "deps/index_evidence.h"
#include "deps/index_page.h"
#include "deps/version.h"
#include "deps/wheel_tags.h"

namespace pypyready::deps {
namespace {

IndexFile file(const std::string& name, const std::string& requires_python = "", bool yanked = false) {
  return IndexFile{name, "https://files.example/" + name, requires_python, yanked};
}

IndexQuery query(const std::string& key, const std::string& pinned = "", const std::string& specifier = "") {
  IndexQuery out;
  out.key = key;
  out.pinned = pinned;
  out.specifier = specifier;
  out.python_version = "3.9";
  out.supported_tags = pypy_supported_tags("3.9");
  return out;
}

TEST(WheelTagsTest, ParsesNamesAndExpandsCompressedTags) {
  auto wheel = WheelName::parse("six-1.16.0-py2.py3-none-any.whl");
  ASSERT_TRUE(wheel);
  EXPECT_EQ(wheel->distribution, "six");
  EXPECT_EQ(wheel->version, "1.16.0");
  ASSERT_EQ(wheel->tags.size(), 2u);
  EXPECT_EQ(wheel->tags[1].to_string(), "py3-none-any");
  auto build = WheelName::parse("pkg-1.0-1-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
  ASSERT_TRUE(build);
  EXPECT_EQ(build->tags.size(), 2u);
  EXPECT_FALSE(WheelName::parse("pkg-1.0.tar.gz"));
  EXPECT_FALSE(WheelName::parse("pkg-1.0-py3.whl"));
}

TEST(WheelTagsTest, SupportedTagsPutPyPyFirstAndPureLast) {
  TagPlatform platform;
  platform.glibc_minor = 36;
  auto tags = pypy_supported_tags("3.9", platform);
  EXPECT_EQ(tags.front(), "pp39-pypy39_pp73-manylinux_2_36_x86_64");
  EXPECT_NE(std::find(tags.begin(), tags.end(), "py38-none-manylinux_2_36_x86_64"), tags.end());
  EXPECT_NE(std::find(tags.begin(), tags.end(), "pp39-none-any"), tags.end());
  EXPECT_EQ(std::find(tags.begin(), tags.end(), "pp39-pypy39_pp73-manylinux_2_37_x86_64"), tags.end());
  EXPECT_EQ(std::find(tags.begin(), tags.end(), "pp310-pypy310_pp73-manylinux2014_x86_64"), tags.end());
  EXPECT_NE(std::find(tags.begin(), tags.end(), "pp39-pypy39_pp73-manylinux2014_x86_64"), tags.end());
  EXPECT_NE(std::find(tags.begin(), tags.end(), "py3-none-any"), tags.end());
  EXPECT_NE(std::find(tags.begin(), tags.end(), "py30-none-any"), tags.end());
  EXPECT_EQ(tags.back(), "py30-none-any");
  EXPECT_EQ(std::find(tags.begin(), tags.end(), "cp39-abi3-manylinux2014_x86_64"), tags.end());
}

TEST(WheelTagsTest, ProbesTheTargetPyPyWhenItRuns) {
  auto probed = probe_tag_platform("pypy3");
  if (!probed) GTEST_SKIP() << "pypy3 is not installed";
  EXPECT_EQ(probed->abi.rfind("pypy3", 0), 0u) << probed->abi;
  EXPECT_NE(probed->abi.find("_pp73"), std::string::npos) << probed->abi;
  EXPECT_GE(probed->glibc_minor, 17);
  EXPECT_FALSE(probed->arch.empty());
  EXPECT_FALSE(probe_tag_platform("/nonexistent/pypy3"));
}

TEST(WheelTagsTest, ClassifiesWheelsForTheTarget) {
  auto tags = pypy_supported_tags("3.9");
  std::set<std::string> supported(tags.begin(), tags.end());
  auto fit = [&](const char* name) { return wheel_fit(*WheelName::parse(name), supported); };
  EXPECT_EQ(fit("a-1-pp39-pypy39_pp73-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"), WheelFit::kPyPy);
  EXPECT_EQ(fit("a-1-py3-none-any.whl"), WheelFit::kPure);
  EXPECT_EQ(fit("a-1-cp311-cp311-manylinux_2_17_x86_64.whl"), WheelFit::kCPython);
  EXPECT_EQ(fit("a-1-cp38-abi3-manylinux_2_17_x86_64.whl"), WheelFit::kCPython);
  EXPECT_EQ(fit("a-1-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl"), WheelFit::kOther);
  EXPECT_EQ(fit("a-1-pp39-pypy39_pp73-win_amd64.whl"), WheelFit::kOther);
  EXPECT_EQ(fit("a-1-py2-none-any.whl"), WheelFit::kOther);
}

TEST(VersionOrderTest, OrdersReleasesAsPep440) {
  std::vector<std::string> texts = {"1.10", "1.2", "1.2rc1", "1.2.post1", "1.2.dev1", "1.9"};
  std::vector<Version> versions;
  for (const auto& text : texts)
    versions.push_back(*Version::parse(text));
  std::sort(versions.begin(), versions.end());
  std::vector<std::string> sorted;
  for (const auto& version : versions)
    sorted.push_back(version.to_string());
  EXPECT_EQ(sorted, (std::vector<std::string>{"1.2.dev1", "1.2rc1", "1.2", "1.2.post1", "1.9", "1.10"}));
}

TEST(IndexPageTest, ParsesHtmlAnchorsWithAttributes) {
  const char* html = R"(<!DOCTYPE html><html><body>
    <a href="https://f.example/a-1.0.tar.gz#sha256=00" data-requires-python="&gt;=3.8">a-1.0.tar.gz</a><br>
    <A HREF='../../a-1.1-py3-none-any.whl' data-yanked>a-1.1-py3-none-any.whl</A>
    <a href=a-1.2-py3-none-any.whl data-yanked="broken">x</a>
    </body></html>)";
  auto files = parse_html_page(html, "http://i/a/");
  ASSERT_TRUE(files.ok()) << files.error().message;
  ASSERT_EQ(files->size(), 3u);
  EXPECT_EQ((*files)[0].filename, "a-1.0.tar.gz");
  EXPECT_EQ((*files)[0].requires_python, ">=3.8");
  EXPECT_FALSE((*files)[0].yanked);
  EXPECT_EQ((*files)[1].filename, "a-1.1-py3-none-any.whl");
  EXPECT_TRUE((*files)[1].yanked);
  EXPECT_EQ((*files)[2].filename, "a-1.2-py3-none-any.whl");
}

TEST(IndexPageTest, MalformedPagesNameTheUrlAndTheExpectation) {
  auto unclosed = parse_html_page("<html><a href=\"a-1.0.tar.gz\">a-1.0.tar.gz", "http://i/a/");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_NE(unclosed.error().message.find("http://i/a/"), std::string::npos);
  EXPECT_NE(unclosed.error().message.find("</a>"), std::string::npos);
  auto json = parse_json_page("{\"files\": [", "http://i/b/");
  ASSERT_FALSE(json.ok());
  EXPECT_NE(json.error().message.find("http://i/b/: expected a PEP 691 JSON"), std::string::npos);
  EXPECT_FALSE(parse_json_page("{\"name\": \"b\"}", "u").ok());
}

TEST(IndexPageTest, ParsesJsonPages) {
  auto files = parse_json_page(R"({"meta": {"api-version": "1.0"}, "name": "a", "files": [
      {"filename": "a-1.0.tar.gz", "url": "u", "hashes": {}, "requires-python": ">=3.7"},
      {"filename": "a-1.1.tar.gz", "url": "u", "hashes": {}, "yanked": "bad"},
      {"filename": "a-1.2.tar.gz", "url": "u", "hashes": {}, "yanked": false}]})",
                               "u");
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 3u);
  EXPECT_EQ((*files)[0].requires_python, ">=3.7");
  EXPECT_TRUE((*files)[1].yanked);
  EXPECT_FALSE((*files)[2].yanked);
}

TEST(IndexEvidenceTest, PicksTheBestArtefactOfThePin) {
  std::vector<IndexFile> files = {file("a-1.0.tar.gz"), file("a-1.0-cp39-cp39-manylinux2014_x86_64.whl"),
                                  file("a-1.0-pp39-pypy39_pp73-manylinux2014_x86_64.whl"),
                                  file("a-2.0.tar.gz")};
  auto pinned = evaluate_index_files(query("a", "1.0"), files);
  EXPECT_EQ(pinned.version, "1.0");
  EXPECT_EQ(pinned.best, "pypy-wheel");
  EXPECT_TRUE(pinned.cpython_wheels);
  auto newest = evaluate_index_files(query("a", "", ">=1"), files);
  EXPECT_EQ(newest.version, "2.0");
  EXPECT_EQ(newest.best, "sdist");
  EXPECT_EQ(newest.trend, "discontinued");
  EXPECT_EQ(newest.discontinued_since, "2.0");
  EXPECT_NE(newest.summary().find("PyPy wheels discontinued since 2.0"), std::string::npos);
}

TEST(IndexEvidenceTest, YankedAndTooNewFilesAreIgnored) {
  std::vector<IndexFile> files = {file("b-1.0-py3-none-any.whl", "", true), file("b-1.0.tar.gz", ">=3.12"),
                                  file("b-0.9-py3-none-any.whl")};
  auto found = evaluate_index_files(query("b", "1.0"), files);
  EXPECT_EQ(found.best, "none");
  EXPECT_NE(found.summary().find("Requires-Python >=3.12"), std::string::npos);
  EXPECT_NE(found.summary().find("1 yanked"), std::string::npos);
  auto newest =
      evaluate_index_files(query("b"), {file("b-2.0-py3-none-any.whl", "", true), file("b-1.5.tar.gz")});
  EXPECT_EQ(newest.version, "1.5");
  EXPECT_EQ(newest.best, "sdist");
}

TEST(IndexEvidenceTest, UnpinnedSkipsReleasesForANewerPython) {
  auto found = evaluate_index_files(
      query("d"), {file("d-4.0-py3-none-any.whl", ">=3.8"), file("d-5.0-py3-none-any.whl", ">=3.12")});
  EXPECT_EQ(found.version, "4.0");
  EXPECT_EQ(found.best, "pure-wheel");
  EXPECT_NE(found.summary().find("newer release 5.0 requires a newer Python than 3.9"), std::string::npos);
}

TEST(IndexEvidenceTest, CPythonOnlyWheelsMeanNeverForPyPy) {
  auto found = evaluate_index_files(query("c"), {file("c-1.0-cp311-cp311-manylinux2014_x86_64.whl"),
                                                 file("c-1.0-cp38-abi3-manylinux2014_x86_64.whl")});
  EXPECT_EQ(found.best, "none");
  EXPECT_TRUE(found.cpython_wheels);
  EXPECT_EQ(found.trend, "never");
}

TEST(IndexClientTest, ResolvesIndexUrlAndCacheDirLikePip) {
  auto none = [](const char*) -> const char* { return nullptr; };
  EXPECT_EQ(resolve_index_url("http://cli/simple", none), "http://cli/simple");
  auto env = [](const char* name) -> const char* {
    return std::string(name) == "PIP_INDEX_URL" ? "http://env/simple" : nullptr;
  };
  EXPECT_EQ(resolve_index_url("", env), "http://env/simple");
  auto cache = [](const char* name) -> const char* {
    return std::string(name) == "XDG_CACHE_HOME" ? "/x" : std::string(name) == "HOME" ? "/h" : nullptr;
  };
  EXPECT_EQ(resolve_cache_dir("", cache), std::filesystem::path("/x/pypyready"));
}

}  // namespace
}  // namespace pypyready::deps
