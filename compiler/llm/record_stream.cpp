#include "llm/record_stream.h"

#include "core/diagnostic.h"

namespace trajc::llm {

std::optional<RecordFormat> RecordFormatFromName(const std::string& name) {
  if (name == "jsonl") return RecordFormat::kJsonl;
  if (name == "json") return RecordFormat::kJson;
  return std::nullopt;
}

RecordReader::RecordReader(const std::string& path, std::optional<RecordFormat> format) : path_(path), in_(path, std::ios::binary) {
  if (!in_) throw Error({path, 0, 0}, "cannot read the input file");
  SkipBlanks();
  if (Peek() == EOF) throw Error({path, 0, 0}, "the input is empty: no records to fill");
  format_ = format.value_or(Peek() == '[' ? RecordFormat::kJson : RecordFormat::kJsonl);
  if (format_ == RecordFormat::kJson) {
    if (Peek() != '[') Fail("a JSON input is one array of records; expected '['");
    Get();
  }
}

int RecordReader::Get() {
  int c = in_.get();
  if (c == '\n') {
    ++line_;
    column_ = 1;
  } else if (c != EOF) {
    ++column_;
  }
  return c;
}

int RecordReader::Peek() { return in_.peek(); }

void RecordReader::SkipBlanks() {
  while (Peek() == ' ' || Peek() == '\t' || Peek() == '\r' || Peek() == '\n') Get();
}

void RecordReader::Fail(const std::string& what) const { throw Error({path_, line_, column_}, what); }

bool RecordReader::Next(RawRecord& out) {
  out = RawRecord{};
  if (format_ == RecordFormat::kJsonl) {
    SkipBlanks();
    if (Peek() == EOF) return false;
    out.line = line_;
    out.column = column_;
    for (int c; (c = Peek()) != EOF && c != '\n';) out.text += static_cast<char>(Get());
    out.index = index_++;
    return true;
  }
  if (array_done_) return false;
  SkipBlanks();
  if (Peek() == ']') {
    if (index_ != 0) Fail("expected a record after ','");
    Get();
    array_done_ = true;
    SkipBlanks();
    if (Peek() != EOF) Fail("unexpected text after the closing ']'");
    return false;
  }
  if (Peek() == EOF) Fail("the JSON array is not closed: expected ']'");
  out.line = line_;
  out.column = column_;
  // One element: up to the ',' or ']' at depth 0, outside strings.
  int depth = 0;
  bool in_string = false;
  for (;;) {
    int c = Peek();
    if (c == EOF) Fail("the JSON array is not closed: expected ']'");
    if (!in_string && depth == 0 && (c == ',' || c == ']')) break;
    out.text += static_cast<char>(Get());
    if (in_string) {
      if (c == '\\' && Peek() != EOF) out.text += static_cast<char>(Get());
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth < 0) Fail("unbalanced '" + std::string(1, static_cast<char>(c)) + "'");
    }
  }
  if (Get() == ']') {
    array_done_ = true;
    SkipBlanks();
    if (Peek() != EOF) Fail("unexpected text after the closing ']'");
  }
  out.index = index_++;
  return true;
}

void RecordWriter::Write(const Json& record) {
  if (format_ == RecordFormat::kJsonl) {
    out_ << Dump(record) << "\n";
  } else {
    out_ << (written_ == 0 ? "[\n" : ",\n") << Dump(record);
  }
  ++written_;
}

void RecordWriter::Finish() {
  if (format_ == RecordFormat::kJson) out_ << (written_ == 0 ? "[]\n" : "\n]\n");
  out_.flush();
}

}  // namespace trajc::llm
