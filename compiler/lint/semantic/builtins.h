// lint/semantic/builtins — the names every module can load without binding them, and
// Python's keywords, as pyflakes 2.5 on CPython 3.11 knows them.
#pragma once

#include <string_view>

namespace trajc::lint::semantic {

// dir(builtins) of CPython 3.11 plus pyflakes' magic globals (`__file__`, `__builtins__`,
// `__annotations__`, `WindowsError`): a load of one of these never falls through to star
// imports.
bool IsBuiltin(std::string_view name);

// keyword.kwlist of CPython 3.11 without True/False/None: words a type comment's
// tokens can hold that are no names.
bool IsKeyword(std::string_view word);

}  // namespace trajc::lint::semantic
