// domains/sample_data/vocabulary — small built-in vocabularies for realistic sample
// values: people's names, email domains, cities, countries, streets, companies, product
// words, tags, currencies … A value is picked by the field's name (`email`, `city`,
// `unit_price`, `created_at`), with a fallback by type. Every draw comes from the caller's
// SplitMix64, so values are a pure function of the seed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/prng.h"

namespace trajc::domains::sample_data {

// One record's person, place and company, drawn once per object so that its `name`,
// `email`, `city` and `company` fields agree with each other.
struct Persona {
  std::string first, last, city, country, street, company, email_domain;
};

Persona DrawPersona(SplitMix64& rng);

std::string StrFor(std::string_view field, const Persona& persona, SplitMix64& rng);
int64_t IntFor(std::string_view field, SplitMix64& rng);
// A float with at most two decimals (amounts, rates, measures): exact as JSON text.
double FloatFor(std::string_view field, SplitMix64& rng);
// ISO-8601: "2024-03-15", or with a time "2024-03-15T09:30:00"; the range fits the name
// (a birth date, a due date, a timestamp).
std::string DateFor(std::string_view field, bool with_time, SplitMix64& rng);
// A key for a dict[str, X] field: SKUs for stock, names for scores, words otherwise.
std::string KeyFor(std::string_view field, SplitMix64& rng);

}  // namespace trajc::domains::sample_data
