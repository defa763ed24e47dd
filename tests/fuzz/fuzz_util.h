// What the fuzz harnesses share: a check that aborts (libFuzzer then saves
// the input as a crash), and the event readers import uses.
#ifndef TLEDGER_TESTS_FUZZ_FUZZ_UTIL_H_
#define TLEDGER_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <capnp/message.h>
#include <simdjson.h>

#include "core/codec.h"
#include "core/json_codec.h"
#include "core/status.h"

namespace tledger::fuzz {

// Aborts with `what` when `ok` is false: a broken invariant is a finding.
inline void Check(bool ok, std::string_view what, std::string_view detail = {}) {
  if (ok) return;
  // Through a string: a default `detail` has no data pointer to print.
  const std::string text = std::string(what) + "\n" + std::string(detail);
  std::fprintf(stderr, "fuzz check failed: %s\n", text.c_str());
  std::abort();
}

// A refusal must be InvalidInput "FIELD: reason": named, never empty.
inline void CheckRefusal(const Status& s) {
  Check(s.code() == Status::Code::kInvalidInput, "a refusal is not InvalidInput", s.ToString());
  Check(s.message().find(": ") != std::string::npos && s.message().find(": ") > 0, "a refusal names no field",
        s.message());
}

// Reads one interchange object as import does. When the codec accepts it,
// the event must export, and its export must read back into the same
// canonical bytes (export then import reproduces the ledger).
inline void ReadEvent(simdjson::dom::element doc) {
  capnp::MallocMessageBuilder msg;
  auto event = msg.initRoot<schema::Event>();
  Status s = EventFromJson(doc, "fuzz", event);
  if (!s.ok()) {
    CheckRefusal(s);
    return;
  }
  kj::Array<capnp::word> bytes = Canonicalize(event.asReader());
  Result<std::string> text = EventToJson(event.asReader(), nullptr);
  Check(text.ok(), "an accepted event does not export", text.status().ToString());

  simdjson::dom::parser parser;
  simdjson::padded_string padded(*text);
  simdjson::dom::element again;
  Check(parser.parse(padded).get(again) == simdjson::SUCCESS, "export is not JSON", *text);
  capnp::MallocMessageBuilder msg2;
  auto event2 = msg2.initRoot<schema::Event>();
  Status s2 = EventFromJson(again, "someone else", event2);
  Check(s2.ok(), "export does not import", s2.ToString() + "\n" + *text);
  kj::Array<capnp::word> bytes2 = Canonicalize(event2.asReader());
  Check(bytes.asBytes() == bytes2.asBytes(), "export then import changes the event", *text);
}

}  // namespace tledger::fuzz

#endif  // TLEDGER_TESTS_FUZZ_FUZZ_UTIL_H_
