// The names a person reads for every code of the interchange form
// (shared/spec/glossary.md §1-4): programs, funding sources and classes,
// domestic/foreign, forms, unit levels, person categories, results,
// exemption grounds, reorganisations, corrections, entity kinds, fields,
// event types and their fields, rules and kinds of finding, in Vietnamese
// (the default) and English. JSON keeps the codes; tables, CSV and every
// line a person reads use these.
//
//   std::string p = Name(Program::PHD, Lang::kVi);            // "Tiến sĩ"
//   std::string f = FieldName("culture_sports_tourism", Lang::kVi);  // "Văn hóa, Thể thao và Du lịch"
//   std::string t = EventTypeName(schema::Body::ENROLLMENT_RECORDED, Lang::kEn);  // "Sent to training"
//
// A code this build does not know (a field code no glossary lists, an
// enumerant of a newer writer) is shown as itself: a name is never made up.
#ifndef TLEDGER_TOOLS_CLI_NAMES_H_
#define TLEDGER_TOOLS_CLI_NAMES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "projections/outcome.h"
#include "tools/cli/labels.h"

namespace tledger {

std::string Name(Program v, Lang lang);
std::string Name(Funding v, Lang lang);
std::string Name(FundingClass v, Lang lang);
std::string Name(Location v, Lang lang);
std::string Name(Form v, Lang lang);
std::string Name(Level v, Lang lang);
std::string Name(Category v, Lang lang);
std::string Name(schema::Outcome v, Lang lang);
std::string Name(schema::Ground v, Lang lang);
std::string Name(schema::ReorgKind v, Lang lang);
std::string Name(schema::CorrectionAction v, Lang lang);
std::string Name(schema::Kind v, Lang lang);
std::string Name(Kind v, Lang lang);  // "vi phạm", "cảnh báo", "sai sót dữ liệu"

// A failed result as the law words it: "Không được cấp văn bằng tốt
// nghiệp" for a degree, "Không hoàn thành khóa học" otherwise.
std::string FailedName(Program program, Lang lang);

// By code, for what the report keeps as text: a level ("central" ...,
// "unknown"), a form, an enumerant of `E` named by its snake_case code.
std::string LevelName(std::string_view code, Lang lang);
std::string FormName(std::string_view code, Lang lang);
// A field of study (glossary §2); the code itself when the glossary has
// no name for it.
std::string FieldName(std::string_view code, Lang lang);

struct EnumInfo;
// An enumerant of any enumeration of core/event.capnp, by its code (the
// code itself for an enumeration or value this build has no name for).
std::string EnumValueName(const EnumInfo& e, std::string_view code, Lang lang);

// Fields of study in the order a reader looks them up: by their names in
// `lang`, collated as the language sorts (ICU: "Đ" after "D", "Â" after
// "A"), codes breaking ties.
std::vector<GroupTally> ByFieldName(std::vector<GroupTally> fields, Lang lang);

// An event type (glossary §3), by its Body union discriminant or its
// interchange name.
std::string EventTypeName(uint16_t which, Lang lang);
std::string EventTypeName(std::string_view type, Lang lang);
// A field of an event in interchange form ("amount_vnd" -> "Số tiền"),
// for `history` and `log`; the key itself when it has no name.
std::string EventFieldName(std::string_view key, Lang lang);

// A rule's title (glossary §4): NOT_IN_PLAN "Cử đi học không có trong kế
// hoạch" / "Sent to training not in the plan"; and what it checks.
std::string RuleTitle(Rule rule, Lang lang);
std::string RuleDescription(Rule rule, Lang lang);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_NAMES_H_
