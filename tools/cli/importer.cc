#include "tools/cli/importer.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include <capnp/message.h>
#include <simdjson.h>

#include "core/appender.h"
#include "core/json_codec.h"
#include "tools/cli/csv_event.h"
#include "tools/cli/csv_reader.h"
#include "tools/cli/line_reader.h"

namespace tledger {
namespace {

bool EndsWithCsv(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".csv";
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Reads one interchange object and prepares it for the chain. Reuses
// `scratch` (zeroed where the last message used it) as the message's first
// segment, so that most events cost no allocation to build.
class EventBuilder {
 public:
  EventBuilder() : scratch_(kScratchWords) {}

  // Into `*out`, whose buffers are reused.
  Status BuildInto(simdjson::dom::element doc, std::string_view actor, const Appender& appender, PreparedEvent* out) {
    std::fill(scratch_.begin(), scratch_.begin() + static_cast<std::ptrdiff_t>(used_), uint64_t{0});
    capnp::MallocMessageBuilder msg(kj::arrayPtr(reinterpret_cast<capnp::word*>(scratch_.data()), scratch_.size()));
    auto event = msg.initRoot<schema::Event>();
    Status s = EventFromJson(doc, actor, event);
    if (s.ok()) s = appender.PrepareInto(event, out);
    used_ = std::min(scratch_.size(), static_cast<size_t>(msg.getSegmentsForOutput()[0].size()));
    return s;
  }

 private:
  static constexpr size_t kScratchWords = 4096;
  // Words, as uint64_t: clang's build of Cap'n Proto makes capnp::word
  // non-copyable (core/codec.h), and the fuzz harnesses build this with clang.
  std::vector<uint64_t> scratch_;
  size_t used_ = kScratchWords;
};

// One append, fed one prepared event at a time; collects the errors.
class FileAppend {
 public:
  FileAppend(Store& store, std::string name) : store_(store), name_(std::move(name)) {}

  Status Begin() {
    Result<std::unique_ptr<Appender>> app = store_.BeginAppend();
    if (!app.ok()) return app.status();
    appender_ = std::move(*app);
    return Status::Ok();
  }

  // `where` maps an error's field to how the file names it (CSV: its column).
  // Only a failure of the store itself is returned; refusals are collected.
  // `prepared` is the event when `status` is OK; Add() patches it in place.
  template <typename Where>
  Status Offer(uint64_t line, Status s, PreparedEvent& prepared, const Where& where) {
    if (s.ok() && errors_.empty()) {
      Result<Appender::Outcome> r = appender_->Add(prepared);
      if (!r.ok()) s = r.status();
    }
    if (s.ok()) return s;
    if (s.code() == Status::Code::kIoError || s.code() == Status::Code::kCorruption) return s;
    Error(line, where(s.message()));
    if (!first_error_) first_error_ = s;
    return Status::Ok();
  }

  void Error(uint64_t line, const std::string& message) {
    if (errors_.size() < kMaxReportedErrors) {
      errors_.push_back(line > 0 ? name_ + ":" + std::to_string(line) + ": " + message : message);
    }
    ++error_count_;
  }
  // Reading stops once a refused line beyond those reported is found: the
  // message can then say there are more.
  bool full() const { return error_count_ > kMaxReportedErrors; }
  const Appender& appender() const { return *appender_; }

  Result<FileImport> Finish() {
    if (error_count_ > 0) {
      std::string msg;
      for (const std::string& e : errors_) msg += (msg.empty() ? "" : "\n") + e;
      if (error_count_ > errors_.size()) msg += "\n" + name_ + ": ... and more refused lines not shown";
      msg += "\n" + name_ + ": refused; nothing of this file was imported";
      appender_.reset();  // discards anything staged
      bool conflict = first_error_ && first_error_->code() == Status::Code::kConflict;
      return conflict ? Status::Conflict(msg) : Status::InvalidInput(msg);
    }
    TLEDGER_RETURN_IF_ERROR(appender_->Commit());
    FileImport r{name_, appender_->appended(), appender_->repeats(), appender_->head()};
    if (r.appended == 0) r.head = store_.head();
    return r;
  }

 private:
  Store& store_;
  std::string name_;
  std::unique_ptr<Appender> appender_;
  std::vector<std::string> errors_;
  size_t error_count_ = 0;
  std::optional<Status> first_error_;  // decides the kind of the refusal
};

std::string Same(const std::string& message) { return message; }

// Lines read together and prepared off the main thread.
struct Block {
  struct Line {
    uint64_t number;
    size_t begin, size;
  };
  std::string text;  // the lines back to back, then simdjson's padding
  std::vector<Line> lines;
  // Line i's event, when statuses[i] is OK. Kept across recycling: the
  // next block prepares into the same buffers, on a worker thread, so an
  // event's strings are neither allocated anew nor freed by another thread.
  std::vector<PreparedEvent> events;
  std::vector<Status> statuses;

  void Clear() {
    text.clear();
    lines.clear();
  }
};
constexpr size_t kBlockLines = 4096;
constexpr size_t kBlocksInFlight = 6;
constexpr size_t kPrepareThreads = 2;

// Prepares blocks (parse, validate, encode, look up) on a few threads and
// hands them back in the order they were submitted. Blocks are recycled, so
// their buffers are allocated once.
class PreparePool {
 public:
  PreparePool(std::string actor, const Appender& appender) : actor_(std::move(actor)), appender_(appender) {
    for (size_t i = 0; i < kPrepareThreads; ++i) threads_.emplace_back([this] { Work(); });
  }
  ~PreparePool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  std::unique_ptr<Block> Empty() {
    std::lock_guard<std::mutex> lock(mu_);
    if (free_.empty()) return std::make_unique<Block>();
    std::unique_ptr<Block> b = std::move(free_.back());
    free_.pop_back();
    b->Clear();
    return b;
  }
  void Submit(std::unique_ptr<Block> block) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      slots_.push_back(Slot{std::move(block), false, false});
    }
    cv_.notify_all();
  }
  size_t pending() const {
    std::lock_guard<std::mutex> lock(mu_);
    return slots_.size();
  }
  // The oldest submitted block, once prepared.
  std::unique_ptr<Block> Next() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return slots_.front().done; });
    std::unique_ptr<Block> b = std::move(slots_.front().block);
    slots_.pop_front();
    return b;
  }
  void Recycle(std::unique_ptr<Block> block) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(block));
  }

 private:
  struct Slot {
    std::unique_ptr<Block> block;
    bool taken;
    bool done;
  };

  void Work() {
    simdjson::dom::parser parser;
    EventBuilder builder;
    for (;;) {
      Block* block = nullptr;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] {
          if (stop_) return true;
          for (Slot& s : slots_) {
            if (!s.taken) {
              s.taken = true;
              block = s.block.get();
              return true;
            }
          }
          return false;
        });
        if (block == nullptr) return;
      }
      Prepare(parser, builder, block);
      {
        std::lock_guard<std::mutex> lock(mu_);
        for (Slot& s : slots_) {
          if (s.block.get() == block) s.done = true;
        }
      }
      cv_.notify_all();
    }
  }

  void Prepare(simdjson::dom::parser& parser, EventBuilder& builder, Block* block) {
    const size_t n = block->lines.size();
    if (block->events.size() < n) block->events.resize(n);
    block->statuses.resize(n);
    for (size_t i = 0; i < n; ++i) {
      const Block::Line& line = block->lines[i];
      simdjson::dom::element doc;
      // The text has simdjson's padding after every line (the next lines,
      // then the block's padding).
      auto err = parser.parse(block->text.data() + line.begin, line.size, false).get(doc);
      if (err != simdjson::SUCCESS) {
        block->statuses[i] = Status::InvalidInput(std::string("json: not valid JSON (") + simdjson::error_message(err) + ")");
        continue;
      }
      block->statuses[i] = builder.BuildInto(doc, actor_, appender_, &block->events[i]);
    }
  }

  const std::string actor_;
  const Appender& appender_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Slot> slots_;
  std::vector<std::unique_ptr<Block>> free_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

Result<FileImport> ImportJsonl(Store& store, const std::string& path, const ImportOptions& options) {
  LineReader in;
  TLEDGER_RETURN_IF_ERROR(in.Open(path));
  FileAppend append(store, in.name());
  TLEDGER_RETURN_IF_ERROR(append.Begin());
  // Parsing, validating and encoding run on the pool, a few blocks ahead;
  // chaining and appending stay here, in line order.
  PreparePool pool(options.actor, append.appender());
  bool more = true;
  while (!append.full() && (more || pool.pending() > 0)) {
    while (more && pool.pending() < kBlocksInFlight) {
      std::unique_ptr<Block> block = pool.Empty();
      std::string_view line;
      uint64_t n;
      while (block->lines.size() < kBlockLines && (more = in.Next(&line, &n))) {
        if (IsBlank(line)) continue;
        block->lines.push_back(Block::Line{n, block->text.size(), line.size()});
        block->text.append(line);
        block->text.push_back('\n');
      }
      block->text.append(simdjson::SIMDJSON_PADDING, ' ');
      pool.Submit(std::move(block));
    }
    if (pool.pending() == 0) break;
    std::unique_ptr<Block> block = pool.Next();
    for (size_t i = 0; i < block->lines.size() && !append.full(); ++i) {
      TLEDGER_RETURN_IF_ERROR(append.Offer(block->lines[i].number, std::move(block->statuses[i]), block->events[i], Same));
    }
    pool.Recycle(std::move(block));
  }
  if (!in.status().ok()) append.Error(0, in.status().message());
  return append.Finish();
}

// CSV is read as a stream, a record at a time (tools/cli/csv_reader.h). A
// file that is not CSV (a stray quote, an unterminated field, a record too
// long, past the size limit) is refused with that one error, whatever
// rows before it said, and nothing of it is written.
Result<FileImport> ImportCsv(Store& store, const std::string& path, const ImportOptions& options) {
  CsvReader in;
  TLEDGER_RETURN_IF_ERROR(in.Open(path));
  CsvRecord header_record;
  if (!in.Next(&header_record)) {
    if (!in.status().ok()) return in.status();
    return Status::InvalidInput(path + ":1: csv: the file is empty (expected a header row)");
  }
  const std::vector<std::string>& header = header_record.fields;
  if (Status h = CheckCsvHeader(header); !h.ok()) {
    return Status::InvalidInput(path + ":" + std::to_string(header_record.line) + ": " + h.message());
  }

  FileAppend append(store, path);
  TLEDGER_RETURN_IF_ERROR(append.Begin());
  simdjson::dom::parser parser;
  EventBuilder builder;
  PreparedEvent event;
  auto where = [&](const std::string& message) { return WithColumn(header, message); };
  CsvRecord rec;
  while (!append.full() && in.Next(&rec)) {
    Result<std::string> json = CsvRowJson(header, rec, options.csv_type);
    if (!json.ok()) {
      append.Error(rec.line, json.status().message());
      continue;
    }
    simdjson::padded_string padded(*json);
    simdjson::dom::element doc;
    if (auto err = parser.parse(padded).get(doc); err != simdjson::SUCCESS) {
      append.Error(rec.line, std::string("csv: the row cannot be read (") + simdjson::error_message(err) + ")");
      continue;
    }
    Status built = builder.BuildInto(doc, options.actor, append.appender(), &event);
    TLEDGER_RETURN_IF_ERROR(append.Offer(rec.line, std::move(built), event, where));
  }
  if (!in.status().ok()) return in.status();  // `append` discards what it staged
  return append.Finish();
}

}  // namespace

Result<FileImport> ImportFile(Store& store, const std::string& path, const ImportOptions& options) {
  Result<FileImport> r = EndsWithCsv(path) ? ImportCsv(store, path, options) : ImportJsonl(store, path, options);
  // The store failed (a full disk, a failing device): say which file is not in.
  if (!r.ok() && r.status().code() == Status::Code::kIoError) {
    return Status::IoError((path == "-" ? std::string("<stdin>") : path) + ": not imported: " + r.status().message());
  }
  return r;
}

std::string PartialImportSummary(size_t done, size_t total, uint64_t appended, uint64_t repeats, const Head& head,
                                 const Status& failure) {
  const bool refused = failure.code() == Status::Code::kInvalidInput || failure.code() == Status::Code::kConflict;
  return "imported " + std::to_string(done) + " of " + std::to_string(total) + " files before the " +
         (refused ? "refusal" : "failure") + ": " + std::to_string(appended) + " appended, " + std::to_string(repeats) +
         " already present; head seq " + std::to_string(head.seq) + "\n";
}

}  // namespace tledger
