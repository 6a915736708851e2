// llm/record_stream — datasets read and written one record at a time, so that memory
// stays flat however long the input: JSONL (one record per line) or one JSON array
// (scanned element by element, never parsed whole).
#pragma once

#include <fstream>
#include <optional>
#include <ostream>
#include <string>

#include "core/json.h"

namespace trajc::llm {

enum class RecordFormat { kJsonl, kJson };

std::optional<RecordFormat> RecordFormatFromName(const std::string& name);  // "jsonl" | "json"

struct RawRecord {
  size_t index = 0;  // 0-based position in the input
  int line = 0;      // where the record starts
  int column = 0;
  std::string text;
};

class RecordReader {
 public:
  // Opens `path`; a JSON array when its first non-blank byte is '[' (unless `format`
  // says otherwise). trajc::Error for an unreadable or empty file.
  RecordReader(const std::string& path, std::optional<RecordFormat> format);

  RecordFormat format() const { return format_; }
  // The next record's text; false at the end. A JSON array that is not well formed is a
  // located trajc::Error (a JSONL line that is not JSON is a record like any other:
  // the caller finds it invalid).
  bool Next(RawRecord& out);

 private:
  int Get();
  int Peek();
  void SkipBlanks();
  [[noreturn]] void Fail(const std::string& what) const;

  std::string path_;
  std::ifstream in_;
  RecordFormat format_ = RecordFormat::kJsonl;
  size_t index_ = 0;
  int line_ = 1;
  int column_ = 1;
  bool array_done_ = false;
};

class RecordWriter {
 public:
  RecordWriter(std::ostream& out, RecordFormat format) : out_(out), format_(format) {}
  void Write(const Json& record);
  void Finish();  // closes a JSON array ("[]" when nothing was written)

 private:
  std::ostream& out_;
  RecordFormat format_;
  size_t written_ = 0;
};

}  // namespace trajc::llm
