// What tledger-verify prints: the summary of a bundle that checks out
// (stdout), or the first disagreement (stderr), in Vietnamese or English.
//
//   std::string text = Summary(check.facts, Lang::kVi, own_version);
//   std::string line = DisagreementLine(*check.disagreement, Lang::kEn);
//
// Text from the bundle (origins, ids, key names) is shown escaped
// (core/printable.h). Pure functions.
#ifndef TLEDGER_TOOLS_VERIFY_VERIFY_SUMMARY_H_
#define TLEDGER_TOOLS_VERIFY_VERIFY_SUMMARY_H_

#include <string>
#include <string_view>

#include "tools/cli/labels.h"
#include "tools/verify/bundle_check.h"

namespace tledger {

// Several lines, the last ending in "\n". `verifier` names this program
// ("tledger-verify 0.1.0 git ...").
std::string Summary(const BundleFacts& facts, Lang lang, std::string_view verifier);

// "tledger-verify: KHÔNG KHỚP [report] số liệu báo cáo: <detail>\n" (vi), or
// "tledger-verify: DISAGREEMENT [report] the report's numbers: <detail>\n"
// (en): the class's token in brackets in both languages.
std::string DisagreementLine(const Disagreement& d, Lang lang);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_VERIFY_VERIFY_SUMMARY_H_
