// Go's golang.org/x/mod/sumdb/tlog and sumdb/note (Debian's
// golang-golang-x-mod-dev, built by Debian's golang-go in GOPATH mode,
// offline): tests/interop/tlog_interop.go, built once per test program and
// run by the tests that check tledger against an independent implementation
// (interop_test, demo_proofs_test). TLEDGER_GO_BIN names `go`.
#ifndef TLEDGER_TESTS_GO_INTEROP_H_
#define TLEDGER_TESTS_GO_INTEROP_H_

#include <string>
#include <vector>

#include "tests/test_util.h"

namespace tledger::testing {

class GoInterop {
 public:
  // Builds tlog_interop into `dir` (which must outlive this object); the
  // result is in build().
  explicit GoInterop(const std::string& dir);

  // The `go build` run: exit 0 when the program is there. A failure says
  // where Go comes from (tools/install-deps.sh).
  const RunResult& build() const { return build_; }
  std::string BuildFailure() const;

  // tlog_interop ARGS..., in `dir`, with the same environment.
  RunResult Run(const std::vector<std::string>& args) const;

  // The environment of both: GOPATH mode, no network, the x/mod sources
  // Debian installs under /usr/share/gocode, a build cache in the build tree.
  const RunOptions& environment() const { return env_; }

 private:
  std::string bin_;
  RunOptions env_;
  RunResult build_;
};

}  // namespace tledger::testing

#endif  // TLEDGER_TESTS_GO_INTEROP_H_
