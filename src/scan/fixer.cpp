#include "scan/fixer.h"

#include <fmt/format.h>

#include <algorithm>

#include "python/source_decoder.h"
#include "scan/fix_apply.h"

namespace pypyready::scan {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// How the file's bytes wrap its decoded text, to write fixed text back the same way.
struct Layout {
  bool byte_order_mark = false;
  bool crlf = false;
  bool ascii_only = false;  ///< a non-UTF-8 codec: only ASCII text round-trips unchanged
};

std::string encode(std::string_view text, const Layout& layout) {
  std::string bytes;
  bytes.reserve(text.size() + (layout.crlf ? text.size() / 16 : 0) + 3);
  if (layout.byte_order_mark) bytes += kByteOrderMark;
  for (char c : text) {
    if (c == '\n' && layout.crlf) bytes += '\r';
    bytes += c;
  }
  return bytes;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

FixedSource fix_source(std::string_view shown, std::string bytes,
                       const std::function<FileResult(std::string_view bytes)>& check) {
  FixedSource out;
  out.result = check(bytes);
  out.bytes = std::move(bytes);
  auto has_safe_fix = [](const Finding& finding) { return finding.fix && finding.fix->safe; };
  if (out.result.syntax_error ||
      std::none_of(out.result.findings.begin(), out.result.findings.end(), has_safe_fix))
    return out;

  python::DecodeResult decoded = python::decode_source(out.bytes);
  if (decoded.error) return out;  // the check would have reported it
  Layout layout;
  layout.byte_order_mark = std::string_view(out.bytes).starts_with(kByteOrderMark);
  layout.crlf = decoded.source.had_crlf;
  layout.ascii_only = decoded.source.encoding != "utf-8";
  // Edits are positions in the decoded text: write back only when decoding is undone exactly.
  if (encode(decoded.source.text, layout) != out.bytes) {
    out.error = fmt::format("{}: fixes not applied: the file mixes line endings or is not UTF-8 ({})", shown,
                            decoded.source.encoding);
    return out;
  }

  std::string text = std::move(decoded.source.text);
  FileResult current = out.result;
  std::size_t fixed = 0;
  for (int pass = 0; pass < kMaxFixPasses; ++pass) {
    FixPass applied = apply_fixes(text, current.findings);
    if (applied.applied.empty()) break;
    if (layout.ascii_only && !is_ascii(applied.text)) {
      out.error = fmt::format("{}: fixes not applied: they add non-ASCII text to a {} file", shown,
                              decoded.source.encoding);
      return out;
    }
    std::string next_bytes = encode(applied.text, layout);
    FileResult next = check(next_bytes);
    if (next.syntax_error) {
      out.error = fmt::format("{}: fixes not applied: the fixed text does not parse ({}:{}: {})", shown,
                              next.syntax_error->line, next.syntax_error->column, next.syntax_error->message);
      return out;
    }
    fixed += applied.applied.size();
    text = std::move(applied.text);
    current = std::move(next);
  }
  if (fixed == 0) return out;
  out.bytes = encode(text, layout);
  out.result = std::move(current);
  out.fixed = fixed;
  return out;
}

}  // namespace pypyready::scan
