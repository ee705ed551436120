#include "deps/marker.h"

#include <fmt/format.h>

#include <cctype>
#include <variant>

#include "deps/name.h"
#include "deps/specifier.h"

namespace pypyready::deps {

struct Marker::Node {
  enum class Kind { kAnd, kOr, kCompare };
  Kind kind = Kind::kCompare;
  std::shared_ptr<const Node> left, right;
  // For comparisons: each side is a variable name or a literal string.
  std::string lhs, op, rhs;
  bool lhs_is_variable = false, rhs_is_variable = false;
};

namespace {

constexpr std::string_view kVariables[] = {"python_version", "python_full_version", "os_name", "sys_platform",
                                           "platform_release", "platform_system", "platform_version",
                                           "platform_machine", "platform_python_implementation",
                                           "implementation_name", "implementation_version", "extra",
                                           // Legacy dotted spellings still seen in old metadata.
                                           "os.name", "sys.platform", "platform.version", "platform.machine",
                                           "platform.python_implementation", "python_implementation"};

std::string canonical_variable(std::string_view name) {
  if (name == "os.name") return "os_name";
  if (name == "sys.platform") return "sys_platform";
  if (name == "platform.version") return "platform_version";
  if (name == "platform.machine") return "platform_machine";
  if (name == "platform.python_implementation" || name == "python_implementation") {
    return "platform_python_implementation";
  }
  return std::string(name);
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  core::Result<std::shared_ptr<const Marker::Node>> parse() {
    auto node = parse_or();
    if (!node) return node;
    skip_space();
    if (pos_ < text_.size()) return fail("'and', 'or' or the end of the marker");
    return node;
  }

 private:
  using NodeResult = core::Result<std::shared_ptr<const Marker::Node>>;

  core::Error fail(std::string_view expected) const {
    std::string found = pos_ < text_.size() ? fmt::format("'{}'", text_.substr(pos_, 12)) : "the end";
    return core::Error{fmt::format("invalid marker '{}' at character {}: expected {}, found {}", text_,
                                   pos_ + 1, expected, found)};
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])))
      ++pos_;
  }

  bool keyword(std::string_view word) {
    skip_space();
    if (text_.substr(pos_, word.size()) != word) return false;
    std::size_t end = pos_ + word.size();
    if (end < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '_'))
      return false;
    pos_ = end;
    return true;
  }

  NodeResult parse_or() {
    auto left = parse_and();
    if (!left) return left;
    std::shared_ptr<const Marker::Node> node = *left;
    while (keyword("or")) {
      auto right = parse_and();
      if (!right) return right;
      auto joined = std::make_shared<Marker::Node>();
      joined->kind = Marker::Node::Kind::kOr;
      joined->left = node;
      joined->right = *right;
      node = joined;
    }
    return node;
  }

  NodeResult parse_and() {
    auto left = parse_atom();
    if (!left) return left;
    std::shared_ptr<const Marker::Node> node = *left;
    while (keyword("and")) {
      auto right = parse_atom();
      if (!right) return right;
      auto joined = std::make_shared<Marker::Node>();
      joined->kind = Marker::Node::Kind::kAnd;
      joined->left = node;
      joined->right = *right;
      node = joined;
    }
    return node;
  }

  NodeResult parse_atom() {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == '(') {
      ++pos_;
      auto inner = parse_or();
      if (!inner) return inner;
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != ')') return fail("')'");
      ++pos_;
      return inner;
    }
    auto node = std::make_shared<Marker::Node>();
    if (auto status = parse_value(node->lhs, node->lhs_is_variable); !status) return status.error();
    if (auto status = parse_op(node->op); !status) return status.error();
    if (auto status = parse_value(node->rhs, node->rhs_is_variable); !status) return status.error();
    return std::shared_ptr<const Marker::Node>(node);
  }

  core::Status parse_value(std::string& out, bool& is_variable) {
    skip_space();
    if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'')) {
      char quote = text_[pos_];
      std::size_t end = text_.find(quote, pos_ + 1);
      if (end == std::string_view::npos) return fail(fmt::format("a closing {} quote", quote));
      out = std::string(text_.substr(pos_ + 1, end - pos_ - 1));
      pos_ = end + 1;
      is_variable = false;
      return core::ok_status();
    }
    std::size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
                                   text_[pos_] == '_' || text_[pos_] == '.')) {
      ++pos_;
    }
    std::string_view name = text_.substr(start, pos_ - start);
    for (std::string_view known : kVariables) {
      if (name == known) {
        out = canonical_variable(name);
        is_variable = true;
        return core::ok_status();
      }
    }
    pos_ = start;
    return fail(
        "a marker variable (python_version, sys_platform, platform_python_implementation, ...) or a quoted "
        "string");
  }

  core::Status parse_op(std::string& out) {
    skip_space();
    static constexpr std::string_view kOps[] = {"===", "==", "!=", "<=", ">=", "~=", "<", ">"};
    for (std::string_view op : kOps) {
      if (text_.substr(pos_, op.size()) == op) {
        out = std::string(op);
        pos_ += op.size();
        return core::ok_status();
      }
    }
    if (keyword("in")) {
      out = "in";
      return core::ok_status();
    }
    std::size_t mark = pos_;
    if (keyword("not") && keyword("in")) {
      out = "not in";
      return core::ok_status();
    }
    pos_ = mark;
    return fail("a comparison operator (==, !=, <, <=, >, >=, ~=, ===, in, not in)");
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

bool compare(const Marker::Node& node, const MarkerEnvironment& env, const std::set<std::string>& extras) {
  bool is_extra =
      (node.lhs_is_variable && node.lhs == "extra") || (node.rhs_is_variable && node.rhs == "extra");
  if (is_extra) {
    const std::string& literal = node.lhs_is_variable ? node.rhs : node.lhs;
    bool present = extras.count(normalize_name(literal)) > 0;
    if (node.op == "==" || node.op == "===") return present;
    if (node.op == "!=") return !present;
    return false;
  }
  auto value = [&](const std::string& side, bool variable) -> std::string {
    if (!variable) return side;
    auto it = env.values.find(side);
    return it == env.values.end() ? std::string() : it->second;
  };
  std::string lhs = value(node.lhs, node.lhs_is_variable);
  std::string rhs = value(node.rhs, node.rhs_is_variable);
  if (node.op == "in") return rhs.find(lhs) != std::string::npos;
  if (node.op == "not in") return rhs.find(lhs) == std::string::npos;
  // PEP 508: use PEP 440 comparison when the right side is a valid specifier for the left.
  if (auto spec = Specifier::parse(node.op + rhs); spec && node.op != "===") {
    if (auto version = Version::parse(lhs)) return spec->contains(*version);
  }
  if (node.op == "==" || node.op == "===") return lhs == rhs;
  if (node.op == "!=") return lhs != rhs;
  if (node.op == "<") return lhs < rhs;
  if (node.op == "<=") return lhs <= rhs;
  if (node.op == ">") return lhs > rhs;
  if (node.op == ">=") return lhs >= rhs;
  return false;
}

bool evaluate_node(const Marker::Node& node, const MarkerEnvironment& env,
                   const std::set<std::string>& extras) {
  switch (node.kind) {
    case Marker::Node::Kind::kAnd:
      return evaluate_node(*node.left, env, extras) && evaluate_node(*node.right, env, extras);
    case Marker::Node::Kind::kOr:
      return evaluate_node(*node.left, env, extras) || evaluate_node(*node.right, env, extras);
    case Marker::Node::Kind::kCompare:
      return compare(node, env, extras);
  }
  return false;
}

void collect_extras(const Marker::Node& node, std::vector<std::string>& out) {
  if (node.kind != Marker::Node::Kind::kCompare) {
    collect_extras(*node.left, out);
    collect_extras(*node.right, out);
    return;
  }
  if (node.lhs_is_variable && node.lhs == "extra" && !node.rhs_is_variable)
    out.push_back(normalize_name(node.rhs));
  if (node.rhs_is_variable && node.rhs == "extra" && !node.lhs_is_variable)
    out.push_back(normalize_name(node.lhs));
}

MarkerEnvironment linux_x86_64(std::string_view python_version) {
  MarkerEnvironment env;
  env.values = {{"os_name", "posix"},
                {"sys_platform", "linux"},
                {"platform_system", "Linux"},
                {"platform_machine", "x86_64"},
                {"platform_release", ""},
                {"platform_version", ""},
                {"python_version", std::string(python_version)}};
  return env;
}

}  // namespace

MarkerEnvironment MarkerEnvironment::pypy(std::string_view python_version) {
  MarkerEnvironment env = linux_x86_64(python_version);
  // The micro levels of the PyPy 7.3.x releases that speak each language level.
  std::string full = python_version == "3.9"    ? "3.9.16"
                     : python_version == "3.10" ? "3.10.14"
                                                : std::string(python_version) + ".0";
  env.values["python_full_version"] = full;
  env.values["platform_python_implementation"] = "PyPy";
  env.values["implementation_name"] = "pypy";
  env.values["implementation_version"] = "7.3.11";
  return env;
}

MarkerEnvironment MarkerEnvironment::cpython(std::string_view python_version) {
  MarkerEnvironment env = linux_x86_64(python_version);
  env.values["python_full_version"] = std::string(python_version) + ".0";
  env.values["platform_python_implementation"] = "CPython";
  env.values["implementation_name"] = "cpython";
  env.values["implementation_version"] = env.values["python_full_version"];
  return env;
}

core::Result<Marker> Marker::parse(std::string_view text) {
  Parser parser(text);
  auto root = parser.parse();
  if (!root) return root.error();
  Marker marker;
  marker.root_ = *root;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  marker.text_ = std::string(text);
  return marker;
}

bool Marker::evaluate(const MarkerEnvironment& env, const std::set<std::string>& extras) const {
  return root_ ? evaluate_node(*root_, env, extras) : true;
}

bool Marker::mentions_extra() const {
  return !extras_named().empty();
}

std::vector<std::string> Marker::extras_named() const {
  std::vector<std::string> out;
  if (root_) collect_extras(*root_, out);
  return out;
}

}  // namespace pypyready::deps
