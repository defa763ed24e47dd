#include "projections/rulebook.h"

namespace tledger {
namespace {

constexpr RulebookInfo k2017{"2017", "Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP)",
                             "Decree 101/2017/ND-CP as amended by Decree 89/2021/ND-CP", 40, 2};
constexpr RulebookInfo k2025{"2025", "Nghị định 171/2025/NĐ-CP", "Decree 171/2025/ND-CP", 45, 3};

}  // namespace

Rulebook RulebookOn(Date date) { return date < kDecree171Effective ? Rulebook::k2017 : Rulebook::k2025; }

Rulebook RulebookFor(Date course_start, Category category) {
  if (category == Category::PUBLIC_EMPLOYEE) return Rulebook::k2017;
  return RulebookOn(course_start);
}

const RulebookInfo& Info(Rulebook r) { return r == Rulebook::k2017 ? k2017 : k2025; }

}  // namespace tledger
