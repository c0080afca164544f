// Errors as values: every fallible function below cli/ returns Expected<T>.
// No exception crosses a module boundary; main() is the only place that turns
// an Error into text and an exit code.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace accord::core {

// Why an input could not be used. `file`/`line`/`column` point at the cause when
// there is one (1-based; 0 means "unknown").
struct Error {
  std::string message;
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  // A file the input needs that does not exist ("" when the error is about
  // something else), as a value: a caller that supplied only part of a tree
  // (cli's git snapshot) decides from it whether more would help, never from
  // the rendered message.
  std::string missing_file;

  // "file:line:col: message" (or the shorter forms when the position is unknown).
  std::string render() const;
};

Error make_error(std::string message, std::string file = {}, uint32_t line = 0,
                 uint32_t column = 0);

template <class T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}          // NOLINT: implicit by design
  Expected(Error error) : state_(std::move(error)) {}      // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For functions that only succeed or fail.
struct Unit {};
using Status = Expected<Unit>;
inline Status ok_status() { return Unit{}; }

}  // namespace accord::core
