// templates/template — trajectory templates (trajectories/<domain>/*.yaml): data, not code.
//
//   id: lint.fix_several            # unique, [a-z0-9_.-]
//   description: …
//   node: module                    # the node kind the template applies to
//   when: ["fixable_count >= 2", "unfixable_count == 0"]   # all must hold on the facts
//   tags: [multi_turn]
//   instruction: ["Fix … {{path}}.", "…"]                   # phrasing variants
//   steps:
//     - call: run_linter
//       args: {check_only: true}
//     - for_each: seen.fix_targets  # loop over a list, bound to `as`
//       as: target
//       do:
//         - call: apply_fix
//           args: {issue_code: "{{target.code}}", line_number: "{{target.line}}"}
//           expect: ok              # the environment must report success (or `error`)
//     - call: submit_result
//       args:
//         summary: {variants: ["Fixed {{env.issues_fixed | plural('issue')}}.", "…"]}
//         issues_fixed: "{{env.issues_fixed}}"
//
// A placeholder that is a whole string keeps its JSON type; inside text it is rendered.
// Filters: `join('sep')` for lists, `plural('noun')` for counts ("1 issue", "3 issues").
// Placeholder roots: the loop variables in scope, the domain's fact names and the
// environment's views. Every problem is a trajc::Error at the template's file:line:col.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/json.h"
#include "schema/subagent.h"

namespace trajc::templates {

// What the domain offers templates: the fact names of a node and the environment views.
struct Vocabulary {
  std::set<std::string> node_kinds;
  std::set<std::string> facts;
  std::set<std::string> views;
};

struct Condition {
  std::string path;
  std::string op;  // == != < <= > >=
  Json literal;
  Location where;
  std::string text;
};

struct Step {
  enum class Kind { kCall, kLoop } kind = Kind::kCall;
  Location where;
  // kCall
  std::string tool;
  Json args = Json::object();          // placeholders and {"$choice": k, "variants": […]} nodes
  std::optional<bool> expect_ok;
  // kLoop
  std::string source;                  // path of the list to loop over
  std::string var;
  std::optional<int> limit;
  std::vector<Step> body;
};

struct Template {
  std::string id;
  std::string path;
  std::string description;
  std::string node_kind;
  std::vector<std::string> tags;
  std::vector<Condition> when;
  std::vector<std::string> instructions;  // choice 0
  std::vector<Location> instruction_locations;
  std::vector<Step> steps;
  std::vector<size_t> choice_sizes;       // [instructions.size(), variants of each {variants}]
  uint64_t variant_count = 1;             // product of choice_sizes, capped at 2^40
};

Template LoadTemplate(const std::string& path, const schema::Subagent& agent, const Vocabulary& vocabulary);

// Every *.yaml in `dir` (sorted by name). Duplicate ids are an error; so is an empty folder.
std::vector<Template> LoadTemplates(const std::string& dir, const schema::Subagent& agent,
                                    const Vocabulary& vocabulary);

}  // namespace trajc::templates
