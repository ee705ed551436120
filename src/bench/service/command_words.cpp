#include "bench/service/command_words.h"

#include <fmt/format.h>

namespace pypyready::bench::service {

std::vector<std::string> command_for(const std::vector<std::string>& words, const std::string& interpreter) {
  std::vector<std::string> argv = words;
  for (std::string& word : argv) {
    if (word == "python" || word == "python3") {
      word = interpreter;
      continue;
    }
    for (std::size_t at; (at = word.find("{python}")) != std::string::npos;)
      word.replace(at, 8, interpreter);
  }
  return argv;
}

core::Result<std::vector<std::string>> split_command(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < text.size()) {
        word += text[++i];
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < text.size()) {
      word += text[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote != 0) return core::Error{fmt::format("--service \"{}\": unclosed {} quote", text, quote)};
  if (in_word) words.push_back(word);
  if (words.empty()) return core::Error{"--service: empty command"};
  return words;
}

}  // namespace pypyready::bench::service
