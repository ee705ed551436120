#include "deps/declaration.h"

#include <fmt/format.h>

#include "deps/name.h"

namespace pypyready::deps {

void Declarations::add_error(const std::string& file, int line, const std::string& message) {
  errors.push_back(core::Error{line > 0 ? fmt::format("{}:{}: {}", file, line, message)
                                        : fmt::format("{}: {}", file, message)});
}

void Declarations::append(Declarations other) {
  for (auto& item : other.items)
    items.push_back(std::move(item));
  for (auto& error : other.errors)
    errors.push_back(std::move(error));
  for (auto& file : other.files)
    files.push_back(std::move(file));
  for (auto& option : other.options)
    options.push_back(std::move(option));
}

void add_pep508(Declarations& out, const std::string& text, const std::string& file, int line,
                const std::string& group) {
  auto req = Requirement::parse(text);
  if (!req) {
    out.add_error(file, line, req.error().message);
    return;
  }
  Declared item;
  item.key = req->key;
  item.raw = text;
  item.file = file;
  item.line = line;
  item.group = group;
  item.requirement = std::move(*req);
  out.items.push_back(std::move(item));
}

}  // namespace pypyready::deps
