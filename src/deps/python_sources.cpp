#include "deps/python_sources.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace pypyready::deps {
namespace {

struct Line {
  std::string_view text;  // without indentation
  std::size_t indent = 0;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t indent = 0;
    while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t'))
      ++indent;
    lines.push_back(Line{line.substr(indent), indent});
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

bool is_import_line(std::string_view line) {
  return line.substr(0, 7) == "import " || line.substr(0, 5) == "from ";
}

bool catches_import_error(std::string_view line) {
  if (line.substr(0, 6) != "except") return false;
  // Only handlers meant for a missing module: a broad `except Exception` around a whole function
  // body is error handling, not a fallback.
  return line.find("ImportError") != std::string_view::npos ||
         line.find("ModuleNotFoundError") != std::string_view::npos || line.substr(0, 7) == "except:";
}

// A handler that raises again (often with a friendlier message) is no fallback. Lines inside a
// triple-quoted string are skipped: their indentation says nothing about the block.
bool handler_raises(const std::vector<Line>& lines, std::size_t except_line, std::size_t try_indent) {
  bool in_string = false;
  for (std::size_t i = except_line + 1; i < lines.size(); ++i) {
    std::string_view text = lines[i].text;
    std::size_t quotes = 0;
    for (std::size_t at = text.find("\"\"\""); at != std::string_view::npos; at = text.find("\"\"\"", at + 3))
      ++quotes;
    for (std::size_t at = text.find("'''"); at != std::string_view::npos; at = text.find("'''", at + 3))
      ++quotes;
    bool was_in_string = in_string;
    if (quotes % 2 == 1) in_string = !in_string;
    if (was_in_string || text.empty() || text.front() == '#') continue;
    if (lines[i].indent <= try_indent) return false;
    if (text.substr(0, 5) == "raise") return true;
  }
  return false;
}

bool is_guarded(const std::vector<Line>& lines, std::size_t i) {
  // Walk up through enclosing block headers (`if`, `with`, ...) until a `try:` or a plain statement.
  std::size_t indent = lines[i].indent;
  for (std::size_t back = i; back-- > 0 && i - back <= 16;) {
    const Line& line = lines[back];
    if (line.text.empty() || line.text.front() == '#' || line.indent >= indent) continue;
    if (line.text.substr(0, 4) != "try:") {
      if (line.text.back() != ':') return false;
      indent = line.indent;
      continue;
    }
    for (std::size_t ahead = i + 1; ahead < lines.size() && ahead - i <= 60; ++ahead) {
      if (lines[ahead].text.empty() || lines[ahead].indent > line.indent) continue;
      if (lines[ahead].indent < line.indent) return false;
      if (catches_import_error(lines[ahead].text)) return !handler_raises(lines, ahead, line.indent);
      if (lines[ahead].text.substr(0, 6) != "except") return false;
    }
    return false;
  }
  return false;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_') {
      std::size_t start = i;
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_'))
        ++i;
      words.emplace_back(text.substr(start, i - start));
    } else if (text[i] == '#') {
      break;
    } else {
      ++i;
    }
  }
  return words;
}

}  // namespace

bool uses_ctypes_loading(std::string_view text) {
  if (text.find("ctypes") == std::string_view::npos) return false;
  return text.find("CDLL(") != std::string_view::npos ||
         text.find("LoadLibrary(") != std::string_view::npos ||
         text.find("find_library(") != std::string_view::npos ||
         text.find("PyDLL(") != std::string_view::npos;
}

bool imports_cffi(std::string_view text) {
  return text.find("from cffi import") != std::string_view::npos ||
         text.find("import cffi") != std::string_view::npos;
}

std::vector<ImportLine> import_lines(std::string_view text) {
  std::vector<ImportLine> out;
  if (text.find("import") == std::string_view::npos) return out;
  std::vector<Line> lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_import_line(lines[i].text)) continue;
    out.push_back(ImportLine{words_of(lines[i].text), is_guarded(lines, i)});
  }
  return out;
}

bool import_is_guarded(std::string_view text, std::string_view name) {
  for (const ImportLine& line : import_lines(text)) {
    if (line.guarded && std::find(line.words.begin(), line.words.end(), name) != line.words.end())
      return true;
  }
  return false;
}

bool import_is_unguarded(std::string_view text, std::string_view name) {
  for (const ImportLine& line : import_lines(text)) {
    if (!line.guarded && std::find(line.words.begin(), line.words.end(), name) != line.words.end())
      return true;
  }
  return false;
}

}  // namespace pypyready::deps
