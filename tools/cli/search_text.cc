#include "tools/cli/search_text.h"

#include <algorithm>
#include <cctype>

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace tledger {
namespace {

constexpr char kRules[] = "NFD; [:Nonspacing Mark:] Remove; [:Default_Ignorable_Code_Point:] Remove; NFC; Latin-ASCII";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

TextFolder::TextFolder(std::unique_ptr<icu::Transliterator> t) : translit_(std::move(t)) {}
TextFolder::~TextFolder() = default;

Result<std::unique_ptr<TextFolder>> TextFolder::Make() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(kRules), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || t == nullptr) {
    return Status::Unavailable(std::string("ICU cannot make the transliterator \"") + kRules + "\": " + u_errorName(status));
  }
  return std::unique_ptr<TextFolder>(new TextFolder(std::move(t)));
}

std::string TextFolder::Fold(std::string_view utf8) const {
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out(utf8);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  translit_->transliterate(u);
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

namespace {

// The runs of `text` between separators.
template <typename Separator>
std::vector<std::string> Runs(std::string_view text, Separator separator) {
  std::vector<std::string> runs;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && separator(text[i])) ++i;
    size_t j = i;
    while (j < text.size() && !separator(text[j])) ++j;
    if (j > i) runs.emplace_back(text.substr(i, j - i));
    i = j;
  }
  return runs;
}

}  // namespace

std::vector<std::string> FoldedWords(std::string_view folded) { return Runs(folded, IsSpace); }

std::vector<std::string> FoldedTokens(std::string_view folded) {
  return Runs(folded, [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u < 0x80 && !std::isalnum(u);
  });
}

std::optional<MatchRank> MatchOf(const std::vector<std::string>& query, std::string_view name, std::string_view id) {
  for (const std::string& w : query) {
    if (name.find(w) == std::string_view::npos && id.find(w) == std::string_view::npos) return std::nullopt;
  }
  std::vector<std::string> q;
  for (const std::string& w : query) {
    std::vector<std::string> t = FoldedTokens(w);
    q.insert(q.end(), t.begin(), t.end());
  }
  std::vector<std::string> name_tokens = FoldedTokens(name), id_tokens = FoldedTokens(id);
  if (!q.empty() && (name_tokens == q || id_tokens == q)) return MatchRank::kExact;
  auto has = [](const std::vector<std::string>& in, const std::string& w) {
    return std::find(in.begin(), in.end(), w) != in.end();
  };
  bool whole = !q.empty() && std::all_of(q.begin(), q.end(), [&](const std::string& w) {
    return has(name_tokens, w) || has(id_tokens, w);
  });
  return whole ? MatchRank::kWords : MatchRank::kPartial;
}

}  // namespace tledger
