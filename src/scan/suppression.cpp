#include "scan/suppression.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace pypyready::scan {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Reads codes (letters followed by digits) separated by commas/spaces from `text`.
void read_codes(std::string_view text, std::vector<std::string>& codes) {
  std::size_t index = 0;
  while (index < text.size()) {
    while (index < text.size() && (text[index] == ',' || text[index] == ' ' || text[index] == '\t'))
      ++index;
    std::size_t start = index;
    while (index < text.size() && std::isalnum(static_cast<unsigned char>(text[index])))
      ++index;
    if (index == start) break;
    std::string code(text.substr(start, index - start));
    for (char& c : code)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    codes.push_back(std::move(code));
  }
}

// Whether `comment` may hold a marker: every marker holds a '[' (`ignore[`) or a `noqa` in any
// case, which most comments lack. memchr finds the few candidates a vector at a time; a byte
// loop over every comment cost more than the rest of the reading.
bool may_hold_marker(std::string_view comment) {
  if (std::memchr(comment.data(), '[', comment.size()) != nullptr) return true;
  for (char q : {'q', 'Q'}) {
    const char* end = comment.data() + comment.size();
    for (const char* at = comment.data(); at < end; ++at) {
      at = static_cast<const char*>(std::memchr(at, q, static_cast<std::size_t>(end - at)));
      if (at == nullptr) break;
      const std::size_t index = static_cast<std::size_t>(at - comment.data());
      if (index >= 2 && index + 1 < comment.size() && lower(comment.substr(index - 2, 4)) == "noqa")
        return true;
    }
  }
  return false;
}

}  // namespace

bool Suppressions::parse_comment(std::string_view comment, bool& all, std::vector<std::string>& codes) {
  // Comments without a marker are dismissed without the lowercase copy and the searches.
  if (!may_hold_marker(comment)) return false;
  std::string text = lower(comment);
  bool found = false;
  for (std::string_view marker : {"pypyready: ignore[", "pypyready:ignore[", "ppy: ignore[", "ppy:ignore["}) {
    std::size_t at = text.find(marker);
    if (at == std::string::npos) continue;
    std::size_t start = at + marker.size();
    std::size_t close = text.find(']', start);
    if (close == std::string::npos) continue;
    read_codes(std::string_view(comment).substr(start, close - start), codes);
    found = true;
  }
  std::size_t at = text.find("noqa");
  if (at != std::string::npos) {
    std::size_t after = at + 4;
    while (after < text.size() && text[after] == ' ')
      ++after;
    if (after < text.size() && text[after] == ':') {
      std::size_t before = codes.size();
      read_codes(std::string_view(comment).substr(after + 1), codes);
      if (codes.size() == before) all = true;  // `# noqa:` with nothing after it, as flake8 reads it
    } else {
      all = true;
    }
    found = true;
  }
  return found;
}

Suppressions::Suppressions(const std::vector<python::Token>& trivia, std::string_view text) {
  for (const python::Token& token : trivia) {
    if (token.kind != python::TokenKind::kComment) continue;
    bool all = false;
    std::vector<std::string> codes;
    if (!parse_comment(token.text(text), all, codes)) continue;
    LineRule& rule = by_line_[token.line];
    rule.all = rule.all || all;
    rule.codes.insert(rule.codes.end(), codes.begin(), codes.end());
  }
}

bool Suppressions::suppresses(std::uint32_t line, std::string_view code) const {
  auto found = by_line_.find(line);
  if (found == by_line_.end()) return false;
  if (found->second.all) return true;
  // A prefix such as PPY01 covers PPY010-PPY019, as ruff reads codes.
  return std::any_of(found->second.codes.begin(), found->second.codes.end(),
                     [code](const std::string& entry) { return code.substr(0, entry.size()) == entry; });
}

}  // namespace pypyready::scan
