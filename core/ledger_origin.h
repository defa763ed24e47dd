// The ledger's checkpoint origin (core/FORMAT.md, "Keys, checkpoints,
// origin"): the name every signed checkpoint of this ledger starts with,
// kept in the store as meta/origin and fixed once.
//
//   Result<std::optional<std::string>> origin = ReadOrigin(store);
//   Status s = FixOrigin(*writer, "dao-tao.cantho.gov.vn/tledger");   // the first `checkpoint --sign --origin`
//
// An origin is a key name (note::IsValidKeyName: no spaces, no '+'), so
// that the ledger's key can be named after it, and tledger signs only with
// a key of that name. Thread-compatible, as the Store.
#ifndef TLEDGER_CORE_LEDGER_ORIGIN_H_
#define TLEDGER_CORE_LEDGER_ORIGIN_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/store.h"

namespace tledger {

// The stored origin; nullopt when none is fixed yet. Corruption when what
// is stored is not a key name; IoError when it cannot be read.
Result<std::optional<std::string>> ReadOrigin(const Store& store);

// Stores `origin` (synced) unless one is stored already. `store` must be
// open with OpenMode::kWrite (the writer's lock is what makes "fixed once"
// hold). InvalidInput when `origin` is not a key name; Conflict, naming
// both, when another origin is fixed already; Ok, writing nothing, when the
// same one is.
Status FixOrigin(const Store& store, std::string_view origin);

}  // namespace tledger

#endif  // TLEDGER_CORE_LEDGER_ORIGIN_H_
