// The stories of the demo ledger, one class per locality, each taken from a
// seed report (shared/seeds/, tools/demo/README.md says which sentence):
//
//   QuangNinh  Đầm Hà district 2021-2024: 128 classes, 16,006 trainee-turns,
//              101% of its target (plan DH-2021-2024); and a small
//              provincial plan QN-2021.
//   BinhDinh   the 2025 commune-level plan in two phases (BD-2025) and the
//              digital-transformation program, 96 direct classes for 9,892
//              and 247 online classes for 24,783 (BD-CDS-2025).
//   CanTho     the 2025 plan (CT-2025): its nine quota cells, 4.7 billion VND.
//   Hồ Chí Minh City's 2016-2020 plan (HCM-2016-2020): its target of 194,048
//              trainee-turns and its budget of 900 billion VND, the plan alone.
//
// Each class casts its people when constructed (deterministically, from its
// own seed) and writes its events into the batches it is given. The
// violations the demo carries on purpose are written where the story puts
// them; README.md lists them with their event ids.
#ifndef TLEDGER_TOOLS_DEMO_DEMO_SCENARIOS_H_
#define TLEDGER_TOOLS_DEMO_DEMO_SCENARIOS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "tools/demo/demo_events.h"
#include "tools/demo/demo_people.h"

namespace tledger::demo {

// The date of the two-level local government (Resolution 202/2025/QH15).
Date ReorganisationDay();

// Every unit as it stood before 2025-07-01 (registered 2004-01-01).
void WriteUnits(Batch& b);
// 2025-07-01: the new communes registered, Bình Định merged into Gia Lai,
// old communes merged into the new ones, every district dissolved, and each
// person of a district unit transferred to a new commune of that district or
// to the province.
void WriteReorganisation(Batch& b, const std::vector<const std::vector<Person>*>& everyone);

// HCM-2016-2020, as the news report of 13/04/2017 gives it: no course, no
// enrollment.
void WriteHoChiMinh(Batch& b);

class QuangNinh {
 public:
  QuangNinh();
  const std::vector<Person>& people() const { return people_; }
  // DH-2021-2024 and QN-2021, with what happened under them up to 2025.
  void WritePlans(Batch& b) const;

 private:
  void WriteDamHa(Batch& b) const;
  void WriteBachelorPlan(Batch& b) const;
  std::vector<Person> people_;
};

class BinhDinh {
 public:
  BinhDinh();
  const std::vector<Person>& people() const { return people_; }
  // BD-2025: the plan, its nominations and its phase-1 courses (from
  // 2025-06-18), and one course of a phase-2 field started early.
  void WriteCommunePlanPhase1(Batch& b);
  // BD-CDS-2025: 343 classes, 34,675 trainee-turns, 2025-06-11..24.
  void WriteDigitalProgram(Batch& b) const;
  // BD-2025's phase-2 courses (from 2025-07-01).
  void WriteCommunePlanPhase2(Batch& b);
  // The correction of a completion mistyped in phase 1.
  void WriteLateCorrection(Batch& b) const;

 private:
  void WriteCommuneCourses(Batch& b, int phase);
  // The next `n` (or fewer) of BD-2025's candidates in a field and cluster,
  // who are then no longer candidates.
  std::vector<size_t> Take(const std::string& field, size_t cluster, size_t n);

  std::vector<Person> people_;
  size_t direct_ = 0;  // people_[0, direct_) are the direct classes' learners
  // BD-2025's candidates, district and commune cadres and civil servants, by
  // (field, cluster of districts), in the order registered.
  std::map<std::pair<std::string, size_t>, std::vector<size_t>> candidates_;
  std::set<std::string> nominated_;  // for BD-2025
  std::string mistyped_;             // the enrollment whose completion was mistyped
  Date mistyped_on_;
};

class CanTho {
 public:
  CanTho();
  const std::vector<Person>& people() const { return people_; }
  // CT-2025 from its issue on 2025-10-02 to the end of 2025.
  void WritePlan(Batch& b) const;
  // The nomination that was decided on time but recorded late.
  void WriteLateNomination(Batch& b) const;

 private:
  struct Seat {  // a degree-program enrollee
    size_t person;
    std::string course, enrollment, funding;
    bool nominated;  // on time; false: recorded late, or never
  };
  std::vector<Person> people_;
  std::vector<size_t> commune_pool_;  // new commune-level cadres (fostering courses)
  std::vector<size_t> foreign_;       // nominated for study abroad
  std::vector<Seat> seats_;
};

}  // namespace tledger::demo

#endif  // TLEDGER_TOOLS_DEMO_DEMO_SCENARIOS_H_
