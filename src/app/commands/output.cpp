#include "app/commands/output.h"

#include <iostream>

#include "core/file_io.h"

namespace pypyready::app {

bool emit_report(std::string_view command, const std::string& path, const std::string& text) {
  if (path.empty()) {
    std::cout << text << std::flush;
    return true;
  }
  if (auto written = core::write_file_atomically(path, text); !written) {
    std::cerr << "pypyready " << command << ": " << written.error().message << "\n";
    return false;
  }
  return true;
}

}  // namespace pypyready::app
