#include "tools/gen/geography.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "core/date.h"
#include "tools/gen/json_line.h"
#include "tools/gen/vocab.h"

namespace tledger::gen {
namespace {

// Real district lists for the provinces the seed reports describe and the
// centrally-run cities; other provinces get generated district names.
constexpr std::string_view kCtDistricts[] = {
    "Quận Ninh Kiều", "Quận Bình Thủy", "Quận Cái Răng", "Quận Ô Môn", "Quận Thốt Nốt",
    "Huyện Phong Điền", "Huyện Cờ Đỏ", "Huyện Thới Lai", "Huyện Vĩnh Thạnh"};
constexpr std::string_view kHgDistricts[] = {
    "Thành phố Vị Thanh", "Thành phố Ngã Bảy", "Thị xã Long Mỹ", "Huyện Châu Thành",
    "Huyện Châu Thành A", "Huyện Phụng Hiệp", "Huyện Vị Thủy", "Huyện Long Mỹ"};
constexpr std::string_view kStDistricts[] = {
    "Thành phố Sóc Trăng", "Thị xã Vĩnh Châu", "Thị xã Ngã Năm", "Huyện Kế Sách", "Huyện Mỹ Tú",
    "Huyện Cù Lao Dung", "Huyện Long Phú", "Huyện Mỹ Xuyên", "Huyện Thạnh Trị", "Huyện Châu Thành",
    "Huyện Trần Đề"};
constexpr std::string_view kQniDistricts[] = {
    "Thành phố Hạ Long", "Thành phố Cẩm Phả", "Thành phố Uông Bí", "Thành phố Móng Cái",
    "Thành phố Đông Triều", "Thị xã Quảng Yên", "Huyện Đầm Hà", "Huyện Hải Hà", "Huyện Tiên Yên",
    "Huyện Bình Liêu", "Huyện Ba Chẽ", "Huyện Vân Đồn", "Huyện Cô Tô"};
constexpr std::string_view kBdiDistricts[] = {
    "Thành phố Quy Nhơn", "Thị xã An Nhơn", "Thị xã Hoài Nhơn", "Huyện An Lão", "Huyện Hoài Ân",
    "Huyện Phù Mỹ", "Huyện Phù Cát", "Huyện Tây Sơn", "Huyện Vĩnh Thạnh", "Huyện Vân Canh",
    "Huyện Tuy Phước"};
constexpr std::string_view kGlaDistricts[] = {
    "Thành phố Pleiku", "Thị xã An Khê", "Thị xã Ayun Pa", "Huyện Chư Păh", "Huyện Chư Prông",
    "Huyện Chư Sê", "Huyện Đak Đoa", "Huyện Ia Grai", "Huyện Kbang", "Huyện Kông Chro",
    "Huyện Mang Yang", "Huyện Phú Thiện", "Huyện Đức Cơ", "Huyện Krông Pa", "Huyện Ia Pa",
    "Huyện Đak Pơ", "Huyện Chư Pưh"};
constexpr std::string_view kHcmDistricts[] = {
    "Quận 1", "Quận 3", "Quận 4", "Quận 5", "Quận 6", "Quận 7", "Quận 8", "Quận 10", "Quận 11",
    "Quận 12", "Quận Bình Thạnh", "Quận Gò Vấp", "Quận Phú Nhuận", "Quận Tân Bình", "Quận Tân Phú",
    "Quận Bình Tân", "Thành phố Thủ Đức", "Huyện Củ Chi", "Huyện Hóc Môn", "Huyện Bình Chánh",
    "Huyện Nhà Bè", "Huyện Cần Giờ"};
constexpr std::string_view kHnDistricts[] = {
    "Quận Ba Đình", "Quận Hoàn Kiếm", "Quận Tây Hồ", "Quận Long Biên", "Quận Cầu Giấy",
    "Quận Đống Đa", "Quận Hai Bà Trưng", "Quận Hoàng Mai", "Quận Thanh Xuân", "Quận Nam Từ Liêm",
    "Quận Bắc Từ Liêm", "Quận Hà Đông", "Thị xã Sơn Tây", "Huyện Ba Vì", "Huyện Phúc Thọ",
    "Huyện Đan Phượng", "Huyện Hoài Đức", "Huyện Quốc Oai", "Huyện Thạch Thất", "Huyện Chương Mỹ",
    "Huyện Thanh Oai", "Huyện Thường Tín", "Huyện Phú Xuyên", "Huyện Ứng Hòa", "Huyện Mỹ Đức",
    "Huyện Sóc Sơn", "Huyện Đông Anh", "Huyện Gia Lâm", "Huyện Mê Linh", "Huyện Thanh Trì"};
constexpr std::string_view kDnaDistricts[] = {
    "Quận Hải Châu", "Quận Thanh Khê", "Quận Sơn Trà", "Quận Ngũ Hành Sơn", "Quận Liên Chiểu",
    "Quận Cẩm Lệ", "Huyện Hòa Vang"};
constexpr std::string_view kHpDistricts[] = {
    "Quận Hồng Bàng", "Quận Ngô Quyền", "Quận Lê Chân", "Quận Hải An", "Quận Kiến An",
    "Quận Đồ Sơn", "Quận Dương Kinh", "Thành phố Thủy Nguyên", "Huyện An Dương", "Huyện An Lão",
    "Huyện Kiến Thụy", "Huyện Tiên Lãng", "Huyện Vĩnh Bảo", "Huyện Cát Hải"};

struct ProvinceDef {
  std::string_view code;
  std::string_view name;     // short name
  std::string_view capital;  // its provincial city (empty for centrally-run cities)
  bool city;
  uint8_t districts;         // at national scale
  std::span<const std::string_view> district_names;
};

// The 63 provinces and cities before 2025-07-01.
constexpr ProvinceDef kProvinceDefs[] = {
    {"HN", "Hà Nội", "", true, 30, kHnDistricts},
    {"HUE", "Thừa Thiên Huế", "Huế", false, 9, {}},
    {"LCH", "Lai Châu", "Lai Châu", false, 8, {}},
    {"DBI", "Điện Biên", "Điện Biên Phủ", false, 10, {}},
    {"SLA", "Sơn La", "Sơn La", false, 12, {}},
    {"LSO", "Lạng Sơn", "Lạng Sơn", false, 11, {}},
    {"QNI", "Quảng Ninh", "", false, 13, kQniDistricts},
    {"THO", "Thanh Hóa", "Thanh Hóa", false, 26, {}},
    {"NAN", "Nghệ An", "Vinh", false, 21, {}},
    {"HTI", "Hà Tĩnh", "Hà Tĩnh", false, 13, {}},
    {"CBA", "Cao Bằng", "Cao Bằng", false, 10, {}},
    {"TQU", "Tuyên Quang", "Tuyên Quang", false, 7, {}},
    {"HGI", "Hà Giang", "Hà Giang", false, 11, {}},
    {"LCA", "Lào Cai", "Lào Cai", false, 9, {}},
    {"YBA", "Yên Bái", "Yên Bái", false, 9, {}},
    {"TNG", "Thái Nguyên", "Thái Nguyên", false, 9, {}},
    {"BKA", "Bắc Kạn", "Bắc Kạn", false, 8, {}},
    {"PTH", "Phú Thọ", "Việt Trì", false, 13, {}},
    {"VPH", "Vĩnh Phúc", "Vĩnh Yên", false, 9, {}},
    {"HBI", "Hòa Bình", "Hòa Bình", false, 10, {}},
    {"BNI", "Bắc Ninh", "Bắc Ninh", false, 8, {}},
    {"BGI", "Bắc Giang", "Bắc Giang", false, 10, {}},
    {"HYE", "Hưng Yên", "Hưng Yên", false, 10, {}},
    {"TBI", "Thái Bình", "Thái Bình", false, 8, {}},
    {"HP", "Hải Phòng", "", true, 14, kHpDistricts},
    {"HDU", "Hải Dương", "Hải Dương", false, 12, {}},
    {"NBI", "Ninh Bình", "Ninh Bình", false, 8, {}},
    {"HNA", "Hà Nam", "Phủ Lý", false, 6, {}},
    {"NDI", "Nam Định", "Nam Định", false, 10, {}},
    {"QTR", "Quảng Trị", "Đông Hà", false, 10, {}},
    {"QBI", "Quảng Bình", "Đồng Hới", false, 8, {}},
    {"DNA", "Đà Nẵng", "", true, 7, kDnaDistricts},
    {"QNA", "Quảng Nam", "Tam Kỳ", false, 18, {}},
    {"QNG", "Quảng Ngãi", "Quảng Ngãi", false, 13, {}},
    {"KTU", "Kon Tum", "Kon Tum", false, 10, {}},
    {"GLA", "Gia Lai", "", false, 17, kGlaDistricts},
    {"BDI", "Bình Định", "", false, 11, kBdiDistricts},
    {"KHO", "Khánh Hòa", "Nha Trang", false, 9, {}},
    {"NTH", "Ninh Thuận", "Phan Rang - Tháp Chàm", false, 7, {}},
    {"LDO", "Lâm Đồng", "Đà Lạt", false, 12, {}},
    {"DNO", "Đắk Nông", "Gia Nghĩa", false, 8, {}},
    {"BTH", "Bình Thuận", "Phan Thiết", false, 10, {}},
    {"DLA", "Đắk Lắk", "Buôn Ma Thuột", false, 15, {}},
    {"PYE", "Phú Yên", "Tuy Hòa", false, 9, {}},
    {"HCM", "Hồ Chí Minh", "", true, 22, kHcmDistricts},
    {"BDU", "Bình Dương", "Thủ Dầu Một", false, 9, {}},
    {"BRV", "Bà Rịa - Vũng Tàu", "Vũng Tàu", false, 8, {}},
    {"DNAI", "Đồng Nai", "Biên Hòa", false, 11, {}},
    {"BPH", "Bình Phước", "Đồng Xoài", false, 11, {}},
    {"TNI", "Tây Ninh", "Tây Ninh", false, 9, {}},
    {"LAN", "Long An", "Tân An", false, 15, {}},
    {"CT", "Cần Thơ", "", true, 9, kCtDistricts},
    {"ST", "Sóc Trăng", "", false, 11, kStDistricts},
    {"HG", "Hậu Giang", "", false, 8, kHgDistricts},
    {"VLO", "Vĩnh Long", "Vĩnh Long", false, 8, {}},
    {"BTR", "Bến Tre", "Bến Tre", false, 9, {}},
    {"TVI", "Trà Vinh", "Trà Vinh", false, 9, {}},
    {"DTH", "Đồng Tháp", "Cao Lãnh", false, 12, {}},
    {"TGI", "Tiền Giang", "Mỹ Tho", false, 11, {}},
    {"CMA", "Cà Mau", "Cà Mau", false, 9, {}},
    {"BLI", "Bạc Liêu", "Bạc Liêu", false, 7, {}},
    {"AGI", "An Giang", "Long Xuyên", false, 11, {}},
    {"KGI", "Kiên Giang", "Rạch Giá", false, 15, {}},
};

struct GroupDef {
  std::string_view members[3];  // survivor first
  uint16_t communes_2025;       // commune-level units after 2025-07-01
};

// The 34 provinces after 2025-07-01; the four the seed reports describe first.
constexpr GroupDef kGroupDefs[] = {
    {{"CT", "ST", "HG"}, 103},  {{"QNI"}, 54},           {{"GLA", "BDI"}, 135},
    {{"HCM", "BDU", "BRV"}, 168}, {{"HN"}, 126},         {{"HUE"}, 40},
    {{"LCH"}, 38},              {{"DBI"}, 45},           {{"SLA"}, 75},
    {{"LSO"}, 65},              {{"THO"}, 166},          {{"NAN"}, 130},
    {{"HTI"}, 69},              {{"CBA"}, 56},           {{"TQU", "HGI"}, 124},
    {{"LCA", "YBA"}, 99},       {{"TNG", "BKA"}, 92},    {{"PTH", "VPH", "HBI"}, 148},
    {{"BNI", "BGI"}, 99},       {{"HYE", "TBI"}, 104},   {{"HP", "HDU"}, 114},
    {{"NBI", "HNA", "NDI"}, 129}, {{"QTR", "QBI"}, 78},  {{"DNA", "QNA"}, 94},
    {{"QNG", "KTU"}, 96},       {{"KHO", "NTH"}, 65},    {{"LDO", "DNO", "BTH"}, 124},
    {{"DLA", "PYE"}, 102},      {{"DNAI", "BPH"}, 95},   {{"TNI", "LAN"}, 96},
    {{"VLO", "BTR", "TVI"}, 124}, {{"DTH", "TGI"}, 102}, {{"CMA", "BLI"}, 64},
    {{"AGI", "KGI"}, 102},
};

// Old communes per new one, nationally (about 10,035 before, 3,321 after).
constexpr double kCommunesPerNew = 3.02;

const ProvinceDef* FindDef(std::string_view code) {
  for (const ProvinceDef& d : kProvinceDefs) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

std::string PlaceName(Rng& rng) {
  std::string s(rng.Pick(kPlaceFirst));
  std::string_view second = rng.Pick(kPlaceSecond);
  if (s == second) second = "Lợi";
  s += ' ';
  s += second;
  return s;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// "Huyện Đầm Hà" -> "Đầm Hà"; numbered urban districts ("Quận 1") have none.
std::string_view ShortName(std::string_view district) {
  for (std::string_view p : {"Huyện ", "Quận ", "Thị xã ", "Thành phố "}) {
    if (StartsWith(district, p)) {
      std::string_view rest = district.substr(p.size());
      if (!rest.empty() && rest[0] >= '0' && rest[0] <= '9') return {};
      return rest;
    }
  }
  return {};
}

std::string Pad(int n, int width) {
  std::string s;
  AppendNumber(s, static_cast<uint64_t>(n), width);
  return s;
}

class Builder {
 public:
  Builder(const GeographyOptions& o, Rng& rng) : o_(o), rng_(rng) {}

  Geography Build() {
    int groups = std::clamp(o_.groups, 1, static_cast<int>(std::size(kGroupDefs)));
    AddCentral();
    for (int g = 0; g < groups; ++g) AddGroup(kGroupDefs[g]);
    PlanReorganisation(groups);
    return std::move(geo_);
  }

 private:
  int32_t AddUnit(Unit u) {
    geo_.units.push_back(std::move(u));
    return static_cast<int32_t>(geo_.units.size() - 1);
  }

  void AddCentral() {
    Province p;
    p.code = "BNV";
    p.short_name = "Bộ Nội vụ";
    p.central = true;
    p.unit = AddUnit(Unit{.id = "BNV", .name = "Bộ Nội vụ", .level = Level::kCentral, .province = 0});
    geo_.central_unit = p.unit;
    geo_.provinces.push_back(std::move(p));
  }

  void AddGroup(const GroupDef& def) {
    Group group;
    int16_t gi = static_cast<int16_t>(geo_.groups.size());
    int members = 0;
    for (std::string_view m : def.members) members += !m.empty();
    for (std::string_view m : def.members) {
      if (m.empty()) continue;
      const ProvinceDef* pd = FindDef(m);
      int16_t pi = AddProvince(*pd, gi, def.communes_2025 / static_cast<double>(members));
      group.members.push_back(pi);
    }
    group.survivor = group.members.front();
    geo_.groups.push_back(std::move(group));
  }

  // Registers a province, its districts and their communes, depth first.
  int16_t AddProvince(const ProvinceDef& d, int16_t group, double new_communes_share) {
    const auto pi = static_cast<int16_t>(geo_.provinces.size());
    Province p;
    p.code = std::string(d.code);
    p.short_name = d.name;
    p.city = d.city;
    p.group = group;
    p.unit = AddUnit(Unit{.id = p.code,
                          .name = std::string(d.city ? "Thành phố " : "Tỉnh ") + std::string(d.name),
                          .level = Level::kProvince,
                          .province = pi});
    int communes = std::max(1, static_cast<int>(std::lround(new_communes_share * kCommunesPerNew * o_.scale)));
    int districts = std::clamp(static_cast<int>(std::lround(d.districts * std::sqrt(o_.scale))), 1,
                               std::min<int>(d.districts, communes));
    for (int k = 0; k < districts; ++k) {
      std::string name;
      if (k < static_cast<int>(d.district_names.size())) {
        name = d.district_names[static_cast<size_t>(k)];
      } else if (k == 0 && !d.capital.empty()) {
        name = "Thành phố " + std::string(d.capital);
      } else {
        name = (rng_.Chance(0.12) ? "Thị xã " : "Huyện ") + PlaceName(rng_);
      }
      bool urban = !StartsWith(name, "Huyện ");
      int32_t du = AddUnit(Unit{.id = p.code + "-D" + Pad(k + 1, 2), .name = name, .level = Level::kDistrict,
                                .parent = p.unit, .province = pi, .urban = urban});
      p.districts.push_back(du);
      // This district's share of the province's communes.
      int mine = communes / districts + (k < communes % districts ? 1 : 0);
      int width = mine >= 100 ? 3 : 2;
      std::string_view town = ShortName(name);
      for (int c = 0; c < mine; ++c) {
        std::string cname;
        if (urban) {
          cname = rng_.Chance(0.4) ? "Phường " + std::to_string(c + 1) : "Phường " + PlaceName(rng_);
        } else if (c == 0 && !town.empty()) {
          cname = "Thị trấn " + std::string(town);
        } else {
          cname = "Xã " + PlaceName(rng_);
        }
        p.communes.push_back(AddUnit(Unit{.id = geo_.units[static_cast<size_t>(du)].id + "-C" + Pad(c + 1, width),
                                          .name = std::move(cname), .level = Level::kCommune, .parent = du,
                                          .province = pi, .urban = urban}));
      }
    }
    geo_.provinces.push_back(std::move(p));
    return pi;
  }

  // The arrangement of 2025-07-01: every province's old communes are cut
  // into runs of about three, each merged into a new commune (a few are
  // only renamed), districts are dissolved, provinces merged.
  void PlanReorganisation(int groups) {
    const int32_t july = Date::FromYmd(2025, 7, 1)->days();
    // Thừa Thiên Huế became the centrally-run Thành phố Huế on 2025-01-01.
    for (Province& p : geo_.provinces) {
      if (p.code == "HUE") {
        geo_.reorgs.push_back(Reorg{.kind = Reorg::Kind::kRename, .from = {p.unit}, .to = p.unit,
                                    .name = "Thành phố Huế", .effective = Date::FromYmd(2025, 1, 1)->days()});
      }
    }
    std::vector<Reorg> merges, renames;
    for (int g = 0; g < groups; ++g) {
      const Group& group = geo_.groups[static_cast<size_t>(g)];
      const Province& survivor = geo_.provinces[static_cast<size_t>(group.survivor)];
      int counter = 0;
      for (int16_t pi : group.members) {
        Province& p = geo_.provinces[static_cast<size_t>(pi)];
        size_t i = 0;
        int32_t last_district = -1;
        while (i < p.communes.size()) {
          size_t left = p.communes.size() - i;
          size_t run = left <= 4 ? left : static_cast<size_t>(rng_.Between(2, 4));
          if (left > 4 && rng_.Chance(0.06)) run = 1;
          std::vector<int32_t> from(p.communes.begin() + static_cast<std::ptrdiff_t>(i),
                                    p.communes.begin() + static_cast<std::ptrdiff_t>(i + run));
          i += run;
          const Unit& first = geo_.units[static_cast<size_t>(from.front())];
          const Unit& district = geo_.units[static_cast<size_t>(first.parent)];
          bool urban = first.urban;
          std::string name;
          std::string_view short_name = ShortName(district.name);
          if (first.parent != last_district && !short_name.empty()) {
            name = std::string(urban ? "Phường " : "Xã ") + std::string(short_name);
          } else {
            name = std::string(urban ? "Phường " : "Xã ") + PlaceName(rng_);
          }
          if (p.code == "QNI" && (district.name == "Huyện Vân Đồn" || district.name == "Huyện Cô Tô") &&
              first.parent != last_district) {
            name = "Đặc khu " + std::string(short_name);
          }
          last_district = first.parent;
          if (run == 1 && rng_.Chance(0.5)) {
            // Kept whole, only renamed (and now directly under the province).
            int32_t u = from.front();
            geo_.units[static_cast<size_t>(u)].successor = u;
            p.communes_2025.push_back(u);
            renames.push_back(Reorg{.kind = Reorg::Kind::kRename, .from = from, .to = u, .name = name, .effective = july});
            continue;
          }
          int32_t nu = AddUnit(Unit{.id = survivor.code + "-N" + Pad(++counter, 3), .name = std::move(name),
                                    .level = Level::kCommune, .parent = survivor.unit, .province = pi,
                                    .urban = urban, .created_2025 = true});
          geo_.new_units.push_back(nu);
          p.communes_2025.push_back(nu);
          for (int32_t u : from) {
            geo_.units[static_cast<size_t>(u)].ceases_2025 = true;
            geo_.units[static_cast<size_t>(u)].successor = nu;
          }
          merges.push_back(Reorg{.kind = Reorg::Kind::kMerge, .from = std::move(from), .to = nu, .effective = july});
        }
      }
    }
    // Recorded in this order: merges, renames, district dissolutions, then
    // the provinces merged into their survivors.
    for (Reorg& r : merges) geo_.reorgs.push_back(std::move(r));
    for (Reorg& r : renames) geo_.reorgs.push_back(std::move(r));
    for (Province& p : geo_.provinces) {
      for (int32_t d : p.districts) {
        geo_.units[static_cast<size_t>(d)].ceases_2025 = true;
        geo_.reorgs.push_back(Reorg{.kind = Reorg::Kind::kDissolve, .from = {d}, .effective = july});
      }
    }
    for (const Group& group : geo_.groups) {
      if (group.members.size() < 2) continue;
      Reorg r{.kind = Reorg::Kind::kMerge, .to = geo_.provinces[static_cast<size_t>(group.survivor)].unit, .effective = july};
      for (size_t k = 1; k < group.members.size(); ++k) {
        int32_t u = geo_.provinces[static_cast<size_t>(group.members[k])].unit;
        r.from.push_back(u);
        geo_.units[static_cast<size_t>(u)].ceases_2025 = true;
        geo_.units[static_cast<size_t>(u)].successor = r.to;
      }
      geo_.reorgs.push_back(std::move(r));
    }
  }

  const GeographyOptions& o_;
  Rng& rng_;
  Geography geo_;
};

}  // namespace

Geography BuildGeography(const GeographyOptions& options, Rng& rng) { return Builder(options, rng).Build(); }

std::string ProvinceLowerName(const Province& p) {
  if (p.central) return std::string(p.short_name);
  return std::string(p.city ? "thành phố " : "tỉnh ") + std::string(p.short_name);
}

}  // namespace tledger::gen
