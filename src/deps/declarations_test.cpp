#include <gtest/gtest.h>

#include <map>

#include "deps/lock_files.h"
#include "deps/pipfile.h"
#include "deps/project_declarations.h"
#include "deps/pyproject.h"
#include "deps/requirements_txt.h"
#include "deps/setup_cfg.h"

namespace pypyready::deps {
namespace {

class MemoryFiles {
 public:
  void add(const std::string& path, const std::string& text) { files_[path] = text; }
  FileLoader loader() const {
    return [this](const std::filesystem::path& path) -> core::Result<std::string> {
      auto it = files_.find(path.lexically_normal().string());
      if (it == files_.end()) return core::Error{path.string() + ": cannot read: No such file or directory"};
      return it->second;
    };
  }

 private:
  std::map<std::string, std::string> files_;
};

EnvLookup fake_env() {
  return [](std::string_view name) -> std::optional<std::string> {
    if (name == "VERSION") return "2.31";
    return std::nullopt;
  };
}

const Declared* find(const Declarations& d, const std::string& key) {
  for (const auto& item : d.items) {
    if (item.key == key) return &item;
  }
  return nullptr;
}

TEST(RequirementsTxtTest, ReadsEveryLineForm) {
  MemoryFiles files;
  files.add("/p/requirements.txt",
            "\xEF\xBB\xBF# top comment\r\n"
            "--index-url https://pypi.example/simple\r\n"
            "requests[socks]==${VERSION}  # pinned\r\n"
            "numpy>=1.20; platform_python_implementation == \"CPython\"\r\n"
            "cryptography==41.0.0 \\\r\n"
            "    --hash=sha256:aaaa \\\r\n"
            "    --hash=sha256:bbbb\r\n"
            "-e git+https://github.com/org/proj.git@v1#egg=Proj_Name\r\n"
            "./vendor/local_pkg-1.0.tar.gz\r\n"
            "pip @ https://example.org/pip-23.0-py3-none-any.whl ; python_version >= '3.8'\r\n"
            "-r dev.txt\r\n"
            "-c constraints.txt\r\n");
  files.add("/p/dev.txt", "pytest>=7\n--no-index\n");
  files.add("/p/constraints.txt", "urllib3<2\n");
  Declarations d = read_requirements_file("/p/requirements.txt", files.loader(), fake_env());
  EXPECT_TRUE(d.errors.empty()) << d.errors.front().message;
  ASSERT_EQ(d.items.size(), 8u);
  EXPECT_EQ(find(d, "requests")->requirement->specifiers.to_string(), "==2.31");
  EXPECT_EQ(find(d, "requests")->line, 3);
  EXPECT_FALSE(find(d, "numpy")->requirement->applies(MarkerEnvironment::pypy("3.9")));
  EXPECT_EQ(find(d, "cryptography")->hashes, (std::vector<std::string>{"sha256:aaaa", "sha256:bbbb"}));
  EXPECT_EQ(find(d, "cryptography")->line, 5);
  EXPECT_TRUE(find(d, "proj-name")->editable);
  EXPECT_NE(find(d, "local-pkg"), nullptr);
  EXPECT_EQ(find(d, "pip")->requirement->url, "https://example.org/pip-23.0-py3-none-any.whl");
  EXPECT_EQ(find(d, "pytest")->file, "/p/dev.txt");
  EXPECT_TRUE(find(d, "urllib3")->constraint);
  EXPECT_FALSE(find(d, "pytest")->constraint);
  EXPECT_EQ(d.options, (std::vector<std::string>{"--index-url https://pypi.example/simple", "--no-index"}));
  EXPECT_EQ(d.files.size(), 3u);
}

TEST(RequirementsTxtTest, CycleAndErrorsKeepReading) {
  MemoryFiles files;
  files.add("/p/a.txt", "six\n-r b.txt\nbad==\n--frobnicate\nmissing-include\n-r nowhere.txt\n");
  files.add("/p/b.txt", "-r a.txt\nattrs\n");
  Declarations d = read_requirements_file("/p/a.txt", files.loader(), fake_env());
  EXPECT_NE(find(d, "six"), nullptr);
  EXPECT_NE(find(d, "attrs"), nullptr);
  EXPECT_NE(find(d, "missing-include"), nullptr);
  ASSERT_EQ(d.errors.size(), 4u);
  EXPECT_EQ(d.errors[0].message,
            "/p/b.txt:1: include cycle: a.txt -> b.txt -> a.txt; expected each requirements file to be "
            "included once");
  EXPECT_EQ(d.errors[1].message.substr(0, 12), "/p/a.txt:3: ");
  EXPECT_EQ(d.errors[1].message,
            "/p/a.txt:3: invalid requirement 'bad==': invalid version specifier '==': invalid version '' at "
            "character 1: expected a release number such as 1.0");
  EXPECT_EQ(d.errors[2].message.substr(0, 39), "/p/a.txt:4: unknown option '--frobnicat");
  EXPECT_EQ(d.errors[3].message, "/p/a.txt:6: /p/nowhere.txt: cannot read: No such file or directory");
}

TEST(PyprojectTest, Pep621BuildSystemGroupsAndPoetry) {
  const char* text = R"(
[build-system]
requires = ["setuptools>=61", "cython"]

[project]
name = "demo"
dependencies = [
  "httpx>=0.24",
  "orjson; platform_python_implementation != 'PyPy'",
]
[project.optional-dependencies]
Fast_Json = ["ujson"]

[dependency-groups]
dev = ["pytest", {include-group = "lint"}]

[tool.poetry.dependencies]
python = "^3.9"
django = "^4.2.1"
pendulum = { version = "~2.1", extras = ["test"], python = "<3.12" }
mylib = { git = "https://example.org/mylib.git", tag = "v1" }
[tool.poetry.group.test.dependencies]
pytest-cov = "*"
)";
  Declarations d = read_pyproject(text, "pyproject.toml");
  EXPECT_TRUE(d.errors.empty()) << d.errors.front().message;
  EXPECT_EQ(find(d, "setuptools")->group, "build");
  EXPECT_EQ(find(d, "httpx")->line, 8);
  EXPECT_FALSE(find(d, "orjson")->requirement->applies(MarkerEnvironment::pypy("3.9")));
  EXPECT_EQ(find(d, "ujson")->group, "extra:fast-json");
  EXPECT_EQ(find(d, "pytest")->group, "group:dev");
  EXPECT_EQ(find(d, "django")->requirement->specifiers.to_string(), ">=4.2.1,<5");
  EXPECT_EQ(find(d, "pendulum")->requirement->to_string(),
            "pendulum[test]>=2.1,<2.2; python_version < '3.12'");
  EXPECT_EQ(find(d, "mylib")->requirement, std::nullopt);
  EXPECT_EQ(find(d, "pytest-cov")->group, "group:test");
  EXPECT_EQ(find(d, "python"), nullptr);
}

TEST(PyprojectTest, ErrorsCarryFileAndLine) {
  Declarations broken = read_pyproject("[project]\ndependencies = [\"ok\",\n", "pp/pyproject.toml");
  ASSERT_EQ(broken.errors.size(), 1u);
  EXPECT_EQ(broken.errors[0].message.substr(0, 18), "pp/pyproject.toml:");
  Declarations bad_item =
      read_pyproject("[project]\ndependencies = [\n  \"good\",\n  \"bad ~= 1\",\n  3,\n]\n", "x.toml");
  ASSERT_EQ(bad_item.errors.size(), 2u);
  EXPECT_EQ(bad_item.errors[0].message.substr(0, 9), "x.toml:4:");
  EXPECT_EQ(bad_item.errors[1].message, "x.toml:5: [project] dependencies expected a PEP 508 string");
  EXPECT_NE(find(bad_item, "good"), nullptr);
}

TEST(PoetryTest, ConstraintConversion) {
  EXPECT_EQ(*poetry_to_pep440("^1.2.3"), ">=1.2.3,<2");
  EXPECT_EQ(*poetry_to_pep440("^0.2.3"), ">=0.2.3,<0.3");
  EXPECT_EQ(*poetry_to_pep440("^0.0.3"), ">=0.0.3,<0.0.4");
  EXPECT_EQ(*poetry_to_pep440("~1.2.3"), ">=1.2.3,<1.3");
  EXPECT_EQ(*poetry_to_pep440("*"), "");
  EXPECT_EQ(*poetry_to_pep440("1.4"), "==1.4");
  EXPECT_EQ(*poetry_to_pep440(">=1, <2"), ">=1,<2");
  EXPECT_FALSE(poetry_to_pep440("^1 || ^2").ok());
}

TEST(SetupCfgTest, InstallRequiresAndExtras) {
  const char* text =
      "[metadata]\nname = demo\n\n[options]\ninstall_requires =\n    requests>=2\n    # comment\n"
      "    greenlet; platform_python_implementation == 'CPython'\nsetup_requires = cffi\n\n"
      "[options.extras_require]\nyaml =\n    pyyaml\n    bad ~ 1\n";
  Declarations d = read_setup_cfg(text, "setup.cfg");
  EXPECT_EQ(find(d, "requests")->line, 6);
  EXPECT_FALSE(find(d, "greenlet")->requirement->applies(MarkerEnvironment::pypy("3.9")));
  EXPECT_EQ(find(d, "cffi")->group, "build");
  EXPECT_EQ(find(d, "pyyaml")->group, "extra:yaml");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].message.substr(0, 12), "setup.cfg:14");
}

TEST(PipfileTest, PipfileAndLock) {
  const char* pipfile =
      "[[source]]\nurl = \"https://pypi.org/simple\"\nname = \"pypi\"\n\n[packages]\nflask = \"*\"\n"
      "psycopg2 = {version = \">=2.9\", sys_platform = \"== 'linux'\"}\n"
      "local = {path = \".\", editable = true}\n[dev-packages]\npytest = "
      "\"==7.4\"\n[requires]\npython_version = \"3.9\"\n";
  Declarations d = read_pipfile(pipfile, "Pipfile");
  EXPECT_TRUE(d.errors.empty()) << d.errors.front().message;
  EXPECT_EQ(find(d, "flask")->line, 6);
  EXPECT_EQ(find(d, "psycopg2")->requirement->to_string(), "psycopg2>=2.9; sys_platform == 'linux'");
  EXPECT_EQ(find(d, "pytest")->group, "dev");
  EXPECT_NE(find(d, "local"), nullptr);
  const char* lock = R"({"_meta": {"hash": {"sha256": "x"}}, "default": {"flask": {"version": "==3.0.0",
      "hashes": ["sha256:1"], "markers": "python_version >= '3.8'"}}, "develop": {"pytest": {"version": "==7.4.0"}}})";
  Declarations l = read_pipfile_lock(lock, "Pipfile.lock");
  EXPECT_EQ(find(l, "flask")->locked_version, "3.0.0");
  EXPECT_EQ(find(l, "flask")->hashes.size(), 1u);
  EXPECT_EQ(find(l, "pytest")->group, "dev");
  Declarations broken = read_pipfile_lock("{\n  \"default\": {\n    nope\n", "Pipfile.lock");
  ASSERT_EQ(broken.errors.size(), 1u);
  EXPECT_EQ(broken.errors[0].message,
            "Pipfile.lock:3: invalid JSON; expected a Pipfile.lock object with _meta, default and develop");
}

TEST(LockFileTest, PoetryUvPdm) {
  const char* poetry = R"([[package]]
name = "ujson"
version = "5.8.0"
files = [
  {file = "ujson-5.8.0-pp39-pypy39_pp73-manylinux_2_17_x86_64.whl", hash = "sha256:a"},
  {file = "ujson-5.8.0.tar.gz", hash = "sha256:b"},
]
[[package]]
name = "Orjson"
version = "3.9.0"
markers = "platform_python_implementation != 'PyPy'"
[metadata]
lock-version = "2.0"
)";
  Declarations p = read_lock_file(poetry, "poetry.lock", LockFormat::kPoetry);
  EXPECT_TRUE(p.errors.empty()) << p.errors.front().message;
  EXPECT_EQ(find(p, "ujson")->artifacts.size(), 2u);
  EXPECT_EQ(find(p, "ujson")->locked_version, "5.8.0");
  EXPECT_EQ(find(p, "orjson")->line, 8);
  EXPECT_FALSE(find(p, "orjson")->requirement->applies(MarkerEnvironment::pypy("3.9")));
  const char* uv = R"(version = 1
[[package]]
name = "pydantic-core"
version = "2.14.1"
source = { registry = "https://pypi.org/simple" }
sdist = { url = "https://files/pydantic_core-2.14.1.tar.gz", hash = "sha256:c" }
wheels = [{ url = "https://files/pydantic_core-2.14.1-cp311-cp311-manylinux_2_17_x86_64.whl", hash = "sha256:d" }]
)";
  Declarations u = read_lock_file(uv, "uv.lock", LockFormat::kUv);
  EXPECT_EQ(find(u, "pydantic-core")->artifacts,
            (std::vector<std::string>{"pydantic_core-2.14.1-cp311-cp311-manylinux_2_17_x86_64.whl",
                                      "pydantic_core-2.14.1.tar.gz"}));
  Declarations pdm = read_lock_file("[[package]]\nversion = \"1\"\n", "pdm.lock", LockFormat::kPdm);
  ASSERT_EQ(pdm.errors.size(), 1u);
  EXPECT_EQ(pdm.errors[0].message, "pdm.lock:1: [[package]] expected a 'name' string");
}

TEST(ProjectTest, ReadsAllFilesAndSurvivesABrokenOne) {
  const std::filesystem::path root = std::filesystem::path(PYPYREADY_SOURCE_DIR) / "tests/deps/project_all";
  Declarations d = read_project(root, disk_loader(), fake_env());
  std::set<std::string> names;
  for (const auto& file : d.files)
    names.insert(std::filesystem::path(file).filename().string());
  EXPECT_EQ(names, (std::set<std::string>{"Pipfile", "base.txt", "poetry.lock", "pyproject.toml",
                                          "requirements.txt", "setup.cfg"}));
  ASSERT_EQ(d.errors.size(), 1u);  // the malformed Pipfile
  EXPECT_NE(d.errors[0].message.find("Pipfile:3:"), std::string::npos) << d.errors[0].message;
  EXPECT_NE(find(d, "flask"), nullptr);
  EXPECT_NE(find(d, "psycopg2"), nullptr);
  EXPECT_NE(find(d, "lxml"), nullptr);
}

}  // namespace
}  // namespace pypyready::deps
