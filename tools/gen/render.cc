// The interchange form of each event (shared/spec/events.md), written
// straight into the line buffer.
#include "tools/gen/simulation.h"
#include "tools/gen/vocab.h"

namespace tledger::gen {
namespace {

void RenderQuotas(JsonLine& j, const std::vector<QuotaCell>& cells) {
  j.OpenArray("quotas");
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) j.Comma();
    j.OpenObject();
    j.Plain("program", kPrograms[cells[i].program].code);
    j.Plain("funding_class", kClassCodes[cells[i].klass]);
    j.Plain("location", kLocationCodes[cells[i].location]);
    j.Int("count", cells[i].quota);
    j.CloseObject();
  }
  j.CloseArray();
}

void RenderFields(JsonLine& j, std::string_view key, const std::vector<uint8_t>& fields) {
  j.OpenArray(key);
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) j.Comma();
    j.AppendPlain(kFields[fields[i]].code);
  }
  j.CloseArray();
}

std::string PlanTitle(const Plan& p, bool central, int year) {
  std::string y = std::to_string(year);
  if (central) return "Kế hoạch đào tạo, bồi dưỡng công chức, viên chức Bộ Nội vụ năm " + y;
  if (p.round == 1) return "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm " + y + " sau sắp xếp đơn vị hành chính";
  return "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm " + y;
}

}  // namespace

uint8_t CorrectionReason(Act kind) {
  switch (kind) {
    case Act::kUnitRegistered: return kReasonUnitName;
    case Act::kPersonRegistered: return kReasonName;
    case Act::kPersonLeft:
    case Act::kWithdrawal: return kReasonText;
    case Act::kQualification: return kReasonProgram;
    case Act::kPlanIssued: return kReasonPlanTitle;
    case Act::kCourseOpened: return kReasonCourse;
    case Act::kEnrollment:
    case Act::kFundingDecided: return kReasonFunding;
    case Act::kCompletion: return kReasonCertificate;
    default: return kReasonGeneric;
  }
}

bool Simulation::Correctable(const Action& a) const {
  if (a.flags & (kBadRef | kRetractLater)) return false;
  switch (a.kind) {
    case Act::kUnitRegistered:
    case Act::kPersonRegistered:
    case Act::kPersonLeft:
    case Act::kQualification:
    case Act::kPlanIssued:
    case Act::kCourseOpened:
    case Act::kEnrollment:
    case Act::kWithdrawal:
    case Act::kFundingDecided: return true;
    case Act::kCompletion: return a.doc != 0;  // a certificate number to mistype
    case Act::kCorrection: return !slots_[static_cast<size_t>(a.a)].retract;
    default: return false;
  }
}

void Simulation::AppendPersonId(std::string& out, int32_t person, bool bad) const {
  const Person& p = persons_[static_cast<size_t>(person)];
  out += geo_.provinces[static_cast<size_t>(p.code_province)].code;
  out += '-';
  AppendNumber(out, p.number, bad ? 7 : 6);  // a digit too many: nobody's id
}

void Simulation::AppendEnrollmentId(std::string& out, int32_t course, int32_t ordinal, bool bad) const {
  out += courses_[static_cast<size_t>(course)].id;
  out += '-';
  AppendNumber(out, static_cast<uint64_t>(ordinal), bad ? 4 : 3);
}

void Simulation::AppendDecisionId(std::string& out, int32_t course, uint32_t number, bool bad) const {
  const Plan& p = plans_[static_cast<size_t>(courses_[static_cast<size_t>(course)].plan)];
  out += "QĐ ";
  AppendNumber(out, number, 0);
  out += geo_.provinces[static_cast<size_t>(p.issuer)].central ? "/QĐ-BNV " : bad ? "/QĐ-UBNĐ " : "/QĐ-UBND ";
  out += p.id;
}

void Simulation::AppendPersonName(std::string& out, const Person& p, bool typo) const {
  out += kFamilyNames[p.family].text;
  out += ' ';
  if (p.female) {
    out += kFemaleMiddle[p.middle];
    if (p.middle2 != 0xff) {
      out += ' ';
      out += kFemaleSecondMiddle[p.middle2];
    }
    out += ' ';
    out += kFemaleGiven[(p.given + (typo ? 1 : 0)) % std::size(kFemaleGiven)];
  } else {
    out += kMaleMiddle[p.middle];
    out += ' ';
    out += kMaleGiven[(p.given + (typo ? 1 : 0)) % std::size(kMaleGiven)];
  }
}

void Simulation::Render(const Action& a, uint64_t event_no, bool typo) {
  JsonLine& j = line_;
  j.Begin();
  j.Plain("type", EventTypeName(static_cast<EventType>(a.kind)));
  j.Key("id");
  std::string& b = j.buffer();
  b += "\"ev-";
  AppendNumber(b, event_no, 0);
  b += '"';
  j.Date("effective", a.effective);
  RenderSource(j, a);
  RenderBody(j, a, typo);
  j.End();
}

void Simulation::RenderSource(JsonLine& j, const Action& a) {
  std::string_view prefix = "QĐ ", suffix = "/QĐ-UBND";
  uint32_t number = a.doc;
  switch (a.kind) {
    case Act::kQualification: return;
    case Act::kUnitRegistered:
    case Act::kUnitReorganized: {
      if (a.doc == 0) return;
      int32_t unit;
      if (a.kind == Act::kUnitRegistered) {
        unit = a.a;
      } else {
        const Reorg& r = geo_.reorgs[static_cast<size_t>(a.a)];
        if (r.effective != reorg_day_) return j.Plain("source", "NQ 175/2024/QH15");
        if (r.kind == Reorg::Kind::kDissolve) return j.Plain("source", "Luật 72/2025/QH15");
        unit = r.to;
      }
      const Unit& u = geo_.units[static_cast<size_t>(unit)];
      if (u.level == Level::kProvince) return j.Plain("source", "NQ 202/2025/QH15");
      prefix = "NQ ";
      suffix = "/NQ-UBTVQH15";
      number = 1656 + static_cast<uint32_t>(geo_.provinces[static_cast<size_t>(u.province)].group);
      break;
    }
    case Act::kPlanIssued:
    case Act::kPlanAmended: prefix = "KH "; suffix = "/KH-UBND"; break;
    case Act::kCourseOpened:
    case Act::kWithdrawal: suffix = "/QĐ-SNV"; break;
    case Act::kEnrollment: prefix = "TB "; suffix = "/TB-SNV"; break;
    case Act::kCompletion:
      // The training institution's decision for the whole class.
      number = courses_[static_cast<size_t>(a.a)].doc + 17;
      suffix = "/QĐ-CSĐT";
      break;
    case Act::kFundingDecided: number = static_cast<uint32_t>(a.c); break;
    case Act::kReimbursement: prefix = "GNT "; suffix = "/KBNN"; break;
    case Act::kCorrection: prefix = "CV "; suffix = "/SNV-CCVC"; break;
    default: break;
  }
  if (number == 0) return;
  j.Key("source");
  std::string& b = j.buffer();
  b += '"';
  b += prefix;
  AppendNumber(b, number, 0);
  b += suffix;
  b += '"';
}

void Simulation::RenderBody(JsonLine& j, const Action& a, bool typo) {
  std::string& tmp = id_;
  auto person = [&](std::string_view key, int32_t who, bool bad) {
    tmp.clear();
    AppendPersonId(tmp, who, bad);
    j.Plain(key, tmp);
  };
  auto enrollment = [&](int32_t course, int32_t ordinal, bool bad) {
    tmp.clear();
    AppendEnrollmentId(tmp, course, ordinal, bad);
    j.Plain("enrollment", tmp);
  };
  const bool bad = a.flags & kBadRef;
  switch (a.kind) {
    case Act::kUnitRegistered: {
      const Unit& u = geo_.units[static_cast<size_t>(a.a)];
      j.Plain("unit", u.id);
      std::string_view name = u.name;
      if (typo) name = name.substr(name.find(' ') + 1);  // the kind of unit left out
      j.Str("name", name);
      j.Plain("level", kLevelCodes[static_cast<size_t>(u.level)]);
      if (u.parent < 0) j.Null("parent");
      else j.Plain("parent", geo_.units[static_cast<size_t>(u.parent)].id);
      break;
    }
    case Act::kUnitReorganized: {
      const Reorg& r = geo_.reorgs[static_cast<size_t>(a.a)];
      static constexpr std::string_view kKinds[] = {"merge", "rename", "dissolve"};
      j.Plain("kind", kKinds[static_cast<size_t>(r.kind)]);
      j.OpenArray("from");
      for (size_t i = 0; i < r.from.size(); ++i) {
        if (i > 0) j.Comma();
        j.AppendPlain(geo_.units[static_cast<size_t>(r.from[i])].id);
      }
      j.CloseArray();
      if (r.to < 0) j.Null("to");
      else j.Plain("to", geo_.units[static_cast<size_t>(r.to)].id);
      if (r.kind == Reorg::Kind::kRename) j.Str("name", r.name);
      break;
    }
    case Act::kPersonRegistered: {
      const Person& p = persons_[static_cast<size_t>(a.a)];
      person("person", a.a, false);
      tmp.clear();
      AppendPersonName(tmp, p, typo);
      j.Str("name", tmp);
      j.Plain("category", kCategoryCodes[p.category]);
      j.Plain("unit", geo_.units[static_cast<size_t>(a.b)].id);
      j.Str("position", kPositions[p.position].text);
      j.Bool("leader", kPositions[p.position].leader);
      if (p.birth != kUnknown) j.Date("birth_date", p.birth);
      if (p.hired != kUnknown) j.Date("hired", p.hired);
      break;
    }
    case Act::kPersonTransferred:
      person("person", a.a, false);
      tmp = geo_.units[static_cast<size_t>(a.b)].id;
      if (bad) tmp += 'o';  // a stray letter: no unit id has lowercase letters
      j.Plain("unit", tmp);
      break;
    case Act::kPersonLeft: {
      person("person", a.a, false);
      std::string_view reason = a.small == kRetireReasonCode ? kRetireReason : kResignReasons[a.small];
      if (typo) reason = a.small == kRetireReasonCode ? kResignReasons[0] : kRetireReason;
      j.Str("reason", reason);
      break;
    }
    case Act::kQualification:
      person("person", a.a, bad);
      j.Plain("program", kPrograms[(a.small + (typo ? 1 : 0)) % kProgramCount].code);
      break;
    case Act::kPlanIssued: {
      const Plan& p = plans_[static_cast<size_t>(a.a)];
      const Province& issuer = geo_.provinces[static_cast<size_t>(p.issuer)];
      j.Plain("plan", p.id);
      j.Str("title", PlanTitle(p, issuer.central, typo ? p.year - 1 : p.year));
      j.Plain("issuer", issuer.code);
      j.Int("year", p.year);
      j.Int("budget_vnd", p.budget);
      RenderQuotas(j, p.cells);
      RenderFields(j, "priority_fields", p.priority);
      j.OpenArray("phases");
      for (size_t i = 0; i < p.phases.size(); ++i) {
        if (i > 0) j.Comma();
        j.OpenObject();
        RenderFields(j, "fields", p.phases[i].fields);
        j.Date("opens", p.phases[i].opens);
        j.CloseObject();
      }
      j.CloseArray();
      break;
    }
    case Act::kPlanAmended: {
      const Plan& p = plans_[static_cast<size_t>(a.a)];
      const Amendment& am = p.amendments[static_cast<size_t>(a.b)];
      j.Plain("plan", p.id);
      j.Int("budget_vnd", am.budget);
      if (!am.cells.empty()) RenderQuotas(j, am.cells);
      if (!am.priority.empty()) RenderFields(j, "priority_fields", am.priority);
      break;
    }
    case Act::kNominationApproved:
    case Act::kNominationRevoked:
      j.Plain("plan", plans_[static_cast<size_t>(a.b)].id);
      person("person", a.a, false);
      j.Plain("program", kPrograms[a.small].code);
      break;
    case Act::kCourseOpened: {
      const Course& k = courses_[static_cast<size_t>(a.a)];
      j.Plain("course", k.id);
      j.Plain("plan", plans_[static_cast<size_t>(k.plan)].id);
      j.Str("title", k.title);
      j.Plain("program", kPrograms[k.program].code);
      j.Plain("field", kFields[k.field].code);
      j.Plain("form", kFormCodes[typo && k.capacity < 0 ? k.form ^ 1 : k.form]);
      j.Plain("location", kLocationCodes[k.location]);
      j.Str("provider", providers_[k.provider]);
      j.Date("start", k.start);
      j.Date("end", k.end);
      if (k.capacity >= 0) j.Int("capacity", typo ? k.capacity * 10 : k.capacity);
      if (k.unit >= 0) j.Plain("unit", geo_.units[static_cast<size_t>(k.unit)].id);
      break;
    }
    case Act::kEnrollment:
      enrollment(a.a, a.b, false);
      person("person", a.c, false);
      j.Plain("course", courses_[static_cast<size_t>(a.a)].id);
      j.Plain("funding", kFundingCodes[typo ? SameClassOther(static_cast<uint8_t>(a.small)) : a.small]);
      break;
    case Act::kWithdrawal: {
      enrollment(a.a, a.b, false);
      const bool dropout = a.flags & kDropOut;
      const size_t n = dropout ? std::size(kDropOutReasons) : std::size(kWithdrawReasons);
      const size_t i = (a.small + (typo ? 1 : 0)) % n;
      j.Str("reason", dropout ? kDropOutReasons[i] : kWithdrawReasons[i]);
      break;
    }
    case Act::kCompletion:
      enrollment(a.a, a.b, bad);
      j.Plain("result", a.small ? "failed" : "passed");
      if (a.doc != 0) {
        tmp = kPrograms[courses_[static_cast<size_t>(a.a)].program].cert;
        tmp += '-';
        tmp += DateText::Get().Of(a.effective).substr(0, 4);
        tmp += '-';
        AppendNumber(tmp, a.doc + (typo ? 9 : 0), 6);  // two digits swapped, as clerks do
        j.Plain("certificate", tmp);
      }
      break;
    case Act::kFundingDecided: {
      const Course& k = courses_[static_cast<size_t>(a.a)];
      tmp.clear();
      AppendDecisionId(tmp, a.a, static_cast<uint32_t>(a.c), false);
      j.Plain("decision", tmp);
      j.Plain("plan", plans_[static_cast<size_t>(k.plan)].id);
      if (a.b >= 0) enrollment(a.a, a.b, bad);
      else j.Plain("course", k.id);
      j.Int("amount_vnd", a.amount);
      j.Plain("funding", kFundingCodes[typo ? SameClassOther(static_cast<uint8_t>(a.small)) : a.small]);
      break;
    }
    case Act::kFundingRevoked:
      tmp.clear();
      AppendDecisionId(tmp, a.a, static_cast<uint32_t>(a.c), bad);
      j.Plain("decision", tmp);
      j.Str("reason", kRevokeReasons[a.small]);
      break;
    case Act::kExemption:
      person("person", a.c, false);
      enrollment(a.a, a.b, false);
      j.Plain("ground", kGroundCodes[a.small]);
      break;
    case Act::kReimbursement:
      person("person", a.c, false);
      enrollment(a.a, a.b, false);
      j.Int("amount_vnd", a.amount);
      break;
    case Act::kCorrection: {
      const CorrectionSlot& s = slots_[static_cast<size_t>(a.a)];
      tmp = "ev-";
      AppendNumber(tmp, s.target, 0);
      j.Plain("target", tmp);
      j.Plain("action", s.retract ? "retract" : "replace");
      if (!s.retract) {
        j.Key("replacement");
        j.buffer() += s.replacement;
      }
      j.Str("reason", kCorrectionReasons[typo ? uint8_t{kReasonGeneric} : s.reason]);
      break;
    }
    default: break;
  }
}

}  // namespace tledger::gen
