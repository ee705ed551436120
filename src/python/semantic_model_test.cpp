#include "python/semantic_model.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "python/ast_fields.h"
#include "python/parser.h"

namespace pypyready::python {
namespace {

// Qualified names of every call's callee in `source`, keyed by "line:column" of the call.
std::map<std::string, std::string> callee_names(std::string_view source, ModuleContext context = {}) {
  ParsedFile parsed = parse_text(source);
  EXPECT_FALSE(parsed.error.has_value()) << parsed.error->message << " at line " << parsed.error->line;
  std::map<std::string, std::string> names;
  if (parsed.module == nullptr) return names;
  SemanticModel model(*parsed.module, std::move(context));
  model.walk([&](const Node& node, const Scope& scope) {
    if (node.kind != NodeKind::kCall) return;
    const Node& callee = *child_at(node, field_slot(NodeKind::kCall, "func"));
    names[std::to_string(node.lineno) + ":" + std::to_string(node.col_offset)] =
        model.qualified_name(callee, scope);
  });
  return names;
}

TEST(SemanticModel, ResolvesImportAliases) {
  auto names = callee_names(
      "from sys import _getframe as gf\n"
      "import os.path as p\n"
      "import os.path\n"
      "import gc, collections.abc\n"
      "gf()\n"
      "p.join('a')\n"
      "os.path.exists('x')\n"
      "gc.collect()\n"
      "collections.abc.Mapping()\n");
  EXPECT_EQ(names["5:0"], "sys._getframe");
  EXPECT_EQ(names["6:0"], "os.path.join");
  EXPECT_EQ(names["7:0"], "os.path.exists");
  EXPECT_EQ(names["8:0"], "gc.collect");
  EXPECT_EQ(names["9:0"], "collections.abc.Mapping");
}

TEST(SemanticModel, BuiltinsUnlessShadowed) {
  auto names = callee_names(
      "open('a')\n"
      "def f(open):\n"
      "    open('b')\n"
      "def g():\n"
      "    open('c')\n"
      "len([])\n"
      "undefined_thing()\n");
  EXPECT_EQ(names["1:0"], "builtins.open");
  EXPECT_EQ(names["3:4"], "");  // a parameter shadows the builtin
  EXPECT_EQ(names["5:4"], "builtins.open");
  EXPECT_EQ(names["6:0"], "builtins.len");
  EXPECT_EQ(names["7:0"], "");
}

TEST(SemanticModel, RebindingChangesMeaningInOrder) {
  auto names = callee_names(
      "import io\n"
      "io.open('a')\n"
      "io = None\n"
      "io.open('b')\n");
  EXPECT_EQ(names["2:0"], "io.open");
  EXPECT_EQ(names["4:0"], "");
}

TEST(SemanticModel, FollowsSimpleAliasAssignments) {
  auto names = callee_names(
      "import sys\n"
      "getframe = sys._getframe\n"
      "def f():\n"
      "    getframe(1)\n");
  EXPECT_EQ(names["4:4"], "sys._getframe");
}

TEST(SemanticModel, ClassBodiesAreInvisibleToMethods) {
  auto names = callee_names(
      "import gc\n"
      "class C:\n"
      "    gc = None\n"
      "    def m(self):\n"
      "        gc.collect()\n"
      "    gc.collect()\n");
  EXPECT_EQ(names["5:8"], "gc.collect");  // the method sees the module's gc
  EXPECT_EQ(names["6:4"], "");            // the class body sees its own gc = None
}

TEST(SemanticModel, GlobalAndNonlocalDeclarations) {
  auto names = callee_names(
      "def setup():\n"
      "    global sysmod\n"
      "    import sys as sysmod\n"
      "def use():\n"
      "    sysmod.exit(0)\n"
      "def outer():\n"
      "    import os as o\n"
      "    def inner():\n"
      "        nonlocal o\n"
      "        o.getcwd()\n");
  EXPECT_EQ(names["5:4"], "sys.exit");
  EXPECT_EQ(names["10:8"], "os.getcwd");
}

TEST(SemanticModel, ComprehensionScopes) {
  auto names = callee_names(
      "import json\n"
      "rows = [json.dumps(x) for json in range(3)]\n"
      "other = [json.dumps(x) for x in range(3)]\n");
  EXPECT_EQ(names["2:8"], "");  // the comprehension's own `json` variable
  EXPECT_EQ(names["3:9"], "json.dumps");
}

TEST(SemanticModel, ImportFallbackPatternResolvesToTheImport) {
  auto names = callee_names(
      "try:\n"
      "    import simplejson as json\n"
      "except ImportError:\n"
      "    json = None\n"
      "def dump(x):\n"
      "    return json.dumps(x)\n");
  EXPECT_EQ(names["6:11"], "simplejson.dumps");
}

TEST(SemanticModel, RelativeImportsUseTheModuleContext) {
  auto names = callee_names(
      "from . import helpers\n"
      "from ..core import run\n"
      "helpers.go()\n"
      "run()\n",
      ModuleContext{"pkg.sub.mod", false});
  EXPECT_EQ(names["3:0"], "pkg.sub.helpers.go");
  EXPECT_EQ(names["4:0"], "pkg.core.run");

  auto in_package = callee_names("from .util import f\nf()\n", ModuleContext{"pkg", true});
  EXPECT_EQ(in_package["2:0"], "pkg.util.f");

  auto unknown = callee_names("from .util import f\nf()\n");
  EXPECT_EQ(unknown["2:0"], ".util.f");
}

TEST(SemanticModel, DefaultsAndDecoratorsAreEvaluatedOutside) {
  ParsedFile parsed = parse_text(
      "import functools\n"
      "def f(cache=functools.lru_cache, *, functools=None):\n"
      "    pass\n");
  ASSERT_NE(parsed.module, nullptr);
  SemanticModel model(*parsed.module);
  int resolved = 0;
  model.walk([&](const Node& node, const Scope& scope) {
    if (node.kind == NodeKind::kAttribute) {
      EXPECT_EQ(scope.kind, ScopeKind::kModule);
      EXPECT_EQ(model.qualified_name(node, scope), "functools.lru_cache");
      ++resolved;
    }
  });
  EXPECT_EQ(resolved, 1);
}

TEST(SemanticModel, ListsBindingKinds) {
  ParsedFile parsed = parse_text(
      "import a\n"
      "def f(p):\n"
      "    x: int\n"
      "    y = 1\n"
      "    del y\n"
      "    try:\n"
      "        pass\n"
      "    except E as error:\n"
      "        pass\n"
      "    match p:\n"
      "        case [first, *rest]:\n"
      "            pass\n"
      "    return [z := 2 for _ in ()]\n");
  ASSERT_NE(parsed.module, nullptr);
  SemanticModel model(*parsed.module);
  const Scope& module = model.module_scope();
  ASSERT_EQ(module.bindings.size(), 2u);
  EXPECT_EQ(module.bindings[0].kind, BindingKind::kImport);
  EXPECT_EQ(module.bindings[1].kind, BindingKind::kFunction);

  const Node* function = children_at(*parsed.module, field_slot(NodeKind::kModule, "body")).items[1];
  const Scope* scope = model.scope_opened_by(*function);
  ASSERT_NE(scope, nullptr);
  std::map<std::string, BindingKind> kinds;
  for (const Binding& binding : scope->bindings)
    kinds[std::string(binding.name)] = binding.kind;
  EXPECT_EQ(kinds["p"], BindingKind::kParameter);
  EXPECT_EQ(kinds["x"], BindingKind::kAnnotation);
  EXPECT_EQ(kinds["y"], BindingKind::kDeletion);  // the last binding of y
  EXPECT_EQ(kinds["error"], BindingKind::kExceptHandler);
  EXPECT_EQ(kinds["first"], BindingKind::kAssignment);
  EXPECT_EQ(kinds["rest"], BindingKind::kAssignment);
  EXPECT_EQ(kinds["z"], BindingKind::kAssignment);  // := binds in the function, not the comprehension
  EXPECT_EQ(kinds.count("_"), 0u);
}

// The fast paths against slow ones: parents and opened scopes against a scan of the walk.
TEST(SemanticModel, ParentsAndOpenedScopesMatchTheWalk) {
  ParsedFile parsed = parse_text(
      "import os\n"
      "class C(Base):\n"
      "    def f(self, x=[i for i in range(3)]):\n"
      "        g = lambda y: y + x\n"
      "        return {k: v for k, v in os.environ.items()}\n");
  ASSERT_NE(parsed.module, nullptr);
  SemanticModel model(*parsed.module);
  std::map<const Node*, const Node*> first_parent;
  for (const SemanticModel::Visit& visit : model.walk_order())
    first_parent.emplace(visit.node, visit.parent);
  int scopes = 0;
  for (const auto& [node, parent] : first_parent) {
    EXPECT_EQ(model.parent_of(*node), parent);
    const Scope* scope = model.scope_opened_by(*node);
    const bool opens = node->kind == NodeKind::kModule || node->kind == NodeKind::kClassDef ||
                       node->kind == NodeKind::kFunctionDef || node->kind == NodeKind::kLambda ||
                       node->kind == NodeKind::kListComp || node->kind == NodeKind::kDictComp;
    EXPECT_EQ(scope != nullptr, opens) << static_cast<int>(node->kind);
    if (scope != nullptr) {
      EXPECT_EQ(scope->node, node);
      ++scopes;
    }
  }
  EXPECT_EQ(scopes, 6);
  EXPECT_EQ(model.parent_of(*parsed.module), nullptr);

  // A node of another tree is nobody's child here, whatever its number says.
  ParsedFile other = parse_text("import os\n");
  ASSERT_NE(other.module, nullptr);
  SemanticModel other_model(*other.module);
  const Node* alias = model.walk_order()[2].node;
  const Node* foreign = other_model.walk_order()[2].node;
  EXPECT_EQ(foreign->number, alias->number);
  EXPECT_EQ(model.parent_of(*foreign), nullptr);
  EXPECT_EQ(model.scope_opened_by(*other.module), nullptr);
}

// BindingIndex against a scan of each scope's bindings, with names that share their end words
// or their length, short and long, and a name bound in more scopes than the linear search takes.
TEST(SemanticModel, BindingsOfMatchesAScanOfTheScope) {
  std::string source =
      "a = ab = abc = abcd = abcde = abcdefgh = abcdefghi = 1\n"
      "name_one_xx_tail = name_two_xx_tail = 2\n"              // 16 bytes, same ends but the middle
      "a_long_name_alpha_ends = a_long_name_omega_ends = 3\n"  // > 16 bytes, same ends
      "axc = ayc = 4\n"                                        // three bytes, differing in the middle
      "class K:\n";
  for (int index = 0; index < 20; ++index)
    source += "    def m" + std::to_string(index) + "(self, a, ab):\n        self = a = 1\n";
  ParsedFile parsed = parse_text(source);
  ASSERT_NE(parsed.module, nullptr);
  SemanticModel model(*parsed.module);
  std::vector<const Scope*> scopes;
  model.walk([&](const Node& node, const Scope&) {
    if (const Scope* scope = model.scope_opened_by(node)) scopes.push_back(scope);
  });
  ASSERT_EQ(scopes.size(), 22u);
  std::vector<std::string> names = {"a",
                                    "ab",
                                    "abc",
                                    "abcd",
                                    "abcde",
                                    "abcdefgh",
                                    "abcdefghi",
                                    "name_one_xx_tail",
                                    "name_two_xx_tail",
                                    "name_thr_xx_tail",
                                    "a_long_name_alpha_ends",
                                    "a_long_name_omega_ends",
                                    "a_long_name_gamma_ends",
                                    "axc",
                                    "ayc",
                                    "azc",
                                    "self",
                                    "K",
                                    "m7",
                                    "missing",
                                    "abcdefg"};
  for (const Scope* scope : scopes) {
    for (const std::string& name : names) {
      std::vector<std::uint32_t> expected;
      for (std::uint32_t index = 0; index < scope->bindings.size(); ++index) {
        if (scope->bindings[index].name == name) expected.push_back(index);
        EXPECT_EQ(scope->bindings[index].scope, scope);
      }
      auto found = scope->bindings_of(name);
      EXPECT_EQ(std::vector<std::uint32_t>(found.begin(), found.end()), expected) << name;
    }
  }
  EXPECT_EQ(model.module_scope().bindings_of("self").size(), 0u);
  EXPECT_EQ(scopes.back()->bindings_of("self").size(), 2u);  // the parameter, then the assignment
}

TEST(SemanticModel, DeepNestingDoesNotOverflowTheStack) {
  std::string source = "x = 0";
  for (int index = 0; index < 50000; ++index)
    source += " + x";
  source += "\n";
  ParsedFile parsed = parse_text(source);
  ASSERT_NE(parsed.module, nullptr);
  SemanticModel model(*parsed.module);
  int names = 0;
  model.walk([&](const Node& node, const Scope&) { names += node.kind == NodeKind::kName; });
  EXPECT_EQ(names, 50001);
}

}  // namespace
}  // namespace pypyready::python
