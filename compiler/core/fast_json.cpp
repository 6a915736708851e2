#include "core/fast_json.h"

#include <simdjson.h>

#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace trajc {

struct FastJsonParser::Impl {
  simdjson::dom::parser parser;
  std::string padded;  // the text copied with simdjson's required padding
};

namespace {

// False when the value cannot be represented as nlohmann would (see the header).
// `zero_integer` records an integer 0: simdjson reads "-0" as that too, nlohmann as a signed
// integer where "0" is unsigned, so the text decides (Parse).
bool Convert(simdjson::dom::element element, Json& out, bool& zero_integer) {
  using simdjson::dom::element_type;
  switch (element.type()) {
    case element_type::ARRAY: {
      simdjson::dom::array array = element.get_array().value_unsafe();
      out = Json::array();
      Json::array_t& items = out.get_ref<Json::array_t&>();
      items.reserve(array.size());
      for (simdjson::dom::element item : array) {
        items.emplace_back();
        if (!Convert(item, items.back(), zero_integer)) return false;
      }
      return true;
    }
    case element_type::OBJECT: {
      simdjson::dom::object object = element.get_object().value_unsafe();
      out = Json::object();
      Json::object_t& members = out.get_ref<Json::object_t&>();
      members.reserve(object.size());
      for (simdjson::dom::key_value_pair member : object) {
        // A duplicate key (rare) is left to nlohmann's parser, which keeps its first position
        // and the last value; checking here, against the keys already added, lets every
        // member be appended in place instead of looked up through ordered_map's operator[].
        for (const auto& added : members) {
          if (std::string_view(added.first) == member.key) return false;
        }
        members.emplace_back(std::piecewise_construct, std::forward_as_tuple(member.key), std::forward_as_tuple());
        if (!Convert(member.value, members.back().second, zero_integer)) return false;
      }
      return true;
    }
    case element_type::INT64: {
      int64_t v = element.get_int64().value_unsafe();
      zero_integer = zero_integer || v == 0;
      if (v >= 0) out = static_cast<uint64_t>(v);  // nlohmann reads a non-negative integer as unsigned
      else out = v;
      return true;
    }
    case element_type::UINT64:
      out = element.get_uint64().value_unsafe();
      return true;
    case element_type::DOUBLE:
      out = element.get_double().value_unsafe();
      return true;
    case element_type::STRING:
      out = std::string(element.get_string().value_unsafe());
      return true;
    case element_type::BOOL:
      out = element.get_bool().value_unsafe();
      return true;
    case element_type::NULL_VALUE:
      out = nullptr;
      return true;
  }
  return false;
}

}  // namespace

FastJsonParser::FastJsonParser() : impl_(std::make_unique<Impl>()) {}
FastJsonParser::~FastJsonParser() = default;

static_assert(FastJsonParser::kPadding >= simdjson::SIMDJSON_PADDING);

bool FastJsonParser::Parse(std::string_view text, Json& out) {
  impl_->padded.assign(text);
  impl_->padded.append(kPadding, '\0');
  return ParsePadded(std::string_view(impl_->padded.data(), text.size()), out);
}

bool FastJsonParser::ParsePadded(std::string_view text, Json& out) {
  simdjson::dom::element root;
  if (impl_->parser.parse(text.data(), text.size(), false).get(root) != simdjson::SUCCESS) return false;
  bool zero_integer = false;
  if (!Convert(root, out, zero_integer)) return false;
  return !zero_integer || text.find("-0") == std::string_view::npos;
}

}  // namespace trajc
