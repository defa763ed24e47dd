#include "core/bundle.h"

#include <zstd.h>

#include <cstring>

#include <fmt/format.h>

#include "core/base64.h"
#include "core/codec.h"
#include "core/keys.h"
#include "core/note.h"
#include "core/printable.h"

namespace tledger::bundle {
namespace {

// The sections, in their order. A full bundle has `events`, a partial one
// `evidence`, at the same place.
constexpr const char* kSections[] = {"checkpoint", "statement", "events", "report", "violations", "compensation"};
constexpr int kZstdLevel = 9;

void PutBig(uint64_t v, int bytes, std::string* out) {
  for (int i = bytes - 1; i >= 0; --i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
uint64_t GetBig(std::string_view in, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = v << 8 | static_cast<uint8_t>(in[at + i]);
  return v;
}

Result<std::string> Compress(std::string_view raw) {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  if (cctx == nullptr) return Status::IoError("zstd: cannot allocate a context");
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, kZstdLevel);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 1);
  std::string out(ZSTD_compressBound(raw.size()), '\0');
  size_t n = ZSTD_compress2(cctx, out.data(), out.size(), raw.data(), raw.size());
  ZSTD_freeCCtx(cctx);
  if (ZSTD_isError(n)) return Status::IoError(fmt::format("zstd: {}", ZSTD_getErrorName(n)));
  out.resize(n);
  return out;
}

// One zstd frame, its declared size at most kMaxSectionBytes.
Result<std::string> Decompress(std::string_view frame) {
  unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR) return Status::Corruption("it is not a zstd frame");
  if (size == ZSTD_CONTENTSIZE_UNKNOWN) return Status::Corruption("its zstd frame does not declare its size");
  if (size > kMaxSectionBytes) {
    return Status::Corruption(fmt::format("it declares {} bytes, more than a bundle may hold ({})", size, kMaxSectionBytes));
  }
  if (ZSTD_findFrameCompressedSize(frame.data(), frame.size()) != frame.size()) {
    return Status::Corruption("it is not exactly one zstd frame");
  }
  std::string out(size, '\0');
  size_t n = ZSTD_decompress(out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(n)) return Status::Corruption(fmt::format("it does not decompress: {}", ZSTD_getErrorName(n)));
  if (n != size) return Status::Corruption("it decompresses to another size than it declares");
  return out;
}

// Ok when `events` is a list of length-prefixed events; fills `offsets`.
Status ParseEventList(std::string_view events, std::vector<size_t>* offsets) {
  size_t at = 0;
  while (at < events.size()) {
    if (events.size() - at < 4) return Status::Corruption(fmt::format("event {}: its length is cut off", offsets->size() + 1));
    uint64_t n = GetBig(events, at, 4);
    if (n > events.size() - at - 4) {
      return Status::Corruption(fmt::format("event {}: {} bytes announced, {} left", offsets->size() + 1, n,
                                            events.size() - at - 4));
    }
    offsets->push_back(at);
    at += 4 + n;
  }
  return Status::Ok();
}

// Evidence records: seq (8), chain hash (32), length (4), bytes, proof
// hash count (1), proof hashes (32 each).
std::string EvidenceList(const std::vector<EvidenceEvent>& events) {
  std::string out;
  for (const EvidenceEvent& e : events) {
    PutBig(e.seq, 8, &out);
    out.append(reinterpret_cast<const char*>(e.chain_hash.data()), 32);
    PutBig(e.bytes.size(), 4, &out);
    out += e.bytes;
    out.push_back(static_cast<char>(e.proof.size()));
    for (const Hash& h : e.proof) out.append(reinterpret_cast<const char*>(h.data()), 32);
  }
  return out;
}

Status ParseEvidenceList(std::string_view raw, std::vector<EvidenceEvent>* out) {
  size_t at = 0;
  auto need = [&](size_t n, const char* what) -> Status {
    if (raw.size() - at < n) {
      return Status::Corruption(fmt::format("evidence record {}: its {} is cut off", out->size() + 1, what));
    }
    return Status::Ok();
  };
  while (at < raw.size()) {
    EvidenceEvent e;
    TLEDGER_RETURN_IF_ERROR(need(8 + 32 + 4, "header"));
    e.seq = GetBig(raw, at, 8);
    std::memcpy(e.chain_hash.data(), raw.data() + at + 8, 32);
    uint64_t n = GetBig(raw, at + 40, 4);
    at += 44;
    TLEDGER_RETURN_IF_ERROR(need(n + 1, "event"));
    e.bytes.assign(raw.substr(at, n));
    at += n;
    size_t count = static_cast<uint8_t>(raw[at++]);
    TLEDGER_RETURN_IF_ERROR(need(32 * count, "proof"));
    for (size_t i = 0; i < count; ++i) {
      Hash h;
      std::memcpy(h.data(), raw.data() + at, 32);
      e.proof.push_back(h);
      at += 32;
    }
    if (e.seq == 0 || (!out->empty() && e.seq <= out->back().seq)) {
      return Status::Corruption(fmt::format("evidence record {}: seq {} does not follow seq {} (records are in "
                                            "increasing seq order, from 1)",
                                            out->size() + 1, e.seq, out->empty() ? 0 : out->back().seq));
    }
    out->push_back(std::move(e));
  }
  return Status::Ok();
}

// The lines of the statement, checked as they are read.
class Lines {
 public:
  // `text` begins at line `first` of the statement.
  Lines(std::string_view text, int first) : text_(text), number_(first - 1) {}
  // The value of the next line if its key is `key`; nullopt when the next
  // line has another key (an optional line left out).
  std::optional<std::string_view> Optional(std::string_view key) {
    std::string_view line = Peek();
    if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == ' ') {
      Advance();
      return line.substr(key.size() + 1);
    }
    return std::nullopt;
  }
  Result<std::string_view> Required(std::string_view key) {
    std::optional<std::string_view> v = Optional(key);
    if (!v) return Status::InvalidInput(fmt::format("the statement's line {}: expected \"{} ...\"", number_ + 1, key));
    return *v;
  }
  bool AtEnd() const { return pos_ >= text_.size(); }
  int number() const { return number_; }

 private:
  std::string_view Peek() const {
    size_t end = text_.find('\n', pos_);
    return end == std::string_view::npos ? text_.substr(pos_) : text_.substr(pos_, end - pos_);
  }
  void Advance() {
    size_t end = text_.find('\n', pos_);
    pos_ = end == std::string_view::npos ? text_.size() : end + 1;
    ++number_;
  }
  std::string_view text_;
  size_t pos_ = 0;
  int number_ = 0;
};

bool Writable(std::string_view value) {
  if (value.empty() || value.front() == ' ' || value.back() == ' ') return false;
  for (char c : value) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  return true;
}

Result<Hash> HashLine(Lines& lines, std::string_view key) {
  Result<std::string_view> v = lines.Required(key);
  if (!v.ok()) return v.status();
  std::optional<std::string> bytes = FromBase64(*v);
  if (!bytes || bytes->size() != 32) {
    return Status::InvalidInput(fmt::format("the statement's line {}: {} must be base64 of 32 bytes", lines.number(), key));
  }
  Hash h;
  std::memcpy(h.data(), bytes->data(), 32);
  return h;
}

Result<uint64_t> Decimal(std::string_view text) {
  if (text.empty() || text.size() > 19 || (text.size() > 1 && text[0] == '0')) return Status::InvalidInput("");
  uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return Status::InvalidInput("");
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

}  // namespace

Result<std::string> FormatStatement(const Statement& s) {
  const std::initializer_list<std::pair<const char*, std::string_view>> values = {
      {"origin", s.origin},
      {"lang", s.lang},
      {"rulebook", s.rulebook},
      {"tledger version", s.tledger_version},
      {"tledger build", s.tledger_build}};
  for (const auto& [name, value] : values) {
    if (!Writable(value)) return Status::InvalidInput(fmt::format("the statement's {} {} cannot be written", name, Quoted(value)));
  }
  if ((s.evidence && !Writable(*s.evidence)) || (s.plan && !Writable(*s.plan))) {
    return Status::InvalidInput("the statement's evidence or plan id cannot be written");
  }
  std::string t = fmt::format("{}\norigin {}\nsize {}\nroot {}\nhead {}:{}\n", kMagic, s.origin, s.size,
                              Base64(s.root), s.size, ToHex(s.head_hash));
  if (s.evidence) t += fmt::format("evidence {}\n", *s.evidence);
  t += fmt::format("as-of {}\nknown-at {}\n", s.as_of.ToString(), FormatInstant(s.known_at));
  if (s.plan) t += fmt::format("plan {}\n", *s.plan);
  t += fmt::format("lang {}\nrulebook {}\ntledger {} {}\nreport {}\nviolations {}\ncompensation {}\n", s.lang,
                   s.rulebook, s.tledger_version, s.tledger_build, Base64(s.report_digest),
                   Base64(s.violations_digest), s.compensation_digest ? Base64(*s.compensation_digest) : "none");
  return t;
}

Result<Statement> ParseStatement(std::string_view text) {
  TLEDGER_RETURN_IF_ERROR(note::CheckText(text));
  Statement s;
  if (text.substr(0, sizeof kMagic) != std::string(kMagic) + "\n") {
    return Status::InvalidInput(fmt::format("the statement's line 1: expected \"{}\"", kMagic));
  }
  Lines rest(text.substr(sizeof kMagic), 2);  // the lines after the first
  auto bad = [&](std::string_view key, std::string_view expected) {
    return Status::InvalidInput(fmt::format("the statement's line {}: {} must be {}", rest.number(), key, expected));
  };
  Result<std::string_view> origin = rest.Required("origin");
  if (!origin.ok()) return origin.status();
  s.origin = *origin;
  Result<std::string_view> size = rest.Required("size");
  if (!size.ok()) return size.status();
  Result<uint64_t> n = Decimal(*size);
  if (!n.ok()) return bad("size", "a decimal number");
  s.size = *n;
  Result<Hash> root = HashLine(rest, "root");
  if (!root.ok()) return root.status();
  s.root = *root;
  Result<std::string_view> head = rest.Required("head");
  if (!head.ok()) return head.status();
  size_t colon = head->find(':');
  std::optional<Hash> head_hash = colon == std::string_view::npos ? std::nullopt : HashFromHex(head->substr(colon + 1));
  if (!head_hash || head->substr(0, colon) != *size) return bad("head", "SIZE:HASH (the size above, 64 hex digits)");
  s.head_hash = *head_hash;
  if (std::optional<std::string_view> e = rest.Optional("evidence")) s.evidence = std::string(*e);
  Result<std::string_view> as_of = rest.Required("as-of");
  if (!as_of.ok()) return as_of.status();
  Result<Date> d = Date::Parse(*as_of);
  if (!d.ok()) return bad("as-of", "a date, YYYY-MM-DD");
  s.as_of = *d;
  Result<std::string_view> known_at = rest.Required("known-at");
  if (!known_at.ok()) return known_at.status();
  Result<Timestamp> t = ParseInstant(*known_at);
  if (!t.ok() || FormatInstant(*t) != *known_at) return bad("known-at", "an instant as tledger writes it");
  s.known_at = *t;
  if (std::optional<std::string_view> p = rest.Optional("plan")) s.plan = std::string(*p);
  Result<std::string_view> lang = rest.Required("lang");
  if (!lang.ok()) return lang.status();
  if (*lang != "vi" && *lang != "en") return bad("lang", "vi or en");
  s.lang = *lang;
  Result<std::string_view> rulebook = rest.Required("rulebook");
  if (!rulebook.ok()) return rulebook.status();
  s.rulebook = *rulebook;
  Result<std::string_view> tledger = rest.Required("tledger");
  if (!tledger.ok()) return tledger.status();
  size_t space = tledger->find(' ');
  if (space == std::string_view::npos) return bad("tledger", "VERSION BUILD");
  s.tledger_version = tledger->substr(0, space);
  s.tledger_build = tledger->substr(space + 1);
  Result<Hash> report = HashLine(rest, "report");
  if (!report.ok()) return report.status();
  s.report_digest = *report;
  Result<Hash> violations = HashLine(rest, "violations");
  if (!violations.ok()) return violations.status();
  s.violations_digest = *violations;
  Result<std::string_view> compensation = rest.Required("compensation");
  if (!compensation.ok()) return compensation.status();
  if (*compensation != "none") return bad("compensation", "\"none\" (this version makes no compensation list)");
  if (!rest.AtEnd()) return Status::InvalidInput(fmt::format("the statement's line {}: unexpected", rest.number() + 1));
  for (const std::string* v : {&s.origin, &s.rulebook, &s.tledger_version, &s.tledger_build}) {
    if (!Writable(*v)) return Status::InvalidInput("the statement has an empty value");
  }
  return s;
}

void EventListAppend(std::string_view canonical, std::string* events) {
  TLEDGER_CHECK(canonical.size() < (uint64_t{1} << 32));
  PutBig(canonical.size(), 4, events);
  events->append(canonical);
}

Result<std::string> WriteBundle(const Bundle& b) {
  std::string events_raw = b.full ? b.events : EvidenceList(b.evidence);
  for (const EvidenceEvent& e : b.evidence) {
    if (e.proof.size() > 255 || e.bytes.size() >= (uint64_t{1} << 32)) {
      return Status::InvalidInput(fmt::format("evidence event seq {} cannot be written", e.seq));
    }
  }
  if (events_raw.size() > kMaxSectionBytes) {
    return Status::InvalidInput(fmt::format("the events take {} bytes, more than a bundle may hold ({})",
                                            events_raw.size(), kMaxSectionBytes));
  }
  Result<std::string> frame = Compress(events_raw);
  if (!frame.ok()) return frame.status();
  std::string out = std::string(kMagic) + "\n";
  auto section = [&](std::string_view name, std::string_view bytes) {
    out += fmt::format("{} {}\n", name, bytes.size());
    out += bytes;
    out += "\n";
  };
  section("checkpoint", b.checkpoint);
  section("statement", b.statement);
  section(b.full ? "events" : "evidence", *frame);
  section("report", b.report);
  section("violations", b.violations);
  section("compensation", b.compensation);
  return out;
}

ReadResult ReadBundle(std::string_view file) {
  auto fail = [](ReadFailure f, Status s) { return ReadResult{std::nullopt, ReadError{f, std::move(s)}}; };
  const std::string magic = std::string(kMagic) + "\n";
  if (file.substr(0, magic.size()) != magic) {
    return fail(ReadFailure::kNotABundle,
                Status::InvalidInput(fmt::format("this is not an evidence bundle (it does not start with \"{}\")", kMagic)));
  }
  Bundle b;
  std::string_view frame;
  size_t at = magic.size();
  for (const char* expected : kSections) {
    size_t end = file.find('\n', at);
    if (end == std::string_view::npos || end - at > 64) {
      return fail(ReadFailure::kStructure, Status::Corruption(fmt::format("the bundle ends where the section \"{}\" "
                                                                          "should begin",
                                                                          expected)));
    }
    std::string_view header = file.substr(at, end - at);
    size_t space = header.find(' ');
    std::string_view name = header.substr(0, space);
    bool is_events = std::string_view(expected) == "events";
    if (space == std::string_view::npos || (name != expected && !(is_events && name == "evidence"))) {
      return fail(ReadFailure::kStructure,
                  Status::Corruption(fmt::format("at byte {}: expected the section \"{}{}\", found {}", at, expected,
                                                 is_events ? "\" or \"evidence" : "", Quoted(header))));
    }
    Result<uint64_t> n = Decimal(header.substr(space + 1));
    if (!n.ok() || *n > file.size() - end - 1 || file.size() - end - 1 - *n < 1 || file[end + 1 + *n] != '\n') {
      return fail(ReadFailure::kStructure,
                  Status::Corruption(fmt::format("the section \"{}\": its length {} does not fit the file", name,
                                                 Quoted(header.substr(space + 1)))));
    }
    std::string_view body = file.substr(end + 1, *n);
    at = end + 1 + *n + 1;
    if (name == "checkpoint") b.checkpoint = body;
    if (name == "statement") b.statement = body;
    if (is_events) {
      b.full = name == "events";
      frame = body;
    }
    if (name == "report") b.report = body;
    if (name == "violations") b.violations = body;
    if (name == "compensation") b.compensation = body;
  }
  if (at != file.size()) {
    return fail(ReadFailure::kStructure, Status::Corruption(fmt::format("{} bytes follow the last section", file.size() - at)));
  }
  const char* what = b.full ? "the events section" : "the evidence section";
  Result<std::string> raw = Decompress(frame);
  if (!raw.ok()) return fail(ReadFailure::kEvents, Status::Corruption(fmt::format("{}: {}", what, raw.status().message())));
  Status s;
  if (b.full) {
    std::vector<size_t> offsets;
    s = ParseEventList(*raw, &offsets);
    b.events = std::move(*raw);
  } else {
    s = ParseEvidenceList(*raw, &b.evidence);
  }
  if (!s.ok()) return fail(ReadFailure::kEvents, Status::Corruption(fmt::format("{}: {}", what, s.message())));
  return ReadResult{std::move(b), std::nullopt};
}

BundleEvents::BundleEvents(std::string_view events) : events_(events) {
  TLEDGER_CHECK(ParseEventList(events, &offsets_).ok());
}

std::string_view BundleEvents::bytes(size_t i) const {
  return events_.substr(offsets_[i] + 4, GetBig(events_, offsets_[i], 4));
}

Head BundleEvents::head() const {
  Head h;
  if (offsets_.empty()) return h;
  h.seq = offsets_.size();
  EventDecoder decoder;
  std::string_view last = bytes(offsets_.size() - 1);
  Result<schema::Event::Reader> ev = decoder.Decode(last);
  if (!ev.ok()) return h;
  try {
    h.recorded_at = ev->getRecordedAt();
    auto prev = ev->getPrevHash();
    Hash prev_hash{};
    if (prev.size() == 32) std::memcpy(prev_hash.data(), prev.begin(), 32);
    ChainHasher hasher;
    h.hash = hasher.Next(prev_hash, kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(last.data()), last.size()));
  } catch (const kj::Exception&) {
  }
  return h;
}

Status BundleEvents::ScanEvents(uint64_t from, uint64_t to, const EventFn& fn) const {
  EventDecoder decoder;
  to = std::min<uint64_t>(to, offsets_.size());
  for (uint64_t seq = std::max<uint64_t>(from, 1); seq <= to; ++seq) {
    Result<schema::Event::Reader> ev = decoder.Decode(bytes(seq - 1));
    if (!ev.ok()) return Status::Corruption(fmt::format("event seq {}: {}", seq, ev.status().message()));
    try {
      TLEDGER_RETURN_IF_ERROR(fn(seq, *ev));
    } catch (const kj::Exception& e) {
      return Status::Corruption(fmt::format("event seq {}: {}", seq, Describe(e)));
    }
  }
  return Status::Ok();
}

Status BundleEvents::ScanChain(const EventFn& fn) const {
  ChainHasher hasher;
  Hash chain = kGenesisHash;
  TLEDGER_RETURN_IF_ERROR(ScanEvents(1, offsets_.size(), [&](uint64_t seq, schema::Event::Reader ev) -> Status {
    auto prev = ev.getPrevHash();
    if (prev.size() != chain.size() || std::memcmp(prev.begin(), chain.data(), chain.size()) != 0) {
      return Status::Corruption(fmt::format("event seq {} does not chain: its previous hash is not the hash of the "
                                            "events before it",
                                            seq));
    }
    std::string_view b = bytes(seq - 1);
    chain = hasher.Next(chain, kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(b.data()), b.size()));
    return fn(seq, ev);
  }));
  if (chain != head().hash) return Status::Corruption("the events do not chain to the head");
  return Status::Ok();
}

}  // namespace tledger::bundle
