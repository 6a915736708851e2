#include "lint/rules/pyflakes/annotation_syntax_error.h"

#include <string>

#include "python/literal.h"

namespace trajc::lint {

namespace {

// pyflakes words the annotation with %r: Python's repr of a str.
std::string StrRepr(const std::string& text) {
  python::Value v;
  v.kind = python::Value::Kind::kStr;
  v.str = text;
  return python::Repr(v);
}

}  // namespace

void CheckAnnotationSyntaxErrors(const semantic::Facts& facts, Findings& out) {
  // pyflakes: UTF-8 byte columns (F723: tokenize's character column), printed as they are.
  for (const semantic::AnnotationSyntaxError& e : facts.forward_annotation_errors) {
    Report(out, kForwardAnnotationSyntaxError, e.at.row, e.at.col, {StrRepr(e.annotation)}).col_is_chars = true;
  }
  for (const semantic::AnnotationSyntaxError& e : facts.type_comment_errors) {
    Report(out, kCommentAnnotationSyntaxError, e.at.row, e.at.col, {StrRepr(e.annotation)}).col_is_chars = true;
  }
}

}  // namespace trajc::lint
