#include "tools/demo/demo_people.h"

#include <cstdio>

#include "tools/demo/demo_geography.h"

namespace tledger::demo {
namespace {

// A position as a table row: "@" stands for the place ("xã Phước Sơn"),
// "#" for the place's bare name ("Phước Sơn").
struct JobRow {
  const char* position;
  const char* category;
  bool leader;
  const char* field;
  uint32_t weight;
};

const std::vector<JobRow> kCommuneJobs = {
    {"Bí thư Đảng ủy @", "cadre", true, "home_affairs", 1},
    {"Phó Bí thư Thường trực Đảng ủy @", "cadre", true, "home_affairs", 1},
    {"Chủ tịch UBND @", "cadre", true, "home_affairs", 1},
    {"Phó Chủ tịch UBND @", "cadre", true, "industry_trade", 2},
    {"Chủ tịch Ủy ban MTTQ Việt Nam @", "cadre", true, "culture_sports_tourism", 1},
    {"Bí thư Đoàn TNCS Hồ Chí Minh @", "cadre", false, "culture_sports_tourism", 1},
    {"Chủ tịch Hội Liên hiệp Phụ nữ @", "cadre", false, "home_affairs", 1},
    {"Chủ tịch Hội Nông dân @", "cadre", false, "agriculture_environment", 1},
    {"Chủ tịch Hội Cựu chiến binh @", "cadre", false, "home_affairs", 1},
    {"Công chức Văn phòng - Thống kê @", "civil_servant", false, "office", 3},
    {"Công chức Văn phòng - Thống kê @ (phụ trách thống kê)", "civil_servant", false, "statistics", 2},
    {"Công chức Tài chính - Kế toán @", "civil_servant", false, "finance", 4},
    {"Công chức Tư pháp - Hộ tịch @", "civil_servant", false, "justice", 4},
    {"Công chức Địa chính - Xây dựng - Đô thị và Môi trường @", "civil_servant", false, "construction", 3},
    {"Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường @", "civil_servant", false,
     "agriculture_environment", 3},
    {"Công chức Văn hóa - Xã hội @", "civil_servant", false, "culture_sports_tourism", 3},
    {"Công chức Văn hóa - Xã hội @ (phụ trách y tế)", "civil_servant", false, "health", 2},
    {"Công chức Văn hóa - Xã hội @ (phụ trách giáo dục)", "civil_servant", false, "education_training", 2},
    {"Công chức Văn hóa - Xã hội @ (phụ trách lao động - thương binh và xã hội)", "civil_servant", false,
     "home_affairs", 2},
    {"Chỉ huy trưởng Ban Chỉ huy Quân sự @", "civil_servant", false, "", 1},
};

const std::vector<JobRow> kDistrictJobs = {
    {"Chuyên viên Phòng Nội vụ @", "civil_servant", false, "home_affairs", 3},
    {"Phó Trưởng phòng Nội vụ @", "civil_servant", true, "home_affairs", 1},
    {"Chuyên viên Phòng Tài chính - Kế hoạch @", "civil_servant", false, "finance", 4},
    {"Phó Trưởng phòng Tài chính - Kế hoạch @", "civil_servant", true, "finance", 1},
    {"Chuyên viên Phòng Tư pháp @", "civil_servant", false, "justice", 3},
    {"Chuyên viên Phòng Tài nguyên và Môi trường @", "civil_servant", false, "agriculture_environment", 3},
    {"Chuyên viên Phòng Nông nghiệp và Phát triển nông thôn @", "civil_servant", false, "agriculture_environment", 2},
    {"Chuyên viên Phòng Kinh tế - Hạ tầng @", "civil_servant", false, "construction", 3},
    {"Chuyên viên Phòng Kinh tế - Hạ tầng @ (phụ trách công thương)", "civil_servant", false, "industry_trade", 2},
    {"Chuyên viên Phòng Văn hóa và Thông tin @", "civil_servant", false, "culture_sports_tourism", 3},
    {"Chuyên viên Phòng Y tế @", "civil_servant", false, "health", 2},
    {"Chuyên viên Phòng Giáo dục và Đào tạo @", "civil_servant", false, "education_training", 3},
    {"Chuyên viên Văn phòng HĐND và UBND @", "civil_servant", false, "office", 4},
    {"Phó Chánh Văn phòng HĐND và UBND @", "civil_servant", true, "office", 1},
    {"Chuyên viên Phòng Lao động - Thương binh và Xã hội @", "civil_servant", false, "home_affairs", 2},
    {"Chuyên viên Chi cục Thống kê @", "civil_servant", false, "statistics", 2},
    {"Phó Chủ tịch Ủy ban MTTQ Việt Nam @", "cadre", true, "culture_sports_tourism", 1},
    {"Chuyên viên Ủy ban MTTQ Việt Nam @", "civil_servant", false, "culture_sports_tourism", 2},
};

const std::vector<JobRow> kProvinceJobs = {
    {"Chuyên viên Sở Nội vụ @", "civil_servant", false, "home_affairs", 3},
    {"Chuyên viên Sở Tài chính @", "civil_servant", false, "finance", 3},
    {"Chuyên viên Sở Tư pháp @", "civil_servant", false, "justice", 2},
    {"Chuyên viên Sở Xây dựng @", "civil_servant", false, "construction", 2},
    {"Chuyên viên Sở Tài nguyên và Môi trường @", "civil_servant", false, "agriculture_environment", 2},
    {"Chuyên viên Sở Nông nghiệp và Phát triển nông thôn @", "civil_servant", false, "agriculture_environment", 2},
    {"Chuyên viên Sở Công Thương @", "civil_servant", false, "industry_trade", 2},
    {"Chuyên viên Sở Y tế @", "civil_servant", false, "health", 2},
    {"Chuyên viên Sở Giáo dục và Đào tạo @", "civil_servant", false, "education_training", 2},
    {"Chuyên viên Sở Văn hóa và Thể thao @", "civil_servant", false, "culture_sports_tourism", 2},
    {"Chuyên viên Văn phòng UBND @", "civil_servant", false, "office", 3},
    {"Chuyên viên Sở Thông tin và Truyền thông @", "civil_servant", false, "", 2},
    {"Chuyên viên Sở Kế hoạch và Đầu tư @", "civil_servant", false, "finance", 2},
    {"Chuyên viên Văn phòng Đoàn ĐBQH và HĐND @", "civil_servant", false, "office", 2},
    {"Chuyên viên Ủy ban MTTQ Việt Nam @", "civil_servant", false, "culture_sports_tourism", 1},
    {"Phó Trưởng phòng, Sở Nội vụ @", "civil_servant", true, "home_affairs", 1},
    {"Phó Trưởng phòng, Sở Tài chính @", "civil_servant", true, "finance", 1},
};

const std::vector<JobRow> kCommuneTeacherJobs = {
    {"Giáo viên Trường Mầm non #", "public_employee", false, "education_training", 3},
    {"Giáo viên Trường Tiểu học #", "public_employee", false, "education_training", 4},
    {"Giáo viên Trường THCS #", "public_employee", false, "education_training", 4},
    {"Phó Hiệu trưởng Trường Tiểu học #", "public_employee", true, "education_training", 1},
    {"Hiệu trưởng Trường THCS #", "public_employee", true, "education_training", 1},
};

const std::vector<JobRow> kCommuneHealthJobs = {
    {"Trưởng Trạm Y tế @", "public_employee", true, "health", 1},
    {"Bác sĩ Trạm Y tế @", "public_employee", false, "health", 2},
    {"Y sĩ Trạm Y tế @", "public_employee", false, "health", 3},
    {"Điều dưỡng Trạm Y tế @", "public_employee", false, "health", 2},
    {"Nữ hộ sinh Trạm Y tế @", "public_employee", false, "health", 2},
};

const std::vector<JobRow> kDistrictHealthJobs = {
    {"Bác sĩ Trung tâm Y tế @", "public_employee", false, "health", 3},
    {"Điều dưỡng Trung tâm Y tế @", "public_employee", false, "health", 3},
    {"Kỹ thuật viên Trung tâm Y tế @", "public_employee", false, "health", 1},
};

// Upper secondary schools and hospitals of each province.
const std::vector<const char*>& ProvinceSchools(const std::string& province) {
  static const std::vector<const char*> bd = {
      "Trường THPT chuyên Lê Quý Đôn", "Trường THPT Quốc Học Quy Nhơn", "Trường THPT Trưng Vương",
      "Trường THPT Nguyễn Thái Học",   "Trường THPT Hùng Vương",        "Trường THPT Tam Quan",
      "Trường THPT Tây Sơn",           "Trường THPT số 1 Tuy Phước",    "Trường THPT số 1 Phù Cát",
      "Trường THPT số 1 An Nhơn",      "Trường THPT Hoài Ân",           "Trường THPT số 1 Phù Mỹ"};
  static const std::vector<const char*> ct = {"Trường THPT chuyên Lý Tự Trọng", "Trường THPT Châu Văn Liêm",
                                              "Trường THPT Bùi Hữu Nghĩa", "Trường THPT Nguyễn Việt Hồng"};
  static const std::vector<const char*> qn = {"Trường THPT Đầm Hà"};
  return province == "BD" ? bd : province == "CT" ? ct : qn;
}
const std::vector<const char*>& ProvinceHospitals(const std::string& province) {
  static const std::vector<const char*> bd = {
      "Bệnh viện Đa khoa tỉnh Bình Định", "Bệnh viện Lao và Bệnh phổi Bình Định", "Bệnh viện Tâm thần Bình Định",
      "Bệnh viện Y học cổ truyền và Phục hồi chức năng Bình Định", "Trung tâm Kiểm soát bệnh tật tỉnh Bình Định"};
  static const std::vector<const char*> ct = {"Bệnh viện Đa khoa thành phố Cần Thơ", "Bệnh viện Nhi đồng thành phố Cần Thơ"};
  static const std::vector<const char*> qn = {"Bệnh viện Đa khoa tỉnh Quảng Ninh"};
  return province == "BD" ? bd : province == "CT" ? ct : qn;
}

// The place's name without "Xã ", "Phường ", "Thị trấn ", "Huyện " ...
std::string BareName(const std::string& name) {
  for (const char* prefix : {"Thị trấn ", "Thị xã ", "Thành phố ", "Phường ", "Xã ", "Huyện ", "Quận ", "Tỉnh "}) {
    std::string_view p(prefix);
    if (name.starts_with(p)) return name.substr(p.size());
  }
  return name;
}

std::string Fill(std::string_view pattern, const std::string& unit) {
  const Geography& g = Geography::Get();
  std::string out;
  for (char c : pattern) {
    if (c == '@') {
      out += g.Place(unit);
    } else if (c == '#') {
      out += BareName(g.Of(unit).name);
    } else {
      out += c;
    }
  }
  return out;
}

uint32_t TotalWeight(const std::vector<JobRow>& rows) {
  uint32_t total = 0;
  for (const JobRow& r : rows) total += r.weight;
  return total;
}

Job JobOf(const JobRow& row, const std::string& unit, int female_percent) {
  return Job{Fill(row.position, unit), row.category, row.leader, row.field, female_percent};
}

Job PickJob(Rng& rng, const std::vector<JobRow>& rows, const std::string& unit, int female_percent) {
  uint32_t x = rng.Below(TotalWeight(rows));
  const JobRow* row = &rows.back();
  for (const JobRow& r : rows) {
    if (x < r.weight) {
      row = &r;
      break;
    }
    x -= r.weight;
  }
  return JobOf(*row, unit, female_percent);
}

}  // namespace

void AddPerson(Batch& b, const Person& p) {
  Json e = NewEvent("person_registered", "person-" + p.id, p.hired);
  e["person"] = p.id;
  e["name"] = p.name;
  e["category"] = p.category;
  e["unit"] = p.unit;
  e["position"] = p.position;
  e["leader"] = p.leader;
  e["birth_date"] = p.birth.ToString();
  e["hired"] = p.hired.ToString();
  b.Add(e);
}

void AddPeople(Batch& b, const std::vector<Person>& people) {
  for (const Person& p : people) AddPerson(b, p);
}

std::string People::NextId() {
  char id[32];
  std::snprintf(id, sizeof id, "%s-%06d", prefix_.c_str(), ++next_);
  return id;
}

Person People::WithJob(const std::string& unit, const Job& job, Date hired_from, Date hired_to) {
  Person p;
  p.id = NextId();
  // A "nữ hộ sinh" (midwife) is a woman by the title itself.
  bool female = job.position.starts_with("Nữ ") || rng_.Percent(static_cast<uint32_t>(job.female_percent));
  Sex sex = female ? Sex::kFemale : Sex::kMale;
  p.name = RandomName(rng_, sex, Geography::Get().RegionOf(unit));
  p.category = job.category;
  p.unit = unit;
  p.position = job.position;
  p.leader = job.leader;
  p.field = job.field;
  p.hired = rng_.DayBetween(hired_from, hired_to);
  // Hired at 22 to 33; born on a day of the year that exists every year.
  p.birth = Day(p.hired.year() - rng_.Between(22, 33), rng_.Between(1, 12), rng_.Between(1, 28));
  return p;
}

Person People::Official(const std::string& unit, Date hired_from, Date hired_to) {
  const std::string& level = Geography::Get().Of(unit).level;
  const std::vector<JobRow>& rows =
      level == "commune" ? kCommuneJobs : level == "district" ? kDistrictJobs : kProvinceJobs;
  return WithJob(unit, PickJob(rng_, rows, unit, 42), hired_from, hired_to);
}

std::vector<Person> People::CommuneStaff(const std::string& commune, Date hired_from, Date hired_to) {
  std::vector<Person> staff;
  for (const JobRow& row : kCommuneJobs) {
    uint32_t n = std::string_view(row.category) == "cadre" ? row.weight : row.weight >= 3 ? 2 : 1;
    for (uint32_t i = 0; i < n; ++i) staff.push_back(WithJob(commune, JobOf(row, commune, 42), hired_from, hired_to));
  }
  return staff;
}

Person People::Police(const std::string& unit, Date hired_from, Date hired_to) {
  Job job{"Cán bộ Công an " + Geography::Get().Place(unit), "civil_servant", false, "", 15};
  return WithJob(unit, job, hired_from, hired_to);
}

Person People::Teacher(const std::string& unit, Date hired_from, Date hired_to) {
  const Unit& u = Geography::Get().Of(unit);
  if (u.level == "commune") return WithJob(unit, PickJob(rng_, kCommuneTeacherJobs, unit, 75), hired_from, hired_to);
  Job job{std::string("Giáo viên ") + rng_.Pick(ProvinceSchools(Geography::Get().ProvinceOf(unit))),
          "public_employee", false, "education_training", 65};
  return WithJob(unit, job, hired_from, hired_to);
}

Person People::HealthWorker(const std::string& unit, Date hired_from, Date hired_to) {
  const Unit& u = Geography::Get().Of(unit);
  if (u.level == "commune") return WithJob(unit, PickJob(rng_, kCommuneHealthJobs, unit, 70), hired_from, hired_to);
  if (u.level == "district") return WithJob(unit, PickJob(rng_, kDistrictHealthJobs, unit, 65), hired_from, hired_to);
  static const std::vector<const char*> roles = {"Bác sĩ ", "Điều dưỡng ", "Dược sĩ ", "Kỹ thuật viên "};
  Job job{std::string(rng_.Pick(roles)) + rng_.Pick(ProvinceHospitals(Geography::Get().ProvinceOf(unit))),
          "public_employee", false, "health", 65};
  return WithJob(unit, job, hired_from, hired_to);
}

}  // namespace tledger::demo
