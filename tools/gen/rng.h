// A small deterministic random source for the generator.
//
//   Rng rng(seed);
//   uint32_t i = rng.Below(10);          // 0..9
//   int32_t d = rng.Between(-3, 3);      // -3..3
//   if (rng.Chance(0.01)) { ... }
//
// xoshiro256** seeded through splitmix64, with every distribution written
// here: the standard library's distributions differ between implementations,
// and the same seed must give the same bytes everywhere. Value type, not
// thread-safe.
#ifndef TLEDGER_TOOLS_GEN_RNG_H_
#define TLEDGER_TOOLS_GEN_RNG_H_

#include <cstddef>
#include <cstdint>
#include <iterator>

namespace tledger::gen {

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t x = seed;
    for (uint64_t& s : s_) s = SplitMix(x);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n); n must be > 0. Lemire's multiply-and-reject.
  uint32_t Below(uint32_t n) {
    uint64_t m = uint64_t{static_cast<uint32_t>(Next() >> 32)} * n;
    auto low = static_cast<uint32_t>(m);
    if (low < n) {
      const uint32_t threshold = static_cast<uint32_t>(-n) % n;
      while (low < threshold) {
        m = uint64_t{static_cast<uint32_t>(Next() >> 32)} * n;
        low = static_cast<uint32_t>(m);
      }
    }
    return static_cast<uint32_t>(m >> 32);
  }

  // Uniform in [lo, hi]; hi >= lo.
  int32_t Between(int32_t lo, int32_t hi) {
    return lo + static_cast<int32_t>(Below(static_cast<uint32_t>(hi - lo) + 1));
  }

  // True with probability p: compares 53 random bits with p * 2^53, which
  // is exact in IEEE double arithmetic.
  bool Chance(double p) {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return static_cast<double>(Next() >> 11) < p * 9007199254740992.0;
  }

  // Uniform in [lo, hi): 53 random bits scaled, exact in IEEE doubles.
  double Uniform(double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(Next() >> 11) / 9007199254740992.0;
  }

  // An element of a non-empty array or vector.
  template <typename C>
  const auto& Pick(const C& items) {
    return items[Below(static_cast<uint32_t>(std::size(items)))];
  }

  // The index of an item drawn with weight `weight_of(item)` (non-negative
  // integers, not all zero).
  template <typename C, typename F>
  size_t WeightedBy(const C& items, F weight_of) {
    uint32_t total = 0;
    for (const auto& item : items) total += static_cast<uint32_t>(weight_of(item));
    uint32_t r = Below(total);
    size_t i = 0;
    for (const auto& item : items) {
      const auto w = static_cast<uint32_t>(weight_of(item));
      if (r < w) return i;
      r -= w;
      ++i;
    }
    return i - 1;
  }
  // The index drawn with these weights.
  template <typename C>
  size_t Weighted(const C& weights) {
    return WeightedBy(weights, [](auto w) { return w; });
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static uint64_t SplitMix(uint64_t& x) {
    uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  uint64_t s_[4];
};

}  // namespace tledger::gen

#endif  // TLEDGER_TOOLS_GEN_RNG_H_
