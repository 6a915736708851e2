#include "schema/json_schema.h"

#include <algorithm>

#include "schema/json_pointer.h"
#include "schema/json_schema_internal.h"
#include "schema/json_value.h"

namespace trajc::schema {

namespace internal {

inline constexpr int kMaxSchemaDepth = 256;

bool Context::EvaluateMember(const Node& node, const Json& value, const std::string& key, const std::string* via) {
  if (via != nullptr) PushKeyword(*via);
  PushKey(key);
  bool ok = node.Evaluate(value, *this);
  PopInstance();
  if (via != nullptr) PopKeyword();
  return ok;
}

bool Context::EvaluateItem(const Node& node, const Json& value, std::size_t index, const std::string* via) {
  if (via != nullptr) PushKeyword(*via);
  PushIndex(index);
  bool ok = node.Evaluate(value, *this);
  PopInstance();
  if (via != nullptr) PopKeyword();
  return ok;
}

bool Node::Evaluate(const Json& instance, Context& ctx) const {
  switch (kind) {
    case Kind::kTrue:
      return true;
    case Kind::kFalse:
      return Fail(ctx, [&] { return "False schema does not allow " + Repr(instance); });
    case Kind::kObject:
      break;
  }
  if (ctx.depth >= kMaxEvaluationDepth) {
    return Fail(ctx, [&] {
      return "Evaluation exceeds the maximum depth of " + std::to_string(kMaxEvaluationDepth);
    });
  }
  ++ctx.depth;
  bool ok = true;
  for (const auto& keyword : keywords) {
    ctx.PushKeyword(keyword->segment());
    bool keyword_ok = keyword->Evaluate(instance, ctx);
    ctx.PopKeyword();
    if (!keyword_ok) {
      ok = false;
      if (!ctx.collecting()) break;
    }
  }
  --ctx.depth;
  return ok;
}

void Context::Report(std::string message) {
  ValidationError error;
  for (const auto& segment : instance_path_) {
    if (segment.key != nullptr) {
      AppendPointerToken(error.instance_location, *segment.key);
    } else {
      error.instance_location += '/';
      error.instance_location += std::to_string(segment.index);
    }
  }
  for (const std::string* segment : keyword_path_) {
    error.keyword_location += '/';
    error.keyword_location += *segment;
  }
  error.message = std::move(message);
  out_->push_back(std::move(error));
}

Compiler::Compiler(const Json& root) : root_(root) {
  if (root.is_object()) {
    auto id = root.find("$id");
    if (id != root.end() && id->is_string()) {
      root_id_ = id->get<std::string>();
      if (!root_id_.empty() && root_id_.back() == '#') root_id_.pop_back();
    }
  }
}

const Node* Compiler::CompileAt(const Json& schema, const std::string& pointer, int depth) {
  auto found = by_pointer_.find(pointer);
  if (found != by_pointer_.end()) return found->second;
  if (depth > kMaxSchemaDepth) {
    throw SchemaError(pointer, "schema nesting exceeds the maximum depth of " + std::to_string(kMaxSchemaDepth));
  }
  auto node = std::make_unique<Node>();
  node->pointer = pointer;
  Node* raw = node.get();
  nodes_.push_back(std::move(node));
  by_pointer_.emplace(pointer, raw);
  if (schema.is_boolean()) {
    raw->kind = schema.get<bool>() ? Node::Kind::kTrue : Node::Kind::kFalse;
  } else if (schema.is_object()) {
    raw->kind = Node::Kind::kObject;
    CompileKeywords(schema, pointer, depth, *this, *raw);
  } else {
    throw SchemaError(pointer, "must be a schema (an object or a boolean)");
  }
  return raw;
}

void Compiler::AddRef(RefKeyword* keyword, std::string reference, std::string keyword_pointer) {
  pending_.push_back({keyword, std::move(reference), std::move(keyword_pointer)});
}

void Compiler::ResolveRefs() {
  while (!pending_.empty()) {
    PendingRef ref = std::move(pending_.front());
    pending_.pop_front();
    std::string_view text = ref.reference;
    auto hash = text.find('#');
    std::string_view base = hash == std::string_view::npos ? text : text.substr(0, hash);
    if (!base.empty() && base != root_id_) {
      throw SchemaError(ref.keyword_pointer,
                        "cannot resolve '" + ref.reference + "': only local references ('#...') are supported");
    }
    std::string_view fragment = hash == std::string_view::npos ? std::string_view() : text.substr(hash + 1);
    auto decoded = PercentDecode(fragment);
    if (!decoded) {
      throw SchemaError(ref.keyword_pointer, "cannot resolve '" + ref.reference + "': malformed percent-encoding");
    }
    if (!decoded->empty() && decoded->front() != '/') {
      throw SchemaError(ref.keyword_pointer,
                        "cannot resolve '" + ref.reference + "': anchors are not supported, use a JSON pointer");
    }
    auto tokens = ParsePointer(*decoded);
    if (!tokens) {
      throw SchemaError(ref.keyword_pointer, "cannot resolve '" + ref.reference + "': malformed JSON pointer");
    }
    std::string canonical;
    for (const auto& token : *tokens) AppendPointerToken(canonical, token);
    const Node* target = nullptr;
    auto found = by_pointer_.find(canonical);
    if (found != by_pointer_.end()) {
      target = found->second;
    } else {
      const Json* sub = ResolvePointer(root_, *tokens);
      if (sub == nullptr) {
        throw SchemaError(ref.keyword_pointer, "cannot resolve '" + ref.reference + "': no such location in the schema");
      }
      target = CompileAt(*sub, canonical, 0);
    }
    ref.keyword->set_target(target);
  }
}

// A cycle of $ref / allOf / anyOf / oneOf / not that never moves into the instance
// would recurse forever; the spec calls such schemas invalid.
void Compiler::CheckCycles() const {
  enum Color : char { kWhite, kGrey, kBlack };
  std::map<const Node*, Color> color;
  std::vector<const Node*> children;
  struct Frame {
    const Node* node;
    std::vector<const Node*> next;
    std::size_t i;
  };
  for (const auto& start : nodes_) {
    if (color[start.get()] != kWhite) continue;
    std::vector<Frame> stack;
    auto push = [&](const Node* node) {
      color[node] = kGrey;
      Frame frame{node, {}, 0};
      for (const auto& keyword : node->keywords) keyword->SameInstanceChildren(frame.next);
      stack.push_back(std::move(frame));
    };
    push(start.get());
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.i == top.next.size()) {
        color[top.node] = kBlack;
        stack.pop_back();
        continue;
      }
      const Node* next = top.next[top.i++];
      Color c = color[next];
      if (c == kGrey) {
        throw SchemaError(next->pointer,
                          "reference cycle: this schema applies itself to the same instance without end");
      }
      if (c == kWhite) push(next);
    }
  }
}

const Node* Compiler::Finish() {
  const Node* root = CompileAt(root_, "", 0);
  ResolveRefs();
  CheckCycles();
  return root;
}

}  // namespace internal

struct CompiledSchema::Plan {
  std::vector<std::unique_ptr<internal::Node>> nodes;
  const internal::Node* root = nullptr;
};

CompiledSchema::CompiledSchema(std::unique_ptr<Plan> plan) : plan_(std::move(plan)) {}
CompiledSchema::CompiledSchema(CompiledSchema&&) noexcept = default;
CompiledSchema& CompiledSchema::operator=(CompiledSchema&&) noexcept = default;
CompiledSchema::~CompiledSchema() = default;

CompiledSchema CompiledSchema::Compile(const Json& schema, const CompileOptions& /*options*/) {
  internal::Compiler compiler(schema);
  auto plan = std::make_unique<Plan>();
  plan->root = compiler.Finish();
  plan->nodes = compiler.TakeNodes();
  return CompiledSchema(std::move(plan));
}

std::vector<ValidationError> CompiledSchema::Validate(const Json& instance) const {
  std::vector<ValidationError> errors;
  try {
    internal::Context ctx(&errors);
    plan_->root->Evaluate(instance, ctx);
  } catch (const std::exception& e) {  // allocation failure and the like: never throw
    errors.push_back({"", "", std::string("internal error during validation: ") + e.what()});
  }
  return errors;
}

bool CompiledSchema::IsValid(const Json& instance) const {
  try {
    internal::Context ctx(nullptr);
    return plan_->root->Evaluate(instance, ctx);
  } catch (const std::exception&) {
    return false;
  }
}

std::optional<Dialect> DialectFromUri(std::string_view uri) {
  if (!uri.empty() && uri.back() == '#') uri.remove_suffix(1);
  if (uri.starts_with("https://")) uri.remove_prefix(8);
  else if (uri.starts_with("http://")) uri.remove_prefix(7);
  else return std::nullopt;
  if (uri == "json-schema.org/draft/2020-12/schema") return Dialect::kDraft2020_12;
  if (uri == "json-schema.org/draft/2019-09/schema") return Dialect::kDraft2019_09;
  if (uri == "json-schema.org/draft-07/schema") return Dialect::kDraft7;
  if (uri == "json-schema.org/draft-06/schema") return Dialect::kDraft6;
  if (uri == "json-schema.org/draft-04/schema") return Dialect::kDraft4;
  return std::nullopt;
}

std::string_view DialectName(Dialect dialect) {
  switch (dialect) {
    case Dialect::kDraft4: return "draft-04";
    case Dialect::kDraft6: return "draft-06";
    case Dialect::kDraft7: return "draft-07";
    case Dialect::kDraft2019_09: return "2019-09";
    case Dialect::kDraft2020_12: return "2020-12";
  }
  return "2020-12";
}

}  // namespace trajc::schema
