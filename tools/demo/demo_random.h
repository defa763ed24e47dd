// The demo's own randomness: a SplitMix64 stream and the draws the demo
// makes from it, Vietnamese names among them. Deterministic on every
// platform: no std::*_distribution (their output is implementation-defined).
//
//   Rng rng(kSeedDamHa);
//   int size = rng.Between(40, 90);
//   std::string name = RandomName(rng, Sex::kFemale, Region::kNorth);
//
// Value type; not thread-safe.
#ifndef TLEDGER_TOOLS_DEMO_DEMO_RANDOM_H_
#define TLEDGER_TOOLS_DEMO_DEMO_RANDOM_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"

namespace tledger::demo {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t Next();
  // Uniform in [0, n), n > 0, by multiply-shift on the high 32 bits (the
  // bias, below n / 2^32, does not matter to a demo and keeps it exact).
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(((Next() >> 32) * n) >> 32); }
  // Uniform in [lo, hi].
  int Between(int lo, int hi) { return lo + static_cast<int>(Below(static_cast<uint32_t>(hi - lo + 1))); }
  bool Percent(uint32_t p) { return Below(100) < p; }
  // A day in [first, last].
  Date DayBetween(Date first, Date last) { return first.AddDays(Between(0, last.days() - first.days())); }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(static_cast<uint32_t>(items.size()))];
  }
  // The first `k` items of `items` become a uniform sample without
  // replacement (a partial Fisher-Yates shuffle).
  template <typename T>
  void SampleFront(std::vector<T>& items, size_t k) {
    for (size_t i = 0; i < k && i + 1 < items.size(); ++i) {
      size_t j = i + Below(static_cast<uint32_t>(items.size() - i));
      std::swap(items[i], items[j]);
    }
  }

 private:
  uint64_t state_;
};

// A checked civil date; aborts on an impossible one (a bug in the demo's
// tables, never input).
Date Day(int year, int month, int day);

enum class Sex { kMale, kFemale };
// Family names are weighted differently north and south of the centre
// (Hoàng and Vũ in the north, Huỳnh and Võ in the centre and south).
enum class Region { kNorth, kCentralSouth };

// "Nguyễn Thị Thu Hà": family name, middle name(s), given name.
std::string RandomName(Rng& rng, Sex sex, Region region);

// Splits `total` into sizes, the i-th in [bounds[i].lo, bounds[i].hi], that
// add up to exactly `total`. Aborts if the bounds cannot reach it.
struct Bounds {
  int lo, hi;
};
std::vector<int> SplitTotal(Rng& rng, int total, const std::vector<Bounds>& bounds);

}  // namespace tledger::demo

#endif  // TLEDGER_TOOLS_DEMO_DEMO_RANDOM_H_
