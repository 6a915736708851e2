#include "core/json_locate.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/json.h"

namespace trajc {

namespace {

constexpr size_t kNone = std::string_view::npos;

size_t SkipSpace(std::string_view text, size_t at) {
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) ++at;
  return at;
}

// `at` is on the opening quote; returns the offset just past the closing quote.
size_t SkipString(std::string_view text, size_t at) {
  for (++at; at < text.size(); ++at) {
    if (text[at] == '\\') ++at;
    else if (text[at] == '"') return at + 1;
  }
  return kNone;
}

// `at` is on the first character of a value; returns the offset just past it.
size_t SkipValue(std::string_view text, size_t at) {
  if (at >= text.size()) return kNone;
  char c = text[at];
  if (c == '"') return SkipString(text, at);
  if (c == '{' || c == '[') {
    int depth = 0;
    for (; at < text.size(); ++at) {
      char d = text[at];
      if (d == '"') {
        at = SkipString(text, at);
        if (at == kNone) return kNone;
        --at;  // the loop's ++at steps past the closing quote
      } else if (d == '{' || d == '[') {
        ++depth;
      } else if (d == '}' || d == ']') {
        if (--depth == 0) return at + 1;
      }
    }
    return kNone;
  }
  while (at < text.size() && text[at] != ',' && text[at] != '}' && text[at] != ']' && text[at] != ' ' &&
         text[at] != '\t' && text[at] != '\n' && text[at] != '\r')
    ++at;
  return at;
}

// The key of the string literal text[begin, end) (quotes included), unescaped.
std::string KeyText(std::string_view literal) {
  if (literal.find('\\') == std::string_view::npos) return std::string(literal.substr(1, literal.size() - 2));
  Json parsed = Json::parse(literal, nullptr, false);
  return parsed.is_string() ? parsed.get<std::string>() : std::string();
}

size_t MemberValue(std::string_view text, size_t at, const std::string& token) {
  at = SkipSpace(text, at + 1);
  while (at < text.size() && text[at] == '"') {
    size_t key_end = SkipString(text, at);
    if (key_end == kNone) return kNone;
    bool match = KeyText(text.substr(at, key_end - at)) == token;
    at = SkipSpace(text, key_end);
    if (at >= text.size() || text[at] != ':') return kNone;
    at = SkipSpace(text, at + 1);
    if (match) return at;
    at = SkipValue(text, at);
    if (at == kNone) return kNone;
    at = SkipSpace(text, at);
    if (at >= text.size() || text[at] != ',') return kNone;
    at = SkipSpace(text, at + 1);
  }
  return kNone;
}

size_t ElementValue(std::string_view text, size_t at, const std::string& token) {
  size_t index = 0;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
  if (ec != std::errc() || end != token.data() + token.size() || token.empty()) return kNone;
  at = SkipSpace(text, at + 1);
  for (size_t i = 0; at < text.size() && text[at] != ']'; ++i) {
    if (i == index) return at;
    at = SkipValue(text, at);
    if (at == kNone) return kNone;
    at = SkipSpace(text, at);
    if (at >= text.size() || text[at] != ',') return kNone;
    at = SkipSpace(text, at + 1);
  }
  return kNone;
}

}  // namespace

size_t LocateJsonValue(std::string_view text, const std::vector<std::string>& tokens) {
  size_t at = SkipSpace(text, 0);
  for (const std::string& token : tokens) {
    if (at >= text.size()) return kNone;
    if (text[at] == '{') at = MemberValue(text, at, token);
    else if (text[at] == '[') at = ElementValue(text, at, token);
    else return kNone;
    if (at == kNone) return kNone;
  }
  return at < text.size() ? at : kNone;
}

OutOfRangeNumber FindOutOfRangeNumber(std::string_view text) {
  for (size_t at = 0; at < text.size();) {
    char c = text[at];
    if (c == '"') {
      at = SkipString(text, at);
      if (at == kNone) break;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      size_t end = at;
      while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '-' ||
                                   text[end] == '+' || text[end] == '.' || text[end] == 'e' || text[end] == 'E'))
        ++end;
      std::string number(text.substr(at, end - at));
      if (!std::isfinite(std::strtod(number.c_str(), nullptr))) {
        if (number.size() > 40) number = number.substr(0, 37) + "...";
        return {at, "number out of range: " + number + " is beyond what a double holds (magnitude up to 1.8e308)"};
      }
      at = end;
    } else {
      ++at;
    }
  }
  return {kNone, "number out of range: beyond what a double holds (magnitude up to 1.8e308)"};
}

}  // namespace trajc
