#include "tools/cli/witness.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/checkpoint.h"
#include "core/merkle.h"
#include "core/note.h"
#include "core/printable.h"
#include "core/proof_json.h"
#include "tools/cli/interim_files.h"

namespace tledger {
namespace {

constexpr char kLogKeyFile[] = "log.vkey";
constexpr char kCheckpointFile[] = "checkpoint.note";
constexpr size_t kMaxNote = 1 << 20;

// A directory made (mode 0700) if missing; never a link.
Status MakeDirectory(const std::string& path) {
  if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
    return Status::IoError(fmt::format("cannot create {}: {}", Quoted(path), std::strerror(errno)));
  }
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    return Status::IoError(fmt::format("cannot read {}: {}", Quoted(path), std::strerror(errno)));
  }
  if (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode)) {
    return Status::Corruption(fmt::format("{} is not a directory (a link or a file is there)", Quoted(path)));
  }
  return Status::Ok();
}

// An exclusive flock held while the object lives.
class OriginLock {
 public:
  ~OriginLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  Status Take(const std::string& path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd_ < 0) return Status::IoError(fmt::format("cannot open {}: {}", Quoted(path), std::strerror(errno)));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      return Status::Unavailable(fmt::format("another `witness cosign` of this origin is running ({} is locked)", Quoted(path)));
    }
    return Status::Ok();
  }

 private:
  int fd_ = -1;
};

// The file's bytes, or nullopt when it does not exist.
Result<std::optional<std::string>> ReadIfPresent(const std::string& path) {
  Result<std::string> text = interim::ReadSmallFile(path, kMaxNote);
  if (text.ok()) return std::optional<std::string>(std::move(*text));
  if (text.status().code() == Status::Code::kNotFound) return std::optional<std::string>();
  return text.status();
}

std::string WithoutFinalNewline(std::string s) {
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

Status Refusal(std::string_view what, const std::string& old_note, const std::string& new_note) {
  return Status::Corruption(fmt::format("refused: {}\nthe checkpoint this witness cosigned before:\n{}\nthe checkpoint "
                                        "offered now:\n{}",
                                        what, WithoutFinalNewline(old_note), WithoutFinalNewline(new_note)));
}

// The log's key: --log-key the first time, then the stored one.
Result<note::VerifierKey> LogKey(const std::string& dir, const std::string& origin, const CosignRequest& r,
                                 bool* first_key) {
  Result<std::optional<std::string>> stored = ReadIfPresent(dir + "/" + kLogKeyFile);
  if (!stored.ok()) return stored.status();
  *first_key = !*stored;
  if (*stored) {
    Result<note::VerifierKey> key = note::ParseVerifierKey(**stored);
    if (!key.ok()) {
      return Status::Corruption(fmt::format("the witness's state {}/{}: {}", dir, kLogKeyFile, key.status().message()));
    }
    if (r.log_key && !(*r.log_key == *key)) {
      return Status::Conflict(fmt::format("--log-key {}: this witness has fixed {} as the key of {}, and a ledger's "
                                          "key does not change here",
                                          note::FormatVerifierKey(*r.log_key), note::FormatVerifierKey(*key),
                                          Quoted(origin)));
    }
    return key;
  }
  if (!r.log_key) {
    return Status::InvalidInput(fmt::format("this witness has never cosigned for {}: give the ledger's verifier key "
                                            "with --log-key the first time",
                                            Quoted(origin)));
  }
  if (r.log_key->type != note::KeyType::kEd25519 || r.log_key->name != origin) {
    return Status::InvalidInput(fmt::format("--log-key {}: a ledger's key is an Ed25519 key named after its origin "
                                            "{}",
                                            note::FormatVerifierKey(*r.log_key), Quoted(origin)));
  }
  return *r.log_key;
}

// Ok when `proof` shows the tree of `old_c` inside the one of `new_c`;
// a refusal otherwise.
Status CheckGrowth(const Checkpoint& old_c, const Checkpoint& new_c, const CosignRequest& r,
                   const std::string& old_note) {
  if (!r.proof) {
    return Status::InvalidInput(fmt::format("--proof: the tree grew from {} to {} events since this witness cosigned: "
                                            "give the consistency proof (tledger prove --consistency {} {})",
                                            old_c.size, new_c.size, old_c.size, new_c.size));
  }
  Result<merkle::ConsistencyProof> p = ParseConsistencyProofJson(*r.proof);
  if (!p.ok()) return Status::InvalidInput("--proof: " + p.status().message());
  if (p->old_size != old_c.size || p->new_size != new_c.size) {
    return Status::InvalidInput(fmt::format("--proof: the proof goes from size {} to size {}, and this witness needs "
                                            "one from {} to {} (tledger prove --consistency {} {})",
                                            p->old_size, p->new_size, old_c.size, new_c.size, old_c.size, new_c.size));
  }
  if (p->old_root != old_c.root) {
    return Refusal(fmt::format("a fork: the proof gives the tree of size {} another root than the one this witness "
                               "cosigned",
                               old_c.size),
                   old_note, r.note);
  }
  if (p->new_root != new_c.root) {
    return Refusal(fmt::format("a fork: the proof is for another tree of size {} than the checkpoint's", new_c.size),
                   old_note, r.note);
  }
  Status s = merkle::VerifyConsistency(p->old_size, p->new_size, p->old_root, p->new_root, p->hashes);
  if (!s.ok()) {
    return Refusal(fmt::format("a fork: the tree of size {} does not contain the one of size {} this witness "
                               "cosigned ({})",
                               new_c.size, old_c.size, s.message()),
                   old_note, r.note);
  }
  return Status::Ok();
}

}  // namespace

std::string OriginDirName(std::string_view origin) {
  std::string out;
  for (size_t i = 0; i < origin.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(origin[i]);
    bool plain = std::isalnum(c) || c == '_' || c == '-' || (c == '.' && i > 0);
    out += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

Result<CosignResult> Cosign(const std::string& state_dir, const note::SignerKey& witness, const CosignRequest& r) {
  TLEDGER_CHECK(witness.verifier().type == note::KeyType::kCosignatureV1);
  Result<note::Note> offered = note::ParseNote(r.note);
  if (!offered.ok()) return Status::InvalidInput("the note: " + offered.status().message());
  Result<Checkpoint> new_c = ParseCheckpoint(offered->text);
  if (!new_c.ok()) return Status::InvalidInput("the note is not a checkpoint: " + new_c.status().message());
  const std::string origin = new_c->origin;
  const std::string name = OriginDirName(origin);
  if (name.size() > 200) return Status::InvalidInput(fmt::format("the origin {} is too long for this witness", Quoted(origin)));

  TLEDGER_RETURN_IF_ERROR(MakeDirectory(state_dir));
  const std::string dir = state_dir + "/" + name;
  TLEDGER_RETURN_IF_ERROR(MakeDirectory(dir));
  OriginLock lock;
  TLEDGER_RETURN_IF_ERROR(lock.Take(dir + "/lock"));

  bool first_key = false;
  Result<note::VerifierKey> log_key = LogKey(dir, origin, r, &first_key);
  if (!log_key.ok()) return log_key.status();
  Result<note::VerifiedNote> opened = note::OpenNote(r.note, note::Policy::AllOf({*log_key}));
  if (!opened.ok()) {
    std::string message = "the note offered: " + opened.status().message();
    return opened.status().code() == Status::Code::kCorruption ? Status::Corruption(message)
                                                              : Status::InvalidInput(message);
  }

  CosignResult out;
  out.origin = origin;
  out.size = new_c->size;
  out.time = r.now;
  Result<std::optional<std::string>> old_note = ReadIfPresent(dir + "/" + kCheckpointFile);
  if (!old_note.ok()) return old_note.status();
  if (*old_note) {
    Result<note::VerifiedNote> old_opened =
        note::OpenNote(**old_note, note::Policy::AllOf({*log_key, witness.verifier()}));
    if (!old_opened.ok()) {
      return Status::Corruption(fmt::format("the witness's state {}/{} does not verify with the ledger's key and this "
                                            "witness's own: {}",
                                            dir, kCheckpointFile, old_opened.status().message()));
    }
    Result<Checkpoint> old_c = ParseCheckpoint(old_opened->text);
    if (!old_c.ok()) return Status::Corruption(fmt::format("the witness's state {}/{}: {}", dir, kCheckpointFile, old_c.status().message()));
    for (const note::VerifiedSignature& v : old_opened->verified) {
      if (v.timestamp) out.time = std::max(out.time, *v.timestamp);
    }
    out.previous_size = old_c->size;
    if (new_c->size < old_c->size) {
      return Refusal(fmt::format("a rollback: the checkpoint offered is of {} events, and this witness cosigned {} "
                                 "events of {} before; a ledger never shrinks",
                                 new_c->size, old_c->size, Quoted(origin)),
                     **old_note, r.note);
    }
    if (new_c->size == old_c->size && new_c->root != old_c->root) {
      return Refusal(fmt::format("a fork: another root for the tree of {} events this witness cosigned", new_c->size),
                     **old_note, r.note);
    }
    if (new_c->size > old_c->size) TLEDGER_RETURN_IF_ERROR(CheckGrowth(*old_c, *new_c, r, **old_note));
  } else {
    spdlog::warn("the first checkpoint of {} this witness sees ({} events): accepted on trust, as there is nothing to "
                 "compare it with; from now on only consistent growth is cosigned",
                 Quoted(origin), new_c->size);
  }

  Result<note::Signature> cosignature = note::Sign(offered->text, witness, out.time);
  if (!cosignature.ok()) return cosignature.status();
  note::Note cosigned{offered->text, {}};
  for (const note::Signature& s : offered->signatures) {
    if (s.name == witness.verifier().name && s.key_id == witness.verifier().id) continue;
    cosigned.signatures.push_back(s);
  }
  if (cosigned.signatures.size() >= note::kMaxSignatures) {
    return Status::InvalidInput(fmt::format("the note has {} signatures already; a note holds at most {}",
                                            cosigned.signatures.size(), note::kMaxSignatures));
  }
  cosigned.signatures.push_back(*cosignature);
  out.note = note::FormatNote(cosigned);

  if (first_key) {
    TLEDGER_RETURN_IF_ERROR(
        interim::WriteFileAtomically(nullptr, dir, kLogKeyFile, {note::FormatVerifierKey(*log_key), "\n"}, 0600));
  }
  TLEDGER_RETURN_IF_ERROR(interim::WriteFileAtomically(nullptr, dir, kCheckpointFile, {out.note}, 0600));
  return out;
}

}  // namespace tledger
