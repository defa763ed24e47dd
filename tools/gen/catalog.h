// What can be studied, for how long, at what cost and where: the programs of
// shared/spec/events.md with the figures the generator draws courses from,
// and the training institutions that run them.
#ifndef TLEDGER_TOOLS_GEN_CATALOG_H_
#define TLEDGER_TOOLS_GEN_CATALOG_H_

#include <cstdint>
#include <string_view>

namespace tledger::gen {

enum class Family : uint8_t { kDegree, kPolitical, kStateMgmt, kFostering };

enum Prog : uint8_t {
  kPhd, kMaster, kSpecialist2, kSpecialist1, kBachelor,
  kPtElementary, kPtIntermediate, kPtAdvanced,
  kSmSpecialist, kSmPrincipal, kSmSenior,
  kLeadership, kJobPosition, kKnowledgeUpdate, kDigital, kLanguage, kItSkills, kDefense,
  kProgramCount
};

inline constexpr std::string_view kFormCodes[] = {"centralized", "semi_centralized", "remote", "online"};
inline constexpr std::string_view kFundingCodes[] = {"state_budget", "unit_fund", "self_funded", "scholarship"};
inline constexpr std::string_view kClassCodes[] = {"public", "self"};
inline constexpr std::string_view kLocationCodes[] = {"domestic", "foreign"};
enum Funding : uint8_t { kStateBudget, kUnitFund, kSelfFunded, kScholarship };
inline bool IsPublic(uint8_t funding) { return funding <= kUnitFund; }
// The other funding of the same class: a clerk's plausible slip.
inline uint8_t SameClassOther(uint8_t funding) { return static_cast<uint8_t>(funding ^ 1); }

enum class Provider : uint8_t {
  kUniversity, kMedical, kForeign, kPoliticalAcademy, kNapa, kProvincialSchool, kHomeAffairs,
  kMilitary, kTechnology,
};

struct ProgramInfo {
  std::string_view code;   // interchange value
  std::string_view abbr;   // in course ids
  std::string_view title;  // course title prefix
  std::string_view cert;   // certificate prefix
  Family family;
  bool postgrad;
  int16_t min_days, max_days;  // course length
  int16_t min_size, max_size;  // trainees from one plan in one course
  int32_t cost_k;              // public cost per trainee, thousand VND
  uint16_t share;              // per mille of a plan's trainee-turns (degrees: from the quota cells)
  uint8_t forms[4];            // weights of centralized, semi_centralized, remote, online
  Provider provider;
};

inline constexpr ProgramInfo kPrograms[kProgramCount] = {
    {"phd", "TS", "Tiến sĩ", "TS", Family::kDegree, true, 1095, 1460, 1, 3, 220000, 0, {70, 26, 2, 2}, Provider::kUniversity},
    {"master", "THS", "Thạc sĩ", "ThS", Family::kDegree, true, 540, 730, 4, 20, 85000, 0, {50, 45, 3, 2}, Provider::kUniversity},
    {"specialist_2", "CK2", "Chuyên khoa cấp II", "CKII", Family::kDegree, true, 730, 730, 2, 8, 120000, 0, {85, 13, 1, 1}, Provider::kMedical},
    {"specialist_1", "CK1", "Chuyên khoa cấp I", "CKI", Family::kDegree, true, 365, 730, 4, 15, 70000, 0, {85, 13, 1, 1}, Provider::kMedical},
    {"bachelor", "CN", "Cử nhân (vừa làm vừa học)", "CN", Family::kDegree, false, 1095, 1460, 15, 40, 35000, 0, {20, 45, 30, 5}, Provider::kUniversity},
    {"political_theory_elementary", "SC", "Sơ cấp lý luận chính trị", "SCLLCT", Family::kPolitical, false, 30, 60, 40, 80, 2000, 40, {55, 40, 2, 3}, Provider::kProvincialSchool},
    {"political_theory_intermediate", "TC", "Trung cấp lý luận chính trị - hành chính", "TCLLCT", Family::kPolitical, false, 180, 365, 40, 70, 12000, 36, {40, 55, 2, 3}, Provider::kProvincialSchool},
    {"political_theory_advanced", "CC", "Cao cấp lý luận chính trị", "CCLLCT", Family::kPolitical, false, 240, 540, 3, 12, 45000, 8, {60, 38, 1, 1}, Provider::kPoliticalAcademy},
    {"state_mgmt_specialist", "CV", "Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên", "QLNN-CV", Family::kStateMgmt, false, 30, 60, 40, 90, 5000, 35, {55, 25, 5, 15}, Provider::kProvincialSchool},
    {"state_mgmt_principal", "CVC", "Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên chính", "QLNN-CVC", Family::kStateMgmt, false, 45, 75, 30, 60, 8000, 25, {55, 25, 5, 15}, Provider::kNapa},
    {"state_mgmt_senior", "CVCC", "Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên cao cấp", "QLNN-CVCC", Family::kStateMgmt, false, 60, 90, 10, 30, 12000, 8, {60, 25, 5, 10}, Provider::kNapa},
    {"leadership", "LD", "Bồi dưỡng lãnh đạo, quản lý", "BD-LD", Family::kFostering, false, 5, 30, 30, 80, 1500, 50, {60, 20, 5, 15}, Provider::kNapa},
    {"job_position", "VTVL", "Bồi dưỡng theo vị trí việc làm", "BD-VTVL", Family::kFostering, false, 3, 20, 40, 120, 800, 250, {50, 15, 5, 30}, Provider::kHomeAffairs},
    {"knowledge_update", "CNKT", "Cập nhật kiến thức", "BD-CNKT", Family::kFostering, false, 2, 10, 50, 150, 600, 160, {45, 10, 5, 40}, Provider::kHomeAffairs},
    {"digital_transformation", "CDS", "Bồi dưỡng kiến thức, kỹ năng chuyển đổi số", "BD-CDS", Family::kFostering, false, 3, 14, 60, 150, 500, 150, {40, 5, 5, 50}, Provider::kTechnology},
    {"foreign_language", "NN", "Bồi dưỡng ngoại ngữ", "BD-NN", Family::kFostering, false, 60, 180, 20, 40, 4000, 50, {40, 20, 15, 25}, Provider::kUniversity},
    {"it_skills", "TH", "Bồi dưỡng kỹ năng ứng dụng công nghệ thông tin", "BD-TH", Family::kFostering, false, 10, 45, 30, 60, 1200, 80, {40, 10, 15, 35}, Provider::kTechnology},
    {"defense_security", "QPAN", "Bồi dưỡng kiến thức quốc phòng và an ninh", "BD-QPAN", Family::kFostering, false, 5, 20, 40, 100, 1000, 60, {80, 10, 5, 5}, Provider::kMilitary},
};
// Degree programs take this share (per mille) of a plan's trainee-turns.
inline constexpr uint16_t kDegreeShare = 48;

inline constexpr std::string_view kUniversities[] = {
    "Trường Đại học Cần Thơ", "Đại học Quốc gia Hà Nội", "Đại học Quốc gia Thành phố Hồ Chí Minh",
    "Trường Đại học Kinh tế Quốc dân", "Trường Đại học Bách khoa Hà Nội", "Trường Đại học Luật Hà Nội",
    "Trường Đại học Kinh tế Thành phố Hồ Chí Minh", "Trường Đại học Sư phạm Hà Nội",
    "Trường Đại học Xây dựng Hà Nội", "Trường Đại học Nông Lâm Thành phố Hồ Chí Minh",
    "Trường Đại học Giao thông Vận tải", "Trường Đại học Kiến trúc Hà Nội",
    "Trường Đại học Tài nguyên và Môi trường Hà Nội", "Trường Đại học Thương mại",
    "Trường Đại học Văn hóa Hà Nội", "Đại học Đà Nẵng", "Đại học Huế", "Đại học Thái Nguyên",
    "Trường Đại học Vinh", "Trường Đại học Quy Nhơn", "Trường Đại học Tây Nguyên", "Trường Đại học Hạ Long"};
inline constexpr std::string_view kMedicalSchools[] = {
    "Trường Đại học Y Hà Nội", "Trường Đại học Y Dược Thành phố Hồ Chí Minh", "Trường Đại học Y Dược Cần Thơ",
    "Trường Đại học Y Dược, Đại học Huế", "Trường Đại học Y Dược Thái Bình", "Bệnh viện Bạch Mai",
    "Bệnh viện Chợ Rẫy", "Học viện Quân y"};
inline constexpr std::string_view kForeignSchools[] = {
    "Đại học Quốc gia Singapore", "Đại học Tokyo", "Đại học Monash", "Đại học Quốc gia Seoul",
    "Đại học Paris-Saclay", "Đại học Wageningen", "Đại học Kỹ thuật München", "Đại học Queensland",
    "Đại học Kyoto", "Học viện Công nghệ châu Á (AIT)"};
inline constexpr std::string_view kPoliticalAcademies[] = {
    "Học viện Chính trị quốc gia Hồ Chí Minh", "Học viện Chính trị khu vực I", "Học viện Chính trị khu vực II",
    "Học viện Chính trị khu vực III", "Học viện Chính trị khu vực IV"};
inline constexpr std::string_view kNapaSites[] = {
    "Học viện Hành chính Quốc gia", "Phân viện Học viện Hành chính Quốc gia tại Thành phố Hồ Chí Minh",
    "Phân viện Học viện Hành chính Quốc gia khu vực Tây Nguyên", "Phân viện Học viện Hành chính Quốc gia tại thành phố Huế"};
inline constexpr std::string_view kTechnologySchools[] = {
    "Học viện Công nghệ Bưu chính Viễn thông", "Trường Đại học Công nghệ thông tin, ĐHQG-HCM",
    "Trường Đại học Quy Nhơn", "Trung tâm Chuyển đổi số quốc gia"};

}  // namespace tledger::gen

#endif  // TLEDGER_TOOLS_GEN_CATALOG_H_
