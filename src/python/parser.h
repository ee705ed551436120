#pragma once
// The exact Python front end's entry point: bytes of a .py file in, CPython 3.13's syntax tree
// (or CPython's SyntaxError) out.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "python/arena.h"
#include "python/ast.h"
#include "python/source_decoder.h"
#include "python/syntax_error.h"
#include "python/token.h"

namespace pypyready::python {

/// A parsed file. Owns everything the tree points into (decoded text, arena), so it may be
/// moved but the tree stays valid only as long as this object lives.
struct ParsedFile {
  DecodedSource source;
  std::vector<Token> tokens;
  std::vector<Token> trivia;
  std::unique_ptr<Arena> arena = std::make_unique<Arena>();
  const Module* module = nullptr;  ///< null when `error` is set
  std::optional<SyntaxError> error;
};

/// Decodes, tokenizes and parses the bytes of a Python file with the 3.13 grammar. On failure
/// `error` holds CPython's message and line, and `module` is null.
ParsedFile parse_python(std::string_view raw_bytes);

/// Same as parse_python for text that is already decoded (UTF-8, `\n` newlines).
ParsedFile parse_text(std::string_view utf8);

}  // namespace pypyready::python
