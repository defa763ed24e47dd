// Text from the ledger or from an import, made safe to show on a terminal.
//
//   std::string shown = Escaped(stored_id);             // "CT\x1b[2K" -> "CT\x1b[2K" (as six visible bytes)
//   std::string cut = Abbreviated(imported_name, 60);   // escaped, and cut after 60 code points with "..."
//   std::string msg = "no event concerns " + Quoted(id);
//
// Anything an attacker chose (ids, names, raw index keys, a whole CSV cell)
// can hold bytes that a terminal obeys: a carriage return and an "erase
// line" sequence can paint a forged "intact" line over a real error, a
// right-to-left override can make "CT-2025" read as another id. Every
// message and every table that echoes such text passes it through Escaped()
// (SECURITY.md, "Terminal spoofing"). What is escaped, and how:
//
// - C0 controls (U+0000-U+001F), DEL (U+007F): "\xHH";
// - C1 controls (U+0080-U+009F), the bidirectional embeddings, overrides
//   and isolates (U+202A-U+202E, U+2066-U+2069), the directional marks
//   (U+200E, U+200F, U+061C), the line and paragraph separators (U+2028,
//   U+2029): "\u{HHHH}";
// - bytes that are not UTF-8: "\xHH".
//
// Everything else, Vietnamese letters included, passes unchanged. A
// backslash is not escaped: a text that spells "\x1b" shows as those four
// characters, which a terminal does not obey either.
//
// Pure functions; thread-safe.
#ifndef TLEDGER_CORE_PRINTABLE_H_
#define TLEDGER_CORE_PRINTABLE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tledger {

// True for the code points Escaped() rewrites (the list above).
bool IsUnsafeToShow(char32_t c);

// `s` with every unsafe code point and every byte that is not UTF-8
// escaped. `keep_newlines`: '\n' passes unchanged (a message of several
// lines, whose pieces were escaped when they were put in).
std::string Escaped(std::string_view s, bool keep_newlines = false);

// Escaped(s), cut after `max_chars` code points of `s` with "...".
std::string Abbreviated(std::string_view s, size_t max_chars);

// JSON text (as a serializer wrote it: every string quoted, C0 already
// escaped) with every other unsafe code point written as a \uXXXX escape:
// the same JSON value, shown safely. Bytes that are not UTF-8 are left to
// the serializer (which replaces them).
std::string EscapedJson(std::string_view json);

// `s` quoted for a message: "\"" + Escaped(s) + "\"", or with
// Abbreviated(s, max_chars) for text that may be long (a line of a file).
std::string Quoted(std::string_view s, size_t max_chars = SIZE_MAX);

}  // namespace tledger

#endif  // TLEDGER_CORE_PRINTABLE_H_
