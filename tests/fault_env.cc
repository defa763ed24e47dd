#include "tests/fault_env.h"

#include <algorithm>

namespace tledger::testing {
namespace {

// What RocksDB's POSIX file system says when write(2) fails with ENOSPC.
rocksdb::IOStatus NoSpace(const std::string& file) {
  return rocksdb::IOStatus::NoSpace("While appending to file: " + file, "No space left on device");
}

class BudgetedFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  BudgetedFile(std::unique_ptr<rocksdb::FSWritableFile> file, std::string name, FullDisk* disk)
      : FSWritableFileOwnerWrapper(std::move(file)), name_(std::move(name)), disk_(disk) {}

  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           rocksdb::IODebugContext* dbg) override {
    size_t n = disk_->Take(name_, data.size());
    if (n > 0) {
      rocksdb::IOStatus s = target()->Append(rocksdb::Slice(data.data(), n), options, dbg);
      if (!s.ok()) return s;
    }
    return n == data.size() ? rocksdb::IOStatus::OK() : NoSpace(name_);
  }
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           const rocksdb::DataVerificationInfo&, rocksdb::IODebugContext* dbg) override {
    return Append(data, options, dbg);
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, uint64_t offset, const rocksdb::IOOptions& options,
                                     rocksdb::IODebugContext* dbg) override {
    size_t n = disk_->Take(name_, data.size());
    if (n > 0) {
      rocksdb::IOStatus s = target()->PositionedAppend(rocksdb::Slice(data.data(), n), offset, options, dbg);
      if (!s.ok()) return s;
    }
    return n == data.size() ? rocksdb::IOStatus::OK() : NoSpace(name_);
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, uint64_t offset, const rocksdb::IOOptions& options,
                                     const rocksdb::DataVerificationInfo&, rocksdb::IODebugContext* dbg) override {
    return PositionedAppend(data, offset, options, dbg);
  }

 private:
  std::string name_;
  FullDisk* disk_;
};

}  // namespace

FullDisk::FullDisk(uint64_t budget, std::string only)
    : FileSystemWrapper(rocksdb::FileSystem::Default()), only_(std::move(only)), budget_(budget) {}

std::shared_ptr<rocksdb::Env> FullDisk::env() {
  // A new one each time, owned by the caller: kept here, it would own this
  // file system that owns it (a cycle LeakSanitizer reports).
  return std::shared_ptr<rocksdb::Env>(rocksdb::NewCompositeEnv(shared_from_this()));
}

size_t FullDisk::Take(const std::string& file, size_t n) {
  if (!only_.empty() && file.find(only_) == std::string::npos) {
    written_.fetch_add(n);
    return n;
  }
  uint64_t before = charged_.load();
  for (;;) {
    uint64_t budget = budget_.load();
    uint64_t left = before >= budget ? 0 : budget - before;
    uint64_t take = std::min<uint64_t>(n, left);
    if (charged_.compare_exchange_weak(before, before + take)) {
      written_.fetch_add(take);
      if (take < n) refusals_.fetch_add(1);
      return static_cast<size_t>(take);
    }
  }
}

rocksdb::IOStatus FullDisk::NewWritableFile(const std::string& f, const rocksdb::FileOptions& options,
                                            std::unique_ptr<rocksdb::FSWritableFile>* r, rocksdb::IODebugContext* dbg) {
  rocksdb::IOStatus s = target()->NewWritableFile(f, options, r, dbg);
  if (s.ok()) *r = std::make_unique<BudgetedFile>(std::move(*r), f, this);
  return s;
}

rocksdb::IOStatus FullDisk::ReopenWritableFile(const std::string& f, const rocksdb::FileOptions& options,
                                               std::unique_ptr<rocksdb::FSWritableFile>* r,
                                               rocksdb::IODebugContext* dbg) {
  rocksdb::IOStatus s = target()->ReopenWritableFile(f, options, r, dbg);
  if (s.ok()) *r = std::make_unique<BudgetedFile>(std::move(*r), f, this);
  return s;
}

rocksdb::IOStatus FullDisk::ReuseWritableFile(const std::string& f, const std::string& old,
                                              const rocksdb::FileOptions& options,
                                              std::unique_ptr<rocksdb::FSWritableFile>* r,
                                              rocksdb::IODebugContext* dbg) {
  rocksdb::IOStatus s = target()->ReuseWritableFile(f, old, options, r, dbg);
  if (s.ok()) *r = std::make_unique<BudgetedFile>(std::move(*r), f, this);
  return s;
}

}  // namespace tledger::testing
