#include "python/ast_dump.h"

#include <fmt/format.h>

#include <vector>

#include "python/literal_repr.h"

namespace pypyready::python {
namespace {

/// One pending piece of output: literal text, or a node still to be expanded.
struct Task {
  std::string text;
  const Node* node = nullptr;
  bool expand = false;
  bool inside_fstring = false;
};

std::string constant_repr(const ConstantValue& value) {
  switch (value.kind) {
    case ConstantKind::kNone:
      return "None";
    case ConstantKind::kTrue:
      return "True";
    case ConstantKind::kFalse:
      return "False";
    case ConstantKind::kEllipsis:
      return "Ellipsis";
    case ConstantKind::kInt:
      return std::string(value.text);
    case ConstantKind::kFloat:
      return repr_float(value.real);
    case ConstantKind::kComplex:
      return repr_complex(0.0, value.imag);
    case ConstantKind::kStr:
      return repr_str(value.text);
    case ConstantKind::kBytes:
      return repr_bytes(value.text);
  }
  return "None";
}

class Dumper {
 public:
  explicit Dumper(const DumpOptions& options)
      : options_(options), new_fields_(options.minor >= 12), modern_(options.minor >= 13) {}

  std::string run(const Node& root) {
    stack_.push_back(Task{{}, &root, true, false});
    while (!stack_.empty()) {
      Task task = std::move(stack_.back());
      stack_.pop_back();
      if (task.expand) {
        expand(*task.node, task.inside_fstring);
      } else {
        out_ += task.text;
      }
    }
    return std::move(out_);
  }

 private:
  void text(std::string piece) { pending_.push_back(Task{std::move(piece), nullptr, false, false}); }
  void child(const Node* node, bool inside) {
    if (node == nullptr) {
      text("None");
    } else {
      pending_.push_back(Task{{}, node, true, inside});
    }
  }

  // Lays out one node's pieces in order, then stacks them in reverse for the main loop.
  void expand(const Node& node, bool inside_fstring) {
    const NodeInfo& info = node_info(node.kind);
    bool children_inside =
        inside_fstring || (options_.mask_fstring_positions && node.kind == NodeKind::kJoinedStr);
    bool special = node.kind == NodeKind::kConstant || node.kind == NodeKind::kMatchSingleton;
    pending_.clear();
    text(std::string(info.name) + "(");
    bool first = true;
    auto separator = [&] {
      if (!first) text(", ");
      first = false;
    };
    for (int i = 0; i < info.field_count; ++i) {
      const FieldInfo& field = info.fields[i];
      if (!new_fields_ && !field.in_311) continue;
      const Slot& slot = node.slot(i);
      switch (field.shape) {
        case FieldShape::kNode:
        case FieldShape::kOptNode:
          if (slot.node == nullptr && (field.shape == FieldShape::kOptNode || modern_)) continue;
          separator();
          text(std::string(field.name) + "=");
          child(slot.node, children_inside);
          break;
        case FieldShape::kList:
          if (modern_ && slot.list.size == 0 && !special) continue;
          separator();
          text(std::string(field.name) + "=[");
          for (std::uint32_t k = 0; k < slot.list.size; ++k) {
            if (k > 0) text(", ");
            child(slot.list.items[k], children_inside);
          }
          text("]");
          break;
        case FieldShape::kIdent:
        case FieldShape::kOptIdent:
          if (slot.ident.is_none()) {
            if (field.shape == FieldShape::kOptIdent || modern_) continue;
            separator();
            text(std::string(field.name) + "=None");
            break;
          }
          separator();
          text(std::string(field.name) + "=" + repr_str(slot.ident.view()));
          break;
        case FieldShape::kIdentList: {
          if (modern_ && slot.idents.size == 0) continue;
          separator();
          std::string names = std::string(field.name) + "=[";
          for (std::uint32_t k = 0; k < slot.idents.size; ++k) {
            if (k > 0) names += ", ";
            names += repr_str(slot.idents.items[k].view());
          }
          text(names + "]");
          break;
        }
        case FieldShape::kInt:
          separator();
          text(fmt::format("{}={}", field.name, slot.integer));
          break;
        case FieldShape::kConstant:
          separator();
          text(std::string(field.name) + "=" + constant_repr(*slot.constant));
          break;
      }
    }
    if (options_.include_attributes && info.has_positions) {
      bool mask = inside_fstring;
      separator();
      text(fmt::format("lineno={}, col_offset={}, end_lineno={}, end_col_offset={}", mask ? 0 : node.lineno,
                       mask ? 0 : node.col_offset, mask ? 0 : node.end_lineno,
                       mask ? 0 : node.end_col_offset));
    }
    text(")");
    for (auto it = pending_.rbegin(); it != pending_.rend(); ++it)
      stack_.push_back(std::move(*it));
    pending_.clear();
  }

  const DumpOptions& options_;
  bool new_fields_;
  bool modern_;
  std::vector<Task> stack_;
  std::vector<Task> pending_;
  std::string out_;
};

}  // namespace

std::string dump_ast(const Node& root, const DumpOptions& options) {
  return Dumper(options).run(root);
}

}  // namespace pypyready::python
