// compile/options — GenerateOptions as the command line, manifest.json's "flags" and back
// (declared in compile.h). One function per direction, so that adding a flag that
// changes the output means one edit here, and `trajc check` recompiles with exactly the
// flags `trajc generate` recorded.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "compile/compile.h"
#include "core/diagnostic.h"
#include "core/json_locate.h"

namespace trajc::compile {

namespace {

// "not a trajc manifest: …", located at the value `tokens` lead to in `text` (or at the
// nearest enclosing value that exists; the whole file when there is no text).
Error NotAManifest(const std::string& path, std::string_view text, std::vector<std::string> tokens,
                   const std::string& what) {
  Location at{path, 0, 0};
  while (!text.empty()) {
    size_t offset = LocateJsonValue(text, tokens);
    if (offset != std::string_view::npos) {
      at = LocationOfOffset(path, text, offset);
      break;
    }
    if (tokens.empty()) break;
    tokens.pop_back();
  }
  return Error(at, "not a trajc manifest: " + what);
}

// `"flags".count`, `"splits".train.sha256`, `"inputs".templates[3].path`.
std::string FieldName(const std::vector<std::string>& tokens) {
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    bool index = !tokens[i].empty() && tokens[i].find_first_not_of("0123456789") == std::string::npos && i > 0 &&
                 (tokens[i - 1] == "templates" || tokens[i - 1] == "fixtures" || tokens[i - 1] == "split");
    if (index) out += "[" + tokens[i] + "]";
    else out += i == 0 ? "\"" + tokens[i] + "\"" : "." + tokens[i];
  }
  return out;
}

std::string A(const Json& value) {
  std::string type = value.type_name();
  return std::string(type == "array" || type == "object" ? "an " : "a ") + type;
}

// Checks that the value at `tokens` (when present, or always when `required`) is what
// `ok` accepts; "must be <expected>, got <a type>" otherwise.
struct Shape {
  const std::string& path;
  std::string_view text;

  const Json* Field(const Json& parent, const std::vector<std::string>& tokens, bool required) const {
    if (!parent.is_object() || !parent.contains(tokens.back())) {
      if (required) throw NotAManifest(path, text, tokens, FieldName(tokens) + " is missing");
      return nullptr;
    }
    return &parent[tokens.back()];
  }
  void Expect(const Json& value, const std::vector<std::string>& tokens, bool ok, const std::string& expected) const {
    if (!ok) throw NotAManifest(path, text, tokens, FieldName(tokens) + " must be " + expected + ", got " + A(value));
  }
  void String(const Json& parent, const std::vector<std::string>& tokens, bool required) const {
    if (const Json* v = Field(parent, tokens, required)) Expect(*v, tokens, v->is_string(), "a string");
  }
};

}  // namespace

std::string CommandLine(const GenerateOptions& o) {
  std::ostringstream s;
  s << "trajc --domain " << o.domain << " --count " << o.count << " --split ";
  for (size_t i = 0; i < o.split.size(); ++i) s << (i ? "," : "") << o.split[i];
  s << " --seed " << o.seed;
  if (!o.style.empty()) s << " --style " << o.style;
  if (o.format != "chat") s << " --format " << o.format;
  if (o.completion_only) s << " --completion-only";
  if (o.with_meta) s << " --with-meta";
  if (o.shard.count > 1) s << " --shard " << ShardText(o.shard);
  if (o.eval_fraction) s << " --eval-fraction " << *o.eval_fraction;
  if (!o.holdout_by.empty()) s << " --holdout-by " << o.holdout_by;
  return s.str();
}

Json ManifestFlags(const GenerateOptions& o) {
  Json flags = {{"domain", o.domain}, {"count", o.count}, {"split", o.split.size() == 1 ? Json(o.split[0]) : Json(o.split)},
                {"seed", o.seed}};
  if (!o.style.empty()) flags["style"] = o.style;
  if (o.format != "chat") flags["format"] = o.format;
  if (o.with_meta) flags["with_meta"] = true;
  if (o.completion_only) flags["completion_only"] = true;
  if (o.shard.count > 1) flags["shard"] = ShardText(o.shard);
  if (o.eval_fraction) flags["eval_fraction"] = *o.eval_fraction;
  if (!o.holdout_by.empty()) flags["holdout_by"] = o.holdout_by;
  return flags;
}

GenerateOptions OptionsFromManifest(const Json& manifest, const std::string& path, std::string_view text) {
  if (!manifest.is_object()) throw NotAManifest(path, text, {}, "not a JSON object");
  const Json& f = manifest.value("flags", Json());
  if (!f.is_object() || !f.contains("domain") || !f.contains("count") || !f.contains("split") || !f.contains("seed"))
    throw NotAManifest(path, text, {"flags"}, "\"flags\" needs domain, count, split and seed");
  Shape shape{path, text};
  auto at = [](const char* key) { return std::vector<std::string>{"flags", key}; };
  shape.Expect(f["domain"], at("domain"), f["domain"].is_string(), "a string");
  shape.Expect(f["count"], at("count"), f["count"].is_number(), "an integer from " + CountRangeText());
  const Json& split = f["split"];
  bool numbers = split.is_number() || (split.is_array() && !split.empty());
  if (split.is_array())
    for (const Json& share : split) numbers = numbers && share.is_number();
  shape.Expect(split, at("split"), numbers, "a number or an array of numbers");
  shape.Expect(f["seed"], at("seed"), f["seed"].is_number(), "an integer from 0 to 2^64-1");
  for (const char* key : {"style", "format", "shard", "holdout_by"}) shape.String(f, at(key), false);
  if (f.contains("eval_fraction"))
    shape.Expect(f["eval_fraction"], at("eval_fraction"), f["eval_fraction"].is_number(), "a number between 0 and 1");
  for (const char* key : {"with_meta", "completion_only"})
    if (f.contains(key)) shape.Expect(f[key], at(key), f[key].is_boolean(), "true or false");

  GenerateOptions o;
  o.domain = f["domain"].get<std::string>();
  // get<int64_t>() and get<uint64_t>() would cast 1e30 or wrap 2^63 and -3: a wrong count or seed.
  const Json& count = f["count"];
  if (!count.is_number_integer() ||
      (count.is_number_unsigned() ? count.get<uint64_t>() > uint64_t{kMaxCount}
                                  : count.get<int64_t>() < 1 || count.get<int64_t>() > kMaxCount))
    throw NotAManifest(path, text, at("count"),
                       "\"flags\".count is an integer from " + CountRangeText() + ", got " + count.dump());
  o.count = count.get<int64_t>();
  o.split = split.is_array() ? split.get<std::vector<double>>() : std::vector<double>{split.get<double>()};
  if (!f["seed"].is_number_integer() || (!f["seed"].is_number_unsigned() && f["seed"].get<int64_t>() < 0))
    throw NotAManifest(path, text, at("seed"), "\"flags\".seed is an integer from 0 to 2^64-1, got " + f["seed"].dump());
  o.seed = f["seed"].get<uint64_t>();
  o.style = f.value("style", "");
  o.format = f.value("format", "chat");
  o.with_meta = f.value("with_meta", false);
  o.completion_only = f.value("completion_only", false);
  if (f.contains("eval_fraction")) o.eval_fraction = f["eval_fraction"].get<double>();
  o.holdout_by = f.value("holdout_by", "");
  std::string shard = f.value("shard", "");
  if (!shard.empty()) {
    std::optional<Shard> parsed = ParseShard(shard);
    if (!parsed) throw NotAManifest(path, text, at("shard"), "\"flags\".shard is K/N (e.g. 0/8), got '" + shard + "'");
    o.shard = *parsed;
  }
  return o;
}

void CheckManifestShape(const Json& manifest, const std::string& path, std::string_view text) {
  if (!manifest.is_object()) throw NotAManifest(path, text, {}, "not a JSON object");
  Shape shape{path, text};
  shape.String(manifest, {"command"}, false);
  if (const Json* inputs = shape.Field(manifest, {"inputs"}, false)) {
    shape.Expect(*inputs, {"inputs"}, inputs->is_object(), "an object");
    if (const Json* schemas = shape.Field(*inputs, {"inputs", "schemas"}, false)) {
      shape.Expect(*schemas, {"inputs", "schemas"}, schemas->is_object(), "an object");
      for (const char* key : {"path", "sha256"}) shape.String(*schemas, {"inputs", "schemas", key}, true);
    }
    for (const char* kind : {"templates", "fixtures"}) {
      const Json* list = shape.Field(*inputs, {"inputs", kind}, false);
      if (list == nullptr) continue;
      shape.Expect(*list, {"inputs", kind}, list->is_array(), "an array");
      for (size_t i = 0; i < list->size(); ++i) {
        std::vector<std::string> at = {"inputs", kind, std::to_string(i)};
        shape.Expect((*list)[i], at, (*list)[i].is_object(), "an object");
        for (const char* key : {"path", "sha256"}) {
          at.push_back(key);
          shape.String((*list)[i], at, true);
          at.pop_back();
        }
      }
    }
  }
  const Json* splits = shape.Field(manifest, {"splits"}, true);
  shape.Expect(*splits, {"splits"}, splits->is_object() && !splits->empty(), "an object naming the dataset's files");
  for (const auto& [name, entry] : splits->items()) {
    shape.Expect(entry, {"splits", name}, entry.is_object(), "an object");
    shape.String(entry, {"splits", name, "sha256"}, true);
    if (const Json* file = shape.Field(entry, {"splits", name, "file"}, false)) {
      std::string f = file->is_string() ? file->get<std::string>() : "";
      shape.Expect(*file, {"splits", name, "file"},
                   !f.empty() && f != "." && f != ".." && f.find('/') == std::string::npos,
                   "the name of a file beside the manifest");
    }
  }
}

std::optional<std::vector<double>> ParseSplit(std::string_view text) {
  std::vector<double> shares;
  std::stringstream parts{std::string(text)};
  for (std::string part; std::getline(parts, part, ',');) {
    char* end = nullptr;
    double v = std::strtod(part.c_str(), &end);
    if (part.empty() || end == part.c_str() || *end != '\0') return std::nullopt;
    shares.push_back(v);
  }
  return shares;
}

std::string CountRangeText() { return "1 to " + std::to_string(kMaxCount) + " (2^53)"; }

std::optional<int64_t> ParseCount(std::string_view text) {
  int64_t count = 0;
  const char* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(text.data(), end, count);
  if (text.empty() || ec != std::errc() || stop != end) return std::nullopt;
  return count;
}

std::optional<Shard> ParseShard(std::string_view text) {
  // Digits only, each part below 2^64: sscanf's %llu skipped spaces, took a sign and
  // clamped an overflowing N to 2^64-1 without a word.
  auto whole = [](std::string_view part, uint64_t& out) {
    if (part.empty() || part.find_first_not_of("0123456789") != std::string_view::npos) return false;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return ec == std::errc() && end == part.data() + part.size();
  };
  size_t slash = text.find('/');
  Shard shard;
  if (slash == std::string_view::npos || !whole(text.substr(0, slash), shard.index) ||
      !whole(text.substr(slash + 1), shard.count))
    return std::nullopt;
  return shard;
}

std::string ShardText(const Shard& shard) { return std::to_string(shard.index) + "/" + std::to_string(shard.count); }

}  // namespace trajc::compile
