// The worked example of core/FORMAT.md: three fixed events with fixed seq,
// recorded_at and previous hashes, so that their canonical bytes and chain
// hashes are the same on every machine and every run (a real ledger's are
// not: recorded_at is the wall clock).
//
//   std::vector<ExampleEvent> events = FormatExampleEvents();
//   ToHex(Bytes(events[0].canonical));   // what the store would keep for seq 1
//   ToHex(events[2].hash);               // H_3
#ifndef TLEDGER_TESTS_FORMAT_EXAMPLE_EVENTS_H_
#define TLEDGER_TESTS_FORMAT_EXAMPLE_EVENTS_H_

#include <string>
#include <vector>

#include <capnp/common.h>
#include <kj/array.h>

#include "core/date.h"
#include "core/hash_chain.h"

namespace tledger {

// The recorded_at of all three (one import): 2026-01-01T00:00:00Z.
inline constexpr Timestamp kExampleRecordedAt = 1'767'225'600'000'000;
inline constexpr char kExampleActor[] = "clerk";

struct ExampleEvent {
  std::string json;                  // the interchange line it is read from
  kj::Array<capnp::word> canonical;  // seq, recorded_at and prev_hash set
  Hash hash;                         // H_seq = SHA-256(H_{seq-1} || canonical)
};

// Events 1..3, chained from H_0. Aborts if the fixed lines stop parsing (a
// schema change that breaks the interchange form).
std::vector<ExampleEvent> FormatExampleEvents();

}  // namespace tledger

#endif  // TLEDGER_TESTS_FORMAT_EXAMPLE_EVENTS_H_
