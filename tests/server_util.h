// What the tests of `tledger serve` share: the real binary started on a free
// loopback port (its address read from its first line of stdout), an HTTP
// client for ordinary requests, and raw sockets for the requests a browser
// would never send.
//
//   ServeProcess server(db, {"--request-timeout", "1"});
//   HttpReply r = server.Get("/api/v1/checkpoint");
//   std::string raw = RawExchange(server.port(), "GET /../etc/passwd HTTP/1.1\r\n...");
#ifndef TLEDGER_TESTS_SERVER_UTIL_H_
#define TLEDGER_TESTS_SERVER_UTIL_H_

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace tledger::testing {

struct HttpReply {
  int status = -1;  // -1: no reply
  std::string body;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
};

class ServeProcess {
 public:
  // Starts `tledger --db DB serve --listen 127.0.0.1:0 EXTRA...` and waits
  // (up to 20 s) for the address it prints; aborts when it does not start.
  ServeProcess(const std::string& db, const std::vector<std::string>& extra = {});
  ~ServeProcess();  // SIGTERM, then waits
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }
  const std::string& url() const { return url_; }
  bool alive() const;
  // SIGTERM and the exit status (0 for a clean stop).
  int Stop();
  // GET with the headers given (Host is set to 127.0.0.1:PORT unless given).
  HttpReply Get(const std::string& target, const std::vector<std::pair<std::string, std::string>>& headers = {}) const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string url_;
};

// Runs `tledger --db DB serve ARGS...` expecting it to refuse to start:
// returns its exit code and stderr (it is killed after 10 s if it starts).
struct Refusal {
  int exit_code = -1;
  std::string err;
};
Refusal ServeRefusal(const std::string& db, const std::vector<std::string>& args);

// Connects to 127.0.0.1:port, sends `request` (all of it, at once), reads
// until the server closes or `timeout_ms` passes, returns what it read.
std::string RawExchange(int port, std::string_view request, int timeout_ms = 5000);
// The status code of a raw reply ("HTTP/1.1 404 ..." -> 404), -1 for none.
int RawStatus(std::string_view reply);
// The body of a raw reply (after the blank line).
std::string RawBody(std::string_view reply);

// A connected socket to 127.0.0.1:port (aborts on failure); the caller closes it.
int ConnectLoopback(int port);

}  // namespace tledger::testing

#endif  // TLEDGER_TESTS_SERVER_UTIL_H_
