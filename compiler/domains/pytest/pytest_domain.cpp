#include "domains/pytest/pytest_domain.h"

#include <map>
#include <mutex>

#include "domains/fixture_report.h"
#include "domains/numbered_source.h"
#include "domains/pytest/pytest_environment.h"
#include "domains/pytest/pytest_run.h"
#include "domains/pytest/render.h"
#include "python/facts.h"

namespace trajc::domains {

namespace {

using pytest::Behaviour;
using pytest::Outcome;
using pytest::Pinned;

// Behaviours of fixtures, read once per run: every example of a fixture runs its tests
// against the same pinned examples. Thread-safe for --jobs; output never depends on it.
class BehaviourCache {
 public:
  std::shared_ptr<const Behaviour> Get(const Fixture& f) {
    std::string key = f.display_path + '\n' + f.sha256;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = entries_.find(key);
      if (it != entries_.end()) return it->second;
    }
    auto b = std::make_shared<const Behaviour>(Read(f));
    std::lock_guard<std::mutex> lock(mutex_);
    if (entries_.size() < 4096) entries_.emplace(key, b);
    return b;
  }
  static Behaviour Read(const Fixture& f) {
    python::ModuleFacts facts = python::FactsOf(python::SourceTree::Parse(f.text, f.path));
    return pytest::BehaviourOf(f.path, pytest::ModuleName(f.display_path), facts);
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Behaviour>> entries_;
};

size_t Count(const Pinned& p, Outcome::Kind kind) {
  size_t n = 0;
  for (const pytest::Step& s : p.steps) n += s.outcome.kind == kind && (kind != Outcome::Kind::kValue || s.outcome.value);
  return n;
}

// A function whose examples all give the same output: empty, constant or trivial.
bool Trivial(const Pinned& p) {
  if (!p.independent || p.steps.empty()) return false;
  for (const pytest::Step& s : p.steps)
    if (s.outcome.kind != Outcome::Kind::kValue || s.outcome.want != p.steps.front().outcome.want) return false;
  return true;
}

class Pytest final : public Domain {
 public:
  Pytest() {
    vocabulary_.node_kinds = {"function", "sequence"};
    vocabulary_.facts = {"path", "module", "target", "name", "owner", "on_class", "kind", "line", "test_path", "test_name",
                         "example_count", "value_count", "raise_count", "trivial", "happy_test", "param_test",
                         "param_case_count", "exception_test", "exception", "wrong_test", "wrong_call", "wrong_expected",
                         "wrong_actual", "sequence_test", "step_count", "has_happy_test", "has_exception_test",
                         "has_wrong_test", "has_sequence_test"};
    vocabulary_.views = ToolEnvironment::ViewNames();
  }

  std::string_view name() const override { return "test"; }
  const templates::Vocabulary& vocabulary() const override { return vocabulary_; }
  std::string_view label_name() const override { return "labels"; }

  NodeList Nodes(const Fixture& fixture) const override {
    std::shared_ptr<const Behaviour> b = cache_.Get(fixture);
    NodeList list;
    list.nodes = Build(fixture, *b, &list.skipped);
    return list;
  }

  Json Context(const Fixture& fixture, const Node& node) const override {
    return SourceContext(fixture.display_path, node.TextOf(fixture));
  }

  std::unique_ptr<templates::Environment> MakeEnvironment(const Fixture& fixture, const Node&) const override {
    return std::make_unique<pytest::PytestEnvironment>(fixture.display_path, cache_.Get(fixture));
  }

  Json Show(const Fixture& fixture) const override {
    Behaviour b = BehaviourCache::Read(fixture);
    Json out = ShowHeader(fixture, WithLineCount::kNo);
    out["module"] = b.module;
    Json pinned = Json::array();
    for (const Pinned& p : b.pinned) {
      Json steps = Json::array();
      for (const pytest::Step& s : p.steps) {
        Json j = {{"line", s.line}, {"source", s.source}, {"canonical", s.canonical}};
        switch (s.outcome.kind) {
          case Outcome::Kind::kStatement: j["outcome"] = "statement"; break;
          case Outcome::Kind::kValue:
            j["outcome"] = "value";
            j["output"] = s.outcome.want;
            j["literal"] = s.outcome.value.has_value();
            break;
          case Outcome::Kind::kRaises:
            j["outcome"] = "raises";
            j["exception"] = s.outcome.exception;
            j["message"] = s.outcome.message;
            break;
        }
        steps.push_back(std::move(j));
      }
      pinned.push_back({{"target", p.target}, {"kind", p.kind}, {"line", p.line}, {"independent", p.independent},
                        {"steps", std::move(steps)}});
    }
    out["pinned"] = std::move(pinned);
    Json nodes = Json::array();
    for (const Node& n : Build(fixture, b)) {
      Json node = ShowNode(n);
      node["labels"] = n.labels;
      nodes.push_back(std::move(node));
    }
    out["nodes"] = std::move(nodes);
    ShowErrors(out, b.problems);
    return out;
  }

  std::vector<Error> CheckExpectations(const std::string&, const std::vector<const Fixture*>& fixtures) const override {
    std::vector<Error> errors;
    for (const Fixture* f : fixtures) {
      Behaviour b = BehaviourCache::Read(*f);
      errors.insert(errors.end(), b.problems.begin(), b.problems.end());
      if (b.pinned.empty())
        errors.push_back(FixtureError(
            *f, "no function or method has doctest examples; a test fixture pins its behaviour with `>>>` examples"));
      std::vector<Node> nodes = b.problems.empty() ? Build(*f, b) : std::vector<Node>{};
      if (!b.pinned.empty() && b.problems.empty() && nodes.empty())
        errors.push_back(
            FixtureError(*f, "no example can be turned into a test (see trajc fixtures show --domain test)"));
      // Every test trajc writes for a node must pass against the pinned examples.
      for (const Node& n : nodes) {
        for (const char* key : {"happy_test", "param_test", "exception_test", "sequence_test"}) {
          if (!n.facts.contains(key)) continue;
          pytest::RunResult run = pytest::RunTestFile(b, n.facts["test_path"].get<std::string>(), n.facts[key].get<std::string>());
          if (!run.refusal.empty() || run.count("passed") != static_cast<int>(run.tests.size()) || run.tests.empty())
            errors.emplace_back(Location{f->path, n.facts["line"].get<int>(), 1},
                                n.id + ": the " + key + " trajc writes does not pass: " +
                                    (run.refusal.empty() ? Dump(pytest::RunJson("", run)) : run.refusal));
        }
      }
    }
    return errors;
  }

 private:
  // The task nodes of the fixture's pinned functions. A function whose examples have a
  // problem is appended to `skipped` when it is given, else left out with the rest.
  static std::vector<Node> Build(const Fixture& fixture, const Behaviour& b, std::vector<Skipped>* skipped = nullptr) {
    std::vector<Node> nodes;
    for (const Pinned& p : b.pinned) {
      if (!p.refused.empty()) {
        if (skipped != nullptr) skipped->push_back({Location{fixture.path, p.refused_line, 1}, p.independent ? "function" : "sequence", p.refused});
        continue;
      }
      Node node;
      node.id = p.target;
      node.kind = p.independent ? "function" : "sequence";
      Json& f = node.facts;
      f["path"] = fixture.display_path;
      f["module"] = b.module;
      f["target"] = p.target;
      f["name"] = p.name;
      f["owner"] = p.owner;
      f["on_class"] = !p.owner.empty();
      f["kind"] = p.kind;
      f["line"] = p.line;
      f["test_path"] = pytest::TestPath(b);
      f["test_name"] = pytest::TestName(p);
      f["example_count"] = p.steps.size();
      f["value_count"] = Count(p, Outcome::Kind::kValue);
      f["raise_count"] = Count(p, Outcome::Kind::kRaises);
      f["step_count"] = p.steps.size();
      f["trivial"] = Trivial(p);
      bool any = false;
      if (auto t = pytest::HappyTest(b, p)) f["happy_test"] = *t, any = true;
      size_t cases = 0;
      if (auto t = pytest::ParametrizedTest(b, p, cases)) f["param_test"] = *t, any = true;
      f["param_case_count"] = cases;
      if (auto t = pytest::ExceptionTest(b, p)) {
        f["exception_test"] = *t;
        for (const pytest::Step& s : p.steps)
          if (s.outcome.kind == Outcome::Kind::kRaises) {
            f["exception"] = s.outcome.exception;
            break;
          }
        any = true;
      }
      if (auto w = pytest::WrongTest(b, p)) {
        f["wrong_test"] = w->file;
        f["wrong_call"] = w->call;
        f["wrong_expected"] = w->expected;
        f["wrong_actual"] = w->actual;
      }
      if (auto t = pytest::SequenceTest(b, p)) f["sequence_test"] = *t, any = true;
      if (!any) continue;
      // Templates select on these, since a template may only name facts its nodes have.
      for (const char* key : {"happy_test", "exception_test", "wrong_test", "sequence_test"})
        f[std::string("has_") + key] = f.contains(key);
      node.labels = {"kind:" + node.kind, std::string("examples:") + (p.independent ? "independent" : "sequence")};
      if (f["raise_count"].get<size_t>() > 0) node.labels.push_back("raises");
      if (f["trivial"].get<bool>()) node.labels.push_back("trivial");
      nodes.push_back(std::move(node));
    }
    return nodes;
  }

  templates::Vocabulary vocabulary_;
  mutable BehaviourCache cache_;
};

}  // namespace

const Domain& PytestDomain() {
  static const Pytest domain;
  return domain;
}

}  // namespace trajc::domains
