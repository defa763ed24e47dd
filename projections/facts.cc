#include "projections/facts.h"

#include <cstring>

#include <kj/map.h>
#include <kj/hash.h>

namespace tledger {
namespace {
constexpr size_t kBlockBytes = 1 << 20;
}

struct Interner::Index {
  struct Key {
    std::string_view s;
    unsigned int hashCode() const { return kj::hashCode(kj::ArrayPtr<const char>(s.data(), s.size())); }
    bool operator==(const Key& o) const { return s == o.s; }
  };
  kj::HashMap<Key, Sym> map;
};

Interner::Interner() : index_(new Index) { names_.emplace_back(); }
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

Sym Interner::Intern(std::string_view s) {
  Sym found = Find(s);
  if (found != kNoSym) return found;
  size_t need = s.size() + 1;
  if (blocks_.empty() || block_used_ + need > kBlockBytes) {
    blocks_.emplace_back(new char[std::max(kBlockBytes, need)]);
    block_used_ = 0;
  }
  char* dst = blocks_.back().get() + block_used_;
  std::memcpy(dst, s.data(), s.size());
  dst[s.size()] = '\0';
  block_used_ = need > kBlockBytes ? kBlockBytes : block_used_ + need;
  Sym sym = static_cast<Sym>(names_.size());
  names_.emplace_back(dst, s.size());
  index_->map.insert(Index::Key{std::string_view(dst, s.size())}, sym);
  return sym;
}

Sym Interner::Find(std::string_view s) const {
  KJ_IF_MAYBE(v, index_->map.find(Index::Key{s})) { return *v; }
  return kNoSym;
}

const Stamp& StampOf(const Fact& f) {
  return std::visit([](const auto& x) -> const Stamp& { return x.stamp; }, f);
}
Stamp& StampOf(Fact& f) {
  return std::visit([](auto& x) -> Stamp& { return x.stamp; }, f);
}

}  // namespace tledger
