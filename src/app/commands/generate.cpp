// `pypyready generate man|bash|zsh`: the man page and the shell completions, from the command
// table this very binary parses with. Hidden from the help; the build runs it to produce the
// files `cmake --install` and the .deb ship (src/app/CMakeLists.txt).

#include <iostream>

#include "app/commands/commands.h"
#include "app/docs/command_docs.h"
#include "core/file_io.h"
#include "core/version.h"

namespace pypyready::app {

CommandRunner add_generate_command(CLI::App& subcommand) {
  subcommand.group("");  // for packagers, not for users
  auto what = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  subcommand.add_option("what", *what, "man, bash or zsh")
      ->required()
      ->check(CLI::IsMember({"man", "bash", "zsh"}));
  subcommand.add_option("--output,-o", *output, "Write to FILE (atomically) instead of stdout");
  return [what, output, &subcommand] {
    const CLI::App& app = *subcommand.get_parent();
    std::vector<docs::CommandDoc> commands = docs::describe_commands(app);
    std::string text = *what == "man"    ? docs::man_page(commands, app.get_description(), core::kVersion)
                       : *what == "bash" ? docs::bash_completion(commands)
                                         : docs::zsh_completion(commands);
    if (output->empty()) {
      std::cout << text;
    } else if (auto written = core::write_file_atomically(*output, text); !written) {
      std::cerr << "pypyready generate: " << written.error().message << "\n";
      return ExitCode::kUsageError;
    }
    return ExitCode::kSuccess;
  };
}

}  // namespace pypyready::app
