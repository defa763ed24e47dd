#include "tools/server/serve.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "core/printable.h"
#include "core/store.h"
#include "tools/server/api.h"
#include "tools/server/tokens.h"
#include "tools/server/transport.h"

namespace tledger::server {
namespace {

Status BadListen(std::string_view text, std::string_view why) {
  return Status::InvalidInput("--listen: " + Quoted(text) + " " + std::string(why) +
                              " (expected ADDR:PORT: 127.0.0.1:8080, [::1]:8080, localhost:8080; port 0 for any free one)");
}

// The Host header values a browser sends to this address: the loopback
// names with the port, against DNS rebinding.
std::vector<std::string> LoopbackHosts(const ListenAddress& a, int port) {
  std::string p = ":" + std::to_string(port);
  std::vector<std::string> hosts = {"localhost" + p};
  hosts.push_back(a.host.find(':') != std::string::npos ? "[" + a.host + "]" + p : a.host + p);
  return hosts;
}

}  // namespace

Result<ListenAddress> ParseListen(std::string_view text) {
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return BadListen(text, "has no port");
  std::string_view host = text.substr(0, colon), port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5) return BadListen(text, "has no valid port");
  uint32_t p = 0;
  for (char c : port) {
    if (c < '0' || c > '9') return BadListen(text, "has no valid port");
    p = p * 10 + static_cast<uint32_t>(c - '0');
  }
  if (p > 65535) return BadListen(text, "has a port above 65535");
  ListenAddress a;
  a.port = static_cast<uint16_t>(p);
  if (host == "localhost") host = "127.0.0.1";
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    std::string h(host.substr(1, host.size() - 2));
    in6_addr v6;
    if (inet_pton(AF_INET6, h.c_str(), &v6) != 1) return BadListen(text, "is not an IPv6 address");
    a.host = h;
    a.loopback = IN6_IS_ADDR_LOOPBACK(&v6);
    return a;
  }
  std::string h(host);
  in_addr v4;
  if (inet_pton(AF_INET, h.c_str(), &v4) != 1) return BadListen(text, "is not an IPv4 address or localhost");
  a.host = h;
  a.loopback = (ntohl(v4.s_addr) >> 24) == 127;
  return a;
}

namespace {
Status Serve(const Globals& g, const ServeArgs& a, const sigset_t& stop_signals);
}  // namespace

Status CmdServe(const Globals& g, const ServeArgs& a) {
  // SIGINT and SIGTERM stop the server. Blocked before any thread starts
  // (RocksDB's included), so that every thread inherits the mask and only
  // the waiter below receives them.
  ::signal(SIGPIPE, SIG_IGN);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  Status s = Serve(g, a, stop_signals);
  pthread_sigmask(SIG_UNBLOCK, &stop_signals, nullptr);
  return s;
}

namespace {

Status Serve(const Globals& g, const ServeArgs& a, const sigset_t& stop_signals) {
  Result<ListenAddress> listen = ParseListen(a.listen);
  if (!listen.ok()) return listen.status();
  if (a.tls_cert.empty() != a.tls_key.empty()) {
    return Status::InvalidInput("--tls-cert and --tls-key go together: give both (PEM files) or neither");
  }
  bool tls = !a.tls_cert.empty();
  if (!listen->loopback && (a.token_file.empty() || !tls)) {
    return Status::InvalidInput("--listen " + Quoted(a.listen) +
                                " is not a loopback address: serving beyond this machine needs --token-file and "
                                "--tls-cert/--tls-key (tools/server/README.md); refusing to start");
  }
  if (a.request_timeout < 1 || a.request_timeout > 600) {
    return Status::InvalidInput("--request-timeout: expected whole seconds from 1 to 600");
  }
  if (a.threads < 1 || a.threads > 256) return Status::InvalidInput("--threads: expected 1 to 256");
  std::optional<Tokens> tokens;
  if (!a.token_file.empty()) {
    Result<Tokens> loaded = Tokens::Load(a.token_file);
    if (!loaded.ok()) return loaded.status();
    tokens.emplace(std::move(*loaded));
  }
  std::unique_ptr<TlsContext> tls_context;
  if (tls) {
    Result<std::unique_ptr<TlsContext>> loaded = TlsContext::Load(a.tls_cert, a.tls_key);
    if (!loaded.ok()) return loaded.status();
    tls_context = std::move(*loaded);
  }
  {
    // Fail now, not at the first request, when there is no ledger.
    Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kRead);
    if (!store.ok()) return store.status();
  }

  TransportLimits limits;
  limits.request_timeout_ms = a.request_timeout * 1000;
  limits.threads = static_cast<size_t>(a.threads);
  GuardedServer server(limits, std::move(tls_context));
  ApiOptions options;
  options.db = g.db;
  options.tokens = tokens ? &*tokens : nullptr;
  options.tls = tls;
  int port = listen->port;
  if (port == 0) {
    port = server.bind_to_any_port(listen->host);
    if (port < 0) return Status::Unavailable("--listen " + Quoted(a.listen) + ": cannot bind a port");
  } else if (!server.bind_to_port(listen->host, port)) {
    return Status::Unavailable("--listen " + Quoted(a.listen) + ": cannot bind (in use, or not an address of this machine)");
  }
  if (listen->loopback) options.hosts = LoopbackHosts(*listen, port);
  InstallRoutes(server, options);

  std::string host = listen->host.find(':') != std::string::npos ? "[" + listen->host + "]" : listen->host;
  std::string url = std::string(tls ? "https" : "http") + "://" + host + ":" + std::to_string(port) + "/\n";
  std::fwrite(url.data(), 1, url.size(), g.out);
  std::fflush(g.out);

  std::atomic<bool> done{false};
  std::thread waiter([&] {
    timespec tick{0, 200'000'000};
    while (!done) {
      int sig = sigtimedwait(&stop_signals, nullptr, &tick);
      if (sig == SIGINT || sig == SIGTERM) {
        spdlog::info("signal {}: stopping", sig);
        server.stop();
        return;
      }
    }
  });
  bool ok = server.listen_after_bind();
  done = true;
  waiter.join();
  if (!ok) spdlog::warn("the listening socket closed unexpectedly");
  return Status::Ok();
}

}  // namespace

void AddServeCommand(CLI::App& app, const Globals& g, ServeArgs& a, std::function<Status()>& run) {
  CLI::App* serve = app.add_subcommand(
      "serve", "the inspector's web page and its JSON API over the ledger, read-only (tools/server/README.md)");
  serve->add_option("--listen", a.listen,
                    "ADDR:PORT to listen on (default 127.0.0.1:8080; port 0: any free port, printed); anything but a "
                    "loopback address needs --token-file and TLS");
  serve->add_option("--token-file", a.token_file,
                    "access tokens, one 'NAME TOKEN' a line, mode 0600; every API request then needs "
                    "'Authorization: Bearer TOKEN'");
  serve->add_option("--tls-cert", a.tls_cert, "the server's certificate chain (PEM)");
  serve->add_option("--tls-key", a.tls_key, "the certificate's private key (PEM)");
  serve->add_option("--request-timeout", a.request_timeout,
                    "seconds a client has to send a request's head (default 10; slower ones get 408)");
  serve->add_option("--threads", a.threads, "requests answered at once (default 8)");
  serve->callback([&] { run = [&] { return CmdServe(g, a); }; });
}

}  // namespace tledger::server
