// Text as `tledger find` compares it: case and diacritics ignored, through
// ICU (never a hand-written table).
//
//   Result<std::unique_ptr<TextFolder>> folder = TextFolder::Make();
//   std::string f = (*folder)->Fold("Hồ Thị Thủy");       // "ho thi thuy"
//   std::vector<std::string> q = FoldedWords(f);
//   std::optional<MatchRank> m = MatchOf(q, f, (*folder)->Fold("CT-000004"));  // kExact
//
// Folding: the ICU transliterator "NFD; [:Nonspacing Mark:] Remove;
// [:Default_Ignorable_Code_Point:] Remove; NFC; Latin-ASCII", then full
// case folding (UnicodeString::foldCase). The first two steps take the
// tone and vowel marks off (ồ -> o, ư -> u), whether the text was typed
// precomposed or decomposed; the third drops invisible joiners; "Latin-ASCII"
// maps the Latin letters that do not decompose, đ/Đ -> d/D among them (and
// ø -> o, ß -> ss, fullwidth letters to ASCII). Letters of other scripts
// are kept, folded in case. ASCII text takes a fast path with the same
// result (ASCII lowercased).
#ifndef TLEDGER_TOOLS_CLI_SEARCH_TEXT_H_
#define TLEDGER_TOOLS_CLI_SEARCH_TEXT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

#include "core/status.h"

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace tledger {

// Owns one ICU transliterator. Not thread-safe: one per thread (a command
// makes its own).
class TextFolder {
 public:
  // Unavailable when ICU cannot build the transliterator (its data missing).
  static Result<std::unique_ptr<TextFolder>> Make();
  ~TextFolder();
  TextFolder(const TextFolder&) = delete;
  TextFolder& operator=(const TextFolder&) = delete;

  // `utf8` folded (see above), in UTF-8. Invalid UTF-8 becomes U+FFFD.
  std::string Fold(std::string_view utf8) const;

 private:
  explicit TextFolder(std::unique_ptr<icu::Transliterator> t);
  std::unique_ptr<icu::Transliterator> translit_;
};

// The words of folded text: its runs of characters other than ASCII
// spaces, tabs and line breaks.
std::vector<std::string> FoldedWords(std::string_view folded);

// The tokens of folded text, for ranking: its runs of characters other
// than ASCII spaces and punctuation ("dao tao, boi duong" -> dao, tao, boi,
// duong; "ct-000004" -> ct, 000004).
std::vector<std::string> FoldedTokens(std::string_view folded);

// How a name or id matches a query, best first (the order of `find`).
enum class MatchRank : uint8_t {
  kExact,    // the name's tokens (or the id's) are the query's, in order
  kWords,    // every token of the query is a token of the name or of the id
  kPartial,  // the rest: every query word is part of the name or of the id
};
// Whether a query matches: every word of `query` (FoldedWords of the folded
// query, at least one) is a substring of the folded name or of the folded
// id; nullopt when one is in neither. Then how well (MatchRank), by tokens.
std::optional<MatchRank> MatchOf(const std::vector<std::string>& query, std::string_view name, std::string_view id);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_SEARCH_TEXT_H_
