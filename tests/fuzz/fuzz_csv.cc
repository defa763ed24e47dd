// A CSV file through import's CSV path: ParseCsv, the header check, each
// row as the interchange object (CsvRowJson), which must be valid JSON,
// then EventFromJson, and the error message with its column. Accepted
// events must export and read back unchanged (fuzz_util.h).
#include <cstddef>
#include <cstdint>
#include <string>

#include "tests/fuzz/fuzz_util.h"
#include "tools/cli/csv_event.h"
#include "tools/cli/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tledger;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<std::vector<CsvRecord>> records = ParseCsv(text, "fuzz.csv");
  if (!records.ok()) {
    fuzz::Check(records.status().message().rfind("fuzz.csv:", 0) == 0, "a CSV error names no file",
                records.status().message());
    return 0;
  }
  if (records->empty()) return 0;
  uint64_t last_line = 0;
  for (const CsvRecord& r : *records) {
    fuzz::Check(r.line > last_line, "record lines do not increase");
    last_line = r.line;
  }
  const std::vector<std::string>& header = (*records)[0].fields;
  if (!CheckCsvHeader(header).ok()) return 0;
  simdjson::dom::parser parser;
  for (size_t r = 1; r < records->size(); ++r) {
    // A row without a type column takes one: the kind with the most field kinds.
    Result<std::string> json = CsvRowJson(header, (*records)[r], "person_registered");
    if (!json.ok()) {
      fuzz::CheckRefusal(json.status());
      continue;
    }
    simdjson::padded_string padded(*json);
    simdjson::dom::element doc;
    fuzz::Check(parser.parse(padded).get(doc) == simdjson::SUCCESS, "a row's JSON does not parse", *json);
    capnp::MallocMessageBuilder msg;
    Status s = EventFromJson(doc, "fuzz", msg.initRoot<schema::Event>());
    if (!s.ok()) {
      std::string shown = WithColumn(header, s.message());
      fuzz::Check(!shown.empty(), "an empty message");
    } else {
      fuzz::ReadEvent(doc);
    }
  }
  return 0;
}
