#include "core/yaml.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include "core/files.h"
#include "core/utf8.h"

namespace trajc {

namespace {

Location At(const std::string& path, const YAML::Mark& mark) {
  return {path, mark.line + 1, mark.column + 1};
}

// Where a yaml-cpp exception points, kept inside `text`: having read past the end of the
// input (an escape's backslash as the last byte), yaml-cpp marks a column past the end of
// the last line; the column is then the one just after the line's last byte.
Location ErrorAt(const std::string& path, std::string_view text, const YAML::Mark& mark) {
  Location at = At(path, mark);
  size_t begin = 0;
  for (int line = 1; line < at.line && begin != std::string_view::npos; ++line) {
    begin = text.find('\n', begin);
    if (begin != std::string_view::npos) ++begin;
  }
  if (begin == std::string_view::npos) return at;
  size_t end = std::min(text.find('\n', begin), text.size());
  if (at.column > static_cast<int>(end - begin) + 1) at.column = static_cast<int>(end - begin) + 1;
  return at;
}

// yaml-cpp's message as one printable line: its messages are ASCII except the character
// some of them quote ("unknown escape character: "), which is appended as one raw byte —
// 0x04 at the end of the input, or the first byte of a multi-byte UTF-8 character, which
// is not UTF-8 on its own. Such bytes are written as \xNN, the end of input in words.
std::string YamlMessage(const std::string& message) {
  std::string out;
  for (unsigned char c : message) {
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else if (c == 0x04) {  // yaml-cpp's Stream::eof(); never in the text (a forbidden control)
      out += "end of input";
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    }
  }
  return out;
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

Json ScalarToJson(const std::string& tag, const std::string& s) {
  if (tag == "!") return s;  // quoted: always a string
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

// The first character YAML forbids in a stream (YAML 1.2 §5.1, c-printable): C0 controls
// other than tab, LF and CR (NUL among them), DEL, C1 controls other than NEL, U+FFFE and
// U+FFFF. `text` is valid UTF-8. Returns npos when there is none.
size_t FindForbiddenCharacter(std::string_view text, uint32_t& code) {
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) {
        code = b;
        return i;
      }
      ++i;
      continue;
    }
    CodePoint cp = DecodeUtf8(text, i);
    if ((cp.value >= 0x80 && cp.value <= 0x9F && cp.value != 0x85) || cp.value == 0xFFFE || cp.value == 0xFFFF) {
      code = cp.value;
      return i;
    }
    i += cp.length;
  }
  return std::string_view::npos;
}

std::string CodePointName(uint32_t code) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(code));
  return buf;
}

// Builds the JSON value and its locations straight from the parser's events, so that an
// alias is seen where it is written: its expansion is counted against the budgets below
// before it is copied, and nesting is counted as it opens. Iterative: no recursion on our
// side whatever the depth.
class Builder : public YAML::EventHandler {
 public:
  Builder(YamlDocument& doc) : doc_(doc) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (ExpectingKey()) throw Error(At(doc_.path, mark), "mapping keys must be plain strings");
    std::string pointer = BeginValue(mark);
    size_t first = log_.size();
    Log(pointer, At(doc_.path, mark));
    ++nodes_;
    if (anchor) Remember(anchor, Json(nullptr), pointer, first, 1, 0, 0, std::nullopt);
    EndValue(Json(nullptr));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (ExpectingKey()) {
      if (anchor) {
        Remember(anchor, ScalarToJson(tag, value), "", log_.size(), 1, value.size(), 0, value);
        anchors_[anchor].locations.emplace_back("", At(doc_.path, mark));
      }
      Key(value, At(doc_.path, mark));
      return;
    }
    std::string pointer = BeginValue(mark);
    size_t first = log_.size();
    Log(pointer, At(doc_.path, mark));
    ++nodes_;
    text_ += value.size();
    Json json = ScalarToJson(tag, value);
    if (anchor) Remember(anchor, json, pointer, first, 1, value.size(), 0, value);
    EndValue(std::move(json));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end())  // yaml-cpp refuses undefined aliases itself; this is a guard
      throw Error(At(doc_.path, mark), "alias to an undefined anchor");
    const Anchor& a = it->second;
    if (ExpectingKey()) {
      if (!a.scalar) throw Error(At(doc_.path, mark), "mapping keys must be plain strings");
      Key(*a.scalar, At(doc_.path, mark));
      return;
    }
    std::string pointer = BeginValue(mark);
    // What the copy costs: its nodes, its text, and its locations' pointers and paths.
    alias_nodes_ += a.nodes;
    alias_text_ += a.text + a.pointer_text + a.locations.size() * (pointer.size() + doc_.path.size());
    if (alias_nodes_ > kMaxYamlAliasNodes)
      throw Error(At(doc_.path, mark), "YAML aliases expand past " + std::to_string(kMaxYamlAliasNodes) +
                                           " nodes; write the repeated values out, or nest fewer aliases");
    if (alias_text_ > kMaxYamlAliasBytes)
      throw Error(At(doc_.path, mark), "YAML aliases expand past " + std::to_string(kMaxYamlAliasBytes >> 20) +
                                           " MiB of text; write the repeated values out, or alias shorter ones");
    if (stack_.size() + a.height > kMaxYamlDepth) DepthError(mark);
    nodes_ += a.nodes;
    text_ += a.text;
    for (const auto& [relative, where] : a.locations) Log(pointer + relative, where);
    EndValue(Json(a.value), a.height);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, anchor, Json::array());
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, anchor, Json::object());
  }
  void OnMapEnd() override { Close(); }

  bool done() const { return done_; }

  // Every location, later assignments winning (a map child's value location is logged
  // before its key's, as the recursive conversion did).
  void Finish() {
    for (auto& [pointer, where] : log_) doc_.locations[std::move(pointer)] = std::move(where);
  }

 private:
  struct Anchor {
    Json value;
    std::vector<std::pair<std::string, Location>> locations;  // relative pointer -> where
    size_t nodes = 0, text = 0, pointer_text = 0, height = 0;  // height: levels of collections
    std::optional<std::string> scalar;  // a scalar's text, usable as a mapping key
  };
  struct Frame {
    Json value;
    std::string pointer;
    YAML::anchor_t anchor = 0;
    size_t first_log = 0, nodes_before = 0, text_before = 0, height = 1;
    bool want_key = true;  // maps: the next event is a key
    std::string key;
    Location key_at;
  };

  bool ExpectingKey() const { return !stack_.empty() && stack_.back().value.is_object() && stack_.back().want_key; }

  void Key(const std::string& key, Location where) {
    Frame& f = stack_.back();
    if (f.value.contains(key)) throw Error(where, "duplicate key '" + key + "'");
    f.key = key;
    f.key_at = std::move(where);
    f.want_key = false;
    text_ += key.size();
  }

  // The pointer of the value that starts now.
  std::string BeginValue(const YAML::Mark& mark) {
    if (stack_.empty()) {
      if (done_) throw Error(At(doc_.path, mark), "more than one value in the YAML document");
      return "";
    }
    Frame& f = stack_.back();
    if (f.value.is_array()) return f.pointer + "/" + std::to_string(f.value.size());
    return f.pointer + "/" + EscapePointerToken(f.key);
  }

  void EndValue(Json value, size_t height = 0) {
    if (stack_.empty()) {
      doc_.value = std::move(value);
      done_ = true;
      return;
    }
    Frame& f = stack_.back();
    f.height = std::max(f.height, height + 1);
    if (f.value.is_array()) {
      f.value.push_back(std::move(value));
    } else {
      Log(f.pointer + "/" + EscapePointerToken(f.key) + "#key", f.key_at);
      f.value[f.key] = std::move(value);
      f.want_key = true;
    }
  }

  void Open(const YAML::Mark& mark, YAML::anchor_t anchor, Json empty) {
    if (ExpectingKey()) throw Error(At(doc_.path, mark), "mapping keys must be plain strings");
    if (stack_.size() >= kMaxYamlDepth) DepthError(mark);
    std::string pointer = BeginValue(mark);
    Frame f;
    f.value = std::move(empty);
    f.pointer = std::move(pointer);
    f.anchor = anchor;
    f.first_log = log_.size();
    f.nodes_before = nodes_;
    f.text_before = text_;
    Log(f.pointer, At(doc_.path, mark));
    ++nodes_;
    stack_.push_back(std::move(f));
  }

  void Close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.anchor)
      Remember(f.anchor, f.value, f.pointer, f.first_log, nodes_ - f.nodes_before, text_ - f.text_before,
               f.height, std::nullopt);
    EndValue(std::move(f.value), f.height);
  }

  void Remember(YAML::anchor_t id, const Json& value, const std::string& pointer, size_t first_log, size_t nodes,
                size_t text, size_t height, std::optional<std::string> scalar) {
    Anchor a;
    a.value = value;
    for (size_t i = first_log; i < log_.size(); ++i) {
      std::string relative = log_[i].first.substr(pointer.size());
      a.pointer_text += relative.size();
      a.locations.emplace_back(std::move(relative), log_[i].second);
    }
    a.nodes = nodes;
    a.text = text;
    a.height = height;
    a.scalar = std::move(scalar);
    anchors_[id] = std::move(a);
  }

  [[noreturn]] void DepthError(const YAML::Mark& mark) {
    throw Error(At(doc_.path, mark), "YAML nests deeper than " + std::to_string(kMaxYamlDepth) +
                                         " levels; flatten the structure");
  }

  void Log(std::string pointer, Location where) { log_.emplace_back(std::move(pointer), std::move(where)); }

  YamlDocument& doc_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, Anchor> anchors_;
  std::vector<std::pair<std::string, Location>> log_;
  size_t nodes_ = 0, text_ = 0;              // produced so far, aliases included
  size_t alias_nodes_ = 0, alias_text_ = 0;  // produced by aliases alone
  bool done_ = false;
};

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
  uint32_t code = 0;
  size_t forbidden = FindForbiddenCharacter(text, code);
  if (forbidden != std::string::npos) {
    Location loc = LocationOfOffset(path, text, forbidden);
    std::string what = code == 0                                 ? std::string("NUL byte")
                       : code < 0x20 || (code >= 0x7F && code <= 0x9F) ? "control character " + CodePointName(code)
                                                                       : "character " + CodePointName(code);
    throw Error(loc, what +
                         " is not allowed in YAML; remove it, or write it as an escape (\\u" +
                         CodePointName(code).substr(2) + ") inside a double-quoted string");
  }
  Builder builder(doc);
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
  } catch (const YAML::Exception& e) {
    throw Error(ErrorAt(path, text, e.mark), "invalid YAML: " + YamlMessage(e.msg));
  }
  builder.Finish();
  if (!builder.done()) {  // no document: an empty file, or only comments
    doc.empty = true;
    doc.value = nullptr;
    doc.locations[""] = Location{path, 1, 1};
  }
  return doc;
}

YamlDocument LoadYaml(const std::string& path) { return ParseYaml(path, ReadFile(path)); }


}  // namespace trajc
