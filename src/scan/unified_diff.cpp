#include "scan/unified_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace pypyready::scan {
namespace {

// Lines with their terminating '\n' (the last may lack it), so "a" and "a\n" differ.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::size_t length = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, length));
    text.remove_prefix(length);
  }
  return lines;
}

enum class OpKind : std::uint8_t { kEqual, kDelete, kInsert };

struct Op {
  OpKind kind;
  std::uint32_t before;  ///< index of the line in `before` (kEqual, kDelete)
  std::uint32_t after;   ///< index of the line in `after` (kEqual, kInsert)
};

// Above this many differences the minimal script's bookkeeping (quadratic in it) is not worth
// it; replacing the whole differing middle is still a correct diff.
constexpr std::int64_t kMaxEditDistance = 4096;

// Myers' greedy algorithm over a[0..n) and b[0..m), appending the script to `ops` (forward order).
void myers(const std::string_view* a, std::int64_t n, const std::string_view* b, std::int64_t m,
           std::uint32_t a_base, std::uint32_t b_base, std::vector<Op>& ops) {
  const std::int64_t max = std::min(n + m, kMaxEditDistance);
  const std::int64_t offset = max + 1;
  std::vector<std::int64_t> v(static_cast<std::size_t>(2 * max + 3), 0);
  // trace[d] keeps v[-d-1 .. d+1] as it was before step d, for walking back.
  std::vector<std::vector<std::int64_t>> trace;
  std::int64_t found = -1;
  for (std::int64_t d = 0; d <= max && found < 0; ++d) {
    trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
    for (std::int64_t k = -d; k <= d; k += 2) {
      std::int64_t x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                                      : v[offset + k - 1] + 1;
      std::int64_t y = x - k;
      while (x < n && y < m && a[x] == b[y]) {
        ++x;
        ++y;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  std::vector<Op> reversed;
  if (found < 0) {
    for (std::int64_t y = m; y-- > 0;)
      reversed.push_back({OpKind::kInsert, 0, static_cast<std::uint32_t>(b_base + y)});
    for (std::int64_t x = n; x-- > 0;)
      reversed.push_back({OpKind::kDelete, static_cast<std::uint32_t>(a_base + x), 0});
  } else {
    std::int64_t x = n, y = m;
    for (std::int64_t d = found; d >= 0; --d) {
      const std::vector<std::int64_t>& before = trace[static_cast<std::size_t>(d)];
      auto at = [&](std::int64_t k) { return before[static_cast<std::size_t>(k + d + 1)]; };
      std::int64_t k = x - y;
      std::int64_t previous_x = 0, previous_y = 0;
      if (d > 0) {
        std::int64_t previous_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
        previous_x = at(previous_k);
        previous_y = previous_x - previous_k;
      }
      while (x > previous_x && y > previous_y) {
        --x;
        --y;
        reversed.push_back(
            {OpKind::kEqual, static_cast<std::uint32_t>(a_base + x), static_cast<std::uint32_t>(b_base + y)});
      }
      if (d == 0) break;
      if (x == previous_x) {
        --y;
        reversed.push_back({OpKind::kInsert, 0, static_cast<std::uint32_t>(b_base + y)});
      } else {
        --x;
        reversed.push_back({OpKind::kDelete, static_cast<std::uint32_t>(a_base + x), 0});
      }
    }
  }
  ops.insert(ops.end(), reversed.rbegin(), reversed.rend());
}

// GNU diff's range: "start,count", "start" alone when count is 1, and for an empty range the
// line before it.
std::string hunk_range(std::size_t start, std::size_t count) {
  if (count == 1) return fmt::format("{}", start + 1);
  if (count == 0) return fmt::format("{},0", start);
  return fmt::format("{},{}", start + 1, count);
}

void append_line(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view label,
                         int context) {
  if (before == after) return {};
  std::vector<std::string_view> a = split_lines(before);
  std::vector<std::string_view> b = split_lines(after);

  // Common head and tail are equal lines; only the middle needs the search.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head])
    ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;

  std::vector<Op> ops;
  ops.reserve(a.size() + b.size());
  for (std::size_t index = 0; index < head; ++index)
    ops.push_back({OpKind::kEqual, static_cast<std::uint32_t>(index), static_cast<std::uint32_t>(index)});
  myers(a.data() + head, static_cast<std::int64_t>(a.size() - head - tail), b.data() + head,
        static_cast<std::int64_t>(b.size() - head - tail), static_cast<std::uint32_t>(head),
        static_cast<std::uint32_t>(head), ops);
  for (std::size_t index = 0; index < tail; ++index) {
    ops.push_back({OpKind::kEqual, static_cast<std::uint32_t>(a.size() - tail + index),
                   static_cast<std::uint32_t>(b.size() - tail + index)});
  }

  // Lines of `before` and `after` consumed before each op, to number the hunks.
  std::vector<std::size_t> a_line(ops.size() + 1), b_line(ops.size() + 1);
  for (std::size_t index = 0; index < ops.size(); ++index) {
    a_line[index + 1] = a_line[index] + (ops[index].kind != OpKind::kInsert ? 1 : 0);
    b_line[index + 1] = b_line[index] + (ops[index].kind != OpKind::kDelete ? 1 : 0);
  }

  std::string out = fmt::format("--- {}\n+++ {}\n", label, label);
  const auto span = static_cast<std::size_t>(std::max(context, 0));
  std::size_t index = 0;
  while (index < ops.size()) {
    if (ops[index].kind == OpKind::kEqual) {
      ++index;
      continue;
    }
    // A hunk runs from `span` lines before its first change to `span` lines after its last,
    // taking in later changes whose gap is at most 2 * span unchanged lines.
    std::size_t first = index >= span ? index - span : 0;
    std::size_t last_change = index;
    std::size_t scan = index + 1;
    while (scan < ops.size()) {
      if (ops[scan].kind != OpKind::kEqual) {
        last_change = scan;
      } else if (scan - last_change > 2 * span) {
        break;
      }
      ++scan;
    }
    std::size_t end = std::min(ops.size(), last_change + span + 1);
    out += fmt::format("@@ -{} +{} @@\n", hunk_range(a_line[first], a_line[end] - a_line[first]),
                       hunk_range(b_line[first], b_line[end] - b_line[first]));
    for (std::size_t op = first; op < end; ++op) {
      switch (ops[op].kind) {
        case OpKind::kEqual:
          append_line(out, ' ', a[ops[op].before]);
          break;
        case OpKind::kDelete:
          append_line(out, '-', a[ops[op].before]);
          break;
        case OpKind::kInsert:
          append_line(out, '+', b[ops[op].after]);
          break;
      }
    }
    index = end;
  }
  return out;
}

}  // namespace pypyready::scan
