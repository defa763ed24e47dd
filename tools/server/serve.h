// `tledger serve [--listen ADDR:PORT] [--token-file FILE] [--tls-cert FILE
// --tls-key FILE]`: the inspector's page and its JSON API
// (tools/server/README.md), over the ledger opened read-only.
//
//   tledger --db ./ledger serve                        # http://127.0.0.1:8080/
//   tledger --db ./ledger serve --listen 127.0.0.1:0   # a free port, printed
//
// Prints the address it listens on (one line, stdout), then serves until
// SIGINT or SIGTERM. Refuses (exit 1) to listen on anything but a loopback
// address without both a token file and TLS; exit 2 when the ledger cannot
// be opened or the address cannot be bound.
#ifndef TLEDGER_TOOLS_SERVER_SERVE_H_
#define TLEDGER_TOOLS_SERVER_SERVE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "tools/cli/commands.h"

namespace CLI {
class App;
}  // namespace CLI

namespace tledger::server {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  std::string token_file;
  std::string tls_cert, tls_key;
  int request_timeout = 10;  // seconds to receive a request's head
  int threads = 8;
};

Status CmdServe(const Globals& g, const ServeArgs& a);

// Registers `serve` on `app`; choosing it sets `run`. `g` and `a` must
// outlive the parse and the run.
void AddServeCommand(CLI::App& app, const Globals& g, ServeArgs& a, std::function<Status()>& run);

// ADDR:PORT: an IPv4 address, `localhost`, or an IPv6 address in brackets
// ([::1]:8080); the port 0-65535 (0: any free port).
struct ListenAddress {
  std::string host;   // as bound: "127.0.0.1", "::1"
  uint16_t port = 0;
  bool loopback = false;  // 127.0.0.0/8 or ::1
};
Result<ListenAddress> ParseListen(std::string_view text);

}  // namespace tledger::server

#endif  // TLEDGER_TOOLS_SERVER_SERVE_H_
