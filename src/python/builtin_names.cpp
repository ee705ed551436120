#include <algorithm>
#include <array>
#include <string_view>

#include "python/semantic_model.h"

namespace pypyready::python {
namespace {

// The names in CPython 3.13's builtins module (sorted), constants and exceptions included.
constexpr std::array<std::string_view, 158> kBuiltinNames = {
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BaseExceptionGroup",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EOFError",
    "Ellipsis",
    "EncodingWarning",
    "EnvironmentError",
    "Exception",
    "ExceptionGroup",
    "False",
    "FileExistsError",
    "FileNotFoundError",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "IOError",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "None",
    "NotADirectoryError",
    "NotImplemented",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "PythonFinalizationError",
    "RecursionError",
    "ReferenceError",
    "ResourceWarning",
    "RuntimeError",
    "RuntimeWarning",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "True",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
    "__build_class__",
    "__debug__",
    "__doc__",
    "__import__",
    "__loader__",
    "__name__",
    "__package__",
    "__spec__",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "copyright",
    "credits",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "license",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
};

// Asked for every unbound name a rule resolves: an open-addressing table keyed by the length
// and three bytes costs less than the binary search's eight string comparisons.
constexpr std::size_t kTableSize = 512;  // a power of two, over three times the names

constexpr std::size_t builtin_hash(std::string_view name) {
  std::size_t key = name.size();
  key = key * 131 + static_cast<unsigned char>(name.front());
  key = key * 131 + static_cast<unsigned char>(name.back());
  key = key * 131 + static_cast<unsigned char>(name[name.size() / 2]);
  return (key * 0x9E3779B97F4A7C15ull) >> 40;
}

constexpr std::array<std::string_view, kTableSize> kBuiltinTable = [] {
  std::array<std::string_view, kTableSize> table{};
  for (std::string_view name : kBuiltinNames) {
    std::size_t slot = builtin_hash(name) & (kTableSize - 1);
    while (!table[slot].empty())
      slot = (slot + 1) & (kTableSize - 1);
    table[slot] = name;
  }
  return table;
}();

}  // namespace

bool is_builtin_name(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t slot = builtin_hash(name) & (kTableSize - 1); !kBuiltinTable[slot].empty();
       slot = (slot + 1) & (kTableSize - 1)) {
    if (kBuiltinTable[slot] == name) return true;
  }
  return false;
}

}  // namespace pypyready::python
