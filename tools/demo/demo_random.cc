#include "tools/demo/demo_random.h"

#include <algorithm>
#include <optional>

#include "core/status.h"

namespace tledger::demo {
namespace {

struct Weighted {
  const char* text;
  uint32_t weight;
};

// Roughly the shares of the most common family names (Nguyễn about a third).
const std::vector<Weighted> kFamilyNorth = {
    {"Nguyễn", 32}, {"Trần", 11}, {"Lê", 9}, {"Phạm", 7}, {"Hoàng", 5}, {"Vũ", 5}, {"Đặng", 3},
    {"Bùi", 3},     {"Đỗ", 3},    {"Ngô", 2}, {"Dương", 2}, {"Đào", 2}, {"Đinh", 2}, {"Lương", 1},
    {"Phan", 2},    {"Hà", 1},    {"Trịnh", 1}, {"Tạ", 1}, {"Lý", 1},  {"Chu", 1},  {"Mạc", 1},
};
const std::vector<Weighted> kFamilyCentralSouth = {
    {"Nguyễn", 31}, {"Trần", 11}, {"Lê", 10}, {"Phạm", 6}, {"Huỳnh", 6}, {"Võ", 6},    {"Phan", 5},
    {"Đặng", 2},    {"Bùi", 2},   {"Đỗ", 2},  {"Hồ", 3},   {"Ngô", 2},   {"Dương", 2}, {"Lâm", 2},
    {"Trương", 2},  {"Mai", 1},   {"Cao", 1}, {"Đoàn", 1}, {"Lý", 1},    {"Thái", 1},  {"Tô", 1},
};
const std::vector<Weighted> kMiddleMale = {
    {"Văn", 30}, {"Hữu", 8}, {"Đức", 8}, {"Minh", 10}, {"Quốc", 7}, {"Thanh", 7}, {"Công", 6},
    {"Ngọc", 5}, {"Xuân", 4}, {"Hoàng", 4}, {"Trung", 3}, {"Tấn", 4}, {"Thành", 4}, {"Duy", 3},
};
const std::vector<Weighted> kMiddleFemale = {
    {"Thị", 40}, {"Ngọc", 8}, {"Thu", 7}, {"Thanh", 7}, {"Kim", 5}, {"Mỹ", 4}, {"Thùy", 5},
    {"Hồng", 5}, {"Phương", 4}, {"Bích", 3}, {"Minh", 4}, {"Hoài", 3}, {"Diệu", 2}, {"Lan", 2},
};
const std::vector<Weighted> kSecondMiddleFemale = {
    {"Ngọc", 8}, {"Thu", 7}, {"Thanh", 7}, {"Kim", 5}, {"Mỹ", 4}, {"Thùy", 5}, {"Hồng", 5},
    {"Phương", 4}, {"Bích", 3}, {"Minh", 4}, {"Hoài", 3}, {"Diệu", 2}, {"Lan", 2},
};
const std::vector<Weighted> kGivenMale = {
    {"Hùng", 6}, {"Dũng", 6}, {"Tuấn", 6}, {"Hải", 5}, {"Nam", 5},  {"Long", 5}, {"Phong", 4},
    {"Quang", 4}, {"Sơn", 5}, {"Thắng", 4}, {"Trung", 4}, {"Việt", 3}, {"Khoa", 3}, {"Bảo", 3},
    {"Huy", 5},  {"Tài", 3}, {"Phúc", 3}, {"Lộc", 3},  {"Thịnh", 3}, {"Tâm", 3}, {"Hiếu", 3},
    {"Nghĩa", 3}, {"Đạt", 4}, {"Cường", 4}, {"Khánh", 3}, {"Hoàng", 3}, {"Duy", 3}, {"Tín", 2},
    {"Trí", 3},  {"Vinh", 3}, {"Toàn", 2}, {"Thông", 2}, {"Lâm", 2},  {"Kiên", 2}, {"Thiện", 2},
};
const std::vector<Weighted> kGivenFemale = {
    {"Lan", 5},  {"Hương", 6}, {"Hoa", 4},  {"Mai", 5},   {"Linh", 6}, {"Trang", 6}, {"Thảo", 5},
    {"Hà", 5},   {"Ngân", 3},  {"Nhung", 3}, {"Yến", 3},  {"Phương", 4}, {"Vy", 3},  {"Hạnh", 4},
    {"Hằng", 4}, {"Huyền", 4}, {"Nga", 3},  {"Nhi", 3},   {"Oanh", 2}, {"Quyên", 2}, {"Tuyết", 2},
    {"Vân", 3},  {"Diệp", 1},  {"Châu", 2}, {"Loan", 3},  {"Thủy", 4}, {"Trinh", 3}, {"Ánh", 2},
    {"Uyên", 2}, {"Dung", 3},  {"Giang", 3}, {"Liên", 2}, {"Hiền", 3}, {"Xuân", 2}, {"Nhàn", 2},
};

const char* PickWeighted(Rng& rng, const std::vector<Weighted>& items) {
  uint32_t total = 0;
  for (const Weighted& w : items) total += w.weight;
  uint32_t x = rng.Below(total);
  for (const Weighted& w : items) {
    if (x < w.weight) return w.text;
    x -= w.weight;
  }
  return items.back().text;
}

}  // namespace

uint64_t Rng::Next() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

Date Day(int year, int month, int day) {
  std::optional<Date> d = Date::FromYmd(year, month, day);
  TLEDGER_CHECK(d.has_value());
  return *d;
}

std::string RandomName(Rng& rng, Sex sex, Region region) {
  bool male = sex == Sex::kMale;
  // No word twice ("Mai Thị Mai", "Nguyễn Minh Minh" are not names people
  // carry): a word already used is drawn again.
  std::vector<std::string_view> words;
  auto add = [&](const std::vector<Weighted>& list) {
    for (int tries = 0;; ++tries) {
      TLEDGER_CHECK(tries < 64);
      std::string_view w = PickWeighted(rng, list);
      if (std::find(words.begin(), words.end(), w) == words.end()) return words.push_back(w);
    }
  };
  add(region == Region::kNorth ? kFamilyNorth : kFamilyCentralSouth);
  add(male ? kMiddleMale : kMiddleFemale);
  // About one in six women carries a second middle name ("Nguyễn Thị Thu Hà");
  // "Thị" only ever comes first.
  if (!male && rng.Percent(16)) add(kSecondMiddleFemale);
  add(male ? kGivenMale : kGivenFemale);
  std::string name;
  for (std::string_view w : words) name.append(name.empty() ? "" : " ").append(w);
  return name;
}

std::vector<int> SplitTotal(Rng& rng, int total, const std::vector<Bounds>& bounds) {
  int64_t lo = 0, hi = 0;
  for (const Bounds& b : bounds) lo += b.lo, hi += b.hi;
  TLEDGER_CHECK(!bounds.empty() && lo <= total && total <= hi);
  std::vector<int> sizes;
  int sum = 0;
  for (const Bounds& b : bounds) sum += sizes.emplace_back(rng.Between(b.lo, b.hi));
  // Walk the parts round and round, one step at a time, until the sum is
  // exact; every step keeps each part within its bounds.
  for (size_t i = 0; sum != total; i = (i + 1) % sizes.size()) {
    if (sum < total && sizes[i] < bounds[i].hi) ++sizes[i], ++sum;
    if (sum > total && sizes[i] > bounds[i].lo) --sizes[i], --sum;
  }
  return sizes;
}

}  // namespace tledger::demo
