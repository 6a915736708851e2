// domains/docstring/docstring_environment — the docstring subagent's world: one Python
// file whose docstrings change as the agent writes them. inspect_node reports the facts
// tree-sitter reads off the current text; write_docstring really edits the text (and
// fails, truthfully, for an unknown target or content it cannot place); check_docstring
// really parses the current docstring and compares it with the code; submit_result is
// accepted only when its claims are the environment's own.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "domains/docstring/facts_cache.h"
#include "domains/tool_environment.h"
#include "python/docstring.h"
#include "python/facts.h"

namespace trajc::domains::docstring {

// Views: "seen" is the last check_docstring result (null before one); "env" is documented
// (task targets whose docstrings now pass the check in the task's style), changed_files,
// written (successful writes).
class DocstringEnvironment : public ToolEnvironment {
 public:
  // `targets`: the qualified names the task asks to document; `style` the task's style;
  // `cache` (optional, not owned) memoises the facts of file texts across environments.
  DocstringEnvironment(std::string display_path, std::string text, std::vector<std::string> targets,
                       python::DocstringStyle style, FactsCache* cache = nullptr);

  const std::string& text() const { return text_; }

 private:
  const ToolTable& Tools() const override;
  Json Truth() const override;
  templates::ToolOutcome Inspect(const Json& args) const;
  templates::ToolOutcome Write(const Json& args);
  templates::ToolOutcome Check(const Json& args);
  templates::ToolOutcome Submit(const Json& args) const;
  const python::Definition* Find(const std::string& target) const;
  templates::ToolOutcome Unknown(const std::string& target) const;
  void Reparse();

  std::string path_;
  std::string original_;
  std::string text_;
  std::vector<std::string> targets_;
  python::DocstringStyle style_;
  FactsCache* cache_;
  std::shared_ptr<const python::ModuleFacts> facts_;  // of text_
  int written_ = 0;
};

}  // namespace trajc::domains::docstring
