#include "scan/rules/api_names.h"

namespace pypyready::scan::rules {

std::size_t ApiNames::Words::hash(std::string_view word) {
  // Length and three bytes: cheap, and enough to spread identifiers and dotted names.
  if (word.empty()) return 0;
  std::size_t key = word.size();
  key = key * 131 + static_cast<unsigned char>(word.front());
  key = key * 131 + static_cast<unsigned char>(word.back());
  key = key * 131 + static_cast<unsigned char>(word[word.size() / 2]);
  return key * 0x9E3779B97F4A7C15ull >> 20;
}

void ApiNames::Words::add(std::string_view word) {
  shapes_.add(word);
  words_.push_back(word);
  // Words are added only while the rules' constant lists are built: rebuilding the whole
  // table when it grows is simplest.
  if (table_.size() < words_.size() * 2) {
    table_.assign(table_.empty() ? 16 : table_.size() * 2, std::string_view{});
    for (std::string_view listed : words_) {
      std::size_t slot = hash(listed) & (table_.size() - 1);
      while (!table_[slot].empty() && table_[slot] != listed)
        slot = (slot + 1) & (table_.size() - 1);
      table_[slot] = listed;
    }
    return;
  }
  std::size_t slot = hash(word) & (table_.size() - 1);
  while (!table_[slot].empty() && table_[slot] != word)
    slot = (slot + 1) & (table_.size() - 1);
  table_[slot] = word;
}

bool ApiNames::Words::contains(std::string_view word) const {
  if (!shapes_.may_contain(word)) return false;
  if (word.empty()) return true;  // may_contain("") holds only when "" was added
  for (std::size_t slot = hash(word) & (table_.size() - 1); !table_[slot].empty();
       slot = (slot + 1) & (table_.size() - 1)) {
    if (table_[slot] == word) return true;
  }
  return false;
}

ApiNames::ApiNames(std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (!name.empty() && name.back() == '*')
      wildcard_prefixes_.push_back(name.substr(0, name.size() - 1));
    else
      exact_.add(name);
    last_.add(name);
    every_last_component().add(name);
  }
}

ApiNames::LastComponents& ApiNames::every_last_component() {
  static LastComponents every;
  return every;
}

bool ApiNames::any_may_end_with(std::string_view last) {
  return every_last_component().may_end_with(last);
}

bool ApiNames::contains(std::string_view qualified) const {
  if (exact_.contains(qualified)) return true;
  for (std::string_view prefix : wildcard_prefixes_)
    if (qualified.starts_with(prefix)) return true;
  return false;
}

void ApiNames::LastComponents::add(std::string_view name) {
  std::string_view last = name.substr(name.rfind('.') + 1);
  if (!name.empty() && name.back() == '*')
    wildcard_prefixes_.push_back(last.substr(0, last.size() - 1));
  else
    exact_.add(last);
}

bool ApiNames::LastComponents::may_end_with(std::string_view last) const {
  // A component holds no '.', so a dotted `last` can equal none; its length rarely matches.
  if (exact_.contains(last) && last.find('.') == std::string_view::npos) return true;
  for (std::string_view prefix : wildcard_prefixes_)
    if (last.starts_with(prefix)) return true;
  return false;
}

}  // namespace pypyready::scan::rules
