#include "tools/cli/finding_catalog.h"

#include <map>

#include "tools/cli/names.h"
#include "tools/cli/shown.h"

namespace tledger {
namespace {

struct Entry {
  Case what;
  Bilingual words;
};

// One entry per case, in Case order. Placeholders: every argument by its
// name (FindingArgs, ForEachArg), shown in the language, and {person},
// {unit}, {successor} (name and id), {cell} (program / funding / location),
// {evidence} (what the record is: a person's registration, a course).
constexpr Entry kCatalog[] = {
    {Case::kAgeLimit,
     {"{person}, học viên {enrollment}, lần đầu được cử đi đào tạo sau đại học (lớp {course}, {program}) khi {age} "
      "tuổi, tính đến ngày khai giảng {start}; quá {limit} tuổi",
      "{person}, enrollment {enrollment}, first sent to postgraduate training (course {course}, {program}) aged {age} "
      "on the course start {start}; over {limit}"}},
    {Case::kBudgetExceeded,
     {"Quyết định {decision} ngày {on} ({amount_vnd}) đưa tổng kinh phí đã quyết định của kế hoạch {plan} lên "
      "{total_vnd}, vượt dự toán {budget_vnd}",
      "Decision {decision} of {on} ({amount_vnd}) brings the funding decided under plan {plan} to {total_vnd}, over "
      "its budget of {budget_vnd}"}},
    {Case::kEnrolledAfterCourseEnd,
     {"{person}, học viên {enrollment}, được cử đi học ngày {on}, sau ngày bế giảng {end} của lớp {course}",
      "{person}, enrollment {enrollment}, sent to training on {on}, after course {course} ended on {end}"}},
    {Case::kCompletedBeforeCourseStart,
     {"Kết quả học tập của {person}, học viên {enrollment}, ghi ngày {on}, trước ngày khai giảng {start} của lớp "
      "{course}",
      "The result of {person}, enrollment {enrollment}, is dated {on}, before course {course} started on {start}"}},
    {Case::kDroppedOut,
     {"{person}, học viên {enrollment}, lớp {course} ({program}), tự ý bỏ học trong thời gian đào tạo: thôi học ngày "
      "{on}, sau ngày khai giảng {start}",
      "{person}, enrollment {enrollment}, course {course} ({program}), dropped out during the training: withdrawn on "
      "{on}, after the course began on {start}"}},
    {Case::kDroppedOutNotCovered,
     {"{person}, học viên {enrollment}, lớp {course} ({program}), tự ý bỏ học trong thời gian đào tạo: thôi học ngày "
      "{on}, sau ngày khai giảng {start}",
      "{person}, enrollment {enrollment}, course {course} ({program}), dropped out during the training: withdrawn on "
      "{on}, after the course began on {start}"}},
    {Case::kDuplicateFunding,
     {"Quyết định {decision} ngày {on} ({amount_vnd}) cấp kinh phí lần nữa cho học viên {enrollment}, đã được cấp "
      "theo quyết định {first_decision}",
      "Decision {decision} of {on} ({amount_vnd}) funds enrollment {enrollment} again, already funded by decision "
      "{first_decision}"}},
    {Case::kFailedDegree,
     {"{person}, học viên {enrollment}, lớp {course} ({program}), không được cơ sở đào tạo cấp văn bằng tốt nghiệp "
      "(kết quả ngày {on})",
      "{person}, enrollment {enrollment}, course {course} ({program}), was not awarded the degree (result of {on})"}},
    {Case::kFailedDegreeNotCovered,
     {"{person}, học viên {enrollment}, lớp {course} ({program}), không được cơ sở đào tạo cấp văn bằng tốt nghiệp "
      "(kết quả ngày {on})",
      "{person}, enrollment {enrollment}, course {course} ({program}), was not awarded the degree (result of {on})"}},
    {Case::kFailedFostering,
     {"{person}, học viên {enrollment}, lớp {course} ({program}), không hoàn thành khóa học (kết quả ngày {on})",
      "{person}, enrollment {enrollment}, course {course} ({program}), did not complete the course (result of "
      "{on})"}},
    {Case::kFailedCourseUnknown,
     {"{person}, học viên {enrollment}, có kết quả không hoàn thành ngày {on}; lớp {course} chưa được khai báo nên "
      "chưa xác định được trình độ, chương trình",
      "{person}, enrollment {enrollment}, has a failed result of {on}; course {course} is not registered, so its "
      "program is not known"}},
    {Case::kFundingUnknownEnrollment,
     {"Quyết định cấp kinh phí {decision} ngày {on} ({amount_vnd}) cho học viên {enrollment}, nhưng đến ngày đó chưa "
      "có ai được cử đi học với mã này",
      "Funding decision {decision} of {on} ({amount_vnd}) for enrollment {enrollment}, which does not exist on that "
      "day"}},
    {Case::kFundingWithdrawnEnrollment,
     {"Quyết định cấp kinh phí {decision} ngày {on} ({amount_vnd}) cho học viên {enrollment}: {person}, người đã "
      "thôi học từ ngày {withdrawn}",
      "Funding decision {decision} of {on} ({amount_vnd}) for enrollment {enrollment}: {person}, withdrawn on "
      "{withdrawn}"}},
    {Case::kMissingReference,
     {"Bản ghi “{event_type}” ngày {on} nêu {missing_kind} {missing}, nhưng chưa có bản ghi nào khai báo "
      "{missing_kind} này",
      "The record “{event_type}” of {on} names {missing_kind} {missing}, which no record registers"}},
    {Case::kNotInPlan,
     {"{person}, học viên {enrollment}, được cử đi học lớp {course} ({program}) ngày {on}, nhưng không có trong danh "
      "sách được duyệt cử đi đào tạo, bồi dưỡng theo kế hoạch {plan}",
      "{person}, enrollment {enrollment}, sent to course {course} ({program}) on {on}, but not on the list approved "
      "under plan {plan}"}},
    {Case::kNotPriorityField,
     {"{person}, học viên {enrollment}, học {program}, lĩnh vực {field}, bằng ngân sách/kinh phí đơn vị, không thuộc "
      "lĩnh vực ưu tiên của kế hoạch {plan}",
      "{person}, enrollment {enrollment}, studies for {program} in {field} on public funds, not a priority field of "
      "plan {plan}"}},
    {Case::kOutsidePhase,
     {"Lớp {course} (lĩnh vực {field}) khai giảng ngày {start}, trước ngày mở đợt {opens}; học viên {enrollment}: "
      "{person}",
      "Course {course} ({field}) starts on {start}, before its phase opens on {opens}; enrollment {enrollment}: "
      "{person}"}},
    {Case::kOverdue,
     {"Lớp {course} bế giảng ngày {end}, đã quá {days} ngày chưa có kết quả học tập của {person}, học viên "
      "{enrollment}",
      "Course {course} ended on {end}; more than {days} days later there is no result for {person}, enrollment "
      "{enrollment}"}},
    {Case::kQuotaExceeded,
     {"{person}, học viên {enrollment}, là người thứ {nth} được cử đi học theo chỉ tiêu {cell} của kế hoạch {plan}, "
      "vượt chỉ tiêu {quota}",
      "{person}, enrollment {enrollment}, is number {nth} sent under the {cell} quota of plan {plan}, over the quota "
      "of {quota}"}},
    {Case::kServiceBreach,
     {"{person}, học viên {enrollment}, lớp {course} ({program}), nghỉ việc ngày {on}, sau {t2} tháng công tác kể từ "
      "khi hoàn thành khóa học ngày {completed}; chưa phục vụ đủ {t1} tháng đã cam kết ({factor} lần thời gian đào "
      "tạo)",
      "{person}, enrollment {enrollment}, course {course} ({program}), left service on {on}, {t2} months after "
      "completing on {completed}; short of the {t1} months committed ({factor} times the training time)"}},
    {Case::kServiceBreachNotCovered,
     {"{person}, học viên {enrollment}, lớp {course} ({program}), nghỉ việc ngày {on}, sau {t2} tháng công tác kể từ "
      "khi hoàn thành khóa học ngày {completed}; chưa phục vụ đủ {t1} tháng đã cam kết ({factor} lần thời gian đào "
      "tạo)",
      "{person}, enrollment {enrollment}, course {course} ({program}), left service on {on}, {t2} months after "
      "completing on {completed}; short of the {t1} months committed ({factor} times the training time)"}},
    {Case::kUnitMerged,
     {"{evidence} ngày {on} ghi đơn vị {unit}, đơn vị này đã sáp nhập vào {successor} từ ngày {since}",
      "{evidence} of {on} names unit {unit}, merged into {successor} since {since}"}},
    {Case::kUnitRenamed,
     {"{evidence} ngày {on} ghi đơn vị {unit}, đơn vị này đã đổi tên thành {successor} từ ngày {since}",
      "{evidence} of {on} names unit {unit}, renamed {successor} since {since}"}},
    {Case::kUnitDissolved,
     {"{evidence} ngày {on} ghi đơn vị {unit}, đơn vị này đã giải thể từ ngày {since}",
      "{evidence} of {on} names unit {unit}, dissolved since {since}"}},
    {Case::kDistrictEnded,
     {"{evidence} ngày {on} ghi đơn vị {unit}, đơn vị cấp huyện này đã kết thúc hoạt động từ ngày {since}",
      "{evidence} of {on} names unit {unit}, a district, which ceased to operate on {since}"}},
};

// The money of a case where đền bù applies, appended to its words.
constexpr Bilingual kOwed{"; phải đền bù chi phí đào tạo {gross_vnd}, đã nộp {repaid_vnd}, còn phải nộp {outstanding_vnd}",
                          "; training costs to repay {gross_vnd}, repaid {repaid_vnd}, outstanding {outstanding_vnd}"};
constexpr Bilingual kOwedByFormula{
    "; chi phí đền bù {funding_vnd} x ({t1} - {t2}) / {t1} = {gross_vnd} (chưa tính giảm trừ, nếu có), đã nộp "
    "{repaid_vnd}, còn phải nộp {outstanding_vnd}",
    "; to repay {funding_vnd} x ({t1} - {t2}) / {t1} = {gross_vnd} (before any reduction), repaid {repaid_vnd}, "
    "outstanding {outstanding_vnd}"};
constexpr Bilingual kGross{"; phải đền bù chi phí đào tạo {gross_vnd}", "; training costs to repay {gross_vnd}"};
constexpr Bilingual kGrossByFormula{
    "; chi phí đền bù {funding_vnd} x ({t1} - {t2}) / {t1} = {gross_vnd} (chưa tính giảm trừ, nếu có)",
    "; to repay {funding_vnd} x ({t1} - {t2}) / {t1} = {gross_vnd} (before any reduction)"};
constexpr Bilingual kExempted{"; được miễn đền bù chi phí đào tạo (lý do: {ground}; bản ghi {exemption})",
                              "; exempted from repaying the training costs ({ground}; record {exemption})"};
// legal.md: NĐ 171/2025's own formula was not found.
constexpr Bilingual kFormula2025{
    "; công thức của NĐ 101/2017 với thời gian cam kết gấp 3 lần, do chưa tìm thấy công thức riêng của NĐ 171/2025",
    "; Decree 101/2017's formula with the 3x commitment, no formula of Decree 171/2025's own having been found"};

// The compensation list's "Cách tính" (AmountFormula) and exemption.
constexpr Bilingual kFormulaWhole{"toàn bộ chi phí đào tạo F = {funding_vnd}",
                                  "the whole cost of training F = {funding_vnd}"};
constexpr Bilingual kFormulaService{
    "S = F x (T1 - T2) / T1 = {funding_vnd} x ({t1} - {t2}) / {t1} = {gross_vnd} (T1, T2 tính bằng tháng; làm tròn "
    "xuống đến đồng; chưa tính giảm trừ, nếu có)",
    "S = F x (T1 - T2) / T1 = {funding_vnd} x ({t1} - {t2}) / {t1} = {gross_vnd} (T1, T2 in months; rounded down to "
    "the dong; before any reduction)"};
constexpr Bilingual kExemption{"{ground} (bản ghi {exemption})", "{ground} (record {exemption})"};

// Entity kinds as a sentence names them.
constexpr Bilingual kEntityKindsInText[] = {{"đơn vị", "unit"},   {"cá nhân", "person"},     {"kế hoạch", "plan"},
                                            {"lớp", "course"},    {"học viên", "enrollment"}, {"quyết định", "decision"}};

// "Hồ Thị Thủy (CT-000004)", or the id alone when no name is registered.
std::string Named(const std::string& name, const std::string& id) {
  if (name.empty()) return id;
  return id.empty() ? name : name + " (" + id + ")";
}

std::map<std::string, std::string, std::less<>> Values(const Violation& v, Lang lang) {
  std::map<std::string, std::string, std::less<>> out;
  ForEachArg(v.args, [&](std::string_view name, const ArgValue& value) {
    std::string shown = std::visit(
        [&](const auto& x) -> std::string {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::string>) {
            return name == "field" ? FieldName(x, lang) : x;
          } else if constexpr (std::is_same_v<T, Date>) {
            return DateShown(x, lang);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            return Number(x, lang);
          } else if constexpr (std::is_same_v<T, Vnd>) {
            return Money(x.vnd, lang);
          } else if constexpr (std::is_same_v<T, EventType>) {
            return EventTypeName(x.which, lang);
          } else if constexpr (std::is_same_v<T, schema::Kind>) {
            size_t i = static_cast<size_t>(x);
            return i < std::size(kEntityKindsInText) ? Tr(kEntityKindsInText[i], lang) : CodeName(x);
          } else if constexpr (std::is_same_v<T, PlanDocument>) {
            return x.plan;
          } else {
            return Name(x, lang);
          }
        },
        value);
    out.emplace(name, std::move(shown));
  });
  const FindingArgs& a = v.args;
  out["person"] = Named(a.person_name, a.person);
  out["unit"] = Named(a.unit_name, a.unit);
  out["successor"] = Named(a.successor_name, a.successor);
  if (a.program && a.funding_class && a.location) {
    out["cell"] = Name(*a.program, lang) + " / " + Name(*a.funding_class, lang) + " / " + Name(*a.location, lang);
  }
  if (!a.course.empty() && a.event_type == schema::Body::COURSE_OPENED) {
    out["evidence"] = Tr({"Lớp {}", "Course {}"}, lang, a.course);
  } else if (a.event_type) {
    out["evidence"] = EventTypeName(*a.event_type, lang) + Tr({" của ", " of "}, lang) + out["person"];
  }
  return out;
}

// `words` with every {name} replaced by its value ("?" for a value the
// finding lacks: the tests render every case and refuse a "?").
std::string Fill(std::string_view words, const std::map<std::string, std::string, std::less<>>& values) {
  std::string out;
  for (size_t i = 0; i < words.size();) {
    size_t open = words.find('{', i);
    if (open == std::string_view::npos) {
      out.append(words.substr(i));
      break;
    }
    size_t close = words.find('}', open);
    out.append(words.substr(i, open - i));
    auto it = values.find(words.substr(open + 1, close - open - 1));
    out += it != values.end() ? it->second : "?";
    i = close + 1;
  }
  return out;
}

std::string_view Words(const Bilingual& b, Lang lang) { return lang == Lang::kVi ? b.vi : b.en; }

// "điểm a khoản 2 Điều 8" / "Point a, Clause 2, Article 8".
std::string Provision(const Citation& c, Lang lang) {
  std::string out;
  if (lang == Lang::kVi) {
    if (c.point != '\0') out += std::string("điểm ") + c.point + " ";
    if (c.clause != 0) out += "khoản " + std::to_string(c.clause) + " ";
    return out + "Điều " + std::to_string(c.article);
  }
  if (c.point != '\0') out += std::string("Point ") + c.point + ", ";
  if (c.clause != 0) out += "Clause " + std::to_string(c.clause) + ", ";
  return out + "Article " + std::to_string(c.article);
}

// The plan's decision as cited: "KH 245/KH-UBND ngày 02/10/2025 của Thành
// phố Cần Thơ (Kế hoạch ...)" at first mention, "KH 245/KH-UBND" after.
std::string PlanCitation(const PlanDocument& d, Lang lang, bool full) {
  std::string number = !d.source.empty() ? d.source : Tr({"kế hoạch {}", "plan {}"}, lang, d.plan);
  if (!full) return number;
  std::string out = number + Tr({" ngày {}", " of {}"}, lang, DateShown(d.issued, lang));
  if (!d.issuer_name.empty()) out += Tr({" của {}", ", {}"}, lang, d.issuer_name);
  if (!d.title.empty()) out += " (" + d.title + ")";
  return out;
}

std::string InstrumentText(Instrument i, Lang lang, bool full) {
  const InstrumentInfo& info = InstrumentOf(i);
  return std::string(lang == Lang::kVi ? (full ? info.full_vi : info.short_vi) : (full ? info.full_en : info.short_en));
}

constexpr Bilingual kRolePrefix[] = {
    {"", ""}, {"mức đền bù: ", "amount: "}, {"thời gian cam kết: ", "commitment: "}, {"miễn đền bù: ", "exemptions: "}};

// A citation of `instrument` as a document shows it: full or short.
std::string Cited(const Violation& v, Instrument instrument, const std::string& provisions, Lang lang, bool full) {
  std::string what = instrument == Instrument::kPlanDecision
                         ? (v.args.plan_document ? PlanCitation(*v.args.plan_document, lang, full)
                                                 : Tr({"kế hoạch {}", "plan {}"}, lang, v.plan))
                         : InstrumentText(instrument, lang, full);
  if (provisions.empty()) return what;
  return lang == Lang::kVi ? provisions + " " + what : provisions + " of " + what;
}

std::string MemoryKey(const Violation& v, Instrument i) {
  return i == Instrument::kPlanDecision ? "plan:" + v.plan : std::string(InstrumentOf(i).code);
}

}  // namespace

std::string CaseTitle(Case c, Lang lang) {
  switch (c) {
    case Case::kFailedDegree:
    case Case::kFailedDegreeNotCovered: return FailedName(Program::PHD, lang);
    case Case::kFailedFostering: return FailedName(Program::JOB_POSITION, lang);
    default: return RuleTitle(RuleOf(c), lang);
  }
}

std::string FindingText(const Violation& v, Lang lang) {
  auto values = Values(v, lang);
  std::string out = Fill(Words(kCatalog[static_cast<size_t>(v.what)].words, lang), values);
  const FindingArgs& a = v.args;
  if (!a.gross_vnd) return out;  // no đền bù: say nothing of money
  bool formula = v.what == Case::kServiceBreach;
  if (!a.exemption.empty()) {
    if (*a.gross_vnd > 0) out += Fill(Words(formula ? kGrossByFormula : kGross, lang), values);
    out += Fill(Words(kExempted, lang), values);
  } else if (*a.gross_vnd > 0) {
    out += Fill(Words(formula ? kOwedByFormula : kOwed, lang), values);
  }
  if (formula && *a.gross_vnd > 0 && v.rulebook == Rulebook::k2025) out += Words(kFormula2025, lang);
  return out;
}

std::string AmountFormula(const Violation& v, Lang lang) {
  if (!v.args.gross_vnd || !v.args.funding_vnd) return "";
  auto values = Values(v, lang);
  if (v.what != Case::kServiceBreach) return Fill(Words(kFormulaWhole, lang), values);
  std::string out = Fill(Words(kFormulaService, lang), values);
  if (v.rulebook == Rulebook::k2025) out += Words(kFormula2025, lang);
  return out;
}

std::string ExemptionText(const Violation& v, Lang lang) {
  return v.args.exemption.empty() ? "" : Fill(Words(kExemption, lang), Values(v, lang));
}

std::string CitationText(const Violation& v, Lang lang, CitationMemory* memory) {
  std::span<const Citation> cites = BasisOf(v.basis).citations;
  std::string out;
  for (size_t i = 0; i < cites.size();) {
    // Provisions of one role and instrument side by side: "Điều 6, Điều 7 NĐ 171/2025".
    size_t j = i;
    std::string provisions;
    for (; j < cites.size() && cites[j].role == cites[i].role && cites[j].instrument == cites[i].instrument; ++j) {
      if (cites[j].article != 0) provisions += (provisions.empty() ? "" : ", ") + Provision(cites[j], lang);
    }
    bool full = memory != nullptr && memory->FirstMention(MemoryKey(v, cites[i].instrument));
    if (!out.empty()) out += "; ";
    out += std::string(Words(kRolePrefix[static_cast<size_t>(cites[i].role)], lang)) +
           Cited(v, cites[i].instrument, provisions, lang, full);
    i = j;
  }
  return out;
}

std::vector<CitationPart> CitationParts(const Violation& v, Lang lang) {
  std::vector<CitationPart> out;
  for (const Citation& c : BasisOf(v.basis).citations) {
    CitationPart p;
    p.instrument = std::string(InstrumentOf(c.instrument).code);
    p.article = c.article;
    p.clause = c.clause;
    p.point = c.point;
    p.role = std::string(RoleName(c.role));
    p.confidence = std::string(ConfidenceName(c.confidence));
    std::string provision = c.article != 0 ? Provision(c, lang) : "";
    p.citation = Cited(v, c.instrument, provision, lang, false);
    p.full = Cited(v, c.instrument, provision, lang, true);
    p.quote = std::string(c.quote_vi);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace tledger
