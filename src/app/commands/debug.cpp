// `pypyready debug ...`: developer views of the Python front end. Each view is one
// subcommand: an options struct, an add_ function that declares it, and a run_ function.

#include <fmt/format.h>

#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/commands/commands.h"
#include "app/commands/debug_ast.h"
#include "core/file_io.h"
#include "python/source_decoder.h"
#include "python/token_format.h"
#include "python/tokenizer.h"

namespace pypyready::app {
namespace {

void print_syntax_error(const std::string& file, const python::SyntaxError& error) {
  // Columns are printed 1-based, as compilers print them.
  std::cerr << fmt::format("{}:{}:{}: SyntaxError: {}\n", file, error.line, error.column + 1, error.message);
}

/// Reads and decodes a source file; prints the error and returns nullopt on failure.
std::optional<python::DecodedSource> load_source(const std::string& file) {
  core::Result<std::string> bytes = core::read_file(file);
  if (!bytes) {
    std::cerr << "error: " << bytes.error().message << '\n';
    return std::nullopt;
  }
  python::DecodeResult decoded = python::decode_source(*bytes);
  if (decoded.error) {
    print_syntax_error(file, *decoded.error);
    return std::nullopt;
  }
  return std::move(decoded.source);
}

/// One view: runs when its subcommand was named on the command line, nullopt otherwise.
using ViewRunner = std::function<std::optional<ExitCode>()>;

struct TokensOptions {
  std::string file;
};

ExitCode run_tokens(const TokensOptions& options) {
  std::optional<python::DecodedSource> source = load_source(options.file);
  if (!source) return ExitCode::kUsageError;
  python::TokenizedSource tokens = python::tokenize(source->text);
  std::cout << python::format_tokens(tokens, source->text);
  std::cout.flush();
  if (tokens.error) {
    print_syntax_error(options.file, *tokens.error);
    return ExitCode::kUsageError;
  }
  return ExitCode::kSuccess;
}

ViewRunner add_tokens(CLI::App& debug) {
  auto options = std::make_shared<TokensOptions>();
  CLI::App* command =
      debug.add_subcommand("tokens", "Print the tokens of a Python file, as python -m tokenize");
  command->add_option("FILE", options->file, "Python source file")->required();
  return [options, command]() -> std::optional<ExitCode> {
    if (!command->parsed()) return std::nullopt;
    return run_tokens(*options);
  };
}

}  // namespace

CommandRunner add_debug_command(CLI::App& subcommand) {
  subcommand.require_subcommand(1);
  std::vector<ViewRunner> views{add_tokens(subcommand), add_ast_view(subcommand)};
  return [views] {
    for (const ViewRunner& view : views) {
      if (std::optional<ExitCode> code = view()) return *code;
    }
    return ExitCode::kUsageError;
  };
}

}  // namespace pypyready::app
