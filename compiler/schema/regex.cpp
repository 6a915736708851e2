#include "schema/regex.h"

#include "core/utf8.h"

#include <pthread.h>

#include <cstdint>
#include <exception>
#include <stdexcept>
#include <vector>

namespace trajc::schema {

namespace {

// Decodes UTF-8 leniently (invalid bytes become U+FFFD).
std::wstring ToWide(std::string_view s) {
  std::wstring out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    CodePoint cp = DecodeUtf8(s, i);
    out.push_back(static_cast<wchar_t>(cp.value));
    i += cp.length;
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Subjects up to this many characters are matched on the caller's stack.
constexpr std::size_t kInlineSubjectLength = 2000;
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kStackPerCharacter = 8192;
#else
constexpr std::size_t kStackPerCharacter = 2048;
#endif

template <typename Fn>
bool RunOnLargeStack(std::size_t stack_bytes, Fn& fn) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return false;
  pthread_attr_setstacksize(&attr, stack_bytes);
  pthread_t thread;
  auto trampoline = [](void* arg) -> void* {
    (*static_cast<Fn*>(arg))();
    return nullptr;
  };
  int rc = pthread_create(&thread, &attr, +trampoline, &fn);
  pthread_attr_destroy(&attr);
  if (rc != 0) return false;
  pthread_join(thread, nullptr);
  return true;
}

template <typename Str, typename Re>
Pattern::Result SearchGuarded(const Str& subject, const Re& re) {
  auto search = [&]() -> Pattern::Result {
    try {
      return std::regex_search(subject.begin(), subject.end(), re) ? Pattern::Result::kMatch
                                                                    : Pattern::Result::kNoMatch;
    } catch (const std::exception&) {  // std::regex_error (complexity, stack) or bad_alloc
      return Pattern::Result::kUnmatchable;
    }
  };
  if (subject.size() <= kInlineSubjectLength) return search();
  if (subject.size() > Pattern::kMaxSubjectLength) return Pattern::Result::kUnmatchable;
  Pattern::Result result = Pattern::Result::kUnmatchable;
  auto job = [&] { result = search(); };
  if (!RunOnLargeStack(subject.size() * kStackPerCharacter + (1u << 20), job)) return Pattern::Result::kUnmatchable;
  return result;
}

}  // namespace

Pattern::Pattern(std::string source) : source_(std::move(source)) {
  if (auto reason = FindCatastrophicRepetition(source_)) throw std::invalid_argument(*reason);
  try {
    bytes_ = std::regex(source_, std::regex::ECMAScript);
    wide_ = std::wregex(ToWide(source_), std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    throw std::invalid_argument(e.what());
  }
}

Pattern::Result Pattern::Search(std::string_view subject) const {
  if (IsAscii(subject)) return SearchGuarded(subject, bytes_);
  return SearchGuarded(ToWide(subject), wide_);
}

// A small structural parse of the pattern: enough to find `( ...unbounded... )+` where the
// group body can match by repeating its inner repetition alone.
namespace {

struct Scan {
  std::string_view p;
  std::size_t i = 0;
  std::optional<std::string> found;

  struct Item {
    bool optional = false;   // may match empty
    bool unbounded = false;  // may repeat without bound
  };

  // Parses alternatives up to ')' or end; returns whether some alternative is made only
  // of repetitions and optional items, with at least one unbounded repetition.
  bool Alternatives() {
    bool star_body = false;
    bool has_unbounded = false;
    bool all_loose = true;
    auto end_alternative = [&] {
      if (has_unbounded && all_loose) star_body = true;
      has_unbounded = false;
      all_loose = true;
    };
    while (i < p.size() && p[i] != ')') {
      if (p[i] == '|') {
        ++i;
        end_alternative();
        continue;
      }
      Item item = Atom();
      if (item.unbounded) has_unbounded = true;
      if (!item.unbounded && !item.optional) all_loose = false;
    }
    end_alternative();
    return star_body;
  }

  Item Atom() {
    Item item;
    bool group_star = false;
    bool is_group = false;
    char c = p[i];
    if (c == '\\') {
      ++i;
      if (i < p.size()) {
        char e = p[i++];
        if (e == 'u') i += 4;
        else if (e == 'x') i += 2;
        else if (e == 'c') i += 1;
        else if (e == 'b' || e == 'B') item.optional = true;
      }
    } else if (c == '[') {
      ++i;
      if (i < p.size() && p[i] == '^') ++i;
      if (i < p.size() && p[i] == ']') ++i;
      while (i < p.size() && p[i] != ']') i += (p[i] == '\\') ? 2 : 1;
      ++i;
    } else if (c == '(') {
      ++i;
      bool lookaround = false;
      if (i < p.size() && p[i] == '?') {
        ++i;
        if (i < p.size() && (p[i] == '=' || p[i] == '!')) lookaround = true;
        if (i < p.size() && p[i] == '<' && i + 1 < p.size() && (p[i + 1] == '=' || p[i + 1] == '!')) {
          lookaround = true;
          ++i;
        } else if (i < p.size() && p[i] == '<') {
          while (i < p.size() && p[i] != '>') ++i;
        }
        ++i;
      }
      is_group = true;
      group_star = Alternatives();
      ++i;  // ')'
      if (lookaround) {
        item.optional = true;
        group_star = false;
      }
    } else if (c == '^' || c == '$') {
      ++i;
      item.optional = true;
    } else {
      ++i;
    }
    if (i > p.size()) i = p.size();
    // Quantifier.
    bool q_unbounded = false;
    bool q_optional = false;
    bool quantified = false;
    if (i < p.size()) {
      char q = p[i];
      if (q == '*' || q == '+' || q == '?') {
        quantified = true;
        q_unbounded = q != '?';
        q_optional = q != '+';
        ++i;
      } else if (q == '{') {
        std::size_t j = i + 1;
        std::size_t min_start = j;
        while (j < p.size() && p[j] >= '0' && p[j] <= '9') ++j;
        if (j > min_start && j < p.size()) {
          bool min_zero = p.substr(min_start, j - min_start).find_first_not_of('0') == std::string_view::npos;
          if (p[j] == '}') {
            quantified = true;
            q_optional = min_zero;
            i = j + 1;
          } else if (p[j] == ',') {
            std::size_t k = j + 1;
            while (k < p.size() && p[k] >= '0' && p[k] <= '9') ++k;
            if (k < p.size() && p[k] == '}') {
              quantified = true;
              q_unbounded = k == j + 1;
              q_optional = min_zero;
              i = k + 1;
            }
          }
        }
      }
      if (quantified && i < p.size() && p[i] == '?') ++i;  // lazy
    }
    if (is_group && group_star && q_unbounded && !found) {
      found = "nested repetition (a repeated group whose body is only a repetition, like '(a+)+') "
              "can take exponential time; rewrite the pattern without it";
    }
    item.unbounded = q_unbounded || (is_group && group_star);
    item.optional = item.optional || q_optional;
    return item;
  }
};

}  // namespace

std::optional<std::string> FindCatastrophicRepetition(std::string_view pattern) {
  Scan scan;
  scan.p = pattern;
  while (scan.i < pattern.size()) {
    scan.Alternatives();
    if (scan.i < pattern.size()) ++scan.i;  // stray ')': std::regex reports it
  }
  return scan.found;
}

}  // namespace trajc::schema
