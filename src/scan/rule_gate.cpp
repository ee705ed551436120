#include "scan/rule_gate.h"

#include <array>

#include "python/ast_fields.h"

namespace pypyready::scan {

using python::Node;
using python::NodeKind;

namespace {

// ASCII letters lower-cased. Applied to every byte of a word alike ('_' and bytes past 0x7f
// change too), so two words fold equal whenever they are equal without case.
char fold(char c) {
  return static_cast<char>(static_cast<unsigned char>(c) | 0x20U);
}

// ASCII letters, digits and '_': what a word of a string literal is made of.
constexpr auto kWordBytes = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return table;
}();

bool is_word_byte(char c) {
  return kWordBytes[static_cast<unsigned char>(c)];
}

// The identifier fields of each node kind, from the schema once: the gate reads every one, so
// that a rule may rely on any identifier of the file.
struct IdentFields {
  std::array<std::uint8_t, 8> slots{};
  std::array<bool, 8> is_list{};
  std::uint8_t count = 0;
  bool dotted = false;  ///< import names ("os.path"): split at dots
};

const std::array<IdentFields, static_cast<std::size_t>(NodeKind::kCount)>& ident_fields() {
  static const auto kTable = [] {
    std::array<IdentFields, static_cast<std::size_t>(NodeKind::kCount)> built{};
    for (std::size_t kind = 0; kind < built.size(); ++kind) {
      const python::NodeInfo& info = python::node_info(static_cast<NodeKind>(kind));
      IdentFields& fields = built[kind];
      for (std::uint8_t field = 0; field < info.field_count; ++field) {
        python::FieldShape shape = info.fields[field].shape;
        if (shape != python::FieldShape::kIdent && shape != python::FieldShape::kOptIdent &&
            shape != python::FieldShape::kIdentList)
          continue;
        fields.slots[fields.count] = field;
        fields.is_list[fields.count] = shape == python::FieldShape::kIdentList;
        ++fields.count;
      }
      fields.dotted = static_cast<NodeKind>(kind) == NodeKind::kAlias ||
                      static_cast<NodeKind>(kind) == NodeKind::kImportFrom;
    }
    return built;
  }();
  return kTable;
}

}  // namespace

std::size_t RuleGate::hash(std::string_view folded) {
  std::size_t key = folded.size();
  for (char c : folded)
    key = key * 131 + static_cast<unsigned char>(c);
  return key * 0x9E3779B97F4A7C15ull >> 20;
}

void RuleGate::add(std::size_t index, std::span<const std::string_view> words) {
  if (index >= kMaxRules || words.empty()) return;
  const std::uint64_t bit = std::uint64_t{1} << index;
  gated_ |= bit;
  for (std::string_view word : words) {
    std::string folded(word);
    for (char& c : folded)
      c = fold(c);
    insert(std::move(folded), bit);
  }
}

void RuleGate::insert(std::string word, std::uint64_t rules) {
  if (word.empty() || word.size() >= kLongestWord) {
    // Never looked up (see note()): such a rule must stay open in every file.
    gated_ &= ~rules;
    return;
  }
  shape_rules_[shape(word)] |= rules;
  // Words are added only while the engine is built: growing rebuilds the table.
  std::size_t used = 1;
  for (const Entry& entry : table_)
    used += entry.word.empty() ? 0 : 1;
  if (table_.size() < used * 2) {
    std::vector<Entry> old = std::move(table_);
    table_.assign(old.empty() ? 64 : old.size() * 2, Entry{});
    for (Entry& entry : old)
      if (!entry.word.empty()) insert(std::move(entry.word), entry.rules);
  }
  std::size_t slot = hash(word) & (table_.size() - 1);
  while (!table_[slot].word.empty() && table_[slot].word != word)
    slot = (slot + 1) & (table_.size() - 1);
  table_[slot].word = std::move(word);
  table_[slot].rules |= rules;
}

void RuleGate::look_up(std::string_view word, std::uint64_t& open) const {
  std::array<char, kLongestWord> folded;
  for (std::size_t i = 0; i < word.size(); ++i)
    folded[i] = fold(word[i]);
  std::string_view key(folded.data(), word.size());
  for (std::size_t slot = hash(key) & (table_.size() - 1); !table_[slot].word.empty();
       slot = (slot + 1) & (table_.size() - 1)) {
    if (table_[slot].word == key) {
      open |= table_[slot].rules;
      return;
    }
  }
}

void RuleGate::note_dotted(std::string_view name, std::uint64_t& open) const {
  std::size_t start = 0;
  for (std::size_t at = 0; at < name.size(); ++at) {
    if (name[at] != '.') continue;
    if (at > start) note(name.substr(start, at - start), open);
    start = at + 1;
  }
  if (start < name.size()) note(name.substr(start), open);
}

void RuleGate::note_string(std::string_view text, std::uint64_t& open) const {
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && !is_word_byte(text[at]))
      ++at;
    std::size_t start = at;
    while (at < text.size() && is_word_byte(text[at]))
      ++at;
    if (at > start) note(text.substr(start, at - start), open);
  }
}

std::uint64_t RuleGate::open_rules(std::span<const python::SemanticModel::Visit> nodes) const {
  std::uint64_t open = ~gated_;
  if (gated_ == 0) return open;
  const auto& fields = ident_fields();
  constexpr int kValue = python::field_slot(NodeKind::kConstant, "value");
  for (const python::SemanticModel::Visit& visit : nodes) {
    const Node& node = *visit.node;
    if (node.kind == NodeKind::kConstant) {
      // A string that is a statement of its own (a docstring) is no argument, key or operand:
      // no rule reads its words.
      if (visit.parent != nullptr && visit.parent->kind == NodeKind::kExpr) continue;
      const python::ConstantValue* value = node.slot(kValue).constant;
      if (value != nullptr && value->kind == python::ConstantKind::kStr) note_string(value->text, open);
      continue;
    }
    const IdentFields& idents = fields[static_cast<std::size_t>(node.kind)];
    if (idents.count == 0) continue;
    for (std::uint8_t i = 0; i < idents.count; ++i) {
      const python::Slot& slot = node.slot(idents.slots[i]);
      if (idents.dotted) {
        note_dotted(slot.ident.view(), open);
      } else if (!idents.is_list[i]) {
        if (slot.ident.size != 0) note(slot.ident.view(), open);
      } else {
        for (const python::Ident& ident : slot.idents)
          if (ident.size != 0) note(ident.view(), open);
      }
    }
    if ((open & gated_) == gated_) break;  // every rule is open already
  }
  return open;
}

}  // namespace pypyready::scan
