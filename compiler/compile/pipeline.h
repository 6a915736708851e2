// compile/pipeline — what the stages of a compile hand each other (internal to compile/):
// the loaded inputs, and per split its fixtures, the (template, node) pairs that work, its
// plan, and the parts it is written to. Built by load → splits (with viable) in order,
// then only read while examples are compiled, from several threads: nothing here changes
// during emission except a part's file and counters (one thread) and the repeat cache
// (locked).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compile/holdout.h"
#include "compile/plan.h"
#include "compile/project.h"
#include "compile/repeat_cache.h"
#include "core/files.h"
#include "core/json.h"
#include "domains/domain.h"
#include "formats/record_format.h"
#include "schema/subagent.h"
#include "templates/template.h"

namespace trajc::compile {

// The inputs every split shares, loaded and checked before any output is opened.
struct Loaded {
  const domains::Domain* domain = nullptr;
  InputPaths paths;
  schema::Subagent agent;
  std::vector<templates::Template> templates;
  formats::FormatOptions format;
  std::string format_name;
  bool with_meta = false;
  Json tool_declarations;  // for the formats that carry them
  // How eval was held out of a tree without an eval/ folder (MakeSplits); unset when the
  // eval fixtures are curated or eval needs no examples.
  std::optional<HoldoutSummary> holdout;
};

// A fixture node a template can use in a split.
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
  // What cannot serve (domains::Skipped), counted per reason: files (not UTF-8, syntax
  // error), would-be nodes, and per template its node kind's skipped nodes plus the
  // candidates its dry run rules out. Bounded by templates × reasons, not by the tree.
  std::map<std::string, uint64_t> skipped_files, skipped_nodes;
  std::vector<std::map<std::string, uint64_t>> skipped_by_template;  // per template
  std::unique_ptr<SplitPlan> plan;
  std::unique_ptr<RepeatCache> repeat_cache;  // when examples repeat
};

}  // namespace trajc::compile
