// core/hash_chain: H_n = SHA-256(H_{n-1} || canonical bytes of event n).
// Every expected hash here was computed outside tledger, with
// `xxd -r -p | sha256sum` (and `openssl dgst -sha256`) on the same bytes.
#include "core/hash_chain.h"

#include <gtest/gtest.h>

#include "core/codec.h"
#include "core/json_codec.h"
#include "tests/format_example_events.h"
#include "tests/test_util.h"

namespace tledger {
namespace {

kj::ArrayPtr<const kj::byte> BytesOf(std::string_view s) {
  return kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(s.data()), s.size());
}

TEST(HashChain, DigestIsSha256) {
  ChainHasher hasher;
  // printf abc | sha256sum
  EXPECT_EQ(ToHex(hasher.Digest(BytesOf("abc"))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // head -c 32 /dev/zero | sha256sum
  EXPECT_EQ(ToHex(hasher.Digest(kj::ArrayPtr<const kj::byte>(kGenesisHash.data(), kGenesisHash.size()))),
            "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925");
}

TEST(HashChain, NextHashesThePreviousHashThenTheBytes) {
  ChainHasher hasher;
  // (head -c 32 /dev/zero; printf abc) | sha256sum
  Hash h1 = hasher.Next(kGenesisHash, BytesOf("abc"));
  EXPECT_EQ(ToHex(h1), "365aa7d8f7f9402c4b9434502b4cc89ddb09fe50d7cd95b493b834c62d5a5370");
  // The hasher keeps one context: reusing it gives the same hash again, and
  // chaining from h1 another.
  EXPECT_EQ(ToHex(hasher.Next(kGenesisHash, BytesOf("abc"))), ToHex(h1));
  EXPECT_NE(ToHex(hasher.Next(h1, BytesOf("abc"))), ToHex(h1));
}

TEST(HashChain, GenesisIsThirtyTwoZeroBytes) {
  EXPECT_EQ(ToHex(kGenesisHash), std::string(64, '0'));
}

TEST(HashChain, HexRoundTripsAndRefusesAnythingButSixtyFourHexDigits) {
  const std::string hex = "365aa7d8f7f9402c4b9434502b4cc89ddb09fe50d7cd95b493b834c62d5a5370";
  ASSERT_TRUE(HashFromHex(hex).has_value());
  EXPECT_EQ(ToHex(*HashFromHex(hex)), hex);
  std::string upper = hex;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(ToHex(*HashFromHex(upper)), hex);  // either case in, lowercase out
  EXPECT_FALSE(HashFromHex(hex.substr(1)).has_value());
  EXPECT_FALSE(HashFromHex(hex + "0").has_value());
  EXPECT_FALSE(HashFromHex("g" + hex.substr(1)).has_value());
  EXPECT_FALSE(HashFromHex("").has_value());
  EXPECT_EQ(ToHex(BytesOf(std::string("\x00\x0f\xf0\xff", 4))), "000ff0ff");
}

// The worked example of core/FORMAT.md (tests/data/format_example.txt):
// three fixed events, their canonical bytes, and the chain over them.
TEST(HashChain, WorkedThreeEventExample) {
  std::vector<ExampleEvent> events = FormatExampleEvents();
  ASSERT_EQ(events.size(), 3u);
  // The canonical bytes are the on-disk format: a change here changes every
  // hash, and must be a deliberate change of core/FORMAT.md.
  EXPECT_EQ(ToHex(Bytes(events[0].canonical)),
            "0000000003000500010000000000000000402046484706004d00350100000000"
            "110000003200000000000000000000000d000000320000000d00000002010000"
            "180000000000010065782d7531000000636c65726b0000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000001000200"
            "0100000000000000050000001a00000005000000c20000004354000000000000"
            "5468c3a06e68207068e1bb912043e1baa76e205468c6a100");
  EXPECT_EQ(ToHex(Bytes(events[1].canonical)),
            "0000000003000500020000000000000000402046484706004d00350100000000"
            "1100000032000000110000007a00000015000000320000001500000002010000"
            "200000000100010065782d703100000051c49020312f51c4902d55424e440000"
            "636c65726b0000009d60006db2f5910071888096c3e1bc68c1219d8d4651012f"
            "e5ce2e9c5e404afc020000000000000000000000010004000100000000000000"
            "0d000000420000000d000000a2000000150000001a0000001500000072000000"
            "43542d30303031004e677579e1bb856e205468e1bb8b20c3816e680000000000"
            "435400000000000063687579c3aa6e207669c3aa6e000000");
  EXPECT_EQ(ToHex(Bytes(events[2].canonical)),
            "0000000003000500030000000000000000402046484706008c01350100000000"
            "110000003200000000000000000000000d000000320000000d00000002010000"
            "180000000100010065782d6531000000636c65726b0000002bf8482b4d16be4f"
            "64b825add6b3af50f3cb8aaa05d456e43ac192ad7760fcfb0b00000000000000"
            "0000000000000300090000001a0000000900000042000000090000004a000000"
            "453100000000000043542d3030303100432d5048442d49540000000000000000");

  // Recomputed here from H_0, not taken from the example's own chaining.
  ChainHasher hasher;
  Hash h = kGenesisHash;
  std::vector<std::string> chain;
  for (const ExampleEvent& e : events) {
    h = hasher.Next(h, Bytes(e.canonical));
    chain.push_back(ToHex(h));
  }
  EXPECT_EQ(chain, (std::vector<std::string>{
                       "9d60006db2f5910071888096c3e1bc68c1219d8d4651012fe5ce2e9c5e404afc",
                       "2bf8482b4d16be4f64b825add6b3af50f3cb8aaa05d456e43ac192ad7760fcfb",
                       "df657d153b6a450dd3539e3a5353eced08c0b0ddc0ccd731b88dd46a6665ef6b",
                   }));
}

// tests/data/format_example.txt, which core/FORMAT.md quotes, is the
// output of tests/format_example for the same events: the same figures.
TEST(HashChain, TheKeptExampleOutputHasTheseFigures) {
  std::string kept = testing::ReadFile(testing::DataPath("format_example.txt"));
  std::vector<ExampleEvent> events = FormatExampleEvents();
  for (size_t i = 0; i < events.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    EXPECT_NE(kept.find("\nevent " + n + ": " + events[i].json + "\n"), std::string::npos) << n;
    EXPECT_NE(kept.find("H_" + n + " = SHA-256(H_" + std::to_string(i) + " || canonical bytes) = " + ToHex(events[i].hash) + "\n"),
              std::string::npos)
        << n;
    std::string hex = ToHex(Bytes(events[i].canonical)), lines;
    for (size_t at = 0; at < hex.size(); at += 64) lines += "  " + hex.substr(at, 64) + "\n";
    EXPECT_NE(kept.find("canonical bytes (" + std::to_string(hex.size() / 2) + "):\n" + lines), std::string::npos) << n;
  }
}

// The stored bytes decode back to the line they came from, with the
// ledger's keys: what `export` writes for the example.
TEST(HashChain, WorkedExampleDecodesToItsInterchangeLines) {
  std::vector<ExampleEvent> events = FormatExampleEvents();
  EventDecoder decoder;
  Result<schema::Event::Reader> ev = decoder.Decode(
      std::string_view(reinterpret_cast<const char*>(Bytes(events[1].canonical).begin()), Bytes(events[1].canonical).size()));
  ASSERT_TRUE(ev.ok()) << ev.status().ToString();
  EXPECT_EQ(*EventToJson(*ev, &events[1].hash),
            R"({"type":"person_registered","id":"ex-p1","effective":"2025-07-01","source":"QĐ 1/QĐ-UBND","recorded_by":"clerk",)"
            R"("person":"CT-0001","name":"Nguyễn Thị Ánh","category":"civil_servant","unit":"CT","position":"chuyên viên",)"
            R"("leader":false,"seq":2,"recorded_at":"2026-01-01T00:00:00.000000Z",)"
            R"("hash":"2bf8482b4d16be4f64b825add6b3af50f3cb8aaa05d456e43ac192ad7760fcfb"})");
}

}  // namespace
}  // namespace tledger
