#include "tools/verify/verify_summary.h"

#include <fmt/format.h>

#include "core/base64.h"
#include "core/printable.h"

namespace tledger {
namespace {

std::string_view ClassWords(Disagreeing what, Lang lang) {
  const bool vi = lang == Lang::kVi;
  switch (what) {
    case Disagreeing::kFormat: return vi ? "cấu trúc gói" : "the bundle's structure";
    case Disagreeing::kEvent: return vi ? "sự kiện" : "an event";
    case Disagreeing::kProofHash: return vi ? "hash của bằng chứng thuộc cây" : "a hash of an inclusion proof";
    case Disagreeing::kNoteBody: return vi ? "nội dung checkpoint" : "the checkpoint's text";
    case Disagreeing::kSignature: return vi ? "chữ ký" : "a signature";
    case Disagreeing::kRulebookVersion: return vi ? "phiên bản bộ quy tắc" : "the rulebook version";
    case Disagreeing::kReport: return vi ? "số liệu báo cáo" : "the report's numbers";
    case Disagreeing::kViolations: return vi ? "danh sách vi phạm" : "the violations";
    case Disagreeing::kStatement: return vi ? "bản xác nhận của sổ" : "the ledger's statement";
  }
  return "?";
}

// dd/mm/yyyy in Vietnamese, YYYY-MM-DD in English.
std::string DateText(Date d, Lang lang) {
  std::string iso = d.ToString();
  if (lang == Lang::kEn) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string Signers(const BundleFacts& f, Lang lang) {
  std::string signed_by, cosigned_by;
  for (const note::VerifiedSignature& s : f.signers) {
    std::string label = Escaped(note::KeyLabel(s.key.name, s.key.id));
    if (s.timestamp) {
      std::string when = std::to_string(*s.timestamp);
      if (*s.timestamp < static_cast<uint64_t>(INT64_MAX / 1'000'000) &&
          InstantInRange(static_cast<Timestamp>(*s.timestamp) * 1'000'000)) {
        when = FormatInstant(static_cast<Timestamp>(*s.timestamp) * 1'000'000);
      }
      cosigned_by += fmt::format("{}{} {} {}", cosigned_by.empty() ? "" : ", ", label, lang == Lang::kVi ? "lúc" : "at", when);
    } else {
      signed_by += (signed_by.empty() ? "" : ", ") + label;
    }
  }
  if (lang == Lang::kVi) return "ký bởi " + signed_by + (cosigned_by.empty() ? "" : "; đồng ký (nhân chứng) bởi " + cosigned_by);
  return "signed by " + signed_by + (cosigned_by.empty() ? "" : "; cosigned (witnesses) by " + cosigned_by);
}

std::string SeqList(const std::vector<uint64_t>& seqs) {
  std::string out;
  for (uint64_t s : seqs) out += (out.empty() ? "" : ", ") + std::to_string(s);
  return out;
}

std::string RuleList(const std::vector<std::string>& rules) {
  std::string out;
  for (const std::string& r : rules) out += (out.empty() ? "" : ", ") + Escaped(r);
  return out;
}

}  // namespace

std::string Summary(const BundleFacts& f, Lang lang, std::string_view verifier) {
  const std::string origin = Escaped(f.origin);
  const std::string plan = f.plan ? Quoted(*f.plan) : "";
  std::string out;
  if (lang == Lang::kVi) {
    out += f.full ? "tledger-verify: gói bằng chứng hợp lệ, mọi kiểm tra đều khớp\n"
                  : "tledger-verify: gói bằng chứng một phần hợp lệ, mọi kiểm tra đều khớp\n";
    out += fmt::format("  sổ cái {}: checkpoint {} sự kiện, gốc cây Merkle {}\n", origin, f.size, Base64(f.root));
    out += fmt::format("  checkpoint {}\n", Signers(f, lang));
    if (f.full) {
      out += fmt::format("  sự kiện: đủ {} sự kiện, chuỗi băm liền mạch; gốc cây tính lại khớp với checkpoint đã ký\n",
                         f.events);
      out += fmt::format("  báo cáo ngày {}{}, theo dữ liệu biết đến {}: tính lại từ các sự kiện, khớp từng byte\n",
                         DateText(f.as_of, lang), f.plan ? ", kế hoạch " + plan : "", FormatInstant(f.known_at));
      out += fmt::format("  vi phạm: {}, tính lại, khớp từng byte\n", f.violations);
    } else {
      out += fmt::format("  bằng chứng của sự kiện {}: {} sự kiện (seq {}), mỗi sự kiện có bằng chứng thuộc cây đã ký\n",
                         Quoted(*f.evidence), f.events, SeqList(f.evidence_seqs));
      out += fmt::format("  vi phạm dựa trên sự kiện đó: {} (trong danh sách {} vi phạm ngày {} do sổ ký xác nhận)\n",
                         RuleList(f.evidence_rules), f.violations, DateText(f.as_of, lang));
      out += "  lưu ý: gói một phần chứng minh các sự kiện trên thuộc sổ tại checkpoint này, nguyên vẹn; không "
             "chứng minh là không còn sự kiện nào khác liên quan (tính đầy đủ). Báo cáo và danh sách vi phạm là "
             "xác nhận có chữ ký của sổ, không được tính lại; gói đầy đủ (không có --evidence) thì tính lại được\n";
    }
    out += fmt::format("  bộ quy tắc {}; lập bởi {}; kiểm tra bởi {}\n", Escaped(f.rulebook), Escaped(f.made_by), verifier);
    return out;
  }
  out += f.full ? "tledger-verify: the evidence bundle checks out; every check agrees\n"
                : "tledger-verify: the partial evidence bundle checks out; every check agrees\n";
  out += fmt::format("  ledger {}: checkpoint of {} events, Merkle root {}\n", origin, f.size, Base64(f.root));
  out += fmt::format("  checkpoint {}\n", Signers(f, lang));
  if (f.full) {
    out += fmt::format("  events: all {}, the hash chain unbroken; the tree recomputed gives the signed root\n", f.events);
    out += fmt::format("  report as of {}{}, known at {}: recomputed from the events, equal byte for byte\n",
                       DateText(f.as_of, lang), f.plan ? ", plan " + plan : "", FormatInstant(f.known_at));
    out += fmt::format("  violations: {}, recomputed, equal byte for byte\n", f.violations);
  } else {
    out += fmt::format("  evidence of event {}: {} events (seq {}), each with its inclusion proof in the signed tree\n",
                       Quoted(*f.evidence), f.events, SeqList(f.evidence_seqs));
    out += fmt::format("  findings on that evidence: {} (among the {} violations as of {} the ledger signs)\n",
                       RuleList(f.evidence_rules), f.violations, DateText(f.as_of, lang));
    out += "  note: a partial bundle proves that the events above are in the ledger at this checkpoint, unaltered; it "
           "cannot prove that no other event bears on them (completeness). The report and violations are the "
           "ledger's signed statement, not recomputed; a full bundle (without --evidence) recomputes them\n";
  }
  out += fmt::format("  rulebook {}; made by {}; checked by {}\n", Escaped(f.rulebook), Escaped(f.made_by), verifier);
  return out;
}

std::string DisagreementLine(const Disagreement& d, Lang lang) {
  return fmt::format("tledger-verify: {} [{}] {}: {}\n", lang == Lang::kVi ? "KHÔNG KHỚP" : "DISAGREEMENT", Token(d.what),
                     ClassWords(d.what, lang), Escaped(d.detail));
}

}  // namespace tledger
