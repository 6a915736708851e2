// domains/ — one environment per domain. A Domain knows how a fixture becomes nodes with
// facts, how a node renders into the user turn, and how to build the environment that
// executes tool calls against the node's current state.
//
// A domain lives in domains/<folder>/ (its --domain name, unless that would mislead:
// `test` is domains/pytest/): <folder>_domain.{h,cpp}, the Domain (Context with
// SourceContext, numbered_source.h; Show and CheckExpectations with fixture_report.h), and
// <folder>_environment.{h,cpp}, a ToolEnvironment (tool_environment.h) that declares its
// tools and its truth. It is registered by one line in registry.cpp, its sources listed in
// CMakeLists.txt; its inputs are tool_schemas/<name>.yaml, trajectories/<name>/ and
// fixtures/<name>/, and the tests that iterate DomainNames ask for its golden references.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/json.h"
#include "domains/fixture.h"
#include "templates/environment.h"
#include "templates/template.h"

namespace trajc::domains {

struct Node {
  std::string id;    // "module", or a qualified name for function/class nodes
  std::string kind;  // a node kind of the domain's vocabulary
  Json facts;        // placeholder roots for templates and `when` conditions
  std::vector<std::string> labels;  // coverage labels for the manifest (lint: issue codes)
  // The file the task starts from, when it is not the fixture's own text (the docstring
  // domain removes the docstrings the agent is to write).
  std::string text;
  const std::string& TextOf(const Fixture& fixture) const { return text.empty() ? fixture.text : text; }
};

// A fixture's task nodes, and the would-be nodes it cannot serve (with their reason and
// location: a docstring that lacks a text the target needs, a doctest example trajc cannot
// read, an annotation sample_data does not support …). A skipped node never stops a run.
struct NodeList {
  std::vector<Node> nodes;
  std::vector<Skipped> skipped;
};

// The seed SeededFacts gets in the viability dry run (generate's FindViable).
inline constexpr uint64_t kDryRunSeed = 0;

class Domain {
 public:
  virtual ~Domain() = default;
  virtual std::string_view name() const = 0;
  virtual const templates::Vocabulary& vocabulary() const = 0;
  // What the manifest calls the coverage labels ("codes" for lint).
  virtual std::string_view label_name() const = 0;
  // The values `--style` accepts; a node's `style` fact says which it is. Empty: the
  // domain has no styles and `--style` is a usage error.
  virtual std::vector<std::string> styles() const { return {}; }

  // Never throws for a node that cannot serve: it is skipped (NodeList::skipped).
  virtual NodeList Nodes(const Fixture& fixture) const = 0;
  // Values for the subagent's context_template (path, source, numbered_source …).
  virtual Json Context(const Fixture& fixture, const Node& node) const = 0;
  virtual std::unique_ptr<templates::Environment> MakeEnvironment(const Fixture& fixture,
                                                                  const Node& node) const = 0;
  // Facts drawn from one example's own seed, for a domain whose tasks vary with it
  // (sample_data: the sample values): the node's facts with the seeded ones added, or null
  // when the domain has none (the default; the node's facts are used as they are).
  // `generate` calls it with each example's seed (derived from --seed, the split and the
  // example's index) and, in the viability dry run, with kDryRunSeed. It must be a pure
  // function of its arguments, so that output is the same at any --jobs, and a template
  // that is viable at one seed must meet its `expect:`s at every seed. `when` conditions
  // see the node's own facts only, so a template's viable nodes do not depend on the seed.
  virtual Json SeededFacts(const Fixture& /*fixture*/, const Node& /*node*/, uint64_t /*seed*/) const { return nullptr; }

  // `trajc fixtures show`: every fact extracted from a fixture.
  virtual Json Show(const Fixture& fixture) const = 0;
  // `trajc fixtures check`: the expectations the fixtures' authors declared, checked
  // against what trajc computes; returns one located error per mismatch.
  virtual std::vector<Error> CheckExpectations(const std::string& fixtures_dir,
                                               const std::vector<const Fixture*>& fixtures) const = 0;
};

const Domain* FindDomain(std::string_view name);
std::vector<std::string> DomainNames();

}  // namespace trajc::domains
