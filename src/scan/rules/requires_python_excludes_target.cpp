// PPY041 requires-python-excludes-target: pyproject.toml's `requires-python` leaves out the
// Python version of the target PyPy, so pip refuses to install the project there.
#include <toml++/toml.h>

#include <fmt/format.h>

#include "deps/specifier.h"
#include "scan/file_context.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kRequiresPythonExcludesTarget{
    .code = "PPY041",
    .name = "requires-python-excludes-target",
    .severity = Severity::kError,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Reads `requires-python` in the [project] table of pyproject.toml and reports it when no "
                "release of the target PyPy's Python version (--target-pypy / `target-pypy`, else the "
                "pypy3 on this machine, else 3.10) satisfies it.",
        .why = "PyPy releases follow CPython's language versions with a delay (PyPy 7.3.11 implements "
               "Python 3.9 and 3.10). pip compares requires-python with the interpreter's language "
               "version and refuses to install a project that excludes it, whatever the code needs.",
        .source = "https://packaging.python.org/en/latest/specifications/pyproject-toml/#requires-python",
        .example = "[project]\nrequires-python = \">=3.11\"   # target PyPy: Python 3.10",
        .use_instead = "[project]\nrequires-python = \">=3.9\"   # and keep the code to 3.9 (see PPY040)",
    }};

namespace {

// The byte offset of a 1-based line and column in `text`.
std::size_t offset_of(std::string_view text, std::uint32_t line, std::uint32_t column) {
  std::size_t offset = 0;
  for (std::uint32_t current = 1; current < line; ++current) {
    std::size_t newline = text.find('\n', offset);
    if (newline == std::string_view::npos) return text.size();
    offset = newline + 1;
  }
  return std::min(text.size(), offset + (column > 0 ? column - 1 : 0));
}

// Whether some release X.Y.z of the target's language version satisfies the specifiers.
bool admits(const deps::SpecifierSet& specifiers, PythonVersion target) {
  constexpr int kPatchLevels = 40;  // CPython's longest-lived series had about 20 patch releases
  for (int patch = 0; patch <= kPatchLevels; ++patch) {
    deps::Version version;
    version.release = {target.major, target.minor, patch};
    if (specifiers.contains(version)) return true;
  }
  return false;
}

class RequiresPythonExcludesTarget final : public FileRule {
 public:
  bool wants(std::string_view name) const override { return name == "pyproject.toml"; }

  void check(std::string_view bytes, FileRuleContext& context) const override {
    toml::table root;
    try {
      root = toml::parse(bytes, std::string(context.path()));
    } catch (const toml::parse_error&) {
      return;  // not this rule's business: `deps` reports malformed pyproject.toml files
    }
    const toml::node* node = root["project"]["requires-python"].node();
    if (node == nullptr) return;
    std::optional<std::string> text = node->value<std::string>();
    if (!text) return;
    std::size_t offset = offset_of(bytes, node->source().begin.line, node->source().begin.column);
    std::size_t length = text->size() + 2;
    core::Result<deps::SpecifierSet> specifiers = deps::SpecifierSet::parse(*text);
    if (!specifiers) {
      context.report_at(offset, length,
                        fmt::format("requires-python `{}` is not a PEP 440 specifier: {}", *text,
                                    specifiers.error().message),
                        Severity::kWarning);
      return;
    }
    const PythonVersion target = context.settings().target_python;
    if (admits(*specifiers, target)) return;
    context.report_at(
        offset, length,
        fmt::format("requires-python `{}` excludes Python {}, the language version of the target "
                    "PyPy: pip refuses to install the project there",
                    *text, target.to_string()));
  }
};

}  // namespace

std::unique_ptr<FileRule> make_requires_python_excludes_target() {
  return std::make_unique<RequiresPythonExcludesTarget>();
}

}  // namespace pypyready::scan::rules
