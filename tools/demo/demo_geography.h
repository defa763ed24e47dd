// The administrative units of the demo, before and after the 2025-07-01
// reorganisation: Cần Thơ, Quảng Ninh (Đầm Hà district) and Bình Định, whose
// province merged into Gia Lai (Resolution 202/2025/QH15), the district level
// abolished, and communes arranged into new, larger ones.
//
//   const Geography& g = Geography::Get();
//   for (const std::string& d : g.Districts("BD")) for (const std::string& c : g.Communes(d)) ...
//   std::string after = g.Successor("BD-TPH-01");   // the new commune it became part of
//
// Place names are real; which old communes make up which new one is
// illustrative (tools/demo/README.md). Immutable after construction;
// thread-safe.
#ifndef TLEDGER_TOOLS_DEMO_DEMO_GEOGRAPHY_H_
#define TLEDGER_TOOLS_DEMO_DEMO_GEOGRAPHY_H_

#include <map>
#include <string>
#include <vector>

#include "tools/demo/demo_random.h"

namespace tledger::demo {

struct Unit {
  std::string id;
  std::string name;    // "Xã Phước Sơn"
  std::string level;   // "province", "district", "commune"
  std::string parent;  // empty for a province
};

// New communes of 2025-07-01 and the old ones each is made of.
struct Arrangement {
  Unit unit;
  std::vector<std::string> from;
};

class Geography {
 public:
  static const Geography& Get();

  // Registered in 2004 (provinces, districts, communes), parents first.
  const std::vector<Unit>& before() const { return before_; }
  // The new communes, registered on 2025-07-01, with what they are made of.
  const std::vector<Arrangement>& arrangements() const { return arrangements_; }

  const Unit& Of(const std::string& id) const;
  std::vector<std::string> Districts(const std::string& province) const;
  std::vector<std::string> Communes(const std::string& district) const;
  // The new commune an old one became part of on 2025-07-01.
  std::string Successor(const std::string& commune) const;
  // The new communes made of a district's old ones.
  std::vector<std::string> NewCommunes(const std::string& district) const;
  // As a job title names the place: "xã Phước Sơn", "huyện Tuy Phước",
  // "tỉnh Bình Định" (the unit's name with its first letter lowered).
  std::string Place(const std::string& id) const;
  Region RegionOf(const std::string& id) const;
  // The province a unit is in (itself for a province).
  std::string ProvinceOf(const std::string& id) const;

 private:
  Geography();
  std::vector<Unit> before_;
  std::vector<Arrangement> arrangements_;
  std::map<std::string, size_t> index_;          // into before_
  std::map<std::string, std::string> successor_;  // old commune -> new commune
  std::map<std::string, Unit> after_;             // new communes by id
};

}  // namespace tledger::demo

#endif  // TLEDGER_TOOLS_DEMO_DEMO_GEOGRAPHY_H_
