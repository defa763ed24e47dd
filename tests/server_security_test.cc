// `tledger serve` attacked the way a hostile client or a careless operator
// would: listening beyond the machine without a token and TLS, token files
// others can read, missing and wrong tokens, path traversal, oversized
// headers and queries, a DNS-rebinding Host, slow clients holding the
// threads. Each gets a clean 4xx (or a refusal to start), and the server
// keeps answering everyone else.
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>

#include "tests/server_util.h"
#include "tests/test_util.h"

namespace tledger::testing {
namespace {

constexpr char kToken[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

std::string Db(const TempDir& tmp) { return MakeLedger(tmp / "db", {DataPath("report_two_plans.jsonl")}); }

std::string TokenFile(const TempDir& tmp, mode_t mode) {
  std::string path = tmp / ("tokens-" + std::to_string(mode));
  WriteFile(path, std::string("# who may read the API\nthanh-tra-01 ") + kToken + "\n");
  chmod(path.c_str(), mode);
  return path;
}

// A self-signed certificate for localhost, made with the openssl program.
void MakeCertificate(const TempDir& tmp) {
  RunResult r = RunProgram({"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                            "-nodes", "-keyout", tmp / "key.pem", "-out", tmp / "cert.pem", "-days", "2", "-subj",
                            "/CN=localhost"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

std::string Request(int port, const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n" + extra_headers +
         "Connection: close\r\n\r\n";
}

TEST(ServeRefuses, AnyAddressButLoopbackWithoutATokenFileAndTls) {
  TempDir tmp;
  std::string db = Db(tmp);
  MakeCertificate(tmp);
  std::string tokens = TokenFile(tmp, 0600);
  const std::vector<std::vector<std::string>> refused = {
      {"--listen", "0.0.0.0:0"},
      {"--listen", "192.0.2.10:8080"},
      {"--listen", "[::]:0"},
      {"--listen", "0.0.0.0:0", "--token-file", tokens},
      {"--listen", "0.0.0.0:0", "--tls-cert", tmp / "cert.pem", "--tls-key", tmp / "key.pem"},
  };
  for (const auto& args : refused) {
    SCOPED_TRACE(args[1] + (args.size() > 2 ? " " + args[2] : ""));
    Refusal r = ServeRefusal(db, args);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("is not a loopback address: serving beyond this machine needs --token-file and "
                         "--tls-cert/--tls-key"), std::string::npos) << r.err;
  }
}

TEST(ServeRefuses, BadAddressesFilesAndLedgers) {
  TempDir tmp;
  std::string db = Db(tmp);
  Refusal port = ServeRefusal(db, {"--listen", "127.0.0.1:99999"});
  EXPECT_EQ(port.exit_code, 1);
  EXPECT_EQ(port.err, "tledger: error: --listen: \"127.0.0.1:99999\" has a port above 65535 (expected ADDR:PORT: "
                      "127.0.0.1:8080, [::1]:8080, localhost:8080; port 0 for any free one)\n");
  EXPECT_EQ(ServeRefusal(db, {"--listen", "8080"}).exit_code, 1);
  EXPECT_EQ(ServeRefusal(db, {"--listen", "example.org:80"}).exit_code, 1);
  EXPECT_EQ(ServeRefusal(db, {"--tls-cert", tmp / "missing.pem"}).exit_code, 1);
  Refusal cert = ServeRefusal(db, {"--tls-cert", tmp / "missing.pem", "--tls-key", tmp / "missing.pem"});
  EXPECT_EQ(cert.exit_code, 1);
  EXPECT_NE(cert.err.find("--tls-cert"), std::string::npos) << cert.err;
  Refusal ledger = ServeRefusal(tmp / "nothing-here", {"--listen", "127.0.0.1:0"});
  EXPECT_EQ(ledger.exit_code, 2);
}

TEST(ServeRefuses, ATokenFileOthersCanReadOrChange) {
  TempDir tmp;
  std::string db = Db(tmp);
  for (mode_t mode : {0644, 0640, 0604, 0620, 0602}) {
    SCOPED_TRACE(mode);
    std::string path = TokenFile(tmp, mode);
    Refusal r = ServeRefusal(db, {"--token-file", path});
    EXPECT_EQ(r.exit_code, 1);
    char shown[8];
    std::snprintf(shown, sizeof shown, "%04o", mode);
    EXPECT_EQ(r.err, "tledger: error: --token-file \"" + path + "\": mode " + shown +
                         " lets others read or change the tokens (expected 0600: chmod 600)\n");
  }
  std::string short_token = tmp / "short";
  WriteFile(short_token, "a tooshort\n");
  chmod(short_token.c_str(), 0600);
  Refusal r = ServeRefusal(db, {"--token-file", short_token});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("line 1: the token is not 32-256 of A-Z a-z 0-9 _ -"), std::string::npos) << r.err;
}

TEST(ServeTokens, AMissingOrWrongTokenIs401AndTheRightOneReads) {
  TempDir tmp;
  std::string db = Db(tmp);
  ServeProcess server(db, {"--token-file", TokenFile(tmp, 0600)});
  const std::string unauthorized =
      R"j({"error":{"vi":"Cần mã truy cập hợp lệ (tiêu đề Authorization: Bearer MÃ)","en":"A valid access token is required (header Authorization: Bearer TOKEN)"}})j"
      "\n";
  HttpReply none = server.Get("/api/v1/checkpoint");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.body, unauthorized);
  std::string wrong(kToken);
  wrong.back() = 'e';
  for (const std::string& header : {"Bearer " + wrong, "Bearer " + std::string(kToken) + "x", std::string("Bearer "),
                                    "Basic " + std::string(kToken), std::string(kToken)}) {
    SCOPED_TRACE(header);
    HttpReply r = server.Get("/api/v1/checkpoint", {{"Authorization", header}});
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.body, unauthorized);
  }
  HttpReply ok = server.Get("/api/v1/checkpoint", {{"Authorization", std::string("Bearer ") + kToken}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, Tledger(db, {"checkpoint", "--format", "json"}).out);
  // The page itself holds no data and loads without a token; it asks for one.
  EXPECT_EQ(server.Get("/").status, 200);
}

TEST(ServeTls, AnswersOverTlsOnlyWithTheToken) {
  TempDir tmp;
  std::string db = Db(tmp);
  MakeCertificate(tmp);
  ServeProcess server(db, {"--token-file", TokenFile(tmp, 0600), "--tls-cert", tmp / "cert.pem", "--tls-key",
                           tmp / "key.pem"});
  EXPECT_EQ(server.url().substr(0, 8), "https://");
  httplib::SSLClient client("127.0.0.1", server.port());
  client.enable_server_certificate_verification(false);
  httplib::Result r = client.Get("/api/v1/checkpoint", httplib::Headers{{"Authorization", std::string("Bearer ") + kToken}});
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, Tledger(db, {"checkpoint", "--format", "json"}).out);
  EXPECT_EQ(r->get_header_value("Strict-Transport-Security"), "max-age=31536000");
  httplib::Result no_token = client.Get("/api/v1/checkpoint");
  ASSERT_TRUE(no_token);
  EXPECT_EQ(no_token->status, 401);
  // Plain HTTP to the TLS port gets no page.
  EXPECT_EQ(RawStatus(RawExchange(server.port(), Request(server.port(), "/api/v1/checkpoint"), 3000)), -1);
  EXPECT_TRUE(server.alive());
}

class ServeAttacks : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Db(tmp_);
    server_ = std::make_unique<ServeProcess>(db_, std::vector<std::string>{"--request-timeout", "1", "--threads", "2"});
  }
  // The server still answers an ordinary request, and is still running.
  void ExpectUnaffected() {
    HttpReply r = server_->Get("/api/v1/checkpoint");
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(server_->alive());
  }
  int port() const { return server_->port(); }

  TempDir tmp_;
  std::string db_;
  std::unique_ptr<ServeProcess> server_;
};

TEST_F(ServeAttacks, PathTraversalFindsNothing) {
  const std::string not_found =
      R"j({"error":{"vi":"Không có trang hay API nào ở địa chỉ này","en":"Nothing is served at this path"}})j" "\n";
  for (const char* target : {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/../../etc/passwd",
                             "/assets/..%2f..%2fetc%2fpasswd", "/index.html%00.png", "//etc/passwd",
                             "/api/v1/../../../etc/passwd", "/api/v1/history/..%2f..%2fetc%2fpasswd"}) {
    SCOPED_TRACE(target);
    std::string reply = RawExchange(port(), Request(port(), target));
    EXPECT_EQ(RawStatus(reply), 404) << reply;
    EXPECT_EQ(RawBody(reply), not_found);
  }
  // An id is a parameter, never a path.
  HttpReply id = server_->Get("/api/v1/history?id=..%2F..%2Fetc%2Fpasswd");
  EXPECT_EQ(id.status, 404);
  EXPECT_EQ(id.body.find("root:"), std::string::npos);
  ExpectUnaffected();
}

TEST_F(ServeAttacks, OversizedHeadersAndQueriesAreRefused) {
  // Many headers, each under httplib's 8 KiB line limit, together over the
  // 16 KiB head budget: 431 (httplib 0.11.4 alone would read them all).
  std::string many;
  for (int i = 0; i < 40; ++i) many += "X-Filler-" + std::to_string(i) + ": " + std::string(1000, 'a') + "\r\n";
  std::string reply = RawExchange(port(), Request(port(), "/api/v1/checkpoint", many));
  EXPECT_EQ(RawStatus(reply), 431) << reply.substr(0, 200);
  EXPECT_EQ(RawBody(reply),
            R"j({"error":{"vi":"Phần đầu của yêu cầu quá lớn (tối đa 16384 byte)","en":"The request's headers are too large (at most 16384 bytes)"}})j" "\n");
  // One header line of a megabyte: refused at the budget, not buffered.
  reply = RawExchange(port(), Request(port(), "/", "X-Huge: " + std::string(1 << 20, 'b') + "\r\n"));
  EXPECT_EQ(RawStatus(reply), 431);
  // A request line of 20 KiB: the budget again, answered by the server itself.
  reply = RawExchange(port(), "GET /" + std::string(20000, 'c') + " HTTP/1.1\r\n\r\n");
  EXPECT_EQ(RawStatus(reply), 431);
  // A query over 2 KiB: 414 from the API.
  HttpReply query = server_->Get("/api/v1/report?plan=" + std::string(3000, 'p'));
  EXPECT_EQ(query.status, 414);
  EXPECT_EQ(query.body,
            R"j({"error":{"vi":"Chuỗi truy vấn quá dài (tối đa 2048 byte)","en":"The query string is too long (at most 2048 bytes)"}})j" "\n");
  // A request target between httplib's 8 KiB and the budget: httplib's 414, with our body.
  reply = RawExchange(port(), Request(port(), "/" + std::string(9000, 'd')));
  EXPECT_EQ(RawStatus(reply), 414);
  EXPECT_EQ(RawBody(reply), R"j({"error":{"vi":"Địa chỉ yêu cầu quá dài","en":"The request URI is too long"}})j" "\n");
  ExpectUnaffected();
}

TEST_F(ServeAttacks, MalformedRequestsAndOtherMethodsAreClean4xx) {
  std::string reply = RawExchange(port(), "BREW /coffee HTCPCP/1.0\r\n\r\n");
  EXPECT_EQ(RawStatus(reply), 400);
  EXPECT_EQ(RawBody(reply), R"j({"error":{"vi":"Yêu cầu HTTP sai cú pháp","en":"The HTTP request is malformed"}})j" "\n");
  reply = RawExchange(port(), "POST /api/v1/report HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port()) +
                                  "\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
  EXPECT_EQ(RawStatus(reply), 405);
  EXPECT_NE(reply.find("Allow: GET, HEAD\r\n"), std::string::npos);
  // DNS rebinding: a page of another site resolved to 127.0.0.1.
  reply = RawExchange(port(), "GET /api/v1/checkpoint HTTP/1.1\r\nHost: evil.example:" + std::to_string(port()) +
                                  "\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(RawStatus(reply), 421);
  EXPECT_EQ(RawBody(reply),
            R"j({"error":{"vi":"Tên máy \"evil.example:)j" + std::to_string(port()) +
                R"(\" không phải địa chỉ máy chủ này đang lắng nghe","en":"Host \"evil.example:)" +
                std::to_string(port()) + R"(\" is not the address this server listens on"}})" "\n");
  // Nothing a response carries names a file or a stack.
  EXPECT_EQ(reply.find("/tmp"), std::string::npos);
  ExpectUnaffected();
}

TEST_F(ServeAttacks, ASlowClientGets408AndHoldsNoThread) {
  // Two threads, and three clients that send half a request and stop: the
  // timeout (1 s) frees the threads, each gets 408, and a normal request
  // is answered after them.
  std::vector<int> slow;
  for (int i = 0; i < 3; ++i) {
    int fd = ConnectLoopback(port());
    std::string part = "GET /api/v1/checkpoint HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port()) + "\r\nX-Slow: ";
    ASSERT_EQ(send(fd, part.data(), part.size(), MSG_NOSIGNAL), static_cast<ssize_t>(part.size()));
    slow.push_back(fd);
  }
  auto start = std::chrono::steady_clock::now();
  for (int fd : slow) {
    std::string reply;
    char buf[4096];
    for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) reply.append(buf, static_cast<size_t>(n));
    close(fd);
    EXPECT_EQ(RawStatus(reply), 408) << reply;
    EXPECT_EQ(RawBody(reply),
              R"j({"error":{"vi":"Yêu cầu không được gửi hết trong 1 giây","en":"The request was not received in full within 1 seconds"}})j" "\n");
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(8));
  // A client dripping a byte every 300 ms never finishes within the second.
  int drip = ConnectLoopback(port());
  std::string text = "GET / HTTP/1.1\r\nHost: x\r\n";
  std::string reply;
  for (char c : text) {
    if (send(drip, &c, 1, MSG_NOSIGNAL) != 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  char buf[4096];
  for (ssize_t n; (n = recv(drip, buf, sizeof buf, 0)) > 0;) reply.append(buf, static_cast<size_t>(n));
  close(drip);
  EXPECT_EQ(RawStatus(reply), 408) << reply;
  // A connection that sends nothing is closed without an answer.
  EXPECT_EQ(RawExchange(port(), "", 4000), "");
  ExpectUnaffected();
}

}  // namespace
}  // namespace tledger::testing
