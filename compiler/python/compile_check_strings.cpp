// python/compile_check_strings — what CPython refuses inside a string literal's token:
// escapes the decoder cannot read (`\x1`, `\u12`, `\U00110000`, `\N` without braces),
// non-ASCII characters in bytes, and in an f-string's replacement fields a backslash or a
// lone starred expression (3.11 compiles each field's text apart). tree-sitter takes a
// string's body as opaque text, so these pass its grammar.
#include <cctype>

#include "python/compile_check_internal.h"

namespace trajc::python::compile_check_internal {

namespace {

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The decoder's complaint about the escape at body[i] (a backslash), or "".
std::string BadEscape(std::string_view body, size_t i, bool bytes) {
  if (i + 1 >= body.size()) return "";
  char e = body[i + 1];
  if (e == 'x' || (!bytes && (e == 'u' || e == 'U'))) {
    size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
    uint32_t cp = 0;
    for (size_t k = 0; k < n; ++k) {
      char c = i + 2 + k < body.size() ? body[i + 2 + k] : '\0';
      if (!IsHex(c)) {
        if (bytes) return "(value error) invalid \\x escape at position " + std::to_string(i);
        return "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(i) + "-" +
               std::to_string(i + 1 + k) + ": truncated \\" + std::string(1, e) + std::string(n, 'X') + " escape";
      }
      cp = cp * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    if (cp > 0x10FFFF)
      return "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(i) + "-" +
             std::to_string(i + 1 + n) + ": illegal Unicode character";
  } else if (e == 'N' && !bytes) {
    size_t close = body.find('}', i + 2);
    if (i + 2 >= body.size() || body[i + 2] != '{' || close == std::string_view::npos || close == i + 3)
      return "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(i) + "-" +
             std::to_string(i + 1) + ": malformed \\N character escape";
  }
  return "";
}

}  // namespace

void Checker::Strings(size_t first, size_t end) {
  for (size_t j = first; j < end; ++j) {
    const CToken& t = t_[j];
    if (t.kind != CKind::kString) continue;
    size_t q = t.text.find_first_of("'\"");
    if (q == std::string_view::npos) continue;
    bool raw = false, bytes = false, fstring = false;
    for (char c : t.text.substr(0, q)) {
      raw = raw || c == 'r' || c == 'R';
      bytes = bytes || c == 'b' || c == 'B';
      fstring = fstring || c == 'f' || c == 'F';
    }
    size_t quote = t.text.size() >= q + 6 && t.text.substr(q, 3) == std::string(3, t.text[q]) ? 3 : 1;
    if (t.text.size() < q + 2 * quote) continue;
    std::string_view body = t.text.substr(q + quote, t.text.size() - q - 2 * quote);
    auto fail = [&](const std::string& message) {
      Propose(j, j, "SyntaxError", message, Severity::kSpecific);
    };
    // A field's expression: a lone `*x` is no expression, and `lambda` ends at its `:`.
    auto BadField = [&](std::string_view expr, bool comma) {
      size_t s = expr.find_first_not_of(" \t\n");
      if (s == std::string_view::npos) return false;
      if (expr[s] == '*' && (s + 1 >= expr.size() || expr[s + 1] != '*') && !comma) {
        fail("f-string: cannot use starred expression here");
        return true;
      }
      if (expr.substr(s, 6) == "lambda" && (s + 6 >= expr.size() || !(std::isalnum(static_cast<unsigned char>(expr[s + 6])) || expr[s + 6] == '_'))) {
        fail("f-string: invalid syntax");
        return true;
      }
      return false;
    };
    // Adjacent literals concatenate: bytes with bytes only.
    if (j > first && t_[j - 1].kind == CKind::kString) {
      std::string_view p = t_[j - 1].text;
      size_t pq = p.find_first_of("'\"");
      bool prev_bytes = pq != std::string_view::npos && p.substr(0, pq).find_first_of("bB") != std::string_view::npos;
      if (prev_bytes != bytes) {
        size_t run = j - 1;
        while (run > first && t_[run - 1].kind == CKind::kString) --run;
        Propose(j, run, "SyntaxError", "cannot mix bytes and nonbytes literals", Severity::kSpecific);
        return;
      }
    }
    if (bytes) {
      for (char c : body) {
        if (static_cast<unsigned char>(c) >= 0x80) {
          Propose(j, j, "SyntaxError", "bytes can only contain ASCII literal characters", Severity::kSpecific,
                  OffsetAt(j));
          return;
        }
      }
    }
    for (size_t i = 0; i < body.size(); ++i) {
      char c = body[i];
      if (c == '\\' && !raw) {
        if (std::string bad = BadEscape(body, i, bytes); !bad.empty()) {
          fail(bad);
          return;
        }
        ++i;  // the escaped character
        continue;
      }
      if (!fstring || c != '{') continue;
      if (i + 1 < body.size() && body[i + 1] == '{') {
        ++i;
        continue;
      }
      // A replacement field: its expression runs to a `!`, `:` or `}` outside brackets
      // and quotes (CPython 3.11's fstring_find_expr), the field to its matching `}`.
      size_t k = i + 1;
      int depth = 0;
      char in_quote = 0;
      bool expression = true, comma = false;
      size_t expr_start = k;
      while (k < body.size()) {
        char d = body[k];
        if (in_quote) {
          if (d == in_quote) in_quote = 0;
          if (d == '\\' && expression) {
            fail("f-string expression part cannot include a backslash");
            return;
          }
        } else if (d == '\'' || d == '"') {
          in_quote = d;
        } else if (d == '\\' && expression) {
          fail("f-string expression part cannot include a backslash");
          return;
        } else if (d == '{' || d == '(' || d == '[') {
          ++depth;
        } else if (d == '}' || d == ')' || d == ']') {
          if (depth == 0) break;
          --depth;
        } else if (depth == 0 && expression) {
          bool two = k + 1 < body.size() && body[k + 1] == '=' && (d == '!' || d == '=' || d == '<' || d == '>');
          if (two) {
            ++k;
          } else if (d == '!' || d == ':' || d == '=') {
            expression = false;
            if (BadField(body.substr(expr_start, k - expr_start), comma)) return;
          } else if (d == ',') {
            comma = true;
          }
        }
        ++k;
      }
      if (expression && k < body.size()) {
        if (BadField(body.substr(expr_start, k - expr_start), comma)) return;
      }
      i = k;
    }
  }
}

}  // namespace trajc::python::compile_check_internal
