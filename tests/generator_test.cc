// tledger-gen (tools/gen): deterministic, exactly N importable lines, every
// rule violated somewhere.
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include "tools/gen/generator.h"
#include "tools/gen/json_line.h"
#include "tools/gen/rng.h"

namespace tledger::gen {
namespace {

namespace fs = std::filesystem;

// SHA-256 of everything written, and the line count.
class HashSink : public EventSink {
 public:
  HashSink() : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr); }
  ~HashSink() override { EVP_MD_CTX_free(ctx_); }
  void Line(std::string_view line) override {
    EVP_DigestUpdate(ctx_, line.data(), line.size());
    ++lines;
  }
  std::string Hex() {
    unsigned char d[32];
    unsigned n = 0;
    EVP_DigestFinal_ex(ctx_, d, &n);
    std::string s;
    char buf[3];
    for (unsigned i = 0; i < n; ++i) {
      std::snprintf(buf, sizeof buf, "%02x", d[i]);
      s += buf;
    }
    return s;
  }
  uint64_t lines = 0;

 private:
  EVP_MD_CTX* ctx_;
};

class StringSink : public EventSink {
 public:
  void Line(std::string_view line) override {
    lines.emplace_back(line);
    text += line;
  }
  std::vector<std::string> lines;
  std::string text;
};

std::string HashOf(uint64_t seed, uint64_t events) {
  HashSink sink;
  Generate({.seed = seed, .events = events}, sink);
  return sink.Hex();
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh directory for one test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("tledger-gen-test-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

int Shell(const std::string& command) {
  int status = std::system((command + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(RngTest, SameSeedSameSequenceOnEveryPlatform) {
  // xoshiro256** seeded by splitmix64: fixed values, whatever the library.
  Rng rng(1);
  EXPECT_EQ(rng.Next(), 0xb3f2af6d0fc710c5ULL);
  Rng a(42), b(42);
  for (int i = 0; i < 1000; ++i) {
    uint32_t x = a.Below(7);
    EXPECT_EQ(x, b.Below(7));
    EXPECT_LT(x, 7u);
    int32_t y = a.Between(-3, 3);
    EXPECT_EQ(y, b.Between(-3, 3));
    EXPECT_GE(y, -3);
    EXPECT_LE(y, 3);
  }
}

TEST(JsonLineTest, EscapesQuotesBackslashesAndControlCharacters) {
  std::string out;
  AppendJsonString(out, "Bồi dưỡng \"Chuyển đổi số\" C:\\a\n\t\x01");
  EXPECT_EQ(out, "\"Bồi dưỡng \\\"Chuyển đổi số\\\" C:\\\\a\\n\\t\\u0001\"");
  EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(), "Bồi dưỡng \"Chuyển đổi số\" C:\\a\n\t\x01");
}

TEST(JsonLineTest, DatesAreCivilDates) {
  EXPECT_EQ(DateText::Get().Of(0), "1970-01-01");
  EXPECT_EQ(DateText::Get().Of(20270), "2025-07-01");
}

TEST(GeneratorTest, SameSeedSameBytes) {
  EXPECT_EQ(HashOf(7, 50'000), HashOf(7, 50'000));
}

TEST(GeneratorTest, OutputIsPinned) {
  // Any change to the model changes these bytes: update the hash on purpose,
  // in the commit that changes the model.
  EXPECT_EQ(HashOf(1, 2'000), "905dc5ba0d8a9be9a86a0fb1fd87ba8d49f3250d8e9efb8af23ffd92dd8f01d7");
}

TEST(GeneratorTest, DifferentSeedsDiffer) {
  EXPECT_NE(HashOf(1, 5'000), HashOf(2, 5'000));
}

TEST(GeneratorTest, WritesExactlyNLines) {
  for (uint64_t n : {0, 1, 7, 100, 1'234, 12'345, 100'000}) {
    StringSink sink;
    GeneratorStats stats = Generate({.seed = 3, .events = n}, sink);
    EXPECT_EQ(sink.lines.size(), n);
    EXPECT_EQ(stats.events, n);
    uint64_t by_type = 0;
    for (uint64_t c : stats.by_type.n) by_type += c;
    EXPECT_EQ(by_type, n);
    for (const std::string& line : sink.lines) {
      ASSERT_GE(line.size(), 2u);
      ASSERT_EQ(line.back(), '\n');
      ASSERT_EQ(line.find('\n'), line.size() - 1);
    }
  }
}

TEST(GeneratorTest, EveryLineIsAnObjectOfAKnownType) {
  // The types of shared/spec/events.md.
  const std::set<std::string> known = {
      "unit_registered", "unit_reorganized", "person_registered", "person_transferred", "person_left_service",
      "qualification_recorded", "plan_issued", "plan_amended", "nomination_approved", "nomination_revoked",
      "course_opened", "enrollment_recorded", "enrollment_withdrawn", "completion_recorded", "funding_decided",
      "funding_revoked", "compensation_exempted", "reimbursement_recorded", "correction"};
  StringSink sink;
  Generate({.seed = 11, .events = 20'000}, sink);
  std::set<std::string> ids, seen;
  for (const std::string& line : sink.lines) {
    nlohmann::json j = nlohmann::json::parse(line);
    ASSERT_TRUE(j.is_object()) << line;
    ASSERT_TRUE(j["type"].is_string()) << line;
    std::string type = j["type"];
    ASSERT_TRUE(known.count(type)) << line;
    seen.insert(type);
    ASSERT_TRUE(j["id"].is_string()) << line;
    ASSERT_TRUE(ids.insert(j["id"].get<std::string>()).second) << "duplicate id: " << line;
    ASSERT_TRUE(j["effective"].is_string()) << line;
  }
  EXPECT_EQ(seen, known);  // all of them, in a ledger this small
}

TEST(GeneratorTest, PartsConcatenateToTheSingleFile) {
  TempDir dir;
  const fs::path single = dir.path() / "all.jsonl";
  const fs::path prefix = dir.path() / "batch";
  ASSERT_EQ(Shell(std::string(TLEDGER_GEN_BIN) + " --seed 5 --events 30000 -o " + single.string()), 0);
  ASSERT_EQ(Shell(std::string(TLEDGER_GEN_BIN) + " --seed 5 --events 30000 --parts 3 -o " + prefix.string()), 0);
  std::string joined;
  for (const char* part : {"batch.000.jsonl", "batch.001.jsonl", "batch.002.jsonl"}) {
    std::string text = ReadFile(dir.path() / part);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 10'000) << part;
    joined += text;
  }
  EXPECT_FALSE(fs::exists(dir.path() / "batch.003.jsonl"));
  EXPECT_EQ(joined, ReadFile(single));
  // stdout gives the same bytes as -o.
  ASSERT_EQ(std::system((std::string(TLEDGER_GEN_BIN) + " --seed 5 --events 30000 > " + (dir.path() / "out.jsonl").string()).c_str()), 0);
  EXPECT_EQ(ReadFile(dir.path() / "out.jsonl"), joined);
}

TEST(GeneratorTest, MorePartsThanLinesLeavesEmptyParts) {
  TempDir dir;
  const fs::path prefix = dir.path() / "p";
  ASSERT_EQ(Shell(std::string(TLEDGER_GEN_BIN) + " --seed 5 --events 2 --parts 4 -o " + prefix.string()), 0);
  std::string joined;
  for (int k = 0; k < 4; ++k) joined += ReadFile(dir.path() / ("p.00" + std::to_string(k) + ".jsonl"));
  EXPECT_EQ(std::count(joined.begin(), joined.end(), '\n'), 2);
}

TEST(GeneratorTest, RefusesPartsWithoutOutput) {
  EXPECT_EQ(Shell(std::string(TLEDGER_GEN_BIN) + " --events 10 --parts 2"), 1);
}

TEST(GeneratorTest, BatchesImportIntoTheRealLedgerAndVerify) {
  TempDir dir;
  const fs::path prefix = dir.path() / "batch";
  const fs::path db = dir.path() / "db";
  ASSERT_EQ(Shell(std::string(TLEDGER_GEN_BIN) + " --seed 9 --events 20000 --parts 2 -o " + prefix.string()), 0);
  // Two imports: transaction time advances between the batches.
  for (const char* part : {"batch.000.jsonl", "batch.001.jsonl"}) {
    EXPECT_EQ(Shell(std::string(TLEDGER_BIN) + " --db " + db.string() + " import " + (dir.path() / part).string()), 0)
        << part;
  }
  EXPECT_EQ(Shell(std::string(TLEDGER_BIN) + " --db " + db.string() + " verify"), 0);
  // Importing the same batch again is an idempotent no-op.
  EXPECT_EQ(Shell(std::string(TLEDGER_BIN) + " --db " + db.string() + " import " + (dir.path() / "batch.000.jsonl").string()), 0);
}

TEST(GeneratorTest, EveryViolationKindIsInjected) {
  HashSink sink;
  GeneratorStats stats = Generate({.seed = 1, .events = 200'000}, sink);
  for (size_t i = 0; i < kInjectedCount; ++i) {
    EXPECT_GT(stats.injected.n[i], 0u) << RuleName(static_cast<Injected>(i)) << " (kind " << i << ")";
  }
  // Corrections about 0.5% and backdated events about 1% of the stream.
  EXPECT_GT(stats.by_type[EventType::kCorrection], 600u);
  EXPECT_LT(stats.by_type[EventType::kCorrection], 1'400u);
  EXPECT_GT(stats.backdated, 1'200u);
  EXPECT_LT(stats.backdated, 3'000u);
  EXPECT_EQ(stats.filler, 0u);
}

}  // namespace
}  // namespace tledger::gen
