// core/json_codec: the JSON Lines interchange form, both ways.
#include "core/json_codec.h"

#include <set>

#include <capnp/dynamic.h>
#include <capnp/message.h>
#include <gtest/gtest.h>

#include "core/codec.h"
#include "core/schema_info.h"
#include "tests/test_util.h"

namespace tledger {
namespace {

using testing::DataPath;
using testing::Lines;
using testing::ParsedEvent;
using testing::ReadFile;

std::string Refusal(std::string_view line) {
  ParsedEvent j(line);
  EXPECT_FALSE(j.status().ok()) << line;
  EXPECT_EQ(j.status().code(), Status::Code::kInvalidInput) << line;
  return j.status().message();
}

std::vector<std::string> SampleLines() { return Lines(ReadFile(DataPath("sample.jsonl"))); }

// The event's canonical bytes, as the store keeps them.
std::string StoredBytes(schema::Event::Reader event) {
  kj::Array<capnp::word> canonical = Canonicalize(event);
  auto bytes = Bytes(canonical);
  return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

// The export of stored bytes, or "error: ..." when they do not decode.
std::string ExportOf(const std::string& stored_bytes) {
  EventDecoder decoder;
  Result<schema::Event::Reader> stored = decoder.Decode(stored_bytes);
  if (!stored.ok()) return "error: " + stored.status().ToString();
  Result<std::string> json = EventToJson(*stored, nullptr);
  return json.ok() ? *json : "error: " + json.status().ToString();
}

// -------------------------------------------------------------- round trips

TEST(JsonCodec, SampleShowsEveryEventType) {
  std::set<std::string> types;
  for (const std::string& line : SampleLines()) types.insert(nlohmann::json::parse(line)["type"]);
  std::set<std::string> all;
  for (const TypeInfo& t : EventSchema::Get().types()) all.insert(t.name);
  EXPECT_EQ(all.size(), 19u);
  EXPECT_EQ(types, all);
}

// JSON -> Cap'n Proto -> JSON gives the input back with recorded_by added,
// for every event type; also through the canonical bytes the store keeps.
TEST(JsonCodec, EverySampleLineRoundTripsPlusRecordedBy) {
  std::vector<std::string> lines = SampleLines();
  ASSERT_EQ(lines.size(), 24u);
  for (const std::string& line : lines) {
    ParsedEvent j(line);
    ASSERT_TRUE(j.status().ok()) << line << ": " << j.status().ToString();
    nlohmann::json expected = nlohmann::json::parse(line);
    expected["recorded_by"] = "clerk";
    std::string out = j.ToJson();
    EXPECT_EQ(nlohmann::json::parse(out), expected) << out;
    EXPECT_EQ(ExportOf(StoredBytes(j.event())), out);
  }
}

TEST(JsonCodec, ExportWritesTheEnvelopeThenTheFieldsInSchemaOrder) {
  // sample.jsonl gives `plan` before `course`; the schema has course first.
  ParsedEvent j(SampleLines()[9]);
  ASSERT_TRUE(j.status().ok()) << j.status().ToString();
  EXPECT_EQ(j.ToJson(),
            R"({"type":"course_opened","id":"s-c1","effective":"2025-02-25","recorded_by":"clerk","course":"HG-MS-FIN-25",)"
            R"("plan":"HG-2025","title":"Thạc sĩ Tài chính - Ngân hàng","program":"master","field":"finance",)"
            R"("form":"semi_centralized","location":"domestic","provider":"Trường Đại học Cần Thơ",)"
            R"("start":"2025-03-15","end":"2027-03-15","capacity":30,"unit":"HG"})");
}

TEST(JsonCodec, WritesTheLedgersKeysWhenGivenTheChainHash) {
  ParsedEvent j(R"({"type":"person_transferred","id":"t","effective":"2025-07-01","person":"P","unit":"U"})");
  ASSERT_TRUE(j.status().ok());
  capnp::MallocMessageBuilder msg;
  msg.setRoot(j.event());
  auto ev = msg.getRoot<schema::Event>();
  ev.setSeq(42);
  ev.setRecordedAt(1'769'903'999'000'042);
  Hash h{};
  h[31] = 0xab;
  EXPECT_EQ(*EventToJson(ev.asReader(), &h),
            R"({"type":"person_transferred","id":"t","effective":"2025-07-01","recorded_by":"clerk","person":"P","unit":"U",)"
            R"("seq":42,"recorded_at":"2026-01-31T23:59:59.000042Z","hash":")" +
                std::string(62, '0') + R"(ab"})");
}

TEST(JsonCodec, IgnoresTheLedgersOwnKeysOnInput) {
  ParsedEvent plain(R"({"type":"person_transferred","id":"t","effective":"2025-07-01","person":"P","unit":"U"})");
  ParsedEvent exported(
      R"({"type":"person_transferred","id":"t","effective":"2025-07-01","person":"P","unit":"U","seq":7,)"
      R"("recorded_at":"2020-01-01T00:00:00.000000Z","hash":"not even hex"})");
  ASSERT_TRUE(exported.status().ok()) << exported.status().ToString();
  EXPECT_EQ(exported.event().getSeq(), 0u);
  EXPECT_EQ(exported.event().getRecordedAt(), 0);
  EXPECT_FALSE(exported.event().hasPrevHash());
  EXPECT_EQ(exported.ToJson(), plain.ToJson());
}

TEST(JsonCodec, ARecordedByInTheLineWinsOverTheActor) {
  ParsedEvent j(R"({"type":"person_transferred","id":"t","effective":"2025-07-01","recorded_by":"Sở Nội vụ","person":"P","unit":"U"})");
  ASSERT_TRUE(j.status().ok());
  EXPECT_EQ(j.ToJson(), R"({"type":"person_transferred","id":"t","effective":"2025-07-01","recorded_by":"Sở Nội vụ","person":"P","unit":"U"})");
}

TEST(JsonCodec, KeepsTextByteForByte) {
  // NFC "Nguyễn Thị Ánh", then the same name decomposed (NFD): no
  // normalisation, both come back as they went in.
  const std::string nfc = "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b \xc3\x81nh";
  const std::string nfd = "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 A\xcc\x81nh";
  for (const std::string& name : {nfc, nfd}) {
    std::string line = R"({"type":"unit_registered","id":"u","effective":"2025-07-01","unit":"NK","name":")" + name +
                       R"(","level":"commune","parent":null})";
    ParsedEvent j(line);
    ASSERT_TRUE(j.status().ok()) << j.status().ToString();
    EXPECT_EQ(j.ToJson(), R"({"type":"unit_registered","id":"u","effective":"2025-07-01","recorded_by":"clerk","unit":"NK","name":")" +
                              name + R"(","level":"commune","parent":null})");
  }
}

TEST(JsonCodec, OptionalFieldsStayAbsentAndNullableOnesStayNull) {
  ParsedEvent j(R"({"type":"plan_amended","id":"a","effective":"2025-05-20","plan":"P"})");
  ASSERT_TRUE(j.status().ok());
  EXPECT_EQ(j.ToJson(), R"({"type":"plan_amended","id":"a","effective":"2025-05-20","recorded_by":"clerk","plan":"P"})");
  ParsedEvent zero(R"({"type":"plan_amended","id":"a","effective":"2025-05-20","plan":"P","budget_vnd":0,"quotas":[]})");
  ASSERT_TRUE(zero.status().ok());
  EXPECT_EQ(zero.ToJson(),
            R"({"type":"plan_amended","id":"a","effective":"2025-05-20","recorded_by":"clerk","plan":"P","budget_vnd":0,"quotas":[]})");
}

// A plan's targets (shared/spec/events.md): JSON -> Cap'n Proto ->
// canonical bytes -> JSON gives them back, each count present or absent
// as given, on plan_issued and on plan_amended.
TEST(JsonCodec, TargetsRoundTripThroughTheCanonicalBytes) {
  const std::string issued =
      R"({"type":"plan_issued","id":"p","effective":"2021-01-15","recorded_by":"clerk","plan":"DH","title":"Kế hoạch",)"
      R"("issuer":"QN-DH","year":2021,"budget_vnd":3600000000,"quotas":[],"priority_fields":[],"phases":[],)"
      R"("targets":[{"program":"knowledge_update","trainee_turns":15850,"classes":127},)"
      R"({"program":"job_position","trainee_turns":0},{"program":"leadership","classes":4}]})";
  const std::string amended =
      R"({"type":"plan_amended","id":"a","effective":"2022-01-15","recorded_by":"clerk","plan":"DH",)"
      R"("targets":[{"program":"knowledge_update","trainee_turns":16000}]})";
  for (const std::string& line : {issued, amended}) {
    ParsedEvent j(line);
    ASSERT_TRUE(j.status().ok()) << line << ": " << j.status().ToString();
    EXPECT_EQ(j.ToJson(), line);
    EXPECT_EQ(ExportOf(StoredBytes(j.event())), line);
  }
  ParsedEvent j(issued);
  auto targets = j.event().getBody().getPlanIssued().getTargets();
  ASSERT_EQ(targets.size(), 3u);
  EXPECT_EQ(targets[0].getProgram(), schema::Program::KNOWLEDGE_UPDATE);
  EXPECT_EQ(targets[0].getTraineeTurns(), 15850);
  EXPECT_EQ(targets[0].getClasses(), 127);
  EXPECT_EQ(targets[1].getTraineeTurns(), 0);
  EXPECT_EQ(targets[1].getClasses(), -1);  // absent (core/event.capnp, $optional)
  EXPECT_EQ(targets[2].getTraineeTurns(), -1);
}

// core/FORMAT.md, "Evolution": `targets` is a pointer after every older
// field. A plan written before it was added reads as having none and
// exports without the key; one written now without targets has the older
// layout byte for byte (canonical form drops the null pointer), so its
// hash is what an older tledger computed.
TEST(JsonCodec, APlanWrittenBeforeTargetsStillReadsWithItsBytes) {
  // The older layout of plan_issued: 2 data words (year, budget_vnd), 6
  // pointers (plan, title, issuer, quotas, priority_fields, phases); of
  // plan_amended: 1 data word, 4 pointers.
  capnp::MallocMessageBuilder msg;
  auto ev = msg.initRoot<schema::Event>();
  ev.setEffective(20210115);
  ev.setId("p");
  ev.setRecordedBy("clerk");
  auto body = ev.initBody();
  body.initPlanIssued();  // the union member, then its struct at the older size in its place
  auto old = capnp::toAny(body).getPointerSection()[0].initAsAnyStruct(2, 6).as<schema::PlanIssued>();
  old.setPlan("DH");
  old.setTitle("Kế hoạch");
  old.setIssuer("QN-DH");
  old.setYear(2021);
  old.setBudgetVnd(3600000000);
  old.initQuotas(0);
  old.initPriorityFields(0);
  old.initPhases(0);
  const std::string stored_bytes = StoredBytes(ev.asReader());
  EventDecoder decoder;
  Result<schema::Event::Reader> stored = decoder.Decode(stored_bytes);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_FALSE(stored->getBody().getPlanIssued().hasTargets());
  EXPECT_EQ(stored->getBody().getPlanIssued().getTargets().size(), 0u);
  EXPECT_EQ(capnp::toAny(stored->getBody().getPlanIssued()).getPointerSection().size(), 6u);
  const std::string exported = ExportOf(stored_bytes);
  EXPECT_EQ(exported,
            R"({"type":"plan_issued","id":"p","effective":"2021-01-15","recorded_by":"clerk","plan":"DH","title":"Kế hoạch",)"
            R"("issuer":"QN-DH","year":2021,"budget_vnd":3600000000,"quotas":[],"priority_fields":[],"phases":[]})");
  // Imported again today: the same canonical bytes, pointer for pointer.
  ParsedEvent again(exported);
  ASSERT_TRUE(again.status().ok()) << again.status().ToString();
  EXPECT_EQ(StoredBytes(again.event()), stored_bytes);

  ParsedEvent amended(R"({"type":"plan_amended","id":"a","effective":"2022-01-15","plan":"DH","budget_vnd":1,"phases":[]})");
  ASSERT_TRUE(amended.status().ok()) << amended.status().ToString();
  Result<schema::Event::Reader> a = decoder.Decode(StoredBytes(amended.event()));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(capnp::toAny(a->getBody().getPlanAmended()).getPointerSection().size(), 4u);
  EXPECT_EQ(capnp::toAny(a->getBody().getPlanAmended()).getDataSection().size(), 8u);
  EXPECT_FALSE(a->getBody().getPlanAmended().hasTargets());
}

TEST(JsonCodec, TypeNameOfEveryType) {
  for (const TypeInfo& t : EventSchema::Get().types()) {
    capnp::MallocMessageBuilder msg;
    auto body = msg.initRoot<schema::Body>();
    capnp::toDynamic(body).init(t.body_field);
    EXPECT_EQ(TypeName(body.asReader()), t.name);
  }
}

// -------------------------------------------------------------- refusals

// Each line breaks one rule; the message names the field (a path) and says
// what is expected.
class JsonRefusal : public ::testing::TestWithParam<testing::LineCase> {};

TEST_P(JsonRefusal, NamesTheFieldAndTheReason) {
  EXPECT_EQ(Refusal(GetParam().line), GetParam().error);
}

const testing::LineCase kRefusals[] = {
    {"NotAnObject", R"([1,2])", "json: expected one JSON object per line, got an array"},
    {"MissingType", R"({"id":"x","effective":"2025-07-01","person":"P","unit":"U"})", "type: required field is missing"},
    {"MissingId", R"({"type":"person_transferred","effective":"2025-07-01","person":"P","unit":"U"})",
     "id: required field is missing"},
    {"MissingEffective", R"({"type":"person_transferred","id":"x","person":"P","unit":"U"})",
     "effective: required field is missing"},
    {"MissingBodyField", R"({"type":"person_transferred","id":"x","effective":"2025-07-01","person":"P"})",
     "unit: required field is missing"},
    {"UnknownType", R"({"type":"person_promoted","id":"x","effective":"2025-07-01"})",
     "type: unknown event type \"person_promoted\" (expected one of: " TLEDGER_TEST_EVENT_TYPES ")"},
    {"TypeNotAString", R"({"type":7,"id":"x","effective":"2025-07-01"})", "type: expected a string, got a whole number"},
    {"UnknownEnumValue",
     R"({"type":"enrollment_recorded","id":"x","effective":"2025-07-01","enrollment":"E","person":"P","course":"C","funding":"lottery"})",
     "funding: unknown value \"lottery\" (expected one of: state_budget, unit_fund, self_funded, scholarship)"},
    {"EnumIsCaseSensitive",
     R"({"type":"qualification_recorded","id":"x","effective":"2025-07-01","person":"P","program":"PhD"})",
     "program: unknown value \"PhD\" (expected one of: phd, master, specialist_2, specialist_1, bachelor, "
     "political_theory_elementary, political_theory_intermediate, political_theory_advanced, state_mgmt_specialist, "
     "state_mgmt_principal, state_mgmt_senior, leadership, job_position, knowledge_update, digital_transformation, "
     "foreign_language, it_skills, defense_security)"},
    {"ImpossibleDate", R"({"type":"person_transferred","id":"x","effective":"2025-02-30","person":"P","unit":"U"})",
     "effective: impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD)"},
    {"DateNotAString", R"({"type":"person_transferred","id":"x","effective":20250701,"person":"P","unit":"U"})",
     "effective: expected a string, got a whole number"},
    {"NestedImpossibleDate",
     R"({"type":"plan_amended","id":"x","effective":"2025-07-01","plan":"P","phases":[{"fields":["finance"],"opens":"2025-06-31"}]})",
     "phases[0].opens: impossible date: \"2025-06-31\" (expected a real day, YYYY-MM-DD)"},
    {"NegativeAmount",
     R"({"type":"reimbursement_recorded","id":"x","effective":"2025-07-01","person":"P","enrollment":"E","amount_vnd":-5})",
     "amount_vnd: must not be negative (got -5)"},
    {"NegativeCount",
     R"({"type":"plan_amended","id":"x","effective":"2025-07-01","plan":"P","quotas":[{"program":"phd","funding_class":"public","location":"domestic","count":1},{"program":"master","funding_class":"self","location":"foreign","count":-1}]})",
     "quotas[1].count: must not be negative (got -1)"},
    {"FractionalAmount",
     R"({"type":"reimbursement_recorded","id":"x","effective":"2025-07-01","person":"P","enrollment":"E","amount_vnd":5.5})",
     "amount_vnd: expected a whole number, got a fractional number"},
    {"AmountTooLarge",
     R"({"type":"reimbursement_recorded","id":"x","effective":"2025-07-01","person":"P","enrollment":"E","amount_vnd":9223372036854775808})",
     "amount_vnd: number is too large (at most 1000000000000000)"},
    {"TargetWithNeitherCount",
     R"({"type":"plan_amended","id":"x","effective":"2025-07-01","plan":"P","targets":[{"program":"leadership","classes":2},{"program":"job_position"}]})",
     "targets[1]: a target sets trainee_turns, classes or both (it has neither)"},
    {"NegativeTarget",
     R"({"type":"plan_issued","id":"x","effective":"2025-07-01","plan":"P","title":"T","issuer":"U","year":2025,"budget_vnd":1,"quotas":[],"priority_fields":[],"phases":[],"targets":[{"program":"leadership","trainee_turns":-3}]})",
     "targets[0].trainee_turns: must not be negative (got -3)"},
    {"TargetOfNoProgram",
     R"({"type":"plan_amended","id":"x","effective":"2025-07-01","plan":"P","targets":[{"program":"fostering","trainee_turns":3}]})",
     "targets[0].program: unknown value \"fostering\" (expected one of: phd, master, specialist_2, specialist_1, "
     "bachelor, political_theory_elementary, political_theory_intermediate, political_theory_advanced, "
     "state_mgmt_specialist, state_mgmt_principal, state_mgmt_senior, leadership, job_position, knowledge_update, "
     "digital_transformation, foreign_language, it_skills, defense_security)"},
    {"TargetWithoutProgram",
     R"({"type":"plan_amended","id":"x","effective":"2025-07-01","plan":"P","targets":[{"trainee_turns":3}]})",
     "targets[0].program: required field is missing"},
    {"TargetsNull",
     R"({"type":"plan_amended","id":"x","effective":"2025-07-01","plan":"P","targets":null})",
     "targets: null is not allowed: leave the field out instead"},
    {"UnknownTargetField",
     R"({"type":"plan_amended","id":"x","effective":"2025-07-01","plan":"P","targets":[{"program":"leadership","trainees":3}]})",
     "targets[0].trainees: unknown field (expected program, trainee_turns, classes)"},
    {"YearTooLarge",
     R"({"type":"plan_issued","id":"x","effective":"2025-07-01","plan":"P","title":"T","issuer":"U","year":70000,"budget_vnd":1,"quotas":[],"priority_fields":[],"phases":[]})",
     "year: number is too large (at most 65535)"},
    {"WrongTypeBool",
     R"({"type":"person_registered","id":"x","effective":"2025-07-01","person":"P","name":"N","category":"cadre","unit":"U","position":"p","leader":"no"})",
     "leader: expected true or false, got a string"},
    {"WrongTypeList", R"({"type":"unit_reorganized","id":"x","effective":"2025-07-01","kind":"merge","from":"A","to":"B"})",
     "from: expected a list of strings, got a string"},
    {"WrongTypeListItem",
     R"({"type":"plan_amended","id":"x","effective":"2025-07-01","plan":"P","quotas":[7]})",
     "quotas[0]: expected an object, got a whole number"},
    {"UnknownExtraField", R"({"type":"person_transferred","id":"x","effective":"2025-07-01","person":"P","unit":"U","unti":"U"})",
     "unti: unknown field (expected person, unit)"},
    {"UnknownNestedField",
     R"({"type":"plan_amended","id":"x","effective":"2025-07-01","plan":"P","phases":[{"fields":[],"opens":"2025-07-01","closes":"2025-08-01"}]})",
     "phases[0].closes: unknown field (expected fields, opens)"},
    {"DuplicateKey", R"({"type":"person_transferred","id":"x","effective":"2025-07-01","person":"P","person":"Q","unit":"U"})",
     "person: duplicate key"},
    {"DuplicateEnvelopeKey", R"({"type":"person_transferred","id":"x","id":"y","effective":"2025-07-01","person":"P","unit":"U"})",
     "id: duplicate key"},
    {"NullRequired", R"({"type":"person_transferred","id":"x","effective":"2025-07-01","person":null,"unit":"U"})",
     "person: must not be null"},
    {"NullOptional",
     R"({"type":"completion_recorded","id":"x","effective":"2025-07-01","enrollment":"E","result":"passed","certificate":null})",
     "certificate: null is not allowed: leave the field out instead"},
    {"EmptyId", R"({"type":"person_transferred","id":"","effective":"2025-07-01","person":"P","unit":"U"})",
     "id: an id must not be empty"},
    {"EmptyEntityId", R"({"type":"person_transferred","id":"x","effective":"2025-07-01","person":"","unit":"U"})",
     "person: an id must not be empty"},
    {"IdWithTrailingSpace", R"({"type":"person_transferred","id":"x ","effective":"2025-07-01","person":"P","unit":"U"})",
     "id: id \"x \" has leading or trailing spaces"},
    {"ControlCharacter", R"({"type":"person_left_service","id":"x","effective":"2025-07-01","person":"P","reason":"a\nb"})",
     "reason: control character U+000A is not allowed in text"},
    {"BadFieldCode",
     R"({"type":"plan_amended","id":"x","effective":"2025-07-01","plan":"P","priority_fields":["finance","Information Technology"]})",
     "priority_fields[1]: field code \"Information Technology\" is not lowercase letters, digits and _ starting with a "
     "letter (e.g. information_technology)"},
    {"EmptyRefList", R"({"type":"unit_reorganized","id":"x","effective":"2025-07-01","kind":"merge","from":[],"to":"B"})",
     "from: must name at least one id"},
    {"DissolveWithTo", R"({"type":"unit_reorganized","id":"x","effective":"2025-07-01","kind":"dissolve","from":["A"],"to":"B"})",
     "to: must be null when kind is dissolve"},
    {"MergeWithoutTo", R"({"type":"unit_reorganized","id":"x","effective":"2025-07-01","kind":"merge","from":["A"],"to":null})",
     "to: required (a unit id) when kind is merge or rename"},
    {"RenameWithoutName", R"({"type":"unit_reorganized","id":"x","effective":"2025-07-01","kind":"rename","from":["A"],"to":"B"})",
     "name: required when kind is rename"},
    {"RenameOfTwo",
     R"({"type":"unit_reorganized","id":"x","effective":"2025-07-01","kind":"rename","from":["A","C"],"to":"B","name":"N"})",
     "from: a rename names exactly one unit"},
    {"ReplaceWithoutReplacement",
     R"({"type":"correction","id":"x","effective":"2025-07-01","target":"t","action":"replace","reason":"r"})",
     "replacement: required when action is replace"},
    {"RetractWithReplacement",
     R"({"type":"correction","id":"x","effective":"2025-07-01","target":"t","action":"retract","replacement":{"type":"person_transferred","effective":"2025-07-01","person":"P","unit":"U"},"reason":"r"})",
     "replacement: not allowed when action is retract"},
    {"ReplacementWithId",
     R"({"type":"correction","id":"x","effective":"2025-07-01","target":"t","action":"replace","replacement":{"type":"person_transferred","id":"y","effective":"2025-07-01","person":"P","unit":"U"},"reason":"r"})",
     "replacement.id: not allowed in a replacement: it keeps its target's"},
    {"ReplacementWithoutEffective",
     R"({"type":"correction","id":"x","effective":"2025-07-01","target":"t","action":"replace","replacement":{"type":"person_transferred","person":"P","unit":"U"},"reason":"r"})",
     "replacement.effective: required field is missing"},
    {"ReplacementMissingField",
     R"({"type":"correction","id":"x","effective":"2025-07-01","target":"t","action":"replace","replacement":{"type":"person_transferred","effective":"2025-07-01","person":"P"},"reason":"r"})",
     "replacement.unit: required field is missing"},
    {"ReplacementImpossibleDate",
     R"({"type":"correction","id":"x","effective":"2025-07-01","target":"t","action":"replace","replacement":{"type":"person_transferred","effective":"2025-02-30","person":"P","unit":"U"},"reason":"r"})",
     "replacement.effective: impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD)"},
};

INSTANTIATE_TEST_SUITE_P(EveryRule, JsonRefusal, ::testing::ValuesIn(kRefusals), testing::CaseName());

TEST(JsonCodec, RefusesIdsLongerThan128Characters) {
  // 128 two-byte characters are fine; one more is not (code points, not bytes).
  std::string id128;
  for (int i = 0; i < 128; ++i) id128 += "\xc4\x90";  // Đ
  ParsedEvent ok(R"({"type":"person_transferred","id":")" + id128 + R"(","effective":"2025-07-01","person":"P","unit":"U"})");
  EXPECT_TRUE(ok.status().ok()) << ok.status().ToString();
  EXPECT_EQ(Refusal(R"({"type":"person_transferred","id":")" + id128 + "\xc4\x90" +
                    R"(","effective":"2025-07-01","person":"P","unit":"U"})"),
            "id: id of 129 characters is too long (at most 128)");
}

TEST(JsonCodec, RefusesReplacementsNestedMoreThanFourDeep) {
  std::string inner = R"({"type":"person_transferred","effective":"2025-07-01","person":"P","unit":"U"})";
  auto wrap = [](const std::string& replacement) {
    return R"({"type":"correction","effective":"2025-07-01","target":"t","action":"replace","replacement":)" + replacement +
           R"(,"reason":"r"})";
  };
  std::string four = wrap(wrap(wrap(inner)));  // replacements at depths 1..4
  auto line = [](const std::string& replacement) {
    return R"({"type":"correction","id":"x","effective":"2025-07-01","target":"t","action":"replace","replacement":)" +
           replacement + R"(,"reason":"r"})";
  };
  ParsedEvent ok(line(four));
  EXPECT_TRUE(ok.status().ok()) << ok.status().ToString();
  EXPECT_EQ(Refusal(line(wrap(four))),
            "replacement.replacement.replacement.replacement.replacement: replacements nested more than 4 deep");
}

// Found by tests/fuzz (fuzz_decode): bytes that decode and are canonical but
// hold a text without its NUL terminator. Cap'n Proto throws only when the
// text is read; export says Corruption instead of letting it escape.
TEST(JsonCodec, ATextWithoutItsTerminatorIsCorruptionNotAnException) {
  // "lý do 12" is 10 bytes; with its NUL, 11: the blob ends mid-word.
  ParsedEvent p(R"({"type":"person_left_service","id":"x","effective":"2025-07-01","person":"P","reason":"lý do 12"})");
  ASSERT_TRUE(p.status().ok()) << p.status().ToString();
  kj::Array<capnp::word> words = Canonicalize(p.event());
  std::string bytes(reinterpret_cast<const char*>(Bytes(words).begin()), Bytes(words).size());
  size_t nul = testing::FindOnce(bytes, "lý do 12") + std::string("lý do 12").size();
  ASSERT_EQ(bytes.at(nul), '\0');
  bytes[nul] = '!';
  EventDecoder decoder;
  Result<schema::Event::Reader> ev = decoder.Decode(bytes);
  ASSERT_TRUE(ev.ok()) << ev.status().ToString();  // the layout is intact
  EXPECT_EQ(testing::ErrorOf(EventToJson(*ev, nullptr)),
            "integrity failure: stored event does not decode: expected cptr[unboundedSize] == '\\0' [! == \\x00]; Message "
            "contains text that is not NUL-terminated.");
  EXPECT_EQ(testing::ErrorOf(EventToJsonValue(*ev, nullptr)),
            "integrity failure: stored event does not decode: expected cptr[unboundedSize] == '\\0' [! == \\x00]; Message "
            "contains text that is not NUL-terminated.");
}

// A stored recorded_at outside years 0001-9999 (a damaged event) is refused
// rather than written as something RFC 3339 readers cannot read back.
TEST(JsonCodec, AnImpossibleRecordedAtIsCorruption) {
  ParsedEvent p(R"({"type":"person_transferred","id":"x","effective":"2025-07-01","person":"P","unit":"U"})");
  ASSERT_TRUE(p.status().ok()) << p.status().ToString();
  const Hash hash{};
  for (Timestamp t : {INT64_MIN, INT64_MAX}) {
    p.builder().setRecordedAt(t);
    EXPECT_EQ(testing::ErrorOf(EventToJson(p.event(), &hash)),
              "integrity failure: recorded_at holds an impossible instant " + std::to_string(t) +
                  " (microseconds since 1970)");
  }
  p.builder().setRecordedAt(0);
  EXPECT_TRUE(EventToJson(p.event(), &hash).ok());
}

}  // namespace
}  // namespace tledger
