#include "compile/viable.h"

#include <algorithm>
#include <map>
#include <memory>

#include "templates/interpreter.h"

namespace trajc::compile {

namespace {

std::string StyleOf(const Candidate& c) { return c.node->facts.value("style", ""); }

}  // namespace

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
          if (t < split.skipped_by_template.size()) ++split.skipped_by_template[t][kExpectationNotMet];
          continue;
        }
        split.viable[t].push_back({&split.fixtures[f], &split.manifest_paths[f], &node, context});
      }
    }
  }
}

std::vector<uint64_t> Stratify(std::vector<Candidate>& viable) {
  std::stable_sort(viable.begin(), viable.end(), [](const Candidate& a, const Candidate& b) { return StyleOf(a) < StyleOf(b); });
  std::vector<uint64_t> sizes;
  for (size_t i = 0; i < viable.size(); ++i) {
    if (i == 0 || StyleOf(viable[i]) != StyleOf(viable[i - 1])) sizes.push_back(0);
    ++sizes.back();
  }
  return sizes;
}

}  // namespace trajc::compile
