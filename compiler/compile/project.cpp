#include "compile/project.h"

#include <cstdlib>
#include <filesystem>

namespace trajc::compile {

namespace fs = std::filesystem;

InputPaths ResolveInputs(const std::string& root_flag, const std::string& domain, const std::string& schemas,
                         const std::string& templates, const std::string& fixtures) {
  InputPaths p;
  std::error_code ec;
  if (!root_flag.empty()) {
    p.root = root_flag;
  } else if (const char* env = std::getenv("TRAJC_ROOT"); env != nullptr && *env != '\0') {
    p.root = env;
  } else if (fs::is_directory("tool_schemas", ec)) {
    p.root = ".";
  } else {
    p.root = TRAJC_DATA_DIR;
  }
  auto under = [&](const std::string& rel) { return (fs::path(p.root) / rel).lexically_normal().generic_string(); };
  p.schemas = schemas.empty() ? under("tool_schemas/" + domain + ".yaml") : schemas;
  p.templates = templates.empty() ? under("trajectories/" + domain) : templates;
  p.fixtures = fixtures.empty() ? under("fixtures/" + domain) : fixtures;
  return p;
}

std::string RelativeToRoot(const std::string& path, const std::string& root) {
  std::error_code ec;
  fs::path abs_path = fs::weakly_canonical(path, ec);
  fs::path abs_root = fs::weakly_canonical(root, ec);
  fs::path rel = abs_path.lexically_relative(abs_root);
  if (ec || rel.empty() || *rel.begin() == "..") return fs::path(path).lexically_normal().generic_string();
  return rel.generic_string();
}

const domains::Domain& RequireDomain(const std::string& name) {
  const domains::Domain* d = domains::FindDomain(name);
  if (d == nullptr) {
    std::string names;
    for (const auto& n : domains::DomainNames()) names += (names.empty() ? "" : ", ") + n;
    throw Error({"trajc", 0, 0}, "unknown domain '" + name + "'; available: " + names, kExitUsage);
  }
  return *d;
}

}  // namespace trajc::compile
