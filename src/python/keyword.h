#pragma once
// Hard keywords of Python 3.13. Soft keywords (match, case, type, _) are ordinary names.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "python/token.h"

namespace pypyready::python {

/// The keyword kind of an identifier, or TokenKind::kName if it is not a hard keyword.
TokenKind keyword_kind(std::string_view identifier);

namespace detail {

struct KeywordEntry {
  std::string_view text;
  TokenKind kind;
};

/// The hard keywords, each with its token kind.
inline constexpr KeywordEntry kKeywords[] = {
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

/// Up to eight bytes as one word, byte i in bits 8i..8i+7 (keyword_kind_packed's form).
constexpr std::uint64_t pack_word(std::string_view text) {
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < text.size() && i < 8; ++i)
    word |= std::uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
  return word;
}

/// A perfect hash of the packed keywords: every keyword has a slot of its own, so a lookup is
/// one multiplication and one compare. Empty slots hold 0, which no identifier packs to.
inline constexpr unsigned kKeywordSlotBits = 7;

struct KeywordSlots {
  std::uint64_t multiplier = 0;
  std::array<std::uint64_t, std::size_t{1} << kKeywordSlotBits> words{};
  std::array<TokenKind, std::size_t{1} << kKeywordSlotBits> kinds{};
};

constexpr std::size_t keyword_slot(std::uint64_t word, std::uint64_t multiplier) {
  return static_cast<std::size_t>((word * multiplier) >> (64 - kKeywordSlotBits));
}

/// Tries multipliers in a fixed order until one spreads the keywords over distinct slots
/// (about a hundred tries for 35 keywords in 128 slots); compilation fails if none does.
constexpr KeywordSlots make_keyword_slots() {
  for (std::uint64_t attempt = 1; attempt < 100000; ++attempt) {
    KeywordSlots slots;
    slots.multiplier = (0x9E3779B97F4A7C15ULL * attempt) | 1;
    bool distinct = true;
    for (const KeywordEntry& entry : kKeywords) {
      std::size_t slot = keyword_slot(pack_word(entry.text), slots.multiplier);
      if (slots.words[slot] != 0) {
        distinct = false;
        break;
      }
      slots.words[slot] = pack_word(entry.text);
      slots.kinds[slot] = entry.kind;
    }
    if (distinct) return slots;
  }
  throw "no perfect hash multiplier for the keywords";
}

inline constexpr KeywordSlots kKeywordSlots = make_keyword_slots();

}  // namespace detail

/// keyword_kind for an identifier of 2 to 8 bytes given as one word: byte i of the identifier
/// in bits 8i..8i+7, the bytes past its end zero. The tokenizer loads identifiers that way, so
/// finding a keyword takes one word compare instead of string compares. Inline: one call per
/// identifier would cost about as much as the lookup.
inline TokenKind keyword_kind_packed(std::uint64_t word) {
  // Identifiers hold no zero byte, so equal words mean equal lengths and equal text.
  std::size_t slot = detail::keyword_slot(word, detail::kKeywordSlots.multiplier);
  return detail::kKeywordSlots.words[slot] == word ? detail::kKeywordSlots.kinds[slot] : TokenKind::kName;
}

}  // namespace pypyready::python
