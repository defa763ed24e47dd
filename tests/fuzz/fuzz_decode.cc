// Arbitrary bytes as a stored event: EventDecoder::Decode must refuse them
// with Corruption or return a reader that is safe to read in full. A
// decoded event is read field by field through EventToJson (with the
// ledger's seq, recorded_at and hash), its references walked, and its
// canonical form must decode and canonicalize to itself.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include <kj/exception.h>

#include "core/subjects.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tledger;
  static EventDecoder* decoder = new EventDecoder;  // reused, as a scan does
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Result<schema::Event::Reader> ev = decoder->Decode(bytes);
  if (!ev.ok()) {
    fuzz::Check(ev.status().code() == Status::Code::kCorruption, "a refusal is not Corruption", ev.status().ToString());
    return 0;
  }
  Hash hash{};
  std::memcpy(hash.data(), data, std::min(size, hash.size()));
  Result<std::string> text = EventToJson(*ev, &hash);
  if (!text.ok()) {
    fuzz::Check(text.status().code() == Status::Code::kCorruption, "an export failure is not Corruption",
                text.status().ToString());
  }
  // Decode checks the layout, not that every pointer has the kind the schema
  // gives it (found by this harness): a typed read can still throw, and
  // readers other than EventToJson catch it (ScanEvents, verify, history).
  // A throw here is a refusal, not a crash.
  try {
    (void)TypeName(ev->getBody());
    Subjects subjects;
    RefsOf(ev->getBody(), &subjects);
  } catch (const kj::Exception&) {
  }
  // Decode's canonical check is capnp's isCanonical, which lets a
  // zero-length list pointer keep a non-zero offset (found by this
  // harness; README.md): the canonical form of what decodes may differ from
  // the bytes, but it must decode and be a fixed point.
  kj::Array<capnp::word> canonical = Canonicalize(*ev);
  std::string_view canonical_bytes(reinterpret_cast<const char*>(canonical.asBytes().begin()),
                                   canonical.asBytes().size());
  static EventDecoder* again = new EventDecoder;
  Result<schema::Event::Reader> ev2 = again->Decode(canonical_bytes);
  fuzz::Check(ev2.ok(), "the canonical form of a decoded event does not decode", ev2.status().ToString());
  kj::Array<capnp::word> canonical2 = Canonicalize(*ev2);
  fuzz::Check(canonical2.asBytes() == canonical.asBytes(), "canonicalizing twice changes the bytes");
  (void)ContentBytes(*ev);
  return 0;
}
