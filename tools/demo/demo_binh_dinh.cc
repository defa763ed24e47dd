// Bình Định 2025 (seed 003): the commune-level plan whose fields open in two
// phases ("Phase 1 started from June 18 ... Round 2 will be implemented
// after July 1"), and the digital-transformation program of June 11 to 24:
// "96 classes are directly for 9,892 cadres, civil servants, and public
// employees of Party, State agencies, the Vietnam Fatherland Front at all
// levels, and the police force", "247 online training classes ... for
// 24,783 students who are civil servants in the education and health
// sectors".
#include <algorithm>
#include <cstdio>

#include "tools/demo/demo_geography.h"
#include "tools/demo/demo_scenarios.h"

namespace tledger::demo {
namespace {

constexpr uint64_t kSeedPeople = 0xb1d1;
constexpr uint64_t kSeedDigital = 0xcd5;
constexpr uint64_t kSeedCommunePlan = 0xb025;

constexpr int kDirectClasses = 96;
constexpr int kDirectLearners = 9892;
constexpr int kOnlineClasses = 247;
constexpr int kOnlineLearners = 24783;

const char* const kCommunePlan = "BD-2025";
const char* const kDigitalPlan = "BD-CDS-2025";

struct Field {
  const char* code;
  const char* name;  // as a course title names it
};
const std::vector<Field> kPhase1 = {{"agriculture_environment", "Nông nghiệp và Môi trường"},
                                    {"construction", "Xây dựng"},
                                    {"justice", "Tư pháp"},
                                    {"finance", "Tài chính"},
                                    {"office", "Văn phòng"},
                                    {"statistics", "Thống kê"}};
const std::vector<Field> kPhase2 = {{"industry_trade", "Công Thương"},
                                    {"home_affairs", "Nội vụ"},
                                    {"health", "Y tế"},
                                    {"education_training", "Giáo dục và Đào tạo"},
                                    {"culture_sports_tourism", "Văn hóa - Thể thao và Du lịch"}};

// The province's districts in three clusters, each with its own classes.
struct Cluster {
  const char* name;
  std::vector<std::string> districts;
};
const std::vector<Cluster>& Clusters() {
  static const std::vector<Cluster> clusters = {{"cụm phía Nam", {"BD-QNH", "BD-TPH", "BD-VCA"}},
                                                {"cụm trung tâm", {"BD-ANH", "BD-PCA", "BD-TSO", "BD-VTH"}},
                                                {"cụm phía Bắc", {"BD-HNH", "BD-PMY", "BD-HAN", "BD-ALA"}}};
  return clusters;
}

Json Phases() {
  Json one = Json::array(), two = Json::array();
  for (const Field& f : kPhase1) one.push_back(f.code);
  for (const Field& f : kPhase2) two.push_back(f.code);
  // "After July 1": the day the two-level local government began, the
  // earliest day a phase-2 course may start.
  return Json::array({Json{{"fields", one}, {"opens", "2025-06-18"}},
                      Json{{"fields", two}, {"opens", ReorganisationDay().ToString()}}});
}

}  // namespace

BinhDinh::BinhDinh() {
  const Geography& g = Geography::Get();
  People cast("BD", kSeedPeople);
  Date from = Day(2004, 1, 1), to = Day(2024, 12, 31);
  // The direct classes' learners: commune staff and police, district
  // offices and police, and the province's agencies make up the rest.
  std::vector<Person> communes, districts;
  for (const std::string& d : g.Districts("BD")) {
    for (int i = 0; i < 260; ++i) districts.push_back(i < 30 ? cast.Police(d, from, to) : cast.Official(d, from, to));
    for (const std::string& c : g.Communes(d)) {
      for (Person& p : cast.CommuneStaff(c, from, to)) communes.push_back(std::move(p));
      for (int i = 0; i < 8; ++i) communes.push_back(cast.Police(c, from, to));
    }
  }
  int province = kDirectLearners - static_cast<int>(communes.size() + districts.size());
  for (int i = 0; i < province; ++i) people_.push_back(i < 500 ? cast.Police("BD", from, to) : cast.Official("BD", from, to));
  for (Person& p : districts) people_.push_back(std::move(p));
  for (Person& p : communes) people_.push_back(std::move(p));
  direct_ = people_.size();
  TLEDGER_CHECK(direct_ == static_cast<size_t>(kDirectLearners));

  // The online classes' learners: teachers and health workers, three in
  // four at a commune's schools and health station, the rest at the
  // province's upper secondary schools and hospitals.
  std::vector<std::string> all_communes;
  for (const std::string& d : g.Districts("BD")) {
    for (const std::string& c : g.Communes(d)) all_communes.push_back(c);
  }
  const int at_communes = kOnlineLearners * 3 / 4;
  for (size_t i = 0; i < all_communes.size(); ++i) {
    int n = at_communes / static_cast<int>(all_communes.size()) +
            (static_cast<int>(i) < at_communes % static_cast<int>(all_communes.size()));
    for (int k = 0; k < n; ++k) {
      people_.push_back(cast.rng().Percent(70) ? cast.Teacher(all_communes[i], from, to)
                                               : cast.HealthWorker(all_communes[i], from, to));
    }
  }
  for (int k = 0; k < kOnlineLearners - at_communes; ++k) {
    people_.push_back(cast.rng().Percent(60) ? cast.Teacher("BD", from, to) : cast.HealthWorker("BD", from, to));
  }
  TLEDGER_CHECK(people_.size() == static_cast<size_t>(kDirectLearners + kOnlineLearners));

  for (size_t i = 0; i < direct_; ++i) {
    const Person& p = people_[i];
    const std::string& level = g.Of(p.unit).level;
    if (p.field.empty() || level == "province") continue;
    std::string district = level == "district" ? p.unit : g.Of(p.unit).parent;
    for (size_t c = 0; c < Clusters().size(); ++c) {
      const std::vector<std::string>& ds = Clusters()[c].districts;
      if (std::find(ds.begin(), ds.end(), district) != ds.end()) candidates_[{p.field, c}].push_back(i);
    }
  }
}

std::vector<size_t> BinhDinh::Take(const std::string& field, size_t cluster, size_t n) {
  std::vector<size_t>& c = candidates_[{field, cluster}];
  n = std::min(n, c.size());
  std::vector<size_t> taken(c.begin(), c.begin() + static_cast<long>(n));
  c.erase(c.begin(), c.begin() + static_cast<long>(n));
  return taken;
}

void BinhDinh::WriteDigitalProgram(Batch& b) const {
  AddPlan(b, Plan{.id = kDigitalPlan,
                  .title = "Kế hoạch bồi dưỡng kiến thức, kỹ năng chuyển đổi số cho cán bộ, công chức, viên chức năm 2025",
                  .issuer = "BD",
                  .source = "KH 112/KH-UBND",
                  .issued = Day(2025, 5, 30),
                  .year = 2025,
                  .budget_vnd = 3000000000});
  for (const Person& p : people_) {
    AddNomination(b, kDigitalPlan, p.id, "digital_transformation", Day(2025, 6, 5), "QĐ 1234/QĐ-UBND");
  }

  // The learners in the order they were registered (by unit), cut into
  // classes; the classes spread over the fourteen days.
  Rng rng(kSeedDigital);
  auto write_classes = [&](const char* id_format, const char* title_format, const char* form, int classes,
                           int learners, Bounds size, size_t first) {
    std::vector<int> sizes = SplitTotal(rng, learners, std::vector<Bounds>(static_cast<size_t>(classes), size));
    size_t next = first;
    for (int k = 0; k < classes; ++k) {
      char id[32], title[160];
      std::snprintf(id, sizeof id, id_format, k + 1);
      std::snprintf(title, sizeof title, title_format, k + 1);
      Date start = Day(2025, 6, 11).AddDays(k * 14 / classes);
      Date end = std::string_view(form) == "centralized" && start < Day(2025, 6, 24) ? start.AddDays(1) : start;
      AddCourse(b, Course{.id = id,
                          .plan = kDigitalPlan,
                          .title = title,
                          .program = "digital_transformation",
                          .field = "digital_transformation",
                          .form = form,
                          .provider = "Trường Đại học Quy Nhơn",
                          .unit = "BD",
                          .start = start,
                          .end = end,
                          .opened = Day(2025, 6, 6)});
      for (int s = 0; s < sizes[static_cast<size_t>(k)]; ++s, ++next) {
        char enrollment[64];
        std::snprintf(enrollment, sizeof enrollment, "%s-%03d", id, s + 1);
        AddEnrollment(b, enrollment, people_[next].id, id, "state_budget", start.AddDays(-rng.Between(1, 3)));
        AddCompletion(b, enrollment, "passed", end);
      }
    }
    return next;
  };
  size_t end = write_classes("CDS-TT-%02d", "Bồi dưỡng kiến thức, kỹ năng chuyển đổi số, lớp trực tiếp số %02d",
                             "centralized", kDirectClasses, kDirectLearners, {80, 130}, 0);
  TLEDGER_CHECK(end == direct_);
  end = write_classes("CDS-TTU-%03d", "Bồi dưỡng kiến thức, kỹ năng chuyển đổi số, lớp trực tuyến số %03d", "online",
                      kOnlineClasses, kOnlineLearners, {70, 130}, direct_);
  TLEDGER_CHECK(end == people_.size());
  AddDecision(b, Decision{.id = "QĐ 1302/QĐ-UBND", .plan = kDigitalPlan, .amount_vnd = 2947000000,
                          .effective = Day(2025, 6, 6)});
}

void BinhDinh::WriteCommunePlanPhase1(Batch& b) {
  AddPlan(b, Plan{.id = kCommunePlan,
                  .title = "Kế hoạch bồi dưỡng cán bộ, công chức cấp xã năm 2025 đáp ứng yêu cầu chính quyền địa "
                           "phương hai cấp",
                  .issuer = "BD",
                  .source = "KH 98/KH-UBND",
                  .issued = Day(2025, 6, 9),
                  .year = 2025,
                  .budget_vnd = 2850000000,
                  .phases = Phases()});
  WriteCommuneCourses(b, 1);
}

void BinhDinh::WriteCommunePlanPhase2(Batch& b) { WriteCommuneCourses(b, 2); }

void BinhDinh::WriteCommuneCourses(Batch& b, int phase) {
  Rng rng(kSeedCommunePlan + static_cast<uint64_t>(phase));
  auto nominate = [&](const std::vector<size_t>& people, Date on, const char* source) {
    for (size_t i : people) {
      if (nominated_.insert(people_[i].id).second) AddNomination(b, kCommunePlan, people_[i].id, "job_position", on, source);
    }
  };
  auto course_events = [&](const Course& c, const std::vector<size_t>& people, const std::string& decision) {
    AddCourse(b, c);
    for (size_t k = 0; k < people.size(); ++k) {
      char enrollment[64];
      std::snprintf(enrollment, sizeof enrollment, "%s-%02zu", c.id.c_str(), k + 1);
      AddEnrollment(b, enrollment, people_[people[k]].id, c.id, "state_budget", c.start.AddDays(-3));
      // Two slips of the record, on purpose: a phase-1 result keyed as
      // failed (corrected in the late batch) and a result never reported
      // (OVERDUE).
      if (c.id == "BD25-P1-02" && k == 0) {
        mistyped_ = enrollment;
        mistyped_on_ = c.end;
        AddCompletion(b, enrollment, "failed", c.end);
      } else if (!(c.id == "BD25-P1-05" && k + 1 == people.size())) {
        AddCompletion(b, enrollment, "passed", c.end);
      }
    }
    AddDecision(b, Decision{.id = decision, .plan = kCommunePlan, .course = c.id,
                            .amount_vnd = 850000 * static_cast<int64_t>(people.size()), .effective = c.opened});
  };

  const std::vector<Field>& fields = phase == 1 ? kPhase1 : kPhase2;
  if (phase == 1) {
    // A course of a phase-2 field (health) that a district started a week
    // early, on 2025-06-25: OUTSIDE_PHASE for each of its three learners.
    std::vector<size_t> early = Take("health", 0, 3);
    nominate(early, Day(2025, 6, 20), "QĐ 1530/QĐ-UBND");
    course_events(Course{.id = "BD25-P2-00",
                         .plan = kCommunePlan,
                         .title = "Bồi dưỡng nghiệp vụ lĩnh vực Y tế cho công chức cấp xã (lớp mở sớm, cụm phía Nam)",
                         .program = "job_position",
                         .field = "health",
                         .form = "semi_centralized",
                         .provider = "Trung tâm Y tế huyện Tuy Phước",
                         .unit = "BD-TPH",
                         .start = Day(2025, 6, 25),
                         .end = Day(2025, 6, 27),
                         .opened = Day(2025, 6, 20)},
                  early, "QĐ 1599/QĐ-UBND");
  }
  int n = 0;
  for (const Field& f : fields) {
    for (size_t c = 0; c < Clusters().size(); ++c, ++n) {
      char id[32];
      std::snprintf(id, sizeof id, "BD25-P%d-%02d", phase, n + 1);
      std::vector<size_t> people = Take(f.code, c, static_cast<size_t>(rng.Between(45, 70)));
      // Phase 1 from its opening day (2025-06-18) to 2025-06-25; phase 2
      // from 2025-07-07, a course every four days.
      Date start = phase == 1 ? Day(2025, 6, 18).AddDays(n * 8 / 18) : Day(2025, 7, 7).AddDays(n * 4);
      // One phase-2 course names the old district office as organiser:
      // UNIT_DISSOLVED (the district level ended on 2025-07-01).
      bool stale_unit = phase == 2 && std::string_view(f.code) == "home_affairs" && c == 0;
      Course course{.id = id,
                    .plan = kCommunePlan,
                    .title = std::string("Bồi dưỡng chuyên môn, nghiệp vụ lĩnh vực ") + f.name +
                             " cho cán bộ, công chức cấp xã (" + Clusters()[c].name + ")",
                    .program = "job_position",
                    .field = f.code,
                    .form = "semi_centralized",
                    .provider = phase == 1 ? "Sở Nội vụ tỉnh Bình Định" : "Sở Nội vụ tỉnh Gia Lai",
                    .unit = stale_unit ? "BD-TPH" : phase == 1 ? "BD" : "GL",
                    .start = start,
                    .end = start.AddDays(3),
                    .opened = start.AddDays(-7)};
      nominate(people, phase == 1 ? Day(2025, 6, 13) : Day(2025, 7, 2),
               phase == 1 ? "QĐ 1456/QĐ-UBND" : "QĐ 61/QĐ-UBND tỉnh Gia Lai");
      course_events(course, people, "QĐ " + std::to_string(phase == 1 ? 1600 + n : 70 + n) +
                                        (phase == 1 ? "/QĐ-UBND" : "/QĐ-UBND tỉnh Gia Lai"));
    }
  }
}

void BinhDinh::WriteLateCorrection(Batch& b) const {
  const std::string target = CompletionEventId(mistyped_);
  Json e = NewEvent("correction", "corr-" + target, Day(2026, 1, 12), "Sổ điểm lớp BD25-P1-02");
  e["target"] = target;
  e["action"] = "replace";
  Json replacement;
  replacement["type"] = "completion_recorded";
  replacement["effective"] = mistyped_on_.ToString();
  replacement["enrollment"] = mistyped_;
  replacement["result"] = "passed";
  e["replacement"] = replacement;
  e["reason"] = "nhập nhầm kết quả: sổ điểm của lớp ghi Đạt";
  b.Add(e);
}

}  // namespace tledger::demo
