// Runs a fuzz target's LLVMFuzzerTestOneInput on every file of the given corpus folders or
// files, without libFuzzer, so that `ctest` replays the corpus with any compiler.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "fuzz_target.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    fs::path arg = argv[i];
    if (fs::is_directory(arg)) {
      for (const fs::directory_entry& entry : fs::recursive_directory_iterator(arg)) {
        if (entry.is_regular_file()) inputs.push_back(entry.path());
      }
    } else {
      inputs.push_back(arg);
    }
  }
  std::sort(inputs.begin(), inputs.end());
  if (inputs.empty()) {
    std::fprintf(stderr, "error: no corpus files in the given paths; pass corpus folders or files\n");
    return 1;
  }
  for (const fs::path& input : inputs) {
    auto bytes = pypyready::core::read_file(input);
    if (!bytes) {
      std::fprintf(stderr, "error: %s\n", bytes.error().message.c_str());
      return 1;
    }
    std::fprintf(stderr, "replay %s\n", input.c_str());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes->data()), bytes->size());
  }
  std::printf("replayed %zu inputs\n", inputs.size());
  return 0;
}
