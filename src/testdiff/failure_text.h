#pragma once
// Reading pytest's failure text: the source locations of its traceback and the lines worth
// showing (the failing source line marked `>`, the `E` lines, and the locations).

#include <string>
#include <string_view>
#include <vector>

namespace pypyready::testdiff {

/// One location in a traceback. `function` is empty when pytest did not name it (the last frame).
struct Frame {
  std::string path;
  int line = 0;
  std::string function;
};

/// The locations of a pytest long traceback ("path.py:42: in func", "path.py:58: AttributeError"),
/// outermost first.
std::vector<Frame> traceback_frames(std::string_view details);

/// At most `limit` lines that explain a failure: `>` source lines, `E` lines and locations.
std::vector<std::string> relevant_lines(std::string_view details, std::size_t limit);

}  // namespace pypyready::testdiff
