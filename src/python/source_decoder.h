#pragma once
// From the bytes of a .py file to the text the tokenizer reads: PEP 3120 (UTF-8 by default),
// PEP 263 coding cookies, the UTF-8 byte order mark, and newline translation, with CPython's
// error messages.

#include <optional>
#include <string>
#include <string_view>

#include "python/syntax_error.h"

namespace pypyready::python {

/// Decoded source text. Line numbers are unchanged by decoding; columns computed on `text`
/// are UTF-8 byte offsets whatever the file's encoding was.
struct DecodedSource {
  std::string text;       ///< UTF-8, no BOM, every "\r\n" and lone "\r" turned into "\n"
  std::string encoding;   ///< CPython's normalised codec name: "utf-8", "iso-8859-1", "cp1252", ...
  bool had_crlf = false;  ///< whether the file used "\r\n" or "\r" line ends
};

/// decode_source's result: the text, or the SyntaxError CPython raises for these bytes.
struct DecodeResult {
  DecodedSource source;
  std::optional<SyntaxError> error;
};

/// Decodes a source file. Errors: "unknown encoding: NAME", "encoding problem: NAME with
/// BOM", "(unicode error) 'utf-8' codec can't decode byte 0x.. in position 0: ..." (on the
/// line of the bad byte) and "source code cannot contain null bytes". Cookie errors are put
/// on the cookie's line, where CPython reports line 0.
DecodeResult decode_source(std::string_view bytes);

/// The codec a PEP 263 cookie line names, normalised as CPython does ("utf-8",
/// "iso-8859-1" or the name as written), or nullopt when the line holds no cookie.
std::optional<std::string> find_coding_cookie(std::string_view line);

}  // namespace pypyready::python
