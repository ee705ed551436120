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
  Arena(Arena&&) = default;
  Arena& operator=(Arena&&) = default;

  /// Raw storage of `size` bytes aligned to `align` (a power of two, at most 16).
  void* allocate(std::size_t size, std::size_t align) {
    std::size_t offset = (used_ + align - 1) & ~(align - 1);
    if (blocks_.empty() || offset + size > capacity_) {
      grow(size);
      offset = 0;
    }
    used_ = offset + size;
    return blocks_.back().data.get() + offset;
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
    blocks_.push_back(Block{std::move(data), size});
    // An oversized block holds one object; keep filling the previous standard block after it.
    capacity_ = size;
    used_ = 0;
  }

  static constexpr std::size_t kBlockSize = std::size_t{64} * 1024;
  static constexpr std::size_t kPoolLimit = 64;
  std::vector<Block> blocks_;
  std::size_t capacity_ = 0;
  std::size_t used_ = 0;
  std::size_t reserved_ = 0;
};

}  // namespace pypyready::python
