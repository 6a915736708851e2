#include "lint/rules/pyflakes/string_dot_format.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lint/rules/pyflakes/format_fields.h"
#include "lint/rules/pyflakes/python_chars.h"
#include "lint/rules/pyflakes/str_constant.h"
#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;
namespace field = python::field;

using python::Field;
using python::Is;

// What the call passes: its positional count and keyword names, or nothing known when it
// has `*args` or `**kwargs` (pyflakes then checks the string alone).
struct CallArguments {
  bool splat = false;
  size_t positional = 0;
  std::set<std::string> keywords;
};

CallArguments ArgumentsOf(const Source& src, TSNode call) {
  CallArguments args;
  TSNode list = Field(call, field::kArguments);
  if (Is(list, kind::kGeneratorExpression)) {  // `'{}'.format(x for x in y)`
    args.positional = 1;
    return args;
  }
  for (TSNode a : python::NamedChildren(list)) {
    if (Is(a, kind::kComment)) continue;
    if (Is(a, kind::kListSplat) || Is(a, kind::kParenthesizedListSplat) || Is(a, kind::kDictionarySplat)) {
      args.splat = true;
    } else if (Is(a, kind::kKeywordArgument)) {
      args.keywords.insert(std::string(src.tree->TextOf(Field(a, field::kName))));
    } else {
      ++args.positional;
    }
  }
  return args;
}

// Whether the canonical integer `key` (PythonInt) is an index below `count`.
bool IsIndexBelow(const std::string& key, size_t count) {
  if (key.empty() || key[0] == '-' || key.size() > 18) return false;
  return std::stoull(key) < count;
}

std::string Join(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

class DotFormatCheck {
 public:
  DotFormatCheck(const Source& src, TSNode call, Findings& out) : src_(src), call_(call), out_(out) {}

  void Run(std::u32string_view format) {
    ParsedFormat parsed = ParseFormatString(format);
    if (!parsed.error.empty()) return Report(kStringDotFormatInvalidFormat, {parsed.error});
    for (const FormatField& f : parsed.fields) {
      if (AddKey(f.name)) return;
      // A format spec may hold replacement fields too (`{:{width}}`), one level deep.
      ParsedFormat nested = ParseFormatString(f.spec);
      if (!nested.error.empty()) return Report(kStringDotFormatInvalidFormat, {nested.error});
      for (const FormatField& g : nested.fields) {
        if (g.spec.find(U'{') != std::u32string::npos) {
          return Report(kStringDotFormatInvalidFormat, {"Max string recursion exceeded"});
        }
        if (AddKey(g.name)) return;
      }
    }
    CallArguments args = ArgumentsOf(src_, call_);
    if (args.splat) return;
    std::set<std::string> extra_positional, extra_named, missing;
    for (size_t i = 0; i < args.positional; ++i) {
      if (!positional_.contains(std::to_string(i))) extra_positional.insert(std::to_string(i));
    }
    for (const std::string& k : args.keywords) {
      if (!named_.contains(k)) extra_named.insert(k);
    }
    for (const std::string& p : positional_) {
      if (!IsIndexBelow(p, args.positional)) missing.insert(p);
    }
    for (const std::string& k : named_) {
      if (!args.keywords.contains(k)) missing.insert(k);
    }
    if (!extra_positional.empty()) Report(kStringDotFormatExtraPositionalArguments, {Join(extra_positional)});
    if (!extra_named.empty()) Report(kStringDotFormatExtraNamedArguments, {Join(extra_named)});
    if (!missing.empty()) Report(kStringDotFormatMissingArgument, {Join(missing)});
  }

 private:
  // pyflakes' _add_key: true when numbering is mixed (reported; the check stops).
  bool AddKey(std::u32string_view name) {
    // Attributes and indices are the argument's business: `{0.real}`, `{a[1]}`.
    name = name.substr(0, name.find(U'.'));
    name = name.substr(0, name.find(U'['));
    if (std::optional<std::string> index = PythonInt(name)) {
      if (auto_ == Numbering::kAutomatic) return Mixed();
      auto_ = Numbering::kManual;
      positional_.insert(*index);
    } else if (name.empty()) {
      if (auto_ == Numbering::kManual) return Mixed();
      auto_ = Numbering::kAutomatic;
      positional_.insert(std::to_string(next_auto_++));
    } else {
      named_.insert(ToUtf8(name));
    }
    return false;
  }

  bool Mixed() {
    Report(kStringDotFormatMixingAutomatic);
    return true;
  }

  void Report(const Violation& v, std::initializer_list<std::string_view> args = {}) {
    for (std::string_view a : args) {
      if (MentionsUnnamed(a)) return;  // a character trajc cannot print (str_constant.h)
    }
    TSPoint at = ts_node_start_point(call_);
    Finding& f = lint::Report(out_, v, static_cast<int>(at.row) + 1, static_cast<int>(at.column), args);
    f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
  }

  enum class Numbering { kUnknown, kAutomatic, kManual };

  const Source& src_;
  TSNode call_;
  Findings& out_;
  Numbering auto_ = Numbering::kUnknown;
  size_t next_auto_ = 0;
  std::set<std::string> positional_;  // canonical decimal, sorted as strings as pyflakes prints them
  std::set<std::string> named_;
};

// The string of `s.format(...)` when `s` is an ast.Str, else a null node.
TSNode FormatReceiver(const Source& src, TSNode call) {
  TSNode func = Unparenthesized(Field(call, field::kFunction));
  if (!Is(func, kind::kAttribute)) return TSNode{};
  if (src.tree->TextOf(Field(func, field::kAttribute)) != "format") return TSNode{};
  TSNode object = Unparenthesized(Field(func, field::kObject));
  return IsStrConstant(src, object) ? object : TSNode{};
}

}  // namespace

void CheckStringDotFormat(const Source& src, const python::FlatTree& tree, Findings& out) {
  for (const python::FlatTree::Node& n : tree.nodes()) {
    if (!kind::kCall.Matches(n.symbol)) continue;
    TSNode receiver = FormatReceiver(src, n.node);
    if (ts_node_is_null(receiver)) continue;
    std::optional<std::string> format = StrConstantValue(src, receiver);
    if (!format) continue;  // `\N{...}` or a lone surrogate: the value is not known here
    DotFormatCheck(src, n.node, out).Run(ToCodePoints(*format));
  }
}

}  // namespace trajc::lint
