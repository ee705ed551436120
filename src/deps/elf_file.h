#pragma once
// Reading shared objects with libelf: the dynamic symbols a .so imports (undefined) and exports
// (defined), plus its needed libraries. Only the dynamic symbol table matters to the loader, so
// that is what is read.

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace pypyready::deps {

/// The dynamic linking view of one ELF file.
struct ElfSymbols {
  std::vector<std::string> undefined;  ///< symbols the loader must find elsewhere
  std::vector<std::string> defined;    ///< global and weak symbols this file provides
  std::vector<std::string> needed;     ///< DT_NEEDED library names
};

/// Reads the dynamic symbol table of `path`; the error names the file and says why it is not a
/// readable ELF shared object.
core::Result<ElfSymbols> read_elf_symbols(const std::filesystem::path& path);

}  // namespace pypyready::deps
