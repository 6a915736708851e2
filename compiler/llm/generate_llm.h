// llm/generate_llm — `trajc generate-llm`: prompt-template generation. Each input record
// (a JSON object, e.g. a spec) fills the system and user templates' {{placeholders}},
// and N requests are made of it; each answer becomes a conversation record. With
// --enforce-json the endpoint is asked for JSON and each answer must parse (and, with
// --output-schema, validate): a refused answer is asked for again within the retry
// budget, then counted as a failure. Cache, resume, retries and concurrency are fill's.
#pragma once

#include <optional>
#include <string>

#include "llm/record_stream.h"
#include "llm/run_options.h"

namespace trajc::llm {

struct GenerateLlmOptions {
  std::string inputs;
  std::optional<RecordFormat> input_format;
  std::string system_file, user_file;      // template files
  std::optional<std::string> system_text;  // --system/--user override the files
  std::optional<std::string> user_text;
  int samples = 1;
  bool enforce_json = false;
  std::string output_schema;  // a JSON Schema file; implies enforce_json
  RunOptions run;
};

// Exit code: 0 when every sample was written, 1 when some failed (each reported).
int RunGenerateLlm(const GenerateLlmOptions& options);

}  // namespace trajc::llm
