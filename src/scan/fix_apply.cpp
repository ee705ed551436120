#include "scan/fix_apply.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace pypyready::scan {
namespace {

bool same_edit(const Edit& a, const Edit& b) {
  return a.begin.offset == b.begin.offset && a.end.offset == b.end.offset && a.content == b.content;
}

// Touching counts as overlapping: two insertions at one place, or an insertion at the end of a
// replacement, have no order the fixes agreed on.
bool overlaps(const Edit& a, const Edit& b) {
  return a.begin.offset <= b.end.offset && b.begin.offset <= a.end.offset;
}

std::uint32_t first_offset(const Fix& fix) {
  std::uint32_t first = UINT32_MAX;
  for (const Edit& edit : fix.edits)
    first = std::min(first, edit.begin.offset);
  return first;
}

// Every edit inside the text, and the fix's own edits in order without overlapping (an
// insertion may sit where the next edit begins).
bool well_formed(const Fix& fix, std::size_t size) {
  std::vector<const Edit*> edits;
  for (const Edit& edit : fix.edits) {
    if (edit.begin.offset > edit.end.offset || edit.end.offset > size) return false;
    edits.push_back(&edit);
  }
  std::stable_sort(edits.begin(), edits.end(), [](const Edit* a, const Edit* b) {
    return std::tie(a->begin.offset, a->end.offset) < std::tie(b->begin.offset, b->end.offset);
  });
  for (std::size_t index = 1; index < edits.size(); ++index) {
    if (edits[index]->begin.offset < edits[index - 1]->end.offset) return false;
  }
  return true;
}

}  // namespace

FixPass apply_fixes(std::string_view text, std::span<const Finding> findings) {
  std::vector<std::size_t> order;
  for (std::size_t index = 0; index < findings.size(); ++index) {
    const std::optional<Fix>& fix = findings[index].fix;
    if (!fix || !fix->safe || fix->edits.empty()) continue;
    if (well_formed(*fix, text.size())) order.push_back(index);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return first_offset(*findings[a].fix) < first_offset(*findings[b].fix);
  });

  FixPass pass;
  std::vector<const Edit*> taken;
  for (std::size_t index : order) {
    const Fix& fix = *findings[index].fix;
    std::vector<const Edit*> fresh;
    bool conflict = false;
    for (const Edit& edit : fix.edits) {
      auto same = std::find_if(taken.begin(), taken.end(),
                               [&](const Edit* other) { return same_edit(*other, edit); });
      if (same != taken.end()) continue;
      if (std::any_of(taken.begin(), taken.end(),
                      [&](const Edit* other) { return overlaps(*other, edit); })) {
        conflict = true;
        break;
      }
      fresh.push_back(&edit);
    }
    if (conflict) continue;
    taken.insert(taken.end(), fresh.begin(), fresh.end());
    pass.applied.push_back(index);
  }
  std::sort(pass.applied.begin(), pass.applied.end());

  // Edits of one fix may touch each other (an import inserted where the replaced statement
  // begins): insertions go before replacements at the same offset.
  std::stable_sort(taken.begin(), taken.end(), [](const Edit* a, const Edit* b) {
    return std::tie(a->begin.offset, a->end.offset) < std::tie(b->begin.offset, b->end.offset);
  });
  // Splicing front to back into a new string is the same as applying back to front in place,
  // in linear time.
  std::size_t grown =
      std::accumulate(taken.begin(), taken.end(), text.size(),
                      [](std::size_t size, const Edit* edit) { return size + edit->content.size(); });
  pass.text.reserve(grown);
  std::size_t position = 0;
  for (const Edit* edit : taken) {
    pass.text.append(text.substr(position, edit->begin.offset - position));
    pass.text.append(edit->content);
    position = edit->end.offset;
  }
  pass.text.append(text.substr(position));
  return pass;
}

}  // namespace pypyready::scan
