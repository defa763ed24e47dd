#include "tools/demo/demo_geography.h"

#include <cctype>
#include <cstdio>

#include "core/status.h"

namespace tledger::demo {
namespace {

// One district: its id and name, then the new communes of 2025-07-01, each
// as {new id, new name, old commune names...}. The old communes get the ids
// <district>-01, -02, ... in the order written.
struct DistrictRow {
  const char* id;
  const char* name;
  std::vector<std::vector<const char*>> groups;
};
struct ProvinceRow {
  const char* id;
  const char* name;
  std::vector<DistrictRow> districts;
};

const std::vector<ProvinceRow>& Rows() {
  static const std::vector<ProvinceRow> rows = {
      {"CT",
       "Thành phố Cần Thơ",
       {
           {"CT-NK", "Quận Ninh Kiều",
            {{"CT-NINHKIEU", "Phường Ninh Kiều", "Phường Tân An", "Phường Xuân Khánh"},
             {"CT-CAIKHE", "Phường Cái Khế", "Phường An Hòa", "Phường Cái Khế"},
             {"CT-TANAN", "Phường Tân An", "Phường An Khánh", "Phường Hưng Lợi"}}},
           {"CT-BT", "Quận Bình Thủy",
            {{"CT-BINHTHUY", "Phường Bình Thủy", "Phường Bình Thủy", "Phường An Thới", "Phường Trà Nóc"},
             {"CT-LONGTUYEN", "Phường Long Tuyền", "Phường Long Hòa", "Phường Long Tuyền"}}},
           {"CT-CR", "Quận Cái Răng",
            {{"CT-CAIRANG", "Phường Cái Răng", "Phường Lê Bình", "Phường Ba Láng"},
             {"CT-HUNGPHU", "Phường Hưng Phú", "Phường Hưng Phú", "Phường Hưng Thạnh"}}},
           {"CT-OM", "Quận Ô Môn",
            {{"CT-OMON", "Phường Ô Môn", "Phường Châu Văn Liêm", "Phường Thới An"},
             {"CT-PHUOCTHOI", "Phường Phước Thới", "Phường Phước Thới"}}},
           {"CT-TN", "Quận Thốt Nốt",
            {{"CT-THOTNOT", "Phường Thốt Nốt", "Phường Thốt Nốt", "Phường Trung Kiên"},
             {"CT-THUANHUNG", "Phường Thuận Hưng", "Phường Thuận Hưng"}}},
           {"CT-PD", "Huyện Phong Điền",
            {{"CT-PHONGDIEN", "Xã Phong Điền", "Thị trấn Phong Điền", "Xã Giai Xuân"},
             {"CT-NHONAI", "Xã Nhơn Ái", "Xã Nhơn Ái"}}},
           {"CT-CD", "Huyện Cờ Đỏ", {{"CT-CODO", "Xã Cờ Đỏ", "Thị trấn Cờ Đỏ", "Xã Thạnh Phú", "Xã Trung An"}}},
           {"CT-TL", "Huyện Thới Lai", {{"CT-THOILAI", "Xã Thới Lai", "Thị trấn Thới Lai", "Xã Trường Xuân"}}},
           {"CT-VT", "Huyện Vĩnh Thạnh", {{"CT-VINHTHANH", "Xã Vĩnh Thạnh", "Thị trấn Vĩnh Thạnh", "Xã Thạnh An"}}},
       }},
      {"QN",
       "Tỉnh Quảng Ninh",
       {
           {"QN-DH", "Huyện Đầm Hà",
            {{"QN-DAMHA", "Xã Đầm Hà", "Thị trấn Đầm Hà", "Xã Tân Bình", "Xã Tân Lập", "Xã Đại Bình"},
             {"QN-QUANGTAN", "Xã Quảng Tân", "Xã Quảng Tân", "Xã Dực Yên", "Xã Quảng An", "Xã Quảng Lâm"}}},
       }},
      {"BD",
       "Tỉnh Bình Định",
       {
           {"BD-QNH", "Thành phố Quy Nhơn",
            {{"GL-QUYNHON", "Phường Quy Nhơn", "Phường Lê Lợi", "Phường Trần Hưng Đạo", "Phường Hải Cảng",
              "Phường Thị Nại"},
             {"GL-QUYNHONBAC", "Phường Quy Nhơn Bắc", "Phường Nhơn Bình", "Phường Nhơn Phú", "Phường Đống Đa"},
             {"GL-QUYNHONNAM", "Phường Quy Nhơn Nam", "Phường Ghềnh Ráng", "Phường Bùi Thị Xuân",
              "Phường Trần Quang Diệu"},
             {"GL-QUYNHONDONG", "Phường Quy Nhơn Đông", "Xã Nhơn Lý", "Xã Nhơn Hội", "Xã Nhơn Hải"}}},
           {"BD-ANH", "Thị xã An Nhơn",
            {{"GL-BINHDINH", "Phường Bình Định", "Phường Bình Định", "Phường Nhơn Hưng", "Xã Nhơn Khánh"},
             {"GL-ANNHON", "Phường An Nhơn", "Phường Đập Đá", "Phường Nhơn Thành", "Xã Nhơn Mỹ"},
             {"GL-ANNHONTAY", "Xã An Nhơn Tây", "Xã Nhơn Lộc", "Xã Nhơn Tân"}}},
           {"BD-HNH", "Thị xã Hoài Nhơn",
            {{"GL-BONGSON", "Phường Bồng Sơn", "Phường Bồng Sơn", "Phường Hoài Đức"},
             {"GL-TAMQUAN", "Phường Tam Quan", "Phường Tam Quan", "Phường Tam Quan Bắc"},
             {"GL-HOAINHONDONG", "Phường Hoài Nhơn Đông", "Phường Hoài Thanh", "Phường Hoài Hương"}}},
           {"BD-TPH", "Huyện Tuy Phước",
            {{"GL-TUYPHUOC", "Xã Tuy Phước", "Thị trấn Tuy Phước", "Xã Phước Thuận", "Xã Phước Nghĩa"},
             {"GL-TUYPHUOCTAY", "Xã Tuy Phước Tây", "Thị trấn Diêu Trì", "Xã Phước Lộc"},
             {"GL-TUYPHUOCDONG", "Xã Tuy Phước Đông", "Xã Phước Sơn", "Xã Phước Hòa", "Xã Phước Thắng"}}},
           {"BD-PCA", "Huyện Phù Cát",
            {{"GL-PHUCAT", "Xã Phù Cát", "Thị trấn Ngô Mây", "Xã Cát Trinh", "Xã Cát Tân"},
             {"GL-DEGI", "Xã Đề Gi", "Xã Cát Tiến", "Xã Cát Thành", "Xã Cát Hải"}}},
           {"BD-PMY", "Huyện Phù Mỹ",
            {{"GL-PHUMY", "Xã Phù Mỹ", "Thị trấn Phù Mỹ", "Xã Mỹ Quang", "Xã Mỹ Chánh"},
             {"GL-BINHDUONG", "Xã Bình Dương", "Thị trấn Bình Dương", "Xã Mỹ Lợi"}}},
           {"BD-TSO", "Huyện Tây Sơn",
            {{"GL-TAYSON", "Xã Tây Sơn", "Thị trấn Phú Phong", "Xã Bình Tân", "Xã Tây Xuân"},
             {"GL-BINHKHE", "Xã Bình Khê", "Xã Bình Thành", "Xã Bình Hòa"}}},
           {"BD-HAN", "Huyện Hoài Ân",
            {{"GL-HOAIAN", "Xã Hoài Ân", "Thị trấn Tăng Bạt Hổ", "Xã Ân Phong", "Xã Ân Đức"},
             {"GL-ANHAO", "Xã Ân Hảo", "Xã Ân Mỹ", "Xã Ân Tín"}}},
           {"BD-ALA", "Huyện An Lão", {{"GL-ANLAO", "Xã An Lão", "Thị trấn An Lão", "Xã An Hòa", "Xã An Tân"}}},
           {"BD-VTH", "Huyện Vĩnh Thạnh",
            {{"GL-VINHTHANH", "Xã Vĩnh Thạnh", "Thị trấn Vĩnh Thạnh", "Xã Vĩnh Quang", "Xã Vĩnh Hiệp"}}},
           {"BD-VCA", "Huyện Vân Canh",
            {{"GL-VANCANH", "Xã Vân Canh", "Thị trấn Vân Canh", "Xã Canh Vinh", "Xã Canh Hiển"}}},
       }},
      // Bình Định's successor (Resolution 202/2025/QH15): registered like
      // the others, with no districts of its own in the demo.
      {"GL", "Tỉnh Gia Lai", {}},
      // The issuer of the 2016-2020 plan (seed 004); only the city itself.
      {"HCM", "Thành phố Hồ Chí Minh", {}},
  };
  return rows;
}

}  // namespace

const Geography& Geography::Get() {
  static const Geography g;
  return g;
}

Geography::Geography() {
  for (const ProvinceRow& p : Rows()) {
    index_[p.id] = before_.size();
    before_.push_back(Unit{p.id, p.name, "province", ""});
    // Bình Định's new communes belong to Gia Lai, the others stay at home.
    std::string new_parent = std::string(p.id) == "BD" ? "GL" : p.id;
    for (const DistrictRow& d : p.districts) {
      index_[d.id] = before_.size();
      before_.push_back(Unit{d.id, d.name, "district", p.id});
      int n = 0;
      for (const std::vector<const char*>& group : d.groups) {
        TLEDGER_CHECK(group.size() >= 3);
        Arrangement a{Unit{group[0], group[1], "commune", new_parent}, {}};
        for (size_t i = 2; i < group.size(); ++i) {
          char id[32];
          std::snprintf(id, sizeof id, "%s-%02d", d.id, ++n);
          index_[id] = before_.size();
          before_.push_back(Unit{id, group[i], "commune", d.id});
          successor_[id] = a.unit.id;
          a.from.push_back(id);
        }
        after_[a.unit.id] = a.unit;
        arrangements_.push_back(std::move(a));
      }
    }
  }
}

const Unit& Geography::Of(const std::string& id) const {
  auto it = index_.find(id);
  if (it != index_.end()) return before_[it->second];
  auto after = after_.find(id);
  TLEDGER_CHECK(after != after_.end());
  return after->second;
}

std::vector<std::string> Geography::Districts(const std::string& province) const {
  std::vector<std::string> out;
  for (const Unit& u : before_) {
    if (u.level == "district" && u.parent == province) out.push_back(u.id);
  }
  return out;
}

std::vector<std::string> Geography::Communes(const std::string& district) const {
  std::vector<std::string> out;
  for (const Unit& u : before_) {
    if (u.level == "commune" && u.parent == district) out.push_back(u.id);
  }
  return out;
}

std::string Geography::Successor(const std::string& commune) const {
  auto it = successor_.find(commune);
  TLEDGER_CHECK(it != successor_.end());
  return it->second;
}

std::vector<std::string> Geography::NewCommunes(const std::string& district) const {
  std::vector<std::string> out;
  for (const std::string& c : Communes(district)) {
    const std::string& s = Successor(c);
    if (out.empty() || out.back() != s) out.push_back(s);
  }
  return out;
}

std::string Geography::Place(const std::string& id) const {
  std::string name = Of(id).name;
  name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
  return name;
}

std::string Geography::ProvinceOf(const std::string& id) const {
  const Unit* u = &Of(id);
  while (!u->parent.empty()) u = &Of(u->parent);
  return u->id;
}

Region Geography::RegionOf(const std::string& id) const {
  return ProvinceOf(id) == "QN" ? Region::kNorth : Region::kCentralSouth;
}

}  // namespace tledger::demo
