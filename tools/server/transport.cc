#include "tools/server/transport.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <spdlog/spdlog.h>

#include "core/printable.h"
#include "tools/server/api_error.h"
#include "tools/server/messages.h"

namespace tledger::server {
namespace {

using Clock = std::chrono::steady_clock;

int MillisUntil(Clock::time_point deadline) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return ms <= 0 ? 0 : static_cast<int>(std::min<int64_t>(ms, 1 << 30));
}

// Waits for `events` on fd until `deadline`; false on timeout or error.
bool PollUntil(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    int n = ::poll(&p, 1, MillisUntil(deadline));
    if (n > 0) return true;
    if (n == 0) return false;
    if (errno != EINTR) return false;
  }
}

std::string OpenSslError() {
  unsigned long e = ERR_get_error();
  if (e == 0) return "unknown error";
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  ERR_clear_error();
  return buf;
}

void PeerOrSelf(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                : ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return;
  char buf[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    auto* a = reinterpret_cast<sockaddr_in*>(&addr);
    ::inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
    ::inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
    port = ntohs(a->sin6_port);
  }
  ip = buf;
}

class GuardedStream;
// The connection whose request this thread is answering, for CurrentFault().
thread_local GuardedStream* tl_stream = nullptr;
// Set while the accepting thread runs a task itself because the pool is full.
thread_local bool tl_rejecting = false;

// One connection: a non-blocking socket, TLS or not, read through a buffer
// with a byte budget and a deadline per request, written with a deadline.
class GuardedStream : public httplib::Stream {
 public:
  GuardedStream(int fd, SSL* ssl, const TransportLimits& limits) : fd_(fd), ssl_(ssl), limits_(limits) {}

  // TLS: the handshake, within the request timeout.
  bool Handshake() {
    Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(limits_.request_timeout_ms);
    for (;;) {
      int rc = SSL_accept(ssl_);
      if (rc == 1) return true;
      int err = SSL_get_error(ssl_, rc);
      if (err == SSL_ERROR_WANT_READ && PollUntil(fd_, POLLIN, deadline)) continue;
      if (err == SSL_ERROR_WANT_WRITE && PollUntil(fd_, POLLOUT, deadline)) continue;
      spdlog::info("TLS handshake failed: {}", OpenSslError());
      return false;
    }
  }

  // Waits up to `timeout_ms` for the next request's first byte, then starts
  // its budget and its deadline (counted from the start of the wait). False
  // when the client sent nothing in time or closed the connection.
  bool NextRequest(int timeout_ms) {
    Clock::time_point start = Clock::now();
    deadline_ = start + std::chrono::milliseconds(limits_.request_timeout_ms);
    consumed_ = 0;
    fault_ = GuardedServer::Fault::kNone;
    write_deadline_.reset();
    if (Buffered() > 0) return true;
    if (!PollUntil(fd_, POLLIN, start + std::chrono::milliseconds(timeout_ms))) return false;
    return Fill() > 0;
  }

  GuardedServer::Fault fault() const { return fault_; }
  size_t consumed() const { return consumed_; }
  void CloseAfterResponse() { close_after_ = true; }
  bool close_after() const { return close_after_; }

  bool is_readable() const override {
    if (Buffered() > 0) return true;
    return PollUntil(fd_, POLLIN, deadline_);
  }
  bool is_writable() const override {
    pollfd p{fd_, POLLOUT, 0};
    return ::poll(&p, 1, 0) > 0 && (p.revents & POLLOUT) != 0;
  }

  ssize_t read(char* ptr, size_t size) override {
    if (fault_ != GuardedServer::Fault::kNone) return -1;
    if (consumed_ >= limits_.max_head_bytes) {
      fault_ = GuardedServer::Fault::kTooLarge;
      return -1;
    }
    if (Buffered() == 0) {
      ssize_t n = Fill();
      if (n <= 0) return n;
    }
    size_t n = std::min({size, Buffered(), limits_.max_head_bytes - consumed_});
    std::memcpy(ptr, buf_ + pos_, n);
    pos_ += n;
    consumed_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!write_deadline_) write_deadline_ = Clock::now() + std::chrono::milliseconds(limits_.write_timeout_ms);
    size_t done = 0;
    while (done < size) {
      ssize_t n = WriteSome(ptr + done, size - done);
      if (n < 0) return -1;
      done += static_cast<size_t>(n);
    }
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { PeerOrSelf(fd_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { PeerOrSelf(fd_, false, ip, port); }
  socket_t socket() const override { return fd_; }

 private:
  size_t Buffered() const { return len_ - pos_; }

  // Reads what the socket has into the (empty) buffer, waiting until the
  // request's deadline: the bytes read, 0 at the end of the stream, -1 on
  // an error or the deadline (fault_ set).
  ssize_t Fill() {
    pos_ = len_ = 0;
    for (;;) {
      ssize_t n;
      if (ssl_ != nullptr) {
        n = SSL_read(ssl_, buf_, sizeof buf_);
        if (n <= 0) {
          int err = SSL_get_error(ssl_, static_cast<int>(n));
          if (err == SSL_ERROR_ZERO_RETURN) return 0;
          short events = err == SSL_ERROR_WANT_READ ? POLLIN : err == SSL_ERROR_WANT_WRITE ? POLLOUT : 0;
          if (events == 0) {
            ERR_clear_error();
            return -1;
          }
          if (!PollUntil(fd_, events, deadline_)) return TimedOut();
          continue;
        }
      } else {
        n = ::recv(fd_, buf_, sizeof buf_, MSG_DONTWAIT);
        if (n == 0) return 0;
        if (n < 0) {
          if (errno == EINTR) continue;
          if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
          if (!PollUntil(fd_, POLLIN, deadline_)) return TimedOut();
          continue;
        }
      }
      len_ = static_cast<size_t>(n);
      return n;
    }
  }

  ssize_t TimedOut() {
    fault_ = GuardedServer::Fault::kTimeout;
    return -1;
  }

  ssize_t WriteSome(const char* ptr, size_t size) {
    for (;;) {
      if (ssl_ != nullptr) {
        int n = SSL_write(ssl_, ptr, static_cast<int>(std::min<size_t>(size, 1 << 20)));
        if (n > 0) return n;
        int err = SSL_get_error(ssl_, n);
        short events = err == SSL_ERROR_WANT_READ ? POLLIN : err == SSL_ERROR_WANT_WRITE ? POLLOUT : 0;
        if (events == 0 || !PollUntil(fd_, events, *write_deadline_)) {
          ERR_clear_error();
          return -1;
        }
      } else {
        ssize_t n = ::send(fd_, ptr, size, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n >= 0) return n;
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
        if (!PollUntil(fd_, POLLOUT, *write_deadline_)) return -1;
      }
    }
  }

  int fd_;
  SSL* ssl_;
  const TransportLimits& limits_;
  char buf_[4096];
  size_t pos_ = 0, len_ = 0;
  size_t consumed_ = 0;
  Clock::time_point deadline_ = Clock::now();
  std::optional<Clock::time_point> write_deadline_;
  GuardedServer::Fault fault_ = GuardedServer::Fault::kNone;
  bool close_after_ = false;
};

// A response of our own, for a request httplib gave up on before it could
// answer (its request line did not arrive whole in time, or overran the
// budget), and for a connection refused because the pool is full.
std::string CannedResponse(int status, const ApiError& e) {
  std::string body = ErrorBody(e);
  const char* reason = status == 408 ? "Request Timeout" : status == 431 ? "Request Header Fields Too Large"
                       : status == 503 ? "Service Unavailable" : "Bad Request";
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n" +
         (status == 503 ? "Retry-After: 1\r\n" : "") + "\r\n" + body;
}

}  // namespace

ApiError FaultError(GuardedServer::Fault fault, const TransportLimits& limits) {
  if (fault == GuardedServer::Fault::kTimeout) return MakeError(408, kRequestTimeout, (limits.request_timeout_ms + 999) / 1000);
  return MakeError(431, kHeadersTooLarge, limits.max_head_bytes);
}

namespace {

// A fixed pool of workers and a bounded queue. A connection that finds the
// queue full is not queued: the accepting thread runs its task at once,
// with tl_rejecting set, and process_and_close_socket hands it to the
// rejecter.
class BoundedPool : public httplib::TaskQueue {
 public:
  BoundedPool(size_t threads, size_t queue) : max_queue_(queue) {
    for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  }
  ~BoundedPool() override { shutdown(); }

  void enqueue(std::function<void()> fn) override {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (jobs_.size() < max_queue_ && !stopping_) {
        jobs_.push_back(std::move(fn));
        cond_.notify_one();
        return;
      }
    }
    tl_rejecting = true;
    fn();
    tl_rejecting = false;
  }

  void shutdown() override {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (stopping_ && workers_.empty()) return;
      stopping_ = true;
    }
    cond_.notify_all();
    for (std::thread& t : workers_) t.join();
    workers_.clear();
  }

 private:
  void Work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        cond_.wait(lock, [&] { return !jobs_.empty() || stopping_; });
        if (jobs_.empty()) return;
        fn = std::move(jobs_.front());
        jobs_.pop_front();
      }
      fn();
    }
  }

  size_t max_queue_;
  std::vector<std::thread> workers_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable cond_;
};

}  // namespace

// Answers the connections the pool has no room for with 503, one at a time
// on its own thread: it reads what the client sent (briefly, so that closing
// does not reset the connection before the client reads the answer), sends
// the answer and closes. Beyond its own small queue it just closes.
class GuardedServer::Rejecter {
 public:
  explicit Rejecter(bool tls) : tls_(tls), thread_([this] { Work(); }) {}
  ~Rejecter() {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    cond_.notify_all();
    thread_.join();
    for (int fd : fds_) ::close(fd);
  }
  void Reject(int fd) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (fds_.size() < 64 && !stopping_) {
        fds_.push_back(fd);
        cond_.notify_one();
        return;
      }
    }
    ::close(fd);
  }

 private:
  void Work() {
    const std::string answer = CannedResponse(503, MakeError(503, kBusy));
    for (;;) {
      int fd;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        cond_.wait(lock, [&] { return !fds_.empty() || stopping_; });
        if (stopping_) return;
        fd = fds_.front();
        fds_.pop_front();
      }
      if (!tls_) {
        Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(200);
        char buf[4096];
        for (size_t got = 0; got < 16384 && PollUntil(fd, POLLIN, deadline);) {
          ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
          if (n <= 0) break;
          got += static_cast<size_t>(n);
          if (std::string_view(buf, static_cast<size_t>(n)).find("\r\n\r\n") != std::string_view::npos) break;
        }
        (void)::send(fd, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        ::shutdown(fd, SHUT_WR);
      }
      ::close(fd);
    }
  }

  bool tls_;
  std::deque<int> fds_;
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable cond_;
  std::thread thread_;
};

Result<std::unique_ptr<TlsContext>> TlsContext::Load(const std::string& cert_file, const std::string& key_file) {
  SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
  if (ctx == nullptr) return Status::InvalidInput("cannot set up TLS: " + OpenSslError());
  std::unique_ptr<TlsContext> out(new TlsContext(ctx));
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
  SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  if (SSL_CTX_use_certificate_chain_file(ctx, cert_file.c_str()) != 1) {
    return Status::InvalidInput("--tls-cert " + Quoted(cert_file) + ": not a PEM certificate chain (" + OpenSslError() + ")");
  }
  if (SSL_CTX_use_PrivateKey_file(ctx, key_file.c_str(), SSL_FILETYPE_PEM) != 1) {
    return Status::InvalidInput("--tls-key " + Quoted(key_file) + ": not a PEM private key (" + OpenSslError() + ")");
  }
  if (SSL_CTX_check_private_key(ctx) != 1) {
    return Status::InvalidInput("--tls-key " + Quoted(key_file) + ": not the key of the certificate in " + Quoted(cert_file));
  }
  return out;
}

TlsContext::~TlsContext() { SSL_CTX_free(static_cast<SSL_CTX*>(ctx_)); }

GuardedServer::GuardedServer(const TransportLimits& limits, std::unique_ptr<TlsContext> tls)
    : limits_(limits), tls_(std::move(tls)), rejecter_(std::make_unique<Rejecter>(tls_ != nullptr)) {
  new_task_queue = [this] { return new BoundedPool(limits_.threads, limits_.queue); };
  set_tcp_nodelay(true);
  set_keep_alive_max_count(limits_.keep_alive_max);
}

GuardedServer::~GuardedServer() = default;

void GuardedServer::CloseAfterResponse() {
  if (tl_stream != nullptr) tl_stream->CloseAfterResponse();
}

GuardedServer::Fault GuardedServer::CurrentFault() {
  return tl_stream == nullptr ? Fault::kNone : tl_stream->fault();
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  if (tl_rejecting) {
    rejecter_->Reject(sock);
    return true;
  }
  int flags = ::fcntl(sock, F_GETFL, 0);
  if (flags < 0 || ::fcntl(sock, F_SETFL, flags | O_NONBLOCK) < 0) {
    ::close(sock);
    return false;
  }
  SSL* ssl = nullptr;
  if (tls_ != nullptr) {
    ssl = SSL_new(static_cast<SSL_CTX*>(tls_->ssl_ctx()));
    if (ssl == nullptr || SSL_set_fd(ssl, sock) != 1) {
      if (ssl != nullptr) SSL_free(ssl);
      ::close(sock);
      return false;
    }
  }
  GuardedStream stream(sock, ssl, limits_);
  bool ok = ssl == nullptr || stream.Handshake();
  for (size_t i = 0; ok && i < limits_.keep_alive_max; ++i) {
    int wait_ms = i == 0 ? limits_.request_timeout_ms : limits_.keep_alive_timeout_ms;
    if (!stream.NextRequest(wait_ms)) break;
    bool closed = false;
    // httplib reads the request line first; if that fails it answers
    // nothing (we do, below). Its error response (400, 414) to a head that
    // fails later comes through the error handler, which asks
    // CurrentFault() why.
    tl_stream = &stream;
    bool answered = process_request(stream, i + 1 == limits_.keep_alive_max, closed, nullptr);
    tl_stream = nullptr;
    Fault fault = stream.fault();
    if (!answered && fault != Fault::kNone && stream.consumed() > 0) {
      std::string canned = CannedResponse(fault == Fault::kTimeout ? 408 : 431, FaultError(fault, limits_));
      (void)stream.write(canned.data(), canned.size());
    }
    if (!answered || closed || fault != Fault::kNone || stream.close_after()) break;
  }
  if (ssl != nullptr) {
    SSL_shutdown(ssl);
    SSL_free(ssl);
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace tledger::server
