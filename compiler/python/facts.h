// python/facts — what a module's functions, methods and classes are, read off the
// tree-sitter tree: signatures, decorators, what a body raises, yields and returns, the
// docstring (raw and parsed), for classes their bases and attributes; and its imports. The docstring,
// test and sample_data domains build their tasks on these facts; `trajc fixtures show`
// prints them.
//
// Extraction never fails on a tree with syntax errors; it reads what it can. Callers that
// need clean input check SourceTree::FirstSyntaxError first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "python/docstring.h"
#include "python/parse.h"

namespace trajc::python {

enum class ParamKind { kPositionalOnly, kNormal, kVarPositional, kKeywordOnly, kVarKeyword };
std::string_view ParamKindName(ParamKind kind);  // positional_only | normal | var_positional | keyword_only | var_keyword

struct Parameter {
  std::string name;        // without stars: "args" for *args
  ParamKind kind = ParamKind::kNormal;
  std::string annotation;  // source text, "" when absent (string annotations keep their quotes)
  std::string default_value;  // source text, "" when absent
  bool has_default = false;
};

struct Docstring {
  std::string raw;     // the string literal's content between the quotes, as in the source
  std::string prefix;  // string prefix as written ("", "r", "u" …)
  std::string quote;   // the quote as written: """ ''' " '
  int line = 0;        // first and last line of the docstring statement
  int end_line = 0;
  int column = 0;      // 1-based column where the literal starts (its indentation + 1)
  ParsedDocstring parsed;
};

struct Attribute {
  std::string name;
  std::string annotation;     // "" when absent
  std::string default_value;  // "" when absent
  bool has_default = false;
  bool instance = false;      // assigned as self.NAME in __init__ rather than in the class body
  int line = 0;
};

struct Definition;

// One `def` or `class`, with what its body says about it. Nested definitions (methods,
// nested classes, inner functions) are separate Definitions; their bodies never count
// towards their parent's raises/yields/returns.
struct FunctionFacts {
  std::vector<Parameter> params;     // in order; `*` and `/` separators are not parameters
  std::string return_annotation;     // "" when absent
  std::vector<std::string> raises;   // exception expressions of `raise X`/`raise X(...)`, first-seen order,
                                     // unique; bare `raise` is not listed
  bool yields = false;               // a yield/yield from in the body
  bool returns_value = false;        // a `return EXPR` whose EXPR is not the literal None
  bool is_async = false;
};

struct ClassFacts {
  std::vector<std::string> bases;    // argument texts of the class line, keywords included ("metaclass=ABCMeta")
  std::vector<Attribute> attributes; // class-body assignments, then self.X assignments in __init__; first
                                     // assignment of each name wins
};

struct Definition {
  // function | async_function | method | async_method | classmethod | staticmethod |
  // property | class. A def directly in a class body is a method; @classmethod,
  // @staticmethod and @property (also @functools.cached_property, @x.getter) decide those
  // kinds; property setters and deleters are methods.
  std::string kind;
  std::string name;
  std::string qualified_name;           // Outer.Inner.method; an inner function: outer.inner
  std::string parent;                   // qualified name of the enclosing def/class, "" at module level
  bool nested_in_function = false;      // inside a function body (a local definition)
  std::vector<std::string> decorators;  // text after '@', in source order
  int decorated_line = 0;               // first decorator's line, else == line
  int line = 0;                         // line of the def/class keyword
  int end_line = 0;
  int header_end_line = 0;              // line of the ':' that ends the def/class header
  int body_line = 0;                    // line of the body's first statement
  int body_column = 0;                  // 1-based column of the body's first statement
  bool body_on_header_line = false;     // `def f(): return 1`
  std::optional<Docstring> docstring;
  FunctionFacts function;               // for functions, methods and properties
  ClassFacts cls;                       // for classes
  bool is_class() const { return kind == "class"; }
  bool is_overload() const;             // decorated @overload / @typing.overload
};

struct Import {
  std::string module;               // "os.path"; relative ones as written: ".", "..pkg"
  std::vector<std::string> names;   // bound names as written (`a as b` → "a as b"); empty for `import m`
  int line = 0;
};

struct ModuleFacts {
  std::optional<Docstring> docstring;
  std::vector<Definition> definitions;  // document order (a parent before its children)
  std::vector<Import> imports;          // document order, at any depth
};

ModuleFacts FactsOf(const SourceTree& tree);

Json ToJson(const Definition& d);
Json ToJson(const ModuleFacts& m);  // {docstring, definitions, imports}

}  // namespace trajc::python
