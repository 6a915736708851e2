#include "compile/example.h"

#include <stdexcept>

#include "compile/seeds.h"
#include "schema/record_validator.h"
#include "templates/interpreter.h"

namespace trajc::compile {

namespace {

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

}  // namespace

std::string CompileExample(const Loaded& in, const Split& split, uint64_t seed, uint64_t index, PlanSlot& slot) {
  slot = split.plan->At(index);
  uint64_t example_seed = ExampleSeed(seed, split.name, index);
  if (!split.repeat_cache) return Render(in, split, slot, index, example_seed).line;
  RepeatCache::Key key{slot.template_index, slot.node, slot.variant};
  if (auto line = split.repeat_cache->Find(key, example_seed)) return std::move(*line);
  Rendered first = Render(in, split, slot, index, example_seed);
  // A key's first use may be its only one; its second use proves and admits it. Seeded
  // facts differ per seed, so such a line could never pass the proof: it is not offered.
  if (slot.repeat && !first.seeded && split.repeat_cache->Wants(key)) {
    uint64_t proof_seed = ProofSeed(example_seed);
    Rendered second = Render(in, split, slot, index, proof_seed);
    split.repeat_cache->Offer(key, first.line, example_seed, second.line, proof_seed, first.calls);
  }
  return std::move(first.line);
}

}  // namespace trajc::compile
