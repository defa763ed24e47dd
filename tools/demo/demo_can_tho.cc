// Cần Thơ 2025 (seeds 000 and 001): "the training and development of cadres
// from the budget/funding of public service units has 17 PhDs, 26 level II
// specialists, 138 masters, 89 level I specialists. For self-funded
// funding, domestic training has 1 PhD, 4 masters, 4 level I specialists;
// foreign training has 2 PhDs, 1 master", "more than 4.7 billion VND from
// the city budget to train skills and expertise", and "Do not send cadres
// for training that are not included in the training plan, even in cases of
// self-financing".
#include <cstdio>

#include "tools/demo/demo_geography.h"
#include "tools/demo/demo_scenarios.h"

namespace tledger::demo {
namespace {

constexpr uint64_t kSeedPeople = 0xc7;
constexpr uint64_t kSeedPlan = 0xc725;

const char* const kPlan = "CT-2025";
const char* const kDegreeNominations = "QĐ 2468/QĐ-UBND";
const char* const kCantho = "Trường Đại học Cần Thơ";
const char* const kMedicine = "Trường Đại học Y Dược Cần Thơ";

struct Post {
  const char* position;
  const char* category;
  const char* unit;
};

struct DegreeCourse {
  const char* id;
  const char* title;
  const char* program;
  const char* field;
  const char* provider;
  int public_seats;
  int self_seats;
  std::vector<Post> posts;  // the trainees' jobs, in turn
};

const Post kDoctor = {"Bác sĩ Bệnh viện Đa khoa thành phố Cần Thơ", "public_employee", "CT"};
const Post kChildDoctor = {"Bác sĩ Bệnh viện Nhi đồng thành phố Cần Thơ", "public_employee", "CT"};
const Post kDistrictDoctor = {"Bác sĩ Trung tâm Y tế quận Ô Môn", "public_employee", "CT-OM"};

const std::vector<DegreeCourse>& DegreeCourses() {
  static const std::vector<DegreeCourse> courses = {
      {"CT25-TS-HTTT", "Tiến sĩ Hệ thống thông tin", "phd", "information_technology", kCantho, 4, 0,
       {{"Chuyên viên Sở Khoa học và Công nghệ thành phố Cần Thơ", "civil_servant", "CT"},
        {"Viên chức Trung tâm Công nghệ thông tin và Truyền thông thành phố Cần Thơ", "public_employee", "CT"}}},
      {"CT25-TS-KHCT", "Tiến sĩ Khoa học cây trồng", "phd", "high_tech_agriculture", kCantho, 3, 1,
       {{"Chuyên viên Sở Nông nghiệp và Phát triển nông thôn thành phố Cần Thơ", "civil_servant", "CT"},
        {"Viên chức Trung tâm Khuyến nông thành phố Cần Thơ", "public_employee", "CT"}}},
      {"CT25-TS-QLTNMT", "Tiến sĩ Quản lý tài nguyên và môi trường", "phd", "resources_environment", kCantho, 3, 0,
       {{"Chuyên viên Sở Tài nguyên và Môi trường thành phố Cần Thơ", "civil_servant", "CT"}}},
      {"CT25-TS-CNSH", "Tiến sĩ Công nghệ sinh học", "phd", "science_technology", kCantho, 2, 0,
       {{"Viên chức Trung tâm Ứng dụng tiến bộ khoa học và công nghệ thành phố Cần Thơ", "public_employee", "CT"}}},
      {"CT25-CK2-NOI", "Chuyên khoa cấp II Nội khoa", "specialist_2", "specialized_healthcare", kMedicine, 7, 0,
       {kDoctor, {"Bác sĩ Bệnh viện Tim mạch thành phố Cần Thơ", "public_employee", "CT"}}},
      {"CT25-CK2-NGOAI", "Chuyên khoa cấp II Ngoại khoa", "specialist_2", "specialized_healthcare", kMedicine, 6, 0,
       {kDoctor, {"Bác sĩ Bệnh viện Ung bướu thành phố Cần Thơ", "public_employee", "CT"}}},
      {"CT25-CK2-SAN", "Chuyên khoa cấp II Sản phụ khoa", "specialist_2", "specialized_healthcare", kMedicine, 6, 0,
       {{"Bác sĩ Bệnh viện Phụ sản thành phố Cần Thơ", "public_employee", "CT"}}},
      {"CT25-THS-CNTT", "Thạc sĩ Công nghệ thông tin", "master", "information_technology", kCantho, 12, 0,
       {{"Chuyên viên Sở Thông tin và Truyền thông thành phố Cần Thơ", "civil_servant", "CT"},
        {"Chuyên viên Văn phòng HĐND và UBND quận Ninh Kiều", "civil_servant", "CT-NK"}}},
      {"CT25-THS-KTS", "Thạc sĩ Kinh tế (định hướng kinh tế số)", "master", "digital_economy", kCantho, 8, 0,
       {{"Chuyên viên Sở Kế hoạch và Đầu tư thành phố Cần Thơ", "civil_servant", "CT"},
        {"Chuyên viên Sở Công Thương thành phố Cần Thơ", "civil_servant", "CT"}}},
      {"CT25-THS-LOG", "Thạc sĩ Logistics và Quản lý chuỗi cung ứng", "master", "logistics",
       "Trường Đại học Kinh tế TP. Hồ Chí Minh", 6, 0,
       {{"Chuyên viên Sở Công Thương thành phố Cần Thơ", "civil_servant", "CT"},
        {"Chuyên viên Sở Giao thông vận tải thành phố Cần Thơ", "civil_servant", "CT"}}},
      {"CT25-THS-CNTP", "Thạc sĩ Công nghệ thực phẩm", "master", "processing_industry", kCantho, 6, 0,
       {{"Chuyên viên Sở Công Thương thành phố Cần Thơ", "civil_servant", "CT"}}},
      {"CT25-THS-NNCNC", "Thạc sĩ Khoa học cây trồng (nông nghiệp công nghệ cao)", "master", "high_tech_agriculture",
       kCantho, 8, 0,
       {{"Chuyên viên Sở Nông nghiệp và Phát triển nông thôn thành phố Cần Thơ", "civil_servant", "CT"},
        {"Chuyên viên Phòng Kinh tế huyện Phong Điền", "civil_servant", "CT-PD"}}},
      {"CT25-THS-QLGD", "Thạc sĩ Quản lý giáo dục", "master", "education_training", kCantho, 14, 0,
       {{"Giáo viên Trường THPT Châu Văn Liêm", "public_employee", "CT"},
        {"Chuyên viên Phòng Giáo dục và Đào tạo quận Bình Thủy", "civil_servant", "CT-BT"},
        {"Chuyên viên Sở Giáo dục và Đào tạo thành phố Cần Thơ", "civil_servant", "CT"}}},
      {"CT25-THS-KTXD", "Thạc sĩ Kỹ thuật xây dựng", "master", "construction", kCantho, 8, 0,
       {{"Chuyên viên Sở Xây dựng thành phố Cần Thơ", "civil_servant", "CT"},
        {"Chuyên viên Phòng Quản lý đô thị quận Cái Răng", "civil_servant", "CT-CR"}}},
      {"CT25-THS-KTR", "Thạc sĩ Kiến trúc", "master", "architecture", "Trường Đại học Kiến trúc TP. Hồ Chí Minh", 5, 0,
       {{"Chuyên viên Sở Xây dựng thành phố Cần Thơ", "civil_servant", "CT"}}},
      {"CT25-THS-GT", "Thạc sĩ Kỹ thuật xây dựng công trình giao thông", "master", "urban_transport",
       "Trường Đại học Giao thông vận tải TP. Hồ Chí Minh", 6, 0,
       {{"Chuyên viên Sở Giao thông vận tải thành phố Cần Thơ", "civil_servant", "CT"}}},
      {"CT25-THS-KDTM", "Thạc sĩ Kinh doanh thương mại", "master", "commerce", kCantho, 6, 0,
       {{"Chuyên viên Sở Công Thương thành phố Cần Thơ", "civil_servant", "CT"}}},
      {"CT25-THS-QLVH", "Thạc sĩ Quản lý văn hóa", "master", "culture", "Trường Đại học Văn hóa TP. Hồ Chí Minh", 7, 0,
       {{"Chuyên viên Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ", "civil_servant", "CT"},
        {"Chuyên viên Phòng Văn hóa và Thông tin quận Ninh Kiều", "civil_servant", "CT-NK"}}},
      {"CT25-THS-AN", "Thạc sĩ Âm nhạc học", "master", "arts", "Nhạc viện Thành phố Hồ Chí Minh", 3, 0,
       {{"Giảng viên Trường Cao đẳng Văn hóa Nghệ thuật Cần Thơ", "public_employee", "CT"}}},
      {"CT25-THS-QLTNMT", "Thạc sĩ Quản lý tài nguyên và môi trường", "master", "resources_environment", kCantho, 8, 0,
       {{"Chuyên viên Sở Tài nguyên và Môi trường thành phố Cần Thơ", "civil_servant", "CT"},
        {"Chuyên viên Phòng Tài nguyên và Môi trường huyện Cờ Đỏ", "civil_servant", "CT-CD"}}},
      {"CT25-THS-QLKHCN", "Thạc sĩ Quản lý khoa học và công nghệ", "master", "science_technology",
       "Trường Đại học Khoa học Xã hội và Nhân văn, ĐHQG TP. Hồ Chí Minh", 7, 0,
       {{"Chuyên viên Sở Khoa học và Công nghệ thành phố Cần Thơ", "civil_servant", "CT"}}},
      // Self-funded only: public administration is not a priority field.
      {"CT25-THS-QLC", "Thạc sĩ Quản lý công", "master", "public_administration",
       "Học viện Hành chính và Quản trị công", 0, 4,
       {{"Chuyên viên Văn phòng UBND thành phố Cần Thơ", "civil_servant", "CT"},
        {"Chuyên viên Sở Nội vụ thành phố Cần Thơ", "civil_servant", "CT"}}},
      {"CT25-CK1-NOI", "Chuyên khoa cấp I Nội khoa", "specialist_1", "specialized_healthcare", kMedicine, 14, 1,
       {kDoctor, kDistrictDoctor}},
      {"CT25-CK1-NHI", "Chuyên khoa cấp I Nhi khoa", "specialist_1", "specialized_healthcare", kMedicine, 12, 1,
       {kChildDoctor}},
      {"CT25-CK1-YHCT", "Chuyên khoa cấp I Y học cổ truyền", "specialist_1", "specialized_healthcare", kMedicine, 10, 0,
       {{"Bác sĩ Bệnh viện Y dược cổ truyền thành phố Cần Thơ", "public_employee", "CT"}}},
      {"CT25-CK1-CDHA", "Chuyên khoa cấp I Chẩn đoán hình ảnh", "specialist_1", "specialized_healthcare", kMedicine,
       9, 0, {kDoctor, kDistrictDoctor}},
      {"CT25-CK1-RHM", "Chuyên khoa cấp I Răng Hàm Mặt", "specialist_1", "specialized_healthcare", kMedicine, 8, 0,
       {{"Bác sĩ Bệnh viện Răng Hàm Mặt thành phố Cần Thơ", "public_employee", "CT"}}},
      {"CT25-CK1-GMHS", "Chuyên khoa cấp I Gây mê hồi sức", "specialist_1", "specialized_healthcare", kMedicine, 9, 0,
       {kDoctor}},
      {"CT25-CK1-DD", "Chuyên khoa cấp I Điều dưỡng", "specialist_1", "specialized_healthcare", kMedicine, 9, 0,
       {{"Điều dưỡng Bệnh viện Đa khoa thành phố Cần Thơ", "public_employee", "CT"}}},
  };
  return courses;
}

// When a program starts and how long it runs.
Date StartOf(std::string_view program) {
  return program == "phd" ? Day(2025, 10, 20) : program == "master" ? Day(2025, 11, 8) : Day(2025, 10, 27);
}
Date EndOf(std::string_view program) {
  return program == "phd" ? Day(2028, 10, 19) : program == "master" ? Day(2027, 11, 7) : Day(2027, 10, 26);
}

// The special seats of the story.
const char* const kDropout = "CT25-TS-HTTT-04";   // withdraws: DROPPED_OUT
const char* const kLateNominated = "CT25-CK1-NHI-01";  // its nomination is recorded late
const char* const kNotInPlan = "CT25-THS-QLC-04";  // self-funded, never nominated: NOT_IN_PLAN

// The fostering courses for the new commune-level cadres, by field.
const std::vector<std::pair<const char*, const char*>> kFostering = {
    {"home_affairs", "Nội vụ"},
    {"home_affairs", "Nội vụ"},
    {"finance", "Tài chính"},
    {"finance", "Tài chính"},
    {"justice", "Tư pháp"},
    {"office", "Văn phòng"},
    {"construction", "Xây dựng"},
    {"agriculture_environment", "Nông nghiệp và Môi trường"},
    {"culture_sports_tourism", "Văn hóa - Thể thao và Du lịch"},
    {"health", "Y tế"},
    {"education_training", "Giáo dục và Đào tạo"},
    {"industry_trade", "Công Thương"},
};

}  // namespace

CanTho::CanTho() {
  const Geography& g = Geography::Get();
  People cast("CT", kSeedPeople);
  // Hired from 2014: everyone sent to postgraduate training is 45 or
  // younger when the course starts (Decree 171/2025's limit).
  Date from = Day(2014, 1, 1), to = Day(2022, 12, 31);
  for (const DegreeCourse& c : DegreeCourses()) {
    int seats = c.public_seats + c.self_seats;
    for (int s = 0; s < seats; ++s) {
      const Post& post = c.posts[static_cast<size_t>(s) % c.posts.size()];
      Job job{post.position, post.category, false, c.field, 45};
      char enrollment[64];
      std::snprintf(enrollment, sizeof enrollment, "%s-%02d", c.id, s + 1);
      bool self = s >= c.public_seats;
      std::string funding = self ? "self_funded" : post.category == std::string_view("public_employee") ? "unit_fund"
                                                                                                        : "state_budget";
      seats_.push_back(Seat{people_.size(), c.id, enrollment, funding,
                            enrollment != std::string_view(kLateNominated) && enrollment != std::string_view(kNotInPlan)});
      people_.push_back(cast.WithJob(post.unit, job, from, to));
    }
  }
  // Nominated for study abroad (2 PhDs, 1 master), courses not yet chosen.
  const Post abroad[] = {{"Giảng viên Trường Cao đẳng Y tế Cần Thơ", "public_employee", "CT"},
                         kDoctor,
                         {"Chuyên viên Sở Khoa học và Công nghệ thành phố Cần Thơ", "civil_servant", "CT"}};
  for (const Post& post : abroad) {
    foreign_.push_back(people_.size());
    people_.push_back(cast.WithJob(post.unit, Job{post.position, post.category, false, "", 45}, from, to));
  }
  // The staff of the old wards and communes, and of the district offices,
  // from whom the new communes' cadres come.
  for (const std::string& d : g.Districts("CT")) {
    for (int i = 0; i < 25; ++i) {
      commune_pool_.push_back(people_.size());
      people_.push_back(cast.Official(d, Day(2008, 1, 1), Day(2024, 6, 30)));
    }
    for (const std::string& c : g.Communes(d)) {
      for (Person& p : cast.CommuneStaff(c, Day(2008, 1, 1), Day(2024, 6, 30))) {
        commune_pool_.push_back(people_.size());
        people_.push_back(std::move(p));
      }
    }
  }
}

void CanTho::WritePlan(Batch& b) const {
  AddPlan(b, Plan{.id = kPlan,
                  .title = "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2025",
                  .issuer = "CT",
                  .source = "KH 245/KH-UBND",
                  .issued = Day(2025, 10, 2),
                  .year = 2025,
                  .budget_vnd = 4700000000,
                  .quotas = {{"phd", "public", "domestic", 17},
                             {"specialist_2", "public", "domestic", 26},
                             {"master", "public", "domestic", 138},
                             {"specialist_1", "public", "domestic", 89},
                             {"phd", "self", "domestic", 1},
                             {"master", "self", "domestic", 4},
                             {"specialist_1", "self", "domestic", 4},
                             {"phd", "self", "foreign", 2},
                             {"master", "self", "foreign", 1}},
                  .priority_fields = {"science_technology", "information_technology", "digital_economy", "logistics",
                                      "processing_industry", "high_tech_agriculture", "education_training",
                                      "specialized_healthcare", "construction", "architecture", "urban_transport",
                                      "commerce", "culture", "arts", "resources_environment",
                                      "digital_transformation"}});

  // Degree training: nominations, courses, enrollments, and the city's
  // first-year support to its PhD candidates.
  for (const Seat& s : seats_) {
    if (s.nominated) {
      const DegreeCourse* c = nullptr;
      for (const DegreeCourse& x : DegreeCourses()) c = x.id == s.course ? &x : c;
      AddNomination(b, kPlan, people_[s.person].id, c->program, Day(2025, 10, 10), kDegreeNominations);
    }
  }
  Rng rng(kSeedPlan);
  int decision = 2600;
  for (const DegreeCourse& c : DegreeCourses()) {
    Date start = StartOf(c.program);
    AddCourse(b, Course{.id = c.id,
                        .plan = kPlan,
                        .title = c.title,
                        .program = c.program,
                        .field = c.field,
                        .form = "semi_centralized",
                        .provider = c.provider,
                        .unit = "CT",
                        .start = start,
                        .end = EndOf(c.program),
                        .opened = Day(2025, 10, 6),
                        .capacity = c.public_seats + c.self_seats});
    for (const Seat& s : seats_) {
      if (s.course != c.id) continue;
      Date enrolled = s.enrollment == kLateNominated ? Day(2025, 10, 20) : start.AddDays(-rng.Between(3, 8));
      AddEnrollment(b, s.enrollment, people_[s.person].id, c.id, s.funding, enrolled);
      if (std::string_view(c.program) == "phd" && s.funding != "self_funded") {
        AddDecision(b, Decision{.id = "QĐ " + std::to_string(decision++) + "/QĐ-UBND", .plan = kPlan,
                                .enrollment = s.enrollment, .amount_vnd = 38000000, .effective = Day(2025, 10, 25)});
      }
    }
  }
  // A PhD candidate gives up after seven weeks (DROPPED_OUT: the city's
  // 38,000,000 VND is owed) and repays part of it.
  const Person& dropout = people_[seats_[3].person];
  TLEDGER_CHECK(seats_[3].enrollment == kDropout);
  Json withdrawn = NewEvent("enrollment_withdrawn", std::string("withdrawn-") + kDropout, Day(2025, 12, 10),
                            "Đơn xin thôi học ngày 05/12/2025");
  withdrawn["enrollment"] = kDropout;
  withdrawn["reason"] = "xin thôi học vì hoàn cảnh gia đình";
  b.Add(withdrawn);
  Json repaid = NewEvent("reimbursement_recorded", std::string("repaid-") + kDropout, Day(2025, 12, 29),
                         "Giấy nộp tiền vào ngân sách nhà nước");
  repaid["person"] = dropout.id;
  repaid["enrollment"] = kDropout;
  repaid["amount_vnd"] = 10000000;
  b.Add(repaid);

  // Study abroad: nominated, courses not chosen yet.
  const char* abroad[] = {"phd", "phd", "master"};
  for (size_t i = 0; i < foreign_.size(); ++i) {
    AddNomination(b, kPlan, people_[foreign_[i]].id, abroad[i], Day(2025, 12, 15), "QĐ 2795/QĐ-UBND");
  }

  // "Training skills and expertise" for the new commune-level cadres: the
  // 4.7 billion VND budget's main use.
  std::vector<size_t> pool = commune_pool_;
  for (size_t k = 0; k < kFostering.size(); ++k) {
    const auto& [field, name] = kFostering[k];
    std::vector<size_t> trainees;
    size_t want = static_cast<size_t>(rng.Between(48, 62));
    for (auto it = pool.begin(); it != pool.end() && trainees.size() < want;) {
      if (people_[*it].field == field) {
        trainees.push_back(*it);
        it = pool.erase(it);
      } else {
        ++it;
      }
    }
    char id[32];
    std::snprintf(id, sizeof id, "CT25-BD-%02zu", k + 1);
    Date start = Day(2025, 10, 20).AddDays(static_cast<int>(k) * 4);
    Course course{.id = id,
                  .plan = kPlan,
                  .title = std::string("Bồi dưỡng kỹ năng, nghiệp vụ lĩnh vực ") + name +
                           " cho cán bộ, công chức cấp xã (mới)",
                  .program = "job_position",
                  .field = field,
                  .form = "semi_centralized",
                  .provider = "Trường Chính trị thành phố Cần Thơ",
                  .unit = "CT",
                  .start = start,
                  .end = start.AddDays(4),
                  .opened = start.AddDays(-7)};
    AddCourse(b, course);
    for (size_t t = 0; t < trainees.size(); ++t) {
      char enrollment[64];
      std::snprintf(enrollment, sizeof enrollment, "%s-%02zu", id, t + 1);
      AddNomination(b, kPlan, people_[trainees[t]].id, "job_position", Day(2025, 10, 10), "QĐ 2470/QĐ-UBND");
      AddEnrollment(b, enrollment, people_[trainees[t]].id, id, "state_budget", start.AddDays(-3));
      AddCompletion(b, enrollment, "passed", course.end);
    }
    AddDecision(b, Decision{.id = "QĐ " + std::to_string(2501 + k) + "/QĐ-UBND", .plan = kPlan, .course = id,
                            .amount_vnd = 322000000, .effective = course.opened});
  }
}

void CanTho::WriteLateNomination(Batch& b) const {
  for (const Seat& s : seats_) {
    if (s.enrollment != kLateNominated) continue;
    // Decided on time, with the others, but keyed in only now.
    AddNomination(b, kPlan, people_[s.person].id, "specialist_1", Day(2025, 10, 10), kDegreeNominations);
  }
}

}  // namespace tledger::demo
