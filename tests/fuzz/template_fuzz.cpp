// Fuzz target: the trajectory template loader (templates/template) and, for a template it
// accepts, the interpreter on a real fixture — what `trajc generate` does with a user's
// trajectories/<domain>/*.yaml: load against the domain's subagent and vocabulary, pick
// the nodes whose kind and `when` match, instantiate (the dry run of compile/viable) and
// check the record (compile/example).
//
// The domain is lint unless the input's first line is a YAML comment naming another
// (`# docstring`); the seed corpus (scripts/fuzz.sh) starts each domain's templates so.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "core/json.h"
#include "domains/domain.h"
#include "domains/fixture.h"
#include "fuzz_support.h"
#include "schema/record_validator.h"
#include "schema/subagent.h"
#include "templates/interpreter.h"
#include "templates/template.h"

namespace {

using namespace trajc;

// What a domain's templates are checked against, loaded once per process from the
// checkout: its subagent, and its first train fixture with that fixture's nodes.
struct DomainInputs {
  const domains::Domain* domain = nullptr;
  schema::Subagent agent;
  domains::Fixture fixture;
  std::vector<domains::Node> nodes;
};

const DomainInputs& InputsOf(const std::string& name) {
  static std::map<std::string, std::unique_ptr<DomainInputs>> cache;
  std::unique_ptr<DomainInputs>& in = cache[name];
  if (!in) {
    in = std::make_unique<DomainInputs>();
    in->domain = domains::FindDomain(name);
    in->agent = schema::LoadSubagent(fuzz::SourceDir() + "/tool_schemas/" + name + ".yaml");
    std::vector<domains::FixtureFile> files = domains::ListFixtures(fuzz::SourceDir() + "/fixtures/" + name);
    in->fixture = domains::LoadFixture(files.at(0).path, files.at(0).display_path, false);
    in->nodes = in->domain->Nodes(in->fixture).nodes;
  }
  return *in;
}

std::string DomainOf(std::string_view text) {
  if (text.substr(0, 2) == "# ") {
    std::string name(text.substr(2, text.find('\n') == std::string_view::npos ? text.npos : text.find('\n') - 2));
    for (const std::string& known : domains::DomainNames())
      if (name == known) return name;
  }
  return "lint";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::AsText(data, size);
  const DomainInputs& in = InputsOf(DomainOf(text));
  std::string path = fuzz::ScratchFile("template.yaml", text);
  templates::Template tmpl;
  try {
    tmpl = templates::LoadTemplate(path, in.agent, in.domain->vocabulary());
  } catch (const Error& e) {
    fuzz::CheckLocated(e, path, text);
    return 0;
  }
  // At most a few nodes: the loader is the target; the interpreter gets a taste per input.
  int tried = 0;
  for (const domains::Node& node : in.nodes) {
    if (node.kind != tmpl.node_kind || !templates::ConditionsHold(tmpl, node.facts)) continue;
    if (++tried > 3) break;
    Json context = in.domain->Context(in.fixture, node);
    auto env = in.domain->MakeEnvironment(in.fixture, node);
    Json seeded = in.domain->SeededFacts(in.fixture, node, domains::kDryRunSeed);
    templates::InstanceInput input{&tmpl, &in.agent, seeded.is_null() ? &node.facts : &seeded, &context,
                                   tmpl.variant_count - 1, 1};
    try {
      Json record = templates::Instantiate(input, *env);
      (void)schema::ValidateRecord(record, in.agent);
    } catch (const templates::ExpectationFailed&) {
      // A template whose `expect` does not hold here: compile/viable skips the node.
    } catch (const Error& e) {
      fuzz::CheckLocated(e, path, text);
    }
  }
  return 0;
}
