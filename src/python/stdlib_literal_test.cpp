// Every string, bytes and number literal of a few standard-library files, evaluated here and
// by CPython 3.11 (ast.literal_eval): the reprs must be identical. PYPYREADY_FULL_STDLIB=1 in
// the environment extends the comparison to every .py file of the standard library.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "python/literal.h"
#include "python/testing/python_oracle.h"

namespace pypyready::python {
namespace {

using testing::from_hex;
using testing::split_lines;

std::string repr_of_token(std::string_view kind, std::string_view token) {
  if (kind == "number") {
    const core::Result<NumberLiteral> number = evaluate_number_literal(token);
    if (!number) return "error: " + number.error().message;
    if (number->kind == NumberKind::kInt) {
      const core::Result<std::string> text = repr_int(number->decimal);
      return text ? *text : "error: " + text.error().message;
    }
    return number->kind == NumberKind::kFloat ? repr_float(number->value) : repr_complex(0.0, number->value);
  }
  const core::Result<StringLiteral> literal = evaluate_string_literal(token);
  if (!literal) return "error: " + literal.error().message;
  return literal->is_bytes ? repr_bytes(literal->value) : repr_str(literal->value);
}

TEST(StdlibLiteralOracle, ReprsMatchCPython) {
  PYPYREADY_ORACLE_OR_SKIP(output, R"(
import ast, io, os, sysconfig, tokenize, warnings
stdlib = sysconfig.get_paths()['stdlib']
files = ['string.py', 'textwrap.py', 'html/entities.py', 'encodings/cp1252.py', 'encodings/cp437.py',
         'encodings/idna.py', 'pydoc_data/topics.py', 're/_parser.py', 'locale.py', 'email/_header_value_parser.py',
         'test/test_unicode.py', 'test/test_bytes.py', 'test/test_ucn.py', 'test/test_codecs.py',
         'test/test_float.py', 'test/test_long.py', 'test/test_complex.py', 'test/test_string_literals.py']
if os.environ.get('PYPYREADY_FULL_STDLIB'):
    files = sorted(os.path.relpath(os.path.join(root, name), stdlib)
                   for root, _, names in os.walk(stdlib) if 'site-packages' not in root
                   for name in names if name.endswith('.py'))
for rel in files:
    path = os.path.join(stdlib, rel)
    if not os.path.exists(path): continue
    with open(path, 'rb') as f: source = f.read()
    try:
        tokens = list(tokenize.tokenize(io.BytesIO(source).readline))
    except (SyntaxError, tokenize.TokenError):
        continue  # a few test files are deliberately not Python
    for tok in tokens:
        if tok.type == tokenize.STRING:
            quote = min(i for i in (tok.string.find("'"), tok.string.find('"')) if i >= 0)
            if 'f' in tok.string[:quote].lower(): continue
            kind = 'string'
        elif tok.type == tokenize.NUMBER:
            kind = 'number'
        else:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            try:
                text = repr(ast.literal_eval(tok.string))
            except (SyntaxError, ValueError) as e:
                text = 'error: ' + (e.msg if isinstance(e, SyntaxError) else str(e))
        print(kind, tok.string.encode().hex(), text.encode('utf-8', 'surrogatepass').hex(), rel)
)");
  std::size_t literals = 0;
  int mismatches = 0;
  for (const std::string_view line : split_lines(output)) {
    const std::size_t first = line.find(' ');
    const std::size_t second = line.find(' ', first + 1);
    const std::size_t third = line.find(' ', second + 1);
    const std::string token = from_hex(line.substr(first + 1, second - first - 1));
    const std::string expected = from_hex(line.substr(second + 1, third - second - 1));
    ++literals;
    if (mismatches < 20 && repr_of_token(line.substr(0, first), token) != expected) {
      ++mismatches;
      ADD_FAILURE() << line.substr(third + 1) << ": " << token << "\n  expected " << expected
                    << "\n  got      " << repr_of_token(line.substr(0, first), token);
    }
  }
  // string.py alone has well over 100 literals; fewer means the oracle read no file.
  EXPECT_GT(literals, 100u);
  std::printf("compared %zu literals\n", literals);
}

}  // namespace
}  // namespace pypyready::python
