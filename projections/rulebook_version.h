// The version of the rules a report is computed by, as an evidence bundle
// records it (core/bundle.h) and tledger-verify compares it: the codes of
// the rulebooks this build knows (projections/rulebook.h), then the
// revision of the rules' reading of them.
//
//   std::string v = RulebookVersion();   // "2017,2025 r2"
//
// kRulesRevision goes up whenever a change to projections/ can change some
// ledger's tallies or violations (a rule added, a reading of rules.md
// corrected): a bundle made before it then names a version the new
// verifier does not claim to reproduce. r2: a report shows each plan's
// targets.
#ifndef TLEDGER_PROJECTIONS_RULEBOOK_VERSION_H_
#define TLEDGER_PROJECTIONS_RULEBOOK_VERSION_H_

#include <string>

namespace tledger {

inline constexpr int kRulesRevision = 2;

std::string RulebookVersion();

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_RULEBOOK_VERSION_H_
