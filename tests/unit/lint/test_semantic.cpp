// Tests of compiler/lint/semantic: source in, the model's facts out, before any rule words
// them (the rules' messages are the snapshots' business). One case per kind of fact, as
// pyflakes 2.5 would report it.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "lint/semantic/model.h"
#include "lint/source.h"
#include "python/compile_check.h"
#include "python/flat_tree.h"

namespace {

namespace semantic = trajc::lint::semantic;

std::string At(semantic::Place p) { return std::to_string(p.row) + ":" + std::to_string(p.col); }

// One line per fact, "kind row:col name [detail]", kinds in a fixed order.
std::string Facts(std::string_view text, bool package_init = false) {
  trajc::lint::Source src(text);
  REQUIRE(src.tree_clean);
  trajc::python::FlatTree tree(src.tree->root());
  const semantic::Facts facts = semantic::Analyze(src, tree, package_init);
  std::string out;
  for (const auto& u : facts.unused_imports) {
    TSPoint p = ts_node_start_point(u.statement);
    out += "unused-import " + std::to_string(p.row + 1) + ":" + std::to_string(p.column) + " " + u.name + "\n";
  }
  for (const auto& u : facts.unused_variables) out += "unused-variable " + At(u.at) + " " + u.name + "\n";
  for (const auto& s : facts.star_imports) out += "star-import " + At(s.at) + " " + s.module + "\n";
  for (const auto& u : facts.star_import_uses) {
    out += "star-import-use " + At(u.at) + " " + u.name + " [";
    for (size_t i = 0; i < u.modules.size(); ++i) out += (i ? " " : "") + u.modules[i];
    out += "]\n";
  }
  for (const auto& r : facts.redefinitions) {
    out += "redefinition " + At(r.at) + " " + r.name + " line " + std::to_string(r.original_row) + "\n";
  }
  for (const auto& u : facts.undefined_names) out += "undefined-name " + At(u.at) + " " + u.name + "\n";
  for (const auto& u : facts.undefined_exports) out += "undefined-export " + At(u.at) + " " + u.name + "\n";
  for (const auto& u : facts.uses_before_assignment) {
    out += "use-before-assignment " + At(u.at) + " " + u.name + " line " + std::to_string(u.defined_row) + "\n";
  }
  for (const auto& s : facts.shadowed_imports) {
    out += "shadowed-import " + At(s.at) + " " + s.name + " line " + std::to_string(s.import_row) + "\n";
  }
  for (const auto& p : facts.late_future_imports) out += "late-future-import " + At(p) + "\n";
  for (const auto& s : facts.nested_star_imports) out += "nested-star-import " + At(s.at) + " " + s.module + "\n";
  for (const auto& f : facts.undefined_future_features) out += "undefined-future " + At(f.at) + " " + f.name + "\n";
  for (const auto& e : facts.forward_annotation_errors) {
    out += "forward-annotation-error " + At(e.at) + " [" + e.annotation + "]\n";
  }
  for (const auto& e : facts.type_comment_errors) out += "type-comment-error " + At(e.at) + " [" + e.annotation + "]\n";
  for (const auto& d : facts.duplicate_arguments) out += "duplicate-argument " + At(d.at) + " " + d.name + "\n";
  for (TSNode n : facts.builtin_print_loads) {
    TSPoint p = ts_node_start_point(n);
    out += "builtin-print " + std::to_string(p.row + 1) + ":" + std::to_string(p.column) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("semantic: facts of the model") {
  struct Case {
    const char* title;
    const char* source;
    const char* facts;
  };
  const Case cases[] = {
      {"a module import used only in a deferred function body is used",
       "import os\nimport sys\n\n\ndef f():\n    return sys.argv\n",
       "unused-import 1:0 os\n"},
      {"undefined loads, unless guarded by except NameError",
       "try:\n    x = maybe\nexcept NameError:\n    pass\nprint(missing)\n",
       "undefined-name 5:6 missing\n"
       "builtin-print 5:0\n"},
      {"star imports and the names they may define",
       "from os.path import *\njoin('a', 'b')\n",
       "star-import 1:0 os.path\n"
       "star-import-use 2:0 join [os.path]\n"},
      {"a definition rebinding an unused import",
       "import json\n\n\ndef json():\n    pass\n",
       "redefinition 4:0 json line 1\n"},
      {"a function reading a name it binds later",
       "count = 0\n\n\ndef f():\n    print(count)\n    count = 1\n\n\ndef g():\n    print(len)\n    len = 3\n",
       "unused-variable 6:4 count\n"
       "unused-variable 11:4 len\n"
       "use-before-assignment 5:10 count line 1\n"
       "use-before-assignment 10:10 len line 0\n"  // line 0: a builtin
       "builtin-print 5:4\n"
       "builtin-print 10:4\n"},
      {"__all__ names the module does not bind",
       "__all__ = ['present', 'missing']\npresent = 1\n",
       "undefined-export 1:0 missing\n"},
      {"except ... as e unused",
       "try:\n    pass\nexcept ValueError as e:\n    pass\n",
       "unused-variable 3:0 e\n"},
      {"type comments load their names at the comment",
       "from typing import List\nx = []  # type: List[Undefined]\n",
       "undefined-name 2:8 Undefined\n"},
      {"a for loop's target rebinding an import of an enclosing scope, used or not; a comprehension's does not",
       "import os\nprint(os)\n\n\ndef f():\n    for x, os in []:\n        pass\n    return [os for os in []]\n",
       "shadowed-import 6:11 os line 1\n"
       "builtin-print 2:0\n"},
      {"an import and a loop on different branches of an if (the loop's binding replaces the import)",
       "import sys\nif sys.argv:\n    import os\nelse:\n    for os in []:\n        pass\n",
       ""},
      {"__future__ imports: after docstrings and strings only; every feature checked by its real name",
       "\"\"\"doc\"\"\"\n'more'\nfrom __future__ import annotations\nimport os\nfrom __future__ import nope as division\n",
       "unused-import 4:0 os\n"
       "late-future-import 5:0\n"
       "undefined-future 5:0 nope\n"},
      {"a __future__ import in a function, and a star import there",
       "def f():\n    from __future__ import division\n    from .. import *\n",
       "late-future-import 2:4\n"
       "nested-star-import 3:4 ..\n"},
      {"duplicate parameters, once per repeat, at the def or lambda",
       "def f(a, a, *a, b, **b):\n    return lambda c, c: c\n",
       "duplicate-argument 1:0 a\n"
       "duplicate-argument 1:0 a\n"
       "duplicate-argument 1:0 b\n"
       "duplicate-argument 2:11 c\n"},
      {"a string annotation must be one expression: reported at the statement, its names unread",
       "x: 'Missing Other' = 1\ny: '' = 2\nz: ';' = 3\nw: 'a;' = 4\n",
       "undefined-name 4:3 a\n"
       "forward-annotation-error 1:0 [Missing Other]\n"
       "forward-annotation-error 2:0 []\n"
       "forward-annotation-error 3:0 [;]\n"},
      {"a string inside an annotation is reported at itself; Literal's strings are values",
       "from typing import List, Literal\nx: List['a b'] = []\ny: 'Literal[\"a b\"]' = 'a b'\n",
       "forward-annotation-error 2:8 [a b]\n"},
      {"typing.cast's first argument is an annotation (its names used)",
       "import typing\nfrom typing import IO\nf = typing.cast('IO[str]', None)\n",
       ""},
      {"type comments that do not parse: reported at the comment, the function form split",
       "def f(a):\n    # type: (int) x -> int\n    pass\n\n\nx = 1  # type: int int\n",
       "type-comment-error 6:7 [int int]\n"  // the module's comment first: function bodies wait
       "type-comment-error 2:4 [(int) x -> int]\n"},
      {"loads of the builtin print, the print of `print >> f, x` included, until a rebinding",
       "import sys\nprint >> sys.stderr, 'x'\nprint('y')\nprint = sys.stdout.write\nprint('z')\n",
       "builtin-print 2:0\n"
       "builtin-print 3:0\n"},
      {"locals, called or passed positionally, keeps a function's variables used",
       "def f(cmd, locals):\n    y = 1\n    exec(cmd, None, locals)\n\n\n"
       "def g(cmd, locals):\n    w = 1\n    exec(cmd, None, locals=locals)\n",
       "unused-variable 7:4 w\n"},
      {"nothing inside a module- or class-level return or yield is looked at",
       "import os\nreturn os.sep, missing\n\n\nclass C:\n    yield other\n",
       "unused-import 1:0 os\n"},
  };
  for (const Case& c : cases) {
    INFO(c.title);
    CHECK(Facts(c.source) == c.facts);
  }
}

TEST_CASE("semantic: what pyflakes accepts as an annotation's text (ast.parse, one expression)") {
  // Each verdict is CPython 3.11's: ast.parse(text) succeeds and its body is one Expr.
  const std::pair<const char*, bool> cases[] = {
      {"", false},           {" int", false},        {"\nint", true},         {"int;", true},
      {"int; str", false},   {"x = 1", false},       {"# c", false},          {"int  # c", true},
      {"x := 1", false},     {"(x := 1)", true},     {"print x", false},      {"*a", true},
      {"*tuple[int, ...]", true}, {"(*a)", false},   {"*None", true},         {"\\\nint", true},
      {"a\rb", false},       {"\r\nint", true},      {"b'x' 'y'", false},     {"async", false},
      {"-yield", false},     {"yield x", true},      {"lambda: 0", true},     {"1 +", false},
      {"x.y", true},         {"**a", false},         {"{**a}", true},
  };
  for (const auto& [text, ok] : cases) {
    INFO(text);
    CHECK(trajc::python::IsOneExpression(text) == ok);
  }
}
