#include "tests/go_interop.h"

namespace tledger::testing {

GoInterop::GoInterop(const std::string& dir) : bin_(dir + "/tlog_interop") {
  env_.cwd = dir;
  env_.env = {"GO111MODULE=off",
              "GOPATH=" + dir + "/gopath:/usr/share/gocode",
              "GOPROXY=off",
              "GOFLAGS=",
              "GOENV=off",
              "CGO_ENABLED=0",
              "GOCACHE=" TLEDGER_BUILD_DIR "/tests/go-cache"};
  build_ = RunProgram({TLEDGER_GO_BIN, "build", "-o", bin_, TLEDGER_SOURCE_DIR "/tests/interop/tlog_interop.go"}, env_);
}

std::string GoInterop::BuildFailure() const {
  return std::string("go build failed (Go and golang-golang-x-mod-dev come with tools/install-deps.sh; go is ") +
         TLEDGER_GO_BIN + "):\n" + build_.out + build_.err;
}

RunResult GoInterop::Run(const std::vector<std::string>& args) const {
  std::vector<std::string> argv{bin_};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProgram(argv, env_);
}

}  // namespace tledger::testing
