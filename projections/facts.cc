#include "projections/facts.h"

#include <cstring>
#include <functional>

namespace tledger {
namespace {
constexpr size_t kBlockBytes = 1 << 20;
constexpr size_t kInitialSlots = 1 << 10;

// The upper 32 bits of a name's hash: both its slot (their low bits) and the
// tag stored beside its Sym, so that Grow moves entries without reading or
// hashing a name again.
uint64_t TagOf(std::string_view s) { return std::hash<std::string_view>()(s) >> 32; }
}  // namespace

Interner::Interner() : table_(kInitialSlots, 0) { names_.emplace_back(); }
Interner::~Interner() = default;
Interner::Interner(Interner&&) noexcept = default;
Interner& Interner::operator=(Interner&&) noexcept = default;

Interner::Interner(const Interner& other) : Interner() {
  for (size_t i = 1; i < other.names_.size(); ++i) Intern(other.names_[i]);
}

Interner& Interner::operator=(const Interner& other) {
  if (this != &other) *this = Interner(other);
  return *this;
}

Sym Interner::Find(std::string_view s) const {
  uint64_t tag = TagOf(s);
  size_t mask = table_.size() - 1;
  for (size_t i = tag & mask; table_[i] != 0; i = (i + 1) & mask) {
    Sym sym = static_cast<Sym>(table_[i] & 0xffffffffu);
    if ((table_[i] >> 32) == tag && names_[sym] == s) return sym;
  }
  return kNoSym;
}

Sym Interner::Intern(std::string_view s) {
  uint64_t tag = TagOf(s);
  size_t mask = table_.size() - 1;
  size_t i = tag & mask;
  for (; table_[i] != 0; i = (i + 1) & mask) {
    Sym sym = static_cast<Sym>(table_[i] & 0xffffffffu);
    if ((table_[i] >> 32) == tag && names_[sym] == s) return sym;
  }
  size_t need = s.size();
  if (blocks_.empty() || block_used_ + need > kBlockBytes) {
    blocks_.emplace_back(new char[std::max(kBlockBytes, need)]);
    block_used_ = 0;
  }
  char* dst = blocks_.back().get() + block_used_;
  if (need > 0) std::memcpy(dst, s.data(), need);
  block_used_ = need > kBlockBytes ? kBlockBytes : block_used_ + need;
  Sym sym = static_cast<Sym>(names_.size());
  names_.emplace_back(dst, need);
  table_[i] = tag << 32 | sym;
  if (names_.size() * 2 > table_.size()) Grow();
  return sym;
}

void Interner::Grow() {
  std::vector<uint64_t> table(table_.size() * 2, 0);
  size_t mask = table.size() - 1;
  for (uint64_t entry : table_) {
    if (entry == 0) continue;
    size_t i = (entry >> 32) & mask;
    while (table[i] != 0) i = (i + 1) & mask;
    table[i] = entry;
  }
  table_.swap(table);
}

const Stamp& StampOf(const Fact& f) {
  return std::visit([](const auto& x) -> const Stamp& { return x.stamp; }, f);
}
Stamp& StampOf(Fact& f) {
  return std::visit([](auto& x) -> Stamp& { return x.stamp; }, f);
}

}  // namespace tledger
