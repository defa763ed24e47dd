// A disk that fills up, for tests of how the store reports and survives it:
// a RocksDB file system whose writes succeed until a byte budget is spent,
// then fail as a full disk does (IOStatus::NoSpace, the message RocksDB's
// own POSIX file system gives for ENOSPC). The write that crosses the budget
// lands in part, so a log ends torn, as on a real full disk.
//
//   auto fs = std::make_shared<FullDisk>(/*budget=*/10 << 20);
//   StoreOptions options{.env = fs->env()};
//   Result<std::unique_ptr<Store>> store = Store::Open(dir, OpenMode::kWrite, options);
//   ...                                  // fails with "no space left on the device"
//   fs->Lift();                           // space was freed
//
// Thread-safe: RocksDB writes from its background threads too.
#ifndef TLEDGER_TESTS_FAULT_ENV_H_
#define TLEDGER_TESTS_FAULT_ENV_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include <rocksdb/env.h>
#include <rocksdb/file_system.h>

namespace tledger::testing {

class FullDisk : public rocksdb::FileSystemWrapper, public std::enable_shared_from_this<FullDisk> {
 public:
  // With `only`, the disk is full for files whose name contains it alone
  // (say "ingest-", the index files an import writes): a deterministic
  // place for the failure.
  explicit FullDisk(uint64_t budget, std::string only = "");

  static const char* kClassName() { return "TledgerFullDisk"; }
  const char* Name() const override { return kClassName(); }

  // A new Env that reaches the disk through this file system, for
  // StoreOptions; the caller keeps it for as long as the store is open.
  std::shared_ptr<rocksdb::Env> env();
  // Bytes written through this file system so far.
  uint64_t written() const { return written_.load(); }
  // Writes that were refused, in part or whole.
  uint64_t refusals() const { return refusals_.load(); }
  // From now on, `more` bytes fit (and no more).
  void Allow(uint64_t more) { budget_.store(charged_.load() + more); }
  // Space was freed: every write succeeds from now on.
  void Lift() { budget_.store(UINT64_MAX); }

  rocksdb::IOStatus NewWritableFile(const std::string& f, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* r, rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReopenWritableFile(const std::string& f, const rocksdb::FileOptions& options,
                                       std::unique_ptr<rocksdb::FSWritableFile>* r,
                                       rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReuseWritableFile(const std::string& f, const std::string& old, const rocksdb::FileOptions& options,
                                      std::unique_ptr<rocksdb::FSWritableFile>* r,
                                      rocksdb::IODebugContext* dbg) override;

  // How many of the next `n` bytes to `file` fit; the rest are refused.
  size_t Take(const std::string& file, size_t n);

 private:
  const std::string only_;
  std::atomic<uint64_t> budget_;
  std::atomic<uint64_t> written_{0};
  std::atomic<uint64_t> charged_{0};  // what counts against the budget
  std::atomic<uint64_t> refusals_{0};
};

}  // namespace tledger::testing

#endif  // TLEDGER_TESTS_FAULT_ENV_H_
