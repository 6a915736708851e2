#include "domains/sample_data/type_expr.h"

#include <cctype>
#include <optional>

namespace trajc::domains::sample_data {

namespace {

constexpr const char* kSupported =
    "sample_data supports int, float, str, bool, None, Optional[X], X | None, list, tuple, dict[str, X], set, Literal, "
    "date, datetime and the module's Enum and model classes";

struct Token {
  enum class Kind { kName, kString, kNumber, kPunct, kEllipsis, kEnd } kind = Kind::kEnd;
  std::string text;  // names and punctuation as written; strings unquoted
  size_t offset = 0;
};

struct Failure {
  std::string message;
  size_t offset;
};

class Parser {
 public:
  Parser(std::string_view text, const ClassKinds& classes, size_t base) : text_(text), classes_(classes), base_(base) {}

  TypeExpr ParseAll() {
    Lex();
    TypeExpr t = Union();
    if (Peek().kind != Token::Kind::kEnd) Fail(Peek(), "unexpected '" + Peek().text + "' after the type");
    return t;
  }

 private:
  [[noreturn]] void Fail(const Token& at, std::string message) const { throw Failure{std::move(message), base_ + at.offset}; }
  [[noreturn]] void Fail(size_t offset, std::string message) const { throw Failure{std::move(message), base_ + offset}; }

  void Lex() {
    size_t i = 0;
    while (i < text_.size()) {
      char c = text_[i];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++i;
        continue;
      }
      Token t;
      t.offset = i;
      if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
        size_t j = i;
        while (j < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[j])) || text_[j] == '_' || text_[j] == '.')) ++j;
        t.kind = Token::Kind::kName;
        t.text = std::string(text_.substr(i, j - i));
        i = j;
      } else if (c == '"' || c == '\'') {
        size_t j = i + 1;
        while (j < text_.size() && text_[j] != c) {
          if (text_[j] == '\\') Fail(j, "escapes in quoted annotations are not supported");
          ++j;
        }
        if (j >= text_.size()) Fail(i, "unterminated string in annotation");
        t.kind = Token::Kind::kString;
        t.text = std::string(text_.substr(i + 1, j - i - 1));
        i = j + 1;
      } else if (std::isdigit(static_cast<unsigned char>(c)) || (c == '-' && i + 1 < text_.size() && std::isdigit(static_cast<unsigned char>(text_[i + 1])))) {
        size_t j = i + 1;
        while (j < text_.size() && std::isdigit(static_cast<unsigned char>(text_[j]))) ++j;
        if (j - i > 18) Fail(i, "integer literal too large");
        if (j < text_.size() && (text_[j] == '.' || std::isalpha(static_cast<unsigned char>(text_[j]))))
          Fail(i, "only int, str, bool and None literals are supported in Literal[...]");
        t.kind = Token::Kind::kNumber;
        t.text = std::string(text_.substr(i, j - i));
        i = j;
      } else if (text_.substr(i, 3) == "...") {
        t.kind = Token::Kind::kEllipsis;
        t.text = "...";
        i += 3;
      } else if (c == '[' || c == ']' || c == ',' || c == '|') {
        t.kind = Token::Kind::kPunct;
        t.text = std::string(1, c);
        ++i;
      } else {
        Fail(i, std::string("unexpected '") + c + "' in annotation");
      }
      tokens_.push_back(std::move(t));
    }
    Token end;
    end.offset = text_.size();
    tokens_.push_back(end);
  }

  const Token& Peek() const { return tokens_[pos_]; }
  const Token& Next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  bool Accept(const char* punct) {
    if (Peek().kind == Token::Kind::kPunct && Peek().text == punct) {
      ++pos_;
      return true;
    }
    return false;
  }
  void Expect(const char* punct) {
    if (!Accept(punct)) Fail(Peek(), std::string("expected '") + punct + "'" + (Peek().kind == Token::Kind::kEnd ? " at the end" : ", got '" + Peek().text + "'"));
  }

  // A | B | None: only one non-None member is supported.
  TypeExpr Union() {
    size_t start = Peek().offset;
    std::vector<TypeExpr> members = {Primary()};
    while (Accept("|")) members.push_back(Primary());
    return Combine(std::move(members), start);
  }

  TypeExpr Combine(std::vector<TypeExpr> members, size_t offset) const {
    std::optional<TypeExpr> value;
    bool has_none = false;
    for (TypeExpr& m : members) {
      if (m.kind == TypeKind::kNone) {
        has_none = true;
        continue;
      }
      if (m.kind == TypeKind::kOptional) {
        has_none = true;
        m = TypeExpr(m.args[0]);
      }
      if (value) Fail(offset, "unions other than X | None are not supported; " + std::string(kSupported));
      value = std::move(m);
    }
    if (!value) return TypeExpr{TypeKind::kNone};
    if (!has_none) return *value;
    return TypeExpr{TypeKind::kOptional, {std::move(*value)}};
  }

  std::vector<TypeExpr> Arguments(const Token& head) {
    std::vector<TypeExpr> args;
    if (!Accept("[")) Fail(head, "give " + head.text + "'s item types, e.g. " + head.text + "[str]");
    args.push_back(Union());
    while (Accept(",")) {
      if (Peek().kind == Token::Kind::kEllipsis) {
        Next();
        args.push_back(TypeExpr{TypeKind::kNone});
        args.back().name = "...";
        continue;
      }
      args.push_back(Union());
    }
    Expect("]");
    return args;
  }

  static bool IsEllipsis(const TypeExpr& t) { return t.kind == TypeKind::kNone && t.name == "..."; }

  static bool Hashable(const TypeExpr& t) {
    switch (t.kind) {
      case TypeKind::kInt: case TypeKind::kFloat: case TypeKind::kStr: case TypeKind::kBool: case TypeKind::kLiteral:
      case TypeKind::kEnum: case TypeKind::kDate: case TypeKind::kDateTime:
        return true;
      default:
        return false;
    }
  }

  static std::string Strip(const std::string& name) {
    for (const char* prefix : {"typing.", "t.", "datetime.", "dt.", "builtins."})
      if (name.rfind(prefix, 0) == 0) return name.substr(std::string(prefix).size());
    return name;
  }

  TypeExpr Literal(const Token& head) {
    if (!Accept("[")) Fail(head, "Literal needs its values, e.g. Literal['a', 'b']");
    TypeExpr t{TypeKind::kLiteral};
    do {
      const Token& v = Next();
      if (v.kind == Token::Kind::kString) t.literals.emplace_back(v.text);
      else if (v.kind == Token::Kind::kNumber) t.literals.emplace_back(std::stoll(v.text));
      else if (v.kind == Token::Kind::kName && v.text == "True") t.literals.emplace_back(true);
      else if (v.kind == Token::Kind::kName && v.text == "False") t.literals.emplace_back(false);
      else if (v.kind == Token::Kind::kName && v.text == "None") t.literals.emplace_back(nullptr);
      else Fail(v, "only int, str, bool and None literals are supported in Literal[...]");
    } while (Accept(","));
    Expect("]");
    return t;
  }

  TypeExpr Primary() {
    if (++depth_ > kMaxDepth) Fail(Peek(), "annotation nested too deeply");
    struct Leave {
      int& depth;
      ~Leave() { --depth; }
    } leave{depth_};
    const Token& head = Next();
    if (head.kind == Token::Kind::kString) {  // a forward reference: parse its text
      Parser inner(head.text, classes_, base_ + head.offset + 1);
      return inner.ParseAll();
    }
    if (head.kind != Token::Kind::kName) Fail(head, head.kind == Token::Kind::kEnd ? "empty annotation" : "expected a type, got '" + head.text + "'");
    std::string name = Strip(head.text);
    if (name == "int") return {TypeKind::kInt};
    if (name == "float") return {TypeKind::kFloat};
    if (name == "str") return {TypeKind::kStr};
    if (name == "bool") return {TypeKind::kBool};
    if (name == "None") return {TypeKind::kNone};
    if (name == "date") return {TypeKind::kDate};
    if (name == "datetime") return {TypeKind::kDateTime};
    if (name == "Literal") return Literal(head);
    if (name == "Optional") {
      std::vector<TypeExpr> args = Arguments(head);
      if (args.size() != 1 || IsEllipsis(args[0])) Fail(head, "Optional takes one type");
      args.push_back(TypeExpr{TypeKind::kNone});
      return Combine(std::move(args), head.offset);
    }
    if (name == "Union") {
      std::vector<TypeExpr> args = Arguments(head);
      for (const TypeExpr& a : args)
        if (IsEllipsis(a)) Fail(head, "'...' is only valid in tuple[X, ...]");
      return Combine(std::move(args), head.offset);
    }
    if (name == "list" || name == "List" || name == "set" || name == "Set") {
      std::vector<TypeExpr> args = Arguments(head);
      if (args.size() != 1 || IsEllipsis(args[0])) Fail(head, head.text + " takes one item type");
      bool is_set = name == "set" || name == "Set";
      if (is_set && !Hashable(args[0]))
        Fail(head, "set items must be int, float, str, bool, Literal, Enum, date or datetime, not " + TypeText(args[0]));
      return {is_set ? TypeKind::kSet : TypeKind::kList, std::move(args)};
    }
    if (name == "tuple" || name == "Tuple") {
      std::vector<TypeExpr> args = Arguments(head);
      TypeExpr t{TypeKind::kTuple};
      if (args.size() == 2 && IsEllipsis(args[1])) {
        t.variadic = true;
        args.pop_back();
      }
      for (const TypeExpr& a : args)
        if (IsEllipsis(a)) Fail(head, "'...' is only valid as the second item of tuple[X, ...]");
      t.args = std::move(args);
      return t;
    }
    if (name == "dict" || name == "Dict") {
      std::vector<TypeExpr> args = Arguments(head);
      if (args.size() != 2 || IsEllipsis(args[1])) Fail(head, head.text + " takes a key and a value type");
      if (args[0].kind != TypeKind::kStr) Fail(head, "dict keys must be str (JSON object keys), not " + TypeText(args[0]));
      return {TypeKind::kDict, {std::move(args[1])}};
    }
    auto it = classes_.find(head.text);
    if (it != classes_.end()) {
      TypeExpr t{it->second};
      t.name = head.text;
      if (Peek().kind == Token::Kind::kPunct && Peek().text == "[") Fail(Peek(), head.text + " is not generic");
      return t;
    }
    Fail(head, "unsupported annotation '" + head.text + "'; " + kSupported);
  }

  std::string_view text_;
  const ClassKinds& classes_;
  size_t base_;
  static constexpr int kMaxDepth = 32;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
};

std::string Quote(const Json& v) {
  if (v.is_string()) return "'" + v.get<std::string>() + "'";
  if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
  if (v.is_null()) return "None";
  return Dump(v);
}

}  // namespace

ParsedType ParseType(std::string_view annotation, const ClassKinds& classes) {
  ParsedType out;
  try {
    out.type = Parser(annotation, classes, 0).ParseAll();
  } catch (const Failure& f) {
    out.error = f.message;
    out.offset = f.offset;
  }
  return out;
}

std::string TypeText(const TypeExpr& t) {
  auto join = [](const std::vector<TypeExpr>& args) {
    std::string s;
    for (const TypeExpr& a : args) s += (s.empty() ? "" : ", ") + TypeText(a);
    return s;
  };
  switch (t.kind) {
    case TypeKind::kInt: return "int";
    case TypeKind::kFloat: return "float";
    case TypeKind::kStr: return "str";
    case TypeKind::kBool: return "bool";
    case TypeKind::kNone: return "None";
    case TypeKind::kDate: return "date";
    case TypeKind::kDateTime: return "datetime";
    case TypeKind::kOptional: return TypeText(t.args[0]) + " | None";
    case TypeKind::kList: return "list[" + TypeText(t.args[0]) + "]";
    case TypeKind::kSet: return "set[" + TypeText(t.args[0]) + "]";
    case TypeKind::kDict: return "dict[str, " + TypeText(t.args[0]) + "]";
    case TypeKind::kTuple: return "tuple[" + join(t.args) + (t.variadic ? ", ...]" : "]");
    case TypeKind::kLiteral: {
      std::string s;
      for (const Json& v : t.literals) s += (s.empty() ? "" : ", ") + Quote(v);
      return "Literal[" + s + "]";
    }
    case TypeKind::kEnum:
    case TypeKind::kModel:
      return t.name;
  }
  return "?";
}

}  // namespace trajc::domains::sample_data
