#include "compile/returns_probe.h"

#include "compile/pipeline.h"
#include "compile/project.h"
#include "compile/viable.h"
#include "domains/fixture.h"
#include "schema/subagent.h"

namespace trajc::compile {

ReturnsProbe ProbeReturns(const std::string& root, const std::string& definition) {
  ReturnsProbe probe;
  Loaded in;
  try {
    in.agent = schema::LoadSubagent(definition);
  } catch (const Error&) {
    return probe;  // schema::CheckDefinition reports why
  }
  in.domain = domains::FindDomain(in.agent.name);
  if (in.domain == nullptr) return probe;
  try {
    in.paths = ResolveInputs(root, in.agent.name, definition, "", "");
    in.templates = templates::LoadTemplates(in.paths.templates, in.agent, in.domain->vocabulary());
    domains::FixtureSet fixtures = domains::LoadFixtureSet(in.paths.fixtures);
    for (auto* set : {&fixtures.train, &fixtures.eval}) {
      Split split;
      split.fixtures = std::move(*set);
      for (const domains::Fixture& f : split.fixtures) {
        split.nodes.push_back(in.domain->Nodes(f).nodes);
        split.manifest_paths.push_back(f.path);
      }
      FindViable(in, split);
    }
  } catch (const templates::ReturnsMismatch& e) {
    probe.probed = true;
    probe.mismatch = e;
    return probe;
  } catch (const Error& e) {
    probe.not_probed = "the " + in.agent.name + " templates and fixtures under " +
                       (in.paths.root.empty() ? std::string("the project root") : in.paths.root) +
                       " do not load with this definition (" + e.what() + ")";
    return probe;
  }
  probe.probed = true;
  return probe;
}

}  // namespace trajc::compile
