// lint/rules/pyflakes/dict_key_value — pyflakes 2.5's convert_to_value, which the F601/F602
// rule (repeated_dict_key) applies to a dictionary display's keys and values.
//
// A key or value becomes: a str or bytes literal's value (implicit concatenation joined),
// a number, True/False/None, a tuple of such values, a name (pyflakes' VariableKey, equal
// to the same name only), or something pyflakes does not compare (UnhandledKeyType: `-1`,
// `...`, f-strings, calls, lists …, each equal to nothing). Equality is Python's: 1, 1.0
// and True are one key (so are 0 and 0j), big integers and integral floats compare
// exactly, str never equals bytes. Values are interned: two entries get the same id
// exactly when Python calls them equal, and every unhandled entry gets an id of its own.
// Nesting is walked with explicit stacks, never recursion. Not decoded (so unhandled):
// `\N{name}` escapes (no Unicode name table here), lone surrogates, and non-decimal
// integers of more than 4,000 digits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "lint/source.h"
#include "python/flat_tree.h"

namespace trajc::lint {

class DictKeyValues {
 public:
  DictKeyValues(const Source& src, const python::FlatTree& tree) : src_(src), tree_(tree) {}

  // The id of entry i's converted value (see above).
  int64_t Id(size_t i);
  // Python's repr() of entry i's converted value, as pyflakes prints it with %r (a name
  // inside a tuple prints as the name: pyflakes would print an object address there).
  std::string Repr(size_t i) const;
  // Entry i without its parentheses: the node ast reports for it.
  size_t Unparenthesized(size_t i) const;

 private:
  int64_t AtomId(size_t i);
  std::string AtomRepr(size_t i) const;
  int64_t Intern(const std::string& canonical);

  const Source& src_;
  const python::FlatTree& tree_;
  std::map<std::string, int64_t> atoms_;             // canonical text of a scalar -> id
  std::map<std::vector<int64_t>, int64_t> tuples_;   // element ids -> id
  int64_t next_id_ = 0;
};

}  // namespace trajc::lint
