#pragma once
// The per-file prefilter of the rules: most rules can find something only in a file that holds
// one of a few words (an API's name, a module, a dunder), and most files hold none of them.
// One pass over the file's nodes finds which of the rules' words occur; the engine then skips
// the rules none of whose words do, instead of asking them about every node.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "python/semantic_model.h"

namespace pypyready::scan {

/// Which rules a file may concern, by the words they need (Rule::required_words()).
///
/// A file's words are the components of its identifiers (every identifier field of every node,
/// split at dots: `import os.path` gives "os" and "path") and the runs of ASCII letters, digits
/// and underscores in its string literals, except strings that are statements of their own
/// (docstrings). Words are compared without ASCII case: a rule that
/// needs "nan" is kept for `float("NaN")`. Extra matches only keep a rule that finds nothing.
class RuleGate {
 public:
  /// Bits (rules and word groups) past this index are never gated.
  static constexpr std::size_t kMaxRules = 64;

  /// Gates bit `index` (a rule, or a rule's word group) on `words` (at least one must occur);
  /// an empty list keeps it always open.
  void add(std::size_t index, std::span<const std::string_view> words);

  /// Bit i set: the file whose nodes are `nodes` holds one of the words of bit i, or bit i was
  /// not gated.
  std::uint64_t open_rules(std::span<const python::SemanticModel::Visit> nodes) const;

 private:
  struct Entry {
    std::string word;  ///< folded (ASCII letters lower-cased); empty for a free slot
    std::uint64_t rules = 0;
  };
  static std::size_t hash(std::string_view folded);
  void insert(std::string word, std::uint64_t rules);
  void note_dotted(std::string_view name, std::uint64_t& open) const;
  void note_string(std::string_view text, std::uint64_t& open) const;

  // A word's length and folded first and last bytes, hashed to a slot that holds the rules of
  // every rule word of that shape: a file has some hundred thousand words, and nearly all of
  // them share no shape with a rule's word that is not open already. (Without the rules per
  // shape, every `self` was looked up: the gate folds case, and typing.Self is a rule's word.)
  static constexpr std::size_t kShapes = std::size_t{1} << 12;
  // Longer words are not looked up: a rule with such a word is never gated.
  static constexpr std::size_t kLongestWord = 64;
  static std::size_t shape(std::string_view word) {
    std::size_t key = word.size() * 131 + (static_cast<unsigned char>(word.front()) | 0x20U);
    key = key * 131 + (static_cast<unsigned char>(word.back()) | 0x20U);
    return key & (kShapes - 1);
  }
  // Inline: asked of every identifier and string word of the file.
  void note(std::string_view word, std::uint64_t& open) const {
    if (word.size() < kLongestWord && (shape_rules_[shape(word)] & ~open) != 0) look_up(word, open);
  }
  // Opens the rules of `word` when it is one of the rules' words.
  void look_up(std::string_view word, std::uint64_t& open) const;

  std::uint64_t gated_ = 0;                                                       ///< rules with words
  std::vector<std::uint64_t> shape_rules_ = std::vector<std::uint64_t>(kShapes);  ///< by shape()
  std::vector<Entry> table_;  ///< open addressing, a power of two in size, at most half full
};

}  // namespace pypyready::scan
