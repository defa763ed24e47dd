#include "tools/cli/names.h"

#include <algorithm>
#include <memory>
#include <span>

#include <unicode/coll.h>
#include <unicode/locid.h>

#include "core/schema_info.h"

namespace tledger {
namespace {

// A table by enumerant value; past its end (a newer writer's value), the code.
template <typename E>
std::string FromTable(std::span<const Bilingual> table, E value, Lang lang) {
  size_t i = static_cast<size_t>(value);
  if (i < table.size()) return Tr(table[i], lang);
  return CodeName(value);
}

// Glossary §1.
constexpr Bilingual kPrograms[] = {
    {"Tiến sĩ", "PhD"},
    {"Thạc sĩ", "Master"},
    {"Chuyên khoa cấp II", "Specialist level II"},
    {"Chuyên khoa cấp I", "Specialist level I"},
    {"Đại học", "Bachelor"},
    {"Sơ cấp lý luận chính trị", "Elementary political theory"},
    {"Trung cấp lý luận chính trị", "Intermediate political theory"},
    {"Cao cấp lý luận chính trị", "Advanced political theory"},
    {"Bồi dưỡng ngạch chuyên viên và tương đương", "State management, specialist grade"},
    {"Bồi dưỡng ngạch chuyên viên chính và tương đương", "State management, principal specialist grade"},
    {"Bồi dưỡng ngạch chuyên viên cao cấp và tương đương", "State management, senior specialist grade"},
    {"Bồi dưỡng lãnh đạo, quản lý", "Leadership and management"},
    {"Bồi dưỡng theo vị trí việc làm", "Job-position fostering"},
    {"Bồi dưỡng cập nhật kiến thức", "Knowledge update"},
    {"Bồi dưỡng kiến thức, kỹ năng chuyển đổi số", "Digital transformation knowledge and skills"},
    {"Bồi dưỡng ngoại ngữ", "Foreign language"},
    {"Bồi dưỡng tin học", "IT skills"},
    {"Bồi dưỡng kiến thức quốc phòng và an ninh", "Defence and security knowledge"},
};
constexpr Bilingual kFundings[] = {
    {"Ngân sách nhà nước", "State budget"},
    {"Kinh phí đơn vị sự nghiệp", "Public service unit's funds"},
    {"Tự túc kinh phí", "Self-funded"},
    {"Học bổng", "Scholarship"},
};
constexpr Bilingual kClasses[] = {
    {"Ngân sách/kinh phí đơn vị sự nghiệp", "Budget or unit funds"},
    {"Tự túc", "Self-funded or scholarship"},
};
constexpr Bilingual kLocations[] = {{"Trong nước", "Domestic"}, {"Nước ngoài", "Abroad"}};
constexpr Bilingual kForms[] = {
    {"Tập trung", "Centralized"}, {"Bán tập trung", "Semi-centralized"}, {"Từ xa", "Distance"},
    {"Trực tuyến", "Online"}};
constexpr Bilingual kLevels[] = {
    {"Trung ương", "Central"}, {"Cấp tỉnh", "Province"}, {"Cấp huyện", "District"}, {"Cấp xã", "Commune"}};
constexpr Bilingual kUnknownLevel = {"Chưa xác định", "Unknown"};
constexpr Bilingual kCategories[] = {{"Cán bộ", "Cadre"}, {"Công chức", "Civil servant"}, {"Viên chức", "Public employee"}};
// A failure without its program: glossary §5's column name.
constexpr Bilingual kResults[] = {{"Hoàn thành", "Passed"},
                                  {"Không hoàn thành, không được cấp văn bằng", "Failed"}};
constexpr Bilingual kGrounds[] = {{"Ốm đau", "Illness"},
                                  {"Thiên tai", "Natural disaster"},
                                  {"Dịch bệnh", "Epidemic"},
                                  {"Chuyển công tác trong hệ thống chính trị", "Transfer within the political system"}};
constexpr Bilingual kReorgKinds[] = {{"Sáp nhập", "Merger"}, {"Đổi tên", "Renaming"}, {"Giải thể", "Dissolution"}};
constexpr Bilingual kActions[] = {{"Hủy bản ghi", "Retraction"}, {"Thay thế bản ghi", "Replacement"}};
constexpr Bilingual kEntityKinds[] = {{"Đơn vị", "Unit"},   {"Cá nhân", "Person"},   {"Kế hoạch", "Plan"},
                                      {"Lớp", "Course"},    {"Học viên", "Enrollment"}, {"Quyết định", "Decision"}};
constexpr Bilingual kFindingKinds[] = {
    {"vi phạm", "violation"}, {"cảnh báo", "warning"}, {"sai sót dữ liệu", "data-quality finding"}};

struct Coded {
  std::string_view code;
  Bilingual name;
};

// Glossary §2, by code.
constexpr Coded kFields[] = {
    {"agriculture_environment", {"Nông nghiệp và Môi trường", "Agriculture and environment"}},
    {"architecture", {"Kiến trúc", "Architecture"}},
    {"arts", {"Nghệ thuật", "Arts"}},
    {"commerce", {"Thương mại", "Commerce"}},
    {"construction", {"Xây dựng", "Construction"}},
    {"culture", {"Văn hóa", "Culture"}},
    {"culture_sports_tourism", {"Văn hóa, Thể thao và Du lịch", "Culture, sports and tourism"}},
    {"defense_security", {"Quốc phòng và an ninh", "Defence and security"}},
    {"digital_economy", {"Kinh tế số", "Digital economy"}},
    {"digital_transformation", {"Chuyển đổi số", "Digital transformation"}},
    {"economics", {"Kinh tế", "Economics"}},
    {"education_training", {"Giáo dục và đào tạo", "Education and training"}},
    {"finance", {"Tài chính", "Finance"}},
    {"foreign_language", {"Ngoại ngữ", "Foreign languages"}},
    {"health", {"Y tế", "Health"}},
    {"high_tech_agriculture", {"Nông nghiệp ứng dụng công nghệ cao", "High-tech agriculture"}},
    {"home_affairs", {"Nội vụ", "Home affairs"}},
    {"industry_trade", {"Công Thương", "Industry and trade"}},
    {"information_technology", {"Công nghệ thông tin", "Information technology"}},
    {"justice", {"Tư pháp", "Justice"}},
    {"law", {"Luật", "Law"}},
    {"leadership_management", {"Lãnh đạo, quản lý", "Leadership and management"}},
    {"local_economy", {"Phát triển kinh tế địa phương", "Local economic development"}},
    {"local_government", {"Chính quyền địa phương 2 cấp", "Two-level local government"}},
    {"logistics", {"Logistics", "Logistics"}},
    {"mass_mobilization", {"Dân vận", "Mass mobilization"}},
    {"natural_resources_environment", {"Tài nguyên và môi trường", "Natural resources and environment"}},
    {"office", {"Văn phòng", "Office"}},
    {"party_building", {"Xây dựng Đảng", "Party building"}},
    {"political_theory", {"Lý luận chính trị", "Political theory"}},
    {"processing_industry", {"Công nghiệp chế biến", "Processing industry"}},
    {"public_administration", {"Quản lý công", "Public administration"}},
    {"resources_environment", {"Tài nguyên và môi trường", "Resources and environment"}},
    {"science_technology", {"Khoa học và công nghệ", "Science and technology"}},
    {"specialized_healthcare", {"Y tế chuyên sâu", "Specialized healthcare"}},
    {"state_management", {"Quản lý nhà nước", "State management"}},
    {"statistics", {"Thống kê", "Statistics"}},
    {"urban_transport", {"Giao thông đô thị", "Urban transport"}},
};

// Glossary §3, in Body union order.
constexpr Bilingual kEventTypes[] = {
    {"Khai báo cơ quan, đơn vị", "Unit registered"},
    {"Sắp xếp, tổ chức lại đơn vị", "Unit reorganized"},
    {"Khai báo hồ sơ CB-CCVC", "Person registered"},
    {"Chuyển công tác", "Transfer"},
    {"Nghỉ việc (thôi việc, nghỉ hưu)", "Left service"},
    {"Cập nhật trình độ đã có", "Qualification recorded"},
    {"Ban hành kế hoạch đào tạo, bồi dưỡng", "Training plan issued"},
    {"Điều chỉnh, bổ sung kế hoạch", "Plan amended"},
    {"Duyệt danh sách cử đi đào tạo, bồi dưỡng", "Nomination approved"},
    {"Rút tên khỏi danh sách cử đi đào tạo", "Nomination revoked"},
    {"Mở lớp", "Course opened"},
    {"Cử đi học", "Sent to training"},
    {"Thôi học", "Withdrawn"},
    {"Kết quả học tập, văn bằng, chứng chỉ", "Result, degree or certificate"},
    {"Quyết định cấp kinh phí", "Funding decided"},
    {"Hủy quyết định cấp kinh phí", "Funding revoked"},
    {"Miễn đền bù chi phí đào tạo", "Exempted from repaying training costs"},
    {"Nộp tiền đền bù chi phí đào tạo", "Training costs repaid"},
    {"Đính chính dữ liệu", "Correction"},
};

// The fields of events, for history and log lines.
constexpr Coded kEventFields[] = {
    {"unit", {"Đơn vị", "Unit"}},
    {"name", {"Tên", "Name"}},
    {"level", {"Cấp", "Level"}},
    {"parent", {"Đơn vị cấp trên", "Parent unit"}},
    {"kind", {"Hình thức", "Kind"}},
    {"from", {"Các đơn vị", "Units"}},
    {"to", {"Thành đơn vị", "Into"}},
    {"person", {"Cá nhân", "Person"}},
    {"category", {"Đối tượng", "Category"}},
    {"position", {"Chức vụ, vị trí việc làm", "Position"}},
    {"leader", {"Lãnh đạo, quản lý", "Leader"}},
    {"birth_date", {"Ngày sinh", "Born"}},
    {"hired", {"Ngày bắt đầu công tác", "In service since"}},
    {"reason", {"Lý do", "Reason"}},
    {"program", {"Trình độ, chương trình", "Program"}},
    {"plan", {"Kế hoạch", "Plan"}},
    {"title", {"Tên", "Title"}},
    {"issuer", {"Cơ quan ban hành", "Issuer"}},
    {"year", {"Năm", "Year"}},
    {"budget_vnd", {"Dự toán kinh phí", "Budget"}},
    {"quotas", {"Chỉ tiêu", "Quotas"}},
    {"funding_class", {"Nguồn kinh phí", "Funding"}},
    {"count", {"Số lượng", "Count"}},
    {"priority_fields", {"Lĩnh vực ưu tiên", "Priority fields"}},
    {"phases", {"Các đợt", "Phases"}},
    {"fields", {"Lĩnh vực", "Fields"}},
    {"opens", {"Từ ngày", "Opens"}},
    {"course", {"Lớp", "Course"}},
    {"field", {"Lĩnh vực", "Field"}},
    {"form", {"Hình thức", "Form"}},
    {"location", {"Trong nước, nước ngoài", "Location"}},
    {"provider", {"Cơ sở đào tạo", "Provider"}},
    {"start", {"Từ ngày", "From"}},
    {"end", {"Đến ngày", "To"}},
    {"capacity", {"Số chỗ", "Capacity"}},
    {"enrollment", {"Học viên", "Enrollment"}},
    {"funding", {"Nguồn kinh phí", "Funding"}},
    {"result", {"Kết quả", "Result"}},
    {"certificate", {"Văn bằng, chứng chỉ", "Certificate"}},
    {"decision", {"Quyết định", "Decision"}},
    {"amount_vnd", {"Số tiền", "Amount"}},
    {"ground", {"Lý do miễn", "Ground"}},
    {"target", {"Bản ghi được đính chính", "Corrects"}},
    {"action", {"Cách đính chính", "Action"}},
    {"replacement", {"Thay bằng", "Replaced by"}},
    {"effective", {"Ngày hiệu lực", "Effective"}},
    {"trainee_turns", {"Lượt học viên", "Trainee-turns"}},
    {"classes", {"Số lớp", "Classes"}},
    {"targets", {"Mục tiêu", "Targets"}},
};

// Glossary §4: title, and what is checked.
struct RuleWords {
  Bilingual title;
  Bilingual description;
};
constexpr RuleWords kRules[] = {
    // AGE_LIMIT
    {{"Quá tuổi khi cử đi đào tạo sau đại học", "Over the age limit for postgraduate training"},
     {"lần đầu được cử đi đào tạo sau đại học khi đã quá 40 tuổi (NĐ 101/2017), 45 tuổi (NĐ 171/2025)",
      "first sent to postgraduate training over the age of 40 (Decree 101/2017) or 45 (Decree 171/2025)"}},
    // BUDGET_EXCEEDED
    {{"Vượt dự toán kinh phí của kế hoạch", "Over the plan's budget"},
     {"kinh phí đã quyết định vượt dự toán của kế hoạch", "the funding decided exceeds the plan's budget"}},
    // DATE_INCONSISTENT
    {{"Ngày tháng không nhất quán", "Inconsistent dates"},
     {"kết quả học tập trước ngày khai giảng, cử đi học sau ngày bế giảng",
      "a result before the course starts, or sent after it ended"}},
    // DROPPED_OUT
    {{"Tự ý bỏ học", "Dropped out"},
     {"tự ý bỏ học, bỏ việc trong thời gian đào tạo; phải đền bù chi phí đào tạo",
      "left the course or the job during publicly funded training; training costs to be repaid"}},
    // DUPLICATE_FUNDING
    {{"Trùng quyết định cấp kinh phí", "Funding decided twice"},
     {"hai quyết định cấp kinh phí cho một học viên", "two funding decisions for one enrollment"}},
    // FAILED
    {{"Không được cấp văn bằng tốt nghiệp (đào tạo) / Không hoàn thành khóa học (bồi dưỡng)",
      "No degree awarded (training) / Course not completed (fostering)"},
     {"đào tạo bằng ngân sách/kinh phí đơn vị: phải đền bù chi phí đào tạo",
      "publicly funded degree training: training costs to be repaid"}},
    // FUNDING_WITHOUT_ENROLLMENT
    {{"Cấp kinh phí không có người học", "Funding without a trainee"},
     {"cấp kinh phí cho học viên không có hoặc đã thôi học", "funding for an enrollment that does not exist or was withdrawn"}},
    // MISSING_REFERENCE
    {{"Thiếu dữ liệu gốc", "Missing record"},
     {"bản ghi nêu đối tượng chưa được khai báo", "a record names something never registered"}},
    // NOT_IN_PLAN
    {{"Cử đi học không có trong kế hoạch", "Sent to training not in the plan"},
     {"không có trong danh sách được duyệt, kể cả tự túc kinh phí",
      "not on the approved list, self-funded training included"}},
    // NOT_PRIORITY_FIELD
    {{"Không thuộc lĩnh vực ưu tiên", "Not a priority field"},
     {"đào tạo bằng ngân sách/kinh phí đơn vị ngoài các lĩnh vực ưu tiên của kế hoạch",
      "publicly funded degree training outside the plan's priority fields"}},
    // OUTSIDE_PHASE
    {{"Khai giảng trước khi mở đợt", "Started before its phase opened"},
     {"lớp khai giảng trước ngày mở đợt của lĩnh vực", "the course starts before its field's phase opens"}},
    // OVERDUE
    {{"Quá hạn chưa có kết quả học tập", "Result overdue"},
     {"quá 30 ngày sau ngày bế giảng chưa có kết quả", "no result more than 30 days after the course ended"}},
    // QUOTA_EXCEEDED
    {{"Vượt chỉ tiêu", "Over the quota"},
     {"theo trình độ, nguồn kinh phí, trong nước/nước ngoài", "by program, funding and location"}},
    // SERVICE_BREACH
    {{"Chưa phục vụ đủ thời gian đã cam kết", "Left before serving the committed time"},
     {"nghỉ việc trước khi phục vụ đủ thời gian cam kết; đền bù theo thời gian còn thiếu",
      "left service before the commitment ended; repayment for the time still owed"}},
    // UNIT_DISSOLVED
    {{"Đơn vị không còn hoạt động", "Unit no longer operating"},
     {"bản ghi nêu đơn vị đã sáp nhập, giải thể hoặc kết thúc hoạt động",
      "a record names a unit merged away, dissolved or ended"}},
};

template <typename E>
std::optional<E> FromCode(std::string_view code) {
  std::optional<uint16_t> v = EventSchema::Get().Enum<E>().Value(code);
  if (!v) return std::nullopt;
  return static_cast<E>(*v);
}

}  // namespace

std::string Name(Program v, Lang lang) { return FromTable<Program>(kPrograms, v, lang); }
std::string Name(Funding v, Lang lang) { return FromTable<Funding>(kFundings, v, lang); }
std::string Name(FundingClass v, Lang lang) { return FromTable<FundingClass>(kClasses, v, lang); }
std::string Name(Location v, Lang lang) { return FromTable<Location>(kLocations, v, lang); }
std::string Name(Form v, Lang lang) { return FromTable<Form>(kForms, v, lang); }
std::string Name(Level v, Lang lang) { return FromTable<Level>(kLevels, v, lang); }
std::string Name(Category v, Lang lang) { return FromTable<Category>(kCategories, v, lang); }
std::string Name(schema::Outcome v, Lang lang) { return FromTable<schema::Outcome>(kResults, v, lang); }
std::string Name(schema::Ground v, Lang lang) { return FromTable<schema::Ground>(kGrounds, v, lang); }
std::string Name(schema::ReorgKind v, Lang lang) { return FromTable<schema::ReorgKind>(kReorgKinds, v, lang); }
std::string Name(schema::CorrectionAction v, Lang lang) {
  return FromTable<schema::CorrectionAction>(kActions, v, lang);
}
std::string Name(schema::Kind v, Lang lang) { return FromTable<schema::Kind>(kEntityKinds, v, lang); }
std::string Name(Kind v, Lang lang) { return Tr(kFindingKinds[static_cast<size_t>(v)], lang); }

std::string FailedName(Program program, Lang lang) {
  return IsDegree(program) ? Tr({"Không được cấp văn bằng tốt nghiệp", "No degree awarded"}, lang)
                           : Tr({"Không hoàn thành khóa học", "Course not completed"}, lang);
}

std::string LevelName(std::string_view code, Lang lang) {
  if (std::optional<Level> l = FromCode<Level>(code)) return Name(*l, lang);
  return code == "unknown" ? Tr(kUnknownLevel, lang) : std::string(code);
}

std::string FormName(std::string_view code, Lang lang) {
  if (std::optional<Form> f = FromCode<Form>(code)) return Name(*f, lang);
  return std::string(code);
}

std::string FieldName(std::string_view code, Lang lang) {
  for (const Coded& f : kFields) {
    if (f.code == code) return Tr(f.name, lang);
  }
  return std::string(code);
}

std::string EnumValueName(const EnumInfo& e, std::string_view code, Lang lang) {
  std::optional<uint16_t> v = e.Value(code);
  if (!v) return std::string(code);
  auto is = [&](auto tag) { return e.schema == capnp::Schema::from<decltype(tag)>(); };
  if (is(Program{})) return Name(static_cast<Program>(*v), lang);
  if (is(Funding{})) return Name(static_cast<Funding>(*v), lang);
  if (is(FundingClass{})) return Name(static_cast<FundingClass>(*v), lang);
  if (is(Location{})) return Name(static_cast<Location>(*v), lang);
  if (is(Form{})) return Name(static_cast<Form>(*v), lang);
  if (is(Level{})) return Name(static_cast<Level>(*v), lang);
  if (is(Category{})) return Name(static_cast<Category>(*v), lang);
  if (is(schema::Outcome{})) return Name(static_cast<schema::Outcome>(*v), lang);
  if (is(schema::Ground{})) return Name(static_cast<schema::Ground>(*v), lang);
  if (is(schema::ReorgKind{})) return Name(static_cast<schema::ReorgKind>(*v), lang);
  if (is(schema::CorrectionAction{})) return Name(static_cast<schema::CorrectionAction>(*v), lang);
  if (is(schema::Kind{})) return Name(static_cast<schema::Kind>(*v), lang);
  return std::string(code);
}

std::vector<GroupTally> ByFieldName(std::vector<GroupTally> fields, Lang lang) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(icu::Locale(lang == Lang::kVi ? "vi" : "en"), status));
  std::vector<std::pair<std::string, GroupTally>> named;
  for (GroupTally& g : fields) named.emplace_back(FieldName(g.key, lang), std::move(g));
  std::stable_sort(named.begin(), named.end(), [&](const auto& a, const auto& b) {
    if (U_SUCCESS(status)) {
      UErrorCode cmp = U_ZERO_ERROR;
      UCollationResult r = collator->compareUTF8(a.first, b.first, cmp);
      if (U_SUCCESS(cmp) && r != UCOL_EQUAL) return r == UCOL_LESS;
    } else if (a.first != b.first) {
      return a.first < b.first;
    }
    return a.second.key < b.second.key;
  });
  std::vector<GroupTally> out;
  for (auto& [name, g] : named) out.push_back(std::move(g));
  return out;
}

std::string EventTypeName(uint16_t which, Lang lang) {
  if (which < std::size(kEventTypes)) return Tr(kEventTypes[which], lang);
  const TypeInfo* t = EventSchema::Get().TypeOf(which);
  return t != nullptr ? t->name : "?";
}

std::string EventTypeName(std::string_view type, Lang lang) {
  const TypeInfo* t = EventSchema::Get().FindType(type);
  return t != nullptr ? EventTypeName(t->which, lang) : std::string(type);
}

std::string EventFieldName(std::string_view key, Lang lang) {
  for (const Coded& f : kEventFields) {
    if (f.code == key) return Tr(f.name, lang);
  }
  return std::string(key);
}

std::string RuleTitle(Rule rule, Lang lang) { return Tr(kRules[static_cast<size_t>(rule)].title, lang); }
std::string RuleDescription(Rule rule, Lang lang) { return Tr(kRules[static_cast<size_t>(rule)].description, lang); }

}  // namespace tledger
