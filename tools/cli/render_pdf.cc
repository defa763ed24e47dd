#include "tools/cli/render_pdf.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <numeric>
#include <vector>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "core/files.h"
#include "core/hash_chain.h"
#include "tools/cli/shown.h"

namespace tledger {
namespace {

// A4 landscape, in points; margins after Decree 30/2020 (left 30 mm, right
// 15 mm, top and bottom 20 mm).
constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 297 * kMm, kPageHeight = 210 * kMm;
constexpr double kLeft = 30 * kMm, kRight = 15 * kMm, kTop = 20 * kMm, kBottom = 12 * kMm;
constexpr double kContentWidth = kPageWidth - kLeft - kRight;
// The footer: two lines of text beside the QR code, above the bottom margin.
constexpr double kQrSize = 22 * kMm;
constexpr double kFooterHeight = kQrSize + 3 * kMm;
constexpr double kContentBottom = kPageHeight - kBottom - kFooterHeight;
constexpr double kCellPad = 2.5;
// The tallest a cell's text may be: a page less room for the table's
// header row and its heading.
constexpr double kTallestCell = kContentBottom - kTop - 120;

constexpr const char* kSerif = "Noto Serif";
constexpr const char* kMono = "Noto Sans Mono";

constexpr Bilingual kNation{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"};
constexpr Bilingual kMotto{"Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"};
constexpr Bilingual kNumber{"Số: {}", "No.: {}"};
constexpr Bilingual kPlaceDate{"{}, ngày {} tháng {} năm {}", "{}, {}"};
constexpr Bilingual kReportKind{"BÁO CÁO", "REPORT"};
constexpr Bilingual kReportAbout{"Kết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
                                 "Training and fostering of cadres, civil servants and public employees"};
constexpr Bilingual kFindingsKind{"DANH SÁCH", "LIST"};
constexpr Bilingual kFindingsAbout{"Vi phạm, cảnh báo và sai sót dữ liệu trong đào tạo, bồi dưỡng",
                                   "Violations, warnings and data-quality findings in training and fostering"};
constexpr Bilingual kCompensationKind{"DANH SÁCH", "LIST"};
constexpr Bilingual kCompensationAbout{"Các trường hợp phải đền bù chi phí đào tạo",
                                       "Cases owing the cost of their training"};
constexpr Bilingual kNone{"(không có)", "(none)"};
constexpr Bilingual kItem{"Mục", "Item"};
constexpr Bilingual kValue{"Nội dung", "Value"};
constexpr Bilingual kRecipients{"Nơi nhận:", "To:"};
constexpr Bilingual kRecipientLines{"- ……………………;\n- Lưu: VT.", "- ……………………;\n- Archived."};
constexpr Bilingual kHeadOfBody{"THỦ TRƯỞNG CƠ QUAN", "HEAD OF THE ISSUING BODY"};
constexpr Bilingual kSealHint{"(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name, seal)"};
constexpr Bilingual kFooterWhen{"Tính đến hết ngày {} · theo dữ liệu ghi nhận đến {} (--known-at {})",
                                "As of the end of {} · as known at {} (--known-at {})"};
constexpr Bilingual kFooterHead{"Sổ cái (số bản ghi cuối:mã băm): {}", "Ledger head (seq:hash): {}"};
constexpr Bilingual kFooterCheck{"Kiểm tra: tledger verify --expect-head {}", "To check: tledger verify --expect-head {}"};
constexpr Bilingual kPageOf{"Trang {}/{}", "Page {}/{}"};
constexpr const char* kDots = "……………………";

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

struct Style {
  const char* family = kSerif;
  double size = 9;
  bool bold = false;
  bool italic = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
};

// Lays out and draws one document, on the surface of `cr`. Run twice: once
// to count the pages (draw = false), once to draw them with "Trang x/y".
class Pages {
 public:
  Pages(cairo_t* cr, const Document& doc, const Letterhead& letterhead, Lang lang, int total, bool draw)
      : cr_(cr), doc_(doc), letterhead_(letterhead), lang_(lang), total_(total), draw_(draw) {
    context_ = pango_cairo_create_context(cr);
    pango_cairo_context_set_resolution(context_, 72);  // font sizes in points
  }
  ~Pages() { g_object_unref(context_); }
  Pages(const Pages&) = delete;
  Pages& operator=(const Pages&) = delete;

  // The whole document; returns the number of pages.
  int Run() {
    y_ = kTop;
    Letter();
    Title();
    int number = 0;
    for (size_t i = 0; i < doc_.sheets.size(); ++i) {
      // The last table (Căn cứ) and the signature block share a page: a
      // signature never stands alone on a page of its own.
      const bool last = i + 1 == doc_.sheets.size();
      const std::string heading = std::to_string(++number) + ". " + doc_.sheets[i].name;
      if (doc_.sheets[i].print_as_cards) {
        Cards(heading, doc_.sheets[i]);
      } else {
        Table(heading, doc_.sheets[i], last ? SignaturesHeight() : 0);
      }
    }
    Signatures();
    EndPage();
    return page_;
  }

 private:
  LayoutPtr Layout(const std::string& text, const Style& s, double width) const {
    LayoutPtr l(pango_layout_new(context_));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, s.family);
    pango_font_description_set_size(font, static_cast<int>(s.size * PANGO_SCALE));
    pango_font_description_set_weight(font, s.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, s.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(l.get(), font);
    pango_font_description_free(font);
    pango_layout_set_text(l.get(), text.data(), static_cast<int>(text.size()));  // plain text: no markup
    if (width > 0) {
      pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
      pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(l.get(), s.align);
    return l;
  }
  static double Height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }
  static double Width(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
  }
  void Show(PangoLayout* l, double x, double y) const {
    if (!draw_) return;
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
  }
  void Line(double x0, double y0, double x1, double y1, double width) const {
    if (!draw_) return;
    cairo_set_line_width(cr_, width);
    cairo_move_to(cr_, x0, y0);
    cairo_line_to(cr_, x1, y1);
    cairo_stroke(cr_);
  }
  // A paragraph across the content width at the cursor, on a new page if it
  // does not fit.
  void Paragraph(const std::string& text, const Style& s, double space_after) {
    LayoutPtr l = Layout(text, s, kContentWidth);
    double h = Height(l.get());
    Need(h);
    Show(l.get(), kLeft, y_);
    y_ += h + space_after;
  }
  void Need(double height) {
    if (y_ + height > kContentBottom && y_ > kTop) NewPage();
  }
  void NewPage() {
    EndPage();
    y_ = kTop;
  }
  void EndPage() {
    ++page_;
    Footer();
    if (draw_) cairo_show_page(cr_);
  }

  // Left: the issuing body and the number; right: Quốc hiệu, Tiêu ngữ and
  // the place and date.
  void Letter() {
    const double left_width = kContentWidth * 0.40, right_x = kLeft + left_width, right_width = kContentWidth - left_width;
    std::string issuer = letterhead_.issuer.empty() ? kDots : Upper(letterhead_.issuer);
    LayoutPtr body = Layout(issuer, {.size = 12, .bold = true, .align = PANGO_ALIGN_CENTER}, left_width);
    double y = y_;
    Show(body.get(), kLeft, y);
    y += Height(body.get()) + 2;
    Line(kLeft + left_width * 0.35, y, kLeft + left_width * 0.65, y, 0.6);
    y += 6;
    LayoutPtr number = Layout(Tr(kNumber, lang_, letterhead_.number.empty() ? std::string(kDots) : letterhead_.number),
                              {.size = 12, .align = PANGO_ALIGN_CENTER}, left_width);
    Show(number.get(), kLeft, y);
    const double left_bottom = y + Height(number.get());

    y = y_;
    LayoutPtr nation = Layout(Tr(kNation, lang_), {.size = 12, .bold = true, .align = PANGO_ALIGN_CENTER}, right_width);
    Show(nation.get(), right_x, y);
    y += Height(nation.get());
    LayoutPtr motto = Layout(Tr(kMotto, lang_), {.size = 13, .bold = true, .align = PANGO_ALIGN_CENTER}, right_width);
    Show(motto.get(), right_x, y);
    y += Height(motto.get()) + 1;
    // The rule under Tiêu ngữ is as long as Tiêu ngữ.
    LayoutPtr measure = Layout(Tr(kMotto, lang_), {.size = 13, .bold = true}, 0);
    const double motto_width = Width(measure.get());
    Line(right_x + (right_width - motto_width) / 2, y, right_x + (right_width + motto_width) / 2, y, 0.6);
    y += 8;
    LayoutPtr when = Layout(PlaceDate(), {.size = 12, .italic = true, .align = PANGO_ALIGN_CENTER}, right_width);
    Show(when.get(), right_x, y);
    y += Height(when.get());
    y_ = std::max(left_bottom, y) + 16;
  }
  std::string PlaceDate() const {
    const std::string place = letterhead_.place.empty() ? kDots : letterhead_.place;
    const Date d = letterhead_.date;
    if (lang_ == Lang::kEn) return Tr(kPlaceDate, lang_, place, d.ToString());
    // Decree 30/2020: a zero before days below 10 and months below 3.
    auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    return Tr(kPlaceDate, lang_, place, two(d.day()), d.month() < 3 ? two(d.month()) : std::to_string(d.month()),
              d.year());
  }
  // Upper-cased the Unicode way (Vietnamese letters included), by pango's
  // own GLib.
  static std::string Upper(const std::string& text) {
    char* up = g_utf8_strup(text.c_str(), static_cast<gssize>(text.size()));
    std::string out(up);
    g_free(up);
    return out;
  }

  void Title() {
    const Bilingual* kind = &kReportKind;
    const Bilingual* about = &kReportAbout;
    if (doc_.kind == DocumentKind::kFindings) kind = &kFindingsKind, about = &kFindingsAbout;
    if (doc_.kind == DocumentKind::kCompensation) kind = &kCompensationKind, about = &kCompensationAbout;
    Paragraph(Tr(*kind, lang_), {.size = 14, .bold = true, .align = PANGO_ALIGN_CENTER}, 2);
    Paragraph(Tr(*about, lang_), {.size = 13, .bold = true, .align = PANGO_ALIGN_CENTER}, 4);
    Paragraph(doc_.summary, {.size = 11, .italic = true, .align = PANGO_ALIGN_CENTER}, 14);
  }

  std::string Shown(const Cell& c) const { return CellShown(c, lang_); }

  // Column widths: each as wide as its widest line, numbers never broken,
  // words never broken if the page allows; the text columns give way in
  // proportion to what they would lose.
  // `fits`: whether every figure and every word fits at table_size_; with
  // `short_whole`, also every short text (a name, an id: up to 6 ems)
  // on one line.
  std::vector<double> Widths(const Sheet& sheet, bool short_whole, bool* fits) const {
    *fits = true;
    const size_t n = sheet.header.size();
    std::vector<double> natural(n, 0), least(n, 0), figures(n, 0);
    auto measure = [&](size_t col, const std::string& text, const Style& s, bool numeric) {
      LayoutPtr one_line = Layout(text, s, 0);
      const double w = Width(one_line.get()) + 2 * kCellPad;
      natural[col] = std::max(natural[col], w);
      if (numeric) {
        least[col] = std::max(least[col], w);
      } else {
        LayoutPtr words = Layout(text, s, 1);  // a line per word: the widest word
        pango_layout_set_wrap(words.get(), PANGO_WRAP_WORD);
        least[col] = std::max(least[col], std::min(Width(words.get()) + 2 * kCellPad, 120.0));
      }
    };
    for (size_t col = 0; col < n; ++col) measure(col, sheet.header[col], {.size = table_size_, .bold = true}, false);
    // A header wraps rather than widening its column past its contents, but
    // on three lines at most where the page allows.
    std::vector<double> header_natural = natural;
    for (size_t col = 0; col < n; ++col) least[col] = std::max(least[col], std::min(header_natural[col] / 3 + kCellPad, 110.0));
    std::fill(natural.begin(), natural.end(), 0);
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      const std::vector<Cell>& row = sheet.rows[r];
      const bool bold = sheet.IsTotal(r);
      for (size_t col = 0; col < std::min(n, row.size()); ++col) {
        measure(col, Shown(row[col]), {.size = table_size_, .bold = bold}, row[col].Figure());
        if (row[col].Figure()) figures[col] = std::max(figures[col], natural[col]);
      }
    }
    if (short_whole) {
      for (size_t col = 0; col < n; ++col) least[col] = std::max(least[col], std::min(natural[col], 6 * table_size_));
      if (std::accumulate(least.begin(), least.end(), 0.0) > kContentWidth) {
        *fits = false;
        return {};
      }
    }
    std::vector<double> w(n);
    for (size_t col = 0; col < n; ++col) w[col] = std::max(natural[col], least[col]);
    double total = std::accumulate(w.begin(), w.end(), 0.0);
    if (total < kContentWidth) {  // room left: headers on fewer lines
      double spare = kContentWidth - total;
      for (size_t col = 0; col < n && spare > 0; ++col) {
        const double more = std::min(spare, std::max(0.0, header_natural[col] - w[col]));
        w[col] += more;
        spare -= more;
      }
      return w;
    }
    double excess = total - kContentWidth, give = 0;
    for (size_t col = 0; col < n; ++col) give += w[col] - least[col];
    if (give >= excess) {
      for (size_t col = 0; col < n; ++col) w[col] -= (w[col] - least[col]) * excess / give;
    } else {  // even the widest words do not fit: figures whole, the text columns in proportion
      *fits = false;
      double fixed = 0, rest = 0;
      for (size_t col = 0; col < n; ++col) (figures[col] > 0 ? fixed : rest) += figures[col] > 0 ? figures[col] : least[col];
      const double scale = std::max(0.0, kContentWidth - fixed) / std::max(rest, 1.0);
      for (size_t col = 0; col < n; ++col) w[col] = figures[col] > 0 ? figures[col] : least[col] * scale;
    }
    return w;
  }

  // One row's layouts and height.
  struct Row {
    std::vector<LayoutPtr> cells;
    std::vector<double> offsets;  // of each cell's text from its column's left edge
    double height = 0;
  };
  // Figures to the right, text to the left, headers centred.
  Row MakeRow(const std::vector<std::string>& texts, const std::vector<bool>& numeric, const std::vector<double>& w,
              bool bold, bool header) const {
    Row r;
    for (size_t col = 0; col < w.size(); ++col) {
      const std::string& text = col < texts.size() ? texts[col] : std::string();
      const bool figure = col < numeric.size() && numeric[col];
      if (figure) {  // one line, never broken, against the right edge
        r.cells.push_back(Layout(text, {.size = table_size_, .bold = bold}, 0));
        r.offsets.push_back(w[col] - kCellPad - Width(r.cells.back().get()));
      } else {
        r.cells.push_back(Layout(text, {.size = table_size_, .bold = bold, .align = header ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT},
                                 w[col] - 2 * kCellPad));
        // A text taller than a page holds is cut where the page ends, and
        // the cut shows ("…"): the whole text is in the CSV and the workbook.
        if (Height(r.cells.back().get()) > kTallestCell) {
          pango_layout_set_height(r.cells.back().get(), static_cast<int>(kTallestCell * PANGO_SCALE));
          pango_layout_set_ellipsize(r.cells.back().get(), PANGO_ELLIPSIZE_END);
        }
        r.offsets.push_back(kCellPad);
      }
      r.height = std::max(r.height, Height(r.cells.back().get()) + 2 * kCellPad);
    }
    return r;
  }
  void DrawRow(const Row& r, const std::vector<double>& w, bool shaded) {
    if (draw_) {
      double x = kLeft;
      const double width = std::accumulate(w.begin(), w.end(), 0.0);
      if (shaded) {
        cairo_set_source_rgb(cr_, 0.87, 0.92, 0.97);
        cairo_rectangle(cr_, x, y_, width, r.height);
        cairo_fill(cr_);
        cairo_set_source_rgb(cr_, 0, 0, 0);
      }
      for (size_t col = 0; col < w.size(); ++col) {
        Show(r.cells[col].get(), x + r.offsets[col], y_ + kCellPad);
        cairo_set_line_width(cr_, 0.4);
        cairo_rectangle(cr_, x, y_, w[col], r.height);
        cairo_stroke(cr_);
        x += w[col];
      }
    }
    y_ += r.height;
  }

  // A heading, then the table; the header row again on each new page; a
  // row is never split.
  // `section`: a heading above the table's own (a card's: the wide sheet's
  // name), kept with it.
  void Table(const std::string& heading, const Sheet& sheet, double keep_with_next, const std::string& section = "",
             double heading_size = 11) {
    // The largest size from 9 points down to 7 at which every figure and
    // every short text fits whole across the page; else down to 6 at which
    // every figure and word does.
    std::vector<double> w;
    bool fits = false;
    for (double size = 9; !fits && size >= 7; size -= 0.5) {
      table_size_ = size;
      w = Widths(sheet, true, &fits);
    }
    for (double size = 9; !fits && size >= 6; size -= 0.5) {
      table_size_ = size;
      w = Widths(sheet, false, &fits);
    }
    LayoutPtr lead = Layout(section, {.size = 11, .bold = true}, kContentWidth);
    const double lead_height = section.empty() ? 0 : Height(lead.get()) + 6;
    LayoutPtr title = Layout(heading, {.size = heading_size, .bold = true}, kContentWidth);
    Row header = MakeRow(sheet.header, {}, w, true, true);
    std::vector<Row> rows;
    double total = lead_height + Height(title.get()) + 4 + header.height;
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      std::vector<std::string> texts;
      std::vector<bool> numeric;
      for (const Cell& c : sheet.rows[r]) {
        texts.push_back(Shown(c));
        numeric.push_back(c.Figure());
      }
      const bool bold = sheet.IsTotal(r);
      rows.push_back(MakeRow(texts, numeric, w, bold, false));
      total += rows.back().height;
    }
    // A short table stays on one page; a long one keeps its heading with
    // the header row and the first line.
    // (Not when most of a page is left, unless the signature must follow:
    // a page is not left empty for a table that can go on over the next.)
    const double left = kContentBottom - y_;
    const bool short_table = total + keep_with_next <= (kContentBottom - kTop) * 0.8 &&
                             (keep_with_next > 0 || total <= left || left < (kContentBottom - kTop) * 0.35);
    Need(short_table ? total + keep_with_next
                     : lead_height + Height(title.get()) + 4 + header.height + (rows.empty() ? 0 : rows.front().height));
    if (!section.empty()) {
      Show(lead.get(), kLeft, y_);
      y_ += lead_height;
    }
    Show(title.get(), kLeft, y_);
    y_ += Height(title.get()) + 4;
    DrawRow(header, w, true);
    if (rows.empty()) {
      Paragraph(Tr(kNone, lang_), {.italic = true}, 0);
    }
    for (const Row& r : rows) {
      if (y_ + r.height > kContentBottom) {
        NewPage();
        DrawRow(header, w, true);
      }
      DrawRow(r, w, false);
    }
    y_ += 14;
  }

  // Left: Nơi nhận (where the copies go: to fill, and the archive);
  // right: the head of the issuing body, with room to sign and seal.
  struct SignatureBlock {
    LayoutPtr recipients, lines, title, hint;
  };
  SignatureBlock MakeSignatures() const {
    const double half = kContentWidth / 2;
    return {Layout(Tr(kRecipients, lang_), {.size = 11, .bold = true, .italic = true}, half),
            Layout(Tr(kRecipientLines, lang_), {.size = 10}, half),
            Layout(Tr(kHeadOfBody, lang_), {.size = 12, .bold = true, .align = PANGO_ALIGN_CENTER}, half),
            Layout(Tr(kSealHint, lang_), {.size = 11, .italic = true, .align = PANGO_ALIGN_CENTER}, half)};
  }
  static constexpr double kRoomToSign = 70;
  double SignaturesHeight() const {
    SignatureBlock b = MakeSignatures();
    return std::max(Height(b.recipients.get()) + Height(b.lines.get()),
                    Height(b.title.get()) + Height(b.hint.get()) + kRoomToSign);
  }
  // A wide sheet: its heading, then each row as a two-column table headed
  // by its first cell ("STT 1", "Cộng"), the empty cells left out.
  void Cards(const std::string& heading, const Sheet& sheet) {
    if (sheet.rows.empty()) {
      Paragraph(heading, {.size = 11, .bold = true}, 4);
      Paragraph(Tr(kNone, lang_), {.italic = true}, 14);
    }
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      const std::vector<Cell>& row = sheet.rows[r];
      const bool total = sheet.IsTotal(r);
      Sheet card{.header = {Tr(kItem, lang_), Tr(kValue, lang_)}};
      for (size_t col = 1; col < std::min(row.size(), sheet.header.size()); ++col) {
        if (row[col].type == Cell::Type::kEmpty || (row[col].type == Cell::Type::kText && row[col].text.empty())) continue;
        card.rows.push_back({Cell::Text(sheet.header[col]), row[col]});
      }
      const std::string first = row.empty() ? std::string() : Shown(row[0]);
      Table(total || sheet.header.empty() ? first : sheet.header[0] + " " + first, card, 0, r == 0 ? heading : "", 10);
    }
  }

  void Signatures() {
    const double half = kContentWidth / 2;
    SignatureBlock b = MakeSignatures();
    const double h = SignaturesHeight();
    Need(h);
    Show(b.recipients.get(), kLeft, y_);
    Show(b.lines.get(), kLeft, y_ + Height(b.recipients.get()));
    Show(b.title.get(), kLeft + half, y_);
    Show(b.hint.get(), kLeft + half, y_ + Height(b.title.get()));
    y_ += h;
  }

  // The dates, the head and the page number, and the head's QR code.
  void Footer() {
    if (!draw_) return;
    const std::string head = HeadText(doc_.provenance.head);
    const double top = kPageHeight - kBottom - kQrSize;
    const double text_width = kContentWidth - kQrSize - 6;
    Line(kLeft, top - 4, kLeft + kContentWidth, top - 4, 0.4);
    LayoutPtr when = Layout(Tr(kFooterWhen, lang_, DateShown(doc_.as_of, lang_), InstantShown(doc_.known_at, lang_),
                               FormatInstantInVietnam(doc_.known_at)),
                            {.size = 8}, text_width);
    LayoutPtr ledger = Layout(Tr(kFooterHead, lang_, head), {.family = kMono, .size = 7}, text_width);
    LayoutPtr check = Layout(Tr(kFooterCheck, lang_, head), {.family = kMono, .size = 7}, text_width);
    LayoutPtr page = Layout(Tr(kPageOf, lang_, page_, total_), {.size = 9, .bold = true, .align = PANGO_ALIGN_RIGHT},
                            text_width);
    double y = top;
    Show(when.get(), kLeft, y);
    Show(page.get(), kLeft, y);
    y += Height(when.get()) + 1;
    Show(ledger.get(), kLeft, y);
    y += Height(ledger.get());
    Show(check.get(), kLeft, y);
    Qr(head, kLeft + kContentWidth - kQrSize, top, kQrSize);
  }
  void Qr(const std::string& text, double x, double y, double size) {
    QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
    if (code == nullptr) return;  // only on allocation failure; the head is printed beside it
    const int quiet = 4;  // modules of white around the code, as the standard asks
    const double module = size / (code->width + 2 * quiet);
    for (int row = 0; row < code->width; ++row) {
      for (int col = 0; col < code->width; ++col) {
        if (code->data[row * code->width + col] & 1) {
          cairo_rectangle(cr_, x + (col + quiet) * module, y + (row + quiet) * module, module, module);
        }
      }
    }
    cairo_fill(cr_);
    QRcode_free(code);
  }

  cairo_t* cr_;
  PangoContext* context_;
  const Document& doc_;
  const Letterhead& letterhead_;
  Lang lang_;
  int total_;
  bool draw_;
  int page_ = 0;
  double y_ = kTop;
  double table_size_ = 9;  // the font size of the table being laid out
};

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// The families the layout names must be there: fontconfig would otherwise
// put another font in their place without a word.
Status CheckFonts() {
  PangoFontMap* map = pango_cairo_font_map_get_default();
  PangoFontFamily** families = nullptr;
  int n = 0;
  pango_font_map_list_families(map, &families, &n);
  std::vector<std::string> names;
  for (int i = 0; i < n; ++i) names.emplace_back(pango_font_family_get_name(families[i]));
  g_free(families);
  for (const char* want : {kSerif, kMono}) {
    if (std::find(names.begin(), names.end(), want) == names.end()) {
      return Status::InvalidInput(std::string("--format pdf: the font \"") + want +
                                  "\" is not installed (tools/install-deps.sh installs fonts-noto-core and "
                                  "fonts-noto-mono)");
    }
  }
  return Status::Ok();
}

// One pass over a PDF surface writing into `out`; the number of pages.
Result<int> Pass(const Document& doc, const Letterhead& letterhead, Lang lang, int total, bool draw, std::string* out) {
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(&Append, out, kPageWidth, kPageHeight);
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface_owner(surface, cairo_surface_destroy);
  if (draw) {
    const std::string title = doc.summary;
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "tledger");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, HeadText(doc.provenance.head).c_str());
  }
  cairo_t* cr = cairo_create(surface);
  std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr_owner(cr, cairo_destroy);
  int pages = 0;
  {
    Pages p(cr, doc, letterhead, lang, total, draw);
    pages = p.Run();
  }
  cairo_status_t status = cairo_status(cr);
  cr_owner.reset();
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  if (status != CAIRO_STATUS_SUCCESS) return Status::IoError(std::string("cannot lay out the PDF: ") + cairo_status_to_string(status));
  return pages;
}

}  // namespace

std::string HeadText(const Head& head) { return std::to_string(head.seq) + ":" + ToHex(head.hash); }

Result<std::string> RenderPdf(const Document& document, const Letterhead& letterhead, Lang lang) {
  TLEDGER_RETURN_IF_ERROR(CheckFonts());
  std::string discarded, bytes;
  Result<int> pages = Pass(document, letterhead, lang, 0, /*draw=*/false, &discarded);
  if (!pages.ok()) return pages.status();
  Result<int> drawn = Pass(document, letterhead, lang, *pages, /*draw=*/true, &bytes);
  if (!drawn.ok()) return drawn.status();
  if (*drawn != *pages) return Status::IoError("cannot lay out the PDF: its two passes disagree on the number of pages");
  return bytes;
}

Status WritePdf(const std::string& path, const Document& document, const Letterhead& letterhead, Lang lang) {
  Result<std::string> bytes = RenderPdf(document, letterhead, lang);
  if (!bytes.ok()) return bytes.status();
  return WriteFileAtPath(path, {*bytes});
}

}  // namespace tledger
