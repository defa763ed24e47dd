#include "core/import_marker.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/files.h"
#include "core/keys.h"

namespace tledger {
namespace {

namespace fs = std::filesystem;

constexpr char kImportsDir[] = "imports";
// A record: the ledger's canonical path, a newline, the marker in hex, a
// newline.
constexpr size_t kMaxRecordBytes = 8192;

Hash MarkerMac(std::string_view body, const LocalKey& key) {
  Mac mac(key.Subkey(KeyPurpose::kImportMarker));
  mac.Update(body);
  return mac.Final();
}

std::string NonceHex(std::string_view marker) {
  if (marker.size() != kImportMarkerBytes) return "";
  return ToHex(kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(marker.data()) + 56 + 8, 16));
}

std::string RecordPath(const LocalKey& key, std::string_view marker) {
  return key.dir() + "/" + kImportsDir + "/" + NonceHex(marker);
}

std::string RecordText(const std::string& ledger, std::string_view marker) {
  return ledger + "\n" +
         ToHex(kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(marker.data()), marker.size())) + "\n";
}

}  // namespace

ImportMarker NewImportMarker(const Head& head, Timestamp recorded_at, const LocalKey& key) {
  ImportMarker m;
  m.first_seq = head.seq + 1;
  m.head_seq = head.seq;
  m.head_hash = head.hash;
  m.recorded_at = recorded_at;
  TLEDGER_CHECK(sodium_init() >= 0);
  randombytes_buf(m.nonce.data(), m.nonce.size());
  m.key_id = key.id();
  return m;
}

std::string EncodeImportMarker(const ImportMarker& m, const LocalKey& key) {
  std::string v(kImportMarkerBytes, '\0');
  char* p = v.data();
  std::memcpy(p, kImportMarkerMagic, 4);
  p[4] = p[5] = p[6] = 0;
  p[7] = static_cast<char>(kImportMarkerLayout);
  keys::PutBigEndian64(m.first_seq, p + 8);
  keys::PutBigEndian64(m.head_seq, p + 16);
  std::memcpy(p + 24, m.head_hash.data(), 32);
  keys::PutBigEndian64(static_cast<uint64_t>(m.recorded_at), p + 56);
  std::memcpy(p + 64, m.nonce.data(), 16);
  keys::PutBigEndian64(m.key_id, p + 80);
  Hash mac = MarkerMac(std::string_view(v).substr(0, kImportMarkerMacOffset), key);
  std::memcpy(p + kImportMarkerMacOffset, mac.data(), 32);
  return v;
}

bool IsOldImportMarker(std::string_view stored) { return stored.size() == kOldImportMarkerBytes; }

Result<ImportMarker> ParseImportMarker(std::string_view stored) {
  if (IsOldImportMarker(stored)) {
    return Status::Corruption("the import marker is of the layout an older tledger wrote (seq " +
                              std::to_string(keys::GetBigEndian64(stored.data())) +
                              " alone), which cannot be authenticated");
  }
  const char* p = stored.data();
  if (stored.size() != kImportMarkerBytes || std::memcmp(p, kImportMarkerMagic, 4) != 0 ||
      keys::GetBigEndian64(p) != (keys::GetBigEndian64("TLIM\0\0\0\0") | kImportMarkerLayout)) {
    return Status::Corruption("the import marker is malformed (" + std::to_string(stored.size()) + " bytes)");
  }
  ImportMarker m;
  m.first_seq = keys::GetBigEndian64(p + 8);
  m.head_seq = keys::GetBigEndian64(p + 16);
  std::memcpy(m.head_hash.data(), p + 24, 32);
  m.recorded_at = static_cast<Timestamp>(keys::GetBigEndian64(p + 56));
  std::memcpy(m.nonce.data(), p + 64, 16);
  m.key_id = keys::GetBigEndian64(p + 80);
  return m;
}

bool ImportMarkerMacHolds(std::string_view stored, const LocalKey& key) {
  Result<ImportMarker> m = ParseImportMarker(stored);
  if (!m.ok() || m->key_id != key.id()) return false;
  Hash stored_mac;
  std::memcpy(stored_mac.data(), stored.data() + kImportMarkerMacOffset, 32);
  return SameTag(stored_mac, MarkerMac(stored.substr(0, kImportMarkerMacOffset), key));
}

Result<ImportMarker> AuthenticImportMarker(std::string_view stored, const LocalKey& key, const std::string& ledger) {
  Result<ImportMarker> m = ParseImportMarker(stored);
  if (!m.ok()) return m.status();
  if (m->key_id != key.id()) {
    return Status::Corruption("the import marker was made under another local key (" + KeyIdHex(m->key_id) +
                              ", this one is " + KeyIdHex(key.id()) +
                              "): by another user or on another machine, or forged");
  }
  if (!ImportMarkerMacHolds(stored, key)) {
    return Status::Corruption("the import marker fails its authentication: it was forged or altered");
  }
  Result<std::string> record = ReadSmallFile(RecordPath(key, stored), kMaxRecordBytes);
  if (!record.ok() || *record != RecordText(ledger, stored)) {
    return Status::Corruption("no import with this marker is under way on this machine (" +
                              RecordPath(key, stored) +
                              (record.ok() ? " names another ledger or marker" : " does not exist") +
                              "): its import committed, and the marker was put back");
  }
  return m;
}

Status RecordImportUnderWay(const LocalKey& key, const std::string& ledger, std::string_view marker) {
  const std::string dir = key.dir() + "/" + kImportsDir, path = RecordPath(key, marker);
  auto failed = [&](const std::string& why) {
    return Status::IoError("cannot record the import as under way in " + path + ": " + why);
  };
  if (key.dir().empty()) return failed("no key directory");
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return failed(std::strerror(errno));
  Result<bool> made = CreateExclusive(path, RecordText(ledger, marker), 0600);
  return made.ok() ? Status::Ok() : failed(made.status().message());
}

void ForgetImport(const LocalKey& key, std::string_view marker) {
  if (key.dir().empty() || NonceHex(marker).empty()) return;
  ::unlink(RecordPath(key, marker).c_str());
}

void ForgetImportsOf(const LocalKey& key, const std::string& ledger) {
  if (key.dir().empty()) return;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(key.dir() + "/" + kImportsDir, ec)) {
    Result<std::string> record = ReadSmallFile(entry.path().string(), kMaxRecordBytes);
    if (record.ok() && record->substr(0, record->find('\n')) == ledger) ::unlink(entry.path().c_str());
  }
}

}  // namespace tledger
