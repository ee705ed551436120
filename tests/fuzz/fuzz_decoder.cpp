// Fuzzes decode_source: any bytes either decode to UTF-8 text without carriage returns or
// give an error with a position.

#include <string_view>

#include "fuzz_target.h"
#include "python/source_decoder.h"
#include "python/utf8_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  pypyready::python::DecodeResult result = pypyready::python::decode_source(bytes);
  if (result.error) {
    PYPYREADY_FUZZ_CHECK(!result.error->message.empty());
    PYPYREADY_FUZZ_CHECK(result.error->line >= 1);
    return 0;
  }
  const std::string& text = result.source.text;
  PYPYREADY_FUZZ_CHECK(text.find('\r') == std::string::npos);
  PYPYREADY_FUZZ_CHECK(text.find('\0') == std::string::npos);
  PYPYREADY_FUZZ_CHECK(!pypyready::python::find_utf8_problem(text).found);
  PYPYREADY_FUZZ_CHECK(!result.source.encoding.empty());
  return 0;
}
