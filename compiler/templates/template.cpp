#include "templates/template.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>

#include "core/yaml.h"
#include "templates/expression.h"

namespace trajc::templates {

namespace {

constexpr uint64_t kMaxVariants = uint64_t{1} << 40;

class Loader {
 public:
  Loader(const YamlDocument& doc, const schema::Subagent& agent, const Vocabulary& vocabulary)
      : doc_(doc), agent_(agent), vocabulary_(vocabulary) {}

  Template Load() {
    const Json& root = doc_.value;
    if (!root.is_object())
      throw doc_.ErrorAt("", std::string(doc_.empty ? "empty file; " : "") +
                                 "a template must be a mapping with id, node, instruction and steps");
    Known(root, "", {"id", "description", "node", "when", "tags", "instruction", "steps"});
    Template t;
    t.path = doc_.path;
    t.id = String(root, "", "id");
    static const std::regex kId("[a-z0-9][a-z0-9_.-]*");
    if (!std::regex_match(t.id, kId))
      throw doc_.ErrorAt("/id", "template id '" + t.id + "' must be lowercase letters, digits, '_', '.', '-'");
    if (root.contains("description")) t.description = String(root, "", "description");
    t.node_kind = String(root, "", "node");
    if (!vocabulary_.node_kinds.count(t.node_kind))
      throw doc_.ErrorAt("/node", "unknown node kind '" + t.node_kind + "'; this domain has: " + Join(vocabulary_.node_kinds));
    if (root.contains("tags")) {
      const Json& tags = List(root, "", "tags");
      for (size_t i = 0; i < tags.size(); ++i) {
        if (!tags[i].is_string() || tags[i].get<std::string>().empty())
          throw doc_.ErrorAt("/tags/" + std::to_string(i), "a tag must be a non-empty string");
        t.tags.push_back(tags[i].get<std::string>());
      }
    }
    if (root.contains("when")) {
      const Json& when = List(root, "", "when");
      for (size_t i = 0; i < when.size(); ++i) t.when.push_back(ConditionAt(when[i], "/when/" + std::to_string(i)));
    }
    const Json& instruction = List(root, "", "instruction");
    if (instruction.empty()) throw doc_.ErrorAt("/instruction", "'instruction' needs at least one phrasing");
    for (size_t i = 0; i < instruction.size(); ++i) {
      std::string at = "/instruction/" + std::to_string(i);
      if (!instruction[i].is_string()) throw doc_.ErrorAt(at, "an instruction must be a string");
      CheckText(instruction[i].get<std::string>(), at, {});
      t.instructions.push_back(instruction[i].get<std::string>());
      t.instruction_locations.push_back(doc_.Locate(at));
    }
    choices_.push_back(t.instructions.size());
    const Json& steps = List(root, "", "steps");
    if (steps.empty()) throw doc_.ErrorAt("/steps", "'steps' needs at least one step");
    t.steps = Steps(steps, "/steps", {});
    const Step& last = t.steps.back();
    if (last.kind != Step::Kind::kCall || last.tool != schema::kSubmitTool)
      throw Error(last.where, "the last step must be 'call: submit_result'; every conversation ends with it");
    t.choice_sizes = choices_;
    for (size_t n : choices_) t.variant_count = std::min(kMaxVariants, t.variant_count * n);
    return t;
  }

 private:
  static std::string Join(const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  }

  void Known(const Json& object, const std::string& at, std::initializer_list<const char*> keys) {
    for (const auto& item : object.items()) {
      if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return item.key() == k; })) {
        std::string list;
        for (const char* k : keys) list += std::string(list.empty() ? "" : ", ") + k;
        throw Error(doc_.Locate(at + "/" + EscapePointerToken(item.key()) + "#key"),
                    "unknown field '" + item.key() + "'; expected one of: " + list);
      }
    }
  }

  std::string String(const Json& object, const std::string& at, const std::string& key) {
    if (!object.contains(key)) throw doc_.ErrorAt(at, "missing required field '" + key + "'");
    const Json& v = object[key];
    if (!v.is_string() || v.get<std::string>().empty())
      throw doc_.ErrorAt(at + "/" + key, "'" + key + "' must be a non-empty string");
    return v.get<std::string>();
  }

  const Json& List(const Json& object, const std::string& at, const std::string& key) {
    if (!object.contains(key)) throw doc_.ErrorAt(at, "missing required field '" + key + "'");
    const Json& v = object[key];
    if (!v.is_array()) throw doc_.ErrorAt(at + "/" + key, "'" + key + "' must be a list");
    return v;
  }

  // Every placeholder root must be a loop variable in scope, a fact or a view.
  void CheckRoot(const std::string& path, const std::string& at, const std::set<std::string>& locals) {
    std::string root = RootOf(path);
    if (locals.count(root) || vocabulary_.facts.count(root) || vocabulary_.views.count(root)) return;
    throw doc_.ErrorAt(at, "unknown name '" + root + "' in '" + path + "'; known: " +
                               Join(vocabulary_.facts) + ", " + Join(vocabulary_.views) +
                               (locals.empty() ? "" : ", " + Join(locals)));
  }

  void CheckText(const std::string& text, const std::string& at, const std::set<std::string>& locals) {
    std::vector<Piece> pieces;
    bool whole = false;
    if (auto err = SplitTemplateString(text, pieces, whole)) throw doc_.ErrorAt(at, *err);
    for (const Piece& p : pieces)
      if (p.is_placeholder) CheckRoot(p.placeholder.path, at, locals);
  }

  Condition ConditionAt(const Json& value, const std::string& at) {
    static const std::regex kCondition(R"(\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(==|!=|<=|>=|<|>)\s*(.+?)\s*)");
    std::smatch m;
    std::string text = value.is_string() ? value.get<std::string>() : "";
    if (!std::regex_match(text, m, kCondition))
      throw doc_.ErrorAt(at, "a condition is 'fact op value', e.g. 'fixable_count >= 2'");
    Condition c;
    c.path = m[1];
    c.op = m[2];
    c.literal = Json::parse(std::string(m[3]), nullptr, false);
    if (c.literal.is_discarded() || c.literal.is_structured())
      throw doc_.ErrorAt(at, "'" + std::string(m[3]) + "' is not a number, true, false, null or a \"string\"");
    if (!vocabulary_.facts.count(RootOf(c.path)))
      throw doc_.ErrorAt(at, "conditions test facts; '" + RootOf(c.path) + "' is not one (facts: " + Join(vocabulary_.facts) + ")");
    c.where = doc_.Locate(at);
    c.text = text;
    return c;
  }

  // Numbers each {variants: […]} node as a choice point and checks placeholders.
  Json Args(const Json& value, const std::string& at, const std::set<std::string>& locals) {
    if (value.is_string()) {
      CheckText(value.get<std::string>(), at, locals);
      return value;
    }
    if (value.is_array()) {
      Json out = Json::array();
      for (size_t i = 0; i < value.size(); ++i) out.push_back(Args(value[i], at + "/" + std::to_string(i), locals));
      return out;
    }
    if (!value.is_object()) return value;
    if (value.contains("variants")) {
      if (value.size() != 1 || !value["variants"].is_array() || value["variants"].empty())
        throw doc_.ErrorAt(at, "a 'variants' node is {variants: [one or more phrasings]}");
      Json out = Json::object();
      out["$choice"] = choices_.size();
      choices_.push_back(value["variants"].size());
      out["variants"] = Args(value["variants"], at + "/variants", locals);
      return out;
    }
    Json out = Json::object();
    for (const auto& item : value.items())
      out[item.key()] = Args(item.value(), at + "/" + EscapePointerToken(item.key()), locals);
    return out;
  }

  std::vector<Step> Steps(const Json& steps, const std::string& at, std::set<std::string> locals) {
    std::vector<Step> out;
    for (size_t i = 0; i < steps.size(); ++i) {
      std::string here = at + "/" + std::to_string(i);
      const Json& s = steps[i];
      if (!s.is_object()) throw doc_.ErrorAt(here, "a step is a mapping with 'call' or 'for_each'");
      Step step;
      step.where = doc_.Locate(here);
      if (s.contains("call")) {
        Known(s, here, {"call", "args", "expect"});
        step.kind = Step::Kind::kCall;
        step.tool = String(s, here, "call");
        if (agent_.FindTool(step.tool) == nullptr)
          throw doc_.ErrorAt(here + "/call", "unknown tool '" + step.tool + "' (not in " + agent_.path + ")");
        if (step.tool == schema::kSubmitTool && !(at == "/steps" && i + 1 == steps.size()))
          throw doc_.ErrorAt(here + "/call", "submit_result must be the last step, outside any loop");
        if (s.contains("args")) {
          if (!s["args"].is_object()) throw doc_.ErrorAt(here + "/args", "'args' must be a mapping");
          step.args = Args(s["args"], here + "/args", locals);
        }
        if (s.contains("expect")) {
          const Json& e = s["expect"];
          if (e != "ok" && e != "error") throw doc_.ErrorAt(here + "/expect", "'expect' is 'ok' or 'error'");
          step.expect_ok = e == "ok";
        }
      } else if (s.contains("for_each")) {
        Known(s, here, {"for_each", "as", "do", "limit"});
        step.kind = Step::Kind::kLoop;
        step.source = String(s, here, "for_each");
        CheckRoot(step.source, here + "/for_each", locals);
        step.var = String(s, here, "as");
        if (vocabulary_.facts.count(step.var) || vocabulary_.views.count(step.var) || locals.count(step.var))
          throw doc_.ErrorAt(here + "/as", "loop variable '" + step.var + "' hides a name already in use");
        if (s.contains("limit")) {
          if (!s["limit"].is_number_integer() || s["limit"].get<long long>() < 1)
            throw doc_.ErrorAt(here + "/limit", "'limit' must be a whole number ≥ 1");
          step.limit = s["limit"].get<int>();
        }
        std::set<std::string> inner = locals;
        inner.insert(step.var);
        const Json& body = List(s, here, "do");
        if (body.empty()) throw doc_.ErrorAt(here + "/do", "'do' needs at least one step");
        step.body = Steps(body, here + "/do", inner);
      } else {
        throw doc_.ErrorAt(here, "a step is a mapping with 'call' or 'for_each'");
      }
      out.push_back(std::move(step));
    }
    return out;
  }

  const YamlDocument& doc_;
  const schema::Subagent& agent_;
  const Vocabulary& vocabulary_;
  std::vector<size_t> choices_;
};

}  // namespace

Template LoadTemplate(const std::string& path, const schema::Subagent& agent, const Vocabulary& vocabulary) {
  YamlDocument doc = LoadYaml(path);
  return Loader(doc, agent, vocabulary).Load();
}

std::vector<Template> LoadTemplates(const std::string& dir, const schema::Subagent& agent,
                                    const Vocabulary& vocabulary) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error({dir, 0, 0}, "not a directory of templates; pass --templates DIR");
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml"))
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) throw Error({dir, 0, 0}, "no *.yaml templates found");
  std::vector<Template> out;
  std::map<std::string, std::string> ids;
  for (const std::string& file : files) {
    Template t = LoadTemplate(file, agent, vocabulary);
    auto [it, inserted] = ids.emplace(t.id, file);
    if (!inserted) throw Error({file, 1, 1}, "duplicate template id '" + t.id + "' (also in " + it->second + ")");
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace trajc::templates
