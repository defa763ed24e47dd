#include "core/proof_json.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base64.h"

namespace tledger {
namespace {

using Json = nlohmann::ordered_json;

constexpr uint64_t kMaxSize = uint64_t{1} << 63;

Json Hashes(const std::vector<Hash>& hashes) {
  Json a = Json::array();
  for (const Hash& h : hashes) a.push_back(Base64(h));
  return a;
}

std::string Text(const Json& j) { return j.dump(2) + "\n"; }

// The parsed object, its keys exactly `keys`.
Result<Json> Object(std::string_view json, std::initializer_list<const char*> keys, const char* what) {
  Json j = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::InvalidInput(fmt::format("{}: not a JSON object (expected what `tledger prove` prints)", what));
  }
  for (const char* key : keys) {
    if (!j.contains(key)) return Status::InvalidInput(fmt::format("{}: \"{}\" is missing", what, key));
  }
  if (j.size() != keys.size()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      bool known = false;
      for (const char* key : keys) known = known || it.key() == key;
      if (!known) return Status::InvalidInput(fmt::format("{}: unexpected key \"{}\"", what, it.key()));
    }
  }
  return j;
}

Result<uint64_t> Size(const Json& j, const char* key, const char* what) {
  const Json& v = j.at(key);
  if (!v.is_number_unsigned() || v.get<uint64_t>() >= kMaxSize) {
    return Status::InvalidInput(fmt::format("{}: \"{}\" must be an integer from 0 to 2^63 - 1", what, key));
  }
  return v.get<uint64_t>();
}

Result<Hash> HashOf(const Json& v, const std::string& where, const char* what) {
  std::optional<std::string> bytes;
  if (v.is_string()) bytes = FromBase64(v.get<std::string>());
  if (!bytes || bytes->size() != 32) {
    return Status::InvalidInput(fmt::format("{}: {} must be standard base64 of 32 bytes", what, where));
  }
  Hash h;
  std::copy(bytes->begin(), bytes->end(), h.begin());
  return h;
}

Result<std::vector<Hash>> HashList(const Json& j, const char* what) {
  const Json& v = j.at("hashes");
  if (!v.is_array()) return Status::InvalidInput(fmt::format("{}: \"hashes\" must be an array", what));
  if (v.size() > 128) return Status::InvalidInput(fmt::format("{}: \"hashes\" holds more than 128 hashes", what));
  std::vector<Hash> out;
  for (size_t i = 0; i < v.size(); ++i) {
    Result<Hash> h = HashOf(v[i], fmt::format("\"hashes\"[{}]", i), what);
    if (!h.ok()) return h.status();
    out.push_back(*h);
  }
  return out;
}

}  // namespace

std::string InclusionProofJson(const merkle::InclusionProof& p) {
  return Text(Json{{"leaf_index", p.leaf_index},
                   {"leaf_hash", Base64(p.leaf_hash)},
                   {"tree_size", p.tree_size},
                   {"root_hash", Base64(p.root)},
                   {"hashes", Hashes(p.hashes)}});
}

std::string ConsistencyProofJson(const merkle::ConsistencyProof& p) {
  return Text(Json{{"old_size", p.old_size},
                   {"old_root", Base64(p.old_root)},
                   {"new_size", p.new_size},
                   {"new_root", Base64(p.new_root)},
                   {"hashes", Hashes(p.hashes)}});
}

Result<merkle::InclusionProof> ParseInclusionProofJson(std::string_view json) {
  const char* what = "the inclusion proof";
  Result<Json> j = Object(json, {"leaf_index", "leaf_hash", "tree_size", "root_hash", "hashes"}, what);
  if (!j.ok()) return j.status();
  merkle::InclusionProof p;
  Result<uint64_t> index = Size(*j, "leaf_index", what);
  if (!index.ok()) return index.status();
  Result<uint64_t> size = Size(*j, "tree_size", what);
  if (!size.ok()) return size.status();
  Result<Hash> leaf = HashOf(j->at("leaf_hash"), "\"leaf_hash\"", what);
  if (!leaf.ok()) return leaf.status();
  Result<Hash> root = HashOf(j->at("root_hash"), "\"root_hash\"", what);
  if (!root.ok()) return root.status();
  Result<std::vector<Hash>> hashes = HashList(*j, what);
  if (!hashes.ok()) return hashes.status();
  return merkle::InclusionProof{*index, *size, *leaf, *root, std::move(*hashes)};
}

Result<merkle::ConsistencyProof> ParseConsistencyProofJson(std::string_view json) {
  const char* what = "the consistency proof";
  Result<Json> j = Object(json, {"old_size", "old_root", "new_size", "new_root", "hashes"}, what);
  if (!j.ok()) return j.status();
  Result<uint64_t> old_size = Size(*j, "old_size", what);
  if (!old_size.ok()) return old_size.status();
  Result<uint64_t> new_size = Size(*j, "new_size", what);
  if (!new_size.ok()) return new_size.status();
  Result<Hash> old_root = HashOf(j->at("old_root"), "\"old_root\"", what);
  if (!old_root.ok()) return old_root.status();
  Result<Hash> new_root = HashOf(j->at("new_root"), "\"new_root\"", what);
  if (!new_root.ok()) return new_root.status();
  Result<std::vector<Hash>> hashes = HashList(*j, what);
  if (!hashes.ok()) return hashes.status();
  return merkle::ConsistencyProof{*old_size, *new_size, *old_root, *new_root, std::move(*hashes)};
}

}  // namespace tledger
