#include "python/node_kind.h"

#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace trajc::python {

namespace {

[[noreturn]] void UnknownName(const char* what, std::string_view name) {
  std::fprintf(stderr, "trajc: internal error: tree-sitter-python has no %s named '%.*s'\n", what,
               static_cast<int>(name.size()), name.data());
  std::abort();
}

}  // namespace

NodeKind::NodeKind(std::string_view name) {
  const TSLanguage* language = tree_sitter_python();
  const std::string n(name);
  const auto length = static_cast<uint32_t>(n.size());
  named_ = ts_language_symbol_for_name(language, n.c_str(), length, true);
  anonymous_ = ts_language_symbol_for_name(language, n.c_str(), length, false);
  if (named_ == 0 && anonymous_ == 0) UnknownName("node type", name);
}

FieldName::FieldName(std::string_view name) {
  const std::string n(name);
  id_ = ts_language_field_id_for_name(tree_sitter_python(), n.c_str(), static_cast<uint32_t>(n.size()));
  if (id_ == 0) UnknownName("field", name);
}

}  // namespace trajc::python
