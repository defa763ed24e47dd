#include "core/text_rules.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>

#include <fmt/format.h>

#include "core/printable.h"
#include "core/status.h"

namespace tledger {
namespace {

// "U+200B (ZERO WIDTH SPACE)"; a control has no name of its own.
std::string Named(UChar32 c) {
  char name[128];
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = u_charName(c, U_UNICODE_CHAR_NAME, name, sizeof name, &err);
  if (U_FAILURE(err) || n <= 0) return fmt::format("U+{:04X}", static_cast<uint32_t>(c));
  return fmt::format("U+{:04X} ({})", static_cast<uint32_t>(c), std::string_view(name, static_cast<size_t>(n)));
}

bool IsNfc(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return false;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  bool yes = nfc->isNormalized(u, err);
  return U_SUCCESS(err) && yes;
}

// Why `c` may not be in any text (free text or id); nullopt otherwise.
// Exactly what Escaped() shows escaped.
std::optional<std::string> NeverInText(UChar32 c) {
  if (!IsUnsafeToShow(static_cast<char32_t>(c))) return std::nullopt;
  if (u_charType(c) == U_CONTROL_CHAR) return fmt::format("control character U+{:04X} is not allowed in text", c);
  if (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL)) return "bidirectional control " + Named(c) + " is not allowed in text";
  if (u_charType(c) == U_LINE_SEPARATOR) return "line separator " + Named(c) + " is not allowed in text";
  if (u_charType(c) == U_PARAGRAPH_SEPARATOR) return "paragraph separator " + Named(c) + " is not allowed in text";
  return "character " + Named(c) + " is not allowed in text";
}

// Why `c`, neither printable ASCII nor a Vietnamese letter, is refused in
// an id (`s`, for the NFC diagnosis).
std::string NotInId(UChar32 c, std::string_view s) {
  if (std::optional<std::string> never = NeverInText(c)) return *never;
  const int8_t type = u_charType(c);
  const std::string id = " is not allowed in an id";
  if (type == U_FORMAT_CHAR || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
    return "invisible character " + Named(c) + id;
  }
  if (type == U_SPACE_SEPARATOR) return "space character " + Named(c) + id + ": its only space is U+0020";
  if (type == U_PRIVATE_USE_CHAR || type == U_UNASSIGNED || type == U_SURROGATE) {
    return "unassigned or private-use code point " + fmt::format("U+{:04X}", c) + id;
  }
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) {
    return "combining mark " + Named(c) + id +
           (IsNfc(s) ? std::string(": write each letter precomposed")
                     : std::string(": the id is not in composed form (NFC); write each letter precomposed, as "
                                   "Vietnamese keyboards set to Unicode dựng sẵn do"));
  }
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &err);
  if (U_SUCCESS(err) && script != USCRIPT_COMMON && script != USCRIPT_INHERITED && script != USCRIPT_LATIN) {
    return std::string(uscript_getName(script)) + " letter " + Named(c) + id +
           ": its letters are ASCII or Vietnamese, so that no id can pass for another";
  }
  if (U_SUCCESS(err) && script == USCRIPT_LATIN) {
    return "Latin letter " + Named(c) + id + ": outside ASCII, only Vietnamese letters are";
  }
  return "character " + Named(c) + id + ": outside ASCII, only Vietnamese letters are";
}

std::vector<char32_t> MakeVietnameseLetters() {
  // The vowels, then the five tone marks: huyền, sắc, ngã, hỏi, nặng.
  const char32_t vowels[] = {U'a', U'ă', U'â', U'e', U'ê', U'i', U'o', U'ô', U'ơ', U'u', U'ư', U'y'};
  const char32_t tones[] = {0x0300, 0x0301, 0x0303, 0x0309, 0x0323};
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  TLEDGER_CHECK(U_SUCCESS(err));
  std::vector<char32_t> lower = {U'đ'};
  for (char32_t v : vowels) {
    if (v >= 0x80) lower.push_back(v);
    for (char32_t t : tones) {
      // Normalized, not composed as a pair: ậ is ạ + U+0302, not â + U+0323.
      icu::UnicodeString letter;
      letter.append(static_cast<UChar32>(v)).append(static_cast<UChar32>(t));
      icu::UnicodeString composed = nfc->normalize(letter, err);
      TLEDGER_CHECK(U_SUCCESS(err) && composed.countChar32() == 1);  // every one has a precomposed form
      lower.push_back(static_cast<char32_t>(composed.char32At(0)));
    }
  }
  std::vector<char32_t> all = lower;
  for (char32_t c : lower) all.push_back(static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))));
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  TLEDGER_CHECK(all.size() == 134);
  return all;
}

}  // namespace

const std::vector<char32_t>& VietnameseLetters() {
  static const std::vector<char32_t>* letters = new std::vector<char32_t>(MakeVietnameseLetters());
  return *letters;
}

std::optional<std::string> IdProblem(std::string_view s) {
  const std::vector<char32_t>& letters = VietnameseLetters();
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return std::string("text is not UTF-8");
    if (c >= 0x20 && c < 0x7f) continue;
    if (std::binary_search(letters.begin(), letters.end(), static_cast<char32_t>(c))) continue;
    return NotInId(c, s);
  }
  return std::nullopt;
}

std::optional<std::string> FreeTextProblem(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return std::string("text is not UTF-8");
    if (std::optional<std::string> never = NeverInText(c)) return never;
  }
  return std::nullopt;
}

}  // namespace tledger
