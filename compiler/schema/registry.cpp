// SchemaRegistry: documents a $ref may reach by absolute URI (nothing is fetched).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/diagnostic.h"
#include "core/json_depth.h"
#include "schema/json_schema.h"

namespace trajc::schema {

namespace fs = std::filesystem;

namespace {

std::string WithoutEmptyFragment(std::string uri) {
  if (!uri.empty() && uri.back() == '#') uri.pop_back();
  return uri;
}

}  // namespace

void SchemaRegistry::Add(std::string uri, Json document) {
  documents_.insert_or_assign(WithoutEmptyFragment(std::move(uri)), std::move(document));
}

void SchemaRegistry::AddDirectory(const std::string& directory, const std::string& base_uri) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) throw Error({directory, 0, 0}, "not a directory of schema documents");
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".json") files.push_back(it->path());
  }
  if (ec) throw Error({directory, 0, 0}, "cannot list the directory: " + ec.message());
  std::sort(files.begin(), files.end());  // deterministic, whatever the directory order
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error({file.string(), 0, 0}, "cannot read the schema document");
    std::stringstream text;
    text << in.rdbuf();
    Json document;
    const std::string json = text.str();
    if (size_t deep = FindTooDeepJson(json); deep != std::string::npos)
      throw Error(LocationOfOffset(file.string(), json, deep), JsonTooDeepMessage());
    try {
      document = Json::parse(json);
    } catch (const Json::parse_error& e) {
      throw Error({file.string(), 0, 0}, std::string("malformed JSON: ") + e.what());
    }
    Add(base_uri + fs::relative(file, directory).generic_string(), std::move(document));
  }
}

const Json* SchemaRegistry::Find(std::string_view uri) const {
  if (!uri.empty() && uri.back() == '#') uri.remove_suffix(1);
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

}  // namespace trajc::schema
