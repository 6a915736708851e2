// The walker's annotations: postponed (`from __future__ import annotations`) and string
// annotations, typing's special forms (`Literal[...]`, `Annotated[...]`, a typing member's
// subscript), and `# type:` comments, whose names load as pyflakes reads them.
#include <cctype>
#include <map>
#include <string>

#include "lint/semantic/builtins.h"
#include "lint/semantic/walker.h"
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

void Walker::Annotation(TSNode node) {
  if (future_annotations_) {
    deferred_.push_back({node, stack_, Deferred::kPostponedAnnotation});
    return;
  }
  bool saved = in_annotation_;
  in_annotation_ = true;
  VisitChildren(node);
  in_annotation_ = saved;
}

// Names in a string annotation: tokenize its contents, every NAME not after a '.' loads.
void Walker::StringAnnotation(TSNode node) {
  std::string content;
  CollectStringContent(node, content);
  std::string text = content + "\n";
  auto lines = python::SplitLines(text);
  python::Tokens toks = python::Tokenize(lines);
  std::string_view prev;
  bool saved = postponed_;
  postponed_ = true;
  string_annotation_ = node;
  for (const auto& tok : toks.tokens) {
    if (tok.type == python::TokenType::kName && prev != ".") Load(tok.text, node);
    if (tok.type != python::TokenType::kNl && tok.type != python::TokenType::kNewline) prev = tok.text;
  }
  postponed_ = saved;
  string_annotation_ = TSNode{};
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
    std::vector<std::string> parts;
    size_t arrow = comment.find("->");
    if (!comment.empty() && comment[0] == '(' && arrow != std::string::npos &&
        comment.rfind(')', arrow) != std::string::npos) {
      std::string args = comment.substr(0, comment.rfind(')', arrow) + 1);
      std::erase(args, '*');
      std::string ret = comment.substr(arrow + 2);
      size_t rb = ret.find_first_not_of(" \t");
      parts.push_back(args);
      parts.push_back(rb == std::string::npos ? std::string() : ret.substr(rb));
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

void Walker::TypeCommentPart(const Deferred& d) {
  std::string text = d.text + "\n";
  auto lines = python::SplitLines(text);
  python::Tokens toks = python::Tokenize(lines);
  if (!toks.ok) return;
  // A part that is not one expression is F723 and binds nothing; two names in a row is
  // the common way a comment fails to parse.
  const python::Token* last = nullptr;
  for (const auto& tok : toks.tokens) {
    if (tok.type == python::TokenType::kErrorToken) return;
    if (last != nullptr && last->type == python::TokenType::kName && tok.type == python::TokenType::kName &&
        !IsKeyword(last->text) && !IsKeyword(tok.text)) {
      return;
    }
    if (tok.type != python::TokenType::kNl && tok.type != python::TokenType::kNewline &&
        tok.type != python::TokenType::kEndMarker) {
      last = &tok;
    }
  }
  override_row_ = d.row;
  override_col_ = d.col;
  std::string_view prev;
  for (const auto& tok : toks.tokens) {
    if (tok.type == python::TokenType::kName && prev != "." && !IsKeyword(tok.text)) Load(tok.text, d.node);
    if (tok.type != python::TokenType::kNl && tok.type != python::TokenType::kNewline) prev = tok.text;
  }
  override_row_ = -1;
}

bool Walker::IsNameOrAttr(TSNode n, std::string_view name) const {
  return (Is(n, kind::kIdentifier) && Text(n) == name) ||
         (Is(n, kind::kAttribute) && Text(Field(n, field::kAttribute)) == name);
}

// pyflakes' _is_any_typing_member: `X` from `from typing import X`, or `typing.X`.
bool Walker::IsTypingMember(TSNode value) const {
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
