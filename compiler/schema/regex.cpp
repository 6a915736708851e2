#include "schema/regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdexcept>

#include "core/utf8.h"
#include "schema/ecma_pattern.h"

namespace trajc::schema {

namespace {

// Backtracking steps one search may take. A catastrophic pattern reaches it in tens of
// milliseconds with JIT (a few hundred without); ordinary patterns on long strings stay far below.
constexpr uint32_t kMatchLimit = 10'000'000;
// Memory (KiB) the interpreter may use for backtracking frames (PCRE2's default is 20 GB).
constexpr uint32_t kHeapLimitKib = 64 * 1024;
// JIT stack per thread: grown on demand up to the maximum; a match that needs more falls
// back to the interpreter, which is bounded by kHeapLimitKib instead.
constexpr PCRE2_SIZE kJitStackStart = 32 * 1024;
constexpr PCRE2_SIZE kJitStackMax = 1024 * 1024;

// What one thread needs to run matches: match data (one pair is enough to learn whether
// there is a match) and a match context carrying the limits and the thread's JIT stack.
class MatchState {
 public:
  MatchState()
      : data_(pcre2_match_data_create(1, nullptr)),
        context_(pcre2_match_context_create(nullptr)),
        jit_stack_(pcre2_jit_stack_create(kJitStackStart, kJitStackMax, nullptr)) {
    if (data_ == nullptr || context_ == nullptr) throw std::bad_alloc();
    pcre2_set_match_limit(context_, kMatchLimit);
    pcre2_set_heap_limit(context_, kHeapLimitKib);
    if (jit_stack_ != nullptr) pcre2_jit_stack_assign(context_, nullptr, jit_stack_);
  }
  ~MatchState() {
    pcre2_jit_stack_free(jit_stack_);
    pcre2_match_context_free(context_);
    pcre2_match_data_free(data_);
  }
  MatchState(const MatchState&) = delete;
  MatchState& operator=(const MatchState&) = delete;

  int Match(const pcre2_code* code, std::string_view subject, uint32_t options) {
    return pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0, options, data_, context_);
  }

 private:
  pcre2_match_data* data_;
  pcre2_match_context* context_;
  pcre2_jit_stack* jit_stack_;
};

std::string ErrorMessage(int code) {
  PCRE2_UCHAR buffer[256];
  if (pcre2_get_error_message(code, buffer, sizeof buffer) < 0) return "PCRE2 error " + std::to_string(code);
  return reinterpret_cast<const char*>(buffer);
}

// Each byte that does not start valid UTF-8 becomes U+FFFD.
std::string ReplaceInvalidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    CodePoint cp = DecodeUtf8(text, i);
    if (cp.valid) {
      out.append(text.substr(i, cp.length));
    } else {
      out.append("\xEF\xBF\xBD");
    }
    i += cp.length;
  }
  return out;
}

}  // namespace

Pattern::Pattern(std::string source) : source_(std::move(source)) {
  PcrePattern pcre = TranslateEcmaPattern(source_);
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pcre.source.data()), pcre.source.size(),
                                   PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_ALLOW_EMPTY_CLASS | PCRE2_NEVER_BACKSLASH_C,
                                   &error, &offset, nullptr);
  if (code == nullptr) {
    std::size_t at = offset < pcre.origin.size() ? pcre.origin[offset] : source_.size();
    throw std::invalid_argument(ErrorMessage(error) + " at offset " + std::to_string(at));
  }
  code_.reset(code, pcre2_code_free);
  // Without JIT support (or on failure) pcre2_match uses the interpreter: same results.
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
}

Pattern::Result Pattern::Search(std::string_view subject) const {
  thread_local MatchState state;
  int rc = state.Match(code_.get(), subject, 0);
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT) rc = state.Match(code_.get(), subject, PCRE2_NO_JIT);
  if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21) {
    return Search(ReplaceInvalidUtf8(subject));  // now valid: recurses once
  }
  if (rc >= 0) return Result::kMatch;  // 0: a match that did not fit the one-pair ovector
  if (rc == PCRE2_ERROR_NOMATCH) return Result::kNoMatch;
  return Result::kUnmatchable;  // match/heap/depth limit, or out of memory
}

}  // namespace trajc::schema
