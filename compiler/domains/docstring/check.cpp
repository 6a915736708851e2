#include "domains/docstring/check.h"

#include <algorithm>

#include "domains/docstring/render.h"

namespace trajc::domains::docstring {

namespace {

using python::DocItem;
using python::DocstringStyle;

bool Documents(const std::vector<DocItem>& items, const std::string& name) {
  return std::any_of(items.begin(), items.end(), [&](const DocItem& i) { return WithoutStars(i.name) == name; });
}

class Checker {
 public:
  Checker(const python::Definition& def, DocstringStyle style) : def_(def), style_(style) {}

  std::vector<Problem> Run() {
    if (!def_.docstring) {
      Add("missing_docstring", def_.qualified_name + " has no docstring");
      return out_;
    }
    const python::ParsedDocstring& doc = def_.docstring->parsed;
    if (doc.style != DocstringStyle::kPlain && doc.style != style_)
      Add("style_mismatch", "the docstring is written in " + std::string(python::StyleName(doc.style)) + " style, not " +
                                std::string(python::StyleName(style_)));
    Layout(def_.docstring->raw);
    Summary(doc.summary);
    for (const std::string& p : doc.problems) Add("unreadable", p);
    if (def_.is_class()) {
      Class(doc);
    } else if (def_.kind == "property") {
      if (!doc.params.empty()) Add("unknown_parameter", "a property's docstring documents no parameters");
      if (doc.returns) Add("unexpected_returns", "a property's docstring describes the attribute, with no returns section");
    } else {
      Function(doc);
    }
    return out_;
  }

 private:
  void Add(std::string code, std::string message) { out_.push_back({std::move(code), std::move(message)}); }

  // What every convention (pydocstyle D205, D209, D212) asks of a multi-line docstring.
  void Layout(const std::string& raw) {
    size_t nl = raw.find('\n');
    if (nl == std::string::npos) return;
    if (raw.find_first_not_of(" \t") == nl) {
      Add("layout", "the summary must start on the first line, right after the opening quotes");
      return;
    }
    size_t second_end = raw.find('\n', nl + 1);
    std::string_view second = std::string_view(raw).substr(nl + 1, second_end == std::string::npos ? std::string::npos : second_end - nl - 1);
    bool closing_line_only = second_end == std::string::npos;
    if (!closing_line_only && second.find_first_not_of(" \t") != std::string_view::npos)
      Add("layout", "the summary must be one line followed by a blank line");
    std::string_view last = std::string_view(raw).substr(raw.rfind('\n') + 1);
    if (last.find_first_not_of(" \t") != std::string_view::npos)
      Add("layout", "the closing quotes of a multi-line docstring must be on a line of their own");
  }

  void Summary(const std::string& summary) {
    if (summary.empty()) {
      Add("missing_summary", "the docstring has no summary line");
      return;
    }
    char last = summary.back();
    bool google = style_ == DocstringStyle::kGoogle;
    if (last != '.' && !(google && (last == '?' || last == '!')))
      Add("summary_punctuation", google ? "the summary line must end with a period, question mark or exclamation point"
                                        : "the summary line must end with a period");
  }

  void Function(const python::ParsedDocstring& doc) {
    const python::FunctionFacts& f = def_.function;
    std::vector<const python::Parameter*> params = DocumentedParams(def_);
    for (const python::Parameter* p : params)
      if (!Documents(doc.params, p->name)) Add("missing_parameter", "parameter '" + p->name + "' is not documented");
    for (const DocItem& item : doc.params) {
      std::string name = WithoutStars(item.name);
      if (std::none_of(params.begin(), params.end(), [&](const python::Parameter* p) { return p->name == name; }))
        Add("unknown_parameter", "'" + item.name + "' is documented but is not a parameter of " + def_.name);
    }
    bool wants_returns = f.returns_value && !f.yields && def_.name != "__init__";
    if (wants_returns && !doc.returns) Add("missing_returns", def_.name + " returns a value that is not documented");
    if (!wants_returns && doc.returns) Add("unexpected_returns", "a returns section is documented but " + def_.name + " returns no value");
    if (f.yields && !doc.yields) Add("missing_yields", def_.name + " is a generator; document what it yields");
    if (!f.yields && doc.yields) Add("unexpected_yields", "a yields section is documented but " + def_.name + " does not yield");
    for (const std::string& raised : f.raises) {
      bool documented = std::any_of(doc.raises.begin(), doc.raises.end(), [&](const DocItem& i) { return SameException(i.name, raised); });
      if (!documented) Add("missing_raises", def_.name + " raises " + raised + ", which is not documented");
    }
    for (const DocItem& item : doc.raises) {
      bool raised = std::any_of(f.raises.begin(), f.raises.end(), [&](const std::string& r) { return SameException(item.name, r); });
      if (!raised) Add("unknown_raises", item.name + " is documented as raised but " + def_.name + " does not raise it");
    }
  }

  void Class(const python::ParsedDocstring& doc) {
    if (!doc.params.empty())
      Add("unexpected_parameters", "a class docstring documents no parameters; document them in __init__");
    std::vector<const python::Attribute*> attributes = PublicAttributes(def_);
    for (const DocItem& item : doc.attributes) {
      bool exists = std::any_of(def_.cls.attributes.begin(), def_.cls.attributes.end(),
                                [&](const python::Attribute& a) { return a.name == item.name; });
      if (!exists) Add("unknown_attribute", "'" + item.name + "' is documented but " + def_.name + " has no such attribute");
    }
    if (doc.attributes.empty()) return;
    for (const python::Attribute* a : attributes)
      if (!Documents(doc.attributes, a->name)) Add("missing_attribute", "attribute '" + a->name + "' is not documented");
  }

  const python::Definition& def_;
  DocstringStyle style_;
  std::vector<Problem> out_;
};

}  // namespace

std::vector<const python::Attribute*> PublicAttributes(const python::Definition& def) {
  std::vector<const python::Attribute*> out;
  for (const python::Attribute& a : def.cls.attributes)
    if (!a.name.starts_with("_")) out.push_back(&a);
  return out;
}

std::vector<Problem> CheckDocstring(const python::Definition& def, python::DocstringStyle style) {
  return Checker(def, style).Run();
}

}  // namespace trajc::domains::docstring
