#include "lint/rules/violation.h"

#include <string>

namespace trajc::lint {

std::string FormatMessage(std::string_view message, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(message.size() + 16);
  const std::string_view* arg = args.begin();
  size_t from = 0;
  for (size_t at = message.find("{}"); at != std::string_view::npos && arg != args.end();
       at = message.find("{}", from)) {
    out.append(message.substr(from, at - from));
    out.append(*arg++);
    from = at + 2;
  }
  out.append(message.substr(from));
  return out;
}

Finding MakeFinding(const Violation& violation, int row, int col, std::initializer_list<std::string_view> args,
                    std::vector<Edit> edits) {
  return Finding{
      std::string(violation.code), row, col, false, FormatMessage(violation.message, args), std::move(edits)};
}

Finding& Report(Findings& out, const Violation& violation, int row, int col,
                std::initializer_list<std::string_view> args, std::vector<Edit> edits) {
  return out.emplace_back(MakeFinding(violation, row, col, args, std::move(edits)));
}

}  // namespace trajc::lint
