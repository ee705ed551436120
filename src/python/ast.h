#pragma once
// The syntax tree of Python source: one node type per class of CPython 3.13's `ast` module,
// with the same fields in the same order and CPython's position numbers. Nodes live in an
// Arena; a node's fields are slots laid out after it, described by node_info(kind).

#include <cstdint>
#include <string_view>

namespace pypyready::python {

/// How a field holds its value.
enum class FieldShape : std::uint8_t {
  kNode,       ///< one child node
  kOptNode,    ///< one child node or nullptr (None)
  kList,       ///< a span of child nodes (entries may be nullptr: Dict keys, kw_defaults)
  kIdent,      ///< a name
  kOptIdent,   ///< a name or None (null data)
  kIdentList,  ///< a span of names (Global.names, MatchClass.kwd_attrs)
  kInt,        ///< an integer (ImportFrom.level, TypeIgnore.lineno, FormattedValue.conversion)
  kConstant,   ///< a literal value (Constant.value, MatchSingleton.value)
};

/// Every node class, in the order of generate_ast_schema.py's table.
enum class NodeKind : std::uint8_t {
#define PYPYREADY_NODE(enum_name, ...) k##enum_name,
#include "python/ast_schema_table.inc"
#undef PYPYREADY_NODE
  kCount,
};

/// A name in the tree (identifiers are NFKC-normalised; null data means None).
struct Ident {
  const char* data = nullptr;
  std::uint32_t size = 0;

  bool is_none() const { return data == nullptr; }
  std::string_view view() const {
    return data == nullptr ? std::string_view{} : std::string_view{data, size};
  }
};

struct Node;

/// A run of child nodes in the arena.
struct NodeSpan {
  Node* const* items;
  std::uint32_t size;

  Node* const* begin() const { return items; }
  Node* const* end() const { return items + size; }
};

/// A run of names in the arena.
struct IdentSpan {
  const Ident* items;
  std::uint32_t size;

  const Ident* begin() const { return items; }
  const Ident* end() const { return items + size; }
};

/// What kind of Python object a literal denotes.
enum class ConstantKind : std::uint8_t {
  kNone,
  kTrue,
  kFalse,
  kEllipsis,
  kInt,
  kFloat,
  kComplex,
  kStr,
  kBytes
};

/// A literal value. kInt: `text` is the exact decimal value; kStr: UTF-8 (WTF-8 for lone
/// surrogates); kBytes: the raw bytes; kFloat: `real`; kComplex: `imag` (real part is 0).
struct ConstantValue {
  ConstantKind kind;
  std::string_view text;
  double real;
  double imag;
};

/// One field's storage; node_info(kind).fields[i].shape says which member is live.
union Slot {
  Node* node;
  NodeSpan list;
  Ident ident;
  IdentSpan idents;
  std::int64_t integer;
  const ConstantValue* constant;
};

/// A node. Positions are CPython's: 1-based lines, 0-based UTF-8 byte columns; nodes without
/// positions in CPython (Module, arguments, comprehension, withitem, match_case, operators,
/// contexts) leave them 0.
struct alignas(8) Node {
  NodeKind kind;
  std::uint32_t lineno;
  std::uint32_t col_offset;
  std::uint32_t end_lineno;
  std::uint32_t end_col_offset;
  /// Free for an analysis of the finished tree to number its nodes (the semantic model stores
  /// each node's place in its walk here, which parent and scope look-ups index by); it fills
  /// what would otherwise be padding.
  mutable std::uint32_t number;

  Slot* slots() { return reinterpret_cast<Slot*>(this + 1); }
  const Slot* slots() const { return reinterpret_cast<const Slot*>(this + 1); }
  const Slot& slot(int index) const { return slots()[index]; }
  Slot& slot(int index) { return slots()[index]; }
};

static_assert(sizeof(Node) == 24, "Node::number must stay in the padding: slots follow the node");

/// The root of a parsed file: a Module node (fields body, type_ignores).
using Module = Node;

/// One field of a node class.
struct FieldInfo {
  const char* name;
  FieldShape shape;
  bool in_311;  ///< whether CPython 3.11 has the field (type_params is new in 3.12)
};

/// A node class: its CPython name, abstract base (stmt, expr, ...), whether it carries
/// positions, whether 3.11 has it, and its fields.
struct NodeInfo {
  std::string_view name;
  std::string_view base;
  bool has_positions;
  bool in_311;
  std::uint8_t field_count;
  FieldInfo fields[8];
};

/// The class description of a kind.
const NodeInfo& node_info(NodeKind kind);

/// node_info(kind).field_count, inline: the parser sizes every node it allocates by it, and an
/// out-of-line lookup there costs a call per node.
inline constexpr std::uint8_t kFieldCounts[] = {
#define PYPYREADY_NODE(enum_name, name, base, positions, in_311, count, ...) count,
#include "python/ast_schema_table.inc"
#undef PYPYREADY_NODE
};

/// The shared, field-less node of an operator or expression context (Load, Add, Not, Eq, ...).
Node* singleton_node(NodeKind kind);

/// Index of a field within its node's slots; -1 when the class has no such field.
int field_index(NodeKind kind, std::string_view field);

}  // namespace pypyready::python
