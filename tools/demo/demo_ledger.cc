#include "tools/demo/demo_ledger.h"

#include "tools/demo/demo_scenarios.h"

namespace tledger::demo {

std::vector<Batch> MakeDemoLedger() {
  QuangNinh quang_ninh;
  BinhDinh binh_dinh;
  CanTho can_tho;
  std::vector<Batch> batches;
  auto next = [&](const char* name) -> Batch& { return batches.emplace_back(name); };

  WriteUnits(next("01_units.jsonl"));
  Batch& people = next("02_people.jsonl");
  AddPeople(people, quang_ninh.people());
  AddPeople(people, binh_dinh.people());
  AddPeople(people, can_tho.people());
  WriteHoChiMinh(next("03_ho_chi_minh_2016_2020.jsonl"));
  quang_ninh.WritePlans(next("04_quang_ninh_2021_2024.jsonl"));
  binh_dinh.WriteCommunePlanPhase1(next("05_binh_dinh_2025_phase1.jsonl"));
  binh_dinh.WriteDigitalProgram(next("06_binh_dinh_digital_2025.jsonl"));
  WriteReorganisation(next("07_reorganisation_2025_07_01.jsonl"),
                      {&quang_ninh.people(), &binh_dinh.people(), &can_tho.people()});
  binh_dinh.WriteCommunePlanPhase2(next("08_binh_dinh_2025_phase2.jsonl"));
  can_tho.WritePlan(next("09_can_tho_2025.jsonl"));
  Batch& late = next("10_late_entries.jsonl");
  binh_dinh.WriteLateCorrection(late);
  can_tho.WriteLateNomination(late);
  return batches;
}

}  // namespace tledger::demo
