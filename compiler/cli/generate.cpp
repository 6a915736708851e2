#include "cli/generate.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <thread>
#include <tuple>

#include "compile/project.h"
#include "core/files.h"
#include "compile/plan.h"
#include "compile/repeat_cache.h"
#include "core/prng.h"
#include "core/sha256.h"
#include "domains/domain.h"
#include "formats/record_format.h"
#include "schema/record_validator.h"
#include "schema/subagent.h"
#include "templates/interpreter.h"

namespace trajc::cli {

namespace fs = std::filesystem;
using compile::InputPaths, compile::PlanSlot, compile::RepeatCache, compile::SplitPlan, compile::TemplateCapacity;
using compile::RelativeToRoot, compile::RequireDomain, compile::ResolveInputs;

namespace {

constexpr uint64_t kBatch = 256;  // examples compiled in parallel, then written in order
constexpr size_t kRepeatCacheBytes = size_t{64} << 20;  // per split

struct Candidate {
  const domains::Fixture* fixture;
  const std::string* manifest_path;
  const domains::Node* node;
  std::shared_ptr<const Json> context;  // the node's user-turn values, the same for every example
};

// One output file of a split: a range of its plan's positions (val and test share the
// eval plan), narrowed to this run's shard.
struct Part {
  std::string name;
  uint64_t count = 0;           // examples of the part in the whole (unsharded) dataset
  uint64_t base = 0;            // its first plan position
  uint64_t first = 0, end = 0;  // plan positions this run writes
  std::unique_ptr<AtomicFile> file;
  // coverage (bounded by the number of templates, fixtures and labels, not by --count)
  std::map<std::string, uint64_t> by_template, by_fixture, by_label;
  uint64_t repeats = 0;
};

struct Split {
  std::string name;
  uint64_t count = 0;
  std::vector<Part> parts;
  std::vector<domains::Fixture> fixtures;
  std::vector<std::string> manifest_paths;              // per fixture, relative to the root
  std::vector<std::vector<domains::Node>> nodes;        // per fixture
  std::vector<std::vector<Candidate>> viable;           // per template
  std::unique_ptr<SplitPlan> plan;
  std::unique_ptr<RepeatCache> repeat_cache;  // when examples repeat
};

struct Loaded {
  const domains::Domain* domain = nullptr;
  InputPaths paths;
  schema::Subagent agent;
  std::vector<templates::Template> templates;
  formats::FormatOptions format;
  std::string format_name;
  bool with_meta = false;
  Json tool_declarations;  // for the formats that carry them
};

Error Usage(const std::string& message) { return Error({"trajc", 0, 0}, message, kExitUsage); }

void CheckFlags(const GenerateOptions& o) {
  if (o.count < 1) throw Usage("--count must be at least 1, got " + std::to_string(o.count));
  bool shares_ok = o.split.size() == 1 || o.split.size() == 3;
  double sum = 0;
  for (double share : o.split) {
    shares_ok = shares_ok && share >= 0.0 && share <= 1.0;
    sum += share;
  }
  if (!shares_ok || (o.split.size() == 3 && std::fabs(sum - 1.0) > 1e-9)) {
    std::string given;
    for (double share : o.split) given += (given.empty() ? "" : ",") + std::to_string(share);
    throw Usage("--split is the train share between 0 and 1 (e.g. 0.9), or train,val,test shares summing to 1 "
                "(e.g. 0.8,0.1,0.1); got " + given);
  }
  if (o.jobs == 0 || o.jobs > 256) throw Usage("--jobs must be between 1 and 256");
  if (o.shard_count < 1 || o.shard_index >= o.shard_count)
    throw Usage("--shard K/N needs N >= 1 and 0 <= K < N (K counts from 0), got " + std::to_string(o.shard_index) + "/" +
                std::to_string(o.shard_count));
  if (!formats::RecordFormatFromName(o.format)) {
    std::string list;
    for (const auto& f : formats::RecordFormatNames()) list += (list.empty() ? "" : ", ") + f;
    throw Usage("unknown --format '" + o.format + "'; available: " + list);
  }
  if (o.completion_only && o.format != "functiongemma")
    throw Usage("--completion-only applies to --format functiongemma (prompt/completion pairs per model turn)");
}

// Which nodes each template can use: the node kind matches, `when` holds on the facts,
// and a dry run meets every `expect:` (an ExpectationFailed rules the pair out).
void FindViable(const Loaded& in, Split& split) {
  split.viable.assign(in.templates.size(), {});
  // per node, shared by its templates: built on first use
  std::map<const domains::Node*, std::shared_ptr<const Json>> contexts;
  for (size_t t = 0; t < in.templates.size(); ++t) {
    const templates::Template& tmpl = in.templates[t];
    for (size_t f = 0; f < split.fixtures.size(); ++f) {
      for (const domains::Node& node : split.nodes[f]) {
        if (node.kind != tmpl.node_kind || !templates::ConditionsHold(tmpl, node.facts)) continue;
        std::shared_ptr<const Json>& context = contexts[&node];
        if (!context) context = std::make_shared<const Json>(in.domain->Context(split.fixtures[f], node));
        auto env = in.domain->MakeEnvironment(split.fixtures[f], node);
        Json seeded = in.domain->SeededFacts(split.fixtures[f], node, domains::kDryRunSeed);
        templates::InstanceInput input{&tmpl, &in.agent, seeded.is_null() ? &node.facts : &seeded, context.get(), 0, 0};
        try {
          templates::Instantiate(input, *env);
        } catch (const templates::ExpectationFailed&) {
          continue;
        }
        split.viable[t].push_back({&split.fixtures[f], &split.manifest_paths[f], &node, context});
      }
    }
  }
}

std::string StyleOf(const Candidate& c) { return c.node->facts.value("style", ""); }

// In a domain with styles, a template's nodes of one style form a stratum, so that the
// styles take turns in each template instead of mixing by chance. Returns the strata sizes.
std::vector<uint64_t> Stratify(std::vector<Candidate>& viable) {
  std::stable_sort(viable.begin(), viable.end(), [](const Candidate& a, const Candidate& b) { return StyleOf(a) < StyleOf(b); });
  std::vector<uint64_t> sizes;
  for (size_t i = 0; i < viable.size(); ++i) {
    if (i == 0 || StyleOf(viable[i]) != StyleOf(viable[i - 1])) sizes.push_back(0);
    ++sizes.back();
  }
  return sizes;
}

struct Rendered {
  std::string line;
  size_t calls = 0;      // tool calls in the conversation
  bool seeded = false;   // its facts were drawn from the example's seed
};

Rendered Render(const Loaded& in, const Split& split, const PlanSlot& slot, uint64_t index, uint64_t example_seed) {
  const templates::Template& tmpl = in.templates[slot.template_index];
  const Candidate& c = split.viable[slot.template_index][slot.node];
  auto env = in.domain->MakeEnvironment(*c.fixture, *c.node);
  Json seeded = in.domain->SeededFacts(*c.fixture, *c.node, example_seed);
  templates::InstanceInput input{&tmpl, &in.agent, seeded.is_null() ? &c.node->facts : &seeded, c.context.get(), slot.variant,
                                 example_seed};
  Json record;
  try {
    record = templates::Instantiate(input, *env);
  } catch (const templates::ExpectationFailed& e) {
    throw Error({tmpl.path, 0, 0}, "template '" + tmpl.id + "' variant " + std::to_string(slot.variant) + " on " +
                                       c.fixture->path + " behaves unlike its dry run (first variant): " + e.what() +
                                       "; phrasing variants and seeded facts must not change what the tools report");
  }
  auto violations = schema::ValidateRecord(record, in.agent);
  if (!violations.empty())
    throw Error({tmpl.path, 0, 0}, "template '" + tmpl.id + "' on " + c.fixture->path + " produced an invalid record: " +
                                       violations[0].message + " (at " + violations[0].pointer + ")");
  Rendered out;
  out.seeded = !seeded.is_null();
  for (const Json& m : record["messages"])
    if (m.contains("tool_calls")) out.calls += m["tool_calls"].size();
  Json meta;
  if (in.with_meta)
    meta = {{"template", tmpl.id}, {"fixture", *c.manifest_path}, {"node", c.node->id}, {"variant", slot.variant},
            {"index", index}, {"split", split.name}, {"labels", c.node->labels}};
  try {
    out.line = formats::FormatRecord(record, in.format, in.tool_declarations, meta);
  } catch (const std::invalid_argument& e) {
    throw Error({tmpl.path, 0, 0}, "template '" + tmpl.id + "' on " + c.fixture->path + " cannot be written as --format " +
                                       in.format_name + ": " + e.what());
  }
  return out;
}

std::string CompileExample(const Loaded& in, const Split& split, uint64_t seed, uint64_t index, PlanSlot& slot) {
  slot = split.plan->At(index);
  uint64_t example_seed = DeriveSeed(DeriveSeed(seed, split.name), index);
  if (!split.repeat_cache) return Render(in, split, slot, index, example_seed).line;
  RepeatCache::Key key{slot.template_index, slot.node, slot.variant};
  if (auto line = split.repeat_cache->Find(key, example_seed)) return std::move(*line);
  Rendered first = Render(in, split, slot, index, example_seed);
  // A key's first use may be its only one; its second use proves and admits it.
  if (slot.repeat && !first.seeded && split.repeat_cache->Wants(key)) {
    uint64_t other_seed = Mix64(example_seed ^ 0x5eed5eed5eed5eedull);
    Rendered second = Render(in, split, slot, index, other_seed);
    split.repeat_cache->Offer(key, first.line, example_seed, second.line, other_seed, first.calls);
  }
  return std::move(first.line);
}

class Progress {
 public:
  Progress(bool enabled, uint64_t total) : enabled_(enabled && isatty(STDERR_FILENO)), total_(total) {}
  void Update(uint64_t done) {
    if (!enabled_ || total_ == 0) return;
    int width = 40;
    int filled = static_cast<int>(width * done / total_);
    std::fprintf(stderr, "\r[%s%s] %llu/%llu", std::string(filled, '#').c_str(), std::string(width - filled, ' ').c_str(),
                 static_cast<unsigned long long>(done), static_cast<unsigned long long>(total_));
    if (done == total_) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  uint64_t total_;
};

void EmitPart(const Loaded& in, const Split& split, Part& part, const GenerateOptions& o, Progress& progress, uint64_t& done) {
  std::vector<std::string> lines(kBatch);
  std::vector<PlanSlot> slots(kBatch);
  for (uint64_t begin = part.first; begin < part.end; begin += kBatch) {
    uint64_t n = std::min(kBatch, part.end - begin);
    auto work = [&](unsigned worker) {
      for (uint64_t k = worker; k < n; k += o.jobs) lines[k] = CompileExample(in, split, o.seed, begin + k, slots[k]);
    };
    if (o.jobs == 1) {
      work(0);
    } else {
      std::vector<std::exception_ptr> errors(o.jobs);
      std::vector<std::thread> threads;
      for (unsigned w = 0; w < o.jobs; ++w)
        threads.emplace_back([&, w] {
          try {
            work(w);
          } catch (...) {
            errors[w] = std::current_exception();
          }
        });
      for (auto& t : threads) t.join();
      for (auto& e : errors)
        if (e) std::rethrow_exception(e);
    }
    for (uint64_t k = 0; k < n; ++k) {
      part.file->Write(lines[k]);
      const PlanSlot& s = slots[k];
      const Candidate& c = split.viable[s.template_index][s.node];
      ++part.by_template[in.templates[s.template_index].id];
      ++part.by_fixture[*c.manifest_path];
      for (const std::string& label : c.node->labels) ++part.by_label[label];
      part.repeats += s.repeat;
    }
    done += n;
    progress.Update(done);
  }
}

Json Counts(const std::map<std::string, uint64_t>& m) {
  Json out = Json::object();
  for (const auto& [k, v] : m) out[k] = v;
  return out;
}

}  // namespace

int RunGenerate(const GenerateOptions& o) {
  CheckFlags(o);
  Loaded in;
  in.domain = &RequireDomain(o.domain);
  if (!o.style.empty()) {
    std::vector<std::string> styles = in.domain->styles();
    if (styles.empty()) throw Usage("--style applies to domains with styles (docstring); " + o.domain + " has none");
    if (std::find(styles.begin(), styles.end(), o.style) == styles.end()) {
      std::string list;
      for (const auto& s : styles) list += (list.empty() ? "" : ", ") + s;
      throw Usage("unknown --style '" + o.style + "'; " + o.domain + " has: " + list);
    }
  }
  in.paths = ResolveInputs(o.root, o.domain, o.schemas, o.templates, o.fixtures);
  in.agent = schema::LoadSubagent(in.paths.schemas);
  in.templates = templates::LoadTemplates(in.paths.templates, in.agent, in.domain->vocabulary());
  in.format.format = *formats::RecordFormatFromName(o.format);
  in.format.completion_only = o.completion_only;
  in.format_name = o.format;
  in.with_meta = o.with_meta;
  in.tool_declarations = formats::ToolDeclarations(in.agent);
  domains::FixtureSet fixtures = domains::LoadFixtureSet(in.paths.fixtures);

  Split splits[2];
  splits[0].name = "train";
  splits[1].name = "eval";
  uint64_t total = static_cast<uint64_t>(o.count);
  auto share = [&](double x) { return static_cast<uint64_t>(std::llround(static_cast<double>(o.count) * x)); };
  uint64_t n_train = std::min(total, share(o.split[0]));
  splits[0].count = n_train;
  splits[1].count = total - n_train;
  // Parts: train; eval, or val then test over the eval plan (disjoint positions).
  std::vector<std::tuple<Split*, std::string, uint64_t>> parts = {{&splits[0], "train", n_train}};
  if (o.split.size() == 3) {
    uint64_t n_val = std::min(total - n_train, share(o.split[1]));
    parts.emplace_back(&splits[1], "val", n_val);
    parts.emplace_back(&splits[1], "test", total - n_train - n_val);
  } else {
    parts.emplace_back(&splits[1], "eval", total - n_train);
  }
  for (auto& [split, name, count] : parts) {
    Part p;
    p.name = name;
    p.count = count;
    p.base = split->parts.empty() ? 0 : split->parts.back().base + split->parts.back().count;
    p.first = p.base + count * o.shard_index / o.shard_count;  // this shard's slice
    p.end = p.base + count * (o.shard_index + 1) / o.shard_count;
    split->parts.push_back(std::move(p));
  }
  splits[0].fixtures = std::move(fixtures.train);
  splits[1].fixtures = std::move(fixtures.eval);

  std::vector<std::string> warnings;
  for (Split& s : splits) {
    for (const auto& f : s.fixtures) {
      std::vector<domains::Node> nodes = in.domain->Nodes(f);
      if (!o.style.empty())
        std::erase_if(nodes, [&](const domains::Node& n) { return n.facts.value("style", "") != o.style; });
      s.nodes.push_back(std::move(nodes));
      s.manifest_paths.push_back(RelativeToRoot(f.path, in.paths.root));
    }
    FindViable(in, s);
    std::vector<TemplateCapacity> capacity;
    for (size_t t = 0; t < in.templates.size(); ++t) {
      capacity.push_back({s.viable[t].size(), in.templates[t].variant_count, {}});
      if (!in.domain->styles().empty()) capacity.back().strata = Stratify(s.viable[t]);
    }
    uint64_t usable = 0;
    for (const auto& c : capacity) usable += c.nodes;
    if (s.count > 0 && usable == 0)
      throw Error({in.paths.fixtures, 0, 0}, "no " + s.name + " fixture fits any template; " + s.name + " needs " +
                                                 std::to_string(s.count) + " examples" +
                                                 (s.name == "eval" ? " (eval fixtures live in " + in.paths.fixtures + "/eval/)" : ""));
    s.plan = std::make_unique<SplitPlan>(o.seed, s.name, s.count, std::move(capacity));
    // --with-meta lines carry the example's index, so no two are the same bytes.
    if (s.plan->repeats() > 0 && !o.with_meta) s.repeat_cache = std::make_unique<RepeatCache>(kRepeatCacheBytes);
    if (s.plan->repeats() > 0)
      warnings.push_back(s.name + ": the fixtures and templates give " + std::to_string(s.plan->distinct_capacity()) +
                         " distinct examples, " + std::to_string(s.count) + " were asked for; " +
                         std::to_string(s.plan->repeats()) + " examples repeat earlier ones (add fixtures or phrasing variants)");
    for (size_t t = 0; t < in.templates.size(); ++t)
      if (s.count > 0 && s.viable[t].empty())
        warnings.push_back(s.name + ": template '" + in.templates[t].id + "' fits no fixture and is not used");
  }

  fs::path out = o.out.empty() ? fs::path("out") / o.domain : fs::path(o.out);
  std::error_code ec;
  bool created = false;
  if (!fs::exists(out, ec)) {
    created = fs::create_directories(out, ec);
    if (ec) throw Error({out.generic_string(), 0, 0}, "cannot create output directory: " + ec.message() + "; choose another with --out");
  } else if (!fs::is_directory(out, ec)) {
    throw Error({out.generic_string(), 0, 0}, "exists and is not a directory; choose another with --out");
  }
  try {
    uint64_t to_write = 0;
    for (Split& sp : splits)
      for (Part& p : sp.parts) {
        p.file = std::make_unique<AtomicFile>(out / (p.name + ".jsonl"));
        to_write += p.end - p.first;
      }
    AtomicFile manifest(out / "manifest.json");
    for (const auto& w : warnings)
      if (!o.quiet) std::cerr << "trajc: warning: " << w << "\n";
    Progress progress(!o.quiet, to_write);
    uint64_t done = 0;
    for (Split& sp : splits)
      for (Part& p : sp.parts) {
        EmitPart(in, sp, p, o, progress, done);
        p.file->Close();
      }

    Json m = Json::object();
    m["trajc_version"] = TRAJC_VERSION;
    m["command"] = o.command_line;
    m["flags"] = {{"domain", o.domain}, {"count", o.count}, {"split", o.split.size() == 1 ? Json(o.split[0]) : Json(o.split)},
                  {"seed", o.seed}};
    if (!o.style.empty()) m["flags"]["style"] = o.style;
    if (o.format != "chat") m["flags"]["format"] = o.format;
    if (o.with_meta) m["flags"]["with_meta"] = true;
    if (o.completion_only) m["flags"]["completion_only"] = true;
    if (o.shard_count > 1) m["flags"]["shard"] = std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count);
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
    Json split_json = Json::object();
    std::vector<AtomicFile*> files;
    for (const Split& sp : splits)
      for (const Part& p : sp.parts) {
        Json sj = Json::object();
        sj["file"] = p.file->target().filename().string();
        sj["examples"] = p.count;
        if (o.shard_count > 1) sj["shard_examples"] = Json::array({p.first - p.base, p.end - p.base});
        sj["distinct_capacity"] = sp.plan->distinct_capacity();
        sj["repeated_examples"] = p.repeats;
        sj["bytes"] = p.file->bytes_written();
        sj["sha256"] = p.file->sha256();
        sj["coverage"] = {{"templates", Counts(p.by_template)}, {"fixtures", Counts(p.by_fixture)},
                          {std::string(in.domain->label_name()), Counts(p.by_label)}};
        split_json[p.name] = sj;
        files.push_back(p.file.get());
      }
    m["splits"] = split_json;
    m["warnings"] = warnings;
    manifest.Write(m.dump(2) + "\n");
    files.push_back(&manifest);
    PublishAll(files);

    std::string written;
    Json summary = {{"out", out.generic_string()}};
    for (const Split& sp : splits)
      for (const Part& p : sp.parts) {
        written += (written.empty() ? "" : " + ") + std::to_string(p.end - p.first) + " " + p.name;
        summary[p.name] = p.end - p.first;
        summary[p.name + "_sha256"] = p.file->sha256();
      }
    summary["warnings"] = warnings;
    if (o.json) {
      std::cout << summary.dump() << "\n";
    } else if (!o.quiet) {
      std::cerr << "trajc: wrote " << written << " examples"
                << (o.shard_count > 1 ? " (shard " + std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count) + ")" : "")
                << " to " << out.generic_string() << "/ (manifest.json)\n";
    }
  } catch (...) {
    if (created) fs::remove_all(out, ec);
    throw;
  }
  return kExitOk;
}

}  // namespace trajc::cli
