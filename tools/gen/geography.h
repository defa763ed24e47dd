// The administrative map the generated ledger lives on: the 63 provinces and
// centrally-run cities with their districts and communes before 2025-07-01,
// and the 34 provinces with about 3,321 communes after the reorganisation of
// Resolution 202/2025/QH15 (districts abolished, communes merged, 29
// provinces merged into others). One central unit stands above them.
//
//   Geography geo = BuildGeography({.scale = 0.1, .groups = 34}, rng);
//   for (const Unit& u : geo.units) ...;   // registration order
//
// At scale 1 the counts are the national ones; smaller scales shrink the
// districts and communes of every province (never below one of each) and
// `groups` keeps only the first post-2025 provinces (the four the seed
// reports describe come first).
#ifndef TLEDGER_TOOLS_GEN_GEOGRAPHY_H_
#define TLEDGER_TOOLS_GEN_GEOGRAPHY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tools/gen/rng.h"

namespace tledger::gen {

enum class Level : uint8_t { kCentral, kProvince, kDistrict, kCommune };
inline constexpr std::string_view kLevelCodes[] = {"central", "province", "district", "commune"};

struct Unit {
  std::string id;
  std::string name;
  Level level = Level::kCommune;
  int32_t parent = -1;     // unit index, -1 for none
  int16_t province = -1;   // index into Geography::provinces of the pre-2025 province it lies in
  bool urban = false;      // a ward (phường) rather than a commune (xã)
  // Set by the reorganisation plan:
  bool created_2025 = false;  // a commune registered on 2025-07-01
  bool ceases_2025 = false;   // merged away or dissolved on 2025-07-01
  int32_t successor = -1;     // where its people go on 2025-07-01 (-1: none, e.g. a district)
};

struct Province {
  std::string code;        // the unit id, e.g. "CT"
  std::string_view short_name;  // "Cần Thơ"
  bool city = false;       // thành phố trực thuộc trung ương
  bool central = false;    // the central unit (Bộ Nội vụ), not a province
  int32_t unit = -1;
  int16_t group = -1;      // index into Geography::groups
  std::vector<int32_t> districts;
  std::vector<int32_t> communes;      // before 2025-07-01
  std::vector<int32_t> communes_2025; // after: its territory's new (or renamed) communes
};

// A post-2025 province: the survivor and the provinces merged into it.
struct Group {
  int16_t survivor = -1;            // province index
  std::vector<int16_t> members;     // survivor first
};

// One unit_reorganized of 2025-07-01 (or of the Huế rename on 2025-01-01).
struct Reorg {
  enum class Kind : uint8_t { kMerge, kRename, kDissolve };
  Kind kind = Kind::kMerge;
  std::vector<int32_t> from;
  int32_t to = -1;
  std::string name;  // for a rename
  int32_t effective = 0;
};

struct Geography {
  std::vector<Unit> units;          // registration order: parents before children
  std::vector<Province> provinces;
  std::vector<Group> groups;
  std::vector<int32_t> new_units;   // communes created on 2025-07-01, in order
  std::vector<Reorg> reorgs;        // in the order they are recorded
  int32_t central_unit = -1;
};

struct GeographyOptions {
  double scale = 1.0;  // 1 = national counts
  int groups = 34;     // post-2025 provinces kept, 1..34
};

Geography BuildGeography(const GeographyOptions& options, Rng& rng);

// "tỉnh Hậu Giang" / "thành phố Cần Thơ": for provider names.
std::string ProvinceLowerName(const Province& p);

}  // namespace tledger::gen

#endif  // TLEDGER_TOOLS_GEN_GEOGRAPHY_H_
