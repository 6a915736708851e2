#include <catch2/catch.hpp>

#include "stats/distribution.h"

using trajc::stats::Distribution;

TEST_CASE("percentiles use the nearest rank") {
  Distribution d;
  for (uint64_t v : {7, 1, 3, 9, 5, 2, 8, 4, 10, 6}) d.Add(v);  // 1..10
  auto s = d.Summarise();
  CHECK(s.count == 10);
  CHECK(s.min == 1);
  CHECK(s.median == 5);  // rank ceil(0.5 * 10) = 5
  CHECK(s.p90 == 9);     // rank 9
  CHECK(s.max == 10);
  CHECK(s.mean == Approx(5.5));
  CHECK(d.Percentile(100) == 10);
  CHECK(d.Percentile(1) == 1);
  CHECK(d.Percentile(91) == 10);  // rank ceil(9.1) = 10
}

TEST_CASE("repeated values and a single value") {
  Distribution d;
  for (int i = 0; i < 95; ++i) d.Add(2);
  for (int i = 0; i < 5; ++i) d.Add(40);
  auto s = d.Summarise();
  CHECK(s.median == 2);
  CHECK(s.p90 == 2);
  CHECK(s.max == 40);
  CHECK(s.mean == Approx(3.9));
  CHECK(d.sum() == 390);

  Distribution one;
  one.Add(7);
  CHECK(one.Summarise().median == 7);
  CHECK(one.Summarise().p90 == 7);
}

TEST_CASE("an empty distribution is all zeros") {
  Distribution d;
  auto s = d.Summarise();
  CHECK(s.count == 0);
  CHECK(s.min == 0);
  CHECK(s.max == 0);
  CHECK(s.mean == 0);
  CHECK(d.Percentile(50) == 0);
}
