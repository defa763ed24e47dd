// Numbers, money, dates and instants as a person reads them, in Vietnamese
// (the default) or English (shared/spec/glossary.md §6). Tables and every
// line of text use these; CSV and JSON keep plain integers, ISO dates and
// RFC 3339 instants.
//
//   Number(16006, Lang::kVi)          // "16.006"     (en: "16,006")
//   Money(4700000000, Lang::kVi)      // "4.700.000.000 đ" (en: "4,700,000,000 VND")
//   DateShown(d, Lang::kVi)           // "31/12/2025" (en: "2025-12-31")
//   InstantShown(t, Lang::kVi)        // "07/12/2026 08:31:52 (UTC+07:00)"
//
// Pure functions; thread-safe.
#ifndef TLEDGER_TOOLS_CLI_SHOWN_H_
#define TLEDGER_TOOLS_CLI_SHOWN_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "tools/cli/labels.h"

namespace tledger {

// Digits grouped by three: "." in Vietnamese, "," in English.
std::string Number(int64_t n, Lang lang);
// A grouped amount of VND: "4.700.000.000 đ" / "4,700,000,000 VND";
// kVndOverflow (projections/money.h), a sum too large to add up exactly, as
// "9.223.372.036.854.775.807 đ trở lên" / "... VND or more".
std::string Money(int64_t vnd, Lang lang);
// "65%"; nullopt (no quota to reach) is "-".
std::string Percent(const std::optional<int64_t>& percent);
// dd/mm/yyyy in Vietnamese; ISO (unambiguous) in English.
std::string DateShown(Date d, Lang lang);
// The wall clock in Vietnam, to the second, with the offset: "07/12/2026
// 08:31:52 (UTC+07:00)" / "2026-12-07 08:31:52 (UTC+07:00)". The exact
// instant (microseconds, UTC) is what JSON and CSV print.
std::string InstantShown(Timestamp t, Lang lang);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_SHOWN_H_
