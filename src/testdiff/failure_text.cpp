#include "testdiff/failure_text.h"

#include <cctype>
#include <charconv>

#include "core/text.h"

namespace pypyready::testdiff {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// "path.py:42: rest" -> frame; false for other lines.
bool parse_location(std::string_view line, Frame& frame) {
  std::size_t py = line.find(".py:");
  if (py == std::string_view::npos || line.empty() || std::isspace(static_cast<unsigned char>(line[0])))
    return false;
  std::string_view path = line.substr(0, py + 3);
  if (path.find(' ') != std::string_view::npos) return false;
  std::string_view rest = line.substr(py + 4);
  int number = 0;
  auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), number);
  if (error != std::errc{} || end == rest.data() || end == rest.data() + rest.size() || *end != ':')
    return false;
  frame.path = std::string(path);
  frame.line = number;
  std::string_view after(end + 1, static_cast<std::size_t>(rest.data() + rest.size() - end - 1));
  if (after.starts_with(" in ")) frame.function = std::string(core::trim(after.substr(4)));
  return true;
}

}  // namespace

std::vector<Frame> traceback_frames(std::string_view details) {
  std::vector<Frame> frames;
  for (std::string_view line : lines_of(details)) {
    Frame frame;
    if (parse_location(line, frame)) frames.push_back(std::move(frame));
  }
  return frames;
}

std::vector<std::string> relevant_lines(std::string_view details, std::size_t limit) {
  std::vector<std::string> kept;
  for (std::string_view line : lines_of(details)) {
    Frame frame;
    bool wanted = line.starts_with(">") || line.starts_with("E ") || parse_location(line, frame);
    if (!wanted) continue;
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
      line.remove_suffix(1);
    kept.emplace_back(line);
  }
  // The end of a traceback (the innermost frame and the error) says the most.
  if (kept.size() > limit) kept.erase(kept.begin(), kept.end() - static_cast<std::ptrdiff_t>(limit));
  return kept;
}

}  // namespace pypyready::testdiff
