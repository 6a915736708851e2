#include "domains/fixture_report.h"

#include "domains/numbered_source.h"

namespace trajc::domains {

Json ShowHeader(const Fixture& fixture, WithLineCount line_count) {
  Json out = Json::object();
  out["path"] = fixture.path;
  out["split"] = fixture.eval ? "eval" : "train";
  out["sha256"] = fixture.sha256;
  if (line_count == WithLineCount::kYes) out["line_count"] = LineCount(fixture.text);
  return out;
}

Json ShowNode(const Node& node) { return {{"id", node.id}, {"kind", node.kind}}; }

void AddKeys(Json& into, const Json& from) {
  for (const auto& item : from.items()) into[item.key()] = item.value();
}

void ShowErrors(Json& out, const std::vector<Error>& errors) {
  if (errors.empty()) return;
  out["errors"] = Json::array();
  for (const Error& e : errors) out["errors"].push_back(e.what());
}

Error FixtureError(const Fixture& fixture, std::string message) { return Error(Location{fixture.path, 0, 0}, std::move(message)); }

}  // namespace trajc::domains
