// The walker's annotations: postponed (`from __future__ import annotations`) and string
// annotations, typing's special forms (`Literal[...]`, `Annotated[...]`, a typing member's
// subscript), and `# type:` comments, whose names load as pyflakes reads them.
#include <cctype>
#include <map>
#include <optional>
#include <string>

#include "lint/semantic/builtins.h"
#include "lint/semantic/walker.h"
#include "python/compile_check.h"
#include "python/literal.h"
#include "python/node_kind.h"
#include "python/tokenize.h"

namespace trajc::lint::semantic {

namespace {

namespace kind = python::kind;
namespace field = python::field;

using python::Is;
using python::Field;

bool IsTypingModule(std::string_view m) { return m == "typing" || m == "typing_extensions"; }

}  // namespace

void Walker::DetectFutureAnnotations(TSNode root) {
  for (TSNode c : flat_.NamedChildren(root)) {
    if (!Is(c, kind::kFutureImportStatement)) continue;
    for (TSNode item : flat_.NamedChildren(c)) {
      TSNode name = Is(item, kind::kAliasedImport) ? Field(item, field::kName) : item;
      if (Text(name) == "annotations") future_annotations_ = true;
    }
  }
}

bool Walker::IsPlainString(TSNode node) const {
  if (Is(node, kind::kConcatenatedString)) {
    for (TSNode c : flat_.NamedChildren(node)) {
      if (!IsPlainString(c)) return false;
    }
    return true;
  }
  for (TSNode c : flat_.NamedChildren(node)) {
    if (Is(c, kind::kInterpolation)) return false;
  }
  return true;
}

void Walker::CollectStringContent(TSNode node, std::string& out) {
  for (TSNode c : flat_.NamedChildren(node)) {
    if (Is(c, kind::kStringContent) || Is(c, kind::kEscapeSequence)) {
      out += Text(c);
    } else if (Is(c, kind::kString)) {
      CollectStringContent(c, out);
    }
  }
}

// pyflakes' handleAnnotation, for a `type` node or an expression read as one.
void Walker::Annotation(TSNode node) {
  // A whole annotation that is a string is parsed later, and a syntax error in it is
  // reported at the def or the annotated assignment.
  if (!in_annotation_) {
    TSNode inner = !Is(node, kind::kType)                 ? node
                   : ts_node_named_child_count(node) == 1 ? ts_node_named_child(node, 0)
                                                          : TSNode{};
    while (Is(inner, kind::kParenthesizedExpression) && ts_node_named_child_count(inner) == 1) {
      inner = ts_node_named_child(inner, 0);
    }
    if ((Is(inner, kind::kString) || Is(inner, kind::kConcatenatedString)) && IsPlainString(inner)) {
      Deferred d{inner, stack_, Deferred::kStringAnnotation};
      d.report_at = annotation_owner_;
      deferred_.push_back(std::move(d));
      return;
    }
  }
  if (future_annotations_) {
    deferred_.push_back({node, stack_, Deferred::kPostponedAnnotation});
    return;
  }
  bool saved = in_annotation_;
  in_annotation_ = true;
  if (Is(node, kind::kType)) {
    VisitChildren(node);  // the `type` node itself would come back here
  } else {
    Visit(node);
  }
  in_annotation_ = saved;
}

// pyflakes' handleStringAnnotation: the string's value must be one expression, or it is
// reported (F722) and none of its names load; bytes are no annotation at all.
void Walker::StringAnnotation(const Deferred& d) {
  std::optional<python::Value> value = python::LiteralOf(*src_.tree, d.node);
  if (!value || value->kind != python::Value::Kind::kStr) return;  // bytes, or \N{...} trajc does not decode
  if (!python::IsOneExpression(value->str)) {
    facts_.forward_annotation_errors.push_back({Locate(ts_node_is_null(d.report_at) ? d.node : d.report_at), value->str});
    return;
  }
  bool saved = postponed_;
  postponed_ = true;
  string_annotation_ = d.node;
  AnnotationNames(value->str, d.node);
  postponed_ = saved;
  string_annotation_ = TSNode{};
}

// The names of annotation text that parses (pyflakes visits its tree): every NAME not
// after a '.' and not a keyword loads. A string in it is an annotation too, checked and
// read the same way with its errors reported at `at`, except in `Literal[...]` and after
// the first argument of `Annotated[...]`, which hold values. A work list, not recursion:
// each level of quoting is one more string.
void Walker::AnnotationNames(std::string text, TSNode at) {
  std::vector<std::string> pending{std::move(text)};
  while (!pending.empty()) {
    // CPython reads "\r\n" and "\r" in a str's source as "\n" (as IsOneExpression does).
    std::string source;
    for (size_t i = 0; i < pending.back().size(); ++i) {
      char c = pending.back()[i];
      if (c != '\r') {
        source += c;
      } else if (i + 1 >= pending.back().size() || pending.back()[i + 1] != '\n') {
        source += '\n';
      }
    }
    source += '\n';
    pending.pop_back();
    auto lines = python::SplitLines(source);
    python::Tokens toks = python::Tokenize(lines);
    // Per open bracket: 'v' holds values, 'a' is Annotated's (its type comes first), 't' else.
    std::vector<char> brackets;
    std::string strings;  // adjacent STRING tokens: one implicitly concatenated literal
    auto flush = [&] {
      if (strings.empty()) return;
      std::optional<python::Value> v = python::ParseLiteral(strings);
      strings.clear();
      if (!v || v->kind != python::Value::Kind::kStr || (!brackets.empty() && brackets.back() == 'v')) return;
      if (python::IsOneExpression(v->str)) {
        pending.push_back(std::move(v->str));
      } else {
        facts_.forward_annotation_errors.push_back({Locate(at), std::move(v->str)});
      }
    };
    std::string_view prev;
    for (const auto& tok : toks.tokens) {
      if (tok.type == python::TokenType::kNl || tok.type == python::TokenType::kNewline ||
          tok.type == python::TokenType::kComment) {
        continue;
      }
      if (tok.type == python::TokenType::kString) {
        strings.append(tok.text).push_back(' ');
        continue;
      }
      flush();
      if (tok.type == python::TokenType::kName && prev != "." && !IsKeyword(tok.text)) Load(tok.text, at);
      if (tok.text == "(" || tok.text == "[" || tok.text == "{") {
        const bool values = !brackets.empty() && brackets.back() == 'v';
        brackets.push_back(values || (tok.text == "[" && prev == "Literal") ? 'v'
                           : tok.text == "[" && prev == "Annotated"        ? 'a'
                                                                            : 't');
      } else if (tok.text == ")" || tok.text == "]" || tok.text == "}") {
        if (!brackets.empty()) brackets.pop_back();
      } else if (tok.text == "," && !brackets.empty() && brackets.back() == 'a') {
        brackets.back() = 'v';
      }
      prev = tok.text;
    }
    flush();
  }
}

// pyflakes' type comments: a `# type:` comment (not `# type: ignore`) belongs to the
// last Assign/For/With/def starting on its line or before; its parts (`(args) -> ret`
// split in two) are read like string annotations, deferred, and reported at the `#`.
void Walker::CollectTypeComments(TSNode root) {
  std::vector<const python::Token*> comments;
  for (const python::Token& tok : src_.tokens.tokens) {
    if (tok.type != python::TokenType::kComment) continue;
    std::string_view text = tok.text;
    size_t i = 1;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f' || text[i] == '\v')) ++i;
    if (text.substr(0, 1) != "#" || text.substr(i, 5) != "type:") continue;
    size_t j = i + 5;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\f' || text[j] == '\v')) ++j;
    if (text.substr(j, 6) == "ignore") {
      bool alnum_after = j + 6 < text.size() && (std::isalnum(static_cast<unsigned char>(text[j + 6])) != 0 ||
                                                 static_cast<unsigned char>(text[j + 6]) >= 0x80);
      if (!alnum_after) continue;
    }
    comments.push_back(&tok);
  }
  if (comments.empty()) return;  // the common case: no need to walk the tree
  std::map<int, TSNode> typeable;  // start row -> last typeable node starting there
  CollectTypeable(root, false, typeable);
  for (const python::Token* tok : comments) {
    auto it = typeable.upper_bound(tok->start_row);
    if (it == typeable.begin()) continue;
    --it;
    type_comments_[ts_node_start_byte(it->second)].push_back(tok);
  }
}

void Walker::CollectTypeable(TSNode node, bool parent_is_assignment, std::map<int, TSNode>& out) {
  const bool assignment = Is(node, kind::kAssignment);
  bool typeable = Is(node, kind::kForStatement) || Is(node, kind::kWithStatement) || Is(node, kind::kFunctionDefinition) ||
                  (assignment && !parent_is_assignment && ts_node_is_null(Field(node, field::kType)));
  if (typeable) out[static_cast<int>(ts_node_start_point(node).row) + 1] = node;
  flat_.ForEachNamedChild(node, [&](TSNode c) { CollectTypeable(c, assignment, out); });
}

void Walker::HandleTypeComments(TSNode node) {
  auto it = type_comments_.find(ts_node_start_byte(node));
  if (it == type_comments_.end()) return;
  for (const python::Token* tok : it->second) {
    std::string_view text = tok->text;
    std::string comment(text.substr(text.find(':') + 1));
    size_t b = comment.find_first_not_of(" \t\f\v");
    size_t e = comment.find_last_not_of(" \t\f\v\r\n");
    comment = b == std::string::npos ? std::string() : comment.substr(b, e - b + 1);
    // TYPE_FUNC_RE, `^(\(.*?\))\s*->\s*(.*)$`: the first `)` followed by `->`.
    std::vector<std::string> parts;
    size_t close = std::string::npos;
    for (size_t p = comment.find(')'); !comment.empty() && comment[0] == '(' && p != std::string::npos;
         p = comment.find(')', p + 1)) {
      size_t q = comment.find_first_not_of(" \t\f\v", p + 1);
      if (q != std::string::npos && comment.compare(q, 2, "->") == 0) {
        close = p;
        break;
      }
    }
    if (close != std::string::npos) {
      std::string args = comment.substr(0, close + 1);
      std::erase(args, '*');
      std::string ret = comment.substr(comment.find("->", close) + 2);
      size_t rb = ret.find_first_not_of(" \t\f\v");
      size_t re = ret.find_last_not_of(" \t\f\v");
      parts.push_back(args);
      parts.push_back(rb == std::string::npos ? std::string() : ret.substr(rb, re - rb + 1));
    } else {
      parts.push_back(comment);
    }
    int row = tok->start_row;
    int col = src_.CharColumn(row, tok->start_col);
    for (std::string& part : parts) {
      Deferred d{node, stack_, Deferred::kTypeComment};
      d.text = std::move(part);
      d.row = row;
      d.col = col;
      deferred_.push_back(std::move(d));
    }
  }
}

// A type comment's part is read as a string annotation is (pyflakes' handleStringAnnotation
// with CommentAnnotationSyntaxError), its names reported at the comment's `#`.
void Walker::TypeCommentPart(const Deferred& d) {
  if (!python::IsOneExpression(d.text)) {
    facts_.type_comment_errors.push_back({Place{d.row, d.col}, d.text});
    return;
  }
  override_row_ = d.row;
  override_col_ = d.col;
  bool saved = postponed_;
  postponed_ = true;
  AnnotationNames(d.text, d.node);
  postponed_ = saved;
  override_row_ = -1;
}

bool Walker::IsNameOrAttr(TSNode n, std::string_view name) const {
  return (Is(n, kind::kIdentifier) && Text(n) == name) ||
         (Is(n, kind::kAttribute) && Text(Field(n, field::kAttribute)) == name);
}

// pyflakes' _is_any_typing_member: `X` from `from typing import X`, or `typing.X`.
bool Walker::IsTypingMember(TSNode value) const {
  if (!typing_imported_) return false;
  if (Is(value, kind::kIdentifier)) {
    const Binding* b = Innermost(Text(value));
    if (b == nullptr || b->kind != Kind::kImport || !Is(b->source, kind::kImportFromStatement)) return false;
    size_t dot = b->full_name.rfind('.');
    return dot != std::string::npos && IsTypingModule(std::string_view(b->full_name).substr(0, dot));
  }
  if (Is(value, kind::kAttribute) && Is(Field(value, field::kObject), kind::kIdentifier)) {
    const Binding* b = Innermost(Text(Field(value, field::kObject)));
    return b != nullptr && IsImportation(*b) && IsTypingModule(b->full_name);
  }
  return false;
}

// pyflakes' _is_typing: `name` imported from typing (under any alias), or `typing.name`.
bool Walker::IsTypingName(TSNode expr, std::string_view name) const {
  if (!IsTypingMember(expr)) return false;
  if (Is(expr, kind::kAttribute)) return Text(Field(expr, field::kAttribute)) == name;
  const Binding* b = Innermost(Text(expr));
  std::string_view full = b->full_name;
  return full.size() > name.size() && full.substr(full.size() - name.size()) == name &&
         full[full.size() - name.size() - 1] == '.';
}

// pyflakes' CALL for `typing.cast(T, value)`: T is read as an annotation (and, as pyflakes
// does, once more with the other arguments).
void Walker::TypingCast(TSNode call) {
  if (!typing_imported_) return;  // no typing.cast to call (IsTypingMember)
  TSNode args = Field(call, field::kArguments);
  if (!Is(args, kind::kArgumentList) || !IsTypingName(Field(call, field::kFunction), "cast")) return;
  for (TSNode a : flat_.NamedChildren(args)) {
    if (Is(a, kind::kComment)) continue;
    if (Is(a, kind::kKeywordArgument) || Is(a, kind::kDictionarySplat)) return;
    bool saved = in_annotation_;
    in_annotation_ = true;
    Visit(a);
    in_annotation_ = saved;
    return;
  }
}

// pyflakes' SUBSCRIPT: strings in `Literal[...]` and in the metadata of `Annotated[T, ...]`
// are values, not forward references.
void Walker::Subscript(TSNode node) {
  TSNode value = Field(node, field::kValue);
  bool saved = in_annotation_;
  if (IsNameOrAttr(value, "Literal")) {
    in_annotation_ = false;
    VisitChildren(node);
    in_annotation_ = saved;
    return;
  }
  if (!IsNameOrAttr(value, "Annotated")) {
    // `Optional["X"]` anywhere: a member of typing makes its subscript an annotation.
    if (IsTypingMember(value)) in_annotation_ = true;
    VisitChildren(node);
    in_annotation_ = saved;
    return;
  }
  Visit(value);
  std::vector<TSNode> elts;
  for (TSNode c : flat_.NamedChildren(node)) {
    if (!ts_node_eq(c, value) && !Is(c, kind::kComment)) elts.push_back(c);
  }
  if (elts.size() == 1 && Is(elts[0], kind::kTuple)) {
    TSNode tuple = elts[0];
    elts.clear();
    for (TSNode c : flat_.NamedChildren(tuple)) {
      if (!Is(c, kind::kComment)) elts.push_back(c);
    }
  }
  if (elts.size() < 2) {
    for (TSNode e : elts) Visit(e);
    return;
  }
  Visit(elts[0]);
  in_annotation_ = false;
  for (size_t i = 1; i < elts.size(); ++i) Visit(elts[i]);
  in_annotation_ = saved;
}

// `Literal[...]` / `Annotated[...]` as tree-sitter parses them in a type position.
void Walker::GenericType(TSNode node) {
  TSNode head{};
  std::vector<TSNode> elts;
  for (TSNode c : flat_.NamedChildren(node)) {
    if (Is(c, kind::kIdentifier) && ts_node_is_null(head)) {
      head = c;
    } else if (Is(c, kind::kTypeParameter)) {
      for (TSNode t : flat_.NamedChildren(c)) {
        if (Is(t, kind::kType)) elts.push_back(t);
      }
    }
  }
  Visit(head);
  bool saved = in_annotation_;
  auto value = [&](TSNode type) {
    in_annotation_ = false;
    VisitChildren(type);
    in_annotation_ = saved;
  };
  std::string_view name = ts_node_is_null(head) ? std::string_view() : Text(head);
  if (name == "Literal") {
    for (TSNode e : elts) value(e);
    return;
  }
  if (name == "Annotated" && elts.size() >= 2) {
    Visit(elts[0]);
    for (size_t i = 1; i < elts.size(); ++i) value(elts[i]);
    return;
  }
  for (TSNode e : elts) Visit(e);
}

}  // namespace trajc::lint::semantic
