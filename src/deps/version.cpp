#include "deps/version.h"

#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace pypyready::deps {
namespace {

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  std::size_t pos() const { return pos_; }
  void advance(std::size_t n = 1) { pos_ += n; }
  void reset(std::size_t pos) { pos_ = pos; }

  bool digit() const { return std::isdigit(static_cast<unsigned char>(peek())) != 0; }

  std::optional<std::int64_t> number() {
    if (!digit()) return std::nullopt;
    std::int64_t value = 0;
    while (digit()) {
      // Saturate instead of overflowing on absurd inputs; such versions still order sensibly.
      if (value < (INT64_MAX - 9) / 10) value = value * 10 + (peek() - '0');
      advance();
    }
    return value;
  }

  bool separator() {
    char c = peek();
    if (c == '.' || c == '-' || c == '_') {
      advance();
      return true;
    }
    return false;
  }

  // Case-insensitive keyword match; consumes it when found.
  bool word(std::string_view keyword) {
    if (text_.size() - pos_ < keyword.size()) return false;
    for (std::size_t i = 0; i < keyword.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(text_[pos_ + i])) != keyword[i]) return false;
    }
    pos_ += keyword.size();
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::optional<Version::Phase> read_pre_phase(Cursor& cursor) {
  // Longest spellings first so `alpha` is not read as `a` + garbage.
  static constexpr std::pair<std::string_view, Version::Phase> kSpellings[] = {
      {"alpha", Version::Phase::kAlpha},
      {"beta", Version::Phase::kBeta},
      {"preview", Version::Phase::kCandidate},
      {"pre", Version::Phase::kCandidate},
      {"rc", Version::Phase::kCandidate},
      {"a", Version::Phase::kAlpha},
      {"b", Version::Phase::kBeta},
      {"c", Version::Phase::kCandidate}};
  for (const auto& [spelling, phase] : kSpellings) {
    if (cursor.word(spelling)) return phase;
  }
  return std::nullopt;
}

using core::trim;

core::Error bad(std::string_view text, std::size_t pos, std::string_view expected) {
  return core::Error{
      fmt::format("invalid version '{}' at character {}: expected {}", text, pos + 1, expected)};
}

}  // namespace

core::Result<Version> Version::parse(std::string_view raw) {
  std::string_view text = trim(raw);
  Cursor cursor(text);
  Version version;
  if (cursor.peek() == 'v' || cursor.peek() == 'V') cursor.advance();

  auto first = cursor.number();
  if (!first) return bad(text, cursor.pos(), "a release number such as 1.0");
  if (cursor.peek() == '!') {
    cursor.advance();
    version.epoch = *first;
    first = cursor.number();
    if (!first) return bad(text, cursor.pos(), "a release number after the epoch");
  }
  version.release.push_back(*first);
  while (cursor.peek() == '.' && std::isdigit(static_cast<unsigned char>(cursor.peek(1)))) {
    cursor.advance();
    version.release.push_back(*cursor.number());
  }

  std::size_t mark = cursor.pos();
  cursor.separator();
  if (auto phase = read_pre_phase(cursor)) {
    version.pre_phase = phase;
    cursor.separator();
    version.pre_number = cursor.number().value_or(0);
  } else {
    cursor.reset(mark);
  }

  mark = cursor.pos();
  if (cursor.peek() == '-' && std::isdigit(static_cast<unsigned char>(cursor.peek(1)))) {
    cursor.advance();  // `1.0-1` is the implicit post-release spelling
    version.post = cursor.number();
  } else {
    cursor.separator();
    if (cursor.word("post") || cursor.word("rev") || cursor.word("r")) {
      cursor.separator();
      version.post = cursor.number().value_or(0);
    } else {
      cursor.reset(mark);
    }
  }

  mark = cursor.pos();
  cursor.separator();
  if (cursor.word("dev")) {
    cursor.separator();
    version.dev = cursor.number().value_or(0);
  } else {
    cursor.reset(mark);
  }

  if (cursor.peek() == '+') {
    cursor.advance();
    std::string segment;
    while (!cursor.done()) {
      char c = cursor.peek();
      if (c == '.' || c == '-' || c == '_') {
        if (segment.empty()) return bad(text, cursor.pos(), "a letter or digit in the local version");
        version.local.push_back(std::move(segment));
        segment.clear();
      } else if (std::isalnum(static_cast<unsigned char>(c))) {
        segment.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      } else {
        return bad(text, cursor.pos(), "letters, digits or '.' in the local version");
      }
      cursor.advance();
    }
    if (segment.empty()) return bad(text, cursor.pos(), "a local version segment after '+'");
    version.local.push_back(std::move(segment));
  }
  if (!cursor.done()) return bad(text, cursor.pos(), "the end of the version (pre, post, dev or +local)");
  return version;
}

std::string Version::to_string() const {
  std::string out;
  if (epoch != 0) out += fmt::format("{}!", epoch);
  for (std::size_t i = 0; i < release.size(); ++i)
    out += fmt::format("{}{}", i ? "." : "", release[i]);
  if (pre_phase) {
    static constexpr std::string_view kNames[] = {"a", "b", "rc"};
    out += fmt::format("{}{}", kNames[static_cast<int>(*pre_phase)], pre_number);
  }
  if (post) out += fmt::format(".post{}", *post);
  if (dev) out += fmt::format(".dev{}", *dev);
  for (std::size_t i = 0; i < local.size(); ++i)
    out += fmt::format("{}{}", i ? "." : "+", local[i]);
  return out;
}

Version Version::public_version() const {
  Version copy = *this;
  copy.local.clear();
  return copy;
}

std::strong_ordering operator<=>(const Version& a, const Version& b) {
  if (auto c = a.epoch <=> b.epoch; c != 0) return c;
  std::size_t n = std::max(a.release.size(), b.release.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t x = i < a.release.size() ? a.release[i] : 0;
    std::int64_t y = i < b.release.size() ? b.release[i] : 0;
    if (auto c = x <=> y; c != 0) return c;
  }
  // Sort keys of the spec: a dev-only release sorts before every pre-release of the same
  // release; no pre-release sorts after all of them; no post sorts first; no dev sorts last.
  auto pre_key = [](const Version& v) -> std::pair<int, std::int64_t> {
    if (v.pre_phase) return {static_cast<int>(*v.pre_phase), v.pre_number};
    if (v.dev && !v.post) return {-1, 0};
    return {3, 0};
  };
  if (auto c = pre_key(a) <=> pre_key(b); c != 0) return c;
  auto post_key = [](const Version& v) { return v.post ? *v.post : -1; };
  if (auto c = post_key(a) <=> post_key(b); c != 0) return c;
  auto dev_key = [](const Version& v) { return v.dev ? *v.dev : INT64_MAX; };
  if (auto c = dev_key(a) <=> dev_key(b); c != 0) return c;
  // Local segments: numeric ones sort above alphanumeric ones and compare as numbers.
  for (std::size_t i = 0; i < std::min(a.local.size(), b.local.size()); ++i) {
    const std::string& x = a.local[i];
    const std::string& y = b.local[i];
    bool xn = std::all_of(x.begin(), x.end(), ::isdigit);
    bool yn = std::all_of(y.begin(), y.end(), ::isdigit);
    if (xn != yn) return xn ? std::strong_ordering::greater : std::strong_ordering::less;
    if (xn) {
      std::string_view xs = x, ys = y;
      while (xs.size() > 1 && xs.front() == '0')
        xs.remove_prefix(1);
      while (ys.size() > 1 && ys.front() == '0')
        ys.remove_prefix(1);
      if (auto c = xs.size() <=> ys.size(); c != 0) return c;
      if (auto c = xs <=> ys; c != 0) return c;
    } else if (auto c = x <=> y; c != 0) {
      return c;
    }
  }
  return a.local.size() <=> b.local.size();
}

bool operator==(const Version& a, const Version& b) {
  return (a <=> b) == 0;
}

}  // namespace pypyready::deps
