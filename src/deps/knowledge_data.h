#pragma once
// The text of data/packages.toml, embedded into the binary at build time.

#include <string_view>

namespace pypyready::deps {

/// The knowledge base as shipped (TOML text of data/packages.toml).
std::string_view embedded_knowledge_text();

}  // namespace pypyready::deps
