// The promise of SECURITY.md: whatever `import` accepts, `verify`,
// `checkpoint` and `history` pass on. Random ledgers (fixed seeds: a
// failure names its seed and reproduces) of every id shape the import rules
// allow (printable ASCII, Vietnamese letters, 1 to 128 characters), lists
// up to their caps, and corrections in chains deep (to kMaxCorrectionChain)
// and branching, retractions and replacements naming new ids, imported file
// by file through the real importer. After each file: verify passes; at the
// end, checkpoint passes and history of random ids either tells a story or
// says no event concerns the id, and the subject index files each id under
// exactly the events a plain model of the rule (core/FORMAT.md, "The
// subject index") says. A link past the cap is refused, naming its line.
//
// TLEDGER_PROMISE_LEDGERS sets how many ledgers (default 3, some seconds).
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/schema_info.h"
#include "core/store.h"
#include "core/subjects.h"
#include "core/text_rules.h"
#include "tests/test_util.h"
#include "tools/cli/commands.h"
#include "tools/cli/importer.h"

namespace tledger {
namespace {

using nlohmann::ordered_json;
using testing::TempDir;
using testing::WriteFile;

int Ledgers() {
  const char* n = std::getenv("TLEDGER_PROMISE_LEDGERS");
  return n != nullptr && std::atoi(n) > 0 ? std::atoi(n) : 3;
}

std::string Utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
  return out;
}

// One event the model knows: what it names and what it corrects.
struct ModelEvent {
  std::set<std::string> refs;  // the ids its body names (RefsOf)
  std::string target;          // a correction's; empty otherwise
  int depth = 0;               // its chain's length (0: not a correction)
  std::string type;
  ordered_json line;
};

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}

  int Int(int lo, int hi) { return lo + static_cast<int>(rng_() % static_cast<uint64_t>(hi - lo + 1)); }
  bool Chance(int percent) { return Int(1, 100) <= percent; }

  // A fresh id of a random shape the rules allow, at most `longest`
  // characters.
  std::string NewId(int longest = 128) {
    for (;;) {
      const std::vector<char32_t>& vn = VietnameseLetters();
      int length = Chance(5) ? Int(std::min(100, longest), longest) : Int(1, std::min(12, longest));
      std::string id;
      for (int i = 0; i < length; ++i) {
        int kind = Int(0, 9);
        char32_t c = kind < 6 ? static_cast<char32_t>(Int(0x21, 0x7e))
                     : kind < 9 ? vn[static_cast<size_t>(Int(0, static_cast<int>(vn.size()) - 1))]
                                : U' ';
        if (c == U' ' && (i == 0 || i == length - 1)) c = U'-';
        id += Utf8(c);
      }
      if (used_.insert(id).second) return id;
    }
  }
  std::string Pick(const std::vector<std::string>& pool) {
    return pool[static_cast<size_t>(Int(0, static_cast<int>(pool.size()) - 1))];
  }
  std::string Date() { return "20" + std::to_string(Int(20, 29)) + "-0" + std::to_string(Int(1, 9)) + "-1" + std::to_string(Int(0, 9)); }
  std::string Code() { return "f" + std::to_string(Int(0, 40)); }

  std::mt19937_64 rng_;
  std::set<std::string> used_;
};

class Promise {
 public:
  Promise(uint64_t seed, const std::string& dir) : g_(seed), seed_(seed), dir_(dir) {
    for (int i = 0; i < 8; ++i) units_.push_back(g_.NewId());
    for (int i = 0; i < 12; ++i) persons_.push_back(g_.NewId());
    for (int i = 0; i < 4; ++i) plans_.push_back(g_.NewId());
  }

  friend struct Coverage;
  void Run() {
    store_ = testing::OpenStore(dir_ + "/db", OpenMode::kWrite);
    for (int file = 0; file < 6 && !::testing::Test::HasFailure(); ++file) ImportFile(g_.Int(5, 60));
    if (::testing::Test::HasFailure()) return;
    store_.reset();
    CheckReaders();
  }

 private:
  // A body naming new or known ids, of one of a few types.
  ordered_json Body(const std::string& type) {
    ordered_json b;
    if (type == "unit_registered") {
      b = {{"unit", g_.Chance(30) ? NewUnit() : g_.Pick(units_)}, {"name", "Đơn vị " + g_.NewId()},
           {"level", "province"}, {"parent", g_.Chance(50) ? ordered_json(g_.Pick(units_)) : ordered_json(nullptr)}};
    } else if (type == "person_transferred") {
      b = {{"person", g_.Chance(30) ? NewPerson() : g_.Pick(persons_)}, {"unit", g_.Pick(units_)}};
    } else if (type == "unit_reorganized") {
      // Up to the cap of `from` (10,000) now and then.
      int n = g_.Chance(3) ? 10'000 : g_.Int(1, 30);
      ordered_json from = ordered_json::array();
      longest_from = std::max(longest_from, static_cast<size_t>(n));
      for (int i = 0; i < n; ++i) from.push_back(i < 3 ? g_.Pick(units_) : "u" + std::to_string(i) + "-" + g_.NewId(100));
      b = {{"kind", "merge"}, {"from", from}, {"to", g_.Pick(units_)}};
    } else if (type == "plan_issued") {
      bool full = g_.Chance(20);  // every list at its cap
      ordered_json quotas = ordered_json::array(), fields = ordered_json::array(), phases = ordered_json::array();
      for (int i = 0, n = full ? 100 : g_.Int(0, 5); i < n; ++i) {
        quotas.push_back({{"program", i % 2 ? "phd" : "master"}, {"funding_class", "public"},
                          {"location", "domestic"}, {"count", g_.Int(0, 1'000'000)}});
      }
      for (int i = 0, n = full ? 100 : g_.Int(0, 5); i < n; ++i) fields.push_back(g_.Code());
      for (int i = 0, n = full ? 20 : g_.Int(0, 3); i < n; ++i) {
        ordered_json pf = ordered_json::array();
        for (int j = 0, m = full ? 100 : g_.Int(1, 4); j < m; ++j) pf.push_back(g_.Code());
        phases.push_back({{"fields", pf}, {"opens", g_.Date()}});
      }
      b = {{"plan", g_.Chance(40) ? NewPlan() : g_.Pick(plans_)}, {"title", "Kế hoạch"}, {"issuer", g_.Pick(units_)},
           {"year", 2025}, {"budget_vnd", g_.Chance(10) ? kMaxMoneyVnd : int64_t{g_.Int(0, 1'000'000'000)}},
           {"quotas", quotas}, {"priority_fields", fields}, {"phases", phases}};
    } else {  // funding_decided
      b = {{"decision", g_.NewId()}, {"plan", g_.Pick(plans_)}, {"amount_vnd", g_.Chance(20) ? kMaxMoneyVnd : int64_t{g_.Int(0, 100'000'000)}},
           {"funding", "state_budget"}};
    }
    b["type"] = type;
    return b;
  }
  std::string NewUnit() { return units_.emplace_back(g_.NewId()); }
  std::string NewPerson() { return persons_.emplace_back(g_.NewId()); }
  std::string NewPlan() { return plans_.emplace_back(g_.NewId()); }

  // The ids a body names, as the subject index files them.
  static void Names(const ordered_json& body, std::set<std::string>* out) {
    for (const char* key : {"unit", "parent", "person", "to", "plan", "issuer", "decision", "enrollment", "course"}) {
      if (body.contains(key) && body[key].is_string()) out->insert(body[key].get<std::string>());
    }
    if (body.contains("from")) {
      for (const auto& u : body["from"]) out->insert(u.get<std::string>());
    }
    if (body.contains("replacement")) Names(body["replacement"], out);
  }

  // One event: new facts, or a correction (a retraction, or a replacement
  // of the same type naming new ids), often extending the longest chain.
  ModelEvent NewEvent() {
    ModelEvent e;
    std::string id = g_.NewId();
    ordered_json line;
    if (!events_.empty() && g_.Chance(45)) {
      std::string target = PickTarget();
      const ModelEvent& t = events_.at(target);
      e.target = target;
      e.depth = t.depth + 1;
      line = {{"type", "correction"}, {"id", id}, {"effective", g_.Date()}, {"target", target}};
      bool replace = g_.Chance(50);
      if (replace && t.type != "correction") {
        ordered_json r = Body(t.type);
        r.erase("type");
        ordered_json rep = {{"type", t.type}, {"effective", g_.Date()}};
        rep.update(r);
        line["action"] = "replace";
        line["replacement"] = rep;
      } else if (replace) {  // a correction replaced by a correction of the same target
        line["action"] = "replace";
        line["replacement"] = {{"type", "correction"}, {"effective", g_.Date()}, {"target", t.target},
                               {"action", "retract"}, {"reason", "đổi"}};
      } else {
        line["action"] = "retract";
      }
      line["reason"] = "sửa " + g_.NewId();
      e.type = "correction";
    } else {
      const char* types[] = {"unit_registered", "person_transferred", "unit_reorganized", "plan_issued",
                             "funding_decided"};
      e.type = types[g_.Int(0, 4)];
      ordered_json b = Body(e.type);
      b.erase("type");
      line = {{"type", e.type}, {"id", id}, {"effective", g_.Date()}};
      line.update(b);
    }
    Names(line, &e.refs);
    e.line = line;
    order_.push_back(id);
    return e;
  }

  // Mostly the end of the deepest chain (when it can grow), else any event.
  std::string PickTarget() {
    if (g_.Chance(50)) {
      std::string deepest;
      for (const std::string& id : order_) {
        auto it = events_.find(id);
        if (it == events_.end()) continue;
        if (it->second.depth < kMaxCorrectionChain && (deepest.empty() || it->second.depth >= events_.at(deepest).depth)) {
          deepest = id;
        }
      }
      if (!deepest.empty()) return deepest;
    }
    for (;;) {
      const std::string& id = order_[static_cast<size_t>(g_.Int(0, static_cast<int>(order_.size()) - 1))];
      auto it = events_.find(id);
      if (it != events_.end() && it->second.depth < kMaxCorrectionChain) return id;
    }
  }

  // What the ledgers covered, over all seeds.
  static inline int refused_past_the_cap = 0;
  static inline size_t longest_from = 0;

  void ImportFile(int lines) {
    std::string text;
    std::vector<std::pair<std::string, ModelEvent>> staged;
    for (int i = 0; i < lines; ++i) {
      ModelEvent e = NewEvent();
      std::string id = e.line["id"];
      text += e.line.dump() + "\n";
      events_.emplace(id, e);  // later lines of the file may correct it
      staged.emplace_back(id, std::move(e));
    }
    const std::string path = dir_ + "/f" + std::to_string(files_++) + ".jsonl";
    WriteFile(path, text);
    Result<FileImport> r = tledger::ImportFile(*store_, path, ImportOptions{testing::kActor, ""});
    ASSERT_TRUE(r.ok()) << "seed " << seed_ << ": " << r.status().ToString();
    ASSERT_EQ(r->appended, static_cast<uint64_t>(lines)) << "seed " << seed_;
    for (auto& [id, e] : staged) seq_of_[id] = ++head_;
    VerifyNow();

    // One link past the cap, alone in a file: refused, nothing written.
    std::string end;
    for (const auto& [id, e] : events_) {
      if (e.depth == kMaxCorrectionChain) end = id;
    }
    if (end.empty()) return;
    ordered_json over = {{"type", "correction"}, {"id", g_.NewId()}, {"effective", "2026-01-01"},
                         {"target", end}, {"action", "retract"}, {"reason", "r"}};
    const std::string over_path = dir_ + "/over" + std::to_string(files_++) + ".jsonl";
    WriteFile(over_path, over.dump() + "\n");
    Result<FileImport> refused = tledger::ImportFile(*store_, over_path, ImportOptions{testing::kActor, ""});
    ASSERT_FALSE(refused.ok()) << "seed " << seed_;
    ++refused_past_the_cap;
    EXPECT_NE(refused.status().message().find(over_path + ":1: target: "), std::string::npos)
        << "seed " << seed_ << ": " << refused.status().message();
    EXPECT_EQ(store_->head().seq, head_) << "seed " << seed_;
  }

  void VerifyNow() {
    Globals g;
    g.db = dir_ + "/db";
    std::FILE* out = std::tmpfile();
    g.out = out;
    // The writer is open: verify reads through a second, read-only store.
    Status s = CmdVerify(g, VerifyArgs{});
    std::fclose(out);
    EXPECT_TRUE(s.ok()) << "seed " << seed_ << ": " << s.ToString();
  }

  // The subjects of an event by the rule, walked plainly: its own ids and
  // its target's subjects.
  std::set<std::string> ModelSubjects(const std::string& id) const {
    std::set<std::string> out;
    for (std::string at = id; !at.empty();) {
      const ModelEvent& e = events_.at(at);
      out.insert(e.refs.begin(), e.refs.end());
      at = e.target;
    }
    return out;
  }

  void CheckReaders() {
    Globals g;
    g.db = dir_ + "/db";
    std::FILE* out = std::tmpfile();
    g.out = out;
    Status checkpoint = CmdCheckpoint(g, CheckpointArgs{});
    EXPECT_TRUE(checkpoint.ok()) << "seed " << seed_ << ": " << checkpoint.ToString();
    std::map<std::string, std::set<uint64_t>> expected;  // id -> the seqs filed under it
    for (const auto& [id, e] : events_) {
      for (const std::string& s : ModelSubjects(id)) expected[s].insert(seq_of_.at(id));
    }
    std::unique_ptr<Store> reader = testing::OpenStore(dir_ + "/db", OpenMode::kRead);
    std::vector<std::string> ids;
    for (const auto& [id, seqs] : expected) ids.push_back(id);
    for (int i = 0; i < 40 && !ids.empty(); ++i) {
      const std::string id = g_.Pick(ids);
      std::vector<uint64_t> seqs = reader->SubjectSeqs(id);
      EXPECT_EQ(std::set<uint64_t>(seqs.begin(), seqs.end()), expected[id]) << "seed " << seed_ << ", id " << id;
      HistoryArgs h;
      h.id = id;
      Status s = CmdHistory(g, h);
      EXPECT_TRUE(s.ok()) << "seed " << seed_ << ", history " << id << ": " << s.ToString();
    }
    // An event id names no subject: history finds nothing, and says so.
    HistoryArgs none;
    none.id = order_.front();
    if (!expected.contains(none.id)) {
      Status s = CmdHistory(g, none);
      EXPECT_EQ(s.code(), Status::Code::kNotFound) << "seed " << seed_ << ": " << s.ToString();
    }
    std::fclose(out);
  }

  Generator g_;
  uint64_t seed_;
  std::string dir_;
  std::unique_ptr<Store> store_;
  std::vector<std::string> units_, persons_, plans_;
  std::map<std::string, ModelEvent> events_;  // by event id
  std::vector<std::string> order_;            // event ids in file order
  std::map<std::string, uint64_t> seq_of_;
  uint64_t head_ = 0;
  int files_ = 0;
};

struct Coverage {
  static int RefusedPastTheCap() { return Promise::refused_past_the_cap; }
  static size_t LongestFrom() { return Promise::longest_from; }
};

TEST(ImportPromise, WhateverImportAcceptsVerifyCheckpointAndHistoryPassOn) {
  for (int i = 0; i < Ledgers(); ++i) {
    TempDir tmp;
    Promise(0x5ec1a9u + static_cast<uint64_t>(i), tmp.path()).Run();
    if (::testing::Test::HasFailure()) break;
  }
  // The seeds reach the cap of a chain (and go past it) and of `from`.
  EXPECT_GT(Coverage::RefusedPastTheCap(), 0);
  EXPECT_EQ(Coverage::LongestFrom(), 10'000u);
}

}  // namespace
}  // namespace tledger
