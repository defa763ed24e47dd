#include "projections/rulebook_version.h"

#include <fmt/format.h>

#include "projections/rulebook.h"

namespace tledger {

std::string RulebookVersion() {
  return fmt::format("{},{} r{}", Info(Rulebook::k2017).code, Info(Rulebook::k2025).code, kRulesRevision);
}

}  // namespace tledger
