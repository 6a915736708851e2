// domains/sample_data/sample_data_domain — the `sample_data` domain. Fixtures are Python
// modules with data models (model.h); a task asks for realistic JSON samples of one
// model — a dataclass, TypedDict or NamedTuple (node kind `model`), an Enum (`enum`), or
// a function's parameter list (`function`) — that validate against it. The samples are
// drawn per example from its seed (SeededFacts), so `--seed` changes them and the same
// seed gives the same bytes at any --jobs.
//
// Node ids are the model's name. A fixture with an annotation trajc cannot generate or
// validate is refused with a located error; `fixtures check` lists every such problem.
#pragma once

#include "domains/domain.h"

namespace trajc::domains {

const Domain& SampleDataDomain();

}  // namespace trajc::domains
