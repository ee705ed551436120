#include "scan/rules/open_calls.h"

#include <fmt/format.h>

namespace pypyready::scan::rules {

Opener opener_of(const Node& node, RuleContext& context) {
  if (node.kind != NodeKind::kCall) return Opener::kNone;
  const Node& callee = call_func(node);
  std::string_view last = callee.kind == NodeKind::kName ? name_id(callee) : attribute_name(callee);
  // A bare name may be an alias (`from gzip import open as gzopen`): resolve it whatever it is called.
  if (last != "open" && last != "fdopen" && last != "urlopen" && callee.kind != NodeKind::kName)
    return Opener::kNone;
  std::string_view name = context.callee_name_view(node);
  if (name == "builtins.open" || name == "io.open") return Opener::kBuiltinOpen;
  if (name == "codecs.open" || name == "gzip.open" || name == "bz2.open" || name == "lzma.open" ||
      name == "os.fdopen") {
    return Opener::kOtherOpen;
  }
  if (name == "urllib.request.urlopen") return Opener::kUrlopen;
  // Path(...).open(): the receiver is a call of pathlib.Path or PurePath-like constructors.
  if (last == "open" && callee.kind == NodeKind::kAttribute) {
    const Node& receiver = *python::child_at(callee, field_slot(NodeKind::kAttribute, "value"));
    if (receiver.kind == NodeKind::kCall) {
      std::string_view constructor = context.callee_name_view(receiver);
      if (constructor == "pathlib.Path" || constructor == "pathlib.PosixPath" ||
          constructor == "pathlib.WindowsPath") {
        return Opener::kOtherOpen;
      }
    }
  }
  return Opener::kNone;
}

std::optional<std::string_view> open_mode(const Node& call) {
  const Node* mode = argument(call, 1, "mode");
  if (mode == nullptr) return std::string_view("r");
  return string_constant(mode);
}

bool open_has_only(const Node& call, std::initializer_list<std::string_view> allowed) {
  python::NodeSpan args = call_args(call);
  if (args.size == 0 || args.size > 2) return false;
  for (const Node* arg : args) {
    if (arg->kind == NodeKind::kStarred) return false;
  }
  for (const Node* keyword : call_keywords(call)) {
    std::string_view name = python::ident_at(*keyword, field_slot(NodeKind::kKeyword, "arg"));
    bool ok = name == "mode" && args.size == 1;
    for (std::string_view entry : allowed)
      ok = ok || name == entry;
    if (!ok) return false;
  }
  return true;
}

Fix pathlib_fix(const Node& replaced, const Node& open_call, std::string_view method, std::string arguments,
                RuleContext& context) {
  const Node& path = *call_args(open_call).items[0];
  std::string path_class;
  // Reuse the module's own spelling when pathlib or Path is already imported.
  for (const python::Binding& binding : context.model().module_scope().bindings) {
    if (binding.kind != python::BindingKind::kImport && binding.kind != python::BindingKind::kFromImport)
      continue;
    if (binding.origin == "pathlib") path_class = std::string(binding.name) + ".Path";
    if (binding.origin == "pathlib.Path" && path_class.empty()) path_class = std::string(binding.name);
  }
  Fix fix;
  if (path_class.empty()) {
    path_class = "pathlib.Path";
    if (std::optional<Edit> edit = module_import_edit(replaced, context, "import pathlib\n"))
      fix.edits.push_back(std::move(*edit));
  }
  std::string replacement =
      fmt::format("{}({}).{}({})", path_class, context.text_of(path), method, arguments);
  fix.description = fmt::format("use `{}`", replacement);
  fix.edits.push_back(Edit{context.begin_of(replaced), context.end_of(replaced), std::move(replacement)});
  std::sort(fix.edits.begin(), fix.edits.end(),
            [](const Edit& a, const Edit& b) { return a.begin.offset < b.begin.offset; });
  return fix;
}

}  // namespace pypyready::scan::rules
