#include "tests/format_example_events.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <capnp/message.h>
#include <simdjson.h>

#include "core/codec.h"
#include "core/event.capnp.h"
#include "core/json_codec.h"

namespace tledger {

std::vector<ExampleEvent> FormatExampleEvents() {
  // A unit, a person in it (with a source and Vietnamese text), and an
  // enrollment: small, but envelope, text, enum, bool, null and date all show.
  const char* const kLines[] = {
      R"({"type":"unit_registered","id":"ex-u1","effective":"2025-07-01","unit":"CT","name":"Thành phố Cần Thơ","level":"province","parent":null})",
      R"({"type":"person_registered","id":"ex-p1","effective":"2025-07-01","source":"QĐ 1/QĐ-UBND","person":"CT-0001","name":"Nguyễn Thị Ánh","category":"civil_servant","unit":"CT","position":"chuyên viên","leader":false})",
      R"({"type":"enrollment_recorded","id":"ex-e1","effective":"2025-10-20","enrollment":"E1","person":"CT-0001","course":"C-PHD-IT","funding":"state_budget"})",
  };
  std::vector<ExampleEvent> events;
  ChainHasher hasher;
  Hash prev = kGenesisHash;
  simdjson::dom::parser parser;
  uint64_t seq = 0;
  for (const char* line : kLines) {
    simdjson::dom::element doc;
    capnp::MallocMessageBuilder msg;
    auto event = msg.initRoot<schema::Event>();
    Status s = parser.parse(line, std::strlen(line)).get(doc) == simdjson::SUCCESS
                   ? EventFromJson(doc, kExampleActor, event)
                   : Status::InvalidInput("not JSON");
    if (!s.ok()) {
      std::fprintf(stderr, "format example line %llu: %s\n", static_cast<unsigned long long>(seq + 1),
                   s.ToString().c_str());
      std::abort();
    }
    event.setSeq(++seq);
    event.setRecordedAt(kExampleRecordedAt);
    event.setPrevHash(capnp::Data::Reader(prev.data(), prev.size()));
    kj::Array<capnp::word> canonical = Canonicalize(event.asReader());
    prev = hasher.Next(prev, Bytes(canonical));
    events.push_back(ExampleEvent{line, std::move(canonical), prev});
  }
  return events;
}

}  // namespace tledger
