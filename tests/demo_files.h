// The files tledger-demo-data writes (tools/demo/README.md, "The batches"),
// in import order. The last is the late batch (the correction and the
// backdated nomination): the demo tests import it apart, after the others.
#ifndef TLEDGER_TESTS_DEMO_FILES_H_
#define TLEDGER_TESTS_DEMO_FILES_H_

namespace tledger::demo_files {

inline constexpr const char* kFiles[] = {
    "01_units.jsonl",
    "02_people.jsonl",
    "03_ho_chi_minh_2016_2020.jsonl",
    "04_quang_ninh_2021_2024.jsonl",
    "05_binh_dinh_2025_phase1.jsonl",
    "06_binh_dinh_digital_2025.jsonl",
    "07_reorganisation_2025_07_01.jsonl",
    "08_binh_dinh_2025_phase2.jsonl",
    "09_can_tho_2025.jsonl",
    "10_late_entries.jsonl",
};

}  // namespace tledger::demo_files

#endif  // TLEDGER_TESTS_DEMO_FILES_H_
