// The words of `tledger serve`'s errors and refusals, in Vietnamese and
// English (the same Bilingual entries as tools/cli/labels.h, kept apart
// while issue 11 rebuilds that catalog; they join it then). Entries with {}
// are fmt format strings; their arguments are listed beside them.
#ifndef TLEDGER_TOOLS_SERVER_MESSAGES_H_
#define TLEDGER_TOOLS_SERVER_MESSAGES_H_

#include "tools/cli/labels.h"

namespace tledger::server {

// The expected form of each kind of parameter, shown in refusals.
inline constexpr Bilingual kFormDate{"một ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy", "a date, YYYY-MM-DD or dd/mm/yyyy"};
inline constexpr Bilingual kFormInstant{
    "một thời điểm RFC 3339 (2026-01-31T23:59:59Z) hoặc một ngày YYYY-MM-DD hoặc dd/mm/yyyy (hết ngày đó, giờ Việt Nam)",
    "an RFC 3339 instant (2026-01-31T23:59:59Z) or a date, YYYY-MM-DD or dd/mm/yyyy (its end, Vietnam time)"};
inline constexpr Bilingual kFormId{"một mã dài 1 đến 128 ký tự, không có ký tự điều khiển, không có dấu cách ở đầu hay cuối",
                                   "an id of 1 to 128 characters, without control characters or leading or trailing spaces"};
inline constexpr Bilingual kFormRule{"tên một quy tắc ({})", "a rule name ({})"};  // the rules
inline constexpr Bilingual kFormLang{"vi hoặc en", "vi or en"};
inline constexpr Bilingual kFormCount{"một số nguyên từ 1 đến {}", "a whole number from 1 to {}"};  // the largest
inline constexpr Bilingual kFormBool{"true hoặc false", "true or false"};

// Query-string refusals (400 unless said).
inline constexpr Bilingual kBadParameter{  // name, the value as received (quoted), the expected form
    "Tham số {}: {} không hợp lệ (cần {})", "Parameter {}: {} is not valid (expected {})"};
inline constexpr Bilingual kMissingParameter{  // name, the expected form
    "Thiếu tham số {} (cần {})", "Parameter {} is missing (expected {})"};
inline constexpr Bilingual kUnknownParameter{  // the name (quoted), the accepted names
    "Tham số {} không được hỗ trợ ở đây (các tham số nhận được: {})",
    "Parameter {} is not accepted here (accepted: {})"};
inline constexpr Bilingual kNoParameters{"không có", "none"};
inline constexpr Bilingual kRepeatedParameter{"Tham số {} xuất hiện nhiều lần (chỉ được một lần)",  // name
                                              "Parameter {} is given more than once (once at most)"};
inline constexpr Bilingual kMalformedQuery{  // the position (byte offset) in the query
    "Chuỗi truy vấn sai cú pháp tại vị trí {} (cần tên=giá trị, nối bằng &, mã hóa URL)",
    "The query string is malformed at byte {} (expected name=value pairs joined by &, URL-encoded)"};
inline constexpr Bilingual kQueryTooLong{  // the limit in bytes
    "Chuỗi truy vấn quá dài (tối đa {} byte)", "The query string is too long (at most {} bytes)"};

// Failures of a command behind an endpoint.
inline constexpr Bilingual kNotFound{  // parameter, the command's English message
    "Tham số {}: không tìm thấy trong sổ cái (theo dữ liệu ghi nhận đến thời điểm đã chọn)",
    "Parameter {}: {}"};
inline constexpr Bilingual kCommandRefused{"Yêu cầu không hợp lệ: {}",  // the command's English message
                                           "The request is not valid: {}"};
inline constexpr Bilingual kLedgerUnavailable{
    "Hiện không đọc được sổ cái; hãy thử lại sau hoặc báo cho người quản trị",
    "The ledger cannot be read now; try again later or tell the administrator"};
inline constexpr Bilingual kIntegrityFailure{
    "Sổ cái không còn nguyên vẹn; người quản trị cần chạy `tledger verify`",
    "The ledger failed an integrity check; the administrator should run `tledger verify`"};

// Transport, authentication and routing.
inline constexpr Bilingual kUnauthorized{
    "Cần mã truy cập hợp lệ (tiêu đề Authorization: Bearer MÃ)",
    "A valid access token is required (header Authorization: Bearer TOKEN)"};
inline constexpr Bilingual kWrongHost{  // the Host header received (quoted)
    "Tên máy {} không phải địa chỉ máy chủ này đang lắng nghe",
    "Host {} is not the address this server listens on"};
inline constexpr Bilingual kNoSuchPath{"Không có trang hay API nào ở địa chỉ này", "Nothing is served at this path"};
inline constexpr Bilingual kMethodNotAllowed{"Chỉ nhận GET và HEAD", "Only GET and HEAD are accepted"};
inline constexpr Bilingual kBadRequest{"Yêu cầu HTTP sai cú pháp", "The HTTP request is malformed"};
inline constexpr Bilingual kRequestTimeout{  // seconds
    "Yêu cầu không được gửi hết trong {} giây", "The request was not received in full within {} seconds"};
inline constexpr Bilingual kHeadersTooLarge{  // the limit in bytes
    "Phần đầu của yêu cầu quá lớn (tối đa {} byte)", "The request's headers are too large (at most {} bytes)"};
inline constexpr Bilingual kUriTooLong{"Địa chỉ yêu cầu quá dài", "The request URI is too long"};
inline constexpr Bilingual kPayloadTooLarge{"Yêu cầu không được có nội dung", "The request may not carry a body"};
inline constexpr Bilingual kBusy{"Máy chủ đang bận; hãy thử lại sau giây lát",
                                 "The server is busy; try again in a moment"};
inline constexpr Bilingual kInternal{"Lỗi máy chủ", "Server error"};
inline constexpr Bilingual kPageNotBuilt{
    "Trang web không được đóng gói trong bản tledger này (cấu hình với -DTLEDGER_WEB=OFF); API vẫn dùng được",
    "The web page is not built into this tledger (configured with -DTLEDGER_WEB=OFF); the API works"};
inline constexpr Bilingual kHttpError{"Lỗi HTTP {}", "HTTP error {}"};  // the status

}  // namespace tledger::server

#endif  // TLEDGER_TOOLS_SERVER_MESSAGES_H_
