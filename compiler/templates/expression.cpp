#include "templates/expression.h"

#include <cctype>
#include <stdexcept>

namespace trajc::templates {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool IsPathChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

bool IsValidPath(std::string_view p) {
  if (p.empty() || p.front() == '.' || p.back() == '.') return false;
  if (std::isdigit(static_cast<unsigned char>(p.front()))) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    if (!IsPathChar(p[i])) return false;
    if (p[i] == '.' && i + 1 < p.size() && p[i + 1] == '.') return false;
  }
  return true;
}

// English plural of a noun phrase's last word: "fix" -> "fixes", "issue" -> "issues".
std::string Plural(const std::string& noun) {
  for (const char* ending : {"s", "x", "z", "ch", "sh"})
    if (noun.ends_with(ending)) return noun + "es";
  return noun + "s";
}

std::string Render(const Json& v) { return v.is_string() ? v.get<std::string>() : Dump(v); }

}  // namespace

std::string RootOf(std::string_view path) {
  size_t dot = path.find('.');
  return std::string(path.substr(0, dot));
}

std::optional<std::string> ParsePlaceholder(std::string_view text, Placeholder& out) {
  out = Placeholder{};
  size_t bar = text.find('|');
  std::string_view path = Trim(text.substr(0, bar));
  if (!IsValidPath(path)) return "'" + std::string(path) + "' is not a valid path (names and indexes joined by '.')";
  out.path = std::string(path);
  while (bar != std::string_view::npos) {
    std::string_view rest = text.substr(bar + 1);
    size_t next = rest.find('|');
    std::string_view f = Trim(rest.substr(0, next));
    bar = next == std::string_view::npos ? next : bar + 1 + next;
    Filter filter;
    size_t paren = f.find('(');
    filter.name = std::string(Trim(f.substr(0, paren)));
    if (filter.name != "join" && filter.name != "plural")
      return "unknown filter '" + filter.name + "'; filters are join('sep') and plural('noun')";
    if (paren == std::string_view::npos || f.back() != ')')
      return "filter '" + filter.name + "' takes one quoted argument, as in " + filter.name + "('x')";
    std::string_view arg = Trim(f.substr(paren + 1, f.size() - paren - 2));
    if (arg.size() < 2 || (arg.front() != '\'' && arg.front() != '"') || arg.back() != arg.front())
      return "filter '" + filter.name + "' takes one quoted argument, as in " + filter.name + "('x')";
    filter.arg = std::string(arg.substr(1, arg.size() - 2));
    out.filters.push_back(std::move(filter));
  }
  return std::nullopt;
}

std::optional<std::string> SplitTemplateString(std::string_view text, std::vector<Piece>& out, bool& whole) {
  out.clear();
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      out.push_back({false, std::string(text.substr(pos)), {}});
      break;
    }
    if (open > pos) out.push_back({false, std::string(text.substr(pos, open - pos)), {}});
    size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) return "unterminated placeholder '{{'";
    Piece piece;
    piece.is_placeholder = true;
    if (auto err = ParsePlaceholder(text.substr(open + 2, close - open - 2), piece.placeholder)) return err;
    out.push_back(std::move(piece));
    pos = close + 2;
  }
  whole = out.size() == 1 && out[0].is_placeholder;
  return std::nullopt;
}

std::optional<Json> Walk(const Json& value, std::string_view rest) {
  const Json* current = &value;
  while (!rest.empty()) {
    size_t dot = rest.find('.');
    std::string_view key = rest.substr(0, dot);
    rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
    if (current->is_object()) {
      auto it = current->find(std::string(key));
      if (it == current->end()) return std::nullopt;
      current = &*it;
    } else if (current->is_array() && !key.empty() &&
               key.find_first_not_of("0123456789") == std::string_view::npos) {
      size_t index = std::stoul(std::string(key));
      if (index >= current->size()) return std::nullopt;
      current = &(*current)[index];
    } else {
      return std::nullopt;
    }
  }
  return *current;
}

Json EvaluatePlaceholder(const Placeholder& placeholder, const RootResolver& resolve) {
  std::string root = RootOf(placeholder.path);
  std::optional<Json> base = resolve(root);
  if (!base) throw std::runtime_error("unknown name '" + root + "'");
  std::string_view rest = std::string_view(placeholder.path).substr(root.size());
  if (!rest.empty()) rest.remove_prefix(1);
  std::optional<Json> value = Walk(*base, rest);
  if (!value || value->is_null()) throw std::runtime_error("'" + placeholder.path + "' has no value here");
  Json v = std::move(*value);
  for (const Filter& f : placeholder.filters) {
    if (f.name == "join") {
      if (!v.is_array()) throw std::runtime_error("join() needs a list, '" + placeholder.path + "' is not one");
      std::string joined;
      for (size_t i = 0; i < v.size(); ++i) joined += (i ? f.arg : std::string()) + Render(v[i]);
      v = joined;
    } else {  // plural
      if (!v.is_number_integer()) throw std::runtime_error("plural() needs a whole number, '" + placeholder.path + "' is not one");
      long long n = v.get<long long>();
      v = std::to_string(n) + " " + (n == 1 ? f.arg : Plural(f.arg));
    }
  }
  return v;
}

Json RenderString(std::string_view text, const RootResolver& resolve) {
  std::vector<Piece> pieces;
  bool whole = false;
  if (auto err = SplitTemplateString(text, pieces, whole)) throw std::runtime_error(*err);
  if (whole) return EvaluatePlaceholder(pieces[0].placeholder, resolve);
  std::string out;
  for (const Piece& p : pieces) out += p.is_placeholder ? Render(EvaluatePlaceholder(p.placeholder, resolve)) : p.text;
  return out;
}

bool Compare(const Json& left, const std::string& op, const Json& right) {
  if (left.is_number() && right.is_number()) {
    double a = left.get<double>(), b = right.get<double>();
    if (op == "==") return a == b;
    if (op == "!=") return a != b;
    if (op == "<") return a < b;
    if (op == "<=") return a <= b;
    if (op == ">") return a > b;
    if (op == ">=") return a >= b;
    return false;
  }
  if (op == "==") return left == right;
  if (op == "!=") return left != right;
  return false;
}

}  // namespace trajc::templates
