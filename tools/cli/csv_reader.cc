#include "tools/cli/csv_reader.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "tools/cli/input_file.h"

namespace tledger {
namespace {

constexpr size_t kBlockBytes = 64 << 10;

}  // namespace

std::string ColumnLetter(size_t index) {
  std::string out;
  for (size_t n = index + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

CsvReader::~CsvReader() {
  if (fd_ > 0) ::close(fd_);
}

Status CsvReader::Open(const std::string& path) {
  Result<InputFile> in = OpenInputFile(path);
  if (!in.ok()) return in.status();
  fd_ = in->fd;
  name_ = in->name;
  buf_.resize(kBlockBytes);
  data_ = buf_.data();
  return Status::Ok();
}

void CsvReader::OpenText(std::string_view text, std::string name) {
  name_ = std::move(name);
  data_ = text.data();
  end_ = text.size();
  eof_ = true;
  if (text.size() > max_bytes_) Fail(0, "");
}

bool CsvReader::Fail(uint64_t line, const std::string& what) {
  if (!status_.ok()) return false;
  if (what.empty()) {
    status_ = Status::InvalidInput(name_ + ": a CSV file may hold at most " + std::to_string(max_bytes_ >> 20) +
                                   " MiB; use JSON Lines for bulk loads");
  } else {
    status_ = Status::InvalidInput(name_ + ":" + std::to_string(line) + ": csv: " + what);
  }
  return false;
}

bool CsvReader::Fill(size_t n) {
  if (eof_ || fd_ < 0) return false;
  // Move the unread bytes to the front; make room for a block more.
  std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
  end_ -= pos_;
  pos_ = 0;
  if (buf_.size() < end_ + kBlockBytes) buf_.resize(end_ + kBlockBytes);
  data_ = buf_.data();
  while (end_ < n && !eof_) {
    ssize_t got = ::read(fd_, buf_.data() + end_, buf_.size() - end_);
    if (got < 0) {
      if (errno == EINTR) continue;
      status_ = Status::InvalidInput(name_ + ": read failed: " + std::strerror(errno));
      return false;
    }
    if (got == 0) eof_ = true;
    end_ += static_cast<size_t>(got);
    total_ += static_cast<uint64_t>(got);
    // The limit is checked as the bytes arrive, not once the file is read.
    if (total_ > max_bytes_) return Fail(0, "");
  }
  return end_ - pos_ >= n;
}

void CsvReader::Skip(size_t n) {
  pos_ += n;
  record_bytes_ += n;
  if (record_bytes_ > max_record_bytes_) {
    Fail(record_line_, "record is too long (at most " + std::to_string(max_record_bytes_) + " bytes)");
  }
}

bool CsvReader::Next(CsvRecord* rec) {
  if (!started_) {
    started_ = true;
    if (Have(3) && At(0) == '\xEF' && At(1) == '\xBB' && At(2) == '\xBF') pos_ += 3;
  }
  // A blank line is no record.
  for (;;) {
    record_bytes_ = 0;
    record_line_ = line_;
    if (!Have(1)) return false;
    if (At(0) == '\n') {
      Skip(1);
    } else if (At(0) == '\r' && Have(2) && At(1) == '\n') {
      Skip(2);
    } else {
      break;
    }
    ++line_;
  }
  if (!status_.ok()) return false;
  rec->line = line_;
  rec->fields.clear();
  for (;;) {
    std::string field;
    const size_t column = rec->fields.size();
    if (Have(1) && At(0) == '"') {
      const uint64_t opened = line_;
      Skip(1);
      for (;;) {
        if (!Have(1)) {
          return status_.ok() ? Fail(opened, "quoted field in column " + ColumnLetter(column) + " is never closed")
                              : false;
        }
        const char c = At(0);
        Skip(1);
        if (c == '"') {
          if (Have(1) && At(0) == '"') {
            field.push_back('"');
            Skip(1);
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        if (c == '\0') return Fail(line_, "NUL byte in column " + ColumnLetter(column));
        field.push_back(c);
      }
      if (Have(1) && At(0) != ',' && At(0) != '\n' && At(0) != '\r') {
        return Fail(line_, "unexpected text after the closing quote in column " + ColumnLetter(column));
      }
    } else {
      while (Have(1) && At(0) != ',' && At(0) != '\n' && At(0) != '\r') {
        if (At(0) == '"') {
          return Fail(line_, "a quote inside an unquoted field in column " + ColumnLetter(column) +
                                 " (quote the whole field and double the quote)");
        }
        if (At(0) == '\0') return Fail(line_, "NUL byte in column " + ColumnLetter(column));
        field.push_back(At(0));
        Skip(1);
      }
    }
    if (!status_.ok()) return false;
    rec->fields.push_back(std::move(field));
    if (Have(1) && At(0) == ',') {
      Skip(1);
      continue;
    }
    // End of record: \n, \r\n, a lone \r, or the end of the input.
    if (Have(1) && At(0) == '\r') Skip(1);
    if (Have(1) && At(0) == '\n') Skip(1);
    if (!status_.ok()) return false;
    ++line_;
    return true;
  }
}

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, const std::string& name) {
  CsvReader in;
  in.OpenText(text, name);
  std::vector<CsvRecord> records;
  CsvRecord rec;
  while (in.Next(&rec)) records.push_back(std::move(rec));
  if (!in.status().ok()) return in.status();
  return records;
}

}  // namespace tledger
