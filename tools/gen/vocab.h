// The words of the generated ledger: Vietnamese personal names, job
// positions, fields of study, programs, training providers, place names and
// the reasons clerks write. Plain constant tables; the model in
// generator_impl.h indexes them.
#ifndef TLEDGER_TOOLS_GEN_VOCAB_H_
#define TLEDGER_TOOLS_GEN_VOCAB_H_

#include <cstdint>
#include <string_view>

namespace tledger::gen {

// ------------------------------------------------------------------ people

// Family names with their rough share (per mille) of the population.
struct Weighted {
  std::string_view text;
  uint16_t weight;
};
inline constexpr Weighted kFamilyNames[] = {
    {"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95}, {"Phạm", 70}, {"Hoàng", 30}, {"Huỳnh", 20},
    {"Phan", 45},    {"Vũ", 20},    {"Võ", 19}, {"Đặng", 21}, {"Bùi", 20},   {"Đỗ", 14},
    {"Hồ", 13},      {"Ngô", 13},   {"Dương", 10}, {"Lý", 5}, {"Đào", 5},    {"Đinh", 5},
    {"Lâm", 4},      {"Mai", 4},    {"Trương", 5}, {"Tô", 2}, {"Hà", 4},     {"Cao", 3},
    {"Lương", 3},    {"Tạ", 2},     {"Châu", 2}, {"Quách", 1}, {"Thái", 2},  {"Kiều", 1},
    {"Triệu", 2},    {"La", 1},     {"Lưu", 2}, {"Văn", 1},   {"Khổng", 1}, {"Lò", 1},
};
inline constexpr std::string_view kMaleMiddle[] = {
    "Văn", "Văn", "Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Công", "Xuân",
    "Hoàng", "Ngọc", "Duy", "Trung", "Tuấn", "Quang", "Đình", "Mạnh", "Thế", "Bá"};
inline constexpr std::string_view kFemaleMiddle[] = {
    "Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Thùy",
    "Phương", "Bích", "Hồng", "Mỹ", "Diệu", "Hải", "Thúy", "Lan", "Khánh", "Hoài"};
// A second middle name, as in "Trần Thị Ngọc Hân".
inline constexpr std::string_view kFemaleSecondMiddle[] = {
    "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Thùy", "Phương", "Bích", "Hồng", "Mỹ", "Cẩm", "Tuyết"};
inline constexpr std::string_view kMaleGiven[] = {
    "Anh", "Bình", "Cường", "Dũng", "Hùng", "Hải", "Hiếu", "Huy", "Khoa", "Long", "Minh", "Nam",
    "Phong", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Trung", "Tuấn", "Việt", "Vinh", "Hoàng",
    "Khánh", "Lộc", "Phúc", "Đạt", "Kiên", "Toàn", "Tùng", "Hưng", "Nghĩa", "Phát", "Quân",
    "Thịnh", "Trí", "Tín", "Vũ", "Bảo", "Danh", "Đông", "Giang", "Hậu", "Hòa", "Lâm", "Luân",
    "Nhân", "Tâm", "Thông", "Tiến"};
inline constexpr std::string_view kFemaleGiven[] = {
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Lan", "Linh",
    "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thủy", "Trang", "Trinh",
    "Uyên", "Vân", "Yến", "Hân", "Ngọc", "Thư", "Tâm", "Loan", "Huyền", "Liên", "My", "Nhi",
    "Quỳnh", "Tuyết", "Vy", "Xuân", "Diệp"};

// Category of a person, in the interchange spelling.
inline constexpr std::string_view kCategoryCodes[] = {"cadre", "civil_servant", "public_employee"};

// Where a position is held: bit 0 central/province, bit 1 district, bit 2 commune.
inline constexpr uint8_t kAtProvince = 1, kAtDistrict = 2, kAtCommune = 4;
struct Position {
  std::string_view text;
  uint8_t category;  // index into kCategoryCodes
  uint8_t levels;    // kAt* bits
  bool leader;
  uint8_t weight;
};
inline constexpr Position kPositions[] = {
    // cadres (cán bộ)
    {"Bí thư Đảng ủy", 0, kAtCommune, true, 2},
    {"Phó Bí thư Đảng ủy", 0, kAtCommune, true, 2},
    {"Chủ tịch Ủy ban nhân dân", 0, kAtCommune | kAtDistrict, true, 2},
    {"Phó Chủ tịch Ủy ban nhân dân", 0, kAtCommune | kAtDistrict, true, 4},
    {"Chủ tịch Hội đồng nhân dân", 0, kAtCommune | kAtDistrict, true, 1},
    {"Phó Chủ tịch Hội đồng nhân dân", 0, kAtCommune | kAtDistrict, true, 2},
    {"Chủ tịch Ủy ban Mặt trận Tổ quốc", 0, kAtCommune | kAtDistrict, true, 2},
    {"Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh", 0, kAtCommune, false, 2},
    {"Chủ tịch Hội Liên hiệp Phụ nữ", 0, kAtCommune, false, 2},
    {"Chủ tịch Hội Nông dân", 0, kAtCommune, false, 2},
    {"Chủ tịch Hội Cựu chiến binh", 0, kAtCommune, false, 1},
    {"Ủy viên Ban Thường vụ Tỉnh ủy", 0, kAtProvince, true, 1},
    {"Trưởng Ban Tổ chức", 0, kAtProvince | kAtDistrict, true, 1},
    // civil servants (công chức)
    {"công chức Văn phòng - Thống kê", 1, kAtCommune, false, 5},
    {"công chức Địa chính - Xây dựng", 1, kAtCommune, false, 5},
    {"công chức Tài chính - Kế toán", 1, kAtCommune, false, 5},
    {"công chức Tư pháp - Hộ tịch", 1, kAtCommune, false, 5},
    {"công chức Văn hóa - Xã hội", 1, kAtCommune, false, 5},
    {"Chỉ huy trưởng Ban Chỉ huy quân sự", 1, kAtCommune, true, 1},
    {"Chuyên viên", 1, kAtProvince | kAtDistrict, false, 12},
    {"Chuyên viên chính", 1, kAtProvince | kAtDistrict, false, 6},
    {"Chuyên viên cao cấp", 1, kAtProvince, false, 1},
    {"Trưởng phòng", 1, kAtProvince | kAtDistrict, true, 3},
    {"Phó Trưởng phòng", 1, kAtProvince | kAtDistrict, true, 4},
    {"Thanh tra viên", 1, kAtProvince | kAtDistrict, false, 3},
    {"Kế toán viên", 1, kAtProvince | kAtDistrict, false, 3},
    {"Chánh Văn phòng", 1, kAtProvince | kAtDistrict, true, 1},
    {"Giám đốc Sở", 1, kAtProvince, true, 1},
    {"Phó Giám đốc Sở", 1, kAtProvince, true, 2},
    // public employees (viên chức)
    {"Bác sĩ", 2, kAtProvince | kAtDistrict, false, 8},
    {"Điều dưỡng", 2, kAtProvince | kAtDistrict | kAtCommune, false, 6},
    {"Dược sĩ", 2, kAtProvince | kAtDistrict, false, 2},
    {"Giáo viên trung học phổ thông", 2, kAtProvince, false, 6},
    {"Giáo viên trung học cơ sở", 2, kAtDistrict | kAtCommune, false, 8},
    {"Giáo viên tiểu học", 2, kAtDistrict | kAtCommune, false, 8},
    {"Giáo viên mầm non", 2, kAtCommune, false, 6},
    {"Hiệu trưởng", 2, kAtDistrict | kAtCommune, true, 2},
    {"Phó Hiệu trưởng", 2, kAtDistrict | kAtCommune, true, 2},
    {"Giảng viên", 2, kAtProvince, false, 2},
    {"Kỹ sư", 2, kAtProvince | kAtDistrict, false, 3},
    {"Viên chức Trung tâm Phục vụ hành chính công", 2, kAtProvince | kAtCommune, false, 2},
    {"Trưởng khoa", 2, kAtProvince, true, 1},
    {"Giám đốc Bệnh viện", 2, kAtProvince | kAtDistrict, true, 1},
    {"Trạm trưởng Trạm Y tế", 2, kAtCommune, true, 1},
};
// Positions of public employees who may take the medical specialist programs.
inline bool IsMedical(std::string_view position) {
  return position == "Bác sĩ" || position == "Dược sĩ" || position == "Trưởng khoa" ||
         position == "Giám đốc Bệnh viện" || position == "Trạm trưởng Trạm Y tế";
}

// ------------------------------------------------------------------ study

// Fields of study: code (the interchange form) and name (for titles). The
// first kDegreeFields are those degree courses draw from; the rest are the
// fostering fields (Binh Dinh's list and the program-specific ones).
struct Field {
  std::string_view code;
  std::string_view name;
};
inline constexpr Field kFields[] = {
    {"information_technology", "Công nghệ thông tin"},        // 0
    {"digital_economy", "Kinh tế số"},                         // 1
    {"logistics", "Logistics và quản lý chuỗi cung ứng"},      // 2
    {"processing_industry", "Công nghiệp chế biến"},           // 3
    {"high_tech_agriculture", "Nông nghiệp công nghệ cao"},    // 4
    {"education_training", "Giáo dục và đào tạo"},             // 5
    {"health", "Y tế"},                                        // 6
    {"construction", "Xây dựng"},                              // 7
    {"architecture", "Kiến trúc"},                             // 8
    {"urban_transport", "Giao thông đô thị"},                  // 9
    {"commerce", "Thương mại"},                                // 10
    {"culture", "Văn hóa"},                                    // 11
    {"arts", "Nghệ thuật"},                                    // 12
    {"natural_resources_environment", "Tài nguyên và môi trường"},  // 13
    {"digital_transformation", "Chuyển đổi số"},               // 14
    {"science_technology", "Khoa học và công nghệ"},           // 15
    {"finance", "Tài chính - Ngân hàng"},                      // 16
    {"law", "Luật"},                                           // 17
    {"public_administration", "Quản lý công"},                 // 18
    {"economics", "Kinh tế học"},                              // 19
    {"industry_trade", "Công Thương"},                         // 20
    {"agriculture_environment", "Nông nghiệp và Môi trường"},  // 21
    {"culture_sports_tourism", "Văn hóa - Thể thao và Du lịch"},  // 22
    {"home_affairs", "Nội vụ"},                                // 23
    {"office", "Văn phòng"},                                   // 24
    {"justice", "Tư pháp"},                                    // 25
    {"statistics", "Thống kê"},                                // 26
    {"political_theory", "Lý luận chính trị"},                 // 27
    {"state_management", "Quản lý nhà nước"},                  // 28
    {"leadership_management", "Lãnh đạo, quản lý"},            // 29
    {"foreign_language", "Ngoại ngữ"},                         // 30
    {"defense_security", "Quốc phòng và an ninh"},             // 31
    {"local_government", "Chính quyền địa phương hai cấp"},    // 32
};
inline constexpr uint8_t kDegreeFields = 20;
inline constexpr uint8_t kFieldHealth = 6, kFieldDigital = 14, kFieldIt = 0, kFieldLaw = 17,
                         kFieldPublicAdmin = 18, kFieldEconomics = 19, kFieldPolitical = 27,
                         kFieldStateMgmt = 28, kFieldLeadership = 29, kFieldLanguage = 30,
                         kFieldDefense = 31, kFieldLocalGov = 32, kFieldHomeAffairs = 23;
// Can Tho 2025's priority fields (the ones a plan may list).
inline constexpr uint8_t kPriorityPool[] = {15, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16};
// Binh Dinh 2025's job-position fields, by phase.
inline constexpr uint8_t kPhase1Fields[] = {21, 7, 25, 16, 24, 26};
inline constexpr uint8_t kPhase2Fields[] = {20, 23, 6, 5, 22};

// ------------------------------------------------------------------ places

// Syllables of Vietnamese place names ("Tân Phú", "Bình Thủy").
inline constexpr std::string_view kPlaceFirst[] = {
    "Tân", "An", "Phú", "Bình", "Hòa", "Long", "Thạnh", "Hưng", "Phước", "Thuận", "Mỹ", "Vĩnh",
    "Đông", "Tây", "Nam", "Bắc", "Trung", "Sơn", "Hải", "Thủy", "Lộc", "Thành", "Quang", "Minh",
    "Hồng", "Đức", "Nghĩa", "Định", "Khánh", "Châu", "Xuân", "Hiệp", "Thới", "Lương", "Cát", "Kim"};
inline constexpr std::string_view kPlaceSecond[] = {
    "Phú", "An", "Lợi", "Hòa", "Thạnh", "Hưng", "Bình", "Long", "Thuận", "Phong", "Điền", "Lạc",
    "Yên", "Hải", "Sơn", "Tiến", "Thắng", "Lộc", "Thọ", "Trạch", "Xuân", "Mỹ", "Hiệp", "Đông",
    "Tây", "Thành", "Quới", "Hội", "Nhơn", "Định", "Châu", "Tân"};

// ------------------------------------------------------------------ reasons

inline constexpr std::string_view kWithdrawReasons[] = {
    "không đủ điều kiện dự tuyển", "lý do sức khỏe", "yêu cầu nhiệm vụ công tác",
    "hoàn cảnh gia đình khó khăn", "được cử tham gia khóa học khác", "thay đổi vị trí việc làm"};
inline constexpr std::string_view kDropOutReasons[] = {
    "tự ý bỏ học", "không bảo đảm thời gian học tập", "bị buộc thôi học do vi phạm quy chế",
    "lý do sức khỏe kéo dài"};
inline constexpr std::string_view kResignReasons[] = {
    "thôi việc theo nguyện vọng", "chuyển công tác ra ngoài khu vực nhà nước",
    "nghỉ việc theo Nghị định 178/2024/NĐ-CP", "nghỉ hưu trước tuổi theo Nghị định 178/2024/NĐ-CP"};
inline constexpr std::string_view kRetireReason = "nghỉ hưu theo chế độ";
inline constexpr std::string_view kRevokeReasons[] = {
    "học viên rút trước khi khai giảng", "trùng quyết định", "điều chỉnh nguồn kinh phí"};
inline constexpr std::string_view kGroundCodes[] = {"illness", "disaster", "epidemic", "transfer_within_system"};

}  // namespace tledger::gen

#endif  // TLEDGER_TOOLS_GEN_VOCAB_H_
