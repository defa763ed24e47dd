#include "core/ledger_origin.h"

#include <fmt/format.h>
#include <rocksdb/db.h>

#include "core/keys.h"
#include "core/note_key.h"
#include "core/printable.h"

namespace tledger {

Result<std::optional<std::string>> ReadOrigin(const Store& store) {
  Store::Raw raw = store.raw();
  std::string value;
  rocksdb::Status s = raw.db->Get(rocksdb::ReadOptions(), raw.meta, keys::kOriginKey, &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return Status::IoError("cannot read the ledger's origin: " + s.ToString());
  if (!note::IsValidKeyName(value)) {
    return Status::Corruption(fmt::format("the ledger's stored origin {} is not a key name (meta/origin)", Quoted(value)));
  }
  return std::optional<std::string>(std::move(value));
}

Status FixOrigin(const Store& store, std::string_view origin) {
  TLEDGER_CHECK(store.mode() == OpenMode::kWrite);
  if (!note::IsValidKeyName(origin)) {
    return Status::InvalidInput(fmt::format(
        "--origin: {} is not a possible origin (expected a key name: UTF-8 without spaces, '+' or control "
        "characters, such as dao-tao.cantho.gov.vn/tledger)",
        Quoted(origin)));
  }
  Result<std::optional<std::string>> stored = ReadOrigin(store);
  if (!stored.ok()) return stored.status();
  if (*stored) {
    if (**stored == origin) return Status::Ok();
    return Status::Conflict(fmt::format("--origin {}: the ledger's origin is fixed already as {}, and never changes",
                                        Quoted(origin), Quoted(**stored)));
  }
  Store::Raw raw = store.raw();
  rocksdb::WriteOptions wo;
  wo.sync = true;
  rocksdb::Status s = raw.db->Put(wo, raw.meta, keys::kOriginKey, rocksdb::Slice(origin.data(), origin.size()));
  if (!s.ok()) return Status::IoError("cannot store the ledger's origin: " + s.ToString());
  return Status::Ok();
}

}  // namespace tledger
