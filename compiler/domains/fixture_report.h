// domains/fixture_report — what `trajc fixtures show` and `trajc fixtures check` say
// alike in every domain: the head of a fixture's Show object, how a node and the errors
// are listed, and an error about a fixture as a whole. The domains' Show and
// CheckExpectations then write only their own facts and expectations, and a fifth
// domain shows its fixtures as the others do.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/json.h"
#include "domains/domain.h"

namespace trajc::domains {

// Whether Show's head gives the fixture's line_count (the test domain's gives the
// module's name after it instead).
enum class WithLineCount : bool { kNo, kYes };

// The head of Show's object: path (as found on disk), split ("train" or "eval"), sha256
// and line_count. The domain adds its facts after it.
Json ShowHeader(const Fixture& fixture, WithLineCount line_count = WithLineCount::kYes);

// A task node as Show lists it: id and kind; the domain adds what its nodes are about.
Json ShowNode(const Node& node);

// Adds every key of `from` to `into`, after the keys it has (in `from`'s order).
void AddKeys(Json& into, const Json& from);

// Adds "errors", the messages of `errors`, when there are any.
void ShowErrors(Json& out, const std::vector<Error>& errors);

// An error about a fixture as a whole (fixtures check): at its path, line and column 0.
Error FixtureError(const Fixture& fixture, std::string message);

}  // namespace trajc::domains
