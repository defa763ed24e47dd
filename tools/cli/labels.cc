#include "tools/cli/labels.h"

#include "core/printable.h"
#include "tools/cli/shown.h"

namespace tledger {

Result<Lang> ParseLang(std::string_view text) {
  if (text == "vi") return Lang::kVi;
  if (text == "en") return Lang::kEn;
  return Status::InvalidInput("--lang: " + Quoted(text) + " is not a language (expected vi or en)");
}

std::string Count(size_t n, const Noun& noun, Lang lang) {
  std::string_view word = lang == Lang::kVi ? noun.vi : n == 1 ? noun.en_one : noun.en_many;
  return Number(static_cast<int64_t>(n), lang) + " " + std::string(word);
}

std::string MeasureLabel(std::string_view measure, Lang lang) {
  struct Entry {
    std::string_view measure;
    Bilingual label;
  };
  // Glossary §5.
  static constexpr Entry kMeasures[] = {
      {"program", {"Trình độ, chương trình", "Program"}},
      {"funding_class", {"Nguồn kinh phí", "Funding"}},
      {"location", {"Trong nước, nước ngoài", "Location"}},
      {"quota", {"Chỉ tiêu", "Quota"}},
      {"enrolled", {"Đã cử đi học", "Enrolled"}},
      {"percent_of_quota", {"% đạt kế hoạch", "% of quota"}},
      {"target_trainee_turns", {"Kế hoạch (lượt học viên)", "Target trainee-turns"}},
      {"target_classes", {"Kế hoạch (số lớp)", "Target classes"}},
      {"percent_of_target", {"% đạt kế hoạch", "% of target"}},
      {"percent_of_plan", {"% đạt kế hoạch", "% of quota or target"}},  // of either, in one column
      {"completed", {"Hoàn thành", "Completed"}},
      {"failed", {"Không hoàn thành, không được cấp văn bằng", "Failed"}},
      {"in_progress", {"Đang học", "In progress"}},
      {"withdrawn", {"Thôi học", "Withdrawn"}},
      {"budget_vnd", {"Dự toán kinh phí", "Budget"}},
      {"public_funding_vnd", {"Kinh phí đã quyết định", "Funding decided"}},
      {"remaining_vnd", {"Còn lại", "Remaining"}},
      {"trainee_turns", {"Lượt học viên", "Trainee-turns"}},
      {"persons", {"Số người", "Persons"}},
      {"classes", {"Số lớp", "Classes"}},
      {"reimbursement_due_vnd", {"Chi phí đền bù còn phải nộp", "Training costs still to be repaid"}},
      {"events_counted", {"Số bản ghi được tính", "Records counted"}},
      {"events", {"Số sự kiện", "Events"}},
  };
  for (const Entry& e : kMeasures) {
    if (e.measure == measure) return Tr(e.label, lang);
  }
  return std::string(measure);
}

std::string RulebookLabel(Rulebook r, Lang lang) {
  const InstrumentInfo& i =
      InstrumentOf(r == Rulebook::k2017 ? Instrument::kDecree101_2017 : Instrument::kDecree171_2025);
  return std::string(lang == Lang::kVi ? i.short_vi : i.short_en);
}

}  // namespace tledger
