#include "deps/specifier.h"

#include "core/text.h"

#include <fmt/format.h>

#include <cctype>

namespace pypyready::deps {
namespace {

using core::trim;

// `==1.4.*`: the candidate's release, padded with zeros, starts with the prefix's release.
bool prefix_match(const Version& candidate, const Version& prefix) {
  if (candidate.epoch != prefix.epoch) return false;
  for (std::size_t i = 0; i < prefix.release.size(); ++i) {
    std::int64_t part = i < candidate.release.size() ? candidate.release[i] : 0;
    if (part != prefix.release[i]) return false;
  }
  return true;
}

}  // namespace

core::Result<Specifier> Specifier::parse(std::string_view raw) {
  std::string_view text = trim(raw);
  static constexpr std::string_view kOps[] = {"===", "~=", "==", "!=", "<=", ">=", "<", ">"};
  Specifier spec;
  for (std::string_view op : kOps) {
    if (text.substr(0, op.size()) == op) {
      spec.op = std::string(op);
      break;
    }
  }
  if (spec.op.empty()) {
    return core::Error{
        fmt::format("invalid version specifier '{}': expected an operator (==, !=, <=, >=, <, >, ~=, ===) "
                    "before the version",
                    text)};
  }
  std::string_view rest = trim(text.substr(spec.op.size()));
  spec.version = std::string(rest);
  if (spec.op == "===") {
    if (rest.empty()) return core::Error{"invalid version specifier '===': expected a version after '==='"};
    return spec;
  }
  if (rest.size() >= 2 && rest.substr(rest.size() - 2) == ".*") {
    if (spec.op != "==" && spec.op != "!=") {
      return core::Error{
          fmt::format("invalid version specifier '{}': '.*' is only allowed with == and !=", text)};
    }
    spec.wildcard = true;
    rest.remove_suffix(2);
  }
  auto version = Version::parse(rest);
  if (!version)
    return core::Error{fmt::format("invalid version specifier '{}': {}", text, version.error().message)};
  spec.parsed = std::move(*version);
  if (spec.op == "~=" && spec.parsed.release.size() < 2) {
    return core::Error{
        fmt::format("invalid version specifier '{}': '~=' needs at least two release numbers", text)};
  }
  return spec;
}

bool Specifier::contains(const Version& candidate) const {
  if (op == "===") return candidate.to_string() == version;
  // Local versions are ignored unless the specifier itself names one.
  const Version subject = parsed.local.empty() ? candidate.public_version() : candidate;
  if (op == "==") return wildcard ? prefix_match(subject, parsed) : subject == parsed;
  if (op == "!=") return wildcard ? !prefix_match(subject, parsed) : !(subject == parsed);
  if (op == "<=") return subject <= parsed;
  if (op == ">=") return subject >= parsed;
  if (op == "~=") {
    Version prefix = parsed;
    prefix.release.pop_back();
    prefix.pre_phase.reset();
    prefix.post.reset();
    prefix.dev.reset();
    return subject >= parsed && prefix_match(subject, prefix);
  }
  auto same_release = [&](const Version& v) {
    Version a = v.public_version();
    a.pre_phase.reset();
    a.post.reset();
    a.dev.reset();
    Version b = parsed;
    b.pre_phase.reset();
    b.post.reset();
    b.dev.reset();
    return a == b;
  };
  if (op == "<") {
    // `<1.7` excludes pre-releases of 1.7 unless the specifier is itself a pre-release.
    if (!(subject < parsed)) return false;
    return parsed.is_prerelease() || !subject.is_prerelease() || !same_release(subject);
  }
  // `>1.7` excludes post-releases of 1.7 unless the specifier is itself a post-release.
  if (!(subject > parsed)) return false;
  return parsed.post.has_value() || !subject.post.has_value() || !same_release(subject);
}

core::Result<SpecifierSet> SpecifierSet::parse(std::string_view text) {
  SpecifierSet set;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    std::string_view part =
        trim(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (part.empty()) {
      if (comma == std::string_view::npos && set.clauses.empty()) break;
      return core::Error{
          fmt::format("invalid version specifier '{}': expected a clause between commas", trim(text))};
    }
    auto spec = Specifier::parse(part);
    if (!spec) return spec.error();
    set.clauses.push_back(std::move(*spec));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return set;
}

bool SpecifierSet::contains(const Version& candidate, bool prereleases) const {
  if (candidate.is_prerelease() && !prereleases) {
    bool asked = false;
    for (const Specifier& spec : clauses)
      asked = asked || (spec.op != "!=" && spec.parsed.is_prerelease());
    if (!asked) return false;
  }
  for (const Specifier& spec : clauses) {
    if (!spec.contains(candidate)) return false;
  }
  return true;
}

std::string SpecifierSet::to_string() const {
  std::string out;
  for (const Specifier& spec : clauses)
    out += (out.empty() ? "" : ",") + spec.to_string();
  return out;
}

}  // namespace pypyready::deps
