// The units before 2025-07-01 and the reorganisation of that day.
#include "tools/demo/demo_geography.h"
#include "tools/demo/demo_scenarios.h"

namespace tledger::demo {
namespace {

constexpr uint64_t kSeedTransfers = 0x7e0125;

const char* const kProvinceMerge = "NQ 202/2025/QH15";
const char* const kDistrictsEnd = "Luật Tổ chức chính quyền địa phương 2025; NQ 202/2025/QH15";
const char* const kCommuneArrangement = "Nghị quyết của UBTVQH về sắp xếp đơn vị hành chính cấp xã năm 2025";

void AddUnit(Batch& b, const Unit& u, Date effective, std::string_view source) {
  Json e = NewEvent("unit_registered", "unit-" + u.id, effective, source);
  e["unit"] = u.id;
  e["name"] = u.name;
  e["level"] = u.level;
  e["parent"] = u.parent.empty() ? Json(nullptr) : Json(u.parent);
  b.Add(e);
}

void AddReorganisation(Batch& b, const std::string& id, std::string_view kind, const std::vector<std::string>& from,
                       const std::string& to, std::string_view source) {
  Json e = NewEvent("unit_reorganized", id, ReorganisationDay(), source);
  e["kind"] = kind;
  e["from"] = from;
  e["to"] = to.empty() ? Json(nullptr) : Json(to);
  b.Add(e);
}

// The decision that moved a province's district staff.
const char* TransferDecision(const std::string& province) {
  return province == "BD" ? "QĐ 25/QĐ-UBND tỉnh Gia Lai" : province == "QN" ? "QĐ 1920/QĐ-UBND" : "QĐ 1385/QĐ-UBND";
}

}  // namespace

Date ReorganisationDay() { return Day(2025, 7, 1); }

void WriteUnits(Batch& b) {
  for (const Unit& u : Geography::Get().before()) AddUnit(b, u, Day(2004, 1, 1), {});
}

void WriteReorganisation(Batch& b, const std::vector<const std::vector<Person>*>& everyone) {
  const Geography& g = Geography::Get();
  for (const Arrangement& a : g.arrangements()) AddUnit(b, a.unit, ReorganisationDay(), kCommuneArrangement);
  AddReorganisation(b, "reorg-BD-GL", "merge", {"BD"}, "GL", kProvinceMerge);
  for (const Arrangement& a : g.arrangements()) {
    AddReorganisation(b, "reorg-" + a.unit.id, "merge", a.from, a.unit.id, kCommuneArrangement);
  }
  for (const char* province : {"CT", "QN", "BD"}) {
    AddReorganisation(b, std::string("reorg-districts-") + province, "dissolve", g.Districts(province), "",
                      kDistrictsEnd);
  }
  Rng rng(kSeedTransfers);
  for (const std::vector<Person>* people : everyone) {
    for (const Person& p : *people) {
      if (g.Of(p.unit).level != "district") continue;
      std::string province = g.ProvinceOf(p.unit);
      std::string successor = province == "BD" ? "GL" : province;
      // District health centres passed to the province's health department;
      // of the others, three in five went to a new commune.
      std::vector<std::string> communes = g.NewCommunes(p.unit);
      std::string to = p.field != "health" && rng.Percent(60) ? rng.Pick(communes) : successor;
      AddTransfer(b, p.id, to, ReorganisationDay(), TransferDecision(province));
    }
  }
}

}  // namespace tledger::demo
