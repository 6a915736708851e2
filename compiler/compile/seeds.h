// compile/seeds — every seed a compile uses, derived from --seed in one place.
//
// A dataset must be a pure function of its inputs and flags: example i may depend on
// --seed and on i, never on which thread compiled it, in what order, or on --jobs or
// --shard. So no choice draws from a shared stream; each gets its own seed, derived from
// --seed through labelled steps (core/prng DeriveSeed: an independent seed per label or
// index). The labels, the salts below, keep the choices apart: two choices drawn from one
// seed would be correlated (the order of a split's examples with the order of a
// template's nodes, say). The tree:
//
//   split seed     DeriveSeed(--seed, "train" | "eval")      the splits draw independently
//                                                            (val and test are ranges of eval)
//   example seed   DeriveSeed(split seed, example index)     call ids and seeded facts
//   proof seed     Mix64(example seed ^ kProofSalt)          the repeat cache's second compile
//   order          DeriveSeed(split seed, kOrderSalt)        which plan position example i takes
//   rank           DeriveSeed(split seed, kRankSalt)         which templates get the odd extra example
//   template seed  DeriveSeed(split seed, template index)    the order of the template's nodes
//   stratum order  DeriveSeed(template seed, stratum index)  the order of a stratum's nodes
//   strata rank    DeriveSeed(template seed, kStrataSalt)    ties between strata
//   variant order  DeriveSeed(template seed, node + kVariantSalt)  a node's phrasing variants
//   hold-out       DeriveSeed(--seed, kHoldoutSalt)          which files are eval in a tree
//                                                            without eval/ (compile/holdout.h)
//
// Example seeds and template seeds are both indexes under the split seed, so example t and
// template t get the same value; it keys unrelated functions (call ids and facts, a node
// permutation), and it stays so because every salt here is part of every dataset's bytes:
// changing one changes the golden hashes. Add a salt for a new choice; never reuse one.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/prng.h"

namespace trajc::compile {

// The permutation of a split's plan positions: example i takes position order(i).
inline constexpr std::string_view kOrderSalt = "order";
// The seeded rank of the templates that decides who gets the examples that do not divide
// evenly, so that no template is favoured by its place in the folder.
inline constexpr std::string_view kRankSalt = "rank";
// The seeded rank of a template's strata that breaks ties when strata interleave, so that
// no style always comes first.
inline constexpr std::string_view kStrataSalt = "strata";
// Added to a node's index to key its variant order under the template seed, whose small
// integer keys (0, 1, 2, ...) are the stratum orders: without it node 1's variant order
// would be stratum 1's node order. Any large constant does; this is MurmurHash2's multiplier.
inline constexpr uint64_t kVariantSalt = 0x5bd1e995u;
// Keys the rank of a tree's file groups, the lowest of which are held out as eval when
// the fixtures have no eval/ folder.
inline constexpr std::string_view kHoldoutSalt = "holdout";
// Turns an example's seed into the repeat cache's proof seed: the proof compiles the example
// a second time and needs other call ids than the first compile's, so that every id it
// re-keys is seen to change. The value is arbitrary ("5eed" repeated); the output does not
// depend on it (an admitted entry reproduces a full compile), which entries are admitted does.
inline constexpr uint64_t kProofSalt = 0x5eed5eed5eed5eedull;

// The seed of everything a split draws (its plan, its examples).
inline uint64_t SplitSeed(uint64_t seed, std::string_view split) { return DeriveSeed(seed, split); }

// The seed of example `index` of `split`: its call ids and, in domains that have them,
// its seeded facts. The one place an example's seed is made.
inline uint64_t ExampleSeed(uint64_t seed, std::string_view split, uint64_t index) {
  return DeriveSeed(SplitSeed(seed, split), index);
}

// A second seed for the same example, whose compile proves that re-keying a cached line
// gives the bytes a full compile gives (compile/repeat_cache.h). It never reaches output.
inline uint64_t ProofSeed(uint64_t example_seed) { return Mix64(example_seed ^ kProofSalt); }

// The key of the hold-out's group ranks.
inline uint64_t HoldoutSeed(uint64_t seed) { return DeriveSeed(seed, kHoldoutSalt); }

// The seed of template `template_index`'s choices within a split.
inline uint64_t TemplateSeed(uint64_t split_seed, uint64_t template_index) {
  return DeriveSeed(split_seed, template_index);
}

// The key of the order in which `node` (an index into the template's viable nodes) takes
// the template's phrasing variants.
inline uint64_t VariantSeed(uint64_t template_seed, uint64_t node) { return DeriveSeed(template_seed, node + kVariantSalt); }

}  // namespace trajc::compile
