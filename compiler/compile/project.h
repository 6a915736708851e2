// compile/project — input discovery: where a run finds its inputs. A project root holds
// tool_schemas/<domain>.yaml, trajectories/<domain>/ and fixtures/<domain>/; each can be
// pointed elsewhere with --schemas, --templates, --fixtures. Used by generate, and by the
// commands that read a domain's inputs without compiling (validate, fixtures, schemas
// check). Nothing here reads a file: a path that does not exist fails later, where the
// file is loaded, with that file's located error.
#pragma once

#include <string>

#include "domains/domain.h"

namespace trajc::compile {

struct InputPaths {
  std::string root;
  std::string schemas;
  std::string templates;
  std::string fixtures;
};

// The root is --root if given, else $TRAJC_ROOT, else the current directory when it has
// a tool_schemas/ folder, else the installed data directory. Empty overrides take their
// default under the root.
InputPaths ResolveInputs(const std::string& root_flag, const std::string& domain, const std::string& schemas,
                         const std::string& templates, const std::string& fixtures);

// `path` relative to `root` when it lies below it (manifest paths must not depend on
// where the project is checked out), else as given.
std::string RelativeToRoot(const std::string& path, const std::string& root);

// The domain called `name`. Throws a usage trajc::Error naming the available domains.
const domains::Domain& RequireDomain(const std::string& name);

}  // namespace trajc::compile
