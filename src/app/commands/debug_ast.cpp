#include "app/commands/debug_ast.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "python/ast_dump.h"
#include "python/parser.h"

namespace pypyready::app {
namespace {

struct AstOptions {
  std::string file;
  std::string dump_version = "3.11";
  bool mask_fstring_positions = false;
  std::string batch_list;  // hidden: one path a line, for the conformance test
  std::string output_dir;
};

python::DumpOptions dump_options(const AstOptions& options) {
  python::DumpOptions dump;
  dump.minor = options.dump_version == "3.13" ? 13 : options.dump_version == "3.12" ? 12 : 11;
  dump.mask_fstring_positions = options.mask_fstring_positions;
  return dump;
}

ExitCode run_single(const AstOptions& options) {
  core::Result<std::string> bytes = core::read_file(options.file);
  if (!bytes) {
    std::cerr << "error: " << bytes.error().message << '\n';
    return ExitCode::kUsageError;
  }
  python::ParsedFile parsed = python::parse_python(*bytes);
  if (parsed.error) {
    // Columns are printed 1-based, as compilers print them.
    std::cerr << fmt::format("{}:{}:{}: SyntaxError: {}\n", options.file, parsed.error->line,
                             parsed.error->column + 1, parsed.error->message);
    return ExitCode::kUsageError;
  }
  std::cout << python::dump_ast(*parsed.module, dump_options(options)) << '\n';
  return ExitCode::kSuccess;
}

// Writes DIR/<index>.ast (the dump) or DIR/<index>.err ("LINE\tMESSAGE") for each listed file,
// so that one process serves a whole corpus.
ExitCode run_batch(const AstOptions& options) {
  core::Result<std::string> listing = core::read_file(options.batch_list);
  if (!listing) {
    std::cerr << "error: " << listing.error().message << '\n';
    return ExitCode::kUsageError;
  }
  python::DumpOptions dump = dump_options(options);
  std::size_t index = 0;
  std::size_t begin = 0;
  const std::string& text = *listing;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string path = text.substr(begin, end - begin);
    begin = end + 1;
    std::string base = fmt::format("{}/{}", options.output_dir, index++);
    core::Result<std::string> bytes = core::read_file(path);
    std::string out_path;
    std::string content;
    if (!bytes) {
      out_path = base + ".err";
      content = fmt::format("0\t{}\n", bytes.error().message);
    } else {
      python::ParsedFile parsed = python::parse_python(*bytes);
      if (parsed.error) {
        out_path = base + ".err";
        content = fmt::format("{}\t{}\n", parsed.error->line, parsed.error->message);
      } else {
        out_path = base + ".ast";
        content = python::dump_ast(*parsed.module, dump) + "\n";
      }
    }
    core::Status written = core::write_file_atomically(out_path, content);
    if (!written) {
      std::cerr << "error: " << written.error().message << '\n';
      return ExitCode::kUsageError;
    }
  }
  return ExitCode::kSuccess;
}

}  // namespace

std::function<std::optional<ExitCode>()> add_ast_view(CLI::App& debug) {
  auto options = std::make_shared<AstOptions>();
  CLI::App* command =
      debug.add_subcommand("ast", "Print the syntax tree of a Python file, as CPython's ast.dump");
  command->add_option("FILE", options->file, "Python source file");
  command->add_option("--dump-version", options->dump_version, "ast.dump layout to reproduce")
      ->check(CLI::IsMember({"3.11", "3.12", "3.13"}));
  command->add_flag("--mask-fstring-positions", options->mask_fstring_positions)->group("");
  command->add_option("--batch", options->batch_list)->group("");
  command->add_option("--output-dir", options->output_dir)->group("");
  return [options, command]() -> std::optional<ExitCode> {
    if (!command->parsed()) return std::nullopt;
    if (!options->batch_list.empty()) return run_batch(*options);
    if (options->file.empty()) {
      std::cerr << "error: debug ast: a FILE is required\n";
      return ExitCode::kUsageError;
    }
    return run_single(*options);
  };
}

}  // namespace pypyready::app
