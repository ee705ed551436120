#include "python/keyword.h"

#include <array>
#include <cstring>

namespace pypyready::python {
namespace {

struct KeywordEntry {
  std::string_view text;
  TokenKind kind;
};

// Keywords grouped by first character; a group is scanned only when the first character and
// the length allow a keyword, so most identifiers are rejected after one or two compares.
constexpr KeywordEntry kKeywords[] = {
    {"False", TokenKind::kFalse},
    {"None", TokenKind::kNone},
    {"True", TokenKind::kTrue},
    {"and", TokenKind::kAnd},
    {"as", TokenKind::kAs},
    {"assert", TokenKind::kAssert},
    {"async", TokenKind::kAsync},
    {"await", TokenKind::kAwait},
    {"break", TokenKind::kBreak},
    {"class", TokenKind::kClass},
    {"continue", TokenKind::kContinue},
    {"def", TokenKind::kDef},
    {"del", TokenKind::kDel},
    {"elif", TokenKind::kElif},
    {"else", TokenKind::kElse},
    {"except", TokenKind::kExcept},
    {"finally", TokenKind::kFinally},
    {"for", TokenKind::kFor},
    {"from", TokenKind::kFrom},
    {"global", TokenKind::kGlobal},
    {"if", TokenKind::kIf},
    {"import", TokenKind::kImport},
    {"in", TokenKind::kIn},
    {"is", TokenKind::kIs},
    {"lambda", TokenKind::kLambda},
    {"nonlocal", TokenKind::kNonlocal},
    {"not", TokenKind::kNot},
    {"or", TokenKind::kOr},
    {"pass", TokenKind::kPass},
    {"raise", TokenKind::kRaise},
    {"return", TokenKind::kReturn},
    {"try", TokenKind::kTry},
    {"while", TokenKind::kWhile},
    {"with", TokenKind::kWith},
    {"yield", TokenKind::kYield},
};

constexpr std::uint64_t pack(std::string_view text) {
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    word |= std::uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
  return word;
}

// kKeywords[i].text packed as keyword_kind_packed expects.
constexpr auto kPacked = [] {
  std::array<std::uint64_t, std::size(kKeywords)> words{};
  for (std::size_t i = 0; i < words.size(); ++i)
    words[i] = pack(kKeywords[i].text);
  return words;
}();

struct KeywordIndex {
  // For each first byte: [first, last) range into kKeywords (which is sorted by first byte).
  std::array<std::uint8_t, 256> first{};
  std::array<std::uint8_t, 256> last{};
};

constexpr KeywordIndex make_index() {
  KeywordIndex index;
  std::uint8_t i = 0;
  for (const KeywordEntry& entry : kKeywords) {
    auto c = static_cast<unsigned char>(entry.text[0]);
    if (index.first[c] == index.last[c]) index.first[c] = i;
    index.last[c] = static_cast<std::uint8_t>(i + 1);
    ++i;
  }
  return index;
}

constexpr KeywordIndex kIndex = make_index();

}  // namespace

TokenKind keyword_kind(std::string_view identifier) {
  if (identifier.size() < 2 || identifier.size() > 8) return TokenKind::kName;
  auto c = static_cast<unsigned char>(identifier[0]);
  for (std::uint8_t i = kIndex.first[c]; i < kIndex.last[c]; ++i) {
    if (kKeywords[i].text == identifier) return kKeywords[i].kind;
  }
  return TokenKind::kName;
}

TokenKind keyword_kind_packed(std::uint64_t word) {
  // Identifiers hold no zero byte, so equal words mean equal lengths and equal text.
  auto c = static_cast<unsigned char>(word);
  for (std::uint8_t i = kIndex.first[c]; i < kIndex.last[c]; ++i) {
    if (kPacked[i] == word) return kKeywords[i].kind;
  }
  return TokenKind::kName;
}

}  // namespace pypyready::python
