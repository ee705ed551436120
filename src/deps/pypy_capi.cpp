#include "deps/pypy_capi.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <regex>
#include <vector>

#include "core/file_io.h"
#include "deps/elf_file.h"

namespace pypyready::deps {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool is_capi_name(std::string_view name) {
  return starts_with(name, "Py") || starts_with(name, "_Py");
}

std::filesystem::path find_on_path(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  const char* path = std::getenv("PATH");
  if (path == nullptr) return {};
  std::string_view rest = path;
  while (!rest.empty()) {
    std::size_t colon = rest.find(':');
    std::filesystem::path candidate = std::filesystem::path(rest.substr(0, colon)) / name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
  }
  return {};
}

// The language level from a name like pypy3.9 or libpypy3.10-c.so.
std::string version_from_name(std::string_view name) {
  static const std::regex kPattern(R"(pypy(3\.[0-9]+))");
  std::match_results<std::string_view::const_iterator> match;
  if (std::regex_search(name.begin(), name.end(), match, kPattern)) return match[1].str();
  return "";
}

std::string identifier_before_paren(std::string_view text) {
  std::size_t paren = text.find('(');
  if (paren == std::string_view::npos) return "";
  std::size_t end = paren;
  while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1])))
    --end;
  std::size_t start = end;
  while (start > 0 && (std::isalnum(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '_'))
    --start;
  return std::string(text.substr(start, end - start));
}

void scan_header(std::string_view text, std::vector<std::pair<std::string, std::string>>& defines,
                 std::vector<std::string>& inline_functions) {
  std::size_t start = 0;
  std::string pending_static;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    start = end == std::string_view::npos ? text.size() : end + 1;
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;
    line = line.substr(first);
    if (line.front() == '#') {
      line.remove_prefix(1);
      line = line.substr(std::min(line.size(), line.find_first_not_of(" \t")));
      if (!starts_with(line, "define")) continue;
      line.remove_prefix(6);
      line = line.substr(std::min(line.size(), line.find_first_not_of(" \t")));
      std::size_t name_end = 0;
      while (name_end < line.size() &&
             (std::isalnum(static_cast<unsigned char>(line[name_end])) || line[name_end] == '_')) {
        ++name_end;
      }
      std::string name(line.substr(0, name_end));
      if (!is_capi_name(name)) continue;
      std::string_view body = line.substr(name_end);
      body = body.substr(std::min(body.size(), body.find_first_not_of(" \t")));
      std::size_t body_end = body.find_first_of(" \t/");
      defines.emplace_back(name, std::string(body.substr(0, body_end)));
      continue;
    }
    if (!pending_static.empty() || starts_with(line, "static")) {
      std::string joined = pending_static + " " + std::string(line);
      std::string name = identifier_before_paren(joined);
      if (name.empty() && pending_static.size() < 200) {
        pending_static = joined;
        continue;
      }
      pending_static.clear();
      if (is_capi_name(name)) inline_functions.push_back(name);
    }
  }
}

}  // namespace

std::string cpython_spelling(std::string_view name) {
  if (starts_with(name, "PyPy")) return "Py" + std::string(name.substr(4));
  if (starts_with(name, "_PyPy")) return "_Py" + std::string(name.substr(5));
  return std::string(name);
}

core::Result<PyPyInstallation> locate_pypy(const std::string& interpreter) {
  PyPyInstallation found;
  std::filesystem::path given = find_on_path(interpreter);
  std::error_code ec;
  if (given.empty() || !std::filesystem::exists(given, ec)) {
    return core::Error{
        fmt::format("PyPy interpreter '{}' not found; expected a path or a name on PATH (e.g. --pypy pypy3)",
                    interpreter)};
  }
  // A library given directly is accepted too (useful on machines with only the -dev files).
  if (given.filename().string().rfind("libpypy", 0) == 0) {
    found.library = std::filesystem::canonical(given, ec);
    found.python_version = version_from_name(given.filename().string());
  } else {
    found.interpreter = std::filesystem::canonical(given, ec);
    found.python_version = version_from_name(found.interpreter.filename().string());
    if (found.python_version.empty()) {
      return core::Error{
          fmt::format("{}: cannot tell the Python version of this PyPy from its name; expected an "
                      "executable named like pypy3.9",
                      found.interpreter.string())};
    }
    const std::string library_name = fmt::format("libpypy{}-c.so", found.python_version);
    const std::filesystem::path bin = found.interpreter.parent_path();
    for (const auto& dir :
         {bin, bin.parent_path() / "lib", bin.parent_path() / "lib" / "x86_64-linux-gnu",
          std::filesystem::path("/usr/lib/x86_64-linux-gnu"), std::filesystem::path("/usr/lib")}) {
      if (std::filesystem::exists(dir / library_name, ec)) {
        found.library = dir / library_name;
        break;
      }
    }
    if (found.library.empty()) {
      return core::Error{
          fmt::format("{}: no {} found beside it, in ../lib or /usr/lib/x86_64-linux-gnu; expected the "
                      "C-API library of this PyPy",
                      found.interpreter.string(), library_name)};
    }
  }
  const std::filesystem::path prefix = found.library.parent_path().parent_path();
  const std::string include_name = fmt::format("pypy{}", found.python_version);
  for (const auto& dir : {found.interpreter.parent_path().parent_path() / "include" / include_name,
                          found.interpreter.parent_path() / "include", prefix / "include" / include_name,
                          std::filesystem::path("/usr/include") / include_name}) {
    if (!dir.empty() && std::filesystem::exists(dir / "pypy_decl.h", ec)) {
      found.include_dir = dir;
      break;
    }
  }
  return found;
}

bool PyPyCapi::provides(std::string_view name) const {
  std::string key(name);
  return linkable.count(key) > 0 || compile_time.count(key) > 0;
}

core::Result<PyPyCapi> load_pypy_capi(const PyPyInstallation& installation) {
  PyPyCapi capi;
  capi.installation = installation;
  auto symbols = read_elf_symbols(installation.library);
  if (!symbols) return symbols.error();
  capi.exported_symbols = symbols->defined.size();
  capi.exported.insert(symbols->defined.begin(), symbols->defined.end());
  const auto& exported = capi.exported;
  for (const std::string& name : symbols->defined)
    capi.linkable.insert(cpython_spelling(name));
  if (installation.include_dir.empty()) return capi;

  std::vector<std::pair<std::string, std::string>> defines;
  std::vector<std::string> inline_functions;
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(installation.include_dir, ec)) {
    if (entry.path().extension() != ".h") continue;
    auto text = core::read_file(entry.path());
    if (text) scan_header(*text, defines, inline_functions);
  }
  for (const auto& [name, target] : defines) {
    // `#define PyList_New PyPyList_New` renames; the rename only helps when the target is exported.
    if (starts_with(target, "PyPy") || starts_with(target, "_PyPy")) {
      if (exported.count(target)) {
        capi.linkable.insert(name);
      } else {
        capi.renamed_to_missing[name] = target;
      }
      continue;
    }
    capi.compile_time.insert(name);
  }
  for (const std::string& name : inline_functions)
    capi.compile_time.insert(name);
  for (const auto& [name, target] : capi.renamed_to_missing)
    capi.compile_time.erase(name);
  return capi;
}

}  // namespace pypyready::deps
