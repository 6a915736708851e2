#include "core/yaml.h"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdlib>
#include <set>

#include "core/files.h"
#include "core/utf8.h"

namespace trajc {

namespace {

Location At(const std::string& path, const YAML::Mark& mark) {
  return {path, mark.line + 1, mark.column + 1};
}

bool IsDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// YAML 1.2 core schema: [-+]?[0-9]+ is an integer, [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? a float.
bool IsInteger(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return IsDigits(s);
}

bool IsFloat(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  size_t e = s.find_first_of("eE");
  std::string_view mantissa = s.substr(0, e);
  if (e != std::string_view::npos) {
    std::string_view exponent = s.substr(e + 1);
    if (!exponent.empty() && (exponent[0] == '-' || exponent[0] == '+')) exponent.remove_prefix(1);
    if (!IsDigits(exponent)) return false;
  }
  size_t dot = mantissa.find('.');
  if (dot == std::string_view::npos) return IsDigits(mantissa);
  std::string_view whole = mantissa.substr(0, dot), fraction = mantissa.substr(dot + 1);
  if (whole.empty()) return IsDigits(fraction);
  return IsDigits(whole) && (fraction.empty() || IsDigits(fraction));
}

Json ScalarToJson(const YAML::Node& node) {
  const std::string& s = node.Scalar();
  if (node.Tag() == "!") return s;  // quoted: always a string
  if (s == "null" || s == "Null" || s == "NULL" || s == "~" || s.empty()) return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  if (IsInteger(s)) {
    errno = 0;
    long long v = std::strtoll(s.c_str(), nullptr, 10);
    if (errno == 0) return v;
  }
  if (IsFloat(s)) return std::strtod(s.c_str(), nullptr);
  return s;
}

void Convert(const YAML::Node& node, const std::string& pointer, YamlDocument& doc, Json& out) {
  doc.locations[pointer] = At(doc.path, node.Mark());
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      out = nullptr;
      return;
    case YAML::NodeType::Scalar:
      out = ScalarToJson(node);
      return;
    case YAML::NodeType::Sequence: {
      out = Json::array();
      size_t i = 0;
      for (const auto& item : node) {
        Json child;
        Convert(item, pointer + "/" + std::to_string(i++), doc, child);
        out.push_back(std::move(child));
      }
      return;
    }
    case YAML::NodeType::Map: {
      out = Json::object();
      for (const auto& kv : node) {
        if (!kv.first.IsScalar())
          throw Error(At(doc.path, kv.first.Mark()), "mapping keys must be plain strings");
        const std::string& key = kv.first.Scalar();
        if (out.contains(key))
          throw Error(At(doc.path, kv.first.Mark()), "duplicate key '" + key + "'");
        Json child;
        std::string child_pointer = pointer + "/" + EscapePointerToken(key);
        doc.locations[child_pointer] = At(doc.path, kv.second.Mark());
        Convert(kv.second, child_pointer, doc, child);
        // The key's own position is more useful than the value's for a missing/extra key.
        doc.locations[child_pointer + "#key"] = At(doc.path, kv.first.Mark());
        out[key] = std::move(child);
      }
      return;
    }
  }
}

}  // namespace

std::string EscapePointerToken(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

Location YamlDocument::Locate(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    auto it = locations.find(p);
    if (it != locations.end()) return it->second;
    size_t slash = p.rfind('/');
    if (slash == std::string::npos) return {path, 1, 1};
    p.resize(slash);
  }
}

Error YamlDocument::ErrorAt(const std::string& pointer, std::string message) const {
  return Error(Locate(pointer), std::move(message));
}

YamlDocument ParseYaml(const std::string& path, const std::string& text) {
  YamlDocument doc;
  doc.path = path;
  size_t bad = FindInvalidUtf8(text);
  if (bad != std::string::npos) {
    Location loc = LocationOfOffset(path, text, bad);
    throw Error(loc, "invalid UTF-8 byte; save the file as UTF-8");
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw Error(At(path, e.mark), "invalid YAML: " + e.msg);
  }
  Convert(root, "", doc, doc.value);
  return doc;
}

YamlDocument LoadYaml(const std::string& path) { return ParseYaml(path, ReadFile(path)); }


}  // namespace trajc
