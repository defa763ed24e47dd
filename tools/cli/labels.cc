#include "tools/cli/labels.h"

#include "core/printable.h"
#include "projections/rules/rules.h"

namespace tledger {

Result<Lang> ParseLang(std::string_view text) {
  if (text == "vi") return Lang::kVi;
  if (text == "en") return Lang::kEn;
  return Status::InvalidInput("--lang: " + Quoted(text) + " is not a language (expected vi or en)");
}

std::string Money(int64_t vnd, Lang lang) { return lang == Lang::kVi ? MoneyVi(vnd) : MoneyEn(vnd); }

std::string RuleDescription(Rule rule, Lang lang) {
  Bilingual b;
  switch (rule) {
    case Rule::kAgeLimit: b = {"Quá tuổi khi cử đi đào tạo sau đại học", "Over the age limit for postgraduate training"}; break;
    case Rule::kBudgetExceeded: b = {"Vượt dự toán kinh phí của kế hoạch", "Over the plan's budget"}; break;
    case Rule::kDateInconsistent: b = {"Ngày tháng không nhất quán", "Inconsistent dates"}; break;
    case Rule::kDroppedOut: b = {"Bỏ học khóa đào tạo bằng kinh phí công", "Dropped out of publicly funded degree training"}; break;
    case Rule::kDuplicateFunding: b = {"Cấp kinh phí công trùng lặp", "Public funding decided twice"}; break;
    case Rule::kFailed: b = {"Không đạt kết quả học tập", "Failed the course"}; break;
    case Rule::kFundingWithoutEnrollment: b = {"Cấp kinh phí không có ghi danh", "Funding without an enrollment"}; break;
    case Rule::kMissingReference: b = {"Tham chiếu đến mã chưa đăng ký", "Reference to an unregistered id"}; break;
    case Rule::kNotInPlan: b = {"Cử đi học không có trong kế hoạch", "Sent to training not in the plan"}; break;
    case Rule::kNotPriorityField: b = {"Không thuộc lĩnh vực ưu tiên", "Not a priority field"}; break;
    case Rule::kOutsidePhase: b = {"Khai giảng trước khi mở đợt", "Course starts before its phase opens"}; break;
    case Rule::kOverdue: b = {"Quá hạn chưa có kết quả học tập", "Overdue: no result recorded"}; break;
    case Rule::kQuotaExceeded: b = {"Vượt chỉ tiêu", "Over the quota"}; break;
    case Rule::kServiceBreach: b = {"Không phục vụ đủ thời gian cam kết", "Left service before the commitment ended"}; break;
    case Rule::kUnitDissolved: b = {"Đơn vị đã sáp nhập hoặc giải thể", "Unit merged away or dissolved"}; break;
  }
  return Tr(b, lang);
}

std::string Count(size_t n, const Noun& noun, Lang lang) {
  std::string_view word = lang == Lang::kVi ? noun.vi : n == 1 ? noun.en_one : noun.en_many;
  return std::to_string(n) + " " + std::string(word);
}

std::string SeverityLabel(Rule rule, Lang lang) {
  return Severity(rule) == "warning" ? Tr({"cảnh báo", "warning"}, lang) : Tr({"lỗi", "error"}, lang);
}

std::string MeasureLabel(std::string_view measure, Lang lang) {
  struct Entry {
    std::string_view measure;
    Bilingual label;
  };
  static constexpr Entry kMeasures[] = {
      {"program", {"Chương trình", "Program"}},
      {"funding_class", {"Nguồn kinh phí", "Funding"}},
      {"location", {"Nơi đào tạo", "Location"}},
      {"quota", {"Chỉ tiêu", "Quota"}},
      {"enrolled", {"Ghi danh", "Enrolled"}},
      {"completed", {"Hoàn thành", "Completed"}},
      {"failed", {"Không đạt", "Failed"}},
      {"in_progress", {"Đang học", "In progress"}},
      {"withdrawn", {"Đã rút", "Withdrawn"}},
      {"budget_vnd", {"Dự toán", "Budget"}},
      {"public_funding_vnd", {"Kinh phí công đã quyết định", "Public funding decided"}},
      {"remaining_vnd", {"Còn lại", "Remaining"}},
      {"trainee_turns", {"Lượt học viên", "Trainee-turns"}},
      {"persons", {"Số người", "Persons"}},
      {"classes", {"Số lớp", "Classes"}},
      {"reimbursement_due_vnd", {"Kinh phí phải bồi hoàn", "Compensation due"}},
      {"events", {"Số sự kiện", "Events"}},
  };
  for (const Entry& e : kMeasures) {
    if (e.measure == measure) return Tr(e.label, lang);
  }
  return std::string(measure);
}

}  // namespace tledger
