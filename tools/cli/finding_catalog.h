// The words of every finding, in one catalog: per case of a rule
// (projections: Case), a Vietnamese and an English template with named
// placeholders ({person}, {on}, {gross_vnd} ...) filled at render time from
// the finding's typed arguments (FindingArgs), as clang's diagnostic tables
// fill "%0". The engine builds no sentence; table, CSV, JSON `detail` (and
// later xlsx, PDF and the web page) all render through here.
//
//   std::string detail = FindingText(v, Lang::kVi);
//   CitationMemory cited;                                   // one per document
//   std::string basis = CitationText(v, Lang::kVi, &cited);  // full title at first mention
//
// Legal words follow shared/spec/legal.md: "đền bù chi phí đào tạo", never
// "bồi hoàn"; money only where đền bù applies, never "0 đ" owed.
#ifndef TLEDGER_TOOLS_CLI_FINDING_CATALOG_H_
#define TLEDGER_TOOLS_CLI_FINDING_CATALOG_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "projections/outcome.h"
#include "tools/cli/labels.h"

namespace tledger {

// The title of a case: its rule's (glossary §4), or, for a failure, the
// law's words for it: "Không được cấp văn bằng tốt nghiệp" (a degree),
// "Không hoàn thành khóa học" (fostering).
std::string CaseTitle(Case c, Lang lang);

// What a finding says: what happened, with the money owed where đền bù
// applies (gross, repaid, outstanding, or the exemption).
std::string FindingText(const Violation& v, Lang lang);

// How the amount of a case owing đền bù was reached, with its numbers (the
// compensation list's "Cách tính"): the whole cost F for a failure or a
// dropout; S = F x (T1 - T2) / T1 for a breach of the service commitment,
// before any reduction the council decides. Empty for a finding without
// đền bù.
std::string AmountFormula(const Violation& v, Lang lang);
// The exemption of a case, with its ground and record; empty when none.
std::string ExemptionText(const Violation& v, Lang lang);

// The instruments (and plan decisions) a document has already cited in
// full: later mentions take the short form.
class CitationMemory {
 public:
  // True the first time `key` is mentioned.
  bool FirstMention(const std::string& key) { return seen_.insert(key).second; }

 private:
  std::set<std::string> seen_;
};

// The finding's legal basis as the law cites it (point, clause, article,
// instrument), every provision of its entry with its role: "khoản 1 Điều 7
// NĐ 101/2017; mức đền bù: điểm a khoản 2 Điều 8 NĐ 101/2017". The full
// title at an instrument's first mention in `memory`, the short form after
// (always short when `memory` is nullptr). Empty when the finding has no
// basis.
std::string CitationText(const Violation& v, Lang lang, CitationMemory* memory);

// One provision of a finding's basis, for JSON.
struct CitationPart {
  std::string instrument;  // "decree_101_2017", ..., "plan_decision"
  int article = 0;         // 0: not held
  int clause = 0;
  char point = '\0';
  std::string role;        // "obligation", "amount", "commitment", "exemption"
  std::string confidence;  // "checked", "clause_to_confirm", "article_inferred"
  std::string citation;    // this provision alone, short form
  std::string full;        // the same with the instrument's full title
  std::string quote;       // the law's words where legal.md quotes them (Vietnamese)
};
std::vector<CitationPart> CitationParts(const Violation& v, Lang lang);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_FINDING_CATALOG_H_
