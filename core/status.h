// Status and Result<T>: how every expected failure in tledger travels.
//
//   Result<Ledger> ledger = Ledger::Open(dir, mode);
//   if (!ledger.ok()) return ledger.status();
//   Status s = ledger->Append(batch);
//
// A Status carries a code (which decides the CLI's exit code) and a message
// written for the person at the keyboard: what went wrong, where, and what to
// do. Exceptions never cross a public API; programmer bugs abort through
// TLEDGER_CHECK.
#ifndef TLEDGER_CORE_STATUS_H_
#define TLEDGER_CORE_STATUS_H_

#include <cstdlib>
#include <string>
#include <utility>
#include <variant>

namespace tledger {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,   // bad input or usage: exit 1
    kConflict,       // an id already recorded with other content: exit 1
    kNotFound,       // the asked-for thing does not exist: exit 1
    kUnavailable,    // the ledger cannot be opened (missing, locked, newer format): exit 2
    kCorruption,     // an integrity failure: exit 3
    kIoError,        // the operating system or storage failed: exit 2
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  static Status Conflict(std::string msg) { return Status(Code::kConflict, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status Unavailable(std::string msg) { return Status(Code::kUnavailable, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid input: <message>", for logs.
  std::string ToString() const;
  // The exit code shared/spec/cli.md fixes for this kind of failure.
  int ExitCode() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains its absence. Accessing the value of a
// failed Result is a programmer bug and aborts.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    if (std::get<Status>(v_).ok()) std::abort();  // an OK status carries no value
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

  T& value() & { return Checked(); }
  const T& value() const& { return const_cast<Result*>(this)->Checked(); }
  T&& value() && { return std::move(Checked()); }
  T* operator->() { return &Checked(); }
  const T* operator->() const { return &const_cast<Result*>(this)->Checked(); }
  T& operator*() & { return Checked(); }
  const T& operator*() const& { return const_cast<Result*>(this)->Checked(); }

 private:
  T& Checked() {
    if (!ok()) std::abort();
    return std::get<T>(v_);
  }
  std::variant<T, Status> v_;
};

[[noreturn]] void CheckFailed(const char* expr, const char* file, int line);

}  // namespace tledger

// Aborts with the failed expression when a programmer's invariant breaks.
#define TLEDGER_CHECK(cond) \
  do {                      \
    if (!(cond)) ::tledger::CheckFailed(#cond, __FILE__, __LINE__); \
  } while (0)

// Returns the Status of `expr` from the enclosing function when it failed.
#define TLEDGER_RETURN_IF_ERROR(expr)      \
  do {                                     \
    ::tledger::Status _st = (expr);        \
    if (!_st.ok()) return _st;             \
  } while (0)

#endif  // TLEDGER_CORE_STATUS_H_
