// The PDF documents of the demo ledger (tests/demo_fixture.h), read back by
// independent readers: poppler's pdftotext (the words and figures, page by
// page), pdfinfo (the page count), pdftoppm (page 1 as an image) and
// zbarimg (the QR code on it). Issue 11's acceptance for --format pdf: the
// exact figures, the Vietnamese administrative layout, the ledger head and
// "Trang x/y" on every page, the head read back from the QR code.
#include <sys/stat.h>

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/date.h"
#include "tests/demo_fixture.h"

namespace tledger::demo_testing {
namespace {

std::string Quoted(const std::string& s) { return "'" + s + "'"; }

// `tool ARGS`, asserted to succeed: its output.
std::string Run(const std::string& command) {
  RunResult r = RunCommand(command);
  EXPECT_EQ(r.exit_code, 0) << command << ": " << r.output;
  return r.output;
}

// The text of page `page` of `pdf` (all pages when 0), as laid out.
std::string PageText(const fs::path& pdf, int page = 0) {
  std::string range = page == 0 ? "" : " -f " + std::to_string(page) + " -l " + std::to_string(page);
  return Run("pdftotext -layout" + range + " " + Quoted(pdf.string()) + " -");
}

// The text in the order it was drawn (pdftotext -raw), lines joined: a
// cell's text wrapped over lines reads as one (by a space, or by nothing
// after a hyphen inside a word: "KH 245/KH-" + "UBND").
std::string Flowing(const fs::path& pdf) {
  std::string text = Run("pdftotext -raw " + Quoted(pdf.string()) + " -");
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
    } else if (!(i >= 2 && text[i - 1] == '-' && text[i - 2] != ' ')) {
      out += ' ';
    }
  }
  return out;
}

int Pages(const fs::path& pdf) {
  std::string info = Run("pdfinfo " + Quoted(pdf.string()));
  size_t at = info.find("Pages:");
  if (at == std::string::npos) return -1;
  return std::stoi(info.substr(at + 6));
}

// What zbarimg reads from page `page` of `pdf`, rendered at 150 dpi.
std::string QrOnPage(const fs::path& pdf, int page) {
  const fs::path png = pdf.parent_path() / (pdf.stem().string() + "-qr");
  Run("pdftoppm -r 150 -png -singlefile -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
      Quoted(pdf.string()) + " " + Quoted(png.string()));
  // (zbarimg's complaints about D-Bus on stderr are not the code.)
  return Run("{ zbarimg --raw -q " + Quoted(png.string() + ".png") + " 2>/dev/null; }");
}

// The document's date line: today in Vietnam (Decree 30/2020's zeros).
std::string TodayLine(const std::string& place) {
  Date d = VietnamDateOf(Now());
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  return place + ", ngày " + two(d.day()) + " tháng " + (d.month() < 3 ? two(d.month()) : std::to_string(d.month())) +
         " năm " + std::to_string(d.year());
}

class DemoDocuments : public DemoLedgerTest {
 protected:
  static fs::path File(const std::string& name) { return demo_->dir / name; }
  // The command, known at the end of time (the same ledger head every run),
  // written to `file`.
  static void Make(std::vector<std::string> args, const fs::path& file) {
    args.insert(args.end(), {"--known-at", "9999-12-31", "-o", file.string()});
    RunResult r = Tledger(args);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ASSERT_EQ(r.output, "");
  }
  static std::string Head() {
    RunResult r = Tledger({"checkpoint"});
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return r.output.substr(0, r.output.find('\n'));
  }
};

// Cần Thơ's plan as of 31/12/2025: the letterhead, the figures of the
// golden table, the head on every page and in the QR code.
TEST_F(DemoDocuments, ReportPdfIsAnAdministrativeDocumentWithTheFiguresAndTheHead) {
  const fs::path pdf = File("bao-cao-CT-2025.pdf");
  Make({"report", "--plan", "CT-2025", "--as-of", "31/12/2025", "--format", "pdf", "--issuer",
        "Thanh tra thành phố Cần Thơ", "--doc-number", "12/BC-TTr", "--place", "Cần Thơ"},
       pdf);
  const std::string head = Head();
  ASSERT_EQ(head.rfind(std::to_string(demo_->head_seq) + ":", 0), 0u) << head;
  ASSERT_EQ(head.size(), std::to_string(demo_->head_seq).size() + 1 + 64);

  const std::string text = PageText(pdf);
  for (const std::string& shown :
       {std::string("THANH TRA THÀNH PHỐ CẦN THƠ"), std::string("Số: 12/BC-TTr"),
        std::string("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string("Độc lập - Tự do - Hạnh phúc"), TodayLine("Cần Thơ"),
        std::string("BÁO CÁO"), std::string("Kết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức"),
        std::string("tính đến hết ngày 31/12/2025"), std::string(" 17 "), std::string(" 138 "),
        std::string("4.700.000.000 đ"), std::string("4.320.000.000 đ"), std::string("% đạt"),
        std::string("Tiến sĩ"), std::string("Nơi nhận:"), std::string("- Lưu: VT."),
        std::string("THỦ TRƯỞNG CƠ QUAN"), std::string("tledger verify --expect-head " + head)}) {
    EXPECT_NE(text.find(shown), std::string::npos) << shown << "\n" << text;
  }
  EXPECT_EQ(RawCodes(text, Codes(demo_->now.resolved, false)), std::vector<std::string>{}) << text;
  // The plan's decision, in its cell (wrapped over lines).
  EXPECT_NE(Flowing(pdf).find("KH 245/KH-UBND ngày 02/10/2025"), std::string::npos) << Flowing(pdf);

  const int pages = Pages(pdf);
  ASSERT_GE(pages, 2);
  for (int page = 1; page <= pages; ++page) {
    const std::string on_page = PageText(pdf, page);
    EXPECT_NE(on_page.find("Trang " + std::to_string(page) + "/" + std::to_string(pages)), std::string::npos)
        << page << "\n" << on_page;
    EXPECT_NE(on_page.find("Sổ cái (số bản ghi cuối:mã băm): " + head), std::string::npos) << page << "\n" << on_page;
    EXPECT_NE(on_page.find("Tính đến hết ngày 31/12/2025 · theo dữ liệu ghi nhận đến"), std::string::npos)
        << page << "\n" << on_page;
  }
  EXPECT_EQ(QrOnPage(pdf, 1), head + "\n");
  EXPECT_EQ(QrOnPage(pdf, pages), head + "\n");
}

// Without a letterhead, its three places are left to fill by hand.
TEST_F(DemoDocuments, AnEmptyLetterheadLeavesSpacesToFill) {
  const fs::path pdf = File("bao-cao-trong.pdf");
  Make({"report", "--plan", "DH-2021-2024", "--as-of", "31/12/2024", "--format", "pdf"}, pdf);
  const std::string text = PageText(pdf, 1);
  EXPECT_NE(text.find("Số: ……………………"), std::string::npos) << text;
  EXPECT_NE(text.find(TodayLine("……………………")), std::string::npos) << text;
  EXPECT_NE(text.find("16.006"), std::string::npos) << text;
}

// The đền bù list: Hồ Thị Thủy's 38.000.000 đ, 10.000.000 đ repaid,
// 28.000.000 đ outstanding.
TEST_F(DemoDocuments, CompensationPdfShowsTheAmountsOwedRepaidAndOutstanding) {
  const fs::path pdf = File("den-bu.pdf");
  Make({"compensation", "--as-of", "31/12/2025", "--format", "pdf"}, pdf);
  const std::string text = PageText(pdf);
  for (const char* shown : {"DANH SÁCH", "Các trường hợp phải đền bù chi phí đào tạo", "CT-000004", "38.000.000 đ",
                            "10.000.000 đ", "28.000.000 đ", "92.310.344 đ", "82.310.344 đ"}) {
    EXPECT_NE(text.find(shown), std::string::npos) << shown << "\n" << text;
  }
  // The name and the headers, in their cells.
  const std::string flowing = Flowing(pdf);
  for (const char* shown : {"Hồ Thị Thủy", "Còn phải nộp", "S = F x (T1 - T2) / T1 = 30.000.000 đ x (58 - 11) / 58 = 24.310.344 đ"}) {
    EXPECT_NE(flowing.find(shown), std::string::npos) << shown << "\n" << flowing;
  }
  EXPECT_EQ(RawCodes(text, Codes(demo_->now.resolved, false)), std::vector<std::string>{}) << text;
}

TEST_F(DemoDocuments, FindingsPdfInEnglish) {
  const fs::path pdf = File("findings.pdf");
  Make({"violations", "--as-of", "31/12/2025", "--format", "pdf", "--lang", "en"}, pdf);
  const std::string text = PageText(pdf);
  for (const char* shown : {"SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness",
                            "Violations, warnings and data-quality findings", "CT-000004", "Page 1/"}) {
    EXPECT_NE(text.find(shown), std::string::npos) << shown << "\n" << text;
  }
  EXPECT_EQ(RawCodes(text, Codes(demo_->now.resolved, true)), std::vector<std::string>{}) << text;
  EXPECT_EQ(QrOnPage(pdf, 1), Head() + "\n");
}

// A PDF goes to a file; diff has none; a refused command leaves -o's file
// as it was.
TEST_F(DemoDocuments, PdfRefusals) {
  RunResult no_file = Tledger({"report", "--as-of", "31/12/2025", "--format", "pdf"});
  EXPECT_EQ(no_file.exit_code, 1) << no_file.output;
  EXPECT_EQ(no_file.output, "tledger: error: --format pdf: a PDF is written to a file: add -o FILE\n");
  RunResult diff = Tledger({"diff", "--from", "1/7/2025", "--to", "31/12/2025", "--format", "pdf", "-o",
                            File("diff.pdf").string()});
  EXPECT_EQ(diff.exit_code, 1) << diff.output;
  EXPECT_EQ(diff.output,
            "tledger: error: --format: \"pdf\" is for report, violations and compensation (expected table, json or "
            "csv)\n");
  EXPECT_FALSE(fs::exists(File("diff.pdf")));
  const fs::path kept = File("kept.pdf");
  {
    std::FILE* f = std::fopen(kept.c_str(), "w");
    std::fputs("before", f);
    std::fclose(f);
  }
  RunResult bad = Tledger({"report", "--as-of", "31/13/2025", "--format", "pdf", "-o", kept.string()});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_EQ(ReadFile(kept), "before");
  // Never a device or a FIFO: a copy of /dev/null made by the attacker's
  // `-o` would otherwise become a file (for root, /dev/null itself).
  const fs::path fifo = File("fifo");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
  for (const char* format : {"pdf", "xlsx", "csv"}) {
    RunResult r = Tledger({"report", "--as-of", "31/12/2025", "--format", format, "-o", fifo.string()});
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_EQ(r.output, "tledger: error: -o: " + fifo.string() + " is not a regular file (expected a new file or one to replace)\n");
    EXPECT_TRUE(fs::is_fifo(fifo));
  }
}

}  // namespace
}  // namespace tledger::demo_testing
