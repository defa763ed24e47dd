// The connections of `tledger serve`: cpp-httplib (Debian's 0.11.4) parses
// and routes, but every byte it reads or writes goes through a stream of
// ours that enforces what 0.11.4 leaves open (tools/server/README.md,
// "Transport"):
//
// - a request's head (request line and headers) is at most max_head_bytes:
//   0.11.4 bounds one header line at 8 KiB but not their number, and
//   buffers an overlong line whole before refusing it; past the budget the
//   read fails and the client gets 431;
// - a request's head must arrive within request_timeout_ms of the
//   connection being ready for it (0.11.4 only bounds each read at 5 s, so
//   a client sending a byte every 4 s holds a thread for ever): 408;
// - a response must be written within write_timeout_ms;
// - a fixed pool of `threads` workers and at most `queue` connections
//   waiting for one; a connection beyond that gets 503 at once;
// - TLS (OpenSSL, 1.2 or later) on the same stream when a certificate is
//   given, with the same deadlines on the handshake.
//
//   GuardedServer server(TransportLimits{}, std::move(tls));
//   server.Get(...);                      // httplib's routing, as usual
//   server.listen("127.0.0.1", 8080);
//
// The handlers run on the pool's threads. GuardedServer::CurrentFault()
// tells the error handler why the request on this thread failed.
#ifndef TLEDGER_TOOLS_SERVER_TRANSPORT_H_
#define TLEDGER_TOOLS_SERVER_TRANSPORT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <httplib.h>

#include "core/status.h"
#include "tools/server/api_error.h"

namespace tledger::server {

struct TransportLimits {
  size_t max_head_bytes = 16 * 1024;
  int request_timeout_ms = 10'000;
  int keep_alive_timeout_ms = 5'000;
  int write_timeout_ms = 10'000;
  size_t keep_alive_max = 100;  // requests on one connection
  size_t threads = 8;
  size_t queue = 64;            // connections waiting for a thread
};

// A server certificate and key, loaded and checked once.
class TlsContext {
 public:
  // InvalidInput naming the file when the certificate chain or the key does
  // not load, or the key is not the certificate's.
  static Result<std::unique_ptr<TlsContext>> Load(const std::string& cert_file, const std::string& key_file);
  ~TlsContext();
  TlsContext(const TlsContext&) = delete;
  TlsContext& operator=(const TlsContext&) = delete;
  void* ssl_ctx() const { return ctx_; }  // SSL_CTX*

 private:
  explicit TlsContext(void* ctx) : ctx_(ctx) {}
  void* ctx_;
};

class GuardedServer : public httplib::Server {
 public:
  // `tls` may be null (plain HTTP).
  GuardedServer(const TransportLimits& limits, std::unique_ptr<TlsContext> tls);
  ~GuardedServer() override;

  enum class Fault : uint8_t { kNone, kTimeout, kTooLarge };
  // Why reading the request answered on this thread failed: set while
  // httplib writes its error response (400) for it, kNone otherwise.
  static Fault CurrentFault();
  // Closes the connection of the request answered on this thread once its
  // response is written (after an error: what follows a malformed request
  // is not a request).
  static void CloseAfterResponse();

  const TransportLimits& limits() const { return limits_; }

 private:
  class Rejecter;
  // httplib calls this for each accepted connection, on a pool thread (or,
  // when the pool is full, on the accepting thread, which hands the socket
  // to the rejecter).
  bool process_and_close_socket(socket_t sock) override;

  TransportLimits limits_;
  std::unique_ptr<TlsContext> tls_;
  std::unique_ptr<Rejecter> rejecter_;
};

// The error a fault (not kNone) is answered with: 408 naming the timeout,
// 431 naming the budget.
ApiError FaultError(GuardedServer::Fault fault, const TransportLimits& limits);

}  // namespace tledger::server

#endif  // TLEDGER_TOOLS_SERVER_TRANSPORT_H_
