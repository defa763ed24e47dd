// Every test program keeps its local key (core/local_key.h) in a temporary
// directory of its own, named by TLEDGER_KEY_DIR for the program and every
// process it runs, and removed when it exits: no test reads or writes the
// key under $HOME. Linked into every test program (tests/CMakeLists.txt), so
// that the directory is set before main() runs.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/test_util.h"

namespace tledger::testing {
namespace {

class KeyDir {
 public:
  KeyDir() {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/tledger-test-keys-XXXXXX";
    if (mkdtemp(tmpl.data()) == nullptr) {
      std::perror("test setup failed: mkdtemp for the key directory");
      std::abort();
    }
    path_ = tmpl + "/keys";
    setenv("TLEDGER_KEY_DIR", path_.c_str(), 1);
  }
  ~KeyDir() {
    std::error_code ec;
    std::filesystem::remove_all(std::filesystem::path(path_).parent_path(), ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

KeyDir& Instance() {
  static KeyDir dir;
  return dir;
}

[[maybe_unused]] const bool kKeyDirSet = (Instance(), true);

}  // namespace

const std::string& TestKeyDir() { return Instance().path(); }

}  // namespace tledger::testing
