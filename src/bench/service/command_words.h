#pragma once
// The server command of `bench --service`: split like a shell would (quotes, backslashes; no
// variables or globbing) and the interpreter put in for `python`, `python3` or `{python}`.

#include <string>
#include <vector>

#include "core/result.h"

namespace pypyready::bench::service {

/// The command for one interpreter: a word `python` or `python3` becomes the interpreter, and
/// `{python}` inside any word too.
std::vector<std::string> command_for(const std::vector<std::string>& words, const std::string& interpreter);

/// Splits a command line into words: blanks separate, single and double quotes group, a backslash
/// escapes the next character; an error for an unclosed quote or an empty command.
core::Result<std::vector<std::string>> split_command(const std::string& text);

}  // namespace pypyready::bench::service
