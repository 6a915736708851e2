#include "templates/interpreter.h"

#include <map>

#include "core/utf8.h"
#include "templates/expression.h"

namespace trajc::templates {

namespace {

class Run {
 public:
  Run(const InstanceInput& in, Environment& env) : in_(in), env_(env), ids_(in.seed) {
    uint64_t radix = 1;
    for (size_t size : in.tmpl->choice_sizes) {
      choice_.push_back(radix > in.variant ? 0 : (in.variant / radix) % size);
      radix = radix > (uint64_t{1} << 40) ? radix : radix * size;
    }
  }

  Json Go() {
    Json messages = Json::array();
    messages.push_back({{"role", "system"}, {"content", in_.agent->system_prompt}});
    std::string instruction = Text(in_.tmpl->instructions[choice_[0]], in_.tmpl->instruction_locations[choice_[0]]);
    messages.push_back({{"role", "user"}, {"content", UserTurn(instruction)}});
    Steps(in_.tmpl->steps, messages);
    Json record = Json::object();
    record["messages"] = std::move(messages);
    return record;
  }

 private:
  std::optional<Json> Resolve(const std::string& root) const {
    for (auto it = locals_.rbegin(); it != locals_.rend(); ++it)
      if (it->first == root) return it->second;
    if (in_.facts->contains(root)) return (*in_.facts)[root];
    Json view = env_.View(root);
    if (!view.is_null()) return view;
    return std::nullopt;
  }

  RootResolver Resolver() const {
    return [this](const std::string& root) { return Resolve(root); };
  }

  std::string Text(const std::string& text, const Location& where) const {
    Json v = Evaluate(text, where);
    return v.is_string() ? v.get<std::string>() : Dump(v);
  }

  Json Evaluate(const std::string& text, const Location& where) const {
    try {
      return RenderString(text, Resolver());
    } catch (const std::runtime_error& e) {
      throw Error(where, "template '" + in_.tmpl->id + "': " + e.what());
    }
  }

  std::string UserTurn(const std::string& instruction) const {
    RootResolver context = [&](const std::string& root) -> std::optional<Json> {
      if (root == "instruction") return Json(instruction);
      if (in_.context->contains(root)) return (*in_.context)[root];
      return std::nullopt;
    };
    try {
      Json v = RenderString(in_.agent->context_template, context);
      return v.is_string() ? v.get<std::string>() : Dump(v);
    } catch (const std::runtime_error& e) {
      // Locate the first placeholder that fails on its own; the value's start otherwise.
      Location where = in_.agent->context_template_at;
      for (const auto& [placeholder, at] : in_.agent->context_placeholders) {
        try {
          RenderString(placeholder, context);
        } catch (const std::runtime_error&) {
          where = at;
          break;
        }
      }
      std::string names = "instruction";
      for (const auto& item : in_.context->items()) names += ", " + item.key();
      throw Error(where, std::string("context_template: ") + e.what() + "; known: " + names);
    }
  }

  Json Arguments(const Json& value, const Location& where) const {
    if (value.is_string()) return Evaluate(value.get<std::string>(), where);
    if (value.is_array()) {
      Json out = Json::array();
      for (const Json& v : value) out.push_back(Arguments(v, where));
      return out;
    }
    if (!value.is_object()) return value;
    // The loader's choice nodes are exactly {$choice, variants}: it refuses any other object
    // with a "variants" key, so a user's own "$choice" argument is never read as one.
    if (value.size() == 2 && value.contains("$choice") && value.contains("variants")) {
      size_t k = choice_[value["$choice"].get<size_t>()];
      return Arguments(value["variants"][k], where);
    }
    Json out = Json::object();
    for (const auto& item : value.items()) out[item.key()] = Arguments(item.value(), where);
    return out;
  }

  void Steps(const std::vector<Step>& steps, Json& messages) {
    for (const Step& step : steps) {
      if (step.kind == Step::Kind::kCall) {
        Call(step, messages);
        continue;
      }
      Json list = Evaluate("{{" + step.source + "}}", step.where);
      if (!list.is_array()) throw Error(step.where, "template '" + in_.tmpl->id + "': '" + step.source + "' is not a list");
      size_t n = list.size();
      if (step.limit) n = std::min(n, static_cast<size_t>(*step.limit));
      for (size_t i = 0; i < n; ++i) {
        locals_.emplace_back(step.var, list[i]);
        Steps(step.body, messages);
        locals_.pop_back();
      }
    }
  }

  void Call(const Step& step, Json& messages) {
    Json args = Arguments(step.args, step.where);
    const schema::Tool* tool = in_.agent->FindTool(step.tool);
    for (const auto& e : tool->parameters_schema->Validate(args))
      throw Error(step.where, "template '" + in_.tmpl->id + "': arguments of " + step.tool + " fail its schema: " +
                                  e.message + " (at " + (e.instance_location.empty() ? "/" : e.instance_location) + ")");
    std::string id = ids_.Next();
    Json call = {{"id", id}, {"type", "function"}, {"function", {{"name", step.tool}, {"arguments", Dump(args)}}}};
    messages.push_back({{"role", "assistant"}, {"content", nullptr}, {"tool_calls", Json::array({call})}});
    ToolOutcome outcome = env_.Call(step.tool, args);
    if (step.expect_ok && *step.expect_ok != outcome.ok)
      throw ExpectationFailed(FormatDiagnostic(step.where, "note",
                                               "expected " + step.tool + " to " + (outcome.ok ? "fail" : "succeed") +
                                                   ", the environment says: " + Dump(outcome.result)));
    if (step.tool == schema::kSubmitTool) {
      if (!outcome.ok)
        throw ExpectationFailed(FormatDiagnostic(step.where, "note", "submit_result disagrees with the environment: " +
                                                                         Dump(outcome.result)));
      return;  // the conversation ends with the call; nothing answers it
    }
    if (tool->returns_schema) {
      for (const auto& e : tool->returns_schema->Validate(outcome.result)) {
        const std::string result = ShortenUtf8(Dump(outcome.result), 160);
        throw ReturnsMismatch(tool->returns_at,
                              "the environment's result of " + step.tool + " does not fit this returns schema: " +
                                  e.message + " (at " + (e.instance_location.empty() ? "/" : e.instance_location) +
                                  "); it returned " + result + "; make `returns` describe what the tool returns",
                              "/tools/" + std::to_string(tool - in_.agent->tools.data()) + "/returns");
      }
    }
    messages.push_back({{"role", "tool"}, {"tool_call_id", id}, {"content", Dump(outcome.result)}});
  }

  const InstanceInput& in_;
  Environment& env_;
  CallIds ids_;
  std::vector<size_t> choice_;
  std::vector<std::pair<std::string, Json>> locals_;
};

}  // namespace

std::string CallIds::Next() {
  static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string id = "call_";
  for (size_t i = 5; i < kLength; ++i) id += kAlphabet[rng_.Below(36)];
  return id;
}

Json Instantiate(const InstanceInput& input, Environment& env) { return Run(input, env).Go(); }

bool ConditionsHold(const Template& t, const Json& facts) {
  for (const Condition& c : t.when) {
    std::string root = RootOf(c.path);
    if (!facts.contains(root)) return false;
    std::string_view rest = std::string_view(c.path).substr(root.size());
    if (!rest.empty()) rest.remove_prefix(1);
    std::optional<Json> value = Walk(facts[root], rest);
    if (!value || !Compare(*value, c.op, c.literal)) return false;
  }
  return true;
}

}  // namespace trajc::templates
