#pragma once
// A bump allocator for syntax trees: objects are never destroyed one by one, the whole arena
// is released at once. Only trivially destructible types may live in it.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <type_traits>
#include <vector>

namespace pypyready::python {

/// Owns blocks of memory handed out in order; freeing happens when the arena is destroyed.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  // Not movable: the free-space addresses would outlive the move in the source. Owners keep
  // arenas behind a pointer (ParsedFile::arena).
  Arena(Arena&&) = delete;
  Arena& operator=(Arena&&) = delete;

  /// Raw storage of `size` bytes aligned to `align` (a power of two, at most 16).
  void* allocate(std::size_t size, std::size_t align) {
    // The free part of the current block as two addresses: the fast path is an align, a
    // compare and a bump (one call per syntax-tree node). Both are null before the first
    // block, so the first allocation grows.
    std::size_t padding = (0 - reinterpret_cast<std::uintptr_t>(next_)) & (align - 1);
    if (next_ == nullptr || static_cast<std::size_t>(end_ - next_) < padding + size) {
      grow(size);
      padding = 0;  // blocks start 16-aligned
    }
    std::byte* start = next_ + padding;
    next_ = start + size;
    return start;
  }

  /// Uninitialised storage for `count` objects of type T.
  template <typename T>
  T* allocate_array(std::size_t count) {
    static_assert(std::is_trivially_destructible_v<T>);
    // T is often a pointer (the parser's lists of child nodes): the size of the pointer is meant.
    // NOLINTNEXTLINE(bugprone-sizeof-expression)
    return static_cast<T*>(allocate(sizeof(T) * count, alignof(T)));
  }

  /// Constructs a T in the arena.
  template <typename T, typename... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>);
    return new (allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
  }

  /// Copies a sequence into the arena; returns the copy (nullptr when empty).
  template <typename T>
  T* copy(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (items.empty()) return nullptr;
    T* out = static_cast<T*>(allocate(sizeof(T) * items.size(), alignof(T)));
    std::memcpy(out, items.data(), sizeof(T) * items.size());
    return out;
  }

  /// Bytes of fresh memory this arena took (pooled blocks it reused not counted).
  std::size_t reserved_bytes() const { return reserved_; }

  ~Arena() {
    // Standard-size blocks go back to a small per-thread pool: the next file's arena reuses
    // them instead of faulting in fresh pages.
    for (Block& block : blocks_) {
      if (block.size == kBlockSize && pool().size() < kPoolLimit) pool().push_back(std::move(block.data));
    }
  }

 private:
  struct Free {
    void operator()(std::byte* block) const { ::operator delete[](block, std::align_val_t{16}); }
  };
  using BlockPtr = std::unique_ptr<std::byte[], Free>;
  struct Block {
    BlockPtr data;
    std::size_t size;
  };

  static std::vector<BlockPtr>& pool() {
    thread_local std::vector<BlockPtr> blocks;
    return blocks;
  }

  void grow(std::size_t at_least) {
    std::size_t size = at_least > kBlockSize ? at_least : kBlockSize;
    BlockPtr data;
    if (size == kBlockSize && !pool().empty()) {
      data = std::move(pool().back());
      pool().pop_back();
    } else {
      data.reset(new (std::align_val_t{16}) std::byte[size]);
      reserved_ += size;
    }
    next_ = data.get();
    end_ = next_ + size;
    blocks_.push_back(Block{std::move(data), size});
  }

  static constexpr std::size_t kBlockSize = std::size_t{64} * 1024;
  static constexpr std::size_t kPoolLimit = 64;
  std::vector<Block> blocks_;
  std::byte* next_ = nullptr;  ///< first free byte of the current block
  std::byte* end_ = nullptr;   ///< end of the current block
  std::size_t reserved_ = 0;
};

}  // namespace pypyready::python
