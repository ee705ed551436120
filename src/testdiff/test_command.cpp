#include "testdiff/test_command.h"

#include <algorithm>
#include <set>

namespace pypyready::testdiff {

std::vector<std::string> default_test_command() {
  return {"python", "-m", "pytest"};
}

core::Result<std::vector<std::string>> command_for(const std::vector<std::string>& words,
                                                   const std::string& interpreter) {
  if (words.empty()) return command_for(default_test_command(), interpreter);
  std::vector<std::string> argv;
  const std::string& first = words[0];
  if (first == "python" || first == "python3" || first == "{python}") {
    argv.push_back(interpreter);
    argv.insert(argv.end(), words.begin() + 1, words.end());
  } else if (first == "pytest" || first == "py.test") {
    argv = {interpreter, "-m", "pytest"};
    argv.insert(argv.end(), words.begin() + 1, words.end());
  } else {
    return core::Error{
        "test command `" + first +
        " ...`: expected it to start with `python` (replaced by each interpreter) or `pytest`, "
        "e.g. command = [\"python\", \"-m\", \"pytest\", \"tests\"]"};
  }
  bool runs_pytest = argv.size() >= 3 && argv[1] == "-m" && argv[2] == "pytest";
  if (!runs_pytest) {
    return core::Error{"test command `" + first + " " + (words.size() > 1 ? words[1] : "") +
                       " ...`: pypyready reads pytest's JUnit XML, so the command must be `python -m pytest "
                       "[ARGS]` (pytest also runs unittest-style tests)"};
  }
  return argv;
}

std::vector<std::string> with_reporting(std::vector<std::string> argv,
                                        const std::filesystem::path& junit_path) {
  for (const char* option : {"-p", "no:cacheprovider", "-p", kEventPluginModule, "-o", "junit_family=xunit1",
                             "--continue-on-collection-errors"})
    argv.emplace_back(option);
  argv.push_back("--junitxml=" + junit_path.string());
  return argv;
}

namespace {

// pytest options whose value is the next word ("--ignore tests/slow", "-c setup.cfg"): that word
// is not a test selection even when it names a file or folder.
bool takes_value(const std::string& option) {
  static const std::set<std::string> kOptions{"-k",
                                              "-m",
                                              "-p",
                                              "-c",
                                              "-o",
                                              "-W",
                                              "-r",
                                              "--ignore",
                                              "--ignore-glob",
                                              "--deselect",
                                              "--rootdir",
                                              "--confcutdir",
                                              "--basetemp",
                                              "--junitxml",
                                              "--junit-xml",
                                              "--tb",
                                              "--maxfail",
                                              "--durations",
                                              "--override-ini",
                                              "--pythonwarnings",
                                              "--import-mode",
                                              "--log-file",
                                              "--log-level",
                                              "--cov",
                                              "--cov-report",
                                              "--cov-config",
                                              "--capture",
                                              "--config-file",
                                              "--inifile",
                                              "--resultlog",
                                              "--debug",
                                              "--log-cli-level",
                                              "--log-format",
                                              "--log-date-format",
                                              "--timeout",
                                              "--randomly-seed",
                                              "-n",
                                              "--dist",
                                              "--reruns",
                                              "--doctest-glob",
                                              "--pyargs-root",
                                              "--css",
                                              "--html"};
  return kOptions.contains(option);
}

}  // namespace

std::vector<std::string> rerun_command(const std::vector<std::string>& argv,
                                       const std::vector<std::string>& test_ids,
                                       const std::filesystem::path& root) {
  std::vector<std::string> rerun;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& word = argv[i];
    bool option_value = i >= 4 && takes_value(argv[i - 1]);
    if (i >= 3 && !word.starts_with("-") && !option_value) {
      std::string path = word.substr(0, word.find("::"));
      std::error_code error;
      if (std::filesystem::exists(root / path, error)) continue;
    }
    rerun.push_back(word);
  }
  rerun.insert(rerun.end(), test_ids.begin(), test_ids.end());
  return rerun;
}

}  // namespace pypyready::testdiff
