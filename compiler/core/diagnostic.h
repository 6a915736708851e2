// Located errors. Every problem with a user's input is reported as one line
// `path:line:col: error: what; what to do` and a non-zero exit code: 1 for invalid
// input, 2 for usage errors (impossible flags). Nothing partial is written before
// such an error is raised: loading and checking happen before any output is opened.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace trajc {

struct Location {
  std::string path;
  int line = 0;    // 1-based; 0 when the problem concerns the whole file
  int column = 0;  // 1-based; 0 when unknown
};

enum ExitCode : int {
  kExitOk = 0,
  kExitInvalid = 1,  // invalid input, or violations found by validate/check
  kExitUsage = 2,    // impossible flags or arguments
  kExitInternal = 70,  // a bug in trajc, never the user's input (EX_SOFTWARE of sysexits.h)
};

// `path:line:col: error: message` (line and column omitted when 0).
std::string FormatDiagnostic(const Location& where, std::string_view severity,
                             std::string_view message);

class Error : public std::runtime_error {
 public:
  Error(Location where, std::string message, int exit_code = kExitInvalid);
  const Location& where() const { return where_; }
  const std::string& message() const { return message_; }
  int exit_code() const { return exit_code_; }

 private:
  Location where_;
  std::string message_;
  int exit_code_;
};

// The 1-based line and column of byte `offset` in `text` (column counts bytes).
Location LocationOfOffset(std::string_view path, std::string_view text, size_t offset);

}  // namespace trajc
