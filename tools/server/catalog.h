// GET /api/v1/labels: the words of tools/cli/labels.h (headings, column
// headers, measure names, rule descriptions, severities, nouns) as JSON, so
// that the page shows the same words as the CLI's tables. Issue 11 is
// rebuilding that catalog; when it is one table, this walks it instead of
// naming the entries.
//
//   {"texts": {"by_level_title": {"vi": "...", "en": "..."}, ...},
//    "measures": {"enrolled": {"vi": "Ghi danh", "en": "Enrolled"}, ...},
//    "rules": {"NOT_IN_PLAN": {"vi": ..., "en": ..., "severity": "error",
//              "severity_label": {"vi": "lỗi", "en": "error"}}, ...},
//    "nouns": {"violations": {"vi": "vi phạm", "en_one": ..., "en_many": ...}, ...}}
//
// Texts with {} are fmt format strings (the page fills them in order).
#ifndef TLEDGER_TOOLS_SERVER_CATALOG_H_
#define TLEDGER_TOOLS_SERVER_CATALOG_H_

#include <string>

namespace tledger::server {

// The document above, as JsonText prints it.
std::string CatalogJson();

}  // namespace tledger::server

#endif  // TLEDGER_TOOLS_SERVER_CATALOG_H_
