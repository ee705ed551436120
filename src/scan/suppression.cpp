#include "scan/suppression.h"

#include <algorithm>
#include <cctype>

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

}  // namespace

bool Suppressions::parse_comment(std::string_view comment, bool& all, std::vector<std::string>& codes) {
  // Every marker holds a '[' (`ignore[`) or a q (`noqa`), which most comments lack: those are
  // dismissed without the lowercase copy and the searches.
  if (std::none_of(comment.begin(), comment.end(), [](char c) { return c == '[' || c == 'q' || c == 'Q'; }))
    return false;
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
