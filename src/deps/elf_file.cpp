#include "deps/elf_file.h"

#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <mutex>

namespace pypyready::deps {
namespace {

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

class ElfHandle {
 public:
  explicit ElfHandle(Elf* elf) : elf_(elf) {}
  ElfHandle(const ElfHandle&) = delete;
  ElfHandle& operator=(const ElfHandle&) = delete;
  ~ElfHandle() {
    if (elf_ != nullptr) elf_end(elf_);
  }
  Elf* get() const { return elf_; }

 private:
  Elf* elf_;
};

void init_libelf() {
  static std::once_flag once;
  std::call_once(once, [] { elf_version(EV_CURRENT); });
}

}  // namespace

core::Result<ElfSymbols> read_elf_symbols(const std::filesystem::path& path) {
  init_libelf();
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0)
    return core::Error{fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno))};
  ElfHandle elf(elf_begin(fd.get(), ELF_C_READ_MMAP, nullptr));
  if (elf.get() == nullptr || elf_kind(elf.get()) != ELF_K_ELF) {
    return core::Error{fmt::format("{}: not an ELF file, expected a shared object", path.string())};
  }
  ElfSymbols symbols;
  bool found_dynsym = false;
  Elf_Scn* section = nullptr;
  while ((section = elf_nextscn(elf.get(), section)) != nullptr) {
    GElf_Shdr header;
    if (gelf_getshdr(section, &header) == nullptr) continue;
    if (header.sh_type == SHT_DYNSYM) {
      found_dynsym = true;
      Elf_Data* data = elf_getdata(section, nullptr);
      if (data == nullptr || header.sh_entsize == 0) continue;
      std::size_t count = header.sh_size / header.sh_entsize;
      for (std::size_t i = 1; i < count; ++i) {
        GElf_Sym sym;
        if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr) continue;
        const char* name = elf_strptr(elf.get(), header.sh_link, sym.st_name);
        if (name == nullptr || *name == '\0') continue;
        int binding = GELF_ST_BIND(sym.st_info);
        if (sym.st_shndx == SHN_UNDEF) {
          symbols.undefined.emplace_back(name);
        } else if (binding == STB_GLOBAL || binding == STB_WEAK) {
          symbols.defined.emplace_back(name);
        }
      }
    } else if (header.sh_type == SHT_DYNAMIC) {
      Elf_Data* data = elf_getdata(section, nullptr);
      if (data == nullptr || header.sh_entsize == 0) continue;
      std::size_t count = header.sh_size / header.sh_entsize;
      for (std::size_t i = 0; i < count; ++i) {
        GElf_Dyn dyn;
        if (gelf_getdyn(data, static_cast<int>(i), &dyn) == nullptr) continue;
        if (dyn.d_tag == DT_NEEDED) {
          const char* name = elf_strptr(elf.get(), header.sh_link, dyn.d_un.d_val);
          if (name != nullptr) symbols.needed.emplace_back(name);
        }
      }
    }
  }
  if (!found_dynsym) {
    return core::Error{
        fmt::format("{}: ELF file without a dynamic symbol table, expected a shared object", path.string())};
  }
  return symbols;
}

}  // namespace pypyready::deps
