#include "python/semantic_model.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

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
