// F722 syntax error in forward annotation '...'.
// F723 syntax error in type comment '...'.
//
// What it does: pyflakes 2.5's handleStringAnnotation: a string annotation (of a
// parameter, a return, an annotated assignment, the value of `X: TypeAlias = ...`, a
// string inside an annotation or a typing member's subscript, the type in
// `typing.cast(T, v)`), or a part of a `# type:` comment, must be exactly one Python
// expression as `ast.parse` reads it: "" or "x = 1" or " x" (unexpected indent) are not,
// "x;" is. The value is printed with Python's repr (escapes decoded, quotes as repr
// picks them). F722 is reported at the def or assignment when the whole annotation is the
// string, else at the string (for a string nested in another, at the outer one); F723
// at the comment's `#` (a character column, as tokenize counts). Strings in `Literal[...]`
// and in `Annotated[T, ...]`'s metadata are values, never checked; bytes are no
// annotation. The semantic model (semantic/model.h) finds them; this rule words them.
// Why is this bad: type checkers (and `typing.get_type_hints`) cannot read the annotation.
// Example: `def f(x: "List[int"): ...`; `x = []  # type: List[int]]`
// Use instead: `def f(x: "List[int]"): ...`
// No fix: what the annotation should say is a human decision.
#pragma once

#include "lint/rules/rule.h"
#include "lint/semantic/model.h"

namespace trajc::lint {

inline constexpr Violation kForwardAnnotationSyntaxError{
    .code = "F722",
    .message = "syntax error in forward annotation {}",
    .summary = "syntax error in forward annotation",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kCommentAnnotationSyntaxError{
    .code = "F723",
    .message = "syntax error in type comment {}",
    .summary = "syntax error in type comment",
    .fix = FixSafety::kNone,
};

void CheckAnnotationSyntaxErrors(const semantic::Facts& facts, Findings& out);

}  // namespace trajc::lint
