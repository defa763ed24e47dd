// The rulebook: every limit, factor and grace period the rules use, dated.
//
// The law changed on 2025-07-01: Decree 101/2017/NĐ-CP (as amended by Decree
// 89/2021/NĐ-CP) governed the training of cadres and civil servants until
// 2025-06-30; Decree 171/2025/NĐ-CP governs it from 2025-07-01. A case is
// judged by the rulebook in force on its course's start date; public
// employees stay on the 2017 rulebook (shared/spec/rules.md).
#ifndef TLEDGER_PROJECTIONS_RULEBOOK_H_
#define TLEDGER_PROJECTIONS_RULEBOOK_H_

#include <string_view>

#include "core/date.h"
#include "projections/facts.h"

namespace tledger {

enum class Rulebook : uint8_t { k2017, k2025 };

struct RulebookInfo {
  std::string_view code;      // "2017", "2025": JSON
  std::string_view name_vi;   // as the detail of a violation names it
  std::string_view name_en;
  int age_limit;              // when first sent to publicly funded postgraduate training
  int service_factor;         // months of service owed per month of publicly funded degree training
};

// Decree 171/2025/NĐ-CP takes effect; Resolution 202/2025/QH15 ends the
// district level (two-level local government).
inline constexpr Date kDecree171Effective = Date::FromDays(20270);  // 2025-07-01
inline constexpr Date kDistrictLevelAbolished = kDecree171Effective;
// OVERDUE: an enrollment with no completion this many days after its course ended.
inline constexpr int kOverdueGraceDays = 30;

// The rulebook in force for a case whose course starts on `course_start`,
// for a person of `category`.
Rulebook RulebookFor(Date course_start, Category category);
// The rulebook in force on a date, for a case that has no course.
Rulebook RulebookOn(Date date);
const RulebookInfo& Info(Rulebook r);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_RULEBOOK_H_
