#include "compile/load.h"

#include <algorithm>
#include <cmath>

#include "compile/holdout.h"
#include "core/diagnostic.h"
#include "domains/fixture.h"
#include "templates/template.h"

namespace trajc::compile {

namespace {

Error UsageError(const std::string& message) { return Error({"trajc", 0, 0}, message, kExitUsage); }

void CheckFlags(const GenerateOptions& o) {
  if (o.count < 1) throw UsageError("--count must be at least 1, got " + std::to_string(o.count));
  if (o.count > kMaxCount)
    throw UsageError("--count must be an integer from " + CountRangeText() + ", got " + std::to_string(o.count));
  bool shares_ok = o.split.size() == 1 || o.split.size() == 3;
  double sum = 0;
  for (double share : o.split) {
    shares_ok = shares_ok && share >= 0.0 && share <= 1.0;
    sum += share;
  }
  if (!shares_ok || (o.split.size() == 3 && std::fabs(sum - 1.0) > 1e-9)) {
    std::string given;
    for (double share : o.split) given += (given.empty() ? "" : ",") + std::to_string(share);
    throw UsageError("--split is the train share between 0 and 1 (e.g. 0.9), or train,val,test shares summing to 1 "
                     "(e.g. 0.8,0.1,0.1); got " + given);
  }
  if (o.jobs == 0 || o.jobs > 256) throw UsageError("--jobs must be between 1 and 256");
  if (o.shard.count < 1 || o.shard.index >= o.shard.count)
    throw UsageError("--shard K/N needs N >= 1 and 0 <= K < N (K counts from 0), got " + ShardText(o.shard));
  if (!formats::RecordFormatFromName(o.format)) {
    std::string list;
    for (const auto& f : formats::RecordFormatNames()) list += (list.empty() ? "" : ", ") + f;
    throw UsageError("unknown --format '" + o.format + "'; available: " + list);
  }
  if (o.eval_fraction && !(*o.eval_fraction > 0.0 && *o.eval_fraction < 1.0))
    throw UsageError("--eval-fraction is the share of files held out as eval, between 0 and 1 exclusive (e.g. 0.1); got " +
                     std::to_string(*o.eval_fraction));
  HoldoutUnit unit;
  if (!o.holdout_by.empty() && !HoldoutUnitFromName(o.holdout_by, unit))
    throw UsageError("--holdout-by is file or package, got '" + o.holdout_by + "'");
  if (o.completion_only && o.format != "functiongemma")
    throw UsageError("--completion-only applies to --format functiongemma (prompt/completion pairs per model turn)");
}

void CheckStyle(const domains::Domain& domain, const GenerateOptions& o) {
  if (o.style.empty()) return;
  std::vector<std::string> styles = domain.styles();
  if (styles.empty()) throw UsageError("--style applies to domains with styles (docstring); " + o.domain + " has none");
  if (std::find(styles.begin(), styles.end(), o.style) == styles.end()) {
    std::string list;
    for (const auto& s : styles) list += (list.empty() ? "" : ", ") + s;
    throw UsageError("unknown --style '" + o.style + "'; " + o.domain + " has: " + list);
  }
}

}  // namespace

Loaded LoadInputs(const GenerateOptions& o) {
  CheckFlags(o);
  Loaded in;
  in.domain = &RequireDomain(o.domain);
  CheckStyle(*in.domain, o);
  in.paths = ResolveInputs(o.root, o.domain, o.schemas, o.templates, o.fixtures);
  // A curated eval is used as it is: a hold-out flag beside it would be silently ignored.
  if ((o.eval_fraction || !o.holdout_by.empty()) && domains::HasEvalFolder(in.paths.fixtures))
    throw UsageError(std::string(o.eval_fraction ? "--eval-fraction" : "--holdout-by") +
                     " holds out files of a tree without an eval/ folder; " + in.paths.fixtures +
                     "/eval/ holds the curated eval fixtures (drop the flag, or point --fixtures at a tree without eval/)");
  in.agent = schema::LoadSubagent(in.paths.schemas);
  in.templates = templates::LoadTemplates(in.paths.templates, in.agent, in.domain->vocabulary());
  in.format.format = *formats::RecordFormatFromName(o.format);
  in.format.completion_only = o.completion_only;
  in.format_name = o.format;
  in.with_meta = o.with_meta;
  in.tool_declarations = formats::ToolDeclarations(in.agent);
  return in;
}

}  // namespace trajc::compile
