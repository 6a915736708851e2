// python/docstring_sphinx — Sphinx/reST docstrings: field lists `:param x: text` at
// indentation 0, continued by indented lines; `:type x:` and `:vartype x:` apply once
// every field is read, so they may come before the field they type.
#include <utility>

#include "python/docstring_internal.h"

namespace trajc::python::docstring_internal {

namespace {

enum class FieldKind { kParam, kType, kReturns, kRtype, kYields, kYtype, kRaises, kVar, kVartype, kUnknown };

constexpr std::pair<std::string_view, FieldKind> kSphinxFields[] = {
    {"param", FieldKind::kParam},     {"parameter", FieldKind::kParam}, {"arg", FieldKind::kParam},
    {"argument", FieldKind::kParam},  {"key", FieldKind::kParam},       {"keyword", FieldKind::kParam},
    {"type", FieldKind::kType},       {"returns", FieldKind::kReturns}, {"return", FieldKind::kReturns},
    {"rtype", FieldKind::kRtype},     {"yields", FieldKind::kYields},   {"yield", FieldKind::kYields},
    {"ytype", FieldKind::kYtype},     {"raises", FieldKind::kRaises},   {"raise", FieldKind::kRaises},
    {"except", FieldKind::kRaises},   {"exception", FieldKind::kRaises}, {"ivar", FieldKind::kVar},
    {"cvar", FieldKind::kVar},        {"var", FieldKind::kVar},         {"vartype", FieldKind::kVartype},
};

struct Field {
  FieldKind kind = FieldKind::kUnknown;
  std::string_view name;  // the field's name: "param"
  std::string_view args;  // what follows it in the marker: "int x"
  std::string_view text;  // after the marker
};

// `:name args: text`; the marker ends at the first colon followed by a space or the end,
// and its name is a plain word, so that a line opening with a role (":class:`Foo` is …")
// is not a field.
std::optional<Field> ReadField(std::string_view line) {
  if (line.size() < 3 || line[0] != ':') return std::nullopt;
  size_t close = 1;
  while (close < line.size() && !(line[close] == ':' && (close + 1 == line.size() || IsSpace(line[close + 1]))))
    ++close;
  if (close >= line.size()) return std::nullopt;
  std::string_view marker = line.substr(1, close - 1);
  size_t space = 0;
  while (space < marker.size() && !IsSpace(marker[space])) ++space;
  Field field;
  field.name = marker.substr(0, space);
  if (field.name.empty() || !IsIdentifier(field.name.substr(0, 1))) return std::nullopt;
  for (char c : field.name)
    if (!IsIdentifierChar(c) && c != '-') return std::nullopt;
  field.args = Trim(marker.substr(space));
  field.text = Trim(line.substr(close + 1));
  for (const auto& [name, kind] : kSphinxFields)
    if (name == field.name) field.kind = kind;
  return field;
}

std::optional<Field> FieldAt(const Reader& r, size_t i) {
  if (r.Blank(i) || IsSpace(r.at(i)[0])) return std::nullopt;
  return ReadField(r.at(i));
}

// A `:type x:` or `:vartype x:`, applied once every field has been read so that it may
// come before its `:param`.
struct PendingType {
  size_t line;
  Kind kind;
  std::string name;
  std::string type;
};

class SphinxParser {
 public:
  explicit SphinxParser(Reader& r) : r_(r) {}

  void Run() {
    size_t i = 0;
    while (i < r_.size() && !FieldAt(r_, i)) ++i;
    r_.ReadPreamble(i);
    while (i < r_.size()) {
      if (std::optional<Field> field = FieldAt(r_, i)) {
        size_t end = i + 1;
        while (end < r_.size() && (r_.Blank(end) || Indent(r_.at(end)) > 0)) ++end;
        std::vector<std::string_view> lines = r_.Range(i + 1, end);
        lines.insert(lines.begin(), field->text);
        Read(i, *field, JoinText(lines));
        i = end;
        continue;
      }
      size_t end = i;
      while (end < r_.size() && !FieldAt(r_, end)) ++end;
      r_.ReadStray(i, end);
      i = end;
    }
    for (const PendingType& t : types_) ApplyType(t);
  }

 private:
  void Read(size_t line, const Field& field, std::string text) {
    switch (field.kind) {
      case FieldKind::kParam: Item(line, Kind::kParams, field.args, std::move(text)); break;
      case FieldKind::kVar: Item(line, Kind::kAttributes, field.args, std::move(text)); break;
      case FieldKind::kType: Type(line, Kind::kParams, field.args, std::move(text)); break;
      case FieldKind::kVartype: Type(line, Kind::kAttributes, field.args, std::move(text)); break;
      case FieldKind::kReturns: Part(line, field, r_.doc.returns, &DocItem::text, std::move(text)); break;
      case FieldKind::kRtype: Part(line, field, r_.doc.returns, &DocItem::type, std::move(text)); break;
      case FieldKind::kYields: Part(line, field, r_.doc.yields, &DocItem::text, std::move(text)); break;
      case FieldKind::kYtype: Part(line, field, r_.doc.yields, &DocItem::type, std::move(text)); break;
      case FieldKind::kRaises:
        if (IsDottedName(field.args)) r_.AddItem(Kind::kRaises, {std::string(field.args), "", std::move(text)});
        else r_.Unreadable(line, Kind::kRaises);
        break;
      case FieldKind::kUnknown:
        r_.LineProblem(line, "field ':" + std::string(field.name) + ":' is not supported");
        break;
    }
  }

  // `:param x:` or `:param int x:`: the last word is the name, the words before it the type.
  void Item(size_t line, Kind kind, std::string_view args, std::string text) {
    size_t space = args.find_last_of(" \t");
    std::string_view name = space == kNone ? args : args.substr(space + 1);
    std::string_view type = space == kNone ? std::string_view() : Trim(args.substr(0, space));
    if (!IsParamName(name)) {
      r_.Unreadable(line, kind);
      return;
    }
    r_.AddItem(kind, {std::string(name), std::string(type), std::move(text)});
  }

  void Type(size_t line, Kind kind, std::string_view args, std::string type) {
    if (!IsParamName(args)) {
      r_.Unreadable(line, kind);
      return;
    }
    types_.push_back({line, kind, std::string(args), std::move(type)});
  }

  // `:returns:`/`:rtype:` and `:yields:`/`:ytype:` fill the two halves of one item.
  void Part(size_t line, const Field& field, std::optional<DocItem>& slot, std::string DocItem::*part,
            std::string text) {
    if (!field.args.empty()) {
      r_.Unreadable(line, field.kind == FieldKind::kReturns || field.kind == FieldKind::kRtype ? Kind::kReturns
                                                                                               : Kind::kYields);
      return;
    }
    if (!slot) slot.emplace();
    if (!((*slot).*part).empty()) {
      r_.LineProblem(line, "duplicate field ':" + std::string(field.name) + ":'");
      return;
    }
    (*slot).*part = std::move(text);
  }

  void ApplyType(const PendingType& t) {
    std::vector<DocItem>& items = t.kind == Kind::kParams ? r_.doc.params : r_.doc.attributes;
    std::string_view field = t.kind == Kind::kParams ? "type" : "vartype";
    auto item = std::find_if(items.begin(), items.end(), [&](const DocItem& i) { return i.name == t.name; });
    if (item == items.end()) {
      r_.LineProblem(t.line, "':" + std::string(field) + "' for undocumented " + std::string(Noun(t.kind)) + " '" +
                                 t.name + "'");
    } else if (!item->type.empty()) {
      r_.LineProblem(t.line, std::string(Noun(t.kind)) + " '" + t.name + "' has two types");
    } else {
      item->type = t.type;
    }
  }

  Reader& r_;
  std::vector<PendingType> types_;
};

}  // namespace

size_t FirstSphinxField(const Reader& r) {
  for (size_t i = 0; i < r.size(); ++i) {
    std::optional<Field> field = FieldAt(r, i);
    if (field && field->kind != FieldKind::kUnknown) return i;
  }
  return kNone;
}

void ParseSphinx(Reader& r) { SphinxParser(r).Run(); }

}  // namespace trajc::python::docstring_internal
