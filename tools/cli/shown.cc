#include "tools/cli/shown.h"

#include <cstdio>

#include "projections/money.h"

namespace tledger {

std::string Number(int64_t n, Lang lang) {
  char sep = lang == Lang::kVi ? '.' : ',';
  // The magnitude as unsigned: INT64_MIN has none as a signed number.
  uint64_t magnitude = n < 0 ? ~static_cast<uint64_t>(n) + 1 : static_cast<uint64_t>(n);
  std::string digits = std::to_string(magnitude), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(sep);
    out.push_back(digits[i]);
  }
  return (n < 0 ? "-" : "") + out;
}

std::string Money(int64_t vnd, Lang lang) {
  if (vnd == kVndOverflow) return Number(vnd, lang) + (lang == Lang::kVi ? " đ trở lên" : " VND or more");
  return Number(vnd, lang) + (lang == Lang::kVi ? " đ" : " VND");
}

std::string Percent(const std::optional<int64_t>& percent) {
  return percent ? std::to_string(*percent) + "%" : "-";
}

std::string DateShown(Date d, Lang lang) {
  if (lang == Lang::kEn) return d.ToString();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day(), d.month(), d.year());
  return buf;
}

std::string InstantShown(Timestamp t, Lang lang) {
  CivilTime c = InVietnam(t);
  char buf[48];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d (UTC+07:00)", c.hour, c.minute, c.second);
  return DateShown(c.date, lang) + buf;
}

}  // namespace tledger
