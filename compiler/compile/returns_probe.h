// compile/returns_probe — a subagent definition's `returns` schemas against what its
// domain's environment returns, before anything is generated with it.
//
// A generate run finds a result that does not fit on its dry runs (compile/viable), before
// any output is opened. `trajc schemas check` asks the same question of a definition on its
// own: every template of the project's domain is dry-run on every fixture of the project,
// with this definition in place of the domain's own, and the first result that does not fit
// is reported at that tool's `returns`.
#pragma once

#include <optional>
#include <string>

#include "templates/interpreter.h"

namespace trajc::compile {

struct ReturnsProbe {
  bool probed = false;                         // the definition names a domain, and its inputs loaded
  std::optional<templates::ReturnsMismatch> mismatch;  // the first result that does not fit
  std::string not_probed;                      // why not, when it names a domain but could not run
};

// `definition` must load (schema::LoadSubagent); one whose `name` is not a domain is not
// probed, with an empty `not_probed`. `root` as --root (compile/project.h).
ReturnsProbe ProbeReturns(const std::string& root, const std::string& definition);

}  // namespace trajc::compile
