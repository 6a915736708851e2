// compile/options — GenerateOptions as the command line, manifest.json's "flags" and back
// (declared in compile.h). One function per direction, so that adding a flag that
// changes the output means one edit here, and `trajc check` recompiles with exactly the
// flags `trajc generate` recorded.
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "compile/compile.h"
#include "core/diagnostic.h"

namespace trajc::compile {

namespace {

Error NotAManifest(const std::string& path, const std::string& what) {
  return Error({path, 0, 0}, "not a trajc manifest: " + what);
}

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
  return flags;
}

GenerateOptions OptionsFromManifest(const Json& manifest, const std::string& path) {
  if (!manifest.is_object()) throw NotAManifest(path, "not a JSON object");
  const Json& f = manifest.value("flags", Json());
  if (!f.is_object() || !f.contains("domain") || !f.contains("count") || !f.contains("split") || !f.contains("seed"))
    throw NotAManifest(path, "\"flags\" needs domain, count, split and seed");
  GenerateOptions o;
  o.domain = f["domain"].get<std::string>();
  // get<int64_t>() and get<uint64_t>() would cast 1e30 or wrap 2^63 and -3: a wrong count or seed.
  const Json& count = f["count"];
  if (!count.is_number_integer() ||
      (count.is_number_unsigned() ? count.get<uint64_t>() > uint64_t{kMaxCount} : count.get<int64_t>() > kMaxCount))
    throw NotAManifest(path, "\"flags\".count is an integer from " + CountRangeText() + ", got " + count.dump());
  o.count = count.get<int64_t>();
  o.split = f["split"].is_array() ? f["split"].get<std::vector<double>>() : std::vector<double>{f["split"].get<double>()};
  if (!f["seed"].is_number_integer() || (!f["seed"].is_number_unsigned() && f["seed"].get<int64_t>() < 0))
    throw NotAManifest(path, "\"flags\".seed is an integer from 0 to 2^64-1, got " + f["seed"].dump());
  o.seed = f["seed"].get<uint64_t>();
  o.style = f.value("style", "");
  o.format = f.value("format", "chat");
  o.with_meta = f.value("with_meta", false);
  o.completion_only = f.value("completion_only", false);
  std::string shard = f.value("shard", "");
  if (!shard.empty()) {
    std::optional<Shard> parsed = ParseShard(shard);
    if (!parsed) throw NotAManifest(path, "\"flags\".shard is K/N (e.g. 0/8), got '" + shard + "'");
    o.shard = *parsed;
  }
  return o;
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
  std::string s(text);
  unsigned long long k = 0, n = 0;
  char extra = 0;
  // %llu reads "-1" as 2^64-1: a leading minus is refused here, not wrapped.
  if (std::sscanf(s.c_str(), "%llu/%llu%c", &k, &n, &extra) != 2 || s.empty() || s[0] == '-') return std::nullopt;
  return Shard{k, n};
}

std::string ShardText(const Shard& shard) { return std::to_string(shard.index) + "/" + std::to_string(shard.count); }

}  // namespace trajc::compile
