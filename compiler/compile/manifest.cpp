#include "compile/manifest.h"

#include <map>

#include "compile/skipped.h"
#include "core/files.h"
#include "core/sha256.h"

namespace trajc::compile {

Json ManifestJson(const Loaded& in, const std::array<Split, 2>& splits, const GenerateOptions& o,
                  const std::vector<std::string>& warnings) {
  Json m = Json::object();
  m["trajc_version"] = TRAJC_VERSION;
  m["command"] = CommandLine(o);
  m["flags"] = ManifestFlags(o);
  Json inputs = Json::object();
  inputs["schemas"] = {{"path", RelativeToRoot(in.paths.schemas, in.paths.root)}, {"sha256", Sha256Hex(ReadFile(in.paths.schemas))}};
  inputs["templates"] = Json::array();
  for (const auto& t : in.templates)
    inputs["templates"].push_back({{"id", t.id}, {"path", RelativeToRoot(t.path, in.paths.root)}, {"sha256", Sha256Hex(ReadFile(t.path))}});
  inputs["fixtures"] = Json::array();
  for (const Split& s : splits)
    for (size_t f = 0; f < s.fixtures.size(); ++f)
      inputs["fixtures"].push_back({{"path", s.manifest_paths[f]}, {"split", s.name}, {"sha256", s.fixtures[f].sha256}});
  m["inputs"] = inputs;
  if (in.holdout) m["holdout"] = in.holdout->ToJson();
  Json split_json = Json::object();
  for (const Split& sp : splits)
    for (const Part& p : sp.parts) {
      Json sj = Json::object();
      sj["file"] = p.file->target().filename().string();
      sj["examples"] = p.count;
      if (o.shard.count > 1) sj["shard_examples"] = Json::array({p.first - p.base, p.end - p.base});
      sj["distinct_capacity"] = sp.plan->distinct_capacity();
      sj["repeated_examples"] = p.repeats;
      sj["bytes"] = p.file->bytes_written();
      sj["sha256"] = p.file->sha256();
      sj["coverage"] = {{"templates", CountsJson(p.by_template)}, {"fixtures", CountsJson(p.by_fixture)},
                        {std::string(in.domain->label_name()), CountsJson(p.by_label)}};
      split_json[p.name] = sj;
    }
  m["splits"] = split_json;
  m["skipped"] = SkippedJson(in, splits);
  m["warnings"] = warnings;
  return m;
}

}  // namespace trajc::compile
