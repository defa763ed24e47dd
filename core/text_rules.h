// Which characters imported text may hold (README.md, "Import"): ids must
// not pass for other ids, and no text may steer a terminal.
//
//   if (std::optional<std::string> why = IdProblem(id)) return Fail(path, *why);
//   if (std::optional<std::string> why = FreeTextProblem(name)) return Fail(path, *why);
//
// An id (an event's `id`, and every field that names an entity or an event)
// holds only printable ASCII (U+0020-U+007E) and the Vietnamese letters
// with their diacritics (VietnameseLetters()), precomposed. Anything else is
// refused, the first offending character named as U+XXXX with its Unicode
// name and what it is: a control (C0, DEL, C1), a bidirectional control, a
// line or paragraph separator, an invisible or format character (zero-width
// space and joiners, word joiner, soft hyphen, byte order mark, fillers), a
// space other than U+0020, an unassigned or private-use code point, a
// combining mark (text in decomposed form, NFD, is named as not NFC), a
// letter of another script (a Cyrillic С in "СT-2025"), or any other
// character outside ASCII (a dash, a fullwidth digit, a Latin letter that is
// not Vietnamese).
//
// Free text (names, titles, reasons, documents, recorded_by) refuses what
// Escaped() (core/printable.h) would escape on a terminal: controls (C0,
// DEL, C1), bidirectional controls, line and paragraph separators. It need
// not be NFC: it is shown, never matched.
//
// `s` must be valid UTF-8 (simdjson and the CSV reader check it first).
// Pure functions; thread-safe.
#ifndef TLEDGER_CORE_TEXT_RULES_H_
#define TLEDGER_CORE_TEXT_RULES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tledger {

// Why `s` is not an id, naming its first offending character; nullopt
// when every character may be in an id. Length and spaces at the ends are
// the caller's (json_codec).
std::optional<std::string> IdProblem(std::string_view s);

// Why `s` is refused as free text; nullopt when it is accepted.
std::optional<std::string> FreeTextProblem(std::string_view s);

// The 134 letters outside ASCII an id may hold, ascending: a, ă, â, e, ê,
// i, o, ô, ơ, u, ư, y with each of the five tone marks (and ă â ê ô ơ ư
// without one), and đ, in both cases.
const std::vector<char32_t>& VietnameseLetters();

}  // namespace tledger

#endif  // TLEDGER_CORE_TEXT_RULES_H_
