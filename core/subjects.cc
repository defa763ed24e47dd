#include "core/subjects.h"

#include <algorithm>

#include <kj/exception.h>

#include "core/codec.h"
#include "core/printable.h"

namespace tledger {
namespace {

std::string SeqMsg(uint64_t seq, const std::string& what) { return "seq " + std::to_string(seq) + ": " + what; }

// Sorts by id and merges the entries of one id, OR-ing their roles.
void Normalize(Subjects* s) {
  std::sort(s->begin(), s->end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t kept = 0;
  for (size_t i = 0; i < s->size(); ++i) {
    if (kept > 0 && (*s)[kept - 1].first == (*s)[i].first) {
      (*s)[kept - 1].second |= (*s)[i].second;
    } else {
      if (kept != i) (*s)[kept] = std::move((*s)[i]);
      ++kept;
    }
  }
  s->resize(kept);
}

// The roles of `id` in sorted `s` (0 when it is not there).
uint8_t RolesIn(const Subjects& s, std::string_view id) {
  auto it = std::lower_bound(s.begin(), s.end(), id, [](const auto& e, std::string_view v) { return e.first < v; });
  return it != s.end() && it->first == id ? it->second : 0;
}

}  // namespace

void RefsOf(schema::Body::Reader body, Subjects* out) {
  out->clear();
  ForEachRef(body, [&](schema::Kind kind, std::string_view id) {
    out->emplace_back(std::string(id), static_cast<uint8_t>(1u << static_cast<unsigned>(kind)));
  });
  Normalize(out);
}

// What a correction adds to the subjects of its target: the entries of its
// own that its target's did not cover. A correction adding nothing shares
// its target's node, so a chain of retractions costs no memory per link.
struct SubjectCollector::Node {
  Node(Subjects a, std::shared_ptr<const Node> p) : added(std::move(a)), parent(std::move(p)) {}
  // Frees a long chain of nodes one at a time: the default destructor
  // would recurse once per link.
  ~Node() {
    std::shared_ptr<const Node> p = std::move(parent);
    while (p && p.use_count() == 1) p = std::move(const_cast<Node*>(p.get())->parent);
  }
  Subjects added;
  std::shared_ptr<const Node> parent;
};

SubjectCollector::SubjectCollector(FindFn find, ReadFn read) : find_(std::move(find)), read_(std::move(read)) {}
SubjectCollector::~SubjectCollector() = default;

void SubjectCollector::Flatten(const Node* node, Subjects* out) {
  out->clear();
  for (; node != nullptr; node = node->parent.get()) out->insert(out->end(), node->added.begin(), node->added.end());
  Normalize(out);
}

SubjectCollector::Entry SubjectCollector::Extend(const Entry& base, const Subjects& refs, Subjects* all) const {
  Flatten(base.node.get(), all);
  Subjects added;
  for (const auto& [id, roles] : refs) {
    if ((RolesIn(*all, id) & roles) != roles) added.emplace_back(id, roles);
  }
  Entry e{base.node, base.depth + 1, base.root};
  if (!added.empty()) {
    all->insert(all->end(), added.begin(), added.end());
    Normalize(all);
    e.node = std::make_shared<const Node>(std::move(added), base.node);
  }
  return e;
}

Result<SubjectCollector::Entry> SubjectCollector::Resolve(uint64_t seq, std::string_view id) {
  // Down the chain until an event that is not a correction, or one already
  // met; then back up, remembering each correction on the way.
  struct Link {
    uint64_t seq;
    Subjects refs;
  };
  std::vector<Link> links;
  std::string target(id);
  uint64_t below = seq;
  Entry base;
  EventDecoder decoder;
  for (;;) {
    Result<std::optional<uint64_t>> found = find_(target);
    if (!found.ok()) return found.status();
    if (!*found) return Status::Corruption(SeqMsg(below, "names target " + Quoted(target) + ", which the id index does not hold"));
    const uint64_t at = **found;
    // Each step goes to an earlier seq, so the walk ends.
    if (at >= below) {
      return Status::Corruption(SeqMsg(below, "its target " + Quoted(target) + " is indexed at seq " +
                                                  std::to_string(at) + ", not before it"));
    }
    Result<std::string> bytes = read_(at, target);
    if (!bytes.ok()) return bytes.status();
    ++reads_;
    if (auto known = corrections_.find(at); known != corrections_.end()) {
      base = known->second;
      break;
    }
    Result<schema::Event::Reader> ev = decoder.Decode(*bytes);
    if (!ev.ok()) return Status::Corruption(SeqMsg(at, ev.status().message()));
    Subjects refs;
    std::optional<std::string> next;
    try {
      RefsOf(ev->getBody(), &refs);
      if (ev->getBody().isCorrection()) {
        capnp::Text::Reader t = ev->getBody().getCorrection().getTarget();
        next.emplace(t.cStr(), t.size());
      }
    } catch (const kj::Exception& e) {
      return Status::Corruption(SeqMsg(at, "stored event does not decode: " + Describe(e)));
    }
    if (!next) {
      base = Entry{std::make_shared<const Node>(std::move(refs), nullptr), 0, at};
      break;
    }
    links.push_back(Link{at, std::move(refs)});
    target = std::move(*next);
    below = at;
  }
  Subjects scratch;
  for (auto link = links.rbegin(); link != links.rend(); ++link) {
    base = Extend(base, link->refs, &scratch);
    corrections_.insert_or_assign(link->seq, base);
  }
  return base;
}

Result<SubjectCollector::Chain> SubjectCollector::AddTarget(uint64_t seq, std::string_view target,
                                                            Subjects* subjects) {
  Result<Entry> base = Resolve(seq, target);
  if (!base.ok()) return base.status();
  Normalize(subjects);
  Subjects all;
  Entry e = Extend(*base, *subjects, &all);
  corrections_.insert_or_assign(seq, e);
  *subjects = std::move(all);
  return Chain{e.depth, e.root};
}

Result<SubjectCollector::Chain> SubjectCollector::Collect(uint64_t seq, schema::Event::Reader event, Subjects* out) {
  RefsOf(event.getBody(), out);
  if (!event.getBody().isCorrection()) return Chain{0, seq};
  capnp::Text::Reader t = event.getBody().getCorrection().getTarget();
  return AddTarget(seq, std::string_view(t.cStr(), t.size()), out);
}

}  // namespace tledger
