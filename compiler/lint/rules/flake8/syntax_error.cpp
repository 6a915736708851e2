#include "lint/rules/flake8/syntax_error.h"

#include "python/compile_check.h"

namespace trajc::lint {

std::optional<Finding> CheckSyntaxError(const Source& src, const python::FlatTree* flat) {
  if (!src.decodable) return std::nullopt;
  std::optional<python::CError> error = python::FindCompileError(src.lines, src.tree ? &*src.tree : nullptr, flat);
  if (!error) return std::nullopt;
  // At SyntaxError.offset, a character column (printed one column further, as flake8 adds
  // one to every column).
  Finding finding = MakeFinding(kSyntaxError, error->row, error->offset, {error->type, error->message});
  finding.col_is_chars = true;
  return finding;
}

}  // namespace trajc::lint
