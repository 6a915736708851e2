#include "domains/docstring/render.h"

#include <algorithm>

namespace trajc::domains::docstring {

namespace {

using python::DocItem;
using python::DocstringStyle;
using python::ParamKind;

std::string Unquote(const std::string& annotation) {
  if (annotation.size() >= 2 && (annotation.front() == '"' || annotation.front() == '\'') &&
      annotation.back() == annotation.front())
    return annotation.substr(1, annotation.size() - 2);
  return annotation;
}

const DocItem* FindItem(const std::vector<DocItem>& items, const std::string& name) {
  for (const DocItem& i : items)
    if (WithoutStars(i.name) == name) return &i;
  return nullptr;
}

// An exact name first, then one that names it by its last component.
const DocItem* FindRaise(const std::vector<DocItem>& items, const std::string& raised) {
  for (const DocItem& i : items)
    if (i.name == raised) return &i;
  for (const DocItem& i : items)
    if (SameException(i.name, raised)) return &i;
  return nullptr;
}

// Greedy word wrap of `text` ("\n\n" separates paragraphs): the first line starts with
// `first` (counted in the width), the others with `rest`.
std::vector<std::string> Wrap(const std::string& text, const std::string& first, const std::string& rest, int width) {
  std::vector<std::string> out;
  std::string line = first;
  bool line_has_words = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t para_end = text.find("\n\n", pos);
    std::string_view para = std::string_view(text).substr(pos, para_end == std::string::npos ? std::string::npos : para_end - pos);
    size_t i = 0;
    while (i < para.size()) {
      while (i < para.size() && (para[i] == ' ' || para[i] == '\n')) ++i;
      size_t j = i;
      while (j < para.size() && para[j] != ' ' && para[j] != '\n') ++j;
      if (j == i) break;
      std::string_view word = para.substr(i, j - i);
      if (line_has_words && static_cast<int>(line.size() + 1 + word.size()) > width) {
        out.push_back(line);
        line = rest;
        line_has_words = false;
      }
      if (line_has_words) line += ' ';
      line += word;
      line_has_words = true;
      i = j;
    }
    if (para_end == std::string::npos) break;
    out.push_back(line);
    out.emplace_back();  // the blank line between paragraphs
    line = rest;
    line_has_words = false;
    pos = para_end + 2;
  }
  out.push_back(line);
  return out;
}

class Renderer {
 public:
  Renderer(const python::Definition& def, const python::ParsedDocstring& author, const RenderOptions& o)
      : def_(def), author_(author), o_(o), width_(std::max(20, o.width - o.indent)) {}

  Rendered Run() {
    if (author_.summary.empty()) Fail("docstring: no summary line", "the author's docstring has no summary line");
    lines_.push_back(author_.summary);
    if (!author_.description.empty()) Block(author_.description);
    if (o_.style == DocstringStyle::kSphinx && !author_.examples.empty()) Block(author_.examples);
    if (def_.is_class()) {
      Attributes();
    } else if (def_.kind != "property") {
      Params();
      Returns();
      Raises();
    }
    if (!author_.notes.empty()) Notes();
    if (o_.style != DocstringStyle::kSphinx && !author_.examples.empty()) Examples();
    Rendered r;
    r.errors = std::move(errors_);
    r.reasons = std::move(reasons_);
    if (!r.errors.empty()) return r;
    for (size_t i = 0; i < lines_.size(); ++i) {
      std::string line = lines_[i];
      while (!line.empty() && line.back() == ' ') line.pop_back();
      r.text += (i ? "\n" : "") + line;
    }
    return r;
  }

 private:
  void Fail(std::string reason, std::string message) {
    errors_.push_back(def_.qualified_name + ": " + std::move(message));
    reasons_.push_back(std::move(reason));
  }

  // The author's lines as written, each non-empty one after `prefix`.
  void Lines(const std::string& text, const std::string& prefix) {
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      lines_.push_back(line.empty() ? line : prefix + line);
      if (nl == std::string::npos) break;
      pos = nl + 1;
    }
  }

  // A paragraph block as the author wrote it, after one blank line.
  void Block(const std::string& text) {
    lines_.emplace_back();
    Lines(text, "");
  }

  void Header(const std::string& google, const std::string& numpy) {
    lines_.emplace_back();
    if (o_.style == DocstringStyle::kGoogle) {
      lines_.push_back(google + ":");
    } else {
      lines_.push_back(numpy);
      lines_.push_back(std::string(numpy.size(), '-'));
    }
  }

  void Add(const std::vector<std::string>& lines) { lines_.insert(lines_.end(), lines.begin(), lines.end()); }

  // Google: "name (type): text" under the header; NumPy: "name : type" with the text below.
  void Entry(const std::string& name, const std::string& type, const std::string& text) {
    if (o_.style == DocstringStyle::kGoogle) {
      std::string head = "    " + name + (type.empty() ? "" : " (" + type + ")") + ": ";
      Add(Wrap(text, head, "        ", width_));
    } else {
      lines_.push_back(name.empty() ? type : type.empty() ? name : name + " : " + type);
      Add(Wrap(text, "    ", "    ", width_));
    }
  }

  // Sphinx fields form one list: a blank line before its first field only.
  void FieldList() {
    if (!in_field_list_) lines_.emplace_back();
    in_field_list_ = true;
  }

  void Field(const std::string& field, const std::string& text) { Add(Wrap(text, ":" + field + ": ", "    ", width_)); }

  // `:param name: text` and, when the type is known, `:type name: T`.
  void TypedField(const std::string& field, const std::string& type_field, const std::string& name, const std::string& text,
                  const std::string& type) {
    Field(field + " " + name, text);
    if (!type.empty()) lines_.push_back(":" + type_field + " " + name + ": " + type);
  }

  // Google shows a type only where the code has no annotation (the Google style guide);
  // NumPy and Sphinx always show the type they know.
  std::string TypeFor(const std::string& annotation, const std::string& authored) const {
    if (o_.style == DocstringStyle::kGoogle) return annotation.empty() ? authored : "";
    return annotation.empty() ? authored : Unquote(annotation);
  }

  void Params() {
    std::vector<const python::Parameter*> params = DocumentedParams(def_);
    std::vector<std::pair<const python::Parameter*, const DocItem*>> entries;
    for (const python::Parameter* p : params) {
      const DocItem* item = FindItem(author_.params, p->name);
      if (item == nullptr || item->text.empty()) {
        Fail("docstring: parameter without description", "parameter '" + WithStars(*p) + "' has no description in the author's docstring");
        continue;
      }
      if (p->name != o_.omit_param) entries.emplace_back(p, item);
    }
    if (entries.empty()) return;
    if (o_.style == DocstringStyle::kSphinx) {
      FieldList();
      for (const auto& [p, item] : entries) TypedField("param", "type", p->name, item->text, TypeFor(p->annotation, item->type));
      return;
    }
    Header("Args", "Parameters");
    for (const auto& [p, item] : entries) {
      std::string type = TypeFor(p->annotation, item->type);
      if (o_.style == DocstringStyle::kNumpy && p->has_default && type.find("optional") == std::string::npos)
        type = type.empty() ? "optional" : type + ", optional";
      Entry(WithStars(*p), type, item->text);
    }
  }

  void Returns() {
    const python::FunctionFacts& f = def_.function;
    bool wants_returns = f.returns_value && !f.yields && def_.name != "__init__";
    if (wants_returns) Result("Returns", "returns", "rtype", author_.returns, f.return_annotation);
    if (f.yields) Result("Yields", "yields", "ytype", author_.yields, YieldTypeOf(f.return_annotation));
  }

  void Result(const std::string& header, const std::string& field, const std::string& type_field,
              const std::optional<DocItem>& item, const std::string& annotation) {
    if (!item || item->text.empty()) {
      Fail("docstring: " + field + " without description", "the author's docstring does not describe what it " + field);
      return;
    }
    std::string type = TypeFor(annotation, item->type);
    if (o_.style == DocstringStyle::kSphinx) {
      FieldList();
      Field(field, item->text);
      if (!type.empty()) lines_.push_back(":" + type_field + ": " + type);
      return;
    }
    Header(header, header);
    if (o_.style == DocstringStyle::kGoogle) {
      Add(Wrap(item->text, "    " + (type.empty() ? "" : type + ": "), "    ", width_));
    } else if (type.empty()) {
      Fail("docstring: " + field + " without type for numpy style", "NumPy style needs the type of what it " + field + "; annotate it or give it in the author's docstring");
    } else {
      Entry("", type, item->text);
    }
  }

  void Raises() {
    const std::vector<std::string>& raised = def_.function.raises;
    if (raised.empty()) return;
    if (o_.style == DocstringStyle::kSphinx) FieldList();
    else Header("Raises", "Raises");
    for (const std::string& name : raised) {
      const DocItem* item = FindRaise(author_.raises, name);
      if (item == nullptr || item->text.empty()) {
        Fail("docstring: raised exception without description", "raises " + name + " but the author's docstring does not say when");
        continue;
      }
      if (o_.style == DocstringStyle::kSphinx) Field("raises " + name, item->text);
      else Entry(name, "", item->text);
    }
  }

  void Attributes() {
    std::vector<std::pair<const python::Attribute*, const DocItem*>> entries;
    for (const python::Attribute& a : def_.cls.attributes) {
      const DocItem* item = FindItem(author_.attributes, a.name);
      if (item == nullptr) continue;  // the author chose which attributes to document
      if (item->text.empty()) {
        Fail("docstring: attribute without description", "attribute '" + a.name + "' has no description in the author's docstring");
        continue;
      }
      entries.emplace_back(&a, item);
    }
    if (entries.empty()) return;
    if (o_.style == DocstringStyle::kSphinx) {
      FieldList();
      for (const auto& [a, item] : entries) TypedField("ivar", "vartype", a->name, item->text, TypeFor(a->annotation, item->type));
      return;
    }
    Header("Attributes", "Attributes");
    for (const auto& [a, item] : entries) Entry(a->name, TypeFor(a->annotation, item->type), item->text);
  }

  void Notes() {
    if (o_.style == DocstringStyle::kSphinx) {
      lines_.emplace_back();
      lines_.push_back(".. note::");
      lines_.emplace_back();
      Lines(author_.notes, "    ");
      return;
    }
    Header("Note", "Notes");
    Lines(author_.notes, o_.style == DocstringStyle::kGoogle ? "    " : "");
  }

  void Examples() {
    Header("Examples", "Examples");
    Lines(author_.examples, o_.style == DocstringStyle::kGoogle ? "    " : "");
  }

  const python::Definition& def_;
  const python::ParsedDocstring& author_;
  const RenderOptions& o_;
  int width_;
  std::vector<std::string> lines_;
  std::vector<std::string> errors_;
  std::vector<std::string> reasons_;
  bool in_field_list_ = false;
};

}  // namespace

std::string WithStars(const python::Parameter& p) {
  if (p.kind == ParamKind::kVarPositional) return "*" + p.name;
  if (p.kind == ParamKind::kVarKeyword) return "**" + p.name;
  return p.name;
}

std::string WithoutStars(std::string_view name) {
  while (!name.empty() && name.front() == '*') name.remove_prefix(1);
  return std::string(name);
}

bool SameException(const std::string& documented, const std::string& raised) {
  auto last = [](const std::string& dotted) { return dotted.substr(dotted.rfind('.') + 1); };
  return documented == raised || last(documented) == last(raised);
}

std::vector<const python::Parameter*> DocumentedParams(const python::Definition& def) {
  std::vector<const python::Parameter*> out;
  const auto& params = def.function.params;
  // A method's first positional parameter is the instance or class, unless it is static.
  bool skip_first = def.kind != "function" && def.kind != "async_function" && def.kind != "staticmethod" &&
                    !def.is_class() && !params.empty() && params[0].kind != ParamKind::kVarPositional &&
                    params[0].kind != ParamKind::kKeywordOnly && params[0].kind != ParamKind::kVarKeyword;
  for (size_t i = skip_first ? 1 : 0; i < params.size(); ++i) out.push_back(&params[i]);
  return out;
}

std::string YieldTypeOf(const std::string& raw) {
  std::string annotation = Unquote(raw);
  size_t open = annotation.find('[');
  if (open == std::string::npos || annotation.back() != ']') return "";
  std::string head = annotation.substr(0, open);
  head = head.substr(head.rfind('.') + 1);
  static const char* const kGenerators[] = {"Iterator", "Iterable", "Generator", "AsyncIterator", "AsyncIterable",
                                            "AsyncGenerator"};
  if (std::none_of(std::begin(kGenerators), std::end(kGenerators), [&](const char* g) { return head == g; })) return "";
  int depth = 0;
  for (size_t i = open + 1; i + 1 < annotation.size(); ++i) {
    char c = annotation[i];
    if (c == '[' || c == '(') ++depth;
    if (c == ']' || c == ')') --depth;
    if (c == ',' && depth == 0) return annotation.substr(open + 1, i - open - 1);
  }
  return annotation.substr(open + 1, annotation.size() - open - 2);
}

Rendered RenderDocstring(const python::Definition& def, const python::ParsedDocstring& author, const RenderOptions& options) {
  return Renderer(def, author, options).Run();
}

}  // namespace trajc::domains::docstring
