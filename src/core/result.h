#pragma once
// Result<T>: a value or an Error that says what failed, on which input, and what to try.
// Expected failures (a missing file, a bad configuration) travel as values; exceptions are
// kept for programmer errors and are caught once in main.

#include <string>
#include <utility>
#include <variant>

namespace pypyready::core {

/// An expected failure, worded for the user: what failed, on which input, what to do.
struct Error {
  std::string message;
};

/// Holds either a T or an Error (a small stand-in for C++23's std::expected).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

/// Result of an operation that produces nothing but can fail.
struct Unit {};
using Status = Result<Unit>;

inline Status ok_status() {
  return Unit{};
}

}  // namespace pypyready::core
