// Fuzzes the whole front end (decode, tokenize, parse) on raw file bytes: it must return,
// whatever the input, without crashing or overflowing the stack.

#include <string_view>

#include "fuzz_target.h"
#include "python/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)pypyready::python::parse_python(bytes);
  return 0;
}
