// What `tledger serve` answers (tools/server/README.md): the JSON API under
// /api/v1/, the embedded page everywhere else, and the checks in front of
// both (method, Host, token).
//
//   GuardedServer server(limits, std::move(tls));
//   InstallRoutes(server, ApiOptions{.db = "./ledger", .tokens = &tokens});
//
// Every JSON body of an endpoint is byte for byte what the CLI prints with
// --format json for the same parameters: both come from the same function
// (tools/cli/commands.h, report_commands.h, batches.h).
#ifndef TLEDGER_TOOLS_SERVER_API_H_
#define TLEDGER_TOOLS_SERVER_API_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tools/server/query.h"
#include "tools/server/tokens.h"
#include "tools/server/transport.h"

namespace tledger::server {

struct ApiOptions {
  std::string db;                      // the ledger, opened read-only by each request
  const Tokens* tokens = nullptr;      // null: no token asked (loopback only)
  // Non-empty: a request's Host header must be one of these (the loopback
  // names of the listening address and port), against DNS rebinding.
  std::vector<std::string> hosts;
  bool tls = false;                    // adds Strict-Transport-Security
};

// The endpoints' names and parameters, for the README and the tests.
struct EndpointInfo {
  std::string_view name;               // /api/v1/<name>
  std::span<const ParamSpec> params;
};
std::span<const EndpointInfo> Endpoints();

// Registers every route and handler on `server`. `options` must outlive it.
void InstallRoutes(GuardedServer& server, const ApiOptions& options);

}  // namespace tledger::server

#endif  // TLEDGER_TOOLS_SERVER_API_H_
