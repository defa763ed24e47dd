#include "tests/server_util.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include <httplib.h>

#include "tests/test_util.h"

namespace tledger::testing {
namespace {

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "server test setup: %s\n", what.c_str());
  std::abort();
}

// fork + exec of argv with stdout to `out_fd` and stderr to `err_fd`.
pid_t Spawn(const std::vector<std::string>& argv, int out_fd, int err_fd) {
  pid_t pid = fork();
  if (pid < 0) Die("fork failed");
  if (pid == 0) {
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

int WaitExit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

ServeProcess::ServeProcess(const std::string& db, const std::vector<std::string>& extra) {
  std::vector<std::string> argv = TledgerArgv(db, {"serve", "--listen", "127.0.0.1:0"});
  argv.insert(argv.end(), extra.begin(), extra.end());
  int fds[2];
  if (pipe(fds) != 0) Die("pipe failed");
  int err = open("/dev/null", O_WRONLY);
  pid_ = Spawn(argv, fds[1], err);
  close(fds[1]);
  close(err);
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (line.find('\n') == std::string::npos) {
    pollfd p{fds[0], POLLIN, 0};
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
    if (left <= 0 || poll(&p, 1, left) <= 0) Die("tledger serve printed no address within 20 s");
    char buf[256];
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) Die("tledger serve exited before listening");
    line.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);
  url_ = line.substr(0, line.find('\n'));
  size_t colon = url_.rfind(':');
  port_ = std::atoi(url_.c_str() + colon + 1);
  if (port_ <= 0) Die("no port in " + url_);
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) Stop();
}

bool ServeProcess::alive() const { return pid_ > 0 && kill(pid_, 0) == 0 && waitpid(pid_, nullptr, WNOHANG) == 0; }

int ServeProcess::Stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int code = WaitExit(pid_);
  pid_ = -1;
  return code;
}

HttpReply ServeProcess::Get(const std::string& target, const std::vector<std::pair<std::string, std::string>>& headers) const {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(30, 0);
  httplib::Headers h;
  for (const auto& [k, v] : headers) h.emplace(k, v);
  httplib::Result r = client.Get(target, h);
  HttpReply reply;
  if (!r) return reply;
  reply.status = r->status;
  reply.body = r->body;
  reply.content_type = r->get_header_value("Content-Type");
  for (const auto& [k, v] : r->headers) reply.headers.emplace_back(k, v);
  return reply;
}

Refusal ServeRefusal(const std::string& db, const std::vector<std::string>& args) {
  std::vector<std::string> argv = TledgerArgv(db, {"serve"});
  argv.insert(argv.end(), args.begin(), args.end());
  char path[] = "/tmp/tledger-serve-err-XXXXXX";
  int err = mkstemp(path);
  int out = open("/dev/null", O_WRONLY);
  pid_t pid = Spawn(argv, out, err);
  close(out);
  Refusal r;
  for (int i = 0; i < 100; ++i) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (r.exit_code < 0) {
    kill(pid, SIGKILL);
    WaitExit(pid);
  }
  close(err);
  r.err = ReadFile(path);
  unlink(path);
  return r;
}

int ConnectLoopback(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) Die("cannot connect to the server");
  return fd;
}

std::string RawExchange(int port, std::string_view request, int timeout_ms) {
  int fd = ConnectLoopback(port);
  size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early (a refused head)
    sent += static_cast<size_t>(n);
  }
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
    pollfd p{fd, POLLIN, 0};
    if (left <= 0 || poll(&p, 1, left) <= 0) break;
    char buf[4096];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return out;
}

int RawStatus(std::string_view reply) {
  if (reply.size() < 12 || reply.substr(0, 9) != "HTTP/1.1 ") return -1;
  return std::atoi(std::string(reply.substr(9, 3)).c_str());
}

std::string RawBody(std::string_view reply) {
  size_t end = reply.find("\r\n\r\n");
  return end == std::string_view::npos ? std::string() : std::string(reply.substr(end + 4));
}

}  // namespace tledger::testing
