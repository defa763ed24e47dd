// The subject index (core/FORMAT.md, "The subject index"): which ids an
// event is filed under. One decision for every reader and writer of the
// index: the appender files what it decides, verify checks the index
// against it, the discard of an uncommitted tail deletes what it names,
// `history` checks each event it shows.
//
//   SubjectCollector collector(find, read);   // one per pass: it remembers corrections
//   Subjects subjects;
//   Result<SubjectCollector::Chain> c = collector.Collect(seq, event, &subjects);
//
// An event is filed under every id its body names (fields annotated $ref in
// core/event.capnp, lists element by element, a correction's replacement
// included) and, when it is a correction, under every subject of its target
// as well, whatever the depth of a chain of corrections of corrections.
// The collector remembers each correction it has met, so a correction
// costs one read of its target and never a walk down its chain: a pass over
// the ledger in seq order does work linear in the events and the index
// entries they imply, and keeps memory linear in what the corrections name.
//
// Not thread-safe: one collector per thread.
#ifndef TLEDGER_CORE_SUBJECTS_H_
#define TLEDGER_CORE_SUBJECTS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/event.capnp.h"
#include "core/status.h"

namespace tledger {

// The longest chain of corrections import accepts: a correction of a
// correction of ... of an event that is not one, this many corrections
// long. Each link is filed under every subject of the links below it, so
// the bound keeps what one line of an import can add to the index within
// this many times what it names. A ledger written with deeper chains (by an
// older build) still reads and verifies in linear time.
inline constexpr int kMaxCorrectionChain = 16;

// Subject ids, each once, sorted by id, with a bit per role the id plays
// (1 << schema::Kind).
using Subjects = std::vector<std::pair<std::string, uint8_t>>;

// *out becomes the ids `body` names itself (not a correction's target's):
// O(n log n) in the ids, whatever the length of its lists.
void RefsOf(schema::Body::Reader body, Subjects* out);

class SubjectCollector {
 public:
  // The seq of the event recorded under `id`; nullopt when there is none.
  using FindFn = std::function<Result<std::optional<uint64_t>>(std::string_view id)>;
  // The stored bytes of event `seq`, found under `id`: the reader checks
  // what it does not trust (verify: that the event there carries `id`).
  using ReadFn = std::function<Result<std::string>(uint64_t seq, std::string_view id)>;

  SubjectCollector(FindFn find, ReadFn read);
  ~SubjectCollector();
  SubjectCollector(const SubjectCollector&) = delete;
  SubjectCollector& operator=(const SubjectCollector&) = delete;

  struct Chain {
    // Corrections from the event down to the first event that is not one:
    // 0 for an event that is not a correction, 1 for a correction of one.
    int depth = 0;
    uint64_t root = 0;  // that first event's seq
  };

  // *out becomes the subjects of `event`, recorded (or about to be) at
  // `seq`. Corruption "seq N: ..." when a target down the chain is not in
  // the ledger, comes at or after the correction naming it, or does not
  // decode; the errors of `find` and `read` as they are.
  Result<Chain> Collect(uint64_t seq, schema::Event::Reader event, Subjects* out);
  // The same for a correction at `seq` of the event recorded under
  // `target`, whose own ids `*subjects` holds already (RefsOf).
  Result<Chain> AddTarget(uint64_t seq, std::string_view target, Subjects* subjects);

  // Forgets what was collected for `seq`: an appender reuses the seq of an
  // event it refused after collecting its subjects.
  void Forget(uint64_t seq) { corrections_.erase(seq); }

  // How many events `read` returned: one per correction collected,
  // however deep the chains (verify reports it as the work it did).
  uint64_t reads() const { return reads_; }

 private:
  struct Node;
  struct Entry {
    std::shared_ptr<const Node> node;  // its subjects
    int depth = 0;
    uint64_t root = 0;
  };
  // The entry of the event recorded under `id`, named by the correction at
  // `seq`; the corrections met on the way down are remembered.
  Result<Entry> Resolve(uint64_t seq, std::string_view id);
  // `base` extended by a correction naming `refs` (sorted, each once).
  Entry Extend(const Entry& base, const Subjects& refs, Subjects* all) const;
  static void Flatten(const Node* node, Subjects* out);

  FindFn find_;
  ReadFn read_;
  std::unordered_map<uint64_t, Entry> corrections_;  // by seq
  uint64_t reads_ = 0;
};

}  // namespace tledger

#endif  // TLEDGER_CORE_SUBJECTS_H_
