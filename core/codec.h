// Canonical bytes: how an event is stored and hashed (core/FORMAT.md).
//
//   kj::Array<capnp::word> bytes = Canonicalize(event.asReader());
//
//   EventDecoder decoder;                       // reused across a scan
//   Result<schema::Event::Reader> ev = decoder.Decode(value);
//
// Cap'n Proto reads lazily, so malformed bytes can throw kj::Exception at any
// field access; Decode() walks the whole message first (the canonical-form
// check) and turns any kj::Exception into Corruption. That walk checks the
// layout only: a pointer of another kind than the schema's (a list where
// the body's struct belongs) or a text without its NUL still throws when the
// field is read, so readers of stored events catch kj::Exception
// (ScanEvents, verify, history; EventToJson returns Corruption).
#ifndef TLEDGER_CORE_CODEC_H_
#define TLEDGER_CORE_CODEC_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include "core/event.capnp.h"
#include "core/status.h"

namespace tledger {

// The canonical bytes of `event` (capnp::canonicalize): one segment, no
// segment table, preorder, no padding. These are what the store keeps and
// what the chain hashes.
kj::Array<capnp::word> Canonicalize(schema::Event::Reader event);
// The same bytes, written into `out` through a reused per-thread buffer: one
// copy and no sanity pass (capnp::canonicalize asserts isCanonical on every
// call; `verify` checks it for stored events instead).
void CanonicalizeInto(schema::Event::Reader event, std::string* out);
kj::ArrayPtr<const kj::byte> Bytes(const kj::Array<capnp::word>& words);

// The bytes two events share when they record the same fact: the canonical
// event without seq, recorded_at, recorded_by and prev_hash. An id repeated
// with the same content is an idempotent no-op; with other content, a
// conflict.
kj::Array<capnp::word> ContentBytes(schema::Event::Reader event);

// The description of a kj::Exception for a message: whole (Cap'n Proto's
// can hold a NUL, e.g. of a text without its terminator), Escaped()
// (core/printable.h).
std::string Describe(const kj::Exception& e);

// Decodes stored bytes into a reader that stays valid until the next Decode()
// or the decoder's destruction. Not thread-safe: one per thread.
class EventDecoder {
 public:
  EventDecoder();
  ~EventDecoder();
  // Corruption when the bytes are not one canonical Event message.
  Result<schema::Event::Reader> Decode(std::string_view bytes);
  // The same without the canonical-form walk: for a reader that reads only a
  // few fields and catches kj::Exception itself (verify's chain pass, whose
  // canonical checks run beside it).
  Result<schema::Event::Reader> DecodeUnchecked(std::string_view bytes);
  // A reader over aligned words the caller keeps alive (and has checked
  // with Decode already, e.g. on another thread), without a copy.
  schema::Event::Reader View(kj::ArrayPtr<const capnp::word> words);

 private:
  // Decode and DecodeUnchecked: the bytes copied into aligned words, read.
  Result<schema::Event::Reader> Read(std::string_view bytes, bool check_canonical);
  // Aligned storage for the words. Not std::vector<capnp::word>: clang's
  // build of Cap'n Proto makes capnp::word non-copyable (tests/fuzz builds
  // with clang).
  std::vector<uint64_t> words_;
  std::unique_ptr<capnp::SegmentArrayMessageReader> reader_;
  kj::ArrayPtr<const capnp::word> segment_;
};

// Calls `fn(kind, id)` for every entity id the body names (fields annotated
// $ref in core/event.capnp), in field order, lists element by element. A
// correction's replacement is walked too.
void ForEachRef(schema::Body::Reader body, const std::function<void(schema::Kind, std::string_view)>& fn);

}  // namespace tledger

#endif  // TLEDGER_CORE_CODEC_H_
