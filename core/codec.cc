#include "core/codec.h"

#include <cstring>

#include <capnp/any.h>
#include <kj/exception.h>

#include "core/printable.h"
#include "core/schema_info.h"

namespace tledger {

kj::Array<capnp::word> Canonicalize(schema::Event::Reader event) { return capnp::canonicalize(event); }

void CanonicalizeInto(schema::Event::Reader event, std::string* out) {
  thread_local std::vector<uint64_t> scratch;  // words (see EventDecoder::words_)
  size_t words = static_cast<size_t>(event.totalSize().wordCount) + 1;  // + the root pointer
  scratch.assign(words, 0);
  capnp::FlatMessageBuilder builder(kj::arrayPtr(reinterpret_cast<capnp::word*>(scratch.data()), words));
  // What capnp::canonicalize does, less its final assertion and second copy.
  capnp::_::PointerHelpers<capnp::AnyPointer>::getInternalBuilder(builder.initRoot<capnp::AnyPointer>())
      .setStruct(capnp::_::PointerHelpers<schema::Event>::getInternalReader(event), /*canonical=*/true);
  kj::ArrayPtr<const capnp::word> segment = builder.getSegmentsForOutput()[0];
  out->assign(reinterpret_cast<const char*>(segment.begin()), segment.size() * sizeof(capnp::word));
}

kj::ArrayPtr<const kj::byte> Bytes(const kj::Array<capnp::word>& words) { return words.asBytes(); }

kj::Array<capnp::word> ContentBytes(schema::Event::Reader event) {
  capnp::MallocMessageBuilder copy;
  copy.setRoot(event);
  schema::Event::Builder e = copy.getRoot<schema::Event>();
  e.setSeq(0);
  e.setRecordedAt(0);
  e.disownRecordedBy();
  e.disownPrevHash();
  return capnp::canonicalize(e.asReader());
}

std::string Describe(const kj::Exception& e) {
  kj::StringPtr d = e.getDescription();
  return Escaped(std::string_view(d.begin(), d.size()));
}

EventDecoder::EventDecoder() = default;
EventDecoder::~EventDecoder() = default;

Result<schema::Event::Reader> EventDecoder::Read(std::string_view bytes, bool check_canonical) {
  if (bytes.empty() || bytes.size() % sizeof(capnp::word) != 0) {
    return Status::Corruption("stored event of " + std::to_string(bytes.size()) +
                              " bytes is not a whole number of 8-byte words");
  }
  // RocksDB's slices are not 8-byte aligned; Cap'n Proto needs them to be.
  words_.resize(bytes.size() / sizeof(capnp::word));
  std::memcpy(words_.data(), bytes.data(), bytes.size());
  segment_ = kj::ArrayPtr<const capnp::word>(reinterpret_cast<const capnp::word*>(words_.data()), words_.size());
  try {
    reader_ = std::make_unique<capnp::SegmentArrayMessageReader>(kj::arrayPtr(&segment_, 1));
    if (check_canonical && !reader_->isCanonical()) return Status::Corruption("stored event is not in canonical form");
    return reader_->getRoot<schema::Event>();
  } catch (const kj::Exception& e) {
    return Status::Corruption(std::string("stored event does not decode: ") + Describe(e));
  }
}

Result<schema::Event::Reader> EventDecoder::Decode(std::string_view bytes) { return Read(bytes, true); }

Result<schema::Event::Reader> EventDecoder::DecodeUnchecked(std::string_view bytes) { return Read(bytes, false); }

schema::Event::Reader EventDecoder::View(kj::ArrayPtr<const capnp::word> words) {
  segment_ = words;
  reader_ = std::make_unique<capnp::SegmentArrayMessageReader>(kj::arrayPtr(&segment_, 1));
  return reader_->getRoot<schema::Event>();
}

void ForEachRef(schema::Body::Reader body, const std::function<void(schema::Kind, std::string_view)>& fn) {
  const TypeInfo* type = EventSchema::Get().TypeOf(static_cast<uint16_t>(body.which()));
  if (type == nullptr) return;  // a newer writer's type: it names nothing this build knows
  // The member struct and its text pointers, read by position: the same
  // bytes the reflective codec wrote, without its per-field lookups.
  capnp::AnyStruct::Reader member =
      capnp::AnyStruct::Reader(body).getPointerSection()[type->body_pointer].getAs<capnp::AnyStruct>();
  auto pointers = member.getPointerSection();
  for (const RefSlot& ref : type->refs) {
    if (ref.pointer >= pointers.size() || pointers[ref.pointer].isNull()) continue;
    if (ref.list) {
      for (capnp::Text::Reader t : pointers[ref.pointer].getAs<capnp::List<capnp::Text>>()) {
        fn(ref.kind, std::string_view(t.cStr(), t.size()));
      }
    } else {
      capnp::Text::Reader t = pointers[ref.pointer].getAs<capnp::Text>();
      fn(ref.kind, std::string_view(t.cStr(), t.size()));
    }
  }
  if (type->replacement_pointer && *type->replacement_pointer < pointers.size() &&
      !pointers[*type->replacement_pointer].isNull()) {
    ForEachRef(pointers[*type->replacement_pointer].getAs<schema::Replacement>().getBody(), fn);
  }
}

}  // namespace tledger
