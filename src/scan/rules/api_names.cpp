#include "scan/rules/api_names.h"

namespace pypyready::scan::rules {

namespace {

std::uint64_t length_bit(std::size_t size) {
  return std::uint64_t{1} << (size < 63 ? size : 63);
}

}  // namespace

void ApiNames::Words::add(std::string_view word) {
  lengths_ |= length_bit(word.size());
  if (!word.empty()) first_letters_.set(static_cast<unsigned char>(word.front()));
  words_.push_back(word);
}

bool ApiNames::Words::contains(std::string_view word) const {
  if ((lengths_ & length_bit(word.size())) == 0) return false;
  if (!word.empty() && !first_letters_.test(static_cast<unsigned char>(word.front()))) return false;
  for (std::string_view candidate : words_)
    if (candidate == word) return true;
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
