#include "deps/requirements_txt.h"

#include "core/text.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <vector>

#include "core/file_io.h"
#include "deps/name.h"

namespace pypyready::deps {
namespace {

struct LogicalLine {
  std::string text;
  int line = 0;  // where the logical line starts
};

using core::trim;

// Joins `\` continuations first and strips comments afterwards, as pip does.
std::vector<LogicalLine> logical_lines(std::string_view content) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  std::vector<LogicalLine> out;
  LogicalLine current;
  bool continuing = false;
  int number = 0;
  std::size_t start = 0;
  while (start <= content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos && start == content.size()) break;
    std::string_view line =
        content.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number;
    if (!continuing) current = LogicalLine{"", number};
    if (!line.empty() && line.back() == '\\') {
      current.text += line.substr(0, line.size() - 1);
      continuing = true;
    } else {
      current.text += line;
      continuing = false;
      out.push_back(std::move(current));
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (continuing) out.push_back(std::move(current));
  return out;
}

std::string strip_comment(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '#' && (i == 0 || std::isspace(static_cast<unsigned char>(text[i - 1])))) {
      return std::string(text.substr(0, i));
    }
  }
  return std::string(text);
}

std::string expand_variables(const std::string& text, const EnvLookup& env) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      std::size_t close = text.find('}', i + 2);
      if (close != std::string::npos) {
        std::string_view name = std::string_view(text).substr(i + 2, close - i - 2);
        bool valid = !name.empty();
        for (char c : name)
          valid = valid && (std::isupper(static_cast<unsigned char>(c)) ||
                            std::isdigit(static_cast<unsigned char>(c)) || c == '_');
        if (valid) {
          if (auto value = env(name)) out += *value;
          i = close;
          continue;
        }
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

// Splits `-r file`, `-rfile`, `--requirement file` and `--requirement=file` into option and value.
std::pair<std::string, std::string> split_option(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '=')
    ++end;
  std::string option(text.substr(0, end));
  std::string_view rest = text.substr(end);
  if (!rest.empty() && rest.front() == '=') rest.remove_prefix(1);
  // Short options may carry their value glued on (`-rfile`).
  if (option.size() > 2 && option[0] == '-' && option[1] != '-') {
    return {option.substr(0, 2), std::string(trim(std::string_view(option).substr(2)))};
  }
  return {option, std::string(trim(rest))};
}

// The name an unnamed line (`./pkg`, `x.whl`, `git+https://...#egg=name`) installs, if it says.
std::string name_from_location(std::string_view location) {
  if (auto egg = location.find("#egg="); egg != std::string_view::npos) {
    std::string_view name = location.substr(egg + 5);
    name = name.substr(0, name.find_first_of("&[ "));
    return std::string(name);
  }
  if (auto egg = location.find("&egg="); egg != std::string_view::npos) {
    std::string_view name = location.substr(egg + 5);
    return std::string(name.substr(0, name.find_first_of("&[ ")));
  }
  std::string_view base = location.substr(location.find_last_of('/') + 1);
  if (base.size() > 4 && base.substr(base.size() - 4) == ".whl")
    return std::string(base.substr(0, base.find('-')));
  for (std::string_view suffix : {".tar.gz", ".zip", ".tar.bz2"}) {
    if (base.size() > suffix.size() && base.substr(base.size() - suffix.size()) == suffix) {
      std::string_view stem = base.substr(0, base.size() - suffix.size());
      std::size_t dash = stem.rfind('-');
      return std::string(dash == std::string_view::npos ? stem : stem.substr(0, dash));
    }
  }
  return "";
}

bool looks_like_location(std::string_view text) {
  if (text.empty()) return false;
  if (text.front() == '.' || text.front() == '/' || text.front() == '~') return true;
  std::size_t scheme = text.find("://");
  std::size_t at = text.find('@');
  if (scheme != std::string_view::npos && (at == std::string_view::npos || at > scheme)) return true;
  for (std::string_view suffix : {".whl", ".tar.gz", ".zip"}) {
    std::string_view head = text.substr(0, text.find_first_of("; "));
    if (head.size() > suffix.size() && head.substr(head.size() - suffix.size()) == suffix) return true;
  }
  return false;
}

class Reader {
 public:
  Reader(const FileLoader& load, const EnvLookup& env) : load_(load), env_(env) {}

  void read(const std::filesystem::path& path, bool constraint, const std::string& from_file, int from_line) {
    std::filesystem::path key = std::filesystem::absolute(path).lexically_normal();
    for (const auto& open : stack_) {
      if (open == key) {
        std::string chain;
        for (const auto& p : stack_)
          chain += p.filename().string() + " -> ";
        out_.add_error(from_file, from_line,
                       fmt::format("include cycle: {}{}; expected each requirements file to be included once",
                                   chain, path.filename().string()));
        return;
      }
    }
    auto content = load_(path);
    if (!content) {
      out_.add_error(from_file.empty() ? path.string() : from_file, from_line, content.error().message);
      return;
    }
    stack_.push_back(key);
    out_.files.push_back(path.string());
    for (const LogicalLine& logical : logical_lines(*content)) {
      handle_line(path, logical, constraint);
    }
    stack_.pop_back();
  }

  Declarations take() { return std::move(out_); }

 private:
  void handle_line(const std::filesystem::path& path, const LogicalLine& logical, bool constraint) {
    const std::string file = path.string();
    std::string text = std::string(trim(expand_variables(strip_comment(logical.text), env_)));
    if (text.empty()) return;
    if (text.front() == '-') {
      handle_option(path, logical.line, text, constraint);
      return;
    }
    add_requirement(file, logical.line, text, constraint, false);
  }

  void handle_option(const std::filesystem::path& path, int line, const std::string& text, bool constraint) {
    const std::string file = path.string();
    auto [option, value] = split_option(text);
    auto needs_value = [&]() {
      if (!value.empty()) return true;
      out_.add_error(file, line, fmt::format("option '{}' expected a value after it", option));
      return false;
    };
    if (option == "-r" || option == "--requirement" || option == "-c" || option == "--constraint") {
      if (!needs_value()) return;
      bool is_constraint = constraint || option == "-c" || option == "--constraint";
      read(path.parent_path() / value, is_constraint, file, line);
      return;
    }
    if (option == "-e" || option == "--editable") {
      if (!needs_value()) return;
      add_requirement(file, line, value, constraint, true);
      return;
    }
    static constexpr std::string_view kWithValue[] = {"-i",
                                                      "--index-url",
                                                      "--extra-index-url",
                                                      "-f",
                                                      "--find-links",
                                                      "--only-binary",
                                                      "--no-binary",
                                                      "--trusted-host",
                                                      "--use-feature",
                                                      "--progress-bar"};
    static constexpr std::string_view kFlags[] = {"--no-index", "--pre", "--prefer-binary",
                                                  "--require-hashes"};
    for (std::string_view known : kWithValue) {
      if (option == known) {
        if (needs_value()) out_.options.push_back(option + " " + value);
        return;
      }
    }
    for (std::string_view known : kFlags) {
      if (option == known) {
        out_.options.push_back(option);
        return;
      }
    }
    out_.add_error(file, line,
                   fmt::format("unknown option '{}'; expected a requirement or one of -r, -c, -e, -i, "
                               "--extra-index-url, -f, --no-index, --pre, --only-binary, --no-binary, "
                               "--prefer-binary, --trusted-host, --require-hashes",
                               option));
  }

  void add_requirement(const std::string& file, int line, std::string text, bool constraint, bool editable) {
    Declared item;
    item.file = file;
    item.line = line;
    item.constraint = constraint;
    item.editable = editable;
    // Per-requirement options start at the first ` --`.
    if (std::size_t opts = text.find(" --"); opts != std::string::npos) {
      // `rest` views the original line, so keep it alive while `text` is narrowed.
      const std::string line_text = std::move(text);
      std::string_view rest = std::string_view(line_text).substr(opts);
      text = std::string(trim(std::string_view(line_text).substr(0, opts)));
      while (!(rest = trim(rest)).empty()) {
        std::size_t end = rest.find(' ');
        std::string_view token = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
        if (token.substr(0, 7) == "--hash=") {
          item.hashes.emplace_back(token.substr(7));
        } else if (token == "--hash") {
          rest = trim(rest);
          std::size_t value_end = rest.find(' ');
          item.hashes.emplace_back(rest.substr(0, value_end));
          rest = value_end == std::string_view::npos ? std::string_view() : rest.substr(value_end);
        } else if (token.substr(0, 18) != "--config-settings=" && token.substr(0, 16) != "--global-option=" &&
                   token != "--config-settings" && token != "--global-option") {
          out_.add_error(file, line,
                         fmt::format("unknown per-requirement option '{}'; expected --hash, "
                                     "--config-settings or --global-option",
                                     token));
          return;
        }
      }
      for (const std::string& hash : item.hashes) {
        if (hash.find(':') == std::string::npos) {
          out_.add_error(file, line, fmt::format("hash '{}' expected the form algorithm:hexdigest", hash));
          return;
        }
      }
    }
    item.raw = text;
    if (editable || looks_like_location(text)) {
      // `name @ url` still parses as PEP 508; a bare location names itself through #egg= or its file name.
      if (text.find(" @ ") != std::string::npos) {
        auto req = Requirement::parse(text);
        if (!req) {
          out_.add_error(file, line, req.error().message);
          return;
        }
        item.key = req->key;
        item.requirement = std::move(*req);
      } else {
        std::string location = text.substr(0, text.find("; "));
        std::string name = name_from_location(location);
        item.key = is_valid_name(name) ? normalize_name(name) : "";
      }
      out_.items.push_back(std::move(item));
      return;
    }
    auto req = Requirement::parse(text);
    if (!req) {
      out_.add_error(file, line, req.error().message);
      return;
    }
    item.key = req->key;
    item.requirement = std::move(*req);
    out_.items.push_back(std::move(item));
  }

  const FileLoader& load_;
  const EnvLookup& env_;
  std::vector<std::filesystem::path> stack_;
  Declarations out_;
};

}  // namespace

FileLoader disk_loader() {
  return [](const std::filesystem::path& path) { return core::read_file(path); };
}

EnvLookup process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Declarations read_requirements_file(const std::filesystem::path& path, const FileLoader& load,
                                    const EnvLookup& env, bool constraint) {
  Reader reader(load, env);
  reader.read(path, constraint, "", 0);
  return reader.take();
}

}  // namespace pypyready::deps
