// python/compile_check_strings — what CPython refuses inside a string literal's token:
// escapes the decoder cannot read (`\x1`, `\u12`, `\U00110000`, `\N` without braces),
// non-ASCII characters in bytes, and in an f-string's replacement fields a backslash or a
// lone starred expression (3.11 compiles each field's text apart). tree-sitter takes a
// string's body as opaque text, so these pass its grammar.
#include <cctype>

#include "python/compile_check.h"
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

// A string token's text; the tokenizer keeps none for one spanning lines, so that is
// read from its first line on (the lines view one text) to its closing quotes.
std::string_view Checker::StringText(size_t j) const {
  const CToken& t = t_[j];
  if (!t.text.empty() || t.row < 1 || t.row > static_cast<int>(lines_.size())) return t.text;
  const char* begin = lines_[t.row - 1].data() + t.col;
  const char* stop = lines_.back().data() + lines_.back().size();
  std::string_view rest(begin, static_cast<size_t>(stop - begin));
  size_t q = rest.find_first_of("'\"");
  if (q == std::string_view::npos || q > 3 || rest.size() < q + 3 || rest.substr(q, 3) != std::string(3, rest[q]))
    return {};
  std::string closing(3, rest[q]);
  for (size_t k = q + 3; k + 3 <= rest.size(); ++k) {
    if (rest[k] == '\\') {
      ++k;
      continue;
    }
    if (rest.compare(k, 3, closing) == 0) return rest.substr(0, k + 3);
  }
  return {};
}

void Checker::Strings(size_t first, size_t end) {
  for (size_t j = first; j < end; ++j) {
    if (t_[j].kind != CKind::kString) continue;
    const std::string_view text = StringText(j);
    size_t q = text.find_first_of("'\"");
    if (q == std::string_view::npos) continue;
    bool raw = false, bytes = false, fstring = false;
    for (char c : text.substr(0, q)) {
      raw = raw || c == 'r' || c == 'R';
      bytes = bytes || c == 'b' || c == 'B';
      fstring = fstring || c == 'f' || c == 'F';
    }
    size_t quote = text.size() >= q + 6 && text.substr(q, 3) == std::string(3, text[q]) ? 3 : 1;
    if (text.size() < q + 2 * quote) continue;
    std::string_view body = text.substr(q + quote, text.size() - q - 2 * quote);
    // CPython reports what it finds decoding a literal just past the literal's end.
    const int last_row = t_[j].row + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    const size_t last_nl = text.rfind('\n');
    const int end_col = last_nl == std::string_view::npos ? t_[j].col + static_cast<int>(text.size())
                                                          : static_cast<int>(text.size() - last_nl - 1);
    const int end_offset = CharOffset(LineOf(last_row), end_col);
    auto fail = [&](const std::string& message) {
      Propose(j, j, "SyntaxError", message, Severity::kSpecific,
              message == "f-string: cannot use starred expression here" ? -1 : end_offset, last_row);
    };
    // A field's expression: a lone `*x` is no expression, and `lambda` ends at its `:`.
    auto BadField = [&](std::string_view expr, bool comma) {
      size_t s = expr.find_first_not_of(" \t\n");
      if (s == std::string_view::npos) return false;
      if (expr[s] == '*' && (s + 1 >= expr.size() || expr[s + 1] != '*') && !comma) {
        fail("f-string: cannot use starred expression here");
        return true;
      }
      // CPython 3.11 parses a field's expression on its own, as `(expression)`: so do the
      // token rules (tree-sitter's reading of the field is laxer). Fields nest only as
      // deep as quotes allow, so this recursion is shallow.
      if (expr.find_first_of("\\") == std::string_view::npos) {
        std::string wrapped = "(" + std::string(expr) + ")\n";
        std::vector<std::string_view> field_lines;
        for (size_t p = 0; p < wrapped.size();) {
          size_t nl = wrapped.find('\n', p);
          field_lines.push_back(std::string_view(wrapped).substr(p, nl + 1 - p));
          p = nl + 1;
        }
        if (FindCompileError(field_lines, nullptr, nullptr)) {
          fail("f-string: invalid syntax");
          return true;
        }
      }
      if (expr.substr(s, 6) == "lambda" && (s + 6 >= expr.size() || !(std::isalnum(static_cast<unsigned char>(expr[s + 6])) || expr[s + 6] == '_'))) {
        fail("f-string: invalid syntax");
        return true;
      }
      return false;
    };
    // Adjacent literals concatenate: bytes with bytes only.
    if (j > first && t_[j - 1].kind == CKind::kString) {
      std::string_view p = StringText(j - 1);
      size_t pq = p.find_first_of("'\"");
      bool prev_bytes = pq != std::string_view::npos && p.substr(0, pq).find_first_of("bB") != std::string_view::npos;
      if (prev_bytes != bytes) {
        size_t run = j - 1;
        while (run > first && t_[run - 1].kind == CKind::kString) --run;
        Propose(j, run, "SyntaxError", "cannot mix bytes and nonbytes literals", Severity::kSpecific, end_offset,
                last_row);
        return;
      }
    }
    if (bytes) {
      for (char c : body) {
        if (static_cast<unsigned char>(c) >= 0x80) {
          Propose(j, j, "SyntaxError", "bytes can only contain ASCII literal characters", Severity::kSpecific,
                  last_row == t_[j].row ? end_offset : OffsetAt(j));
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
        // CPython 3.11's fstring_find_literal: `\N{name}` is skipped whole, and a brace
        // after a backslash is still a brace (`\{x}` is a backslash and a field).
        if (fstring && i + 1 < body.size() && (body[i + 1] == '{' || body[i + 1] == '}')) continue;
        if (fstring && i + 2 < body.size() && body[i + 1] == 'N' && body[i + 2] == '{') {
          size_t close = body.find('}', i + 3);
          i = close == std::string_view::npos ? body.size() : close;
          continue;
        }
        ++i;  // the escaped character
        continue;
      }
      if (fstring && c == '}') {
        if (i + 1 < body.size() && body[i + 1] == '}') {
          ++i;
          continue;
        }
        fail("f-string: single '}' is not allowed");
        return;
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
      bool expression = true, comma = false, spec_colon = false;
      int spec_fields = 0;
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
          // a field in a format spec may have a format spec, whose fields may not
          if (d == '{' && !expression && ++spec_fields > 1 && spec_colon) {
            fail("f-string: expressions nested too deeply");
            return;
          }
        } else if (d == '}' || d == ')' || d == ']') {
          if (depth == 0) break;
          --depth;
        } else if (d == ':' && !expression && depth == 1) {
          spec_colon = true;  // a nested field's own format spec
        } else if (depth == 0 && expression) {
          bool two = k + 1 < body.size() && body[k + 1] == '=' && (d == '!' || d == '=' || d == '<' || d == '>');
          if (two) {
            ++k;
          } else if (d == '!' || d == ':' || d == '=') {
            expression = false;
            if (d == '!') {
              // a conversion: one of s, r, a, then the format spec or the end
              char c1 = k + 1 < body.size() ? body[k + 1] : '\0';
              char c2 = k + 2 < body.size() ? body[k + 2] : '\0';
              if (c1 != 's' && c1 != 'r' && c1 != 'a') {
                fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
                return;
              }
              if (c2 != ':' && c2 != '}') {
                fail("f-string: expecting '}'");
                return;
              }
            }
            if (d == ':' && k + 1 < body.size() && body[k + 1] == '=')
              tree_patches_.push_back(TreePatch{j, q + quote + k + 1, '=', ' '});
            if (BadField(body.substr(expr_start, k - expr_start), comma)) return;
          } else if (d == ',') {
            comma = true;
          }
        }
        ++k;
      }
      if (k >= body.size()) {
        fail("f-string: expecting '}'");
        return;
      }
      if (expression && k < body.size()) {
        if (BadField(body.substr(expr_start, k - expr_start), comma)) return;
      }
      i = k;
    }
  }
}

}  // namespace trajc::python::compile_check_internal
